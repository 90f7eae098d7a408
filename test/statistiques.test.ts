/**
 * Activity statistics on both engines, against La Coop's counting recomputed in memory: a seeded
 * random series of activities recorded, edited and deleted through the store; then, for many
 * scopes and filters, the dashboard read from the rollups (or the exact fallback) equals the pure
 * computation (`compterAccompagnements`, `repartitionPonderee`) over the same activities —
 * accompaniments, activities, beneficiaries (new and known, anonymous and followed distinct),
 * every breakdown, the monthly series. Also: a workshop counts per participant, edits and
 * deletions move the figures, percentages sum to 100, another territory sees nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { Base } from '../src/platform/db/database.ts'
import type { Acteur } from '../src/audit/journal.ts'
import { beneficiaires } from '../src/platform/db/schema.ts'
import { creerOuRetrouver } from '../src/accounts/store/comptes.ts'
import { enregistrerActivite, modifierActivite, supprimerActivite } from '../src/activity/store/activites.ts'
import { structureDuLieu } from '../src/activity/store/structures.ts'
import { validerActivite } from '../src/activity/domain/validation.ts'
import { lireTerritoire } from '../src/territories/territoire.ts'
import { referentiel } from '../src/territories/referentiel.ts'
import { lireActivites, lireCumuls, lireSuivis, statistiques } from '../src/activity/stats/requetes.ts'
import { effacerIdentite, modifierBeneficiaire } from '../src/activity/store/beneficiaires.ts'
import { reconstruireSuivis } from '../src/activity/store/suivis.ts'
import { saisie } from './support/beneficiaires.ts'
import { choixDuPerimetre, tableauDeBord } from '../src/activity/stats/tableau-de-bord.ts'
import type { Agregats } from '../src/activity/stats/agregats.ts'
import { fenetres, type Filtres, type Portee } from '../src/activity/stats/filtres.ts'
import { importerLieux, lieuxDemo } from './http/serveur-de-test.ts'
import { pourChaqueMoteur } from './support/bases.ts'
import { activiteAuHasard, AUJOURDHUI, hasard } from './support/statistiques.ts'
import { attendu, type Modele, type Suivi } from './support/statistiques-attendues.ts'

const ACTEUR: Acteur = { id: null, libelle: 'test', adresseIp: null }
const rangees = async <T>(base: Base, requete: ReturnType<typeof sql>) => ((await base.db.execute(requete)) as unknown as { rows: T[] }).rows

pourChaqueMoteur('statistiques d’activité', (moteur) => {
  let base: Base
  const modele: Modele = { activites: new Map(), suivis: new Map(), ordre: 0 }
  let lieux: Array<{ uid: number; commune: string; departement: string; structure: number }> = []
  let mediateurs: number[] = []

  const ecrire = async (id: string | undefined, h: ReturnType<typeof hasard>) => {
    const lieu = h.parmi(lieux)
    const suivisDuLieu = [...modele.suivis.values()].filter((s) => s.structure === lieu.structure).map((s) => s.id)
    const activite = activiteAuHasard(h, lieu.uid, suivisDuLieu)
    const mediateurId = h.parmi(mediateurs)
    const saisie = { activite, mediateurId, lieuUid: lieu.uid }
    const ref = referentiel()
    const ailleurs = activite.typeLieu === 'domicile' || activite.typeLieu === 'autre'
    const commune = ailleurs ? (ref.communeActuelle(activite.commune as string)?.code ?? '') : lieu.commune
    const cle = { mediateurId, lieuUid: lieu.uid, structureId: lieu.structure, codeInsee: commune, departement: ref.communes.get(commune)?.departement ?? '' }
    if (id === undefined) {
      const nouvel = await enregistrerActivite(base.db, ACTEUR, saisie)
      modele.activites.set(nouvel, { id: nouvel, activite, ...cle, ordre: modele.ordre++ })
      return nouvel
    }
    await modifierActivite(base.db, ACTEUR, id, saisie)
    const avant = modele.activites.get(id)
    modele.activites.set(id, { id, activite, ...cle, ordre: avant?.ordre ?? 0 })
    return id
  }

  beforeAll(async () => {
    base = await moteur.ouvrir()
    await importerLieux(base, lieuxDemo(8), 'Démonstration', false)
    const brutes = await rangees<{ uid: number; commune: string; departement: string }>(
      base,
      sql`select uid, commune_resolue as commune, code_departement as departement from lieux where commune_resolue is not null order by uid limit 4`,
    )
    for (const l of brutes) lieux.push({ uid: Number(l.uid), commune: l.commune, departement: l.departement, structure: await structureDuLieu(base.db, Number(l.uid)) })
    mediateurs = [(await creerOuRetrouver(base.db, 'm1@exemple.fr', 'Médiatrice Une')).id, (await creerOuRetrouver(base.db, 'm2@exemple.fr', 'Médiateur Deux')).id]
    const h = hasard(7)
    for (const lieu of lieux.slice(0, 2)) {
      for (let i = 0; i < 5; i++) {
        const suivi: Omit<Suivi, 'id'> = {
          structure: lieu.structure,
          genre: h.parmi(['feminin', 'masculin', 'non_communique']),
          trancheAge: h.parmi(['vingt_cinq_trente_neuf', 'non_communique']),
          anneeNaissance: h.suivant() < 0.5 ? 1940 + h.entier(70) : null,
          statutSocial: h.parmi(['retraite', 'en_emploi', 'non_communique']),
          residence: h.suivant() < 0.5 ? '73065' : null,
        }
        const [b] = await base.db
          .insert(beneficiaires)
          .values({
            structureId: suivi.structure, prenom: 'P', nom: `N${i}`, genre: suivi.genre, trancheAge: suivi.trancheAge, anneeNaissance: suivi.anneeNaissance,
            statutSocial: suivi.statutSocial, communeResidence: suivi.residence, consentementLe: '2025-01-01', consentementPortee: 'structure', consentementRecueil: 'oral',
          })
          .returning({ id: beneficiaires.id })
        modele.suivis.set(b!.id, { id: b!.id, ...suivi })
      }
    }
    const ids: string[] = []
    for (let i = 0; i < 140; i++) {
      const action = ids.length > 5 ? h.suivant() : 0
      if (action < 0.75) ids.push(await ecrire(undefined, h))
      else if (action < 0.9) await ecrire(h.parmi(ids), h)
      else {
        const id = h.parmi(ids)
        await supprimerActivite(base.db, ACTEUR, id)
        modele.activites.delete(id)
        ids.splice(ids.indexOf(id), 1)
      }
    }
  }, 180_000)
  afterAll(async () => {
    await base?.fermer()
  })

  const cas = (): Array<[string, Portee, Filtres]> => {
    const savoie = lireTerritoire('departement:73', referentiel())
    const commune = lireTerritoire(`commune:${lieux[0]!.commune}`, referentiel())
    const region = lireTerritoire('region:84', referentiel())
    return [
      ['tout, l’année', { tout: true }, { du: '2025-01-01', au: '2025-12-31' }],
      ['tout, un trimestre', { tout: true }, { du: '2025-04-01', au: '2025-06-30' }],
      ['un médiateur', { mediateur: mediateurs[0]! }, { du: '2025-01-01', au: '2025-12-31' }],
      ['un lieu', { lieu: lieux[0]!.uid }, { du: '2025-02-01', au: '2025-11-30' }],
      ['des lieux', { lieux: [lieux[0]!.uid, lieux[1]!.uid] }, { du: '2025-01-01', au: '2025-12-31', types: ['collectif'] }],
      ['une structure', { structure: lieux[1]!.structure }, { du: '2025-01-01', au: '2025-12-31' }],
      ['le département', { territoire: savoie }, { du: '2025-01-01', au: '2025-12-31', types: ['individuel'] }],
      ['la région', { territoire: region }, { du: '2025-03-01', au: '2025-12-31', mediateur: mediateurs[1]! }],
      ['une commune', { territoire: commune }, { du: '2025-01-01', au: '2025-12-31' }],
      ['filtre commune et lieu', { tout: true }, { du: '2025-01-01', au: '2025-12-31', commune: '73065', lieu: lieux[2]!.uid }],
      ['thématique (calcul exact)', { territoire: savoie }, { du: '2025-01-01', au: '2025-12-31', thematique: 'email' }],
      ['démarche (calcul exact)', { tout: true }, { du: '2025-01-01', au: '2025-12-31', thematique: 'logement' }],
      ['période coupée dans le mois (calcul exact)', { tout: true }, { du: '2025-02-14', au: '2025-09-03' }],
      ['période jusqu’à aujourd’hui', { tout: true }, { du: '2025-07-01' }],
    ]
  }

  it('les tableaux de bord égalent le calcul pur de La Coop sur les mêmes activités', async () => {
    expect(modele.activites.size).toBeGreaterThan(60)
    const sources = new Set<string>()
    for (const [nom, portee, filtres] of cas()) {
      const s = await statistiques(base.db, portee, filtres, { aujourdhui: AUJOURDHUI })
      sources.add(s.source)
      expect(s.accompagnements.total, nom).toBeGreaterThan(0)
      const a = attendu(modele, portee, filtres, AUJOURDHUI)
      expect(s.accompagnements, nom).toEqual(a.accompagnements)
      expect(s.activites, nom).toEqual(a.activites)
      expect(s.beneficiaires, nom).toEqual(a.beneficiaires)
      for (const [cle, valeurs] of Object.entries(a.repartitions)) {
        const obtenues = new Map(s.repartitions[cle as keyof typeof s.repartitions].parts.filter((p) => p.nombre !== 0).map((p) => [p.valeur, p.nombre]))
        expect(obtenues, `${nom} — ${cle}`).toEqual(valeurs)
      }
      expect(s.parMois.map((m) => [m.mois, m.accompagnements, m.activites]), nom).toEqual(a.parMois)
      expect(s.parJour.filter((j) => j.accompagnements > 0).map((j) => [j.jour, j.accompagnements]), nom).toEqual(a.parJour)
    }
    expect([...sources].sort()).toEqual(['activites', 'cumuls'])
  }, 120_000)

  it('les deux chemins, cumuls et activités, donnent les mêmes agrégats ; les choix du formulaire aussi', async () => {
    const trier = (a: Agregats) => ({
      valeurs: a.valeurs.filter((v) => v.accompagnements || v.activites).map((v) => `${v.dimension}|${v.type}|${v.valeur}|${v.accompagnements}|${v.activites}`).sort(),
      mois: [...a.mois].filter(([, v]) => v.accompagnements || v.activites).sort(),
      communes: [...a.communes].sort(),
      lieux: [...a.lieux].sort(),
    })
    let compares = 0
    for (const [nom, portee, filtres] of cas()) {
      const f = fenetres(filtres, AUJOURDHUI)
      if (!f.cumulable) continue
      const cumuls = await lireCumuls(base.db, portee, filtres, f)
      const exact = await lireActivites(base.db, portee, filtres, f)
      expect(trier(cumuls.agregats), nom).toEqual(trier(exact.agregats))
      compares++
      if (Object.keys(filtres).every((k) => k === 'du' || k === 'au')) {
        const t = await tableauDeBord(base.db, portee, filtres, { aujourdhui: AUJOURDHUI })
        expect(t.choix, nom).toEqual(await choixDuPerimetre(base.db, portee, filtres, AUJOURDHUI))
      }
    }
    expect(compares).toBeGreaterThan(8)
  })

  it('les pourcentages de chaque répartition font exactement 100', async () => {
    const s = await statistiques(base.db, { tout: true }, { du: '2025-01-01', au: '2025-12-31' }, { aujourdhui: AUJOURDHUI })
    for (const r of Object.values(s.repartitions)) {
      if (r.total === 0) continue
      expect(Math.round(r.parts.reduce((a, p) => a + p.pourcentage * 10, 0)), r.titre).toBe(1000)
      expect(Math.abs(r.parts.reduce((a, p) => a + p.pourcentageLaCoop, 0) - 100), r.titre).toBeLessThan(0.01)
    }
  })

  it('un atelier compte un accompagnement par participant ; modifier et supprimer changent les chiffres', async () => {
    const portee: Portee = { lieu: lieux[3]!.uid }
    const filtres: Filtres = { du: '2025-12-01', au: '2025-12-31' }
    const avant = await statistiques(base.db, portee, filtres, { aujourdhui: AUJOURDHUI })
    const saisie = (total: number, dejaAccompagne: number, feminin: number) => {
      const r = validerActivite({ type: 'collectif', date: '2025-12-05', duree: 90, typeLieu: 'a_distance', thematiques: ['email'], participants: { total, dejaAccompagne, genre: { feminin } } }, AUJOURDHUI)
      if ('erreurs' in r) throw new Error(JSON.stringify(r.erreurs))
      return r.activite
    }
    const atelier = saisie(10, 4, 6)
    const id = await enregistrerActivite(base.db, ACTEUR, { activite: atelier, mediateurId: mediateurs[0]!, lieuUid: lieux[3]!.uid })
    const apres = await statistiques(base.db, portee, filtres, { aujourdhui: AUJOURDHUI })
    expect(apres.accompagnements.total - avant.accompagnements.total).toBe(10)
    expect(apres.activites.total - avant.activites.total).toBe(1)
    expect(apres.beneficiaires.anonymes - avant.beneficiaires.anonymes).toBe(10)
    expect(apres.beneficiaires.nouveaux - avant.beneficiaires.nouveaux).toBe(6)
    const email = (s: typeof avant) => s.repartitions.thematique.parts.find((p) => p.valeur === 'email')?.nombre ?? 0
    expect(email(apres) - email(avant)).toBe(10)
    const genre = (s: typeof avant, v: string) => s.repartitions.genre.parts.find((p) => p.valeur === v)?.nombre ?? 0
    expect(genre(apres, 'feminin') - genre(avant, 'feminin')).toBe(6)
    expect(genre(apres, 'non_communique') - genre(avant, 'non_communique')).toBe(4)
    await modifierActivite(base.db, ACTEUR, id, { activite: saisie(3, 0, 0), mediateurId: mediateurs[0]!, lieuUid: lieux[3]!.uid })
    const modifiee = await statistiques(base.db, portee, filtres, { aujourdhui: AUJOURDHUI })
    expect(modifiee.accompagnements.total - avant.accompagnements.total).toBe(3)
    expect(modifiee.activites.total - avant.activites.total).toBe(1)
    await supprimerActivite(base.db, ACTEUR, id)
    const supprimee = await statistiques(base.db, portee, filtres, { aujourdhui: AUJOURDHUI })
    expect(supprimee.accompagnements).toEqual(avant.accompagnements)
    expect(supprimee.beneficiaires).toEqual(avant.beneficiaires)
    // the exact path sees the same (a period cut inside the month)
    const exact = await statistiques(base.db, portee, { du: '2025-12-01', au: '2025-12-30' }, { aujourdhui: AUJOURDHUI })
    expect(exact.source).toBe('activites')
  }, 60_000)

  it('un autre territoire ne voit rien de celui-ci ; un filtre n’élargit jamais le périmètre', async () => {
    const isere = lireTerritoire('departement:38', referentiel())
    const s = await statistiques(base.db, { territoire: isere }, { du: '2025-01-01', au: '2025-12-31', commune: '73065' }, { aujourdhui: AUJOURDHUI })
    expect(s.accompagnements.total).toBe(0)
    expect(s.beneficiaires.total).toBe(0)
    const t = await tableauDeBord(base.db, { territoire: isere }, { du: '2025-01-01', au: '2025-12-31', mediateur: mediateurs[0]! }, { aujourdhui: AUJOURDHUI })
    expect(t.statistiques.accompagnements.total).toBe(0)
    expect(t.choix).toEqual({ mediateurs: [], lieux: [], communes: [] })
  })

  it('le tableau de bord donne les choix du formulaire, médiateurs nommés sans adresse électronique', async () => {
    const t = await tableauDeBord(base.db, { tout: true }, { du: '2025-01-01', au: '2025-12-31' }, { aujourdhui: AUJOURDHUI })
    expect(t.choix.mediateurs.map((m) => m.libelle)).toEqual(['Médiateur Deux', 'Médiatrice Une'])
    expect(JSON.stringify(t)).not.toMatch(/@exemple\.fr/)
    expect(t.choix.lieux.length).toBeGreaterThan(0)
    expect(t.choix.communes.map((c) => c.valeur)).toContain('73065')
  })
  // last: it changes followed people's files, which the pure model above does not follow
  it('les bénéficiaires suivis par mois suivent chaque écriture, la modification et l’effacement d’une fiche', async () => {
    const lignes = async () => (await rangees<Record<string, unknown>>(base, sql`select * from stats_suivis order by beneficiaire_id, departement, mois, type`)).map((l) => JSON.stringify(l))
    const vivantes = await lignes()
    expect(vivantes.length).toBeGreaterThan(10)
    // what the activities' writes kept is what a rebuild from the participations gives
    await reconstruireSuivis(base.db)
    expect(await lignes()).toEqual(vivantes)
    const suivis = [...modele.suivis.values()].filter((s) => s.structure === lieux[0]!.structure)
    const mediateur = { id: mediateurs[0]!, structures: [lieux[0]!.structure] }
    await modifierBeneficiaire(base.db, ACTEUR, mediateur, suivis[0]!.id, saisie({ genre: 'masculin', anneeNaissance: 1950, statutSocial: 'en_emploi', communeResidence: '73008' }))
    await effacerIdentite(base.db, ACTEUR, suivis[1]!.id)
    const apres = await lignes()
    expect(apres).not.toEqual(vivantes)
    await reconstruireSuivis(base.db)
    expect(await lignes()).toEqual(apres)
    // both ways of counting followed people agree: the per-month table and the participations
    const f = fenetres({ du: '2025-01-01', au: '2025-12-31' }, AUJOURDHUI)
    const tries = (g: Awaited<ReturnType<typeof lireSuivis>>) => g.map((x) => JSON.stringify(x)).sort()
    const parMois = await lireSuivis(base.db, { tout: true }, {}, f, 2026)
    expect(parMois.length).toBeGreaterThan(2)
    expect(tries(parMois)).toEqual(tries(await lireSuivis(base.db, { tout: true }, {}, { ...f, cumulable: false }, 2026)))
  })
})
