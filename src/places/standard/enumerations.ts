/**
 * The closed vocabularies of v1.0.2, exact strings (straight apostrophes, « » with plain spaces).
 * `Étapes numériques (La Poste)` is written with the space, as the standard's description and the
 * ANCT library do; the schema's pattern lacks it (a known flaw of schema.json).
 */
import type { ChampListe } from './fields.ts'

export const SERVICES = [
  'Aide aux démarches administratives',
  'Maîtrise des outils numériques du quotidien',
  'Insertion professionnelle via le numérique',
  'Utilisation sécurisée du numérique',
  'Parentalité et éducation avec le numérique',
  'Loisirs et créations numériques',
  'Compréhension du monde numérique',
  'Accès internet et matériel informatique',
  'Acquisition de matériel informatique à prix solidaire',
] as const

export const PUBLICS_SPECIFIQUEMENT_ADRESSES = ['Jeunes', 'Étudiants', 'Familles et/ou enfants', 'Seniors', 'Femmes'] as const

export const PRISE_EN_CHARGE_SPECIFIQUE = [
  'Surdité',
  'Handicaps moteurs',
  'Handicaps mentaux',
  'Illettrisme',
  'Langues étrangères (anglais)',
  'Langues étrangères (autres)',
  'Déficience visuelle',
] as const

export const FRAIS_A_CHARGE = ['Gratuit', 'Gratuit sous condition', 'Payant'] as const

export const ITINERANCE = ['Itinérant', 'Fixe'] as const

export const DISPOSITIF_PROGRAMMES_NATIONAUX = [
  'Aidants Connect',
  'Bibliothèques numérique de référence',
  'Certification PIX',
  'Conseillers numériques',
  'Emmaüs Connect',
  'France Services',
  'Grande école du numérique',
  'La Croix Rouge',
  "Point d'accès numérique CAF",
  'Promeneurs du net',
  'Relais numérique (Emmaüs Connect)',
] as const

export const FORMATIONS_LABELS = [
  'Formé à « Mon Espace Santé »',
  'Formé à « DUPLEX » (illettrisme)',
  'Arnia/MedNum BFC (Bourgogne-Franche-Comté)',
  'Collectif ressources et acteurs réemploi (Normandie)',
  'Étapes numériques (La Poste)',
  'Fabriques de Territoire',
  'Les Éclaireurs du numérique (Drôme)',
  'Mes Papiers (Métropole de Lyon)',
  'ORDI 3.0',
  'SUD LABS (PACA)',
] as const

export const MODALITES_ACCES = [
  'Se présenter',
  'Téléphoner',
  'Contacter par mail',
  'Prendre un RDV en ligne',
  "Ce lieu n'accueille pas de public",
  'Envoyer un mail avec une fiche de prescription',
] as const

export const MODALITES_ACCOMPAGNEMENT = [
  'En autonomie',
  'Accompagnement individuel',
  'Dans un atelier collectif',
  'À distance',
] as const

/**
 * Structure typologies (data·inclusion vocabulary, as the ANCT library v2.3.0 enumerates them:
 * 92 codes, value = code except `Autre`). Labels are the library's French comments.
 */
