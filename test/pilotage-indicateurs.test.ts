/**
 * The indicator catalogue on a small known dataset, on both engines: three places (two in
 * Chambéry with known programmes, labels and hours, one in Aix-les-Bains), the IFN of Chambéry;
 * every catalogue indicator of `commune:73065` gives the expected value — or `null` with its
 * reason (QPV not imported, no rural commune under the proxy) until the QPV list and the density
 * grid are imported (with per-row reasons for bad rows); a file with no valid row, or with x/y
 * columns, is refused and the QPV list kept; each import writes one audit line (counts only).
 * Then a computed indicator is snapshot, and two concurrent snapshots write one measure each.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { FichierIlisibleError } from '../src/places/io/lecture.ts'
import type { Base } from '../src/platform/db/database.ts'
import { ifn } from '../src/platform/db/schema.ts'
import { referentiel } from '../src/territories/referentiel.ts'
import { lireTerritoire, type Territoire } from '../src/territories/territoire.ts'
import { besoinsDe, CATALOGUE, definitionDe, evaluer } from '../src/pilotage/indicateurs/catalogue/index.ts'
import { chargerDonnees } from '../src/pilotage/indicateurs/donnees.ts'
import { importerDensite, importerQpv } from '../src/pilotage/indicateurs/import/import.ts'
import { relever } from '../src/pilotage/indicateurs/service.ts'
import { creerIndicateur, mesuresDuTerritoire } from '../src/pilotage/indicateurs/store.ts'
import { importerLieux } from './http/serveur-de-test.ts'
import { pourChaqueMoteur } from './support/bases.ts'

const AUJOURDHUI = '2026-03-02'
const PERIODE = { du: '2026-01-01', au: AUJOURDHUI }
const lieu = (id: string, extra: Record<string, unknown>) => ({
  id, pivot: '00000000000000', nom: `Lieu ${id}`, commune: 'Chambéry', code_postal: '73000', code_insee: '73065', adresse: '12 place Saint-Léger',
  latitude: 45.5646, longitude: 5.9203, date_maj: '2026-01-02', services: 'Aide aux démarches administratives', ...extra,
})

pourChaqueMoteur('catalogue des indicateurs', (moteur) => {
  let base: Base
  let chambery: Territoire
  const valeurs = async () => {
    const donnees = await chargerDonnees(base.db, chambery, PERIODE, besoinsDe(CATALOGUE), AUJOURDHUI)
    const de = (code: string, parametres = {}) => evaluer(definitionDe(code) ?? CATALOGUE[0]!, donnees, parametres)
    return de
  }

  beforeAll(async () => {
    base = await moteur.ouvrir()
    chambery = lireTerritoire('commune:73065', referentiel())
    await importerLieux(base, [
      lieu('a', { horaires: 'Mo-Fr 09:00-12:00', dispositif_programmes_nationaux: 'France Services|Aidants Connect', formations_labels: 'Fabriques de Territoire' }),
      lieu('b', { latitude: 45.5710, longitude: 5.9300, dispositif_programmes_nationaux: 'Conseillers numériques' }),
      lieu('c', { commune: 'Aix-les-Bains', code_postal: '73100', code_insee: '73008', latitude: 45.688, longitude: 5.915, horaires: 'Sa 10:00-12:00', dispositif_programmes_nationaux: 'France Services' }),
    ])
    await base.db.insert(ifn).values({ division: 'commune', code: '73065', nom: 'Chambéry', total: 7.5, fichier: 'essai.csv' })
  })
  afterAll(() => base?.fermer())

  it('calcule chaque indicateur du territoire sur les données connues', async () => {
    const de = await valeurs()
    expect(de('lieux_publies').valeur).toBe(2)
    expect(de('lieux_avec_horaires')).toMatchObject({ valeur: 1, precision: 'sur 2 lieux publiés' })
    expect(de('heures_hebdomadaires')).toMatchObject({ valeur: 15, precision: '1 lieu sans horaires lisibles compté 0' })
    expect(de('lieux_france_services').valeur).toBe(1)
    expect(de('lieux_conseillers_numeriques').valeur).toBe(1)
    expect(de('lieux_aidants_connect').valeur).toBe(1)
    expect(de('lieux_par_label', { label: 'Fabriques de Territoire' })).toMatchObject({ valeur: 1, libelle: 'Lieux « Fabriques de Territoire »' })
    expect(de('lieux_par_label', { label: 'Inventé' })).toMatchObject({ valeur: null, raison: 'Label ou dispositif inconnu : « Inventé ».' })
    expect(de('couverture_10km').valeur).toBe(100)
    expect(de('ifn_moyen').valeur).toBe(7.5)
    expect(de('population_fragile').valeur).toBe(100)
    expect(de('accompagnements').valeur).toBe(0)
    expect(de('beneficiaires_par_public', { public: 'genre:feminin' }).valeur).toBe(0)
    // chacun dit d'où il vient
    expect(de('lieux_publies').perimetre).toBe('Chambéry — calculé le 2 mars 2026')
    expect(de('accompagnements').perimetre).toBe('Chambéry, du 1er janvier 2026 au 2 mars 2026 — calculé le 2 mars 2026')
  })

  it('dit pourquoi il ne calcule pas, puis calcule une fois les QPV et la grille de densité importées', async () => {
    let de = await valeurs()
    expect(de('couverture_qpv')).toMatchObject({ valeur: null, raison: 'Données QPV non importées (aiguillage qpv importer <fichier>).' })
    expect(de('couverture_rurale').valeur).toBeNull()
    expect(de('couverture_rurale').raison).toContain('moins de 2\u202f000 habitants')

    const qpv = ['code_qp;nom_qp;code_commune;latitude;longitude', 'QN07301M;Les Hauts;73065;45,5650;5,9210', 'QN07302M;Loin;73065;45.60;5.86', 'X1;;99999;abc;5'].join('\n')
    const bilan = await importerQpv(base.db, 'qpv.csv', Buffer.from(qpv))
    expect(bilan).toMatchObject({ lues: 3, acceptees: 2, rejetees: 1 })
    expect(bilan.rejets.map((r) => `${r.ligne} ${r.colonne}`)).toEqual(['4 code_qp', '4 nom_qp', '4 code_commune', '4 latitude'])
    expect(bilan.rejets[2]?.message).toBe('Code commune « 99999 » inconnu du Code officiel géographique.')
    const densite = await importerDensite(base.db, 'grille.csv', Buffer.from('codgeo,dens7\n73065,5\n73008,9\n'))
    expect(densite).toMatchObject({ lues: 2, acceptees: 1, rejetees: 1 })

    de = await valeurs()
    expect(de('couverture_qpv')).toMatchObject({ valeur: 50, precision: '1 quartier sur 2' })
    expect(de('couverture_rurale').valeur).toBe(100)
    expect(de('couverture_rurale').precision).toContain('grille communale de densité')
  })

  it('un fichier QPV sans aucune ligne valable, ou en x/y Lambert-93, est refusé et garde la liste ; chaque import est journalisé', async () => {
    const compter = async () => ((await base.db.execute(sql`select count(*)::int as n from qpv`)) as unknown as { rows: Array<{ n: number }> }).rows[0]?.n
    expect(await compter()).toBe(2)
    const mauvais = ['code_qp;nom_qp;code_commune;latitude;longitude', 'X1;;99999;abc;5', 'X2;Nom;73065;95;5'].join('\n')
    await expect(importerQpv(base.db, 'mauvais.csv', Buffer.from(mauvais))).rejects.toThrow(FichierIlisibleError)
    await expect(importerQpv(base.db, 'mauvais.csv', Buffer.from(mauvais))).rejects.toThrow(/Aucune ligne valable dans mauvais\.csv \(2 lues\)[^]*ligne 2, colonne code_qp/)
    const lambert = ['code_qp;nom_qp;code_commune;x;y', 'QN07301M;Les Hauts;73065;925000;6500000'].join('\n')
    await expect(importerQpv(base.db, 'lambert.csv', Buffer.from(lambert))).rejects.toThrow(/Colonnes introuvables dans lambert\.csv : latitude[^]*longitude/)
    await expect(importerDensite(base.db, 'vide.csv', Buffer.from('codgeo,dens7\n99999,9\n'))).rejects.toThrow(FichierIlisibleError)
    expect(await compter()).toBe(2)
    const journal = ((await base.db.execute(sql`select action, acteur, objet_id, changements from journal_audit where action in ('qpv.importe', 'densite.importe') order by id`)) as unknown as { rows: unknown[] }).rows
    expect(journal).toEqual([
      { action: 'qpv.importe', acteur: 'ligne de commande', objet_id: 'qpv.csv', changements: { lues: 3, acceptees: 2, rejetees: 1 } },
      { action: 'densite.importe', acteur: 'ligne de commande', objet_id: 'grille.csv', changements: { lues: 2, acceptees: 1, rejetees: 1 } },
    ])
  })

  it('relève la valeur des indicateurs calculés du territoire, une fois par jour', async () => {
    const id = await creerIndicateur(base.db, { territoire: 'commune:73065', nature: 'calcule', code: 'lieux_publies', libelle: 'Lieux publiés', unite: 'lieux' })
    expect(await relever(base.db, chambery, 'commune:73065', PERIODE, AUJOURDHUI)).toBe(1)
    expect(await relever(base.db, chambery, 'commune:73065', PERIODE, AUJOURDHUI)).toBe(0)
    const [mesure] = (await mesuresDuTerritoire(base.db, 'commune:73065')).get(id) ?? []
    expect(mesure).toMatchObject({ date: AUJOURDHUI, valeur: 2, auteur: 'calcul' })
    expect(mesure?.source).toContain('Registre des lieux')
  })

  it('deux relevés simultanés (« Relever maintenant » et la tâche du jour) écrivent une seule mesure par indicateur', async () => {
    const ids = [
      await creerIndicateur(base.db, { territoire: 'commune:73065', nature: 'calcule', code: 'lieux_avec_horaires', libelle: 'Lieux avec horaires', unite: 'lieux' }),
      await creerIndicateur(base.db, { territoire: 'commune:73065', nature: 'calcule', code: 'lieux_france_services', libelle: 'France Services', unite: 'lieux' }),
    ]
    const demain = '2026-03-03'
    const ecrites = await Promise.all([relever(base.db, chambery, 'commune:73065', PERIODE, demain), relever(base.db, chambery, 'commune:73065', PERIODE, demain)])
    // three computed indicators (lieux_publies of the test above and these two), one measure each
    expect(ecrites[0] + ecrites[1]).toBe(3)
    const parIndicateur = await mesuresDuTerritoire(base.db, 'commune:73065')
    for (const id of ids) expect(parIndicateur.get(id)?.filter((m) => m.date === demain)).toHaveLength(1)
    const doublons = (await base.db.execute(sql`select indicateur_id, count(*)::int as n from mesures where date = ${demain} group by 1 having count(*) > 1`)) as unknown as { rows: unknown[] }
    expect(doublons.rows).toEqual([])
  })
})
