/**
 * Schema v0.1 (2022) as met in real files: renamed columns and the value mappings the national
 * pipeline uses in production (mednum-cli `conseiller-numerique.config.json`, the ANCT library's
 * `SERVICES_TO_THEMATIQUES`), plus the library's data·inclusion reader for `pass-numerique`.
 */
import type { Champ } from './fields.ts'

/** v0.1 column → the v1.0.2 field it became (one-to-one renames only). */
export const COLONNES_RENOMMEES: Readonly<Record<string, Champ>> = {
  courriel: 'courriels',
  labels_autres: 'autres_formations_labels',
  accessibilite: 'fiche_acces_libre',
}

/** v0.1 columns whose values are spread over several v1 fields (see `ALIAS`). */
export const COLONNES_ECLATEES: Readonly<Record<string, readonly Champ[]>> = {
  publics_accueillis: ['publics_specifiquement_adresses', 'prise_en_charge_specifique'],
  conditions_acces: ['frais_a_charge'],
  labels_nationaux: ['dispositif_programmes_nationaux', 'formations_labels', 'autres_formations_labels'],
}

/** v0.1 columns that have no v1 counterpart: kept in the source record only. */
export const COLONNES_ABANDONNEES: ReadonlySet<string> = new Set(['cle_ban'])

/** Columns that only exist in v0.1: their presence tells a v0.1 file. */
export const COLONNES_V0 = new Set([
  ...Object.keys(COLONNES_RENOMMEES),
  ...Object.keys(COLONNES_ECLATEES),
  ...COLONNES_ABANDONNEES,
])

type Cible = readonly [Champ, string]

/**
 * Values of v0.1 (and frequent spellings of v1 values) → v1 values. A value may map to
 * several fields (`Public langues étrangères` → both language values), or to none
 * (`Adultes`: every place welcomes adults; the raw value stays in the source record).
 */
