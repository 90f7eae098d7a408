/**
 * The audit log: every change made through the platform — places edited, proposed, validated
 * or refused, reports handled, reminders sent, accounts invited, roles given or removed,
 * passwords and second factors changed, sign-ins — with who, when, from which address and what
 * changed. Append-only: this module only inserts and reads, and the database refuses UPDATE,
 * DELETE and TRUNCATE on the table (trigger of migration 0005), whatever the role.
 * Passwords, tokens and TOTP secrets are never written here.
 */
import { and, desc, eq, lt, type SQL } from 'drizzle-orm'
import type { Db } from '../platform/db/database.ts'
import { journalAudit } from '../platform/db/schema.ts'
import type { Changements } from './differences.ts'

export interface Acteur {
  /** The account, or null for the system (command line, import). */
  id: number | null
  /** How the log names it, kept as it was: « Camille Martin <camille@…> », « ligne de commande ». */
  libelle: string
  adresseIp: string | null
}

export const SYSTEME: Acteur = { id: null, libelle: 'ligne de commande', adresseIp: null }

export interface Evenement {
  /** `lieu.modifie`, `lieu.propose`, `lieu.valide`, `lieu.refuse`, `signalement.statut`, `compte.invite`… */
  action: string
  objetType: 'lieu' | 'signalement' | 'compte' | 'session' | 'activite' | 'beneficiaire' | 'orientation' | 'conservation' | 'feuille_de_route' | 'indicateur' | 'acteur' | 'ifn'
  objetId: string | number
  lieuUid?: number | null
  changements?: Changements | Record<string, unknown> | null
}

export async function inscrire(db: Db, acteur: Acteur, evenement: Evenement): Promise<void> {
  await db.insert(journalAudit).values({
    acteurId: acteur.id,
    acteur: acteur.libelle.slice(0, 200),
    adresseIp: acteur.adresseIp,
    action: evenement.action,
    objetType: evenement.objetType,
    objetId: String(evenement.objetId),
    lieuUid: evenement.lieuUid ?? null,
    changements: evenement.changements ?? null,
  })
}

export interface LigneJournal {
  id: number
  quand: Date
  acteurId: number | null
  acteur: string
  adresseIp: string | null
  action: string
  objetType: string
  objetId: string
  lieuUid: number | null
  changements: unknown
}

/** A place's history, newest first. */
export async function historiqueDuLieu(db: Db, lieuUid: number, limite = 100): Promise<LigneJournal[]> {
  return db.select().from(journalAudit).where(eq(journalAudit.lieuUid, lieuUid)).orderBy(desc(journalAudit.id)).limit(limite)
}

/** The whole log, newest first, by pages (`avant`: the smallest id already shown). */
export async function journalRecent(db: Db, options: { limite?: number; avant?: number; objetType?: string } = {}): Promise<LigneJournal[]> {
  const conditions: SQL[] = []
  if (options.avant !== undefined) conditions.push(lt(journalAudit.id, options.avant))
  if (options.objetType !== undefined) conditions.push(eq(journalAudit.objetType, options.objetType))
  return db
    .select()
    .from(journalAudit)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(journalAudit.id))
    .limit(options.limite ?? 50)
}

/** The last time an action was logged on a place (a reminder, say). */
export async function derniereAction(db: Db, lieuUid: number, action: string): Promise<Date | undefined> {
  const [ligne] = await db
    .select({ quand: journalAudit.quand })
    .from(journalAudit)
    .where(and(eq(journalAudit.lieuUid, lieuUid), eq(journalAudit.action, action)))
    .orderBy(desc(journalAudit.id))
    .limit(1)
  return ligne?.quand
}

/** Plain-French labels of the actions, for the history pages. */
export const LIBELLES_ACTIONS: Readonly<Record<string, string>> = {
  'lieu.modifie': 'a modifié la fiche',
  'lieu.propose': 'a proposé ce nouveau lieu',
  'lieu.cree': 'a créé et publié ce lieu',
  'lieu.valide': 'a validé et publié ce lieu',
  'lieu.refuse': 'a refusé ce lieu',
  'lieu.rappel': 'a envoyé un rappel de mise à jour aux gestionnaires',
  'signalement.statut': 'a traité un signalement',
  'compte.invite': 'a invité un compte',
  'compte.role_retire': 'a retiré un rôle',
  'compte.desactive': 'a désactivé un compte',
  'compte.reactive': 'a réactivé un compte',
  'compte.active': 'a accepté son invitation',
  'compte.mot_de_passe': 'a changé son mot de passe',
  'compte.reinitialise': 'a réinitialisé son mot de passe',
  'compte.totp_active': 'a activé la double authentification',
  'compte.totp_retire': 'a retiré la double authentification',
  'compte.cree_admin': 'a créé un compte administrateur',
  'doublon.meme_lieu': 'a indiqué que deux fiches sont le même lieu (fusion)',
  'doublon.differents': 'a indiqué que deux fiches sont des lieux différents',
  'fusion.annulee': 'a annulé une fusion de lieux',
  'session.connexion': 's’est connecté',
  'session.deconnexion_partout': 'a fermé toutes ses sessions',
  'beneficiaire.cree': 'a créé la fiche d’un bénéficiaire suivi',
  'beneficiaire.modifie': 'a modifié la fiche d’un bénéficiaire suivi',
  'beneficiaire.exporte': 'a exporté les données d’un bénéficiaire suivi',
  'beneficiaire.efface': 'a effacé l’identité d’un bénéficiaire suivi',
  'conservation.appliquee': 'a appliqué les règles de conservation des données',
  'lieu.structure': 'a modifié la structure du lieu',
  'activite.creee': 'a enregistré une activité',
  'activite.modifiee': 'a modifié une activité',
  'activite.supprimee': 'a supprimé une activité',
  'activites.importees': 'a importé des activités',
  'activites.demonstration': 'a créé les activités de démonstration',
  'orientation.envoyee': 'a orienté une personne vers ce lieu',
  'orientation.statut': 'a répondu à une orientation',
  'feuille_de_route.creee': 'a créé une feuille de route',
  'feuille_de_route.axe_ajoute': 'a ajouté un axe à une feuille de route',
  'feuille_de_route.action_ajoutee': 'a ajouté une action à une feuille de route',
  'feuille_de_route.action_modifiee': 'a modifié une action d’une feuille de route',
  'feuille_de_route.avancement': 'a mis à jour l’avancement d’une action',
  'indicateur.cree': 'a créé un indicateur',
  'indicateur.mesure': 'a enregistré la mesure d’un indicateur',
  'indicateur.releve': 'a relevé les valeurs des indicateurs calculés',
  'ifn.importe': 'a importé l’indice de fragilité numérique',
}
