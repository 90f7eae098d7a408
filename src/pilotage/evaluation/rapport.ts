/**
 * The evaluation report of a territory over a period (I/O, then pure assembly): each indicator
 * against its target — a computed one valued for the period (activity) or at its end (the last
 * snapshot, or today's value computed for display when the period reaches today: a report only
 * reads, snapshots are written by « Relever maintenant » and the daily job), a hand-entered one
 * by its last measure up to the period's end —, the progress of the actions of the roadmaps that
 * overlap the period (status, late ones, budget), and the national dashboards' indicators.
 */
import { and, eq, gte, lte } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { feuillesDeRoute } from '../../platform/db/schema.ts'
import type { Territoire } from '../../territories/territoire.ts'
import { enRetard, situer, type Situation, statutAffiche } from '../feuille-de-route/domaine/regles.ts'
import { type Action, feuilleComplete } from '../feuille-de-route/store.ts'
import { besoinsDe, evaluer, NATIONAUX, type ResultatIndicateur } from '../indicateurs/catalogue/index.ts'
import type { Periode } from '../indicateurs/catalogue/types.ts'
import { lignesDiagnostic } from '../indicateurs/catalogue/couverture.ts'
import { communesEnCercles, type CommuneCarte, type DepartementCarte, partParDepartement } from '../diagnostic/index.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { chargerDonnees } from '../indicateurs/donnees.ts'
import { calculer, demandeDe } from '../indicateurs/service.ts'
import { indicateursDuTerritoire, mesuresDuTerritoire } from '../indicateurs/store.ts'

export interface LigneIndicateur {
  id: number
  libelle: string
  unite: string
  nature: 'calcule' | 'saisi'
  valeur: number | null
  /** When and from what the value comes, or why there is none. */
  origine: string
  valeurReference: number | null
  dateReference: string | null
  valeurCible: number | null
  dateCible: string | null
  sens: string
  situation: Situation
  /** Titles of the actions it follows. */
  actions: string[]
}

export interface LigneAction {
  id: number
  feuille: string
  feuilleId: number
  axe: string
  titre: string
  porteur: string
  partenaires: string[]
  budgetCentimes: number | null
  cofinancements: Array<{ financeur: string; montantCentimes: number }>
  debut: string | null
  fin: string | null
  statut: string
  statutAffiche: string
  enRetard: boolean
  avancement: number
}

export interface Rapport {
  territoire: Territoire
  cle: string
  periode: Periode
  produitLe: string
  indicateurs: LigneIndicateur[]
  actions: LigneAction[]
  /** Actions per status and late ones. */
  bilanActions: { total: number; enRetard: number; parStatut: Record<string, number> }
  nationaux: ResultatIndicateur[]
  /** The communes for the coverage map: population, within 10 km of a place or not. */
  carte: CommuneCarte[]
  /** Per département of the territory, the share of its population beyond 10 km of any place. */
  departements: DepartementCarte[]
}

export const COUVERTES = 'À moins de 10 km d’un lieu'
export const NON_COUVERTES = 'À plus de 10 km de tout lieu'

const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' })
const dateLongue = (iso: string) => DATE.format(new Date(`${iso}T00:00:00Z`))

/** Who entered a measure, by role only (a name stored by an older version is not shown). */
const saisiePar = (auteur: string): string =>
  auteur === 'calcul' ? '' : auteur === 'administrateur' || auteur === 'coordinateur' ? ` (saisie par un ${auteur})` : ' (saisie à la main)'

