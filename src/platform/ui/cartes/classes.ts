/**
 * The classes of a choropleth: thresholds given by the caller or quantiles of the values, the
 * class of a value, its colour on a single-hue sequential scale (ColorBrewer « Blues », which
 * every form of colour blindness reads in order; Cynthia Brewer, Apache 2.0) and its label in
 * French (« de 10 à moins de 20 »). Pure code.
 */
import { nombreFrancais } from '../graphiques/texte.ts'

const BLEUS: Record<number, readonly string[]> = {
  1: ['#3182bd'],
  2: ['#9ecae1', '#08519c'],
  3: ['#deebf7', '#9ecae1', '#3182bd'],
  4: ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'],
  5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
  6: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
  7: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
}
export const CLASSES_MAX = 7

/** The palette for `n` classes (1 to 7). */
export function palette(n: number): readonly string[] {
  const p = BLEUS[n]
  if (!p) throw new RangeError(`Une carte a de 1 à ${CLASSES_MAX} classes (demandé : ${n}).`)
  return p
}

/** Colours dark enough that the département's code is written in white on them. */
export const estFonce = (couleur: string, p: readonly string[]) => p.indexOf(couleur) >= Math.ceil(p.length / 2)

/** `n` significant digits, to make thresholds readable: 12 345 → 12 000. */
const arrondir = (x: number, n = 2) => (x === 0 ? 0 : Number(x.toPrecision(n)))

/**
 * Thresholds splitting `valeurs` into `classes` groups of similar size (quantiles), rounded to
 * two significant digits, ascending, without repeats; fewer when values repeat.
 */
export function seuilsQuantiles(valeurs: readonly number[], classes = 5): number[] {
  const triees = [...valeurs].filter(Number.isFinite).sort((a, b) => a - b)
  if (triees.length < 2) return []
  const seuils: number[] = []
  for (let i = 1; i < classes; i++) {
    const position = (i / classes) * (triees.length - 1)
    const bas = triees[Math.floor(position)] ?? 0
    const haut = triees[Math.ceil(position)] ?? bas
    const s = arrondir(bas + (haut - bas) * (position - Math.floor(position)))
    const min = triees[0] ?? 0
    if (s > min && s !== seuils[seuils.length - 1]) seuils.push(s)
  }
  return seuils
}

/** Index of the class of `valeur`: how many thresholds are at or below it. */
export function classeDe(valeur: number, seuils: readonly number[]): number {
  let i = 0
  while (i < seuils.length && valeur >= (seuils[i] ?? Infinity)) i++
  return i
}

/** A label per class: « moins de 10 », « de 10 à moins de 20 », « 20 ou plus ». */
export function libellesClasses(seuils: readonly number[], formater: (n: number) => string = nombreFrancais): string[] {
  if (seuils.length === 0) return ['toutes les valeurs']
  return Array.from({ length: seuils.length + 1 }, (_, i) => {
    const bas = seuils[i - 1]
    const haut = seuils[i]
    if (bas === undefined) return `moins de ${formater(haut ?? 0)}`
    if (haut === undefined) return `${formater(bas)} ou plus`
    return `de ${formater(bas)} à moins de ${formater(haut)}`
  })
}

/** Checks caller-given thresholds: finite, strictly ascending, at most 6. */
export function verifierSeuils(seuils: readonly number[]): void {
  if (seuils.length > CLASSES_MAX - 1) throw new RangeError(`Une carte a ${CLASSES_MAX - 1} seuils au plus (reçu : ${seuils.length}).`)
  for (let i = 0; i < seuils.length; i++) {
    const s = seuils[i] ?? Number.NaN
    if (!Number.isFinite(s) || (i > 0 && s <= (seuils[i - 1] ?? -Infinity))) throw new RangeError(`Les seuils doivent être des nombres croissants (reçu : ${seuils.join(', ')}).`)
  }
}
