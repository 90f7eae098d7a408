/**
 * Measures shared by the duplicate rules: distance in metres on the sphere (haversine), the
 * similarity of two words (tolerant to typos) and of two weighted word lists (soft Dice: each
 * word of one list paired with the most similar unused word of the other).
 */
const RAYON_TERRE_M = 6_371_008.8
const RAD = Math.PI / 180

export function distanceMetres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD
  const dLon = (lon2 - lon1) * RAD
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2
  return 2 * RAYON_TERRE_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * Similarity of two words in [0, 1]: 1 when equal; else 1 minus the edit distance over the
 * longer length, when the distance is at most one edit for 6 or 7 letters, two from 8;
 * a word of 5 letters or more that starts the other counts 0.8 (« mediatheq » / « mediatheque »).
 * Results are remembered: the same words meet again and again.
 */
export function similariteMot(a: string, b: string): number {
  if (a === b) return 1
  const court = Math.min(a.length, b.length)
  if (court < 4) return 0
  const long = Math.max(a.length, b.length)
  // no typo under 6 letters (« ivry » and « vitry » are two towns), one for 6 or 7, then two
  const plafond = long <= 5 ? 0 : long <= 7 ? 1 : 2
  const prefixe = court >= 5 && (a.startsWith(b) || b.startsWith(a)) ? 0.8 : 0
  if (long - court > plafond) return prefixe
  // each edit changes at most two letters of the set of letters used: a cheap lower bound
  if (bitsDifferents(lettres(a) ^ lettres(b)) > 2 * plafond) return prefixe
  const cle = a < b ? `${a} ${b}` : `${b} ${a}`
  const connue = memoire.get(cle)
  if (connue !== undefined) return connue
  const d = levenshtein(a, b, plafond)
  const s = d > plafond ? 0 : 1 - d / long
  const resultat = Math.max(s >= 0.75 ? s : 0, prefixe)
  if (memoire.size >= 200_000) memoire.clear()
  memoire.set(cle, resultat)
  return resultat
}

const memoire = new Map<string, number>()

/** Set of the letters and digits of a word, as bits. */
function lettres(mot: string): number {
  let masque = 0
  for (let i = 0; i < mot.length; i++) masque |= 1 << (mot.charCodeAt(i) % 31)
  return masque
}

function bitsDifferents(x: number): number {
  let n = 0
  for (let v = x >>> 0; v; v &= v - 1) n++
  return n
}
let lignes = [new Int32Array(64), new Int32Array(64), new Int32Array(64)]

/**
 * Edit distance where swapping two neighbouring letters is one edit (« aubrca » / « aubrac »;
 * optimal string alignment), stopping once it exceeds `plafond` (then any value above it).
 */
function levenshtein(a: string, b: string, plafond: number): number {
  if (b.length + 1 > (lignes[0] as Int32Array).length) lignes = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)]
  let [avant, precedente, courante] = lignes as [Int32Array, Int32Array, Int32Array]
  for (let j = 0; j <= b.length; j++) precedente[j] = j
  for (let i = 1; i <= a.length; i++) {
    courante[0] = i
    let minimum = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1)
      let v = Math.min((precedente[j] as number) + 1, (courante[j - 1] as number) + 1, (precedente[j - 1] as number) + (ca === cb ? 0 : 1))
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, (avant[j - 2] as number) + 1)
      courante[j] = v
      if (v < minimum) minimum = v
    }
    if (minimum > plafond) return plafond + 1
    ;[avant, precedente, courante] = [precedente, courante, avant]
  }
  return precedente[b.length] as number
}

export interface MotPese {
  mot: string
  poids: number
}

export interface Rapprochement<M extends MotPese = MotPese> {
  /** Soft Dice: matched weight over the weight of both lists, in [0, 1]. */
  dice: number
  /** Matched weight over the weight of the lighter list: 1 when one list is inside the other. */
  inclusion: number
  /** Words paired (the one of `a`), with their similarity. */
  paires: Array<{ a: M; b: M; similarite: number }>
}

/** Pairs each word of `a` (heaviest first) with the most similar unused word of `b`. */
export function rapprocher<M extends MotPese>(a: readonly M[], b: readonly M[]): Rapprochement<M> {
  let poidsA = 0
  let poidsB = 0
  for (const m of a) poidsA += m.poids
  for (const m of b) poidsB += m.poids
  if (poidsA === 0 || poidsB === 0) return { dice: 0, inclusion: 0, paires: [] }
  let libres = (1 << Math.min(b.length, 30)) - 1
  const paires: Array<{ a: M; b: M; similarite: number }> = []
  let commun = 0
  const ordre = decroissant(a) ? a : [...a].sort((x, y) => y.poids - x.poids)
  for (const motA of ordre) {
    let meilleur = -1
    let meilleure = 0
    for (let j = 0; j < b.length && j < 30; j++) {
      if (!(libres & (1 << j))) continue
      const s = similariteMot(motA.mot, (b[j] as M).mot)
      if (s > meilleure) {
        meilleure = s
        meilleur = j
        if (s === 1) break
      }
    }
    if (meilleur < 0) continue
    const motB = b[meilleur] as M
    libres &= ~(1 << meilleur)
    paires.push({ a: motA, b: motB, similarite: meilleure })
    commun += (meilleure * (motA.poids + motB.poids)) / 2
  }
  return { dice: (2 * commun) / (poidsA + poidsB), inclusion: Math.min(1, commun / Math.min(poidsA, poidsB)), paires }
}

function decroissant(mots: readonly MotPese[]): boolean {
  for (let k = 1; k < mots.length; k++) if ((mots[k] as MotPese).poids > (mots[k - 1] as MotPese).poids) return false
  return true
}

/** Formats a share as a French percentage: 0.923 → « 92 % ». */
export const pourcent = (part: number): string => `${Math.round(part * 100)}\u00a0%`

/** Formats a distance for people: « 45 m », « 1,2 km ». */
export function distanceLisible(metres: number): string {
  if (metres < 1000) return `${Math.round(metres)}\u00a0m`
  const km = metres < 10_000 ? Math.round(metres / 100) / 10 : Math.round(metres / 1000)
  return `${String(km).replace('.', ',')}\u00a0km`
}
