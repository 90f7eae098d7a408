/**
 * What the diagnosis maps show (pure), from ALL the rows of a territory's diagnosis, for a need
 * and a distance: each commune with a position as a circle of its population, coloured by
 * whether it is a white zone (the rule of `horsDistance`, the same as the list); each
 * département of the territory with the share of its population beyond the distance. Plain
 * shapes that the design system's maps (`platform/ui/cartes`) take as they are.
 */
import { besoinDiagnostic } from './besoins.ts'
import type { LigneDiagnostic } from './types.ts'
import { horsDistance } from './zones-blanches.ts'

export const ZONE_BLANCHE = 'Zone blanche'
/** The other category of the communes' map: « Lieu à moins de 10 km ». */
export const lieuAMoinsDe = (distanceKm: number): string => `Lieu à moins de ${distanceKm} km`

export interface CommuneCarte {
  code: string
  nom: string
  lat: number
  lon: number
  /** The population. */
  valeur: number
  categorie: string
}

export interface DepartementCarte {
  code: string
  nom: string
  /** Percentage (0–100) of the population beyond the distance; null when the population is 0. */
  valeur: number | null
}

/** The communes with a position as circles of their population, in the category `categorie` gives. */
export function communesEnCercles(lignes: readonly LigneDiagnostic[], categorie: (l: LigneDiagnostic) => string): CommuneCarte[] {
  return lignes.flatMap((l) => (l.position === null ? [] : [{ code: l.code, nom: l.nom, lat: l.position.latitude, lon: l.position.longitude, valeur: l.population, categorie: categorie(l) }]))
}

/** The communes with a position, their population and category (white zone or not). */
export function communesDeLaCarte(lignes: readonly LigneDiagnostic[], besoin: string, distanceKm: number): CommuneCarte[] {
  const colonne = besoinDiagnostic(besoin)
  if (!colonne) return []
  const proche = lieuAMoinsDe(distanceKm)
  return communesEnCercles(lignes, (l) => (horsDistance(l, colonne.id, distanceKm) ? ZONE_BLANCHE : proche))
}

/**
 * For each département of the rows (in code order), the share in % of its population living in a
 * commune that `loin` says is far (`null` when its population is 0). `nomDe` names a département.
 */
export function partParDepartement(lignes: readonly LigneDiagnostic[], loin: (l: LigneDiagnostic) => boolean, nomDe: (code: string) => string): DepartementCarte[] {
  const sommes = new Map<string, { population: number; loin: number }>()
  for (const l of lignes) {
    if (l.codeDepartement === '') continue
    const s = sommes.get(l.codeDepartement) ?? { population: 0, loin: 0 }
    s.population += l.population
    if (loin(l)) s.loin += l.population
    sommes.set(l.codeDepartement, s)
  }
  return [...sommes]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([code, s]) => ({ code, nom: nomDe(code), valeur: s.population > 0 ? (100 * s.loin) / s.population : null }))
}

/**
 * For each département, the share of its population living beyond `distanceKm` of any place
 * offering the need (communes without a position count as beyond, as in the list of white zones).
 */
export function partHorsDistanceParDepartement(lignes: readonly LigneDiagnostic[], besoin: string, distanceKm: number, nomDe: (code: string) => string): DepartementCarte[] {
  const colonne = besoinDiagnostic(besoin)
  if (!colonne) return []
  return partParDepartement(lignes, (l) => horsDistance(l, colonne.id, distanceKm), nomDe)
}
