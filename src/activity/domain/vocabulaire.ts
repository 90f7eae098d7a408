/**
 * The closed vocabularies of a mediator's activity report (CRA), exactly as La Coop de la
 * médiation numérique writes them (coop-mediation-numerique 46aa33b): `valeur` is La Coop's
 * database / API value (snake_case), `libelle` its French label, both copied as they are
 * (straight apostrophes), in La Coop's order, so that our counts add up with the national tool.
 * Also the duration presets and statistics ranges, and the rule that unlocks the administrative
 * thematics. Reference: shared/reference/activity-reporting-la-coop.md §1–§6.
 */

export interface Terme {
  readonly valeur: string
  readonly libelle: string
}

/** The values of a vocabulary, as a tuple usable by `z.enum`. */
export function valeurs<const T extends readonly [Terme, ...Terme[]]>(vocabulaire: T): ValeursDe<T> {
  return vocabulaire.map((terme) => terme.valeur) as unknown as ValeursDe<T>
}
type ValeursDe<T extends readonly Terme[]> = { readonly [K in keyof T]: T[K] extends Terme ? T[K]['valeur'] : never }

/** The label of a value, or `undefined` when the value is not in the vocabulary. */
export function libelle(vocabulaire: readonly Terme[], valeur: string): string | undefined {
  return vocabulaire.find((terme) => terme.valeur === valeur)?.libelle
}

/** `TypeActivite` (§1.1). The administrative `demarche` type was removed in 2025. */
export const TYPES_ACTIVITE = [
  { valeur: 'individuel', libelle: 'Accompagnement individuel', libellePluriel: 'Accompagnements individuels' },
  { valeur: 'collectif', libelle: 'Atelier collectif', libellePluriel: 'Participants aux ateliers' },
] as const
export type TypeActivite = (typeof TYPES_ACTIVITE)[number]['valeur']

/** `TypeLieu` (§3.1), « Lieu de l'accompagnement »; titled « Canaux des accompagnements » in statistics. */
export const TYPES_LIEU = [
  { valeur: 'lieu_activite', libelle: "Lieu d'activité" },
  { valeur: 'autre', libelle: 'Autre lieu' },
  { valeur: 'domicile', libelle: 'À domicile' },
  { valeur: 'a_distance', libelle: 'À distance' },
] as const
export type TypeLieu = (typeof TYPES_LIEU)[number]['valeur']

/** The types of place that need a commune (La Coop's `lieuCommuneData`). */
export const TYPES_LIEU_AVEC_COMMUNE: readonly TypeLieu[] = ['domicile', 'autre']

/** `Materiel` (§3.2), « Matériel numérique utilisé ». */
export const MATERIELS = [
  { valeur: 'ordinateur', libelle: 'Ordinateur' },
  { valeur: 'telephone', libelle: 'Téléphone' },
  { valeur: 'tablette', libelle: 'Tablette' },
  { valeur: 'autre', libelle: 'Autre' },
  { valeur: 'aucun', libelle: 'Pas de matériel' },
] as const
export type Materiel = (typeof MATERIELS)[number]['valeur']

/** « Thématique(s) d'accompagnement de médiation numérique » (§4.1, 19 values). */
export const THEMATIQUES = [
  { valeur: 'diagnostic_numerique', libelle: 'Diagnostic numérique' },
  { valeur: 'prendre_en_main_du_materiel', libelle: 'Prendre en main du matériel' },
  { valeur: 'maintenance_de_materiel', libelle: 'Maintenance de matériel' },
  { valeur: 'gere_ses_contenus_numeriques', libelle: 'Gérer ses contenus numériques' },
  { valeur: 'navigation_sur_internet', libelle: 'Navigation sur internet' },
  { valeur: 'email', libelle: 'E-mail' },
  { valeur: 'bureautique', libelle: 'Bureautique' },
  { valeur: 'reseaux_sociaux', libelle: 'Réseaux sociaux communication' },
  { valeur: 'sante', libelle: 'Santé' },
  { valeur: 'banque_et_achats_en_ligne', libelle: 'Banque et achats en ligne' },
  { valeur: 'entrepreneuriat', libelle: 'Accompagner un professionnel' },
  { valeur: 'insertion_professionnelle', libelle: 'Insertion professionnelle' },
  { valeur: 'securite_numerique', libelle: 'Prévention en sécurité numérique' },
  { valeur: 'parentalite', libelle: 'Parentalité' },
  { valeur: 'scolarite_et_numerique', libelle: 'Scolarité et numérique' },
  { valeur: 'creer_avec_le_numerique', libelle: 'Créer avec le numérique' },
  { valeur: 'culture_numerique', libelle: 'Culture numérique' },
  { valeur: 'intelligence_artificielle', libelle: 'Intelligence artificielle (IA)' },
  { valeur: 'aide_aux_demarches_administratives', libelle: 'Aide aux démarches administratives' },
] as const
export type Thematique = (typeof THEMATIQUES)[number]['valeur']

