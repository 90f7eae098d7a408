/**
 * The vocabulary of the territorial diagnosis (pure types, no I/O): what the engine reads
 * (communes, places, IFN, activity) and what it answers (one row per commune). Shared by the
 * engine, the reading from the database, the pages, the exports and the other pilotage
 * capabilities (feuille de route, indicateurs), which read it through `../index.ts`.
 */

/** A commune of the territory, as the engine needs it. */
export interface CommuneDiagnostic {
  code: string
  nom: string
  codeDepartement: string
  population: number
  /** Null when no position is known at all (the commune then has no nearest place). */
  position: { latitude: number; longitude: number; approximative: boolean } | null
}

/** A published place with coordinates, within reach of the territory (inside, or ≤ 20 km). */
export interface LieuDiagnostic {
  uid: number
  nom: string
  latitude: number
  longitude: number
  /** Services of the standard (`lieux.services`). */
  services: readonly string[]
  /** Hours open in the reference week (see `heures.ts`); 0 when unknown or unreadable. */
  heuresHebdo: number
  codeDepartement: string | null
}

/** The Indice de fragilité numérique of a commune (Mednum / ANCT), metrics as percentages. */
export interface Ifn {
  /** `commune`: the commune's own; `epci`: the commune had none, its EPCI's is used. */
  source: 'commune' | 'epci'
  /** The composite score (`total` column), higher = more fragile; null when the file left it empty. */
  total: number | null
  sansThd: number | null
  sans4g: number | null
  pauvrete: number | null
  plus65: number | null
  nonDiplomes: number | null
}

/** What the activity rollups say of a commune's residents over the period. */
export interface ActiviteCommune {
  /** Beneficiaries living in the commune accompanied over the period: anonymous ones (rollups, dimension `residence`) and followed ones, each once. */
  beneficiaires: number
  /** Accompaniments that took place in the commune over the period (rollups, dimension `total`, `code_insee`). */
  accompagnements: number
}

/** The nearest place offering a need (or a group of needs), and how far. */
export interface PlusProche {
  uid: number
  nom: string
  distanceKm: number
}

/** One row of the diagnosis: a commune. */
export interface LigneDiagnostic {
  code: string
  nom: string
  codeDepartement: string
  population: number
  position: CommuneDiagnostic['position']
  /** Column id of `BESOINS_DIAGNOSTIC` → nearest place offering it (≤ 100 km), or null. */
  plusProches: Readonly<Record<string, PlusProche | null>>
  /** Places (any service) within 5, 10 and 20 km of the commune's position. */
  lieux5: number
  lieux10: number
  lieux20: number
  /** Sum of the weekly opening hours of the places within 10 km. */
  heuresHebdo10km: number
  ifn: Ifn | null
  activite: ActiviteCommune
}

/** A need of the diagnosis: an orientation need and the services that answer it. */
export interface BesoinDiagnostic {
  id: string
  libelle: string
  groupe: string
  services: readonly string[]
}

/** Inputs of the pure engine. */
export interface EntreesDiagnostic {
  communes: readonly CommuneDiagnostic[]
  lieux: readonly LieuDiagnostic[]
  besoins: readonly BesoinDiagnostic[]
  ifn: ReadonlyMap<string, Ifn>
  activite: ReadonlyMap<string, ActiviteCommune>
}

export interface OptionsMoteur {
  /** Farthest distance searched for the nearest place of a need (km); beyond: null. Default 100 (`RAYON_MAX_KM`). */
  rayonMaxKm?: number
}

/** A white zone: a commune farther than the chosen distance from any place offering the need. */
export interface ZoneBlanche {
  ligne: LigneDiagnostic
  /** The nearest place of the need, null when none within the search limit. */
  plusProche: PlusProche | null
  /** Its distance, null when none. */
  distanceKm: number | null
  /** population × (IFN total, or the neutral value when missing): the ranking key. */
  priorite: number
  /** The IFN used for the ranking was missing: the neutral value was used. */
  ifnManquant: boolean
}
