/**
 * The demo territory's pilotage: a small roadmap of the current year for the demo département —
 * three axes, six actions (owners among the demo actors or written in words, partners, budgets
 * and co-funding, dates, statuses, one late) — and four tracked indicators: three from the
 * catalogue with baseline and target, one entered by hand with its source and two measures,
 * each followed by actions. Written through the roadmap's and indicators' stores, with the
 * audit lines the pages write (actor: the system), in one transaction. Created once: nothing
 * when the territory already has a roadmap or an indicator. Dates are counted from today, so
 * one action is always late and the measures are always in the past.
 */
import type { Base, Db } from '../platform/db/database.ts'
import { inscrire, SYSTEME } from '../audit/journal.ts'
import { ajouterJours } from '../activity/stats/filtres.ts'
import { aujourdhuiParis } from '../places/validation/date-maj.ts'
import { acteursAuChoix } from '../pilotage/acteurs/index.ts'
import { cleTerritoire, territoireDeCle } from '../pilotage/acces.ts'
import type { ActionLue } from '../pilotage/feuille-de-route/domaine/formulaires.ts'
import { ajouterAction, ajouterAxe, creerFeuille, feuillesDuTerritoire } from '../pilotage/feuille-de-route/store.ts'
import { definitionDe, libelleDe } from '../pilotage/indicateurs/catalogue/index.ts'
import { calculer } from '../pilotage/indicateurs/service.ts'
import { ajouterMesure, creerIndicateur, indicateursDuTerritoire, type NouvelIndicateur } from '../pilotage/indicateurs/store.ts'

export const AIDANTS_FORMES = 'Nombre d’aidants formés'
/** A measure's author is a role, never an account's name (as the indicators' routes write it). */
const AUTEUR = 'coordinateur'
const euros = (n: number) => n * 100

type Calcule = 'lieux_publies' | 'couverture_10km' | 'accompagnements'
type Suivi = Calcule | 'aidants'

/** What the demo roadmap is made of; `porteur` names a demo actor by the start of its name, or is written in words. */
interface ActionDemo {
  titre: string
  description: string
  porteur: { acteur: string } | { texte: string }
  partenaires: string[]
  budget: number | null
  cofinancements: Array<[string, number]>
  /** Days from today. */
  debut: number
  fin: number
  statut: 'a_lancer' | 'en_cours' | 'terminee'
  avancement: number
  indicateurs: Suivi[]
}

const COORDINATION = { texte: 'Coordination départementale de l’inclusion numérique' }

