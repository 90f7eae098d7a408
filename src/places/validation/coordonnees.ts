/**
 * `latitude` and `longitude` (WGS84 decimal degrees). Both or neither; `0` and out-of-range
 * values are absent; a point outside every French territory whose swapped pair falls inside one
 * is swapped back (a frequent geocoding defect); any other point outside France is dropped.
 */
import type { Constat } from './problems.ts'

interface Emprise {
  nom: string
  latMin: number
  latMax: number
  lonMin: number
  lonMax: number
}

/** Bounding boxes of French territories (from later commits of the ANCT library, `emprises.ts`). */
export const EMPRISES: readonly Emprise[] = [
  { nom: 'Métropole et Corse', latMin: 41.3, latMax: 51.2, lonMin: -5.2, lonMax: 9.6 },
  { nom: 'Guadeloupe, Saint-Martin, Saint-Barthélemy', latMin: 15.8, latMax: 18.2, lonMin: -63.2, lonMax: -60.8 },
  { nom: 'Martinique', latMin: 14.3, latMax: 15.0, lonMin: -61.3, lonMax: -60.7 },
  { nom: 'Guyane', latMin: 2.0, latMax: 6.0, lonMin: -54.7, lonMax: -51.5 },
  { nom: 'La Réunion', latMin: -21.5, latMax: -20.7, lonMin: 55.1, lonMax: 55.9 },
  { nom: 'Mayotte', latMin: -13.1, latMax: -12.6, lonMin: 45.0, lonMax: 45.4 },
  { nom: 'Saint-Pierre-et-Miquelon', latMin: 46.7, latMax: 47.2, lonMin: -56.5, lonMax: -56.1 },
  { nom: 'Nouvelle-Calédonie', latMin: -22.8, latMax: -19.5, lonMin: 163.5, lonMax: 168.2 },
  { nom: 'Polynésie française', latMin: -28.0, latMax: -7.8, lonMin: -154.8, lonMax: -134.4 },
  { nom: 'Wallis-et-Futuna', latMin: -14.4, latMax: -13.2, lonMin: -178.3, lonMax: -176.1 },
  { nom: 'Terres australes et antarctiques', latMin: -50.0, latMax: -37.0, lonMin: 50.0, lonMax: 78.0 },
]

export const enFrance = (lat: number, lon: number): boolean =>
  EMPRISES.some((e) => lat >= e.latMin && lat <= e.latMax && lon >= e.lonMin && lon <= e.lonMax)

function nombre(brut: unknown): number | null | 'invalide' {
  if (brut === null || brut === undefined) return null
  if (typeof brut === 'number') return Number.isFinite(brut) ? brut : 'invalide'
  const texte = String(brut).trim().replace(',', '.')
  if (texte === '') return null
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(texte)) return 'invalide'
  return Number(texte)
}

export interface Coordonnees {
  latitude: number | null
  longitude: number | null
}

const AUCUNE: Coordonnees = { latitude: null, longitude: null }

export function lireCoordonnees(latBrute: unknown, lonBrute: unknown, constat: Constat): Coordonnees {
  const lat = nombre(latBrute)
  const lon = nombre(lonBrute)
  const valeur = `${latBrute ?? ''} ; ${lonBrute ?? ''}`
  if (lat === null && lon === null) return AUCUNE
  if (lat === 'invalide' || lon === 'invalide') {
    constat.avertissement('latitude', valeur, `Coordonnées illisibles (${valeur}) : elles sont ignorées.`)
    return AUCUNE
  }
  if (lat === null || lon === null) {
    constat.avertissement('latitude', valeur, 'Latitude et longitude vont ensemble : une seule est renseignée, elles sont ignorées.')
    return AUCUNE
  }
  if (lat === 0 && lon === 0) {
    constat.avertissement('latitude', valeur, 'Coordonnées 0 ; 0 (valeur par défaut) : elles sont ignorées.')
    return AUCUNE
  }
  if (enFrance(lat, lon)) return { latitude: lat, longitude: lon }
  if (enFrance(lon, lat)) {
    constat.correction('latitude', valeur, `Latitude et longitude étaient inversées : corrigées en ${lon} ; ${lat}.`)
    return { latitude: lon, longitude: lat }
  }
  constat.avertissement('latitude', valeur, `Le point ${lat} ; ${lon} est hors de tout territoire français : coordonnées ignorées.`)
  return AUCUNE
}