export async function produireRapport(db: Db, territoire: Territoire, cle: string, periode: Periode, aujourdhui: string): Promise<Rapport> {
  const [liste, mesures, feuilles] = await Promise.all([
    indicateursDuTerritoire(db, cle),
    mesuresDuTerritoire(db, cle, periode.au),
    db
      .select({ id: feuillesDeRoute.id })
      .from(feuillesDeRoute)
      .where(and(eq(feuillesDeRoute.territoire, cle), lte(feuillesDeRoute.debut, periode.au), gte(feuillesDeRoute.fin, periode.du))),
  ])
  // activity indicators are recomputed exactly for the period; when the period reaches today,
  // the other computed ones are computed for display (never stored: a report only reads)
  const duJour = periode.au >= aujourdhui
  const calcules = liste.flatMap((i) => {
    const d = demandeDe(i)
    if (!d) return []
    const periodique = d.definition.besoins.includes('statistiques')
    return periodique || duJour ? [{ i, d, periodique }] : []
  })
  const valeursCalculees = await calculer(db, territoire, periode, calcules.map((p) => p.d), aujourdhui)
  const completes = (await Promise.all(feuilles.map((f) => feuilleComplete(db, f.id)))).flatMap((f) => (f ? [f] : []))
  const actions: LigneAction[] = []
  const titresParIndicateur = new Map<number, string[]>()
  for (const f of completes) {
    for (const axe of f.axes) {
      for (const a of axe.actions as Action[]) {
        for (const id of a.indicateurs) titresParIndicateur.set(id, [...(titresParIndicateur.get(id) ?? []), a.titre])
        actions.push({
          id: a.id,
          feuille: f.titre,
          feuilleId: f.id,
          axe: axe.titre,
          titre: a.titre,
          porteur: a.porteur,
          // actors' current names, then those written in words
          partenaires: [...a.partenairesActeurs.map((p) => p.nom), ...a.partenaires],
          budgetCentimes: a.budgetCentimes,
          cofinancements: a.cofinancements,
          debut: a.debut,
          fin: a.fin,
          statut: a.statut,
          statutAffiche: statutAffiche(a, aujourdhui),
          enRetard: enRetard(a, aujourdhui),
          avancement: a.avancement,
        })
      }
    }
  }
  const indicateurs: LigneIndicateur[] = liste.map((i) => {
    const n = calcules.findIndex((p) => p.i.id === i.id)
    let valeur: number | null = null
    let origine: string
    const resultat = n >= 0 ? valeursCalculees[n] : undefined
    if (resultat) {
      valeur = resultat.valeur
      origine = resultat.valeur === null ? (resultat.raison ?? 'Non calculable.') : `${calcules[n]?.periodique ? 'Calculé pour la période' : 'Valeur du jour, calculée'} — ${resultat.perimetre}`
    } else {
      const derniere = mesures.get(i.id)?.[0]
      if (derniere) {
        valeur = derniere.valeur
        origine = `Mesure du ${dateLongue(derniere.date)} — ${derniere.source}${saisiePar(derniere.auteur)}`
      } else origine = i.nature === 'calcule' ? 'Aucune valeur relevée avant la fin de la période.' : 'Aucune mesure saisie avant la fin de la période.'
    }
    return {
      id: i.id,
      libelle: i.libelle,
      unite: i.unite,
      nature: i.nature === 'calcule' ? 'calcule' : 'saisi',
      valeur,
      origine,
      valeurReference: i.valeurReference,
      dateReference: i.dateReference,
      valeurCible: i.valeurCible,
      dateCible: i.dateCible,
      sens: i.sens,
      situation: situer(i, valeur),
      actions: titresParIndicateur.get(i.id) ?? [],
    }
  })
  const parStatut: Record<string, number> = {}
  for (const a of actions) parStatut[a.statut] = (parStatut[a.statut] ?? 0) + 1
  return {
    territoire,
    cle,
    periode,
    produitLe: aujourdhui,
    indicateurs,
    actions,
    bilanActions: { total: actions.length, enRetard: actions.filter((a) => a.enRetard).length, parStatut },
    ...(await nationauxEtCarte(db, territoire, periode, aujourdhui)),
  }
}

/** The national indicators and the coverage map, from one loading of the territory's data. */
async function nationauxEtCarte(db: Db, territoire: Territoire, periode: Periode, aujourdhui: string): Promise<Pick<Rapport, 'nationaux' | 'carte' | 'departements'>> {
  const donnees = await chargerDonnees(db, territoire, periode, besoinsDe(NATIONAUX), aujourdhui)
  const lignes = lignesDiagnostic(donnees)
  const carte = 'raison' in lignes ? [] : communesEnCercles(lignes, (l) => (l.lieux10 > 0 ? COUVERTES : NON_COUVERTES))
  const departements = 'raison' in lignes ? [] : partParDepartement(lignes, (l) => l.lieux10 === 0, (code) => referentiel().departements.get(code)?.nom ?? code)
  return { nationaux: NATIONAUX.map((d) => evaluer(d, donnees)), carte, departements }
}
