/**
 * The closed vocabularies of the cartography of actors: types of organisation, roles in the
 * network, compétences and natures of partnership. Values are short codes (files, database,
 * addresses); each has its French label. Pure.
 *
 * - Types: one per organisation, the legal or institutional nature that matters to a
 *   coordinator. A structure running places is `structure` whatever its legal form.
 * - Roles: what the organisation does in the network (several allowed).
 * - Compétences: the services of the national standard (`SERVICES` of
 *   `places/standard/enumerations.ts`, written with their exact label) plus coordination,
 *   formation and financement.
 */
import { SERVICES } from '../../../places/standard/enumerations.ts'

export const TYPES_ACTEUR = {
  structure: 'Structure porteuse de lieux',
  association: 'Association',
  entreprise: 'Entreprise',
  collectivite: 'Collectivité territoriale',
  etat: 'Établissement public ou service de l’État',
  reseau: 'Opérateur national ou réseau',
  financeur: 'Financeur',
  autre: 'Autre',
} as const
export type TypeActeur = keyof typeof TYPES_ACTEUR

export const ROLES_ACTEUR = {
  porte_lieux: 'Porte des lieux de médiation',
  forme: 'Forme les médiateurs',
  finance: 'Finance',
  oriente: 'Oriente ou prescrit',
  equipe: 'Équipe en matériel',
  coordonne: 'Coordonne',
  outille: 'Outille, fournit des services numériques',
} as const
export type RoleActeur = keyof typeof ROLES_ACTEUR

export const COMPETENCES_EN_PLUS = ['Coordination', 'Formation', 'Financement'] as const
export const COMPETENCES: readonly string[] = [...SERVICES, ...COMPETENCES_EN_PLUS]

export const NATURES_PARTENARIAT = {
  convention: 'Convention',
  financement: 'Financement',
  'co-portage': 'Co-portage',
  orientation: 'Orientation',
  reseau: 'Réseau',
} as const
export type NaturePartenariat = keyof typeof NATURES_PARTENARIAT

export const STATUTS_ACTEUR = { publie: 'Publié', retire: 'Retiré', fusionne: 'Fusionné' } as const

/** Options of a select or checkbox list, in the vocabulary's order. */
export const options = (vocabulaire: Readonly<Record<string, string>>) => Object.entries(vocabulaire).map(([valeur, libelle]) => ({ valeur, libelle }))

export const libelle = (vocabulaire: Readonly<Record<string, string>>, code: string): string => vocabulaire[code] ?? code
