/**
 * Text inside a chart: numbers written in French, and labels cut into lines that fit a width.
 * No browser measures the text on the server, so widths are estimated from the shape of each
 * character in a sans-serif system font, on the generous side (a line may end short, never
 * overflow).
 */

const NOMBRE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 })

/** A number as written in French: `1 234` (narrow no-break space, U+202F), `0,75`. */
export const nombreFrancais = (n: number): string => NOMBRE.format(n)

const ETROITS = /[ijlfrtI.,;:!'’|()[\]\s]/
const LARGES = /[mwMWÆŒæœ@%]/

/** Estimated width of `texte` in em. */
export function largeurEstimee(texte: string): number {
  let ems = 0
  for (const c of texte) {
    if (ETROITS.test(c)) ems += 0.32
    else if (LARGES.test(c)) ems += 0.9
    else if (/[A-ZÀ-ÖØ-Þ]/.test(c)) ems += 0.7
    else if (/\d/.test(c)) ems += 0.62
    else ems += 0.58
  }
  return ems
}

/**
 * `texte` cut between words into lines of at most `largeur` em, `maxLignes` lines at most (the
 * last one then ends with « … »). A word longer than a line stays whole on its own line.
 */
export function couperEnLignes(texte: string, largeur: number, maxLignes = 3): string[] {
  const lignes: string[] = []
  for (const mot of texte.trim().split(/\s+/).filter(Boolean)) {
    const derniere = lignes[lignes.length - 1]
    if (derniere !== undefined && largeurEstimee(`${derniere} ${mot}`) <= largeur) lignes[lignes.length - 1] = `${derniere} ${mot}`
    else lignes.push(mot)
  }
  if (lignes.length <= maxLignes) return lignes
  const gardees = lignes.slice(0, maxLignes)
  let fin = `${gardees[maxLignes - 1] ?? ''}…`
  while (largeurEstimee(fin) > largeur && fin.includes(' ')) fin = `${fin.slice(0, fin.lastIndexOf(' '))}…`
  gardees[maxLignes - 1] = fin
  return gardees
}
