/**
 * Address fields as written by the producer: `adresse` (street line, made readable by
 * `normaliserVoie`: spacing, capitals, abbreviations), `complement_adresse`, `code_postal`,
 * `commune`, `code_insee`. Their coherence with the official list of communes is checked
 * afterwards by the territories capability (`resoudreCommune`).
 */
import { nettoyerLigne } from '../../platform/text.ts'
import { MOTIF_CODE_INSEE } from '../standard/fields.ts'
import type { Constat } from './problems.ts'
import { normaliserVoie } from './voie.ts'

/** Characters the ANCT library accepts in a street line (`VOIE_REG_EXP`), and what replaces the others. */
const CARACTERE_VOIE = /[0-9A-Za-zÀ-ÖØ-öø-ÿœ-ŸŒ\-,()°.&:+–|;'’/\s]/u
const REMPLACEMENTS: Record<string, string> = { '—': '-', '‑': '-', º: '°', '…': '...', '"': '', '«': '', '»': '', '“': '', '”': '', _: ' ' }

function assainir(texte: string, admis: RegExp): string {
  let sortie = ''
  for (const caractere of texte) sortie += admis.test(caractere) ? caractere : (REMPLACEMENTS[caractere] ?? ' ')
  return sortie.replace(/\s{2,}/g, ' ').trim()
}

/**
 * The street line. `lisible`: rewrite capitals and abbreviations (files of other producers); a
 * file in the standard keeps its address as published, so that a valid file comes out unchanged.
 */
export function lireAdresse(brut: unknown, constat: Constat, lisible = true): string | null {
  const texte = nettoyerLigne(brut)
  if (texte === null) {
    constat.erreur('adresse', brut, "L'adresse est obligatoire (numéro et nom de la voie).")
    return null
  }
  const propre = assainir(texte, CARACTERE_VOIE)
  if (propre === '') {
    constat.erreur('adresse', brut, `L'adresse « ${texte} » ne contient aucun caractère utilisable.`)
    return null
  }
  if (propre !== texte) {
    constat.correction('adresse', brut, `Caractères non admis retirés de l'adresse : « ${propre} ».`)
  }
  if (!lisible) return propre
  const reecrite = normaliserVoie(propre)
  if (reecrite === '') return propre
  if (reecrite !== propre) {
    constat.correction('adresse', brut, `Adresse réécrite pour être lisible (espaces, majuscules, abréviations) : « ${reecrite} ».`)
  }
  return reecrite
}

export function lireComplementAdresse(brut: unknown): string | null {
  return nettoyerLigne(brut)
}

/** Returns the 5-digit postcode, or `null` (the caller decides whether the commune can supply it). */
export function lireCodePostal(brut: unknown, constat: Constat): string | null {
  const texte = nettoyerLigne(brut)
  if (texte === null) return null
  const compact = texte.replace(/[\s.]/g, '')
  if (/^\d{5}$/.test(compact)) return compact
  if (/^\d{4}$/.test(compact)) {
    constat.correction('code_postal', brut, `Code postal à 4 chiffres complété par un zéro initial : « 0${compact} ».`)
    return `0${compact}`
  }
  constat.avertissement('code_postal', brut, `Le code postal « ${texte} » n'a pas 5 chiffres.`)
  return null
}

export function lireCommune(brut: unknown): string | null {
  return nettoyerLigne(brut)
}

/** Characters the ANCT library accepts in a commune name (`COMMUNE_REG_EXP`). */
const CARACTERE_COMMUNE = /[A-Za-z\dÀ-ÖØ-öø-ÿœ-ŸŒ\-'’\s]/u
export const communeConforme = (commune: string): boolean => [...commune].every((c) => CARACTERE_COMMUNE.test(c))
export const assainirCommune = (commune: string): string => assainir(commune, CARACTERE_COMMUNE)

/** Returns the INSEE code if well formed (a lost leading zero is restored), else `null` with a warning. */
export function lireCodeInsee(brut: unknown, constat: Constat): string | null {
  const texte = nettoyerLigne(brut)
  if (texte === null) return null
  const compact = texte.replace(/\s/g, '').toUpperCase()
  if (MOTIF_CODE_INSEE.test(compact)) return compact
  if (/^\d{4}$/.test(compact) && MOTIF_CODE_INSEE.test(`0${compact}`)) {
    constat.correction('code_insee', brut, `Code INSEE à 4 chiffres complété par un zéro initial : « 0${compact} ».`)
    return `0${compact}`
  }
  constat.avertissement('code_insee', brut, `Le code INSEE « ${texte} » n'est pas au format attendu (5 caractères, par exemple 73065 ou 2A004).`)
  return null
}