const AXES: ReadonlyArray<{ titre: string; actions: ActionDemo[] }> = [
  {
    titre: 'Mailler le territoire',
    actions: [
      {
        titre: 'Ouvrir trois permanences numériques dans les communes rurales',
        description: 'Une demi-journée par semaine dans les mairies volontaires, tenue par un médiateur itinérant.',
        porteur: { acteur: 'Centre communal d’action sociale' },
        partenaires: ['Communes rurales volontaires', 'Réseau France Services du département'],
        budget: 45_000,
        cofinancements: [['Conseil départemental', 20_000], ['Caisse d’allocations familiales', 10_000]],
        debut: -210,
        fin: -20,
        statut: 'en_cours',
        avancement: 60,
        indicateurs: ['lieux_publies', 'couverture_10km'],
      },
      {
        titre: 'Publier les horaires de tous les lieux dans le registre',
        description: 'Relancer chaque lieu dont les horaires manquent ou datent de plus d’un an.',
        porteur: { texte: 'Service inclusion numérique du Département' },
        partenaires: ['Hub territorial pour un numérique inclusif'],
        budget: null,
        cofinancements: [],
        debut: -150,
        fin: 40,
        statut: 'en_cours',
        avancement: 70,
        indicateurs: ['lieux_publies'],
      },
    ],
  },
  {
    titre: 'Former et outiller les aidants',
    actions: [
      {
        titre: 'Former 120 aidants aux premiers gestes de la médiation numérique',
        description: 'Sessions d’une journée pour les agents d’accueil, travailleurs sociaux et bénévoles.',
        porteur: { acteur: 'Hub territorial' },
        partenaires: ['Centres sociaux', 'Caisse d’allocations familiales'],
        budget: 30_000,
        cofinancements: [['Fondation pour l’inclusion numérique', 12_000]],
        debut: -280,
        fin: 39,
        statut: 'en_cours',
        avancement: 55,
        indicateurs: ['aidants'],
      },
      {
        titre: 'Équiper les lieux en ordinateurs reconditionnés',
        description: 'Quarante postes pour les ateliers collectifs.',
        porteur: { acteur: 'Ressourcerie informatique solidaire' },
        partenaires: ['Association Clic et Lien'],
        budget: 8_000,
        cofinancements: [],
        debut: -240,
        fin: -60,
        statut: 'terminee',
        avancement: 100,
        indicateurs: [],
      },
    ],
  },
  {
    titre: 'Mesurer et évaluer',
    actions: [
      {
        titre: 'Faire enregistrer les accompagnements par tous les médiateurs',
        description: 'Présenter le compte rendu d’activité à chaque réseau et aider les structures à s’y mettre.',
        porteur: COORDINATION,
        partenaires: ['Structures porteuses de lieux'],
        budget: null,
        cofinancements: [],
        debut: -100,
        fin: 100,
        statut: 'en_cours',
        avancement: 40,
        indicateurs: ['accompagnements'],
      },
      {
        titre: 'Publier le bilan annuel de la feuille de route',
        description: 'Rapport d’évaluation présenté au comité de pilotage.',
        porteur: COORDINATION,
        partenaires: ['Conseil départemental', 'Préfecture'],
        budget: 2_000,
        cofinancements: [],
        debut: 20,
        fin: 60,
        statut: 'a_lancer',
        avancement: 0,
        indicateurs: [],
      },
    ],
  },
]

const arrondi1 = (n: number) => Math.round(n * 10) / 10

/**
 * Creates the demo roadmap and indicators of `departement` unless its territory already has a
 * roadmap or an indicator; returns the roadmap's id, or null when nothing was created.
 */
