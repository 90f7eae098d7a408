/**
 * « Zones blanches » (pure): the communes farther than a chosen distance from any place offering
 * a need — or with no such place within the search limit —, ranked for action by population ×
 * fragility (IFN total, 0–10). A commune without IFN (neither its own nor its EPCI's) takes the
 * median IFN of the other communes of the list: a neutral weight that neither hides it nor puts
 * it first, flagged so that the page says it; with no IFN at all, the ranking is by population.
 * Ties: larger population first, then code.
 */
import { besoinDiagnostic } from './besoins.ts'
import type { LigneDiagnostic, ZoneBlanche } from './types.ts'

export const DISTANCES_ZONES_BLANCHES = [5, 10, 15, 20] as const
export const DISTANCE_PAR_DEFAUT = 10

function mediane(valeurs: number[]): number | undefined {
  if (valeurs.length === 0) return undefined
  const v = [...valeurs].sort((a, b) => a - b)
  const m = Math.floor(v.length / 2)
  return v.length % 2 ? (v[m] as number) : ((v[m - 1] as number) + (v[m] as number)) / 2
}

/**
 * The rule of a white zone, for one row and a need's column id: no place offering the need
 * within the search limit, or the nearest one farther than `distanceKm` (a commune without a
 * position has no nearest place: it is one). Shared by the list, the coverage and the maps.
 */
export function horsDistance(ligne: LigneDiagnostic, colonneId: string, distanceKm: number): boolean {
  const p = ligne.plusProches[colonneId]
  return !p || p.distanceKm > distanceKm
}

/** The white zones of `besoin` (a need or column id) beyond `distanceKm`, highest priority first. */
export function zonesBlanches(lignes: readonly LigneDiagnostic[], besoin: string, distanceKm: number = DISTANCE_PAR_DEFAUT): ZoneBlanche[] {
  const colonne = besoinDiagnostic(besoin)
  if (!colonne) return []
  const loin = lignes.filter((l) => horsDistance(l, colonne.id, distanceKm))
  const neutre = mediane(loin.flatMap((l) => (l.ifn?.total == null ? [] : [l.ifn.total]))) ?? 1
  return loin
    .map((ligne): ZoneBlanche => {
      const total = ligne.ifn?.total ?? null
      const plusProche = ligne.plusProches[colonne.id] ?? null
      return { ligne, plusProche, distanceKm: plusProche?.distanceKm ?? null, priorite: ligne.population * (total ?? neutre), ifnManquant: total === null }
    })
    .sort((a, b) => b.priorite - a.priorite || b.ligne.population - a.ligne.population || a.ligne.code.localeCompare(b.ligne.code))
}
