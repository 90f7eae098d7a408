/**
 * `telephone`: one number in the standard's international form (`+33479311919`). National
 * writings are converted when the territory is unambiguous: overseas numbers by their prefix
 * (0590/0690 → +590…) or, for 6- and 8-digit local numbers, by the place's postcode (988 → +687).
 */
import { nettoyerLigne } from '../../platform/text.ts'
import { MOTIF_TELEPHONE } from '../standard/fields.ts'
import type { Constat } from './problems.ts'

const INDICATIFS = ['+33', '+262', '+269', '+508', '+590', '+594', '+596', '+681', '+687', '+689']

/** First digits of a 10-digit national number (after the 0) → country code of an overseas territory. */
const PREFIXES_OUTRE_MER: ReadonlyArray<readonly [string, string]> = [
  ['590', '+590'], ['690', '+590'], ['691', '+590'],
  ['594', '+594'], ['694', '+594'],
  ['262', '+262'], ['263', '+262'], ['692', '+262'], ['693', '+262'],
  ['269', '+262'], ['639', '+262'],
  ['596', '+596'], ['696', '+596'], ['697', '+596'],
]

/** Postcode prefix → country code of territories whose numbers are 6 or 8 digits long. */
const NUMEROS_LOCAUX: Readonly<Record<string, { indicatif: string; longueur: number }>> = {
  '988': { indicatif: '+687', longueur: 6 },
  '986': { indicatif: '+681', longueur: 6 },
  '975': { indicatif: '+508', longueur: 6 },
  '987': { indicatif: '+689', longueur: 8 },
}

function national(chiffres: string): string {
  // chiffres: 9 digits, without the leading 0
  if (chiffres.startsWith('508') && chiffres.length === 9) return `+508${chiffres.slice(3)}`
  for (const [prefixe, indicatif] of PREFIXES_OUTRE_MER) {
    if (chiffres.startsWith(prefixe)) return `${indicatif}${chiffres}`
  }
  return `+33${chiffres}`
}

/** One number to the standard's form, or `null`. */
export function normaliserTelephone(texte: string, codePostal: string | null): string | null {
  let s = texte.replace(/\(0\)/g, '').replace(/[^\d+]/g, '')
  if (s.startsWith('00')) s = `+${s.slice(2)}`
  let resultat: string | null = null
  if (s.startsWith('+')) {
    const indicatif = INDICATIFS.find((i) => s.startsWith(i))
    if (indicatif) {
      let reste = s.slice(indicatif.length)
      if (reste.startsWith('0') && reste.length === 10) reste = reste.slice(1)
      resultat = indicatif === '+33' && reste.length === 9 ? national(reste) : `${indicatif}${reste}`
    }
  } else {
    const local = codePostal ? NUMEROS_LOCAUX[codePostal.slice(0, 3)] : undefined
    if (local && s.length === local.longueur) resultat = `${local.indicatif}${s}`
    else if (s.length === 10 && s.startsWith('0')) resultat = national(s.slice(1))
    else if (s.length === 9 && /^[1-9]/.test(s)) resultat = national(s)
    else if (s.length === 11 && s.startsWith('33')) resultat = national(s.slice(2))
  }
  return resultat !== null && MOTIF_TELEPHONE.test(resultat) ? resultat : null
}

export function lireTelephone(brut: unknown, codePostal: string | null, constat: Constat): string | null {
  const texte = nettoyerLigne(brut)
  // « - », « / », « . »: a form's way of saying « none »
  if (texte === null || !/[\p{L}\p{N}]/u.test(texte)) return null
  if (MOTIF_TELEPHONE.test(texte)) return texte
  const morceaux = texte.split(/\s*(?:[/|;,]|\s-\s|\bou\b|\bet\b)\s*/i).filter((m) => /\d/.test(m))
  for (const [rang, morceau] of morceaux.entries()) {
    const numero = normaliserTelephone(morceau, codePostal)
    if (numero === null) continue
    const autres = morceaux.filter((_, i) => i !== rang)
    if (autres.length > 0) {
      constat.avertissement(
        'telephone',
        brut,
        `Le standard n'admet qu'un numéro : ${numero} est conservé, ${autres.map((a) => `« ${a} »`).join(', ')} ignoré(s).`,
      )
    } else {
      constat.correction('telephone', brut, `Numéro mis au format international : ${numero}.`)
    }
    return numero
  }
  constat.avertissement(
    'telephone',
    brut,
    `Le numéro « ${texte} » n'a pas pu être mis au format international (par exemple +33479311919) : il est ignoré.`,
  )
  return null
}