export async function pilotageDeDemonstration(base: Base, departement: string, aujourdhui = aujourdhuiParis()): Promise<number | null> {
  const territoire = territoireDeCle(`departement:${departement}`)
  if (!territoire) return null
  const cle = cleTerritoire(territoire)
  if ((await feuillesDuTerritoire(base.db, cle)).length > 0 || (await indicateursDuTerritoire(base.db, cle)).length > 0) return null
  const annee = Number(aujourdhui.slice(0, 4))
  const debutAnnee = `${annee}-01-01`
  const finAnnee = `${annee}-12-31`

  // today's values give plausible baselines and targets, whatever the size of the demo
  const codes: Calcule[] = ['lieux_publies', 'couverture_10km', 'accompagnements']
  const definitions = codes.map((code) => definitionDe(code)).flatMap((d) => (d ? [d] : []))
  const actuelles = await calculer(base.db, territoire, { du: debutAnnee, au: aujourdhui }, definitions.filter((d) => d.code !== 'accompagnements').map((definition) => ({ definition, parametres: {} })), aujourdhui)
  const actuelle = (code: Calcule) => actuelles.find((r) => r.code === code)?.valeur ?? null
  const lieux = actuelle('lieux_publies')
  const couverture = actuelle('couverture_10km')
  const cibles: Record<Calcule, Pick<NouvelIndicateur, 'valeurReference' | 'dateReference' | 'valeurCible' | 'dateCible'>> = {
    lieux_publies: { valeurReference: lieux === null ? null : Math.round(lieux * 0.85), dateReference: debutAnnee, valeurCible: lieux === null ? 20 : Math.ceil((lieux * 1.1) / 5) * 5, dateCible: finAnnee },
    couverture_10km: { valeurReference: couverture === null ? null : arrondi1(Math.max(0, couverture - 4)), dateReference: debutAnnee, valeurCible: couverture === null ? 95 : Math.min(100, Math.ceil(couverture + 2)), dateCible: finAnnee },
    accompagnements: { valeurReference: 600, dateReference: `${annee - 1}-12-31`, valeurCible: 1_000, dateCible: finAnnee },
  }
  const acteurs = await acteursAuChoix(base.db, [territoire], 0)

  return base.db.transaction(async (tx) => {
    const db = tx as unknown as Db
    const journal = (objetType: 'feuille_de_route' | 'indicateur', action: string, objetId: number, changements: Record<string, unknown>) => inscrire(db, SYSTEME, { action, objetType, objetId, changements })

    const suivis = new Map<Suivi, number>()
    for (const definition of definitions) {
      const code = definition.code as Calcule
      const id = await creerIndicateur(db, { territoire: cle, nature: 'calcule', code, parametres: {}, libelle: libelleDe(definition, {}), unite: definition.unite, sens: definition.sens, ...cibles[code] })
      await journal('indicateur', 'indicateur.cree', id, { territoire: cle, nature: 'calcule' })
      suivis.set(code, id)
    }
    const source = 'Bilan de la plateforme de formation'
    const aidants = await creerIndicateur(db, { territoire: cle, nature: 'saisi', libelle: AIDANTS_FORMES, unite: 'personnes', source, valeurReference: 0, dateReference: debutAnnee, valeurCible: 120, dateCible: finAnnee, sens: 'hausse' })
    await journal('indicateur', 'indicateur.cree', aidants, { territoire: cle, nature: 'saisi' })
    suivis.set('aidants', aidants)
    for (const [jours, valeur] of [[-120, 38], [-15, 74]] as const) {
      const date = ajouterJours(aujourdhui, jours)
      const mesure = await ajouterMesure(db, { indicateurId: aidants, date, valeur, source: `${source} (bilan trimestriel)`, auteur: AUTEUR })
      await journal('indicateur', 'indicateur.mesure', aidants, { mesure, date, valeur })
    }

    const titre = `Feuille de route de l’inclusion numérique ${annee}`
    const feuille = await creerFeuille(db, { territoire: cle, titre, debut: debutAnnee, fin: finAnnee })
    await journal('feuille_de_route', 'feuille_de_route.creee', feuille, { titre, territoire: cle })
    for (const axe of AXES) {
      const axeId = await ajouterAxe(db, feuille, axe.titre)
      await journal('feuille_de_route', 'feuille_de_route.axe_ajoute', feuille, { axe: axeId, titre: axe.titre })
      for (const a of axe.actions) {
        const acteur = 'acteur' in a.porteur ? acteurs.find((x) => x.nom.startsWith((a.porteur as { acteur: string }).acteur)) : undefined
        const lue: ActionLue = {
          axe: axeId,
          titre: a.titre,
          description: a.description,
          porteur: acteur?.nom ?? ('acteur' in a.porteur ? a.porteur.acteur : a.porteur.texte),
          porteurActeurId: acteur?.id ?? null,
          partenaires: a.partenaires,
          budgetCentimes: a.budget === null ? null : euros(a.budget),
          cofinancements: a.cofinancements.map(([financeur, montant]) => ({ financeur, montantCentimes: euros(montant) })),
          debut: ajouterJours(aujourdhui, a.debut),
          fin: ajouterJours(aujourdhui, a.fin),
          statut: a.statut,
          avancement: a.avancement,
        }
        const action = await ajouterAction(db, lue, a.indicateurs.flatMap((s) => suivis.get(s) ?? []))
        await journal('feuille_de_route', 'feuille_de_route.action_ajoutee', feuille, { action, titre: a.titre })
      }
    }
    return feuille
  })
}
