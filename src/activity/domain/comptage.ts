/**
 * La Coop de la médiation numérique's counting rules for activity statistics, so that our
 * figures add up with the national tool: the accompaniment (beneficiary × activity) is the
 * additive unit — an individual activity counts 1, a workshop 1 per participant — and every
 * breakdown of activities (thematics, material, channel, duration) is weighted by it.
 * Percentages: La Coop's own (3 decimals, no correction) and a largest-remainder variant that
 * always sums to exactly 100. Reference: shared/reference/activity-reporting-la-coop.md §2, §6.
 */

/** What counting needs of an activity (an `Activite` fits). */
export type ActiviteComptee =
  | { readonly type: 'individuel' }
  | { readonly type: 'collectif'; readonly beneficiairesSuivis: readonly string[]; readonly participants: { readonly total: number } }

/**
 * The accompaniments of one activity (La Coop's `accompagnementsCount`): 1 for an individual
 * activity; for a workshop, 1 per participant, followed or anonymous.
 */
export function accompagnementsDe(activite: ActiviteComptee): number {
  return activite.type === 'individuel' ? 1 : activite.beneficiairesSuivis.length + activite.participants.total
}

/**
 * « Accompagnements »: individual accompaniments plus workshop participations. « Un atelier
 * collectif avec 10 participants compte pour 10 accompagnements. »
 */
export function compterAccompagnements(activites: Iterable<ActiviteComptee>): number {
  let total = 0
  for (const activite of activites) total += accompagnementsDe(activite)
  return total
}

/**
 * A breakdown weighted by accompaniments: each value of `valeursDe(activite)` receives the
 * activity's accompaniments (a 10-person workshop counts 10 for each of its thematics). An
 * activity with several values counts for each, so the sum can exceed the accompaniments.
 * Values are listed in the order of `ordre` (a vocabulary's values, all present, zeros
 * included), then any other value in order of appearance.
 */
export function repartitionPonderee<A extends ActiviteComptee>(
  activites: Iterable<A>,
  valeursDe: (activite: A) => string | readonly string[],
  ordre: readonly string[] = [],
): Map<string, number> {
  const repartition = new Map<string, number>(ordre.map((valeur) => [valeur, 0]))
  for (const activite of activites) {
    const poids = accompagnementsDe(activite)
    const brutes = valeursDe(activite)
    for (const valeur of new Set(typeof brutes === 'string' ? [brutes] : brutes)) repartition.set(valeur, (repartition.get(valeur) ?? 0) + poids)
  }
  return repartition
}

function verifierComptes(comptes: readonly number[]): number {
  for (const c of comptes) if (!Number.isSafeInteger(c) || c < 0) throw new RangeError(`Un compte doit être un entier positif ou nul (reçu ${c}).`)
  return comptes.reduce((a, c) => a + c, 0)
}

/**
 * La Coop's percentages (`allocatePercentages`): each share `round(100 000 × n / Σ) / 1000`,
 * the denominator being the sum of the breakdown's counts. No correction: the total is 100
 * only up to 0.001. All zeros (or no count) give zeros.
 */
export function pourcentagesLaCoop(comptes: readonly number[]): number[] {
  const total = verifierComptes(comptes)
  return comptes.map((c) => (total === 0 ? 0 : Math.round((100_000 * c) / total) / 1000))
}

/**
 * Percentages rounded to `decimales` that sum to exactly 100 (largest-remainder method, our
 * choice: La Coop does not correct its rounding). Each share is first rounded down; the units
 * left over go one each to the largest remainders, ties to the larger count, then to the
 * earlier position. A zero count always gets 0. All zeros (or no count) give zeros. With
 * decimals, the sum is exact in hundredths (or thousandths…); adding the returned floats may
 * show a binary rounding error (33.33 + 33.33 + 33.34).
 */
export function pourcentagesArrondis(comptes: readonly number[], decimales = 0): number[] {
  if (!Number.isInteger(decimales) || decimales < 0 || decimales > 6) throw new RangeError('Le nombre de décimales doit être un entier de 0 à 6.')
  const total = verifierComptes(comptes)
  if (total === 0) return comptes.map(() => 0)
  const unites = 100 * 10 ** decimales
  // integers only: quotient and remainder of (c × unites) / total
  const parts = comptes.map((c, position) => {
    const reste = (c * unites) % total
    return { c, position, base: (c * unites - reste) / total, reste }
  })
  let restant = unites - parts.reduce((a, p) => a + p.base, 0)
  const ordre = [...parts].sort((a, b) => b.reste - a.reste || b.c - a.c || a.position - b.position)
  for (const part of ordre) {
    if (restant === 0) break
    if (part.reste === 0) continue
    part.base += 1
    restant -= 1
  }
  return parts.map((p) => p.base / 10 ** decimales)
}
