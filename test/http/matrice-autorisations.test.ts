/**
 * The authorization matrix: every route of the application × every kind of visitor (anonymous,
 * each role, a coordinator and a manager of somewhere else) gets the answer written in this
 * table — and the table is checked against the routes the server declares, so a new route
 * without a line here makes the test fail. Then every state-changing route refuses a request
 * without its anti-forgery token.
 *
 * The five wrong passwords on one account answer 401, the sixth 429 (rate limit per account).
 *
 * Expected answers: O 200 · S 303 elsewhere than the sign-in page · C 303 to the sign-in page
 * · R 403 · a number: that status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { chargerActifs, urlActif } from '../../src/platform/ui/actifs.ts'
import { creerCompte, jetonDeLaPage, navigateur, seConnecter, type CompteDeTest, type Navigateur } from '../support/comptes.ts'
import { demarrer, type ServeurDeTest } from './serveur-de-test.ts'
import { enregistrerActivite } from '../../src/activity/store/activites.ts'
import { creerBeneficiaire } from '../../src/activity/store/beneficiaires.ts'
import { structureDuLieu } from '../../src/activity/store/structures.ts'
import { importerActeurs } from '../../src/pilotage/acteurs/index.ts'
import { acteursDemo } from '../../src/pilotage/acteurs/demo.ts'
import { ajouterAction, ajouterAxe, creerFeuille } from '../../src/pilotage/feuille-de-route/store.ts'
import { creerIndicateur } from '../../src/pilotage/indicateurs/store.ts'
import { referentiel } from '../../src/territories/referentiel.ts'

const ACTEURS = ['anonyme', 'administrateur', 'coordinateur', 'coordinateur_autre', 'gestionnaire', 'gestionnaire_autre', 'mediateur'] as const
type Acteur = (typeof ACTEURS)[number]
type Attendu = 'O' | 'S' | 'C' | 'R' | number

interface Ligne {
  /** The path to request (may need the fixtures). */
  chemin: (f: Fixtures) => string | Promise<string>
  corps?: Record<string, string>
  /** One answer for all, or per visitor (in the order of ACTEURS). */
  attendu: Attendu | readonly [Attendu, Attendu, Attendu, Attendu, Attendu, Attendu, Attendu]
  /** Sign in again first (the route ends sessions). */
  sessionFraiche?: boolean
}

interface Fixtures {
  lieu: number
  autreLieu: number
  signalement: number
  paire: number
  importId: number
  temoin: number
  nouveauRole: () => Promise<number>
  actif: string
  /** A new activity recorded by the mediator at `lieu` (one per call: a row may delete it). */
  activite: () => Promise<string>
  /** A referral sent by the mediator (of `lieu`) to `autreLieu`. */
  orientation: string
  /** A new followed beneficiary of the mediator's structure (one per call: a row erases it). */
  beneficiaire: () => Promise<string>
  /** A roadmap of Savoie (departement:73), its axis, one of its actions, a hand-entered indicator of Savoie. */
  feuille: number
  axe: number
  action: number
  indicateur: number
  /** An actor of the cartography, in Savoie. */
  acteur: number
}

//                          anonyme administrateur coordinateur coord_autre gestionnaire gest_autre mediateur
const PUBLIC: Attendu = 'O'
const CONNECTE = ['C', 'O', 'O', 'O', 'O', 'O', 'O'] as const
const GERENT = ['C', 'O', 'O', 'O', 'O', 'O', 'R'] as const
const GERENT_LE_LIEU = ['C', 'O', 'O', 'R', 'O', 'R', 'R'] as const
const COORDONNENT = ['C', 'O', 'O', 'O', 'R', 'R', 'R'] as const
const ADMIN = ['C', 'O', 'R', 'R', 'R', 'R', 'R'] as const
const ADMIN_POST = ['C', 'S', 'R', 'R', 'R', 'R', 'R'] as const
const MEDIATEUR = ['C', 'R', 'R', 'R', 'R', 'R', 'O'] as const

