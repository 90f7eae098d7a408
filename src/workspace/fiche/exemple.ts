/**
 * A place in Chambéry (73000, INSEE 73065) with every field of the standard filled, and the
 * hours editor's fields that post its hours: the fixture of the form's tests.
 */
import type { Lieu } from '../../places/standard/fields.ts'

export const AUJOURDHUI = '2026-11-22'

export const LIEU_CHAMBERY: Lieu = {
  id: 'lieu-chambery-1',
  pivot: '43493312300029',
  nom: 'Médiathèque Jean-Jacques Rousseau',
  commune: 'Chambéry',
  code_postal: '73000',
  code_insee: '73065',
  adresse: '71 rue Saint-François de Sales',
  complement_adresse: 'Carré Curial, rez-de-chaussée',
  latitude: 45.5646,
  longitude: 5.9178,
  typologie: ['BIB', 'MUNI'],
  telephone: '+33479311919',
  courriels: ['mediatheque@mairie-chambery.fr', 'accueil@mairie-chambery.fr'],
  site_web: ['https://www.mairie-chambery.fr/', 'https://mediatheques.chambery.fr/'],
  horaires: 'Tu-Fr 10:00-12:00,14:00-18:00; Sa 10:00-17:00; PH off',
  presentation_resume: 'Un espace public numérique au cœur de la médiathèque : ordinateurs en accès libre et ateliers.',
  presentation_detail: 'Ateliers d’initiation le mardi matin.\nAccompagnement aux démarches en ligne sur rendez-vous.',
  source: 'Ville de Chambéry',
  itinerance: ['Fixe'],
  structure_parente: 'Ville de Chambéry',
  date_maj: '2024-04-02',
  services: ['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien'],
  publics_specifiquement_adresses: ['Seniors'],
  prise_en_charge_specifique: ['Surdité', 'Langues étrangères (anglais)'],
  frais_a_charge: ['Gratuit'],
  dispositif_programmes_nationaux: ['Conseillers numériques'],
  formations_labels: ['Formé à « Mon Espace Santé »'],
  autres_formations_labels: ['Label Bibliothèque accueillante'],
  modalites_acces: ['Se présenter', 'Téléphoner'],
  modalites_accompagnement: ['Accompagnement individuel', 'Dans un atelier collectif'],
  fiche_acces_libre: 'https://acceslibre.beta.gouv.fr/app/73-chambery/a/bibliotheque-mediatheque/erp/mediatheque-jean-jacques-rousseau/',
  prise_rdv: 'https://www.rdv-solidarites.fr/',
}

/** The hours editor's fields posting `LIEU_CHAMBERY.horaires` as typed day by day. */
export const HORAIRES_POSTES: Record<string, string> = {
  horaires_mode: 'simple',
  ...Object.fromEntries(
    [2, 3, 4, 5].flatMap((jour) => [
      [`horaires_j${jour}_c1_de`, '10:00'],
      [`horaires_j${jour}_c1_a`, '12:00'],
      [`horaires_j${jour}_c2_de`, '14:00'],
      [`horaires_j${jour}_c2_a`, '18:00'],
    ]),
  ),
  horaires_j6_c1_de: '10:00',
  horaires_j6_c1_a: '17:00',
  horaires_feries_fermes: '1',
}