/** The thematic that unlocks the administrative ones and `precisionsDemarche`. */
export const AIDE_AUX_DEMARCHES_ADMINISTRATIVES = 'aide_aux_demarches_administratives' satisfies Thematique

/** « Thématique(s) de la démarche administrative » (§4.2, 11 values). */
export const THEMATIQUES_DEMARCHE = [
  { valeur: 'papiers_elections_citoyennete', libelle: 'Papiers - Élections - Citoyenneté' },
  { valeur: 'famille_scolarite', libelle: 'Famille - Scolarité' },
  { valeur: 'social_sante', libelle: 'Social - Santé' },
  { valeur: 'travail_formation', libelle: 'Travail - Formation - Entreprise' },
  { valeur: 'logement', libelle: 'Logement' },
  { valeur: 'transports_mobilite', libelle: 'Transports - Mobilité' },
  { valeur: 'argent_impots', libelle: 'Argent - Impôts' },
  { valeur: 'justice', libelle: 'Justice' },
  { valeur: 'etrangers_europe', libelle: 'Étrangers - Europe' },
  { valeur: 'loisirs_sports_culture', libelle: 'Loisirs - Sports - Culture' },
  { valeur: 'associations', libelle: 'Associations' },
] as const
export type ThematiqueDemarche = (typeof THEMATIQUES_DEMARCHE)[number]['valeur']

/**
 * La Coop's rule (`canHaveAdministrationThematiques`): the administrative thematics and the
 * name of the démarche are allowed only when « Aide aux démarches administratives » is chosen.
 */
export function demarchesAutorisees(thematiques: readonly string[]): boolean {
  return thematiques.includes(AIDE_AUX_DEMARCHES_ADMINISTRATIVES)
}

/**
 * La Coop stores both groups in one `thematiques` array (30 values, the 19 first); this gives
 * that array for an export or an exchange with La Coop.
 */
export function thematiquesLaCoop(thematiques: readonly Thematique[], demarches: readonly ThematiqueDemarche[]): Array<Thematique | ThematiqueDemarche> {
  return [...thematiques, ...(demarchesAutorisees(thematiques) ? demarches : [])]
}

/** `Autonomie` (§5.1), « Niveau d'autonomie du bénéficiaire », individual only; exported as « n/3 ». */
export const AUTONOMIES = [
  { valeur: 'entierement_accompagne', libelle: 'Avec guidage', etoiles: 1 },
  { valeur: 'partiellement_autonome', libelle: 'Autonome avec guidage en cas de besoin', etoiles: 2 },
  { valeur: 'autonome', libelle: 'Autonome', etoiles: 3 },
] as const
export type Autonomie = (typeof AUTONOMIES)[number]['valeur']

/** `NiveauAtelier` (§5.2), « Niveau de l'atelier », collective only. */
export const NIVEAUX_ATELIER = [
  { valeur: 'debutant', libelle: 'Débutant', etoiles: 1 },
  { valeur: 'intermediaire', libelle: 'Intermédiaire', etoiles: 2 },
  { valeur: 'avance', libelle: 'Avancé', etoiles: 3 },
] as const
export type NiveauAtelier = (typeof NIVEAUX_ATELIER)[number]['valeur']

