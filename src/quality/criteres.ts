/**
 * The criteria of a place's quality score, in the spirit of data·inclusion's `score_qualite`:
 * each one a small function of the place (and of today, for freshness) returning a value in
 * [0, 1], or `null` when it does not apply to that place. Each has a French label and one piece
 * of advice for the place's manager. docs/qualite.md tells the same list in words.
 */
import type { MODALITES_ACCES } from '../places/standard/enumerations.ts'
import { type Lieu, PIVOT_NON_RENSEIGNE } from '../places/standard/fields.ts'
import { aMettreAJour, moisDepuisMiseAJour, valeurFraicheur } from './fraicheur.ts'

export interface Critere {
  code: string
  /** What is looked at, as shown to the manager. */
  libelle: string
  /** What to do when the value is below 1. */
  conseil: string
  /** The value in [0, 1], or `null` when the criterion does not apply to this place. */
  evaluer(lieu: Lieu, aujourdhui: string): number | null
  /** When the advice is shown; by default, when the value is below 1. */
  aConseiller?(lieu: Lieu, aujourdhui: string): boolean
}

type ModaliteAcces = (typeof MODALITES_ACCES)[number]

const SANS_PUBLIC: ModaliteAcces = "Ce lieu n'accueille pas de public"

/** A value counts only when it holds something else than spaces. */
const renseigne = (valeur: string | null | undefined): valeur is string => valeur != null && valeur.trim() !== ''
const liste = (valeurs: readonly string[]): boolean => valeurs.some(renseigne)
const accueilleDuPublic = (lieu: Lieu): boolean => !lieu.modalites_acces.includes(SANS_PUBLIC)

/** Description length bands of data·inclusion: too short, short, right, very long. */
export function valeurLongueurPresentation(longueur: number): number {
  if (longueur < 50) return 0
  if (longueur < 200) return 0.5
  if (longueur < 2000) return 1
  return 0.5
}

/** Each access mode that needs a way to be reached, with the fields that provide it. */
const CONTACT_DE_LA_MODALITE: ReadonlyArray<[ModaliteAcces, (lieu: Lieu) => boolean]> = [
  ['Téléphoner', (l) => renseigne(l.telephone)],
  ['Contacter par mail', (l) => liste(l.courriels)],
  ['Envoyer un mail avec une fiche de prescription', (l) => liste(l.courriels)],
  ['Prendre un RDV en ligne', (l) => renseigne(l.prise_rdv)],
]

export const CRITERES: readonly Critere[] = [
  {
    code: 'date_maj_recente',
    libelle: 'Fiche mise à jour récemment',
    conseil: 'Relisez la fiche et enregistrez-la, même sans changement : elle n’a pas été mise à jour depuis six mois ou plus.',
    evaluer: (lieu, aujourdhui) => valeurFraicheur(moisDepuisMiseAJour(lieu.date_maj, aujourdhui)),
    aConseiller: (lieu, aujourdhui) => aMettreAJour(lieu, aujourdhui),
  },
  {
    code: 'horaires',
    libelle: 'Horaires d’ouverture',
    conseil: 'Ajoutez les horaires d’ouverture : c’est la première chose que les personnes cherchent.',
    evaluer: (lieu) => (accueilleDuPublic(lieu) ? Number(renseigne(lieu.horaires)) : null),
  },
  {
    code: 'moyen_de_contact',
    libelle: 'Au moins un moyen de contact',
    conseil: 'Indiquez au moins un téléphone, une adresse électronique ou un site web, pour que les personnes puissent vous joindre avant de venir.',
    evaluer: (lieu) => Number(renseigne(lieu.telephone) || liste(lieu.courriels) || liste(lieu.site_web) || renseigne(lieu.prise_rdv)),
  },
  {
    code: 'contacts_des_modalites',
    libelle: 'Coordonnées annoncées par les modalités d’accès',
    conseil: 'Donnez le numéro de téléphone, l’adresse électronique ou le lien de prise de rendez-vous que vos modalités d’accès annoncent.',
    evaluer: (lieu) => {
      const annoncees = CONTACT_DE_LA_MODALITE.filter(([modalite]) => lieu.modalites_acces.includes(modalite))
      if (annoncees.length === 0) return null
      return annoncees.filter(([, present]) => present(lieu)).length / annoncees.length
    },
  },
  {
    code: 'services',
    libelle: 'Services proposés',
    conseil: 'Indiquez les services proposés : ce sont eux qui permettent d’orienter les personnes vers votre lieu.',
    evaluer: (lieu) => Number(liste(lieu.services)),
  },
  {
    code: 'presentation',
    libelle: 'Présentation du lieu',
    conseil: 'Présentez le lieu en quelques phrases courtes (entre 200 et 2 000 caractères) : ce qu’on y fait, pour qui, comment se passe un accompagnement.',
    evaluer: (lieu) => valeurLongueurPresentation(Math.max(lieu.presentation_resume?.trim().length ?? 0, lieu.presentation_detail?.trim().length ?? 0)),
  },
  {
    code: 'publics',
    libelle: 'Publics et prises en charge précisés',
    conseil: 'Si votre lieu s’adresse à des publics particuliers ou propose une prise en charge adaptée (surdité, illettrisme, langues étrangères…), indiquez-le.',
    // empty may mean « tout public », which the standard cannot say: half the value, not zero
    evaluer: (lieu) => (liste(lieu.publics_specifiquement_adresses) || liste(lieu.prise_en_charge_specifique) ? 1 : 0.5),
  },
  {
    code: 'frais',
    libelle: 'Frais à charge précisés',
    conseil: 'Dites si l’accompagnement est gratuit, gratuit sous condition ou payant : les personnes se le demandent avant de venir.',
    evaluer: (lieu) => Number(liste(lieu.frais_a_charge)),
  },
  {
    code: 'modalites',
    libelle: 'Modalités d’accès et d’accompagnement',
    conseil: 'Expliquez comment venir (se présenter, téléphoner, prendre rendez-vous…) et comment vous accompagnez (individuellement, en atelier, à distance…).',
    evaluer: (lieu) => (Number(liste(lieu.modalites_acces)) + Number(liste(lieu.modalites_accompagnement))) / 2,
  },
  {
    code: 'accessibilite',
    libelle: 'Informations d’accessibilité (Accès libre)',
    conseil: 'Ajoutez le lien de la fiche Accès libre du lieu (acceslibre.beta.gouv.fr) : une personne en situation de handicap saura si elle peut y entrer.',
    evaluer: (lieu) => (accueilleDuPublic(lieu) ? Number(renseigne(lieu.fiche_acces_libre)) : null),
  },
  {
    code: 'coordonnees',
    libelle: 'Position sur la carte',
    conseil: 'Ajoutez la latitude et la longitude du lieu, pour qu’il apparaisse au bon endroit sur la carte et dans les recherches « près de chez moi ».',
    evaluer: (lieu) => Number(lieu.latitude !== null && lieu.longitude !== null && Number.isFinite(lieu.latitude) && Number.isFinite(lieu.longitude)),
  },
  {
    code: 'pivot',
    libelle: 'SIRET ou RNA de la structure',
    conseil: 'Renseignez le SIRET de la structure (ou, à défaut, son numéro RNA) : il la désigne sans ambiguïté et évite les doublons.',
    evaluer: (lieu) => Number(renseigne(lieu.pivot) && lieu.pivot.trim() !== PIVOT_NON_RENSEIGNE),
  },
]
