/**
 * Where a commune is, without an online geocoder: the resolution chain, pure (no I/O). Given the
 * stored official centres, the centroids of each commune's places and the referential, it answers
 * a position for any current commune or municipal arrondissement, saying how it was obtained:
 *
 * 1. `api-geo` — the stored official centre of the commune: exact, the only non-approximative
 *    answer;
 * 2. `lieux` — the centroid of the commune's published places;
 *    then, for Paris, Lyon and Marseille only: an arrondissement takes its commune's official
 *    centre, a commune the average of its arrondissements' (`api-geo`, approximative), else the
 *    same with places (`lieux`). An arrondissement's own places come first: they lie inside it,
 *    while the city centre may be kilometres away;
 * 3. `code-postal` — the centroid of the known communes sharing one of its postcodes (several
 *    postcodes: the average of each postcode's centroid);
 * 4. `epci`, 5. `departement` — the centroid of the known communes of its EPCI, then of its
 *    département.
 *
 * "Known" (steps 3 to 5) means resolved by steps 1 and 2. The issue asks for the *nearest* known
 * commune of the group, but nearness needs the target's own centre, which is precisely what is
 * missing: we take the centroid of the group's known communes instead — the point that minimises
 * the mean squared distance to them, so the best guess for a member whose centre is unknown — and
 * a stable answer, not one neighbour picked by the order of a list. Answers are computed on demand
 * and cached; call `invalider()` when positions or places change.
 */
import type { Commune, Referentiel } from '../territories/referentiel.ts'

export interface Point {
  lat: number
  lon: number
}

export type Origine = 'api-geo' | 'lieux' | 'code-postal' | 'epci' | 'departement'

export interface PositionCommune {
  latitude: number
  longitude: number
  /** False only for the commune's own official centre. */
  approximative: boolean
  origine: Origine
}

export interface DonneesPositions {
  /** Stored official centres, by INSEE code. */
  positions: ReadonlyMap<string, Point>
  /** Centroid of the published places of each commune (`commune_resolue`), by INSEE code. */
  lieux: ReadonlyMap<string, Point>
}

/** Arithmetic mean of points: fine at the scale of a commune, an EPCI or a département. */
export function centroide(points: readonly Point[]): Point | undefined {
  if (points.length === 0) return undefined
  let lat = 0
  let lon = 0
  for (const p of points) {
    lat += p.lat
    lon += p.lon
  }
  return { lat: lat / points.length, lon: lon / points.length }
}

const resultat = (p: Point, origine: Origine, approximative = true): PositionCommune => ({ latitude: p.lat, longitude: p.lon, approximative, origine })

export class PositionsCommunes {
  private donnees: DonneesPositions
  /** Answers already computed (null: no position). */
  private readonly cache = new Map<string, PositionCommune | null>()
  /** Centroids of the known communes of a group (`cp:<postcode>`, `epci:<siren>`, `dep:<code>`). */
  private readonly groupes = new Map<string, Point | null>()
  /** Codes of the arrondissements of Paris, Lyon and Marseille, by their commune's code. */
  private readonly arrondissements: Map<string, string[]>
  /** Current communes of each département (arrondissements are represented by their commune). */
  private readonly parDepartement: Map<string, Commune[]>

  constructor(
    donnees: DonneesPositions,
    private readonly ref: Referentiel,
  ) {
    this.donnees = donnees
    const communes = [...ref.communes.values()]
    this.arrondissements = grouper(
      communes.filter((c) => c.type === 'arrondissement-municipal' && c.parent),
      (c) => c.parent ?? '',
      (c) => c.code,
    )
    this.parDepartement = grouper(
      communes.filter((c) => c.type === 'commune-actuelle'),
      (c) => c.departement,
      (c) => c,
    )
  }

  /** Forgets computed answers; with new data, replaces the positions and/or the place centroids. */
  invalider(nouvelles: Partial<DonneesPositions> = {}): void {
    this.donnees = { ...this.donnees, ...nouvelles }
    this.cache.clear()
    this.groupes.clear()
  }

  /** The position of a current commune or arrondissement, or undefined (unknown code, or nothing known around it). */
  position(code: string): PositionCommune | undefined {
    const deja = this.cache.get(code)
    if (deja !== undefined) return deja ?? undefined
    const commune = this.ref.communes.get(code)
    const trouvee = commune ? this.resoudre(commune) : undefined
    this.cache.set(code, trouvee ?? null)
    return trouvee
  }

  private resoudre(commune: Commune): PositionCommune | undefined {
    const connue = this.connue(commune)
    if (connue) return connue
    const parCodePostal = centroide(commune.codesPostaux.flatMap((cp) => this.centreDuGroupe(`cp:${cp}`, () => this.ref.parCodePostal.get(cp) ?? []) ?? []))
    if (parCodePostal) return resultat(parCodePostal, 'code-postal')
    // EPCI list communes, not arrondissements
    const siren = this.ref.epciDeCommune.get(commune.type === 'arrondissement-municipal' ? (commune.parent ?? '') : commune.code)
    const parEpci = siren ? this.centreDuGroupe(`epci:${siren}`, () => this.membresEpci(siren)) : undefined
    if (parEpci) return resultat(parEpci, 'epci')
    const parDepartement = this.centreDuGroupe(`dep:${commune.departement}`, () => this.parDepartement.get(commune.departement) ?? [])
    return parDepartement ? resultat(parDepartement, 'departement') : undefined
  }

  /** Steps 1 and 2: what is known of the commune itself, else of its arrondissements or its commune. */
  private connue(commune: Commune): PositionCommune | undefined {
    const { positions, lieux } = this.donnees
    const officielle = positions.get(commune.code)
    if (officielle) return resultat(officielle, 'api-geo', false)
    const parLieux = lieux.get(commune.code)
    if (parLieux) return resultat(parLieux, 'lieux')
    for (const [source, origine] of [[positions, 'api-geo'], [lieux, 'lieux']] as const) {
      const famille = this.parFamille(commune, source)
      if (famille) return resultat(famille, origine)
    }
    return undefined
  }

  /** An arrondissement's commune, or the average of a commune's arrondissements, in `source`. */
  private parFamille(commune: Commune, source: ReadonlyMap<string, Point>): Point | undefined {
    if (commune.type === 'arrondissement-municipal') return commune.parent ? source.get(commune.parent) : undefined
    return centroide((this.arrondissements.get(commune.code) ?? []).flatMap((code) => source.get(code) ?? []))
  }

  /** Centroid of the known communes of a group, computed once. */
  private centreDuGroupe(cle: string, membres: () => readonly Commune[]): Point | undefined {
    let centre = this.groupes.get(cle)
    if (centre === undefined) {
      const points = membres().flatMap((c) => {
        const p = this.connue(c)
        return p ? [{ lat: p.latitude, lon: p.longitude }] : []
      })
      centre = centroide(points) ?? null
      this.groupes.set(cle, centre)
    }
    return centre ?? undefined
  }

  private membresEpci(siren: string): Commune[] {
    return (this.ref.epci.get(siren)?.membres ?? []).flatMap((code) => this.ref.communes.get(code) ?? [])
  }
}

function grouper<T, V>(elements: readonly T[], cle: (e: T) => string, valeur: (e: T) => V): Map<string, V[]> {
  const groupes = new Map<string, V[]>()
  for (const e of elements) {
    const liste = groupes.get(cle(e))
    if (liste) liste.push(valeur(e))
    else groupes.set(cle(e), [valeur(e)])
  }
  return groupes
}
