/**
 * Text of names and addresses made comparable, word by word: lower case, no accents (a table,
 * one pass over the characters), `@` read as `a` (« Esp@ce », « L'@telier »), ordinals as numbers
 * (« 13ème » → « 13 »), dotted acronyms joined (« M.J.C. » → « mjc »), plurals folded (words of 4
 * letters or more lose a final « s »). Words are interned: 200,000 places share far fewer words.
 */
import { decoderEntites, sansAccents } from '../../platform/text.ts'

/**
 * Lower case, no accents, `@` read as `a` (« Esp@ce », « L'@telier »), words of 4 letters or
 * more without a final « s », ordinals as numbers (« 13ème » → « 13 »), one space between words.
 */
export function normaliser(texte: string, pluriels = true): string {
  const mots = motsNormalises(texte)
  return (pluriels ? mots.map(singulier) : mots).join(' ')
}

export const singulier = (mot: string): string => (mot.length >= 4 && mot.endsWith('s') && !mot.endsWith('ss') && !SIGLES_EN_S.has(mot) ? interner(mot.slice(0, -1)) : mot)

/** Acronyms that end with an « s » that is no plural. */
const SIGLES_EN_S = new Set(['ccas', 'cias', 'pimms', 'cscs', 'cdas', 'cpas', 'udas'])

/** The words of `normaliser`, plurals kept: one pass over the characters, accents folded by a table. */
export function motsNormalises(texte: string): string[] {
  const t = texte.includes('&') ? decoderEntites(texte) : texte
  const mots: string[] = []
  let mot = ''
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i)
    let lettre: string
    if (c < 128) lettre = ASCII[c] as string
    else {
      const connue = PLIAGES.get(c)
      lettre = connue ?? plier(t[i] as string)
      if (connue === undefined) PLIAGES.set(c, lettre)
    }
    if (lettre === '') {
      if (mot !== '') mots.push(interner(ordinal(mot)))
      mot = ''
    } else mot += lettre
  }
  if (mot !== '') mots.push(interner(ordinal(mot)))
  return sigles(mots)
}

/** One copy of each word: names held by 200,000 places share far fewer words. */
const motsUniques = new Map<string, string>()

export function interner(mot: string): string {
  const connu = motsUniques.get(mot)
  if (connu !== undefined) return connu
  if (motsUniques.size >= 1_000_000) motsUniques.clear()
  motsUniques.set(mot, mot)
  return mot
}

/** ASCII: letters in lower case, digits, `@` read as `a`; anything else separates words. */
const ASCII = Array.from({ length: 128 }, (_, c) => {
  const ch = String.fromCharCode(c).toLowerCase()
  return ch === '@' ? 'a' : /[a-z0-9]/.test(ch) ? ch : ''
})
const PLIAGES = new Map<number, string>([[0x153, 'oe'], [0x152, 'oe'], [0xe6, 'ae'], [0xc6, 'ae']])

/** Another character: without its accent, lower case, or a separator. */
function plier(ch: string): string {
  const sans = sansAccents(ch.toLowerCase())
  return /^[a-z0-9]+$/.test(sans) ? sans : ''
}

const ordinal = (mot: string): string => (mot.charCodeAt(0) <= 57 ? mot.replace(/^(\d+)(?:e|er|ere|eme|ieme|em|me)$/, '$1') : mot)

/** « M.J.C. », « C.C.A.S. »: runs of single letters make one word. */
function sigles(mots: string[]): string[] {
  const lettre = (m: string | undefined) => m !== undefined && m.length === 1 && m >= 'a' && m <= 'z'
  if (!mots.some((m, i) => lettre(m) && lettre(mots[i + 1]))) return mots
  const resultat: string[] = []
  for (let k = 0; k < mots.length; ) {
    let fin = k + 1
    while (lettre(mots[k]) && lettre(mots[fin])) fin++
    resultat.push(fin - k > 1 ? interner(mots.slice(k, fin).join('')) : (mots[k] as string))
    k = fin
  }
  return resultat
}
