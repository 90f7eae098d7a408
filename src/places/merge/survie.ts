/**
 * Survivorship: the place a merged group shows, built field by field from its source records.
 * Pure rules, no I/O.
 *
 * - Records are ranked: a trusted source before an untrusted one, then the most recent
 *   `date_maj`, then the most recently received.
 * - A single value comes from the first record of that ranking that has a real one: an empty
 *   value or the placeholder SIRET `00000000000000` never beats a real value.
 * - Fields that only make sense together come from the same record: the address (adresse,
 *   complément, code postal, commune, code INSEE) and the coordinates.
 * - Lists are the union of every record's values (in ranking order, without repeats).
 * - `date_maj` is the most recent of the records; `id` is the place's own public id.
 *
 * - A record typed in the workspace by the place's manager or coordinator (`saisieDirecte`)
 *   that ranks first is the place whole: they saw every field, so what they emptied or removed
 *   from a list stays removed (older records do not bring it back).
 *
 * Each field remembers which sources gave its value, and their dates (`provenance`).
 *
 * The engine (`survivre`) is generic: the actors of the network (`src/pilotage/acteurs`) are merged
 * by the same rules with their own fields.
 */
import { CHAMPS_LISTES, PIVOT_NON_RENSEIGNE, type Champ, type Lieu } from '../standard/fields.ts'

export interface EnregistrementSource {
  /** Name of the source. */
  source: string
  fiable: boolean
  /** When the record was received (ISO), to separate records of equal `date_maj`. */
  recuLe: string
  lieu: Lieu
  /** Typed in the workspace (see above). */
  saisieDirecte?: boolean
}

export interface Origine {
  source: string
  /** The record's `date_maj`. */
  date: string
}

export type Provenance = Partial<Record<Champ, Origine[]>>

export interface LieuFusionne {
  lieu: Lieu
  provenance: Provenance
}

/** Fields taken together from one record, with the fields that record must have. */
const GROUPES: ReadonlyArray<{ champs: readonly Champ[]; requis: readonly Champ[] }> = [
  { champs: ['adresse', 'complement_adresse', 'code_postal', 'commune', 'code_insee'], requis: ['adresse'] },
  { champs: ['latitude', 'longitude'], requis: ['latitude', 'longitude'] },
]
const LISTES = new Set<Champ>(CHAMPS_LISTES)
const SIMPLES: readonly Champ[] = [
  'pivot',
  'nom',
  'telephone',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'structure_parente',
  'fiche_acces_libre',
  'prise_rdv',
]

/** Whether a value is real: not empty, not the placeholder SIRET. */
export function renseigne(champ: Champ, valeur: unknown): boolean {
  if (valeur === null || valeur === undefined) return false
  if (typeof valeur === 'string') return valeur.trim() !== '' && !(champ === 'pivot' && valeur === PIVOT_NON_RENSEIGNE)
  if (Array.isArray(valeur)) return valeur.length > 0
  return true
}

/**
 * A record as the generic survivorship engine sees it: its source, trust, dates and values. The
 * places (below) and the actors of the network (`src/pilotage/acteurs`) are both merged by it.
 */
export interface Temoin<T> {
  source: string
  fiable: boolean
  /** When the record was received (ISO). */
  recuLe: string
  /** The record's own date of update (`date_maj`), `YYYY-MM-DD`. */
  date: string
  valeurs: T
  saisieDirecte?: boolean | undefined
}

/** Which fields survive how: single values, groups taken from one record, lists united. */
export interface ReglesSurvie<C extends string> {
  simples: readonly C[]
  groupes: ReadonlyArray<{ champs: readonly C[]; requis: readonly C[] }>
  listes: readonly C[]
  /** The field holding the record's date (the most recent wins). */
  champDate: C
  renseigne(champ: C, valeur: unknown): boolean
  /** The value of a single field no record fills (default `null`). */
  vide?(champ: C): unknown
}