export const TYPOLOGIES: Readonly<Record<string, string>> = {
  ACI: "Structures porteuses d'ateliers et chantiers d'insertion",
  ACIPHC: "SIAE — Atelier chantier d'insertion premières heures en chantier",
  AFPA: 'Agence nationale pour la formation professionnelle des adultes',
  AI: 'Associations intermédiaires',
  ASE: "Aide sociale à l'enfance",
  ASSO: 'Associations',
  ASSO_CHOMEUR: 'Associations de chômeurs',
  Autre: 'Autre',
  AVIP: "Crèche à vocation d'insertion professionnelle",
  BIB: 'Bibliothèque / Médiathèque',
  CAARUD: "Centre d'accueil et d'accompagnement à la réduction de risques pour usagers de drogues",
  CADA: "Centres d'accueil de demandeurs d'asile",
  CAF: "Caisses d'allocation familiale",
  CAP_EMPLOI: 'Cap Emploi',
  CAVA: "Centres d'adaptation à la vie active",
  CC: 'Communautés de Commune',
  CCAS: "Centres communaux d'action sociale",
  CCONS: 'Chambres consulaires',
  CD: 'Conseils Départementaux',
  CDAS: "Centre départemental d'action sociale",
  CFP: 'Centre des finances publiques',
  CHRS: "Centres d'hébergement et de réinsertion sociale",
  CHU: "Centres d'hébergement d'urgence",
  CIAS: "Centres intercommunaux d'action sociale",
  CIDFF: "Centres d'information sur les droits des femmes et des familles",
  CITMET: 'Cité des métiers',
  CMP: 'Centre Médico Psychologique',
  CMS: 'Centre médico-social',
  CPAM: "Caisse primaire d'assurance maladie",
  CPH: "Centres provisoires d'hébergement",
  CS: 'Centre social',
  CSAPA: "Centre de soins, d'accompagnement et de prévention en addictologie",
  CSC: 'Centre socioculturel',
  DEETS: "Directions de l'Economie, de l'Emploi, du Travail et des Solidarités",
  DEPT: 'Services sociaux du Conseil départemental',
  DIPLP: 'Délégation interministérielle à la prévention et à la lutte contre la pauvreté',
  E2C: 'École de la deuxième chance',
  EA: 'Entreprise adaptée',
  EATT: 'Entreprise adaptée de travail temporaire',
  EI: "Entreprises d'insertion",
  EITI: "Entreprises d'insertion par le travail indépendant",
  ENM: 'Espace Numérique Mobile',
  EPCI: 'Intercommunalité',
  EPI: 'Espace Public Internet',
  EPIDE: "Établissement pour l'insertion dans l'emploi",
  EPN: 'Espace public numérique',
  ES: 'Épicerie solidaire',
  ESAT: "Établissements ou services d'aide par le travail",
  ESS: "Entreprise de l'Économie Sociale et Solidaire",
  ETTI: "Entreprises de travail temporaire d'insertion",
  EVS: 'Espace de vie sociale',
  FABLAB: 'Fablab',
  FABRIQUE: 'Fabrique',
  FAIS: "Fédérations d'acteurs de l'insertion et de la solidarité",
  FT: 'France Travail',
  GEIQ: "Groupements d'employeurs pour l'insertion et la qualification",
  HUDA: "Hébergement d'urgence pour demandeurs d'asile",
  LA_POSTE: 'La Poste',
  MDE: "Maison de l'emploi",
  MDH: 'Maison des Habitants',
  MDEF: "Maison de l'emploi et de la formation",
  MDPH: 'Maison Départementale des Personnes Handicapées',
  MDS: 'Maison Départementale des Solidarités',
  MJC: 'Maison des jeunes et de la culture',
  ML: 'Mission Locale',
  MQ: 'Maison de quartier',
  MSA: 'Mutualité Sociale Agricole',
  MSAP: 'Maison de Services Au Public',
  MUNI: 'Municipalités',
  OACAS: "Structures agréées Organisme d'accueil communautaire et d'activité solidaire",
  ODC: "Organisation délégataire d'un CD",
  OF: 'Organisme de formations',
  OIL: "Opérateur d'intermédiation locative",
  OPCS: 'Organisation porteuse de la clause sociale',
  PAD: "Point d'Accès au Droit",
  PENSION: 'Pension de famille',
  PI: 'Point info',
  PIJ_BIJ: 'Points et bureaux information jeunesse',
  PIMMS: 'Point Information Médiation Multi Services',
  PJJ: 'Protection judiciaire de la jeunesse',
  PLIE: "Plans locaux pour l'insertion et l'emploi",
  PREF: 'Préfecture, Sous-Préfecture',
  PREVENTION: 'Service ou club de prévention',
  REG: 'Région',
  RELAIS_LECTURE: 'Relais lecture',
  RESSOURCERIE: 'Ressourcerie',
  RFS: 'Réseau France Services',
  RS_FJT: 'Résidence sociale - Foyer de Jeunes Travailleurs',
  SCP: 'Services et clubs de prévention',
  SPIP: "Services pénitentiaires d'insertion et de probation",
  TIERS_LIEUX: 'Tiers lieu & coworking',
  UDAF: "Union Départementale d'Aide aux Familles",
}

export const CODES_TYPOLOGIE = Object.keys(TYPOLOGIES)

/** The closed vocabulary of each enumerated list field (`autres_formations_labels`, `courriels`, `site_web` are open). */
export const VOCABULAIRES = {
  typologie: CODES_TYPOLOGIE,
  itinerance: ITINERANCE,
  services: SERVICES,
  publics_specifiquement_adresses: PUBLICS_SPECIFIQUEMENT_ADRESSES,
  prise_en_charge_specifique: PRISE_EN_CHARGE_SPECIFIQUE,
  frais_a_charge: FRAIS_A_CHARGE,
  dispositif_programmes_nationaux: DISPOSITIF_PROGRAMMES_NATIONAUX,
  formations_labels: FORMATIONS_LABELS,
  modalites_acces: MODALITES_ACCES,
  modalites_accompagnement: MODALITES_ACCOMPAGNEMENT,
} as const satisfies Partial<Record<ChampListe, readonly string[]>>

export type ChampEnumere = keyof typeof VOCABULAIRES
