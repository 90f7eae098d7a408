/**
 * Reads a file of places into raw rows, whatever its form: CSV (`,` or `;` separated, quoted or
 * not, multi-line cells) or JSON (an array of objects, an object holding such an array, or a
 * GeoJSON FeatureCollection). Each row keeps its position for the report: the line where it
 * starts in a CSV, its rank in a JSON array.
 */
import { parse } from 'csv-parse/sync'
import { CELLULES_EN_TROP, NON_OBJET } from '../validation/colonnes.ts'
import { decoder, type Encodage } from './decodage.ts'

export type Format = 'csv' | 'json'

export interface RangeeBrute {
  /** CSV: line where the row starts (the header is line 1). JSON: rank in the array, from 1. */
  ligne: number
  valeurs: Record<string, unknown>
}

export interface Lecture {
  format: Format
  encodage: Encodage
  /** Column names as they appear (CSV header, or every key met in JSON objects). */
  colonnes: string[]
  rangees: RangeeBrute[]
}

export class FichierIlisibleError extends Error {}

export function detecterFormat(nomFichier: string, texte: string): Format {
  const extension = nomFichier.toLowerCase().split('.').pop()
  if (extension === 'json' || extension === 'geojson') return 'json'
  if (extension === 'csv' || extension === 'txt') return 'csv'
  return /^\s*[[{]/.test(texte) ? 'json' : 'csv'
}

/** The separator of the header line: the most frequent of `,`, `;` and tab outside quotes. */
export function detecterSeparateur(texte: string): string {
  const finEntete = texte.search(/\r?\n/)
  const entete = (finEntete < 0 ? texte : texte.slice(0, finEntete)).replace(/"[^"]*"/g, '')
  const compte = (c: string) => entete.split(c).length - 1
  return [';', '\t'].reduce((meilleur, c) => (compte(c) > compte(meilleur) ? c : meilleur), ',')
}

const sautsDeLigne = (texte: string): number => texte.match(/\r\n|\r|\n/g)?.length ?? 0

function lireCsv(texte: string): Omit<Lecture, 'format' | 'encodage'> {
  const separateur = detecterSeparateur(texte)
  let enregistrements: Array<{ record: string[]; raw: string }>
  try {
    enregistrements = parse(texte, {
      delimiter: separateur,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      raw: true,
    }) as unknown as Array<{ record: string[]; raw: string }>
  } catch (erreur) {
    throw new FichierIlisibleError(`Le fichier CSV est illisible : ${(erreur as Error).message}`)
  }
  // Line numbers are counted here: csv-parse counts a CRLF inside a quoted cell as two lines.
  let ligne = 1
  let colonnes: string[] | undefined
  const rangees: RangeeBrute[] = []
  for (const { record, raw } of enregistrements) {
    const debut = ligne
    ligne += sautsDeLigne(raw.replace(/(\r\n|\r|\n)$/, '')) + 1
    // blank lines, and rows of separators only (what spreadsheets write for empty rows)
    if (record.every((cellule) => cellule.trim() === '')) continue
    if (!colonnes) {
      colonnes = record.map((c) => c.trim())
      continue
    }
    const valeurs: Record<string, unknown> = {}
    colonnes.forEach((colonne, i) => {
      const cellule = record[i]
      if (cellule !== undefined && colonne !== '') valeurs[colonne] = cellule
    })
    if (record.length > colonnes.length && record.slice(colonnes.length).some((c) => c.trim() !== '')) {
      valeurs[CELLULES_EN_TROP] = record.slice(colonnes.length)
    }
    rangees.push({ ligne: debut, valeurs })
  }
  if (!colonnes) throw new FichierIlisibleError('Le fichier CSV est vide : aucune ligne d’en-tête.')
  return { colonnes, rangees }
}

function objetsJson(donnees: unknown): unknown[] {
  if (Array.isArray(donnees)) return donnees
  if (donnees && typeof donnees === 'object') {
    const objet = donnees as Record<string, unknown>
    if (objet.type === 'FeatureCollection' && Array.isArray(objet.features)) {
      return objet.features.map((feature) => {
        if (!feature || typeof feature !== 'object') return feature
        const f = feature as { properties?: Record<string, unknown>; geometry?: { type?: string; coordinates?: unknown } }
        const proprietes = { ...(f.properties ?? {}) }
        const coordonnees = f.geometry?.type === 'Point' && Array.isArray(f.geometry.coordinates) ? f.geometry.coordinates : undefined
        if (coordonnees && proprietes.latitude === undefined && proprietes.longitude === undefined) {
          proprietes.longitude = coordonnees[0]
          proprietes.latitude = coordonnees[1]
        }
        return proprietes
      })
    }
    // The array holding the places: the one with the most objects (`{"erreurs": [], "lieux": […]}`).
    const tableaux = Object.values(objet).filter(Array.isArray)
    const objets = (t: unknown[]) => t.filter((e) => e !== null && typeof e === 'object' && !Array.isArray(e)).length
    const tableau = tableaux.sort((a, b) => objets(b) - objets(a))[0]
    if (tableau) return tableau
  }
  throw new FichierIlisibleError('Le fichier JSON doit contenir un tableau de lieux (ou une FeatureCollection GeoJSON).')
}

function lireJson(texte: string): Omit<Lecture, 'format' | 'encodage'> {
  let donnees: unknown
  try {
    donnees = JSON.parse(texte)
  } catch (erreur) {
    throw new FichierIlisibleError(`Le fichier JSON est illisible : ${(erreur as Error).message}`)
  }
  const colonnes = new Set<string>()
  const rangees = objetsJson(donnees).map((objet, i) => {
    const valeurs = objet && typeof objet === 'object' && !Array.isArray(objet) ? (objet as Record<string, unknown>) : { [NON_OBJET]: objet }
    for (const cle of Object.keys(valeurs)) colonnes.add(cle)
    return { ligne: i + 1, valeurs }
  })
  return { colonnes: [...colonnes], rangees }
}

export function lireFichier(nomFichier: string, octets: Uint8Array): Lecture {
  const { texte, encodage } = decoder(octets)
  const format = detecterFormat(nomFichier, texte)
  return { format, encodage, ...(format === 'json' ? lireJson(texte) : lireCsv(texte)) }
}
