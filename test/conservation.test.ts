/**
 * The retention rules on both engines, with a clock: identities of files not updated for more
 * than the rule are erased, younger ones kept (an accompaniment counts as an update); notes of
 * activities older than the rule erased, the activities kept; what referrals shared erased after
 * the rule; the statistics unchanged. The daily job claims its day atomically: a second run the
 * same day does nothing, two concurrent runs → one. `aiguillage conservation appliquer` prints
 * the bilan and records the run.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { ouvrirBase, type Base } from '../src/platform/db/database.ts'
import { REGLES_PAR_DEFAUT } from '../src/activity/domain/conservation.ts'
import { appliquerConservation } from '../src/activity/store/conservation.ts'
import { creerBeneficiaire } from '../src/activity/store/beneficiaires.ts'
import { conservationSiDue, derniereExecution, tacheConservation } from '../src/activity/store/tache-quotidienne.ts'
import { statistiques } from '../src/activity/stats/requetes.ts'
import { nouvelleBasePostgres, pourChaqueMoteur, URL_POSTGRES } from './support/bases.ts'
import { ACTEUR, individuel, orientation, preparerMonde, rangees, saisie, type Monde } from './support/beneficiaires.ts'
import { executer } from './support/cli.ts'

const MAINTENANT = new Date('2026-11-22T03:00:00Z')
const HEURE = 60 * 60 * 1000
const JOUR = 24 * HEURE
const ilYa = (jours: number) => new Date(MAINTENANT.getTime() - jours * JOUR).toISOString()

pourChaqueMoteur('conservation des données personnelles', (moteur) => {
  let base: Base
  let m: Monde
  type Cle = 'vieux' | 'jeune' | 'limite' | 'actif' | 'revenu' | 'aVieuxAccompagnement' | 'recent' | 'anonymeAncien' | 'anonymeJeune' | 'orientationVieille' | 'orientationJeune'
  const ids = {} as Record<Cle, string>

  beforeAll(async () => {
    base = await moteur.ouvrir()
    m = await preparerMonde(base)
    const fiche = (nom: string) => creerBeneficiaire(base.db, ACTEUR, m.m1, m.structures.ab, saisie({ nom }))
    ids.vieux = await fiche('Ancien')
    ids.jeune = await fiche('Récent')
    ids.limite = await fiche('Limite')
    ids.actif = await fiche('Actif')
    ids.revenu = await fiche('Revenu')
    ids.aVieuxAccompagnement = await individuel(base, m.m1.id, m.lieux.a, '2025-03-01', ids.vieux, 'Vieilles notes')
    ids.recent = await individuel(base, m.m1.id, m.lieux.a, '2026-10-01', ids.actif, 'Notes récentes')
    ids.anonymeAncien = await individuel(base, m.m1.id, m.lieux.a, '2025-11-20', undefined, 'Notes d’un anonyme, anciennes')
    ids.anonymeJeune = await individuel(base, m.m1.id, m.lieux.a, '2025-11-24', undefined, 'Notes d’un anonyme, de moins d’un an')
    await base.db.execute(sql`update beneficiaires set mis_a_jour_le = ${ilYa(400)}::timestamptz where id in (${ids.vieux}::uuid, ${ids.revenu}::uuid)`)
    // the person came back: recording an accompaniment is an update of their file, which stays
    await individuel(base, m.m1.id, m.lieux.a, '2026-11-20', ids.revenu, 'Notes du retour')
    await base.db.execute(sql`update beneficiaires set mis_a_jour_le = ${ilYa(100)}::timestamptz where id = ${ids.jeune}::uuid`)
    await base.db.execute(sql`update beneficiaires set mis_a_jour_le = ${ilYa(364)}::timestamptz where id = ${ids.limite}::uuid`)
    ids.orientationVieille = await orientation(base, m.lieux.a, m.lieux.c, m.m1.id, null, { prenom: 'Ancienne' })
    ids.orientationJeune = await orientation(base, m.lieux.a, m.lieux.c, m.m1.id, null, { prenom: 'Récente' })
    await base.db.execute(sql`update orientations set mis_a_jour_le = ${ilYa(366)}::timestamptz where id = ${ids.orientationVieille}::uuid`)
  }, 60_000)
  afterAll(async () => base?.fermer())

  const identite = async (id: string) => (await rangees<{ nom: string | null; genre: string }>(base, sql`select nom, genre from beneficiaires where id = ${id}::uuid`))[0]
  const notes = async (id: string) => (await rangees<{ notes: string | null }>(base, sql`select notes from activites where id = ${id}::uuid`))[0]?.notes
  const partage = async (id: string) => (await rangees<{ partage: unknown }>(base, sql`select partage from orientations where id = ${id}::uuid`))[0]?.partage

  it('la tâche du jour efface ce qui a passé la règle, garde le reste, et les statistiques ne bougent pas', async () => {
    const stats = () => statistiques(base.db, { tout: true }, { du: '2024-12-01', au: '2026-11-30' }, { aujourdhui: '2026-11-22' })
    const avant = { stats: await stats(), cumuls: await rangees(base, sql`select * from stats_mensuelles order by 1, 2, 3, 4, 5, 6, 7, 8, 9`) }

    const bilan = await conservationSiDue(base.db, MAINTENANT, REGLES_PAR_DEFAUT)
    // identities: the 400-day-old file; notes: its activity (2025-03-01) and the anonymous one of 2025-11-20; referrals: the 366-day-old one
    expect(bilan).toEqual({ identites: 1, notes: 2, orientations: 1 })

    expect(await identite(ids.vieux)).toEqual({ nom: null, genre: 'feminin' })
    for (const cle of ['jeune', 'limite', 'actif', 'revenu'] as const) expect((await identite(ids[cle]))?.nom, cle).not.toBeNull()
    expect(await notes(ids.aVieuxAccompagnement)).toBeNull()
    expect(await notes(ids.anonymeAncien)).toBeNull()
    expect(await notes(ids.anonymeJeune)).toBe('Notes d’un anonyme, de moins d’un an')
    expect(await notes(ids.recent)).toBe('Notes récentes')
    expect(await partage(ids.orientationVieille)).toBeNull()
    expect(await partage(ids.orientationJeune)).toEqual({ prenom: 'Récente' })
    expect(await rangees(base, sql`select 1 from activites where id in (${ids.aVieuxAccompagnement}::uuid, ${ids.anonymeAncien}::uuid) and supprime_le is null`)).toHaveLength(2)

    expect(await stats()).toEqual(avant.stats)
    expect(await rangees(base, sql`select * from stats_mensuelles order by 1, 2, 3, 4, 5, 6, 7, 8, 9`)).toEqual(avant.cumuls)

    expect(await derniereExecution(base.db)).toEqual({ quand: MAINTENANT, bilan })
    const journal = await rangees<{ objet_id: string; changements: Record<string, unknown> }>(base, sql`select objet_id, changements from journal_audit where objet_type = 'conservation'`)
    expect(journal).toEqual([{ objet_id: '2026-11-22', changements: { ...bilan, regles: REGLES_PAR_DEFAUT } }])
  })

  it('le même jour, une seconde exécution ne fait rien (la journée est réclamée)', async () => {
    await base.db.execute(sql`update beneficiaires set mis_a_jour_le = ${ilYa(400)}::timestamptz where id = ${ids.limite}::uuid`)
    expect(await conservationSiDue(base.db, new Date(MAINTENANT.getTime() + HEURE), REGLES_PAR_DEFAUT)).toBeUndefined()
    expect(await conservationSiDue(base.db, new Date(MAINTENANT.getTime() + 22 * HEURE), REGLES_PAR_DEFAUT)).toBeUndefined()
    expect((await identite(ids.limite))?.nom).not.toBeNull()
    expect((await derniereExecution(base.db))?.quand).toEqual(MAINTENANT)
    // 23 hours later, the next day's run does the work
    const lendemain = new Date(MAINTENANT.getTime() + 23 * HEURE + 60_000)
    expect(await conservationSiDue(base.db, lendemain, REGLES_PAR_DEFAUT)).toEqual({ identites: 1, notes: 0, orientations: 0 })
    expect((await identite(ids.limite))?.nom).toBeNull()
  })

  it('deux exécutions simultanées (deux serveurs) : une seule travaille, même sur une table vide', async () => {
    for (const vider of [false, true]) {
      if (vider) await base.db.execute(sql`delete from taches`)
      const instant = new Date(MAINTENANT.getTime() + (vider ? 5 : 3) * JOUR)
      const resultats = await Promise.all([conservationSiDue(base.db, instant, REGLES_PAR_DEFAUT), conservationSiDue(base.db, instant, REGLES_PAR_DEFAUT), conservationSiDue(base.db, instant, REGLES_PAR_DEFAUT)])
      expect(resultats.filter((r) => r !== undefined), vider ? 'table vide' : 'ligne existante').toHaveLength(1)
    }
    expect(await rangees(base, sql`select 1 from journal_audit where objet_type = 'conservation'`)).toHaveLength(4)
  })

  it('le minuteur du serveur essaie, s’arrête, et une panne rend la journée', async () => {
    const echecs: unknown[] = []
    const casse = tacheConservation(base.db, { identitesJours: 365, notesJours: 365, orientationsJours: 365 }, () => new Date('invalide'), (e) => echecs.push(e))
    expect(await casse.essayer()).toBeUndefined()
    expect(echecs).toHaveLength(1)
    const tache = tacheConservation(base.db, REGLES_PAR_DEFAUT, () => new Date(MAINTENANT.getTime() + 10 * JOUR))
    tache.demarrer(3_600_000)
    expect(await tache.essayer()).toEqual({ identites: 0, notes: 0, orientations: 0 })
    expect(await tache.essayer()).toBeUndefined()
    await tache.arreter()
  })

  it('appliquerConservation seule, avec des règles de 30 jours', async () => {
    // (the 2025-11-24 notes went with the run 3 days later, above)
    expect(await notes(ids.anonymeJeune)).toBeNull()
    expect(await appliquerConservation(base.db, MAINTENANT, { identitesJours: 30, notesJours: 30, orientationsJours: 30 })).toEqual({ identites: 1, notes: 1, orientations: 0 })
    expect((await identite(ids.jeune))?.nom).toBeNull()
    expect(await notes(ids.recent)).toBeNull()
    for (const cle of ['actif', 'revenu'] as const) expect((await identite(ids[cle]))?.nom, cle).not.toBeNull()
  })
})

describe('aiguillage conservation appliquer', () => {
  let dossier: string
  beforeAll(() => {
    dossier = mkdtempSync(path.join(tmpdir(), 'aiguillage-conservation-'))
  })
  afterAll(() => rmSync(dossier, { recursive: true, force: true }))

  it('affiche les règles et le bilan, enregistre l’exécution, refuse une règle de moins de 30 jours', async () => {
    const pg = URL_POSTGRES ? await nouvelleBasePostgres() : undefined
    const env = pg ? { DATABASE_URL: pg.url } : { AIGUILLAGE_DATA_DIR: path.join(dossier, 'donnees'), DATABASE_URL: '' }
    const base = pg ?? (await ouvrirBase({ dossier: env.AIGUILLAGE_DATA_DIR }))
    const m = await preparerMonde(base)
    const id = await creerBeneficiaire(base.db, ACTEUR, m.m1, m.structures.ab, saisie())
    await base.db.execute(sql`update beneficiaires set mis_a_jour_le = now() - interval '400 days' where id = ${id}::uuid`)
    if (!pg) await base.fermer()
    try {
      const { code, stdout } = await executer(['conservation', 'appliquer'], env)
      expect(code).toBe(0)
      expect(stdout).toMatch(/identités de bénéficiaires effacées +1\n/)
      expect(stdout).toMatch(/orientations dont le partage est effacé +0\n/)
      const regles = await executer(['conservation'], { ...env, AIGUILLAGE_CONSERVATION_NOTES_JOURS: '90' })
      expect(regles.stdout).toContain('Identité des bénéficiaires suivis : effacées 365 jours (1 an) après la dernière mise à jour de leur fiche')
      expect(regles.stdout).toContain('Notes des activités : effacées 90 jours (3 mois) après')
      expect(regles.stdout).toMatch(/Dernière exécution : \d{2}\/\d{2}\/\d{4}/)
      const refus = await executer(['conservation', 'appliquer'], { ...env, AIGUILLAGE_CONSERVATION_IDENTITES_JOURS: '7' })
      expect(refus.code).toBe(1)
      expect(refus.stderr).toContain('AIGUILLAGE_CONSERVATION_IDENTITES_JOURS vaut 7 : une durée de conservation de moins de 30 jours est refusée')
    } finally {
      await pg?.fermer()
    }
  }, 120_000)
})