/** `StructureDeRedirection` (§5.1): a category only, never a particular place. */
export const STRUCTURES_REDIRECTION = [
  { valeur: 'administration', libelle: 'Administration (mairie, préfecture…)' },
  { valeur: 'mediation_numerique', libelle: 'Autre structure de médiation numérique' },
  { valeur: 'operateur_ou_organisme_en_charge', libelle: 'Opérateur ou organisme en charge de la démarche administrative' },
  { valeur: 'aide_sociale', libelle: "Structure d'aide sociale (maison des solidarités, centre social…)" },
  { valeur: 'insertion_professionnelle', libelle: "Structure d'insertion professionnelle (France Travail, mission locale, chambre de commerce…)" },
  { valeur: 'aide_aux_demarches_administratives', libelle: "Structure d'aide aux démarches administratives (France Services…)" },
  { valeur: 'autre', libelle: 'Autre' },
] as const
export type StructureDeRedirection = (typeof STRUCTURES_REDIRECTION)[number]['valeur']

/** `Genre` (§5.3); a missing value is `non_communique`, never null. */
export const GENRES = [
  { valeur: 'masculin', libelle: 'Masculin' },
  { valeur: 'feminin', libelle: 'Féminin' },
  { valeur: 'non_communique', libelle: 'Non communiqué' },
] as const
export type Genre = (typeof GENRES)[number]['valeur']

/** `TrancheAge` (§5.3), La Coop's V2 brackets (not those of the former Espace Coop V1). */
export const TRANCHES_AGE = [
  { valeur: 'moins_de_douze', libelle: 'Moins de 12 ans' },
  { valeur: 'douze_dix_huit', libelle: '12 - 17 ans' },
  { valeur: 'dix_huit_vingt_quatre', libelle: '18 - 24 ans' },
  { valeur: 'vingt_cinq_trente_neuf', libelle: '25 - 39 ans' },
  { valeur: 'quarante_cinquante_neuf', libelle: '40 - 59 ans' },
  { valeur: 'soixante_soixante_neuf', libelle: '60 - 69 ans' },
  { valeur: 'soixante_dix_plus', libelle: '70 ans et plus' },
  { valeur: 'non_communique', libelle: 'Non communiqué' },
] as const
export type TrancheAge = (typeof TRANCHES_AGE)[number]['valeur']

/** `StatutSocial` (§5.3). */
export const STATUTS_SOCIAUX = [
  { valeur: 'scolarise', libelle: 'Scolarisé' },
  { valeur: 'sans_emploi', libelle: 'Sans emploi' },
  { valeur: 'en_emploi', libelle: 'En emploi' },
  { valeur: 'retraite', libelle: 'Retraité' },
  { valeur: 'non_communique', libelle: 'Non communiqué ou hétérogène' },
] as const
export type StatutSocial = (typeof STATUTS_SOCIAUX)[number]['valeur']

/**
 * The duration presets of the form, in minutes (§3.3), then « Personnaliser » (hours 0–23 and
 * minutes 0–59). La Coop also offers a mediator's own frequent durations; not kept here.
 */
export const DUREES_PREDEFINIES = [
  { valeur: '15', minutes: 15 },
  { valeur: '30', minutes: 30 },
  { valeur: '45', minutes: 45 },
  { valeur: '60', minutes: 60 },
  { valeur: '90', minutes: 90 },
  { valeur: '120', minutes: 120 },
] as const
export const DUREE_PERSONNALISEE = { valeur: 'personnaliser', libelle: 'Personnaliser' } as const
export type DureePredefinie = (typeof DUREES_PREDEFINIES)[number]['valeur']

/** The duration ranges of the statistics, half-open `[min, max)` in minutes. */
export const TRANCHES_DUREE = [
  { valeur: 'moins_de_30', libelle: 'Moins de 30 min', min: 0, max: 30 },
  { valeur: '30_a_60', libelle: '30min à 1 h', min: 30, max: 60 },
  { valeur: '60_a_120', libelle: '1 h à 2 h', min: 60, max: 120 },
  { valeur: '120_et_plus', libelle: '2 h et plus', min: 120, max: Number.POSITIVE_INFINITY },
] as const
export type TrancheDuree = (typeof TRANCHES_DUREE)[number]['valeur']

/** The statistics range of a duration in minutes. */
export function trancheDuree(minutes: number): TrancheDuree {
  const tranche = TRANCHES_DUREE.find((t) => minutes >= t.min && minutes < t.max)
  return tranche?.valeur ?? 'moins_de_30'
}
