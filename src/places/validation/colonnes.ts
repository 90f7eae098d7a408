/**
 * What each column of a file is: a v1.0.2 field, a renamed or split v0.1 column, a v0.1
 * column without v1 counterpart, or unknown. Also tells which version of the schema a file
 * follows, from its columns and values.
 */
import { CHAMPS, type Champ } from '../standard/fields.ts'
import { COLONNES_ABANDONNEES, COLONNES_ECLATEES, COLONNES_RENOMMEES, COLONNES_V0 } from '../standard/v0.ts'

/** Keys a reader adds to a row that does not fit the file's shape; validation reports them. */
export const CELLULES_EN_TROP = '__cellules_en_trop'
export const NON_OBJET = '__non_objet'

export type Role =
  | { type: 'champ'; champ: Champ }
  | { type: 'renommee'; champ: Champ; colonne: string }
  | { type: 'eclatee'; colonne: string }
  | { type: 'abandonnee'; colonne: string }
  | { type: 'inconnue'; colonne: string }

const CHAMPS_CONNUS = new Set<string>(CHAMPS)

/** Header as written → canonical column name (trimmed, lower case, BOM and quotes removed). */
export const canoniser = (entete: string): string => entete.replace(/^\uFEFF/, '').trim().replace(/^"|"$/g, '').toLowerCase()

const roles = new Map<string, Role>()

/** What a column is; cached, since every row of a file asks for the same headers. */
export function role(entete: string): Role {
  let connu = roles.get(entete)
  if (!connu) {
    connu = trouverRole(entete)
    if (roles.size > 10_000) roles.clear()
    roles.set(entete, connu)
  }
  return connu
}

function trouverRole(entete: string): Role {
  const colonne = canoniser(entete)
  if (CHAMPS_CONNUS.has(colonne)) return { type: 'champ', champ: colonne as Champ }
  const renommee = COLONNES_RENOMMEES[colonne]
  if (renommee) return { type: 'renommee', champ: renommee, colonne }
  if (COLONNES_ECLATEES[colonne]) return { type: 'eclatee', colonne }
  if (COLONNES_ABANDONNEES.has(colonne)) return { type: 'abandonnee', colonne }
  return { type: 'inconnue', colonne }
}

export type Version = 'v1.0.2' | 'v0.1' | 'mixte'

/** v0.1 when only v0.1 columns or values appear, v1.0.2 when only v1 ones do, else `mixte`. */
export function detecterVersion(entetes: Iterable<string>, servicesV0: boolean): Version {
  let v0 = servicesV0
  let v1 = false
  for (const entete of entetes) {
    const colonne = canoniser(entete)
    if (COLONNES_V0.has(colonne)) v0 = true
    else if (['courriels', 'frais_a_charge', 'publics_specifiquement_adresses', 'prise_en_charge_specifique', 'dispositif_programmes_nationaux', 'formations_labels', 'modalites_acces', 'itinerance', 'fiche_acces_libre', 'autres_formations_labels'].includes(colonne)) v1 = true
  }
  if (v0 && v1) return 'mixte'
  return v0 ? 'v0.1' : 'v1.0.2'
}
