/**
 * Reads a file of places into raw rows, whatever its form: CSV (`,` or `;` separated, quoted or
 * not, multi-line cells) or JSON (an array of objects, an object holding such an array, or a
 * GeoJSON FeatureCollection). Each row keeps its position for the report: the line where it
 * starts in a CSV, its rank in a JSON array.
 */
import { Parser } from 'csv-parse'
import { CELLULES_EN_TROP, NON_OBJET } from '../validation/colonnes.ts'
import { decoder, type Encodage } from './decodage.ts'

export type Format = 'csv' | 'json'

export interface RangeeBrute {
  /** CSV: line where the row starts (the header is line 1). JSON: rank in the array, from 1. */
  ligne: number
  /** Index among the data rows, from 0 (header and blank lines excluded). */
  rang: number
  /** Column → value, for validation. */
  valeurs: Record<string, unknown>
  /** The row as received, to keep: a JSON item as it was, or a CSV row's cells (the header is `colonnes`). */
  brut: unknown
}

export interface Lecture {
  format: Format
  encodage: Encodage
  /** Column names as they appear (CSV header, or every key met in JSON objects). */
  colonnes: string[]
  /** The rows, read as they are iterated (a CSV file is parsed piece by piece). */
  rangees: Iterable<RangeeBrute>
  /** Share of the file read so far, from 0 to 1 (for progress). */
  avancement(): number
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

/** Characters given to the parser at a time: the rows of a large file are read as they are used. */
const MORCEAU = 1 << 20

interface Enregistrement {
  record: string[]
  raw: string
}

/** The part of csv-parse's internal API its own stream uses (`Parser#api`, untyped). */
interface AnalyseurIncremental {
  parse(morceau: Buffer | undefined, fin: boolean, pousser: (e: Enregistrement) => void, fermer: () => void): Error | undefined
}

function lireCsv(texte: string): Omit<Lecture, 'format' | 'encodage'> {
  const separateur = detecterSeparateur(texte)
  // csv-parse's incremental API (what its stream uses), fed synchronously piece by piece.
  const analyseur = (new Parser({ delimiter: separateur, relax_quotes: true, relax_column_count: true, skip_empty_lines: false, raw: true }) as unknown as { api: AnalyseurIncremental }).api
  let position = 0
  let fini = false
  const enAttente: Enregistrement[] = []
  const lirePlus = (): boolean => {
    if (fini) return false
    const morceau = texte.slice(position, position + MORCEAU)
    position += morceau.length
    fini = position >= texte.length
    const erreur = analyseur.parse(morceau === '' ? undefined : Buffer.from(morceau), fini, (e: Enregistrement) => enAttente.push(e), () => {})
    if (erreur) throw new FichierIlisibleError(`Le fichier CSV est illisible : ${erreur.message}`)
    return true
  }
  // Line numbers are counted here: csv-parse counts a CRLF inside a quoted cell as two lines.
  let ligne = 1
  const suivant = (): { enregistrement: Enregistrement; debut: number } | undefined => {
    while (enAttente.length === 0) if (!lirePlus()) return undefined
    const enregistrement = enAttente.shift() as Enregistrement
    const debut = ligne
    ligne += sautsDeLigne(enregistrement.raw.replace(/(\r\n|\r|\n)$/, '')) + 1
    return { enregistrement, debut }
  }
  // blank lines, and rows of separators only (what spreadsheets write for empty rows)
  const vide = (record: string[]) => record.every((cellule) => cellule.trim() === '')

  let colonnes: string[] | undefined
  for (let e = suivant(); e; e = suivant()) {
    if (vide(e.enregistrement.record)) continue
    colonnes = e.enregistrement.record.map((c) => c.trim())
    break
  }
  if (!colonnes) throw new FichierIlisibleError('Le fichier CSV est vide : aucune ligne d’en-tête.')
  const entete = colonnes

  function* rangees(): Generator<RangeeBrute> {
    let rang = 0
    for (let e = suivant(); e; e = suivant()) {
      const { record } = e.enregistrement
      if (vide(record)) continue
      const valeurs: Record<string, unknown> = {}
      entete.forEach((colonne, i) => {
        const cellule = record[i]
        if (cellule !== undefined && colonne !== '') valeurs[colonne] = cellule
      })
      if (record.length > entete.length && record.slice(entete.length).some((c) => c.trim() !== '')) {
        valeurs[CELLULES_EN_TROP] = record.slice(entete.length)
      }
      yield { ligne: e.debut, rang: rang++, valeurs, brut: record }
    }
  }
  return { colonnes, rangees: rangees(), avancement: () => (texte.length === 0 ? 1 : position / texte.length) }
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

/** Turns a parsed JSON document of a known shape into its rows (see `places/readers`). */
export type Documents = (donnees: unknown) => unknown[] | undefined

function lireJson(texte: string, documents?: Documents): Omit<Lecture, 'format' | 'encodage'> {
  let donnees: unknown
  try {
    donnees = JSON.parse(texte)
  } catch (erreur) {
    throw new FichierIlisibleError(`Le fichier JSON est illisible : ${(erreur as Error).message}`)
  }
  const colonnes = new Set<string>()
  const rangees = (documents?.(donnees) ?? objetsJson(donnees)).map((objet, i) => {
    const valeurs = objet && typeof objet === 'object' && !Array.isArray(objet) ? (objet as Record<string, unknown>) : { [NON_OBJET]: objet }
    for (const cle of Object.keys(valeurs)) colonnes.add(cle)
    return { ligne: i + 1, rang: i, valeurs, brut: objet }
  })
  let lues = 0
  const parcours = (function* () {
    for (const rangee of rangees) {
      lues++
      yield rangee
    }
  })()
  return { colonnes: [...colonnes], rangees: parcours, avancement: () => (rangees.length === 0 ? 1 : lues / rangees.length) }
}

/** Larger files cannot be held as one JavaScript string (V8 limit ≈ 536 million characters). */
export const TAILLE_MAX_FICHIER = 500 * 1024 * 1024

export function lireFichier(nomFichier: string, octets: Uint8Array, documents?: Documents): Lecture {
  if (octets.length > TAILLE_MAX_FICHIER) {
    throw new FichierIlisibleError(
      `Le fichier fait ${Math.round(octets.length / 1024 / 1024)} Mo : au-delà de ${TAILLE_MAX_FICHIER / 1024 / 1024} Mo, découpez-le en plusieurs fichiers (importés avec --conserver-absents, sauf le premier).`,
    )
  }
  const { texte, encodage } = decoder(octets)
  const format = detecterFormat(nomFichier, texte)
  return { format, encodage, ...(format === 'json' ? lireJson(texte, documents) : lireCsv(texte)) }
}
