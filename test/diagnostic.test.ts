/**
 * The IFN import with the real files (../shared/data/territoires) and the diagnosis read from the
 * database, on PGlite and PostgreSQL: counts, rejected rows with their reasons, re-import
 * replacing values (upsert), one audit line per file with the counts, the weekly-hours cache, IFN
 * and activity joined to the communes.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { Base } from '../src/platform/db/database.ts'
import { journalRecent, SYSTEME } from '../src/audit/journal.ts'
import { importerIfn } from '../src/pilotage/fragilite/import.ts'
import { diagnostiquer } from '../src/pilotage/diagnostic/index.ts'
import { referentiel } from '../src/territories/referentiel.ts'
import { lireTerritoire } from '../src/territories/territoire.ts'
import { validerActivite } from '../src/activity/domain/validation.ts'
import { enregistrerActivite } from '../src/activity/store/activites.ts'
import { structureDuLieu } from '../src/activity/store/structures.ts'
import { beneficiaires } from '../src/platform/db/schema.ts'
import { importerLieux, lieuxDemo } from './http/serveur-de-test.ts'
import { pourChaqueMoteur } from './support/bases.ts'
import { lirePartage, partageDisponible } from './support/donnees.ts'

const nombreDe = async (base: Base, requete: ReturnType<typeof sql>) => Number(((await base.db.execute(requete)) as unknown as { rows: Array<{ n: number }> }).rows[0]?.n)

pourChaqueMoteur('IFN et diagnostic', (moteur) => {
  let base: Base
  beforeAll(async () => {
    base = await moteur.ouvrir()
  }, 60_000)
  afterAll(async () => base?.fermer())

  it.skipIf(!partageDisponible)('importe les fichiers réels, rejette le pseudo-EPCI, remplace à la réimportation', async () => {
    const communes = await importerIfn(base.db, SYSTEME, 'ifn-communes-2023.csv', lirePartage('territoires/ifn-communes-2023.csv'))
    expect(communes).toMatchObject({ lues: 35_008, acceptees: 35_008, nouvelles: 35_008, rejetees: 0, communes: 35_008 })
    const epci = await importerIfn(base.db, SYSTEME, 'ifn-epci-2023.csv', lirePartage('territoires/ifn-epci-2023.csv'))
    expect(epci).toMatchObject({ lues: 1255, acceptees: 1254, rejetees: 1, epci: 1254 })
    expect(epci.rejets).toEqual([{ ligne: 1256, colonne: 'code', valeur: 'ZZZZZZZZZ', message: expect.stringContaining('pseudo-code') }])
    // Marseille's cells are empty: kept empty
    expect(await nombreDe(base, sql`select count(*)::int as n from ifn where division = 'commune' and total is null`)).toBe(2)
    const encore = await importerIfn(base.db, SYSTEME, 'ifn-epci-2023.csv', lirePartage('territoires/ifn-epci-2023.csv'))
    expect(encore).toMatchObject({ acceptees: 1254, nouvelles: 0, misesAJour: 1254 })
    expect(await nombreDe(base, sql`select count(*)::int as n from ifn`)).toBe(35_008 + 1254)
    const journal = await journalRecent(base.db, { objetType: 'ifn' })
    expect(journal.map((l) => [l.action, l.objetId, l.acteur, l.acteurId])).toEqual([0, 1, 2].map(() => ['ifn.importe', expect.stringMatching(/^ifn-/), 'ligne de commande', null]))
    expect(journal[0]?.changements).toEqual({ lues: 1255, acceptees: 1254, nouvelles: 0, misesAJour: 1254, communes: 0, epci: 1254, rejetees: 1 })
    expect(journal[2]).toMatchObject({ objetId: 'ifn-communes-2023.csv', changements: { lues: 35_008, acceptees: 35_008, nouvelles: 35_008 } })
  }, 120_000)

  it('rejette une ligne avec toutes ses raisons, garde les autres', async () => {
    const fichier = ['name;division;code;no_thd_coverage_rate;no_4g_coverage_rate;poverty_rate;older_65_rate;nscol15p_rate;total', 'Bonne;city;73065;1;2;3;4;5;9,5', ';ville;7306;abc;11;3;4;5;6'].join('\n')
    const bilan = await importerIfn(base.db, SYSTEME, 'essai.csv', new TextEncoder().encode(fichier))
    expect(bilan).toMatchObject({ lues: 2, acceptees: 1, rejetees: 1 })
    expect(bilan.rejets.map((r) => [r.ligne, r.colonne])).toEqual([[3, 'name'], [3, 'division'], [3, 'no_thd_coverage_rate'], [3, 'no_4g_coverage_rate']])
    expect(await nombreDe(base, sql`select total::float8 as n from ifn where division = 'commune' and code = '73065'`)).toBe(9.5)
    await expect(importerIfn(base.db, SYSTEME, 'x.csv', new TextEncoder().encode('a,b\n1,2'))).rejects.toThrow(/Colonnes manquantes/)
    // one audit line for the file, counts only; none for the unreadable one
    const [derniere] = await journalRecent(base.db, { objetType: 'ifn', limite: 1 })
    expect(derniere).toMatchObject({ action: 'ifn.importe', objetId: 'essai.csv', acteur: 'ligne de commande', changements: { lues: 2, acceptees: 1, rejetees: 1, communes: 1, epci: 0 } })
    expect(JSON.stringify(derniere?.changements)).not.toContain('Bonne')
  })

  it('diagnostique la Savoie depuis la base : lieux, heures en cache, IFN, activité des résidents', async () => {
    await importerLieux(base, lieuxDemo(40), 'Démonstration', false)
    const { rows } = (await base.db.execute(sql`select uid::int as uid, commune_resolue as commune from lieux where statut = 'publie' and commune_resolue is not null order by uid limit 1`)) as unknown as { rows: Array<{ uid: number; commune: string }> }
    const lieu = rows[0]!
    const r = validerActivite({ type: 'individuel', duree: 45, thematiques: ['email'], typeLieu: 'lieu_activite', lieu: String(lieu.uid), date: '2025-03-03', beneficiaireAnonyme: { genre: 'feminin', communeResidence: '73065' } }, '2026-01-01')
    if ('erreurs' in r) throw new Error(JSON.stringify(r.erreurs))
    await enregistrerActivite(base.db, { id: null, libelle: 'test', adresseIp: null }, { activite: r.activite, mediateurId: null, lieuUid: lieu.uid })
    // a followed person of Chambéry accompanied twice counts once
    const [suivi] = await base.db
      .insert(beneficiaires)
      .values({ structureId: await structureDuLieu(base.db, lieu.uid), prenom: 'P', nom: 'N', communeResidence: '73065', consentementLe: '2025-01-01', consentementPortee: 'structure', consentementRecueil: 'oral' })
      .returning({ id: beneficiaires.id })
    for (const date of ['2025-04-07', '2025-05-12']) {
      const v = validerActivite({ type: 'individuel', duree: 30, thematiques: ['email'], typeLieu: 'lieu_activite', lieu: String(lieu.uid), date, beneficiaireSuivi: suivi!.id }, '2026-01-01')
      if ('erreurs' in v) throw new Error(JSON.stringify(v.erreurs))
      await enregistrerActivite(base.db, { id: null, libelle: 'test', adresseIp: null }, { activite: v.activite, mediateurId: null, lieuUid: lieu.uid })
    }

    const savoie = lireTerritoire('departement:73', referentiel())
    const lignes = await diagnostiquer(base.db, savoie, { moisDu: '2025-01-01', moisAu: '2025-12-01' })
    expect(lignes.length).toBe([...referentiel().communes.values()].filter((c) => c.departement === '73' && c.type === 'commune-actuelle').length)
    expect(lignes.filter((l) => l.lieux20 > 0).length).toBeGreaterThan(0)
    expect(lignes.some((l) => l.heuresHebdo10km > 0)).toBe(true)
    expect(await nombreDe(base, sql`select count(*)::int as n from diagnostic_heures`)).toBeGreaterThan(0)
    const chambery = lignes.find((l) => l.code === '73065')!
    expect(chambery.activite.beneficiaires).toBe(2)
    expect(chambery.ifn?.total).toBe(9.5)
    expect(lignes.find((l) => l.code === lieu.commune)!.activite.accompagnements).toBe(3)
    // second run: hours from the cache, same answer
    expect(await diagnostiquer(base.db, savoie, { moisDu: '2025-01-01', moisAu: '2025-12-01' })).toEqual(lignes)
  }, 60_000)
})