export const ALIAS: Readonly<Record<string, readonly Cible[]>> = {
  // services v0.1 → v1
  'Devenir autonome dans les démarches administratives': [['services', 'Aide aux démarches administratives']],
  'Réaliser des démarches administratives avec un accompagnement': [['services', 'Aide aux démarches administratives']],
  'Accompagner les démarches de santé': [['services', 'Aide aux démarches administratives']],
  'Prendre en main un smartphone ou une tablette': [['services', 'Maîtrise des outils numériques du quotidien']],
  'Prendre en main un ordinateur': [['services', 'Maîtrise des outils numériques du quotidien']],
  'Utiliser le numérique au quotidien': [['services', 'Maîtrise des outils numériques du quotidien']],
  'Approfondir ma culture numérique': [['services', 'Compréhension du monde numérique']],
  'Promouvoir la citoyenneté numérique': [['services', 'Compréhension du monde numérique']],
  'Favoriser mon insertion professionnelle': [['services', 'Insertion professionnelle via le numérique']],
  'Créer et développer mon entreprise': [['services', 'Insertion professionnelle via le numérique']],
  'Accéder à une connexion internet': [['services', 'Accès internet et matériel informatique']],
  'Accéder à du matériel': [['services', 'Accès internet et matériel informatique']],
  "S'équiper en matériel informatique": [['services', 'Acquisition de matériel informatique à prix solidaire']],
  'Créer avec le numérique': [['services', 'Loisirs et créations numériques']],
  "Soutenir la parentalité et l'éducation avec le numérique": [['services', 'Parentalité et éducation avec le numérique']],
  // publics_accueillis v0.1 → publics / prise en charge
  'Seniors (+ 65 ans)': [['publics_specifiquement_adresses', 'Seniors']],
  'Familles/enfants': [['publics_specifiquement_adresses', 'Familles et/ou enfants']],
  'Jeunes (16-26 ans)': [['publics_specifiquement_adresses', 'Jeunes']],
  'Uniquement femmes': [['publics_specifiquement_adresses', 'Femmes']],
  Familles: [['publics_specifiquement_adresses', 'Familles et/ou enfants']],
  Adultes: [],
  'Public langues étrangères': [
    ['prise_en_charge_specifique', 'Langues étrangères (anglais)'],
    ['prise_en_charge_specifique', 'Langues étrangères (autres)'],
  ],
  'Handicaps psychiques': [['prise_en_charge_specifique', 'Handicaps mentaux']],
  "Personnes en situation d'illettrisme": [['prise_en_charge_specifique', 'Illettrisme']],
  // conditions_acces v0.1 → frais_a_charge (the long labels are matched on the part before « : »)
  Adhésion: [['frais_a_charge', 'Payant']],
  'Accepte le Pass numérique': [['frais_a_charge', 'Gratuit sous condition']],
  // modalites_accompagnement v0.1 → v1
  Seul: [['modalites_accompagnement', 'En autonomie']],
  "Avec de l'aide": [['modalites_accompagnement', 'Accompagnement individuel']],
  'Dans un atelier': [['modalites_accompagnement', 'Dans un atelier collectif']],
  'A ma place': [['modalites_accompagnement', 'Accompagnement individuel']],
  // labels_nationaux v0.1 → dispositifs / formations
  CNFS: [['dispositif_programmes_nationaux', 'Conseillers numériques']],
  'Conseiller numérique': [['dispositif_programmes_nationaux', 'Conseillers numériques']],
  'Grandes écoles du numérique': [['dispositif_programmes_nationaux', 'Grande école du numérique']],
  'Point numérique CAF': [['dispositif_programmes_nationaux', "Point d'accès numérique CAF"]],
  'Point relais CAF': [['dispositif_programmes_nationaux', "Point d'accès numérique CAF"]],
  'Croix Rouge': [['dispositif_programmes_nationaux', 'La Croix Rouge']],
  'Bibliothèques numériques de référence': [['dispositif_programmes_nationaux', 'Bibliothèques numérique de référence']],
  'Espace France Services': [['dispositif_programmes_nationaux', 'France Services']],
  // v1 spellings met in real files
  'Fabriques de territoires': [['formations_labels', 'Fabriques de Territoire']],
  'Étapes numériques': [['formations_labels', 'Étapes numériques (La Poste)']],
  'Langues étrangères': [
    ['prise_en_charge_specifique', 'Langues étrangères (anglais)'],
    ['prise_en_charge_specifique', 'Langues étrangères (autres)'],
  ],
  'Pôle emploi': [['typologie', 'FT']],
  PE: [['typologie', 'FT']],
  Médiathèque: [['typologie', 'BIB']],
  Bibliothèque: [['typologie', 'BIB']],
  Mairie: [['typologie', 'MUNI']],
  BIJ: [['typologie', 'PIJ_BIJ']],
  PIJ: [['typologie', 'PIJ_BIJ']],
  'Point information jeunesse': [['typologie', 'PIJ_BIJ']],
  'Espace de coworking': [['typologie', 'TIERS_LIEUX']],
  Coworking: [['typologie', 'TIERS_LIEUX']],
  'Tiers-lieu': [['typologie', 'TIERS_LIEUX']],
  'France Services': [['typologie', 'RFS']],
  'Maison France Services': [['typologie', 'RFS']],
  'Espace public numérique': [['typologie', 'EPN']],
}

/**
 * Target fields whose values a column may carry, by column. A v1 column accepts the values of
 * its sibling fields too, because files mixing generations put them in either place.
 */
export const FAMILLES: Readonly<Record<string, readonly Champ[]>> = {
  publics_accueillis: ['publics_specifiquement_adresses', 'prise_en_charge_specifique'],
  publics_specifiquement_adresses: ['publics_specifiquement_adresses', 'prise_en_charge_specifique'],
  prise_en_charge_specifique: ['prise_en_charge_specifique', 'publics_specifiquement_adresses'],
  conditions_acces: ['frais_a_charge'],
  labels_nationaux: ['dispositif_programmes_nationaux', 'formations_labels'],
  dispositif_programmes_nationaux: ['dispositif_programmes_nationaux', 'formations_labels'],
  formations_labels: ['formations_labels', 'dispositif_programmes_nationaux'],
}

/** Values a `labels_nationaux` column may hold that no v1 enumeration covers: kept as free labels. */
export const CHAMP_DE_REPLI: Readonly<Record<string, Champ>> = {
  labels_nationaux: 'autres_formations_labels',
}
