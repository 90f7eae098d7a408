/**
 * Coverage of a territory for a need (pure), for the roadmap's indicators: the population living
 * within a distance of a place offering the need, out of the total population, from the rows of
 * the diagnosis. Communes without a position count as not covered.
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

export function couverture(lignes: readonly LigneDiagnostic[], besoin: string, distanceKm: number): Couverture {
  const colonne = besoinDiagnostic(besoin)
  let populationCouverte = 0
  let populationTotale = 0
  let communesCouvertes = 0
  for (const l of lignes) {
    populationTotale += l.population
    if (colonne && !horsDistance(l, colonne.id, distanceKm)) {
      populationCouverte += l.population
      communesCouvertes++
    }
  }
  return { populationCouverte, populationTotale, part: populationTotale > 0 ? populationCouverte / populationTotale : null, communesCouvertes, communes: lignes.length }
}