/** Records from the most to the least authoritative. */
export function classerTemoins<T>(temoins: readonly Temoin<T>[]): Temoin<T>[] {
  return [...temoins].sort(
    (a, b) => Number(b.fiable) - Number(a.fiable) || b.date.localeCompare(a.date) || b.recuLe.localeCompare(a.recuLe) || a.source.localeCompare(b.source),
  )
}

/** Merges records field by field with `regles`; each field remembers its sources. */
export function survivre<C extends string, T extends Record<C, unknown>>(temoins: readonly Temoin<T>[], regles: ReglesSurvie<C>): { valeurs: T; provenance: Partial<Record<C, Origine[]>> } {
  const classes = classerTemoins(temoins)
  const premier = classes[0]
  if (!premier) throw new Error('Une fusion a au moins un enregistrement source.')
  const valeurs = { ...premier.valeurs } as Record<C, unknown>
  const provenance: Partial<Record<C, Origine[]>> = {}
  const origine = (e: Temoin<T>): Origine => ({ source: e.source, date: e.date })
  if (premier.saisieDirecte) {
    // the fields the rules merge (not the record's own `id`)
    const champs = [...regles.simples, ...regles.groupes.flatMap((g) => g.champs), ...regles.listes, regles.champDate]
    for (const champ of champs) if (regles.renseigne(champ, valeurs[champ])) provenance[champ] = [origine(premier)]
    return { valeurs: valeurs as T, provenance }
  }
  for (const champ of regles.simples) {
    const gagnant = classes.find((e) => regles.renseigne(champ, e.valeurs[champ]))
    valeurs[champ] = gagnant ? gagnant.valeurs[champ] : (regles.vide?.(champ) ?? null)
    if (gagnant) provenance[champ] = [origine(gagnant)]
  }
  for (const { champs, requis } of regles.groupes) {
    const gagnant = classes.find((e) => requis.every((c) => regles.renseigne(c, e.valeurs[c]))) ?? premier
    for (const champ of champs) {
      valeurs[champ] = gagnant.valeurs[champ]
      if (regles.renseigne(champ, gagnant.valeurs[champ])) provenance[champ] = [origine(gagnant)]
    }
  }
  for (const champ of regles.listes) {
    const union: unknown[] = []
    const sources: Origine[] = []
    for (const e of classes) {
      const liste = e.valeurs[champ]
      let apporte = false
      for (const v of Array.isArray(liste) ? liste : []) {
        if (!union.includes(v)) {
          union.push(v)
          apporte = true
        }
      }
      if (apporte) sources.push(origine(e))
    }
    valeurs[champ] = union
    if (sources.length > 0) provenance[champ] = sources
  }
  const plusRecent = classes.reduce((max, e) => (e.date > max.date ? e : max), premier)
  valeurs[regles.champDate] = plusRecent.valeurs[regles.champDate]
  provenance[regles.champDate] = [origine(plusRecent)]
  return { valeurs: valeurs as T, provenance }
}

const REGLES_LIEU: ReglesSurvie<Champ> = {
  simples: SIMPLES,
  groupes: GROUPES,
  listes: CHAMPS_LISTES,
  champDate: 'date_maj',
  renseigne,
  vide: (champ) => (champ === 'pivot' ? PIVOT_NON_RENSEIGNE : null),
}

const temoin = (e: EnregistrementSource): Temoin<Lieu> => ({ source: e.source, fiable: e.fiable, recuLe: e.recuLe, date: e.lieu.date_maj, valeurs: e.lieu, saisieDirecte: e.saisieDirecte })

/**
 * Merges the records of one place. `id` is the place's public id; with a single record, the
 * result is that record (with this id).
 */
export function fusionner(id: string, enregistrements: readonly EnregistrementSource[]): LieuFusionne {
  if (enregistrements.length === 0) throw new Error('Un lieu fusionné a au moins un enregistrement source.')
  const { valeurs, provenance } = survivre<Champ, Lieu & Record<Champ, unknown>>(enregistrements.map(temoin) as Array<Temoin<Lieu & Record<Champ, unknown>>>, REGLES_LIEU)
  return { lieu: { ...valeurs, id }, provenance }
}

export const estListe = (champ: Champ): boolean => LISTES.has(champ)
