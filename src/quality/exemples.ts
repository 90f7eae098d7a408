/**
 * Test data of the quality score: a place that meets every criterion on `AUJOURDHUI`, to be
 * spoilt one field at a time by the tests.
 */
import type { Lieu } from '../places/standard/fields.ts'

export const AUJOURDHUI = '2026-11-22'

/** A place where every criterion is met. */
export function lieuComplet(modifs: Partial<Lieu> = {}): Lieu {
  return {
    id: 'lieu-1',
    pivot: '21730065600014',
    nom: 'Médiathèque Jean-Jacques Rousseau',
    commune: 'Chambéry',
    code_postal: '73000',
    code_insee: '73065',
    adresse: '1 place de la Gare',
    complement_adresse: null,
    latitude: 45.5712,
    longitude: 5.9186,
    typologie: ['BIB'],
    telephone: '+33479600400',
    courriels: ['mediatheque@example.fr'],
    site_web: ['https://mediatheque.example.fr'],
    horaires: 'Tu-Sa 10:00-18:00',
    presentation_resume: 'Ateliers numériques pour tous.',
    presentation_detail: 'La médiathèque propose des ateliers collectifs et un accompagnement individuel aux démarches en ligne, sur rendez-vous ou en se présentant. '.repeat(2),
    source: 'Hub du Sud',
    itinerance: [],
    structure_parente: null,
    date_maj: '2026-10-01',
    services: ['Aide aux démarches administratives'],
    publics_specifiquement_adresses: ['Seniors'],
    prise_en_charge_specifique: [],
    frais_a_charge: ['Gratuit'],
    dispositif_programmes_nationaux: [],
    formations_labels: [],
    autres_formations_labels: [],
    modalites_acces: ['Se présenter', 'Téléphoner'],
    modalites_accompagnement: ['Accompagnement individuel'],
    fiche_acces_libre: 'https://acceslibre.beta.gouv.fr/app/73-chambery/a/bibliotheque/erp/mediatheque/',
    prise_rdv: null,
    ...modifs,
  }
}
