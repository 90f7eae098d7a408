/**
 * Coverage of a territory (pure), for the coverage indicators: the population living in covered
 * communes — within a distance of a place offering a need, or any rule — out of the total
 * population, from the rows of the diagnosis. Communes without a position count as not covered.
 */
import { besoinDiagnostic } from './besoins.ts'
import type { LigneDiagnostic } from './types.ts'
import { horsDistance } from './zones-blanches.ts'

export interface Couverture {
  populationCouverte: number
  populationTotale: number
  /** From 0 to 1; null when the territory has no population. */
  part: number | null
  communesCouvertes: number
  communes: number
}

/** The coverage of `lignes` by a need: a commune is covered with a place offering it within `distanceKm`. */
export function couverture(lignes: readonly LigneDiagnostic[], besoin: string, distanceKm: number): Couverture {
  const colonne = besoinDiagnostic(besoin)
  return couvertureSelon(lignes, (l) => colonne !== undefined && !horsDistance(l, colonne.id, distanceKm))
}

/** The coverage of `lignes` for any rule of a covered commune (`couverte`). */
export function couvertureSelon(lignes: readonly LigneDiagnostic[], couverte: (ligne: LigneDiagnostic) => boolean): Couverture {
  let populationCouverte = 0
  let populationTotale = 0
  let communesCouvertes = 0
  for (const l of lignes) {
    populationTotale += l.population
    if (couverte(l)) {
      populationCouverte += l.population
      communesCouvertes++
    }
  }
  return { populationCouverte, populationTotale, part: populationTotale > 0 ? populationCouverte / populationTotale : null, communesCouvertes, communes: lignes.length }
}
