/**
 * The daily snapshot of the indicators on both engines, with a clock: the first claim of the
 * day writes today's value of every territory's computed indicators (a hand-entered one gets
 * none), stores its bilan in `taches` and one audit line; a second claim the same day does
 * nothing; 23 hours later the next day's run writes again; the server's timer tries and stops;
 * a territory whose snapshot fails (a real database refusal) is rolled back alone and named in
 * the bilan while the others are snapshotted, and the day stays claimed.
 * `aiguillage indicateurs relever --territoire` writes nothing twice the same day.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql, type SQL } from 'drizzle-orm'
import { ouvrirBase, type Base } from '../src/platform/db/database.ts'
import { creerIndicateur } from '../src/pilotage/indicateurs/store.ts'
import { derniereReleve, releveSiDu, tacheReleve } from '../src/pilotage/indicateurs/releve-quotidien.ts'
import { nouvelleBasePostgres, pourChaqueMoteur, URL_POSTGRES } from './support/bases.ts'
import { executer } from './support/cli.ts'

const MAINTENANT = new Date('2026-11-22T03:00:00Z')
const HEURE = 60 * 60 * 1000

const indicateursDeTest = async (base: Base) => {
  const calcule = (territoire: string) => creerIndicateur(base.db, { territoire, nature: 'calcule', code: 'lieux_publies', libelle: 'Lieux publiés', unite: 'lieux' })
  await calcule('departement:73')
  await calcule('departement:38')
  await creerIndicateur(base.db, { territoire: 'departement:73', nature: 'saisi', libelle: 'Aidants formés', unite: 'personnes', source: 'Bilans' })
}

pourChaqueMoteur('relevé quotidien des indicateurs', (moteur) => {
  let base: Base
  const rangees = async <T,>(requete: SQL) => ((await base.db.execute(requete)) as unknown as { rows: T[] }).rows
  const mesures = () => rangees<{ territoire: string; date: string; auteur: string }>(sql`select i.territoire, m.date::text as date, m.auteur from mesures m join indicateurs i on i.id = m.indicateur_id order by m.id`)

  beforeAll(async () => {
    base = await moteur.ouvrir()
    await indicateursDeTest(base)
  }, 60_000)
  afterAll(async () => base?.fermer())

  it('la première réclamation du jour relève chaque territoire, une seconde le même jour ne fait rien', async () => {
    const bilan = await releveSiDu(base.db, MAINTENANT)
    expect(bilan).toEqual({ territoires: 2, mesures: 2 })
    expect(await mesures()).toEqual([
      { territoire: 'departement:38', date: '2026-11-22', auteur: 'calcul' },
      { territoire: 'departement:73', date: '2026-11-22', auteur: 'calcul' },
    ])
    expect(await derniereReleve(base.db)).toEqual({ quand: MAINTENANT, bilan })
    expect(await rangees(sql`select objet_id, changements from journal_audit where action = 'indicateur.releve_quotidien'`)).toEqual([{ objet_id: '2026-11-22', changements: { territoires: 2, mesures: 2, date: '2026-11-22' } }])

    expect(await releveSiDu(base.db, new Date(MAINTENANT.getTime() + HEURE))).toBeUndefined()
    expect(await releveSiDu(base.db, new Date(MAINTENANT.getTime() + 22 * HEURE))).toBeUndefined()
    expect(await mesures()).toHaveLength(2)
    expect((await derniereReleve(base.db))?.quand).toEqual(MAINTENANT)
    // the other daily job has its own claim: the retention job is still due
    expect(await rangees(sql`select nom from taches`)).toEqual([{ nom: 'releve_indicateurs' }])

    const lendemain = new Date(MAINTENANT.getTime() + 23 * HEURE + 60_000)
    expect(await releveSiDu(base.db, lendemain)).toEqual({ territoires: 2, mesures: 2 })
    expect((await mesures()).map((m) => m.date)).toEqual(['2026-11-22', '2026-11-22', '2026-11-23', '2026-11-23'])
  })

  it('deux réclamations simultanées (deux serveurs) : une seule travaille', async () => {
    const instant = new Date(MAINTENANT.getTime() + 3 * 24 * HEURE)
    const resultats = await Promise.all([releveSiDu(base.db, instant), releveSiDu(base.db, instant), releveSiDu(base.db, instant)])
    expect(resultats.filter((r) => r !== undefined)).toEqual([{ territoires: 2, mesures: 2 }])
    expect(await mesures()).toHaveLength(6)
  })

  it('le minuteur du serveur essaie, s’arrête, et une panne est signalée', async () => {
    const echecs: unknown[] = []
    const casse = tacheReleve(base.db, () => new Date('invalide'), (e) => echecs.push(e))
    expect(await casse.essayer()).toBeUndefined()
    expect(echecs).toHaveLength(1)
    const tache = tacheReleve(base.db, () => new Date(MAINTENANT.getTime() + 10 * 24 * HEURE))
    tache.demarrer(3_600_000)
    expect(await tache.essayer()).toEqual({ territoires: 2, mesures: 2 })
    expect(await tache.essayer()).toBeUndefined()
    await tache.arreter()
  })

  it('un territoire en échec est annulé seul et dit dans le bilan ; les autres sont relevés, la réclamation ne bloque rien', async () => {
    // a real failure: the database refuses the measures of the Isère's indicators
    await base.db.execute(sql`create function refuser_38() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from indicateurs where id = new.indicateur_id and territoire = 'departement:38') then raise exception 'mesure refusée pour l''essai'; end if;
        return new;
      end $$`)
    await base.db.execute(sql`create trigger refuser_38 before insert on mesures for each row execute function refuser_38()`)
    try {
      const jour = new Date(MAINTENANT.getTime() + 20 * 24 * HEURE)
      const avant = (await mesures()).length
      const bilan = await releveSiDu(base.db, jour)
      expect(bilan).toEqual({ territoires: 2, mesures: 1, echecs: [{ territoire: 'departement:38', erreur: "mesure refusée pour l'essai" }] })
      expect((await mesures()).slice(avant)).toEqual([{ territoire: 'departement:73', date: '2026-12-12', auteur: 'calcul' }])
      expect(await derniereReleve(base.db)).toEqual({ quand: jour, bilan })
      // the day is claimed: a second try does nothing
      expect(await releveSiDu(base.db, new Date(jour.getTime() + HEURE))).toBeUndefined()
    } finally {
      await base.db.execute(sql`drop trigger refuser_38 on mesures`)
      await base.db.execute(sql`drop function refuser_38()`)
    }
  })
})

describe('aiguillage indicateurs relever', () => {
  let dossier: string
  beforeAll(() => {
    dossier = mkdtempSync(path.join(tmpdir(), 'aiguillage-releve-'))
  })
  afterAll(() => rmSync(dossier, { recursive: true, force: true }))

  it('relève un territoire, une fois par jour ; refuse un territoire inconnu', async () => {
    const pg = URL_POSTGRES ? await nouvelleBasePostgres() : undefined
    const env = pg ? { DATABASE_URL: pg.url } : { AIGUILLAGE_DATA_DIR: path.join(dossier, 'donnees'), DATABASE_URL: '' }
    const base = pg ?? (await ouvrirBase({ dossier: env.AIGUILLAGE_DATA_DIR }))
    await indicateursDeTest(base)
    if (!pg) await base.fermer()
    try {
      const premier = await executer(['indicateurs', 'relever', '--territoire', 'departement:73'], env)
      expect(premier.code, premier.stderr).toBe(0)
      expect(premier.stdout).toMatch(/Indicateurs relevés \(departement:73\)[^]*territoires +1[^]*mesures enregistrées 1/)
      const second = await executer(['indicateurs', 'relever', '--territoire', 'departement:73'], env)
      expect(second.stdout).toMatch(/mesures enregistrées 0/)
      const inconnu = await executer(['indicateurs', 'relever', '--territoire', 'departement:999'], env)
      expect(inconnu.code).toBe(1)
      expect(inconnu.stderr).toContain('Erreur :')
    } finally {
      await pg?.fermer()
    }
  }, 60_000)
})
