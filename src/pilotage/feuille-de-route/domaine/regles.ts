/**
 * The rules of a roadmap (pure): the statuses of an action and the derived « en retard » (its
 * end date has passed and it is neither finished nor abandoned — never stored), amounts in
 * euros read from what people type (« 12 500,50 € ») into cents and written back, and how an
 * indicator stands against its target (gap, share of the way from the baseline, reached), and
 * the order of the axes once one moves up or down.
 */

export const STATUTS = [
  { valeur: 'a_lancer', libelle: 'À lancer' },
  { valeur: 'en_cours', libelle: 'En cours' },
  { valeur: 'terminee', libelle: 'Terminée' },
  { valeur: 'abandonnee', libelle: 'Abandonnée' },
] as const
export type Statut = (typeof STATUTS)[number]['valeur']
export const estStatut = (v: string): v is Statut => STATUTS.some((s) => s.valeur === v)
export const libelleStatut = (v: string): string => STATUTS.find((s) => s.valeur === v)?.libelle ?? v

/** Late: the end date is before today and the action is still to start or under way. */
export const enRetard = (action: { fin: string | null; statut: string }, aujourdhui: string): boolean =>
  action.fin !== null && action.fin < aujourdhui && (action.statut === 'a_lancer' || action.statut === 'en_cours')

/** The status as shown: « En cours — en retard ». */
export const statutAffiche = (action: { fin: string | null; statut: string }, aujourdhui: string): string =>
  `${libelleStatut(action.statut)}${enRetard(action, aujourdhui) ? ' — en retard' : ''}`

/**
 * An amount typed in euros, to cents: « 12 500 », « 12 500,50 € », « 12500.5 ». Empty: null.
 * Not an amount: undefined.
 */
export function lireMontant(texte: string): number | null | undefined {
  const t = texte.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '').replace(/euros?$/i, '')
  if (t === '') return null
  const m = /^(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(t)
  if (!m) return undefined
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'))
}

const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })
export const euros = (centimes: number): string => EUROS.format(centimes / 100)
/** What the form shows back: « 12500,5 ». */
export const montantSaisi = (centimes: number | null): string => (centimes === null ? '' : (centimes / 100).toLocaleString('fr-FR', { useGrouping: false, maximumFractionDigits: 2 }))

/** The order after `id` moves one place up or down (unchanged at either end, or when absent). */
export function deplacer<T>(ordre: readonly T[], id: T, sens: 'monter' | 'descendre'): T[] {
  const i = ordre.indexOf(id)
  const j = sens === 'monter' ? i - 1 : i + 1
  if (i < 0 || j < 0 || j >= ordre.length) return [...ordre]
  const suite = [...ordre]
  ;[suite[i], suite[j]] = [suite[j] as T, suite[i] as T]
  return suite
}

export interface Cible {
  valeurReference: number | null
  valeurCible: number | null
  sens: 'hausse' | 'baisse' | string
}

export interface Situation {
  /** Target minus value (what is left to do), signed; null without target or value. */
  ecart: number | null
  /** Share of the way from the baseline to the target, 0 to 100; null without baseline, target or value. */
  progression: number | null
  atteinte: boolean | null
}

const arrondi = (n: number, d = 2): number => Math.round(n * 10 ** d) / 10 ** d

export function situer(cible: Cible, valeur: number | null): Situation {
  if (valeur === null || cible.valeurCible === null) return { ecart: null, progression: null, atteinte: null }
  const ecart = arrondi(cible.valeurCible - valeur)
  const atteinte = cible.sens === 'baisse' ? valeur <= cible.valeurCible : valeur >= cible.valeurCible
  if (cible.valeurReference === null || cible.valeurReference === cible.valeurCible) return { ecart, progression: atteinte ? 100 : null, atteinte }
  const part = (valeur - cible.valeurReference) / (cible.valeurCible - cible.valeurReference)
  return { ecart, progression: Math.round(Math.min(1, Math.max(0, part)) * 100), atteinte }
}
