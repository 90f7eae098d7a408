/**
 * What a reader is: it turns one row of a producer's file (France Services' list, Aidants
 * Connect's structures, data·inclusion…) into a row named after the standard's fields, which
 * validation (`places/validation`) then checks and normalises like any file in the standard.
 * Readers are pure: no I/O, no database. They never lose what they received: the row as read
 * stays in the source record.
 */
import type { Probleme } from '../validation/problems.ts'

export interface ContexteLecteur {
  /**
   * Date of the data, `YYYY-MM-DD`: the `date_maj` given to rows whose source has none
   * (`aiguillage import --date-donnees`, by default the day of the import).
   */
  dateDonnees: string
}

/**
 * A row in the standard's field names (v1.0.2 or v0.1), or the reason why it is left out (with
 * the row's id when it has one, for the report). `problemes`: what the reader itself changed or
 * could not read, to add to the row's report next to validation's findings.
 */
export type Adaptation = { valeurs: Record<string, unknown>; problemes?: Probleme[] } | { ignoree: string; id?: string | undefined }

export interface Lecteur {
  /** Name given to `aiguillage import --format`, e.g. `france-services`. */
  nom: string
  /** French label shown to people, e.g. « Liste officielle des France Services ». */
  libelle: string
  /** Whether a file with these columns (CSV header, or keys of the JSON items) is this reader's. */
  reconnait(colonnes: readonly string[]): boolean
  /**
   * Rearranges a parsed JSON document into the array of its rows when it is this reader's shape
   * but not a plain array (data·inclusion's `{structures, services}`); `undefined` otherwise.
   */
  document?(donnees: unknown): unknown[] | undefined
  adapter(valeurs: Record<string, unknown>, contexte: ContexteLecteur): Adaptation
}
