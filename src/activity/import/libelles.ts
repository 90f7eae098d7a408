/**
 * From the cells of La Coop's export back to our values: French labels of the vocabularies
 * (`domain/vocabulaire.ts`, compared without case, accents nor apostrophe style), lists of labels
 * in one cell (La Coop puts one per line; `;`, `|` and `,` are accepted too), dates (XLSX dates,
 * Excel serial numbers, JJ/MM/AAAA or AAAA-MM-JJ), durations in minutes, levels written « n/3 »,
 * INSEE codes that a spreadsheet turned into numbers. Pure.
 */
import { versDateIso } from '../../places/validation/date-maj.ts'
import { cle, plusProche } from '../../platform/text.ts'
import type { Terme } from '../domain/vocabulaire.ts'
import type { Cellule } from './colonnes.ts'

/** A cell as trimmed text; `undefined` when empty. */
export function texteDe(cellule: Cellule): string | undefined {
  if (cellule === undefined) return undefined
  const t = (cellule instanceof Date ? cellule.toISOString().slice(0, 10) : String(cellule)).trim()
  return t === '' ? undefined : t
}

export type Lu<T> = { valeur: T } | { erreur: string }

/**
 * The value of a label in a vocabulary (its value itself is accepted too), with `alias` for the
 * other writings La Coop uses elsewhere (« Homme » / « Femme » in the beneficiaries' export).
 */
export function depuisLibelle<V extends readonly Terme[]>(vocabulaire: V, nom: string, alias: Record<string, V[number]['valeur']> = {}): (texte: string) => Lu<V[number]['valeur']> {
  type T = V[number]['valeur']
  const index = new Map<string, T>()
  for (const t of vocabulaire) {
    index.set(cle(t.libelle), t.valeur as T)
    if (!index.has(cle(t.valeur))) index.set(cle(t.valeur), t.valeur as T)
  }
  for (const [libelle, valeur] of Object.entries(alias)) index.set(cle(libelle), valeur)
  const libelles = vocabulaire.map((t) => t.libelle)
  return (texte) => {
    const valeur = index.get(cle(texte))
    if (valeur !== undefined) return { valeur }
    const proche = plusProche(texte, libelles)
    const suggestion = proche ? ` Vouliez-vous dire « ${proche} » ?` : ` Valeurs possibles : ${libelles.map((l) => `« ${l} »`).join(', ')}.`
    return { erreur: `${nom} « ${texte} » n’est pas dans la liste de La Coop.${suggestion}` }
  }
}

/** The labels of a cell that holds several (one per line in La Coop's export). */
export const libellesDe = (cellule: Cellule): string[] =>
  (texteDe(cellule) ?? '')
    .split(/[\n\r;|,]+/)
    .map((l) => l.trim())
    .filter((l) => l !== '')

/** Days between Excel's epoch (1899-12-30) and 1970-01-01. */
const EPOQUE_EXCEL = 25_569

/** « Date »: a date cell, an Excel serial number, or text (JJ/MM/AAAA, AAAA-MM-JJ). */
export function dateDe(cellule: Cellule): Lu<string> | undefined {
  if (cellule === undefined) return undefined
  if (cellule instanceof Date) {
    return Number.isNaN(cellule.getTime()) ? { erreur: 'La date est illisible.' } : { valeur: cellule.toISOString().slice(0, 10) }
  }
  if (typeof cellule === 'number' && cellule > 20_000 && cellule < 80_000) {
    return { valeur: new Date(Math.round((cellule - EPOQUE_EXCEL) * 86_400_000)).toISOString().slice(0, 10) }
  }
  const texte = texteDe(cellule)
  if (texte === undefined) return undefined
  const iso = versDateIso(texte.replace(/\s+à\s+\d{1,2}:\d{2}$/, ''))
  return iso !== null ? { valeur: iso } : { erreur: `La date « ${texte} » n’est pas une date réelle (écrite JJ/MM/AAAA ou AAAA-MM-JJ, par exemple 14/03/2025).` }
}

/** « Durée (min) »: a whole number of minutes. */
export function dureeDe(cellule: Cellule): Lu<number> | undefined {
  if (cellule === undefined) return undefined
  if (typeof cellule === 'number') return Number.isInteger(cellule) ? { valeur: cellule } : { erreur: `La durée « ${cellule} » doit être un nombre entier de minutes.` }
  const texte = texteDe(cellule)
  if (texte === undefined) return undefined
  const m = texte.match(/^(\d{1,5})(?:[.,]0+)?\s*(?:min(?:utes?)?\.?)?$/i)
  return m ? { valeur: Number(m[1]) } : { erreur: `La durée « ${texte} » n’est pas un nombre de minutes (par exemple 45).` }
}

/** « Niveau d’autonomie (ou de l’atelier) »: « n/3 » (La Coop's stars), or the label. */
export function etoilesDe<V extends readonly (Terme & { etoiles: number })[]>(vocabulaire: V, nom: string): (cellule: Cellule) => Lu<V[number]['valeur']> | undefined {
  const libelle = depuisLibelle(vocabulaire, nom)
  return (cellule) => {
    const texte = texteDe(cellule)
    if (texte === undefined) return undefined
    const m = texte.match(/^([1-9])(?:\s*\/\s*(\d+))?$/)
    if (m) {
      const terme = vocabulaire.find((t) => t.etoiles === Number(m[1]))
      if (terme && (m[2] === undefined || Number(m[2]) === vocabulaire.length)) return { valeur: terme.valeur }
      return { erreur: `${nom} « ${texte} » doit s’écrire ${vocabulaire.map((t) => `${t.etoiles}/${vocabulaire.length}`).join(', ')}.` }
    }
    return libelle(texte)
  }
}

/** « Oui » / « Non ». */
export function ouiNonDe(cellule: Cellule): Lu<boolean> | undefined {
  if (typeof cellule === 'boolean') return { valeur: cellule }
  const texte = texteDe(cellule)
  if (texte === undefined) return undefined
  const k = cle(texte)
  if (['oui', 'yes', 'true', 'vrai', '1'].includes(k)) return { valeur: true }
  if (['non', 'no', 'false', 'faux', '0'].includes(k)) return { valeur: false }
  return { erreur: `« ${texte} » : répondez par Oui ou Non.` }
}

/** An INSEE code; a spreadsheet may have turned « 01004 » into the number 1004. */
export function codeInseeDe(cellule: Cellule): string | undefined {
  const texte = texteDe(cellule)
  if (texte === undefined) return undefined
  return /^\d{4}$/.test(texte) ? `0${texte}` : texte.toUpperCase()
}

/** « Participants »: 1, or « i/N » for the i-th of a workshop's N participants. */
export function participantsDe(cellule: Cellule): number | undefined {
  const texte = texteDe(cellule)
  const m = texte?.match(/^\d+\s*\/\s*(\d+)$/)
  return m ? Number(m[1]) : undefined
}
