/**
 * What one activity adds to the monthly rollups (`stats_mensuelles`): for each dimension value,
 * its accompaniments (La Coop's weighting: a workshop counts once per participant in each of its
 * thematics, materials, channel and duration range) and 1 activity. Demographics here are those
 * of anonymous beneficiaries only — each is a distinct beneficiary, so they add up over months;
 * followed beneficiaries are counted distinct, live, by the statistics queries. Pure: the store
 * adds these on insert and subtracts them on edit or deletion.
 */
import { accompagnementsDe } from './comptage.ts'
import type { Activite, ParticipantsAnonymes } from './validation.ts'
import { GENRES, STATUTS_SOCIAUX, TRANCHES_AGE, trancheDuree } from './vocabulaire.ts'

export const DIMENSIONS = [
  'total',
  'thematique',
  'demarche',
  'materiel',
  'canal',
  'duree',
  'autonomie',
  'niveau',
  'redirection',
  'anonymes',
  'nouveaux_anonymes',
  'suivis',
  'genre',
  'age',
  'statut',
  'residence',
] as const
export type Dimension = (typeof DIMENSIONS)[number]

export interface Contribution {
  dimension: Dimension
  valeur: string
  accompagnements: number
  activites: number
}

/** First day of the activity's month (`YYYY-MM-01`). */
export const moisDe = (date: string): string => `${date.slice(0, 7)}-01`

/** The anonymous participants of a workshop's counters, with the unassigned ones as `non_communique`. */
function completer<T extends string>(comptes: Record<T, number>, total: number, valeurs: readonly { valeur: T }[]): Array<[T, number]> {
  const lignes = valeurs.map((t): [T, number] => [t.valeur, comptes[t.valeur] ?? 0])
  const reste = total - lignes.reduce((a, [, n]) => a + n, 0)
  return lignes.map(([v, n]): [T, number] => [v, v === ('non_communique' as T) ? n + Math.max(0, reste) : n]).filter(([, n]) => n > 0)
}

/** Every contribution of an activity to its month's rollups. */
export function contributions(activite: Activite): Contribution[] {
  const n = accompagnementsDe(activite)
  const sorties: Contribution[] = []
  const ajouter = (dimension: Dimension, valeur: string, accompagnements = n, activites = 1) => {
    if (accompagnements !== 0 || activites !== 0) sorties.push({ dimension, valeur, accompagnements, activites })
  }
  ajouter('total', '')
  for (const t of new Set(activite.thematiques)) ajouter('thematique', t)
  for (const t of new Set(activite.thematiquesDemarche)) ajouter('demarche', t)
  for (const m of new Set(activite.materiel)) ajouter('materiel', m)
  ajouter('canal', activite.typeLieu)
  ajouter('duree', trancheDuree(activite.duree))

  if (activite.type === 'individuel') {
    if (activite.autonomie) ajouter('autonomie', activite.autonomie)
    if (activite.orienteVersStructure) ajouter('redirection', activite.structureDeRedirection ?? 'non_precise')
    const a = activite.beneficiaireAnonyme
    if (activite.beneficiaireSuivi !== undefined || !a) {
      ajouter('suivis', '', 1, 1)
      return sorties
    }
    ajouter('anonymes', '', 1, 1)
    if (!a.dejaAccompagne) ajouter('nouveaux_anonymes', '', 1, 1)
    ajouter('genre', a.genre, 1, 1)
    ajouter('age', a.trancheAge, 1, 1)
    ajouter('statut', a.statutSocial, 1, 1)
    ajouter('residence', a.communeResidence ?? '', 1, 1)
    return sorties
  }

  if (activite.niveau) ajouter('niveau', activite.niveau)
  const p: ParticipantsAnonymes = activite.participants
  if (activite.beneficiairesSuivis.length > 0) ajouter('suivis', '', activite.beneficiairesSuivis.length, 1)
  if (p.total > 0) {
    ajouter('anonymes', '', p.total, 1)
    ajouter('nouveaux_anonymes', '', p.total - p.dejaAccompagne, 1)
    for (const [v, k] of completer(p.genre, p.total, GENRES)) ajouter('genre', v, k, 1)
    for (const [v, k] of completer(p.trancheAge, p.total, TRANCHES_AGE)) ajouter('age', v, k, 1)
    for (const [v, k] of completer(p.statutSocial, p.total, STATUTS_SOCIAUX)) ajouter('statut', v, k, 1)
    ajouter('residence', '', p.total, 1)
  }
  return sorties
}

/** The contributions with opposite signs (an activity removed or about to change). */
export const retrait = (liste: readonly Contribution[]): Contribution[] =>
  liste.map((c) => ({ ...c, accompagnements: -c.accompagnements, activites: -c.activites }))
