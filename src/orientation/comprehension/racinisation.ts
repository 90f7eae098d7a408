/**
 * A light French stemmer, enough for matching a few words typed on a phone against keywords and
 * place names: plurals, feminines and the most frequent suffixes are folded, so that
 * « démarches », « démarche » and « demarche » meet, and « médiathèques » meets « médiathèque ».
 * Words arrive already lower-cased and without accents (see `mots` in platform/text.ts).
 */

const SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['issements', 'iss'],
  ['issement', 'iss'],
  ['atrices', 'at'],
  ['atrice', 'at'],
  ['ateurs', 'at'],
  ['ateur', 'at'],
  ['ations', 'at'],
  ['ation', 'at'],
  ['ements', 'e'],
  ['ement', 'e'],
  ['iques', 'iqu'],
  ['ique', 'iqu'],
  ['euses', 'eu'],
  ['euse', 'eu'],
  ['eurs', 'eu'],
  ['eur', 'eu'],
  ['aux', 'al'],
  ['eaux', 'eau'],
]

export function raciner(mot: string): string {
  let r = mot
  if (r.length <= 3) return r
  for (const [suffixe, remplacement] of SUFFIXES) {
    if (r.endsWith(suffixe) && r.length - suffixe.length >= 3) {
      r = r.slice(0, -suffixe.length) + remplacement
      break
    }
  }
  if (r.length > 4 && /[sx]$/.test(r)) r = r.slice(0, -1)
  if (r.length > 4 && r.endsWith('e')) r = r.slice(0, -1)
  if (r.length > 5 && /(er|ez)$/.test(r)) r = r.slice(0, -2)
  // doubled final consonant (« programm », « nouvell »)
  if (r.length > 4 && r.at(-1) === r.at(-2) && !/[aeiouy]/.test(r.at(-1) ?? '')) r = r.slice(0, -1)
  return r
}
