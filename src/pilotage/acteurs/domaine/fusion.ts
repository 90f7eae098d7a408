/**
 * The actor shown from its source records, field by field, with the places' survivorship engine
 * (`places/merge/survie.ts`): a trusted source before an untrusted one, then the most recent
 * `date_maj`; an empty value never beats a real one; the address and commune come together from
 * one record; roles and compétences are united; a coordinator's entry (source `saisie`) ranking
 * first is the actor whole. Each field remembers its sources and their dates. Pure.
 */
import { survivre, type Origine, type ReglesSurvie, type Temoin } from '../../../places/merge/survie.ts'
import type { Acteur } from './validation.ts'

export type ChampActeur = keyof Acteur
export type ProvenanceActeur = Partial<Record<ChampActeur, Origine[]>>

/** The source of what coordinators type in the pages. */
export const SOURCE_SAISIE = 'saisie'

const renseigne = (_champ: ChampActeur, valeur: unknown): boolean =>
  valeur !== null && valeur !== undefined && (typeof valeur !== 'string' || valeur.trim() !== '') && (!Array.isArray(valeur) || valeur.length > 0)

const REGLES: ReglesSurvie<ChampActeur> = {
  simples: ['nom', 'type', 'siret', 'site_web', 'courriel', 'telephone', 'description'],
  groupes: [{ champs: ['adresse', 'code_postal', 'commune', 'code_insee', 'code_departement', 'code_region'], requis: ['adresse', 'code_insee'] }],
  listes: ['roles', 'competences'],
  champDate: 'date_maj',
  renseigne,
}

export interface EnregistrementActeur {
  source: string
  fiable: boolean
  recuLe: string
  acteur: Acteur
}

export function fusionnerActeur(enregistrements: readonly EnregistrementActeur[]): { acteur: Acteur; provenance: ProvenanceActeur } {
  const temoins: Array<Temoin<Acteur & Record<ChampActeur, unknown>>> = enregistrements.map((e) => ({
    source: e.source,
    fiable: e.fiable,
    recuLe: e.recuLe,
    date: e.acteur.date_maj,
    valeurs: e.acteur,
    saisieDirecte: e.source === SOURCE_SAISIE,
  }))
  const { valeurs, provenance } = survivre(temoins, REGLES)
  return { acteur: valeurs, provenance }
}
