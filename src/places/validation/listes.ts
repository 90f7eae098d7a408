/**
 * Multi-valued fields. Values are split on `|` (v1.0.2) and `;` (v0.1), then on « / » or
 * « , » when a piece is not recognised whole (dirty files), and read with the standard's
 * vocabulary (`lireValeur`). A column may feed several fields (v0.1 `publics_accueillis` →
 * publics and prises en charge), so values are gathered per target field.
 */
import { nettoyerLigne } from '../../platform/text.ts'
import type { Champ } from '../standard/fields.ts'
import { LIBELLES_CHAMPS } from '../standard/fields.ts'
import { VOCABULAIRES } from '../standard/enumerations.ts'
import { CHAMP_DE_REPLI } from '../standard/v0.ts'
import { champsDeLaColonne, lireValeur, suggestion, type Lecture } from '../standard/vocabulary.ts'
import type { Constat } from './problems.ts'

/** Values gathered for each target field, in order of appearance, without duplicates. */
export class Valeurs {
  private readonly parChamp = new Map<Champ, string[]>()
  ajouter(champ: Champ, valeur: string): void {
    const liste = this.parChamp.get(champ)
    if (!liste) this.parChamp.set(champ, [valeur])
    else if (!liste.includes(valeur)) liste.push(valeur)
  }
  de(champ: Champ): string[] {
    return this.parChamp.get(champ) ?? []
  }
}

/** Splits a raw list (string or array) on `|` and `;`; pieces are cleaned and never empty. */
export function decouper(brut: unknown): string[] {
  if (brut === null || brut === undefined) return []
  if (Array.isArray(brut)) return brut.flatMap(decouper)
  return String(brut)
    .split(/[|;\n]/)
    .map((morceau) => nettoyerLigne(morceau))
    .filter((morceau): morceau is string => morceau !== null)
}

function messageInconnu(colonne: string, valeur: string): string {
  const champs = champsDeLaColonne(colonne)
  const nom = champs.map((c) => LIBELLES_CHAMPS[c].toLowerCase()).join(' ou ')
  const proche = suggestion(colonne, valeur)
  const admises = champs.flatMap((c) => (VOCABULAIRES as Partial<Record<Champ, readonly string[]>>)[c] ?? [])
  const liste = admises.length <= 12 ? ` Valeurs admises : ${admises.map((v) => `« ${v} »`).join(', ')}.` : ''
  return `« ${valeur} » n'est pas une valeur admise pour ${nom} : elle est ignorée.${proche ? ` Vouliez-vous dire « ${proche} » ?` : ''}${liste}`
}

function retenir(colonne: string, valeur: string, lecture: Lecture, valeurs: Valeurs, constat: Constat): void {
  for (const [champ, v] of lecture.cibles) valeurs.ajouter(champ, v)
  if (lecture.mode === 'approchee') {
    const lues = lecture.cibles.map(([, v]) => `« ${v} »`).join(', ')
    constat.correction(colonne, valeur, `« ${valeur} » lu comme ${lues}.`)
  }
}

export function lireListeEnumeree(colonne: string, brut: unknown, valeurs: Valeurs, constat: Constat): void {
  for (const morceau of decouper(brut)) {
    const lecture = lireValeur(colonne, morceau)
    if (lecture) {
      retenir(colonne, morceau, lecture, valeurs, constat)
      continue
    }
    // « Seniors (+65 ans) / Familles/ enfant / Adultes »: a slash or comma separates values when spaced
    // or followed by a capital; « et/ou », « (16/26 ans) », « Familles/ enfant » stay whole.
    const sousMorceaux = morceau.split(/\s+\/\s+|\s*\/\s*(?=[A-ZÀ-Ý])|\s*,\s*(?=[A-ZÀ-Ý])/).filter((m) => m !== '')
    for (const sous of sousMorceaux.length > 1 ? sousMorceaux : [morceau]) {
      const sousLecture = lireValeur(colonne, sous)
      if (sousLecture) {
        retenir(colonne, sous, sousLecture, valeurs, constat)
        continue
      }
      const repli = CHAMP_DE_REPLI[colonne]
      if (repli) {
        valeurs.ajouter(repli, sous)
        constat.correction(colonne, sous, `« ${sous} » n'est ni un dispositif national ni une formation du standard : conservé dans « ${LIBELLES_CHAMPS[repli].toLowerCase()} ».`)
      } else {
        constat.avertissement(colonne, sous, messageInconnu(colonne, sous))
      }
    }
  }
}

export function lireListeLibre(champ: Champ, brut: unknown, valeurs: Valeurs): void {
  for (const morceau of decouper(brut)) valeurs.ajouter(champ, morceau)
}
