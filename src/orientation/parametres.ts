/**
 * Reading the search parameters that pages and API share — a point, a radius, an opening
 * condition, a page — from query-string values, with French messages for what cannot be read.
 * Never throws: a bad value gives an error to show, the rest of the search goes on.
 */
import { RAYONS_KM, type Ouverture, type Point } from './recherche.ts'

export type Lu<T> = { valeur: T; erreur?: undefined } | { valeur?: undefined; erreur: string }

/** A latitude and longitude in decimal degrees (WGS84). */
export function lirePoint(lat: string | undefined, lon: string | undefined, approximative = false): Lu<Point | null> {
  if (!lat && !lon) return { valeur: null }
  const latitude = Number(lat?.replace(',', '.'))
  const longitude = Number(lon?.replace(',', '.'))
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    return { erreur: 'La position transmise n’est pas lisible : indiquez une commune ou un code postal.' }
  }
  return { valeur: { latitude, longitude, approximative } }
}

/** A radius in kilometres, 1 to 100; empty → chosen from the density of places. */
export function lireRayon(texte: string | undefined): Lu<number | null> {
  if (!texte) return { valeur: null }
  const rayon = Number(texte.replace(',', '.'))
  if (!Number.isFinite(rayon) || rayon < 1 || rayon > 100) return { erreur: `La distance « ${texte} » n’est pas possible : choisissez entre 1 et 100 km (par exemple ${RAYONS_KM.join(', ')}).` }
  return { valeur: rayon }
}

const JOURS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']

function minutes(texte: string): number | undefined {
  const m = texte.match(/^(\d{1,2})(?:[:h](\d{2})?)?$/)
  if (!m) return undefined
  const total = Number(m[1]) * 60 + Number(m[2] ?? 0)
  return total <= 24 * 60 ? total : undefined
}

/**
 * `maintenant`, an ISO date-time (`2026-11-23T10:00`), or a weekly slot: `jour` (1 = lundi … 7,
 * or the day's name) with optional `de` and `a` (`09:00`, `9h`, `14h30`).
 */
export function lireOuverture(ouvert: string | undefined, jour?: string, de?: string, a?: string): Lu<Ouverture | null> {
  const valeur = ouvert?.trim() ?? ''
  if (valeur === '' && !jour) return { valeur: null }
  if (valeur === 'maintenant') return { valeur: { type: 'maintenant' } }
  if (valeur !== '' && valeur !== 'creneau') {
    const date = new Date(valeur)
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(valeur) && !Number.isNaN(date.getTime())) return { valeur: { type: 'instant', date } }
    return { erreur: `« ${valeur} » n’est pas une date et heure lisible (par exemple 2026-11-23T10:00).` }
  }
  const j = jour ? (/^[1-7]$/.test(jour) ? Number(jour) : JOURS.indexOf(jour.toLowerCase()) + 1) : 0
  if (j < 1) return { erreur: 'Choisissez un jour de la semaine.' }
  const debut = de ? minutes(de) : 0
  const fin = a ? minutes(a) : 24 * 60
  if (debut === undefined || fin === undefined || fin <= debut) return { erreur: 'Le créneau horaire n’est pas lisible : indiquez par exemple de 9h à 12h.' }
  return { valeur: { type: 'creneau', jour: j, debut, fin } }
}

/** A page number: a positive integer, else 1. */
export function lirePage(texte: string | undefined): number {
  return texte && /^\d{1,6}$/.test(texte) ? Math.max(1, Number(texte)) : 1
}

/** Every value of a repeated parameter (`?public=Jeunes&public=Seniors` or `?public=Jeunes|Seniors`). */
export function valeurs(brut: string | string[] | undefined): string[] {
  const liste = brut === undefined ? [] : Array.isArray(brut) ? brut : [brut]
  return liste.flatMap((v) => v.split('|')).map((v) => v.trim()).filter((v) => v !== '')
}
