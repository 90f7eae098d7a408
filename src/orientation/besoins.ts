/**
 * What people come for, in their words, grouped as they think of it, each need mapped to the
 * services of the national standard. Ids are short and stable: they travel in URLs
 * (`?besoin=impots`). Keywords feed the understanding of free text (« impots », « carte grise »).
 */
import { SERVICES } from '../places/standard/enumerations.ts'

const [DEMARCHES, OUTILS, INSERTION, SECURITE, PARENTALITE, LOISIRS, COMPREHENSION, ACCES, EQUIPEMENT] = SERVICES

export interface Besoin {
  id: string
  /** What a person would say. */
  libelle: string
  /** A few examples, to recognise oneself. */
  exemples: string
  /** Services of the standard (`services`) a place must offer, one of them at least. */
  services: readonly string[]
  /** Words and expressions that mean this need in free text (without accents, any case). */
  motsCles: readonly string[]
}

export interface GroupeDeBesoins {
  id: string
  libelle: string
  besoins: readonly Besoin[]
}

export const GROUPES: readonly GroupeDeBesoins[] = [
  {
    id: 'bases',
    libelle: 'Apprendre les bases',
    besoins: [
      { id: 'smartphone', libelle: 'Utiliser un smartphone ou une tablette', exemples: 'appeler, envoyer des photos, installer une application', services: [OUTILS], motsCles: ['smartphone', 'telephone', 'portable', 'tablette', 'application', 'appli', 'whatsapp', 'sms', 'android', 'iphone'] },
      { id: 'ordinateur', libelle: 'Utiliser un ordinateur', exemples: 'clavier, souris, ranger ses fichiers, imprimer', services: [OUTILS], motsCles: ['ordinateur', 'ordi', 'pc', 'clavier', 'souris', 'fichier', 'word', 'traitement de texte', 'imprimer', 'scanner', 'cle usb'] },
      { id: 'internet', libelle: 'Aller sur internet', exemples: 'chercher une information, créer un compte, un mot de passe', services: [OUTILS], motsCles: ['internet', 'naviguer', 'recherche', 'google', 'site', 'compte', 'mot de passe', 'identifiant', 'wifi'] },
      { id: 'courriel', libelle: 'Envoyer et recevoir des e-mails', exemples: 'créer une adresse, joindre un document', services: [OUTILS], motsCles: ['mail', 'email', 'e-mail', 'courriel', 'messagerie', 'gmail', 'piece jointe', 'adresse mail'] },
    ],
  },
  {
    id: 'demarches',
    libelle: 'Faire une démarche en ligne',
    besoins: [
      { id: 'caf', libelle: 'CAF, allocations, RSA, prime d’activité', exemples: 'déclarer ses ressources, demander une aide au logement', services: [DEMARCHES], motsCles: ['caf', 'allocation', 'allocations familiales', 'rsa', 'apl', 'aide au logement', 'prime d activite', 'msa'] },
      { id: 'impots', libelle: 'Impôts', exemples: 'déclaration de revenus, espace particulier, taxe', services: [DEMARCHES], motsCles: ['impot', 'impots', 'declaration de revenus', 'revenus', 'taxe', 'taxe fonciere', 'finances publiques', 'prelevement a la source'] },
      { id: 'sante', libelle: 'Santé : Ameli, Mon espace santé, rendez-vous', exemples: 'carte Vitale, complémentaire santé, prendre rendez-vous', services: [DEMARCHES], motsCles: ['ameli', 'sante', 'cpam', 'secu', 'securite sociale', 'carte vitale', 'mon espace sante', 'mutuelle', 'complementaire sante', 'doctolib', 'medecin', 'rendez-vous medical'] },
      { id: 'emploi', libelle: 'Emploi : France Travail, candidatures', exemples: 's’inscrire, actualiser sa situation, répondre à une offre', services: [DEMARCHES, INSERTION], motsCles: ['france travail', 'pole emploi', 'chomage', 'actualisation', 'offre d emploi', 'inscription chomage'] },
      { id: 'papiers', libelle: 'Papiers : identité, passeport, permis, carte grise', exemples: 'ANTS, changement d’adresse, titre de séjour', services: [DEMARCHES], motsCles: ['carte grise', 'ants', 'permis', 'permis de conduire', 'carte d identite', 'passeport', 'titre de sejour', 'prefecture', 'papiers', 'etat civil', 'acte de naissance'] },
      { id: 'retraite', libelle: 'Retraite', exemples: 'demander sa retraite, relevé de carrière', services: [DEMARCHES], motsCles: ['retraite', 'carsat', 'info retraite', 'pension', 'agirc arrco'] },
      { id: 'autres-demarches', libelle: 'Une autre démarche en ligne', exemples: 'énergie, banque, logement, école', services: [DEMARCHES], motsCles: ['demarche', 'demarches', 'administratif', 'administration', 'formulaire', 'dossier', 'france connect', 'franceconnect', 'service public'] },
    ],
  },
  {
    id: 'equipement',
    libelle: 'S’équiper',
    besoins: [
      { id: 'materiel', libelle: 'Avoir un ordinateur ou un téléphone à petit prix', exemples: 'matériel reconditionné, prix solidaire', services: [EQUIPEMENT], motsCles: ['acheter', 'achat', 'reconditionne', 'prix solidaire', 'pas cher', 'materiel', 'equiper', 'don d ordinateur'] },
      { id: 'acces', libelle: 'Utiliser un ordinateur, une imprimante ou internet sur place', exemples: 'poste en libre accès, wifi, impression', services: [ACCES], motsCles: ['acces internet', 'libre acces', 'imprimante', 'impression', 'photocopie', 'connexion', 'wifi gratuit', 'poste informatique'] },
    ],
  },
  {
    id: 'securite',
    libelle: 'Se protéger et comprendre',
    besoins: [
      { id: 'arnaques', libelle: 'Se protéger des arnaques et sécuriser ses comptes', exemples: 'faux messages, mots de passe, données personnelles', services: [SECURITE], motsCles: ['arnaque', 'fraude', 'piratage', 'virus', 'securite', 'securiser', 'hameconnage', 'phishing', 'donnees personnelles', 'cybersecurite'] },
      { id: 'comprendre', libelle: 'Comprendre le numérique', exemples: 'réseaux sociaux, intelligence artificielle, informations fiables', services: [COMPREHENSION], motsCles: ['comprendre', 'reseaux sociaux', 'facebook', 'intelligence artificielle', 'ia', 'chatgpt', 'fake news', 'citoyennete'] },
    ],
  },
  {
    id: 'parentalite',
    libelle: 'Parentalité',
    besoins: [
      { id: 'parentalite', libelle: 'Accompagner ses enfants avec le numérique', exemples: 'écrans, espace numérique de travail de l’école, Pronote', services: [PARENTALITE], motsCles: ['enfant', 'enfants', 'parent', 'parentalite', 'ecran', 'pronote', 'ent', 'ecole', 'college', 'controle parental'] },
    ],
  },
  {
    id: 'loisirs',
    libelle: 'Loisirs et création',
    besoins: [
      { id: 'loisirs', libelle: 'Photo, vidéo, musique, jeux, création', exemples: 'retoucher ses photos, monter une vidéo, impression 3D', services: [LOISIRS], motsCles: ['photo', 'video', 'musique', 'jeu', 'jeux', 'creation', 'creer', 'impression 3d', 'fablab', 'montage', 'loisir'] },
    ],
  },
  {
    id: 'insertion',
    libelle: 'Insertion professionnelle',
    besoins: [
      { id: 'emploi-numerique', libelle: 'Trouver un emploi, faire son CV, se former', exemples: 'CV, lettre de motivation, formation en ligne', services: [INSERTION], motsCles: ['cv', 'curriculum', 'lettre de motivation', 'emploi', 'travail', 'formation', 'candidature', 'entretien', 'linkedin', 'creer son entreprise'] },
    ],
  },
]

export const BESOINS: readonly Besoin[] = GROUPES.flatMap((g) => g.besoins)
const parId = new Map(BESOINS.map((b) => [b.id, b]))

export const besoinParId = (id: string): Besoin | undefined => parId.get(id)
