/**
 * `date_maj`: a real calendar date written `YYYY-MM-DD`, not after today (Europe/Paris).
 * Other writings met in real files (`DD/MM/YYYY` with or without a time, ISO date-times such
 * as `2023-06-01T00:00:00.000Z`, Unix time in seconds) are converted. Dates before
 * 2000 are kept with a warning: 1970-01-01 and 1969-12-31 are what broken tools write for
 * « unknown ».
 */
import { z } from 'zod'
import { nettoyerLigne } from '../../platform/text.ts'
import type { Constat } from './problems.ts'

const schemaDate = z.iso.date()

/** Today's date in Europe/Paris, `YYYY-MM-DD`. */
export function aujourdhuiParis(maintenant: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(maintenant)
}

/** A written date to `YYYY-MM-DD`, or `null` when it is not a real date. */
export function versDateIso(brut: string): string | null {
  let iso: string | undefined
  let m: RegExpMatchArray | null
  // « 01/02/2020 10:00 », « 2023/06/01 10:00:00 »: a local time adds nothing to the date
  const texte = brut.replace(/^(\d{1,4}[/.]\d{1,2}[/.]\d{1,4})[ T]\d{1,2}:\d{2}(?::\d{2})?$/, '$1')
  if (/^1\d{9}$/.test(texte)) {
    // Unix time in seconds (2001–2033), written by some exports
    iso = aujourdhuiParis(new Date(Number(texte) * 1000))
  } else if ((m = texte.match(/^(\d{4})-(\d{2})-(\d{2})$/))) iso = texte
  else if ((m = texte.match(/^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/))) iso = `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`
  else if ((m = texte.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/))) iso = `${m[3]}-${m[2]?.padStart(2, '0')}-${m[1]?.padStart(2, '0')}`
  else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(texte)) {
    const instant = new Date(texte.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'))
    if (Number.isNaN(instant.getTime())) return null
    iso = /(Z|[+-]\d{2}(:?\d{2})?)$/.test(texte) ? aujourdhuiParis(instant) : texte.slice(0, 10)
  }
  return iso !== undefined && schemaDate.safeParse(iso).success ? iso : null
}

export function lireDateMaj(brut: unknown, aujourdhui: string, constat: Constat): string | null {
  const texte = nettoyerLigne(brut)
  if (texte === null) {
    constat.erreur('date_maj', brut, 'La date de mise à jour (date_maj) est obligatoire, au format AAAA-MM-JJ.')
    return null
  }
  const iso = versDateIso(texte)
  if (iso === null) {
    constat.erreur('date_maj', brut, `La date de mise à jour « ${texte} » n'est pas une date valide (format attendu AAAA-MM-JJ, par exemple 2024-04-02).`)
    return null
  }
  if (iso > aujourdhui) {
    constat.erreur('date_maj', brut, `La date de mise à jour « ${texte} » est dans le futur (nous sommes le ${aujourdhui}).`)
    return null
  }
  if (iso !== texte) constat.correction('date_maj', brut, `Date convertie au format AAAA-MM-JJ : ${iso}.`)
  if (iso === '1970-01-01' || iso === '1969-12-31') {
    constat.avertissement('date_maj', brut, `La date ${iso} est la valeur par défaut d'un outil : la date réelle de mise à jour est inconnue. Fiche à faire vérifier.`)
  } else if (iso < '2000-01-01') {
    constat.avertissement('date_maj', brut, `La date de mise à jour ${iso} est antérieure à 2000 : fiche à faire vérifier.`)
  }
  return iso
}
