/**
 * The vocabulary of computed indicators (pure types): what a catalogue indicator reads — the
 * territory's data gathered once by `../donnees.ts` — and what it answers: a value with its
 * unit and what it was computed from, or `null` with a French reason. Same shape as the
 * quality criteria (`src/quality/criteres.ts`): each indicator a small documented function.
 */
import type { Statistiques } from '../../../activity/stats/presentation.ts'
import type { Territoire } from '../../../territories/territoire.ts'
import type { LigneDiagnostic } from '../../diagnostic/domaine/types.ts'

export interface Periode {
  du: string
  au: string
}

/** A published place of the territory, as the indicators need it. */
export interface LieuIndicateur {
  uid: number
  codeCommune: string | null
  latitude: number | null
  longitude: number | null
  horaires: string | null
  /** Hours open in the diagnosis' reference week, or null when the hours are missing, unreadable or zero. */
  heuresHebdo: number | null
  dispositifs: readonly string[]
  labels: readonly string[]
}

/** A priority neighbourhood (QPV) of the official list: its centre. */
export interface Qpv {
  code: string
  nom: string
  codeCommune: string
  latitude: number
  longitude: number
}

/** A current commune of the territory with its population (referential) and density level (if imported). */
export interface CommuneIndicateur {
  code: string
  population: number
  /** INSEE « grille communale de densité », 1 (dense) to 7 (rural dispersé); null when not imported. */
  densite: number | null
}

/** The data of a territory the indicators read; each part is loaded only when an indicator needs it. */
export interface DonneesTerritoire {
  territoire: Territoire
  periode: Periode
  /** The day of the computation (`YYYY-MM-DD`). */
  aujourdhui: string
  lieux?: readonly LieuIndicateur[]
  communes?: readonly CommuneIndicateur[]
  /** Whether the density grid was imported (else rurality uses the < 2 000 inhabitants proxy). */
  densiteImportee?: boolean
  /** The diagnosis' rows (one per commune), or null with the reason it could not be computed. */
  diagnostic?: readonly LigneDiagnostic[] | { indisponible: string }
  statistiques?: Statistiques
  /** The imported QPV of the territory; null when no list was imported. */
  qpv?: readonly Qpv[] | null
}

export type Besoin = 'lieux' | 'communes' | 'diagnostic' | 'statistiques' | 'qpv'

/** A parameter of an indicator (the label counted, the public…), with its allowed values. */
export interface ParametreIndicateur {
  nom: string
  libelle: string
  valeurs: ReadonlyArray<{ valeur: string; libelle: string }>
}

export type Parametres = Readonly<Record<string, string | number>>

export type Calcul = { valeur: number; precision?: string } | { valeur: null; raison: string }

export interface DefinitionIndicateur {
  code: string
  libelle: string
  unite: string
  /** What is counted, in one or two sentences. */
  definition: string
  /** Where the data comes from. */
  source: string
  /** What the figure does not say. */
  limites: string
  /** Better when it goes up or down (the default direction of a target). */
  sens: 'hausse' | 'baisse'
  /** One of the national territorial dashboards' indicators. */
  national?: boolean
  besoins: readonly Besoin[]
  parametres?: readonly ParametreIndicateur[]
  /** The label of the indicator with these parameters (« Lieux labellisés France Services »). */
  libelleAvec?(parametres: Parametres): string
  calculer(donnees: DonneesTerritoire, parametres: Parametres): Calcul
}