const MATRICE: Record<string, Ligne> = {
  'GET /sante': { chemin: () => '/sante', attendu: PUBLIC },
  'GET /assets/:fichier': { chemin: (f) => f.actif, attendu: PUBLIC },
  'GET /lieux': { chemin: () => '/lieux', attendu: PUBLIC },
  'GET /lieux/:uid': { chemin: (f) => `/lieux/${f.lieu}`, attendu: PUBLIC },
  'GET /api': { chemin: () => '/api', attendu: PUBLIC },
  'GET /': { chemin: () => '/', attendu: PUBLIC },
  'GET /orientation': { chemin: () => '/orientation', attendu: 301 },
  'GET /recherche': { chemin: () => '/recherche?commune=73065', attendu: PUBLIC },
  'GET /widget': { chemin: () => '/widget?territoire=73', attendu: PUBLIC },
  'GET /widget/integrer': { chemin: () => '/widget/integrer', attendu: PUBLIC },
  'GET /lieux/:uid/fiche': { chemin: (f) => `/lieux/${f.lieu}/fiche`, attendu: PUBLIC },
  'POST /lieux/:uid/fiche': { chemin: (f) => `/lieux/${f.lieu}/fiche`, corps: { aidant: 'Camille' }, attendu: 400 },
  'GET /lieux/:uid/signaler': { chemin: (f) => `/lieux/${f.lieu}/signaler`, attendu: PUBLIC },
  'POST /lieux/:uid/signaler': { chemin: (f) => `/lieux/${f.lieu}/signaler`, corps: { rubriques: 'horaires', message: 'Fermé le mardi matin désormais.' }, attendu: 'S' },
  'GET /lieux/:uid/signaler/merci': { chemin: (f) => `/lieux/${f.lieu}/signaler/merci`, attendu: PUBLIC },
  'OPTIONS /api/v1/*': { chemin: () => '/api/v1/lieux', attendu: 204 },
  'GET /api/v1/lieux': { chemin: () => '/api/v1/lieux', attendu: PUBLIC },
  'GET /api/v1/lieux/:id': { chemin: () => '/api/v1/lieux/inconnu', attendu: 404 },
  'GET /api/v1/recherche': { chemin: () => '/api/v1/recherche?lat=45.57&lon=5.92', attendu: PUBLIC },
  'GET /api/v1/recherche.csv': { chemin: () => '/api/v1/recherche.csv?lat=45.57&lon=5.92', attendu: PUBLIC },
  'GET /api/v1/communes': { chemin: () => '/api/v1/communes?q=cham', attendu: PUBLIC },
  'GET /api/v1/openapi.json': { chemin: () => '/api/v1/openapi.json', attendu: PUBLIC },
  'GET /connexion': { chemin: () => '/connexion', attendu: PUBLIC },
  'POST /connexion': { chemin: () => '/connexion', corps: { courriel: 'personne@exemple.fr', mot_de_passe: 'mauvais mot de passe' }, attendu: [401, 401, 401, 401, 401, 429, 429] },
  'GET /connexion/code': { chemin: () => '/connexion/code', attendu: ['C', 'S', 'S', 'S', 'S', 'S', 'S'] },
  'POST /connexion/code': { chemin: () => '/connexion/code', corps: { code: '000000' }, attendu: ['C', 'S', 'S', 'S', 'S', 'S', 'S'] },
  'POST /deconnexion': { chemin: () => '/deconnexion', attendu: ['C', 303, 303, 303, 303, 303, 303], sessionFraiche: true },
  'POST /compte/deconnexion-partout': { chemin: () => '/compte/deconnexion-partout', attendu: ['C', 303, 303, 303, 303, 303, 303], sessionFraiche: true },
  'GET /mot-de-passe-oublie': { chemin: () => '/mot-de-passe-oublie', attendu: PUBLIC },
  'POST /mot-de-passe-oublie': { chemin: () => '/mot-de-passe-oublie', corps: { courriel: 'personne@exemple.fr' }, attendu: 'S' },
  'GET /mot-de-passe-oublie/envoye': { chemin: () => '/mot-de-passe-oublie/envoye', attendu: PUBLIC },
  'GET /reinitialiser': { chemin: () => '/reinitialiser?jeton=inconnu', attendu: 410 },
  'POST /reinitialiser': { chemin: () => '/reinitialiser', corps: { lien: 'inconnu', mot_de_passe: 'x', confirmation: 'x' }, attendu: 410 },
  'GET /invitation': { chemin: () => '/invitation?jeton=inconnu', attendu: 410 },
  'POST /invitation': { chemin: () => '/invitation', corps: { lien: 'inconnu', nom: 'X', mot_de_passe: 'x', confirmation: 'x' }, attendu: 410 },
  'GET /compte': { chemin: () => '/compte', attendu: CONNECTE },
  'POST /compte/mot-de-passe': { chemin: () => '/compte/mot-de-passe', corps: { actuel: 'faux', mot_de_passe: 'x', confirmation: 'x' }, attendu: ['C', 400, 400, 400, 400, 400, 400] },
  'GET /compte/double-authentification': { chemin: () => '/compte/double-authentification', attendu: ['C', 'S', 'O', 'O', 'O', 'O', 'O'] },
  'POST /compte/double-authentification': { chemin: () => '/compte/double-authentification', corps: { code: '000000' }, attendu: ['C', 'S', 400, 400, 400, 400, 400] },
  'POST /compte/double-authentification/retirer': { chemin: () => '/compte/double-authentification/retirer', attendu: ['C', 'S', 'S', 'S', 'S', 'S', 'S'] },
  'GET /espace': { chemin: () => '/espace', attendu: CONNECTE },
  'GET /espace/lieux': { chemin: () => '/espace/lieux', attendu: GERENT },
  'GET /espace/lieux/nouveau': { chemin: () => '/espace/lieux/nouveau', attendu: GERENT },
  'POST /espace/lieux/nouveau': { chemin: () => '/espace/lieux/nouveau', corps: { nom: '' }, attendu: ['C', 400, 400, 400, 400, 400, 'R'] },
  'GET /espace/lieux/:uid': { chemin: (f) => `/espace/lieux/${f.lieu}`, attendu: GERENT_LE_LIEU },
  'POST /espace/lieux/:uid': { chemin: (f) => `/espace/lieux/${f.lieu}`, corps: { nom: '' }, attendu: ['C', 400, 400, 'R', 400, 'R', 'R'] },
  'GET /espace/lieux/:uid/historique': { chemin: (f) => `/espace/lieux/${f.lieu}/historique`, attendu: GERENT_LE_LIEU },
  'POST /espace/lieux/:uid/valider': { chemin: (f) => `/espace/lieux/${f.lieu}/valider`, attendu: ['C', 'S', 'S', 'R', 'R', 'R', 'R'] },
  'POST /espace/lieux/:uid/refuser': { chemin: (f) => `/espace/lieux/${f.lieu}/refuser`, attendu: ['C', 'S', 'S', 'R', 'R', 'R', 'R'] },
  'POST /espace/lieux/:uid/rappel': { chemin: (f) => `/espace/lieux/${f.lieu}/rappel`, attendu: ['C', 'S', 'S', 'R', 'R', 'R', 'R'] },
  'POST /espace/lieux/:uid/inviter': { chemin: (f) => `/espace/lieux/${f.lieu}/inviter`, corps: { courriel: 'pas une adresse' }, attendu: ['C', 400, 400, 'R', 'R', 'R', 'R'] },
  'POST /espace/rappels': { chemin: () => '/espace/rappels', attendu: ['C', 'S', 'S', 'S', 'R', 'R', 'R'] },
  'GET /espace/signalements': { chemin: () => '/espace/signalements', attendu: GERENT },
  'POST /espace/signalements/:id': { chemin: (f) => `/espace/signalements/${f.signalement}`, corps: { statut: 'en_cours' }, attendu: ['C', 'S', 'S', 'R', 'S', 'R', 'R'] },
  'GET /espace/equipe': { chemin: () => '/espace/equipe', attendu: COORDONNENT },
  'POST /espace/equipe/inviter': { chemin: () => '/espace/equipe/inviter', corps: { courriel: 'x@exemple.fr', territoire: '' }, attendu: ['C', 400, 400, 400, 'R', 'R', 'R'] },
  'POST /espace/equipe/roles/:id/retirer': { chemin: (f) => f.nouveauRole().then((id) => `/espace/equipe/roles/${id}/retirer`), attendu: ['C', 'S', 'S', 'R', 'R', 'R', 'R'] },
  'GET /admin/comptes': { chemin: () => '/admin/comptes', attendu: ADMIN },
  'POST /admin/comptes/:id/desactiver': { chemin: (f) => `/admin/comptes/${f.temoin}/desactiver`, attendu: ADMIN_POST },
  'POST /admin/comptes/:id/reactiver': { chemin: (f) => `/admin/comptes/${f.temoin}/reactiver`, attendu: ADMIN_POST },
  'POST /admin/comptes/:id/retirer-double-authentification': { chemin: (f) => `/admin/comptes/${f.temoin}/retirer-double-authentification`, attendu: ADMIN_POST },
  'GET /admin/courriels': { chemin: () => '/admin/courriels', attendu: ADMIN },
  'GET /admin/journal': { chemin: () => '/admin/journal', attendu: ADMIN },
  'GET /coordination': { chemin: () => '/coordination', attendu: COORDONNENT },
  'GET /coordination/doublons': { chemin: () => '/coordination/doublons', attendu: COORDONNENT },
  'POST /coordination/doublons/:id': { chemin: (f) => `/coordination/doublons/${f.paire}`, corps: { decision: 'differents' }, attendu: ['C', 'S', 'S', 'R', 'R', 'R', 'R'] },
  'POST /coordination/fusions/:id/annuler': { chemin: () => '/coordination/fusions/999999/annuler', attendu: ['C', 'S', 'S', 'S', 'R', 'R', 'R'] },
  'GET /coordination/imports/:id/rejets.csv': { chemin: (f) => `/coordination/imports/${f.importId}/rejets.csv`, attendu: COORDONNENT },
  'GET /coordination/lieux/:uid': { chemin: (f) => `/coordination/lieux/${f.lieu}`, attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'GET /coordination/a-mettre-a-jour': { chemin: () => '/coordination/a-mettre-a-jour', attendu: COORDONNENT },
  'GET /espace/statistiques': { chemin: () => '/espace/statistiques', attendu: CONNECTE },
  'GET /espace/statistiques.xlsx': { chemin: () => '/espace/statistiques.xlsx', attendu: CONNECTE },
  'GET /espace/statistiques.csv': { chemin: () => '/espace/statistiques.csv', attendu: CONNECTE },
  'GET /espace/activites.xlsx': { chemin: () => '/espace/activites.xlsx', attendu: CONNECTE },
  'GET /espace/activites.csv': { chemin: () => '/espace/activites.csv', attendu: CONNECTE },
  'GET /statistiques/:territoire': { chemin: () => '/statistiques/departement-73', attendu: PUBLIC },
  'GET /espace/activites': { chemin: () => '/espace/activites', attendu: MEDIATEUR },
  'GET /espace/activites/nouvelle': { chemin: () => '/espace/activites/nouvelle?type=collectif', attendu: MEDIATEUR },
  'POST /espace/activites/nouvelle': { chemin: () => '/espace/activites/nouvelle', corps: { type: 'individuel' }, attendu: ['C', 'R', 'R', 'R', 'R', 'R', 400] },
  'GET /espace/activites/:id': { chemin: (f) => f.activite().then((id) => `/espace/activites/${id}`), attendu: MEDIATEUR },
  'POST /espace/activites/:id': { chemin: (f) => f.activite().then((id) => `/espace/activites/${id}`), corps: { duree: '' }, attendu: ['C', 'R', 'R', 'R', 'R', 'R', 400] },
  'GET /espace/activites/:id/dupliquer': { chemin: (f) => f.activite().then((id) => `/espace/activites/${id}/dupliquer`), attendu: MEDIATEUR },
  'GET /espace/activites/:id/supprimer': { chemin: (f) => f.activite().then((id) => `/espace/activites/${id}/supprimer`), attendu: MEDIATEUR },
  'POST /espace/activites/:id/supprimer': { chemin: (f) => f.activite().then((id) => `/espace/activites/${id}/supprimer`), attendu: ['C', 'R', 'R', 'R', 'R', 'R', 'S'] },
  'GET /espace/lieux/:uid/structure': { chemin: (f) => `/espace/lieux/${f.lieu}/structure`, attendu: GERENT_LE_LIEU },
  'POST /espace/lieux/:uid/structure': { chemin: (f) => `/espace/lieux/${f.lieu}/structure`, corps: { action: 'renommer', nom: '' }, attendu: ['C', 400, 400, 'R', 400, 'R', 'R'] },
  'GET /espace/orientations': { chemin: () => '/espace/orientations', attendu: ['C', 'R', 'R', 'R', 'O', 'O', 'O'] },
  'GET /espace/orientations/nouvelle': { chemin: () => '/espace/orientations/nouvelle?q=a', attendu: MEDIATEUR },
  'POST /espace/orientations/nouvelle': { chemin: () => '/espace/orientations/nouvelle', corps: { besoin: '' }, attendu: ['C', 'R', 'R', 'R', 'R', 'R', 400] },
  'GET /espace/orientations/:id': { chemin: (f) => `/espace/orientations/${f.orientation}`, attendu: ['C', 'R', 'R', 'R', 404, 'O', 'O'] },
  'POST /espace/orientations/:id/statut': { chemin: (f) => `/espace/orientations/${f.orientation}/statut`, corps: { statut: 'inconnu' }, attendu: ['C', 'R', 'R', 'R', 404, 400, 404] },
  'GET /espace/beneficiaires': { chemin: () => '/espace/beneficiaires?q=a', attendu: MEDIATEUR },
  'GET /espace/beneficiaires/nouveau': { chemin: () => '/espace/beneficiaires/nouveau', attendu: MEDIATEUR },
  'POST /espace/beneficiaires/nouveau': { chemin: () => '/espace/beneficiaires/nouveau', corps: { prenom: '' }, attendu: ['C', 'R', 'R', 'R', 'R', 'R', 400] },
  'GET /espace/beneficiaires/:id': { chemin: (f) => f.beneficiaire().then((id) => `/espace/beneficiaires/${id}`), attendu: MEDIATEUR },
  'POST /espace/beneficiaires/:id': { chemin: (f) => f.beneficiaire().then((id) => `/espace/beneficiaires/${id}`), corps: { prenom: '' }, attendu: ['C', 'R', 'R', 'R', 'R', 'R', 400] },
  'GET /espace/beneficiaires/:id/export': { chemin: (f) => f.beneficiaire().then((id) => `/espace/beneficiaires/${id}/export`), attendu: MEDIATEUR },
  'GET /espace/beneficiaires/:id/effacer': { chemin: (f) => f.beneficiaire().then((id) => `/espace/beneficiaires/${id}/effacer`), attendu: MEDIATEUR },
  'POST /espace/beneficiaires/:id/effacer': { chemin: (f) => f.beneficiaire().then((id) => `/espace/beneficiaires/${id}/effacer`), attendu: ['C', 'R', 'R', 'R', 'R', 'R', 'S'] },
  'GET /admin/conservation': { chemin: () => '/admin/conservation', attendu: ADMIN },
  'GET /pilotage/diagnostic': { chemin: () => '/pilotage/diagnostic?territoire=departement:73', attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'GET /pilotage/diagnostic.csv': { chemin: () => '/pilotage/diagnostic.csv?territoire=departement:73', attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'GET /pilotage/diagnostic.xlsx': { chemin: () => '/pilotage/diagnostic.xlsx?territoire=departement:73', attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'GET /pilotage/zones-blanches': { chemin: () => '/pilotage/zones-blanches?territoire=departement:73', attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'GET /pilotage/zones-blanches.csv': { chemin: () => '/pilotage/zones-blanches.csv?territoire=departement:73', attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'GET /pilotage/zones-blanches.xlsx': { chemin: () => '/pilotage/zones-blanches.xlsx?territoire=departement:73', attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'GET /pilotage/acteurs': { chemin: () => '/pilotage/acteurs?type=association', attendu: COORDONNENT },
  'GET /pilotage/acteurs/export.csv': { chemin: () => '/pilotage/acteurs/export.csv', attendu: COORDONNENT },
  'GET /pilotage/acteurs/export.xlsx': { chemin: () => '/pilotage/acteurs/export.xlsx', attendu: COORDONNENT },
  'GET /pilotage/acteurs/nouveau': { chemin: () => '/pilotage/acteurs/nouveau', attendu: COORDONNENT },
  'POST /pilotage/acteurs/nouveau': { chemin: () => '/pilotage/acteurs/nouveau', corps: { nom: '' }, attendu: ['C', 400, 400, 400, 'R', 'R', 'R'] },
  'GET /pilotage/acteurs/:id': { chemin: (f) => `/pilotage/acteurs/${f.acteur}`, attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'GET /pilotage/acteurs/:id/modifier': { chemin: (f) => `/pilotage/acteurs/${f.acteur}/modifier`, attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'POST /pilotage/acteurs/:id/modifier': { chemin: (f) => `/pilotage/acteurs/${f.acteur}/modifier`, corps: { nom: '' }, attendu: ['C', 400, 400, 'R', 'R', 'R', 'R'] },
  'POST /pilotage/acteurs/:id/partenariats': { chemin: (f) => `/pilotage/acteurs/${f.acteur}/partenariats`, corps: { nature: '' }, attendu: ['C', 400, 400, 'R', 'R', 'R', 'R'] },
  'GET /pilotage': { chemin: () => '/pilotage?territoire=departement:73', attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'GET /pilotage/feuille-de-route': { chemin: () => '/pilotage/feuille-de-route?territoire=departement:73', attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'POST /pilotage/feuille-de-route': { chemin: () => '/pilotage/feuille-de-route', corps: { territoire: 'departement:73', titre: '' }, attendu: ['C', 400, 400, 'R', 'R', 'R', 'R'] },
  'GET /pilotage/feuille-de-route/:id': { chemin: (f) => `/pilotage/feuille-de-route/${f.feuille}`, attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'POST /pilotage/feuille-de-route/:id/axes': { chemin: (f) => `/pilotage/feuille-de-route/${f.feuille}/axes`, corps: { titre: '' }, attendu: ['C', 400, 400, 'R', 'R', 'R', 'R'] },
  'POST /pilotage/feuille-de-route/:id/actions': { chemin: (f) => `/pilotage/feuille-de-route/${f.feuille}/actions`, corps: { titre: '' }, attendu: ['C', 400, 400, 'R', 'R', 'R', 'R'] },
  'GET /pilotage/feuille-de-route/:id/actions/:action': { chemin: (f) => `/pilotage/feuille-de-route/${f.feuille}/actions/${f.action}`, attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'POST /pilotage/feuille-de-route/:id/actions/:action': { chemin: (f) => `/pilotage/feuille-de-route/${f.feuille}/actions/${f.action}`, corps: { titre: '' }, attendu: ['C', 400, 400, 'R', 'R', 'R', 'R'] },
  'POST /pilotage/feuille-de-route/:id/actions/:action/avancement': { chemin: (f) => `/pilotage/feuille-de-route/${f.feuille}/actions/${f.action}/avancement`, corps: { statut: 'fini' }, attendu: ['C', 400, 400, 'R', 'R', 'R', 'R'] },
  'GET /pilotage/feuille-de-route/:id/modifier': { chemin: (f) => `/pilotage/feuille-de-route/${f.feuille}/modifier`, attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'POST /pilotage/feuille-de-route/:id/modifier': { chemin: (f) => `/pilotage/feuille-de-route/${f.feuille}/modifier`, corps: { titre: '' }, attendu: ['C', 400, 400, 'R', 'R', 'R', 'R'] },
  'GET /pilotage/feuille-de-route/:id/axes/:axe': { chemin: (f) => `/pilotage/feuille-de-route/${f.feuille}/axes/${f.axe}`, attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'POST /pilotage/feuille-de-route/:id/axes/:axe': { chemin: (f) => `/pilotage/feuille-de-route/${f.feuille}/axes/${f.axe}`, corps: { titre: '' }, attendu: ['C', 400, 400, 'R', 'R', 'R', 'R'] },
  'POST /pilotage/feuille-de-route/:id/axes/:axe/deplacer': { chemin: (f) => `/pilotage/feuille-de-route/${f.feuille}/axes/${f.axe}/deplacer`, corps: { sens: 'monter' }, attendu: ['C', 'S', 'S', 'R', 'R', 'R', 'R'] },
  'GET /pilotage/feuille-de-route/:id/axes/:axe/supprimer': { chemin: (f) => `/pilotage/feuille-de-route/${f.feuille}/axes/${f.axe}/supprimer`, attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'POST /pilotage/feuille-de-route/:id/axes/:axe/supprimer': { chemin: (f) => `/pilotage/feuille-de-route/${f.feuille}/axes/999999/supprimer`, attendu: ['C', 404, 404, 'R', 'R', 'R', 'R'] },
  'POST /pilotage/feuille-de-route/:id/actions/:action/deplacer': { chemin: (f) => `/pilotage/feuille-de-route/${f.feuille}/actions/${f.action}/deplacer`, corps: { axe: '' }, attendu: ['C', 400, 400, 'R', 'R', 'R', 'R'] },
  'GET /pilotage/feuille-de-route/:id/actions/:action/supprimer': { chemin: (f) => `/pilotage/feuille-de-route/${f.feuille}/actions/${f.action}/supprimer`, attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'POST /pilotage/feuille-de-route/:id/actions/:action/supprimer': { chemin: (f) => `/pilotage/feuille-de-route/${f.feuille}/actions/999999/supprimer`, attendu: ['C', 404, 404, 'R', 'R', 'R', 'R'] },
  'GET /pilotage/indicateurs': { chemin: () => '/pilotage/indicateurs?territoire=departement:73', attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'POST /pilotage/indicateurs': { chemin: () => '/pilotage/indicateurs', corps: { territoire: 'departement:73', nature: 'saisi' }, attendu: ['C', 400, 400, 'R', 'R', 'R', 'R'] },
  'POST /pilotage/indicateurs/:id/mesures': { chemin: (f) => `/pilotage/indicateurs/${f.indicateur}/mesures`, corps: { date: '' }, attendu: ['C', 400, 400, 'R', 'R', 'R', 'R'] },
  'POST /pilotage/indicateurs/releve': { chemin: () => '/pilotage/indicateurs/releve', corps: { territoire: 'departement:73' }, attendu: ['C', 'S', 'S', 'R', 'R', 'R', 'R'] },
  'GET /pilotage/evaluation': { chemin: () => '/pilotage/evaluation?territoire=departement:73', attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'GET /pilotage/evaluation.xlsx': { chemin: () => '/pilotage/evaluation.xlsx?territoire=departement:73', attendu: ['C', 'O', 'O', 'R', 'R', 'R', 'R'] },
  'POST /pilotage/acteurs/:id/partenariats/:pid/fin': { chemin: (f) => `/pilotage/acteurs/${f.acteur}/partenariats/999999/fin`, attendu: ['C', 404, 404, 'R', 'R', 'R', 'R'] },
}

function conforme(attendu: Attendu, r: Response): boolean {
  const lieu = r.headers.get('location') ?? ''
  if (attendu === 'O') return r.status === 200
  if (attendu === 'R') return r.status === 403
  if (attendu === 'C') return r.status === 303 && lieu.startsWith('/connexion?retour=')
  if (attendu === 'S') return r.status === 303 && !lieu.startsWith('/connexion?retour=')
  return r.status === attendu
}

describe('matrice des autorisations', () => {
  let s: ServeurDeTest
  let f: Fixtures
  const comptes = new Map<Acteur, CompteDeTest>()
  const navigateurs = new Map<Acteur, Navigateur>()
  /** Token of the session forms, and of the public forms (double-submit cookie). */
  const jetons = new Map<Acteur, { session: string | null; public: string }>()

  async function preparerActeur(acteur: Acteur): Promise<void> {
    const compte = comptes.get(acteur)
    // a TOTP code is accepted once: signing in again within 30 s needs the last step forgotten
    if (compte?.totpSecret) await s.base.db.execute(sql`update utilisateurs set totp_dernier_pas = null where id = ${compte.id}`)
    const nav = compte ? await seConnecter(s.url, compte) : navigateur(s.url)
    const session = compte ? jetonDeLaPage(await (await nav.get('/compte')).text()) : null
    const publique = jetonDeLaPage(await (await nav.get('/connexion')).text())
    navigateurs.set(acteur, nav)
    jetons.set(acteur, { session, public: publique })
  }

  beforeAll(async () => {
    s = await demarrer({ nombre: 30 })
    const db = s.base.db
    const { rows } = (await db.execute(sql`select uid from lieux where statut = 'publie' order by uid limit 2`)) as unknown as { rows: Array<{ uid: number }> }
    const lieu = Number(rows[0]?.uid)
    const autreLieu = Number(rows[1]?.uid)
    comptes.set('administrateur', await creerCompte(s.base, 'admin@exemple.fr', [{ role: 'administrateur' }], { totp: true }))
    comptes.set('coordinateur', await creerCompte(s.base, 'coord@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }]))
    comptes.set('coordinateur_autre', await creerCompte(s.base, 'coord38@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:38' }]))
    comptes.set('gestionnaire', await creerCompte(s.base, 'gest@exemple.fr', [{ role: 'gestionnaire', lieuUid: lieu }]))
    comptes.set('gestionnaire_autre', await creerCompte(s.base, 'gest2@exemple.fr', [{ role: 'gestionnaire', lieuUid: autreLieu }]))
    comptes.set('mediateur', await creerCompte(s.base, 'med@exemple.fr', [{ role: 'mediateur', lieuUid: lieu }]))
    const temoin = await creerCompte(s.base, 'temoin@exemple.fr', [{ role: 'gestionnaire', lieuUid: lieu }], { totp: true })
    const { rows: sig } = (await db.execute(sql`insert into signalements (lieu_uid, rubriques, message) values (${lieu}, '{horaires}', 'Horaires faux') returning id`)) as unknown as { rows: Array<{ id: number }> }
    const { rows: cles } = (await db.execute(sql`select s.name || ':' || r.record_id as cle from source_records r join sources s on s.id = r.source_id where r.lieu_uid in (${lieu}, ${autreLieu}) order by r.lieu_uid`)) as unknown as { rows: Array<{ cle: string }> }
    const [a, b] = cles.map((c) => c.cle).sort()
    const { rows: paire } = (await db.execute(sql`insert into paires (cle_a, cle_b, score, raisons, statut) values (${a}, ${b}, 0.7, '[]'::jsonb, 'a_examiner') returning id`)) as unknown as { rows: Array<{ id: number }> }
    const { rows: imp } = (await db.execute(sql`select id from imports order by id limit 1`)) as unknown as { rows: Array<{ id: number }> }
    const acteurs = await importerActeurs(s.base, referentiel(), { source: 'acteurs', nomFichier: 'acteurs.json', octets: Buffer.from(JSON.stringify(acteursDemo(referentiel(), '73'))) })
    const { rows: act } = (await db.execute(sql`select id from acteurs where statut = 'publie' order by id limit 1`)) as unknown as { rows: Array<{ id: number }> }
    if (acteurs.acceptes === 0 || !act[0]) throw new Error('aucun acteur de démonstration')
    const actifs = chargerActifs()
    const mediateurId = comptes.get('mediateur')?.id as number
    const { rows: orientation } = (await db.execute(
      sql`insert into orientations (de_lieu, vers_lieu, par_mediateur, besoin) values (${lieu}, ${autreLieu}, ${mediateurId}, 'Carte grise') returning id`,
    )) as unknown as { rows: Array<{ id: string }> }
    const feuille = await creerFeuille(db, { territoire: 'departement:73', titre: 'Feuille de route de la matrice', debut: '2025-01-01', fin: '2027-12-31' })
    const axe = await ajouterAxe(db, feuille, 'Axe de la matrice')
    const action = await ajouterAction(db, { axe, titre: 'Action', description: '', porteur: 'Département', partenaires: [], budgetCentimes: null, cofinancements: [], debut: null, fin: null, statut: 'a_lancer', avancement: 0 }, [])
    const indicateur = await creerIndicateur(db, { territoire: 'departement:73', nature: 'saisi', libelle: 'Indicateur de la matrice', unite: 'personnes', source: 'Essai' })
    f = {
      feuille,
      axe,
      action,
      indicateur,
      acteur: Number(act[0].id),
      lieu,
      autreLieu,
      signalement: Number(sig[0]?.id),
      paire: Number(paire[0]?.id),
      importId: Number(imp[0]?.id),
      temoin: temoin.id,
      nouveauRole: async () => {
        const { rows: h } = (await db.execute(sql`insert into habilitations (utilisateur_id, role, lieu_uid) values (${temoin.id}, 'mediateur', ${lieu}) returning id`)) as unknown as { rows: Array<{ id: number }> }
        return Number(h[0]?.id)
      },
      actif: urlActif(actifs, 'aiguillage.js'),
      activite: () =>
        enregistrerActivite(db, { id: null, libelle: 'matrice', adresseIp: null }, {
          mediateurId,
          lieuUid: lieu,
          activite: {
            type: 'individuel', date: '2025-01-15', duree: 30, typeLieu: 'lieu_activite', lieu: String(lieu), thematiques: ['email'], thematiquesDemarche: [], materiel: [], orienteVersStructure: false,
            beneficiaireAnonyme: { genre: 'non_communique', trancheAge: 'non_communique', statutSocial: 'non_communique', dejaAccompagne: false },
          },
        }),
      orientation: String(orientation[0]?.id),
      beneficiaire: async () => {
        const structure = await structureDuLieu(db, lieu)
        return creerBeneficiaire(db, { id: null, libelle: 'matrice', adresseIp: null }, { id: mediateurId, structures: [structure] }, structure, {
          prenom: 'Camille', nom: 'Essai', telephone: null, courriel: null, anneeNaissance: null, trancheAge: 'non_communique', genre: 'non_communique', statutSocial: 'non_communique',
          communeResidence: null, adresse: null, notes: null, consentement: { le: '2025-01-15', portee: 'mediateur', recueil: 'oral' },
        })
      },
    }
    for (const acteur of ACTEURS) await preparerActeur(acteur)
  }, 120_000)

  afterAll(async () => {
    await s?.fermer()
  })

  it('chaque route déclarée a sa ligne dans la matrice, et chaque ligne une route', () => {
    const declarees = s.app.routesDeclarees().map((r) => `${r.methode} ${r.url}`)
    expect(declarees.filter((r) => !(r in MATRICE)), 'routes sans ligne dans la matrice').toEqual([])
    expect(Object.keys(MATRICE).filter((r) => !declarees.includes(r)), 'lignes sans route').toEqual([])
  })

  it('chaque route × chaque visiteur reçoit la réponse attendue', async () => {
    const ecarts: string[] = []
    const publiques = new Set(s.app.routesDeclarees().filter((r) => r.acces === 'public').map((r) => `${r.methode} ${r.url}`))
    for (const [cle, ligne] of Object.entries(MATRICE)) {
      const methode = cle.split(' ')[0] as string
      for (const [i, acteur] of ACTEURS.entries()) {
        if (ligne.sessionFraiche) await preparerActeur(acteur)
        const nav = navigateurs.get(acteur) as Navigateur
        const jeton = jetons.get(acteur)
        const chemin = await ligne.chemin(f)
        let r: Response
        if (methode === 'GET') r = await nav.get(chemin)
        else if (methode === 'OPTIONS') r = await fetch(s.url + chemin, { method: 'OPTIONS', redirect: 'manual' })
        else r = await nav.post(chemin, ligne.corps ?? {}, { jeton: publiques.has(cle) ? (jeton?.public ?? null) : (jeton?.session ?? jeton?.public ?? null) })
        const attendu = Array.isArray(ligne.attendu) ? (ligne.attendu[i] as Attendu) : (ligne.attendu as Attendu)
        if (!conforme(attendu, r)) ecarts.push(`${cle} (${chemin}) — ${acteur} : attendu ${attendu}, reçu ${r.status} ${r.headers.get('location') ?? ''}`)
        await r.arrayBuffer()
        if (ligne.sessionFraiche) await preparerActeur(acteur)
      }
    }
    expect(ecarts).toEqual([])
  }, 120_000)

  it('toute requête qui modifie quelque chose est refusée sans jeton anti-falsification (403)', async () => {
    const ecarts: string[] = []
    const admin = navigateurs.get('administrateur') as Navigateur
    // a session waiting for its second-factor code, for the code form
    const avecCode = await creerCompte(s.base, 'code@exemple.fr', [{ role: 'gestionnaire', lieuUid: f.lieu }], { totp: true })
    const enAttente = navigateur(s.url)
    const r = await enAttente.post('/connexion', { courriel: avecCode.courriel, mot_de_passe: avecCode.motDePasse }, { depuis: '/connexion' })
    expect(r.headers.get('location')).toMatch(/^\/connexion\/code/)
    for (const route of s.app.routesDeclarees()) {
      if (route.methode !== 'POST') continue
      const ligne = MATRICE[`${route.methode} ${route.url}`]
      if (!ligne) continue
      const chemin = await ligne.chemin(f)
      for (const jeton of [null, 'un-jeton-invente-de-trente-deux-caracteres']) {
        const r = await (route.acces === 'code' ? enAttente : admin).post(chemin, ligne.corps ?? {}, { jeton })
        // the printable orientation sheet changes nothing: it is the only POST answered without a token (here, its form's errors)
        const attendu = route.url === '/lieux/:uid/fiche' ? 400 : 403
        if (r.status !== attendu) ecarts.push(`${route.url} (${jeton ?? 'sans jeton'}) : ${r.status}`)
        await r.arrayBuffer()
      }
    }
    expect(ecarts).toEqual([])
  }, 60_000)
})
