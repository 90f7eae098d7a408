/**
 * The 32 fields of the national standard « schéma des lieux de médiation numérique » v1.0.2,
 * in the schema's column order, with the facts every reader and writer needs.
 */

export const CHAMPS = [
  'id',
  'pivot',
  'nom',
  'commune',
  'code_postal',
  'code_insee',
  'adresse',
  'complement_adresse',
  'latitude',
  'longitude',
  'typologie',
  'telephone',
  'courriels',
  'site_web',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'itinerance',
  'structure_parente',
  'date_maj',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
  'fiche_acces_libre',
  'prise_rdv',
] as const

export type Champ = (typeof CHAMPS)[number]

/** Fields the schema marks `required: true`. */
export const CHAMPS_OBLIGATOIRES: ReadonlySet<Champ> = new Set([
  'id',
  'pivot',
  'nom',
  'commune',
  'code_postal',
  'adresse',
  'date_maj',
])

/** Fields holding several values separated by `|` in the CSV and JSON files. */
export const CHAMPS_LISTES = [
  'typologie',
  'courriels',
  'site_web',
  'itinerance',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
] as const satisfies readonly Champ[]

export type ChampListe = (typeof CHAMPS_LISTES)[number]
export type ChampValeur = Exclude<Champ, ChampListe | 'latitude' | 'longitude'>

export const SEPARATEUR_LISTE = '|'

/** The standard's own pattern for `telephone`: one international number, no spaces. */
export const MOTIF_TELEPHONE = /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$/
export const MOTIF_CODE_POSTAL = /^\d{5}$/
export const MOTIF_CODE_INSEE = /^([013-9]\d|2[AB1-9])\d{3}$/
export const PIVOT_NON_RENSEIGNE = '00000000000000'
export const LONGUEUR_MAX_RESUME = 280

/**
 * A place normalised on v1.0.2: every list is an array (empty when absent),
 * every optional single value is `null` when absent.
 */
export interface Lieu {
  id: string
  pivot: string
  nom: string
  commune: string
  code_postal: string
  code_insee: string | null
  adresse: string
  complement_adresse: string | null
  latitude: number | null
  longitude: number | null
  typologie: string[]
  telephone: string | null
  courriels: string[]
  site_web: string[]
  horaires: string | null
  presentation_resume: string | null
  presentation_detail: string | null
  source: string | null
  itinerance: string[]
  structure_parente: string | null
  date_maj: string
  services: string[]
  publics_specifiquement_adresses: string[]
  prise_en_charge_specifique: string[]
  frais_a_charge: string[]
  dispositif_programmes_nationaux: string[]
  formations_labels: string[]
  autres_formations_labels: string[]
  modalites_acces: string[]
  modalites_accompagnement: string[]
  fiche_acces_libre: string | null
  prise_rdv: string | null
}

/** Plain-French labels of the fields, as the standard titles them. */
export const LIBELLES_CHAMPS: Record<Champ, string> = {
  id: 'Identifiant',
  pivot: 'SIRET ou RNA',
  nom: 'Nom',
  commune: 'Commune',
  code_postal: 'Code postal',
  code_insee: 'Code INSEE',
  adresse: 'Adresse',
  complement_adresse: "Complément d'adresse",
  latitude: 'Latitude',
  longitude: 'Longitude',
  typologie: 'Typologie',
  telephone: 'Téléphone',
  courriels: 'Courriel(s)',
  site_web: 'Site web',
  horaires: 'Horaires',
  presentation_resume: 'Présentation résumée',
  presentation_detail: 'Présentation détaillée',
  source: 'Structure collectant la donnée',
  itinerance: 'Itinérance',
  structure_parente: 'Structure parente',
  date_maj: 'Date de mise à jour',
  services: 'Services',
  publics_specifiquement_adresses: 'Publics spécifiquement adressés',
  prise_en_charge_specifique: 'Prise en charge spécifique',
  frais_a_charge: 'Frais à charge',
  dispositif_programmes_nationaux: 'Dispositifs et programmes nationaux',
  formations_labels: 'Formations et labels',
  autres_formations_labels: 'Autres formations et labels',
  modalites_acces: "Modalités d'accès",
  modalites_accompagnement: "Modalités d'accompagnement",
  fiche_acces_libre: 'Fiche Accès libre',
  prise_rdv: 'Prise de rendez-vous',
}
