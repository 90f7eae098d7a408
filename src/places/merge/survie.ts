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
 */
import { CHAMPS_LISTES, PIVOT_NON_RENSEIGNE, type Champ, type ChampListe, type Lieu } from '../standard/fields.ts'

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

/** Records from the most to the least authoritative. */
export function classer(enregistrements: readonly EnregistrementSource[]): EnregistrementSource[] {
  return [...enregistrements].sort(
    (a, b) =>
      Number(b.fiable) - Number(a.fiable) ||
      b.lieu.date_maj.localeCompare(a.lieu.date_maj) ||
      b.recuLe.localeCompare(a.recuLe) ||
      a.source.localeCompare(b.source),
  )
}

const origine = (e: EnregistrementSource): Origine => ({ source: e.source, date: e.lieu.date_maj })

/**
 * Merges the records of one place. `id` is the place's public id; with a single record, the
 * result is that record (with this id).
 */
export function fusionner(id: string, enregistrements: readonly EnregistrementSource[]): LieuFusionne {
  const classes = classer(enregistrements)
  const premier = classes[0]
  if (!premier) throw new Error('Un lieu fusionné a au moins un enregistrement source.')
  const lieu: Lieu = { ...premier.lieu, id }
  const provenance: Provenance = {}
  if (premier.saisieDirecte) {
    for (const champ of Object.keys(lieu) as Champ[]) if (champ !== 'id' && renseigne(champ, lieu[champ])) provenance[champ] = [origine(premier)]
    return { lieu, provenance }
  }
  const valeurs = lieu as unknown as Record<Champ, unknown>

  for (const champ of SIMPLES) {
    const gagnant = classes.find((e) => renseigne(champ, e.lieu[champ]))
    valeurs[champ] = gagnant ? gagnant.lieu[champ] : champ === 'pivot' ? PIVOT_NON_RENSEIGNE : null
    if (gagnant) provenance[champ] = [origine(gagnant)]
  }
  for (const { champs, requis } of GROUPES) {
    const gagnant = classes.find((e) => requis.every((c) => renseigne(c, e.lieu[c]))) ?? premier
    for (const champ of champs) {
      valeurs[champ] = gagnant.lieu[champ]
      if (renseigne(champ, gagnant.lieu[champ])) provenance[champ] = [origine(gagnant)]
    }
  }
  for (const champ of CHAMPS_LISTES) {
    const union: string[] = []
    const sources: Origine[] = []
    for (const e of classes) {
      const liste = e.lieu[champ as ChampListe]
      let apporte = false
      for (const v of liste) {
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
  const plusRecent = classes.reduce((max, e) => (e.lieu.date_maj > max.lieu.date_maj ? e : max), premier)
  lieu.date_maj = plusRecent.lieu.date_maj
  provenance.date_maj = [origine(plusRecent)]
  return { lieu, provenance }
}

export const estListe = (champ: Champ): boolean => LISTES.has(champ)
