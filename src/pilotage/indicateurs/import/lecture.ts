/**
 * Reading the territorial reference files (pure): the official list of priority neighbourhoods
 * (QPV: code, name, commune, centre) and INSEE's « grille communale de densité » (commune,
 * level 1 to 7). Columns are found by their usual names; every problem of a row is reported
 * with its line and column, in French, and the row is left out (the others go in).
 */
import type { RangeeBrute } from '../../../places/io/lecture.ts'
import { sansAccents } from '../../../platform/text.ts'
import type { Qpv } from '../catalogue/types.ts'

export interface Rejet {
  ligne: number
  colonne: string
  message: string
}

export interface Lu<T> {
  acceptees: T[]
  rejets: Rejet[]
  lues: number
}

const cle = (s: string) =>
  sansAccents(s)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')

/** The first column of `colonnes` whose name is one of `noms` (compared without case, accents nor punctuation). */
export function colonne(colonnes: readonly string[], noms: readonly string[]): string | undefined {
  const voulus = new Set(noms.map(cle))
  return colonnes.find((c) => voulus.has(cle(c)))
}

const texte = (v: unknown): string => (v === null || v === undefined ? '' : String(v)).trim()
const decimal = (v: string): number => (/^-?\d+([.,]\d+)?$/.test(v) ? Number(v.replace(',', '.')) : Number.NaN)

export const COLONNES_QPV = {
  code: ['code_qp', 'code_qpv', 'code', 'qp', 'id_qpv'],
  nom: ['nom_qp', 'lib_qp', 'nom', 'libelle', 'nom_qpv'],
  commune: ['code_commune', 'insee_com', 'code_insee', 'depcom', 'insee', 'com'],
  // no `x`/`y`: they usually hold Lambert-93 metres, not degrees
  latitude: ['latitude', 'lat'],
  longitude: ['longitude', 'lon', 'lng'],
} as const

/** QPV rows; `communeConnue` says whether a code is a commune of the referential. */
export function lireQpv(colonnes: readonly string[], rangees: Iterable<RangeeBrute>, communeConnue: (code: string) => boolean): Lu<Qpv> | { manquantes: string[] } {
  const noms = Object.fromEntries(Object.entries(COLONNES_QPV).map(([k, v]) => [k, colonne(colonnes, v)])) as Record<keyof typeof COLONNES_QPV, string | undefined>
  const manquantes = Object.entries(noms).flatMap(([k, v]) => (v === undefined ? [`${k} (${COLONNES_QPV[k as keyof typeof COLONNES_QPV].join(', ')})`] : []))
  if (manquantes.length > 0) return { manquantes }
  const col = noms as Record<keyof typeof COLONNES_QPV, string>
  const acceptees: Qpv[] = []
  const rejets: Rejet[] = []
  const vus = new Set<string>()
  let lues = 0
  for (const r of rangees) {
    lues++
    const erreurs: Rejet[] = []
    const rejeter = (colonne: string, message: string) => erreurs.push({ ligne: r.ligne, colonne, message })
    const code = texte(r.valeurs[col.code]).toUpperCase()
    const nom = texte(r.valeurs[col.nom])
    const commune = texte(r.valeurs[col.commune]).toUpperCase().padStart(5, '0')
    const latitude = decimal(texte(r.valeurs[col.latitude]))
    const longitude = decimal(texte(r.valeurs[col.longitude]))
    if (!/^Q[NP][0-9A-Z]{5,7}$/.test(code)) rejeter(col.code, `Code de quartier « ${code} » invalide : attendu par exemple QN07301M ou QP073001.`)
    else if (vus.has(code)) rejeter(col.code, `Le quartier ${code} est déjà dans le fichier plus haut.`)
    if (nom === '') rejeter(col.nom, 'Le nom du quartier est vide.')
    if (!communeConnue(commune)) rejeter(col.commune, `Code commune « ${texte(r.valeurs[col.commune])} » inconnu du Code officiel géographique.`)
    if (!(latitude >= -90 && latitude <= 90)) rejeter(col.latitude, `Latitude « ${texte(r.valeurs[col.latitude])} » invalide : un nombre entre -90 et 90 (point ou virgule décimale).`)
    if (!(longitude >= -180 && longitude <= 180)) rejeter(col.longitude, `Longitude « ${texte(r.valeurs[col.longitude])} » invalide : un nombre entre -180 et 180.`)
    if (erreurs.length > 0) {
      rejets.push(...erreurs)
      continue
    }
    vus.add(code)
    acceptees.push({ code, nom, codeCommune: commune, latitude, longitude })
  }
  return { acceptees, rejets, lues }
}

export const COLONNES_DENSITE = {
  commune: ['codgeo', 'code_commune', 'code_insee', 'depcom', 'insee', 'com'],
  niveau: ['dens7', 'niveau', 'densite', 'degre', 'typo_degre_densite', 'dens'],
} as const

export function lireDensite(colonnes: readonly string[], rangees: Iterable<RangeeBrute>, communeConnue: (code: string) => boolean): Lu<{ codeCommune: string; niveau: number }> | { manquantes: string[] } {
  const commune = colonne(colonnes, COLONNES_DENSITE.commune)
  const niveau = colonne(colonnes, COLONNES_DENSITE.niveau)
  const manquantes = [...(commune ? [] : [`commune (${COLONNES_DENSITE.commune.join(', ')})`]), ...(niveau ? [] : [`niveau (${COLONNES_DENSITE.niveau.join(', ')})`])]
  if (!commune || !niveau) return { manquantes }
  const acceptees: Array<{ codeCommune: string; niveau: number }> = []
  const rejets: Rejet[] = []
  let lues = 0
  for (const r of rangees) {
    lues++
    const code = texte(r.valeurs[commune]).toUpperCase().padStart(5, '0')
    const n = texte(r.valeurs[niveau])
    const erreurs: Rejet[] = []
    if (!communeConnue(code)) erreurs.push({ ligne: r.ligne, colonne: commune, message: `Code commune « ${texte(r.valeurs[commune])} » inconnu du Code officiel géographique.` })
    if (!/^[1-7]$/.test(n)) erreurs.push({ ligne: r.ligne, colonne: niveau, message: `Niveau de densité « ${n} » invalide : un entier de 1 (très dense) à 7 (rural à habitat très dispersé).` })
    if (erreurs.length > 0) rejets.push(...erreurs)
    else acceptees.push({ codeCommune: code, niveau: Number(n) })
  }
  return { acceptees, rejets, lues }
}
