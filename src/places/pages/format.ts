/**
 * How place data reads in French on the pages: phone numbers in national form, long dates,
 * numbers, distances, short names of services for tags, and the only links we make from data
 * (web addresses in http or https, e-mail addresses).
 */
import { SERVICES } from '../standard/enumerations.ts'

const NOMBRE = new Intl.NumberFormat('fr-FR')
const DATE_LONGUE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

export const nombre = (n: number): string => NOMBRE.format(n)

/** « 1 lieu », « 2 400 lieux ». */
export const compte = (n: number, singulier: string, pluriel: string): string => `${nombre(n)} ${n > 1 ? pluriel : singulier}`

const groupes = (chiffres: string): string => chiffres.replace(/(\d{2})(?=\d)/g, '$1 ')

/** Indicatifs whose numbers are written nationally with a leading 0 and 10 digits. */
const NATIONAUX = ['+33', '+262', '+590', '+594', '+596']

/** `+33479311919` → `04 79 31 19 19`; other territories keep their indicatif: `+687 28 12 34`. */
export function telephoneLisible(telephone: string): string {
  const indicatif = ['+33', '+262', '+269', '+508', '+590', '+594', '+596', '+681', '+687', '+689'].find((i) => telephone.startsWith(i))
  if (!indicatif) return telephone
  const reste = telephone.slice(indicatif.length)
  if (!/^\d+$/.test(reste)) return telephone
  if (NATIONAUX.includes(indicatif) && reste.length === 9) return groupes(`0${reste}`)
  return `${indicatif} ${groupes(reste)}`
}

/** `2024-04-02` → `2 avril 2024`; the first of the month is `1er`. */
export function dateLongue(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(date.getTime())) return iso
  return DATE_LONGUE.format(date).replace(/^1 /, '1er ')
}

/** A decimal in French writing: `45,5646`. */
export const decimal = (n: number): string => n.toLocaleString('fr-FR', { maximumFractionDigits: 6, useGrouping: false })

/** The address itself when it is a web address we may link to (http or https), else `null`. */
export function lienWeb(adresse: string): string | null {
  try {
    const url = new URL(adresse)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
  } catch {
    return null
  }
}

/** `mailto:` link of an e-mail address, or `null` when it does not look like one. */
export function lienCourriel(courriel: string): string | null {
  return /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+$/.test(courriel) ? `mailto:${courriel}` : null
}

/** `tel:` link of a number in the standard's form. */
export function lienTelephone(telephone: string): string | null {
  return /^\+\d{6,15}$/.test(telephone) ? `tel:${telephone}` : null
}

/** A web address without its scheme and final slash, to show as link text. */
export const adresseCourte = (url: string): string => url.replace(/^https?:\/\//, '').replace(/\/$/, '')

const [DEMARCHES, OUTILS, INSERTION, SECURITE, PARENTALITE, LOISIRS, COMPREHENSION, ACCES, EQUIPEMENT] = SERVICES

/** Short names of the services, for tags in lists (the place page gives the full names). */
const SERVICES_COURTS: Readonly<Record<string, string>> = {
  [DEMARCHES]: 'Démarches en ligne',
  [OUTILS]: 'Outils du quotidien',
  [INSERTION]: 'Emploi',
  [SECURITE]: 'Sécurité',
  [PARENTALITE]: 'Parentalité',
  [LOISIRS]: 'Loisirs et création',
  [COMPREHENSION]: 'Culture numérique',
  [ACCES]: 'Accès internet et matériel',
  [EQUIPEMENT]: 'Matériel à prix solidaire',
}

export const serviceCourt = (service: string): string => SERVICES_COURTS[service] ?? service

const UNE_DECIMALE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 })

/**
 * How far a place is: « à 1,2 km », « à 350 m », « à 12 km »; when the searched point or the
 * place's position is approximate, « à environ 3 km » (« à moins d’1 km »).
 */
export function distanceTexte(km: number, approximative: boolean): string {
  if (approximative) return km < 1 ? 'à moins d’1\u00a0km' : `à environ ${nombre(Math.round(km))}\u00a0km`
  if (km < 1) return `à ${nombre(Math.max(10, Math.round(km * 100) * 10))}\u00a0m`
  return `à ${km < 10 ? UNE_DECIMALE.format(Math.round(km * 10) / 10) : nombre(Math.round(km))}\u00a0km`
}

/** Great-circle distance in kilometres between two points (degrees). */
export function distanceEntre(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)))
}
