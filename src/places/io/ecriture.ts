/**
 * Writes places in the standard v1.0.2: CSV (the 32 columns in schema order, `,` separated,
 * `|` between values, ISO dates, quotes only where needed), JSON (an array of objects with the
 * same keys and `|`-joined strings, empty fields left out, as the national files do) and
 * GeoJSON (a FeatureCollection whose properties are the JSON objects).
 */
import { CHAMPS, CHAMPS_LISTES, SEPARATEUR_LISTE, type Champ, type Lieu } from '../standard/fields.ts'

export type FormatExport = 'csv' | 'json' | 'geojson'

/** A place as the standard writes it: field → string or number, absent fields left out. */
export type RangeeStandard = Partial<Record<Champ, string | number>>

const LISTES = new Set<Champ>(CHAMPS_LISTES)

/** A field as the standard writes it: lists joined with `|`, absent as `''`. */
export function valeurStandard(lieu: Lieu, champ: Champ): string | number {
  const valeur = lieu[champ]
  if (valeur === null || valeur === undefined) return ''
  if (LISTES.has(champ)) return (valeur as string[]).join(SEPARATEUR_LISTE)
  return valeur as string | number
}

function celluleCsv(valeur: string | number): string {
  if (typeof valeur === 'number') return String(valeur)
  return /[",\r\n]|^\s|\s$/.test(valeur) ? `"${valeur.replace(/"/g, '""')}"` : valeur
}

export const enteteCsv = (): string => `${CHAMPS.join(',')}\r\n`

/** A CSV row from a standard row object (field → string or number; absent fields are empty cells). */
export const ligneCsvDepuisObjet = (objet: Readonly<Record<string, string | number | undefined>>): string =>
  `${CHAMPS.map((champ) => celluleCsv(objet[champ] ?? '')).join(',')}\r\n`

export const ligneCsv = (lieu: Lieu): string => ligneCsvDepuisObjet(objetStandard(lieu))

/** The JSON object of a place: the 32 keys in order, empty ones left out. */
export function objetStandard(lieu: Lieu): RangeeStandard {
  const objet: RangeeStandard = {}
  for (const champ of CHAMPS) {
    const valeur = valeurStandard(lieu, champ)
    if (valeur !== '') objet[champ] = valeur
  }
  return objet
}

export function featureGeoJson(rangee: RangeeStandard): object {
  const { latitude, longitude } = rangee
  return {
    type: 'Feature',
    geometry: typeof latitude === 'number' && typeof longitude === 'number' ? { type: 'Point', coordinates: [longitude, latitude] } : null,
    properties: rangee,
  }
}

/** Pieces of an export document, to write one after another (streaming). */
export function morceaux(format: FormatExport): { debut: string; element: (rangee: RangeeStandard, rang: number) => string; fin: string } {
  switch (format) {
    case 'csv':
      return { debut: enteteCsv(), element: ligneCsvDepuisObjet, fin: '' }
    case 'json':
      return { debut: '[\n', element: (r, rang) => `${rang > 0 ? ',\n' : ''}${JSON.stringify(r)}`, fin: '\n]\n' }
    case 'geojson':
      return {
        debut: '{"type":"FeatureCollection","features":[\n',
        element: (r, rang) => `${rang > 0 ? ',\n' : ''}${JSON.stringify(featureGeoJson(r))}`,
        fin: '\n]}\n',
      }
  }
}
