/**
 * The hints La Coop de la médiation numérique shows next to each thematic of the activity form
 * (« Thématique(s) d'accompagnement de médiation numérique » and « Thématique(s) de la démarche
 * administrative »: examples, then operators), copied from its form so that a mediator used to
 * La Coop finds the same words. Reference: shared/reference/activity-reporting-la-coop.md §4.
 */
import type { Thematique, ThematiqueDemarche } from '../domain/vocabulaire.ts'

export const AIDES_THEMATIQUES: Record<Thematique, string> = {
  diagnostic_numerique: "Évaluation des compétences numériques des bénéficiaires ; réaliser un questionnaire d'évaluation (ex : ABC Diag de Pix)",
  prendre_en_main_du_materiel: 'Utiliser un ordinateur, une tablette ou un smartphone ; utiliser des périphériques (réseau wifi, clé USB, imprimante, scanner…) ; connaître & configurer les outils de base',
  maintenance_de_materiel: 'Maintenance de niveau 1 ; installation et paramétrage de matériel informatique ; mise à jour des systèmes, installer/désinstaller outils et applications…',
  gere_ses_contenus_numeriques: 'Organiser, stocker et retrouver des données, des informations et des contenus… ; ex. : base de données, espace de stockage en ligne, gestionnaire de fichiers…',
  navigation_sur_internet: 'Faire une recherche ; naviguer sur internet ; me connecter, remplir un formulaire…',
  email: 'Choisir & créer une boîte mail ; envoyer et consulter des mails ; envoyer et recevoir des documents',
  bureautique: 'Outils de traitement de texte, tableur… ; gérer mes documents',
  reseaux_sociaux: 'Maintenir un lien social avec les réseaux sociaux ; utiliser son téléphone pour communiquer : mails, SMS, WhatsApp, etc. ; prendre en main un logiciel de visioconférence',
  sante: 'Ameli ; Mon Espace Santé ; prendre rendez-vous chez un spécialiste (Doctolib…)',
  banque_et_achats_en_ligne: 'Application bancaire ; effectuer un achat en ligne ; gérer son budget (tableurs, etc.)',
  entrepreneuriat: 'Créer mon entreprise ; communication professionnelle (site internet, réseaux sociaux…) ; outils pour gérer mon entreprise : comptabilité, gestion, collaboration, etc.',
  insertion_professionnelle: 'France Travail, Mon Compte Formation… ; créer & diffuser son CV en ligne ; rechercher un emploi en ligne',
  securite_numerique: 'Me connecter sans risque ; protéger mes informations personnelles ; reconnaître les sites et messages frauduleux',
  parentalite: 'Utiliser une plateforme de suivi scolaire ; sites et logiciels éducatifs ; dangers pour mon enfant & harcèlement',
  scolarite_et_numerique: 'Accompagner un groupe scolaire et/ou un enfant sur un outil numérique ; évaluer le niveau des jeunes avec un logiciel (maths, français, etc.)',
  creer_avec_le_numerique: 'Création / gestion de médias : photos, vidéos, illustrations ; Fablabs : impression 3D, code',
  culture_numerique: 'Usages responsables du numérique ; fake news, éducation aux médias ; citoyenneté & engagement ; RGPD, Open Source, licences libres…',
  intelligence_artificielle: "Comprendre les enjeux autour de l'IA ; utiliser et interagir de manière critique avec les outils d'IA ; animer un Café IA dans le cadre d'un atelier collectif",
  aide_aux_demarches_administratives:
    "Aider le bénéficiaire à trouver la bonne plateforme pour sa démarche ; apprendre à s'inscrire et utiliser les services : CAF, Impôts, France Connect, etc. En sélectionnant cette thématique, vous pourrez ajouter des informations spécifiques sur la démarche concernée.",
}

export const AIDES_DEMARCHES: Record<ThematiqueDemarche, string> = {
  papiers_elections_citoyennete: "État-civil, passeport, élections, papiers à conserver, carte d'identité… · ANTS · Défenseur des droits",
  famille_scolarite: 'Allocations familiales, naissance, mariage, Pacs, scolarité… · CAF · EduConnect · ameli.fr',
  social_sante: 'Carte vitale, chômage, handicap, RSA, personnes âgées… · ameli.fr · MSA',
  travail_formation: "CDD, concours, retraite, démission, période d'essai… · France Travail · Mon compte formation · info-retraite.fr",
  logement: 'Allocations logement, permis de construire, logement social, fin de bail… · CAF · Enedis',
  transports_mobilite: "Carte grise, permis de conduire, contrôle technique, infractions… · ANTS · ANTAI · Crit'air",
  argent_impots: 'Crédit immobilier, impôts, consommation, livret A, assurance, surendettement… · impots.gouv.fr · timbres fiscaux',
  justice: 'Casier judiciaire, plainte, aide juridictionnelle, saisie… · Télérecours citoyens',
  etrangers_europe: "Titres de séjour, attestation d'accueil, regroupement familial… · OFPRA",
  loisirs_sports_culture: 'Animaux, permis bateau, tourisme, permis de chasser… · Ariane',
  associations: 'Statuts, fonctionnement, financement… · Familles rurales · Croix-Rouge française · Les Restos du cœur · Emmaüs',
}
