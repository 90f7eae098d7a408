/**
 * Small French wordings of the orientation pages: lengths of a scale, lists joined with « et »,
 * quotes with their non-breaking spaces (distances are in places/pages/format.ts, shared with
 * the place page).
 */

const UNE_DECIMALE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 })
const ENTIER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 })

/** A length of the map's scale: « 500 m », « 2 km ». */
export function kilometres(km: number): string {
  return km < 1 ? `${ENTIER.format(km * 1000)}\u00a0m` : `${UNE_DECIMALE.format(km)}\u00a0km`
}

/** « a », « a et b », « a, b et c ». */
export function enumeration(elements: readonly string[]): string {
  if (elements.length <= 1) return elements[0] ?? ''
  return `${elements.slice(0, -1).join(', ')} et ${elements[elements.length - 1]}`
}

/** « texte », with French non-breaking spaces. */
export const guillemets = (texte: string): string => `«\u00a0${texte}\u00a0»`
