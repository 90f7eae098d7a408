/**
 * Referrals between places, stored: sending one (with only what the person agreed to share,
 * and an e-mail to the receiving place's managers and mediators that names no one), the
 * referrals received by my places and those I sent, and the receiving place's answer and
 * outcome (checked against the allowed transitions, in a transaction). Each step is in the
 * audit log without personal data.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '../../platform/db/database.ts'
import { habilitations, lieux, orientations, utilisateurs } from '../../platform/db/schema.ts'
import { inscrire, type Acteur } from '../../audit/journal.ts'
import { deposerCourriel } from '../../mail/boite.ts'
import { texteDeRecherche } from '../../places/registry/rows.ts'
import { estStatut, statutsSuivants, type Partage, type SaisieOrientation, type StatutOrientation } from '../domain/orientations.ts'

export interface OrientationVue {
  id: string
  deLieu: number | null
  deLieuNom: string | null
  versLieu: number
  versLieuNom: string
  parMediateur: number | null
  besoin: string
  partage: Partage & { message?: string }
  consentementLe: string | null
  consentementRecueil: string | null
  statut: StatutOrientation
  reponse: string | null
  creeLe: Date
  misAJourLe: Date
}

const de = alias(lieux, 'de_lieu')
const vers = alias(lieux, 'vers_lieu')
const COLONNES = {
  id: orientations.id,
  deLieu: orientations.deLieu,
  deLieuNom: de.nom,
  versLieu: orientations.versLieu,
  versLieuNom: vers.nom,
  parMediateur: orientations.parMediateur,
  besoin: orientations.besoin,
  partage: orientations.partage,
  consentementLe: orientations.consentementLe,
  consentementRecueil: orientations.consentementRecueil,
  statut: orientations.statut,
  reponse: orientations.reponse,
  creeLe: orientations.creeLe,
  misAJourLe: orientations.misAJourLe,
}

type Ligne = { [K in keyof typeof COLONNES]: unknown }
const vue = (l: Ligne): OrientationVue => ({ ...(l as unknown as OrientationVue), partage: (l.partage ?? {}) as OrientationVue['partage'], statut: estStatut(String(l.statut)) ? (l.statut as StatutOrientation) : 'envoyee' })

const requete = (db: Db) => db.select(COLONNES).from(orientations).leftJoin(de, eq(de.uid, orientations.deLieu)).innerJoin(vers, eq(vers.uid, orientations.versLieu))

/** The people to tell at a place: its active managers and mediators. */
async function equipeDuLieu(db: Db, lieuUid: number): Promise<string[]> {
  const lignes = await db
    .selectDistinct({ courriel: utilisateurs.courriel })
    .from(habilitations)
    .innerJoin(utilisateurs, eq(utilisateurs.id, habilitations.utilisateurId))
    .where(and(eq(habilitations.lieuUid, lieuUid), inArray(habilitations.role, ['gestionnaire', 'mediateur']), eq(utilisateurs.statut, 'actif')))
  return lignes.map((l) => l.courriel)
}

export interface Envoi {
  deLieu: number | null
  parMediateur: number
  beneficiaireId?: string | null
  activiteId?: string | null
  saisie: SaisieOrientation
}

/** Sends a referral; returns its id and how many people of the receiving place were told. */
export async function envoyerOrientation(db: Db, acteur: Acteur, envoi: Envoi, options: { urlPublique: string }): Promise<{ id: string; prevenus: number }> {
  return db.transaction(async (tx) => {
    const { saisie } = envoi
    const [cible] = await tx.select({ nom: lieux.nom }).from(lieux).where(and(eq(lieux.uid, saisie.versLieu), eq(lieux.statut, 'publie')))
    if (!cible) throw new Error('Le lieu choisi n’existe pas ou n’est pas publié.')
    const partage = { ...saisie.partage, ...(saisie.message !== undefined && { message: saisie.message }) }
    const [ligne] = await tx
      .insert(orientations)
      .values({
        deLieu: envoi.deLieu,
        versLieu: saisie.versLieu,
        parMediateur: envoi.parMediateur,
        beneficiaireId: envoi.beneficiaireId ?? null,
        activiteId: envoi.activiteId ?? null,
        besoin: saisie.besoin,
        partage: Object.keys(partage).length > 0 ? partage : null,
        consentementLe: saisie.consentement?.le ?? null,
        consentementRecueil: saisie.consentement?.recueil ?? null,
      })
      .returning({ id: orientations.id })
    if (!ligne) throw new Error('L’orientation n’a pas pu être enregistrée.')
    const destinataires = await equipeDuLieu(tx, saisie.versLieu)
    for (const destinataire of destinataires) {
      await deposerCourriel(tx, {
        destinataire,
        sujet: `Une personne est orientée vers ${cible.nom}`,
        texte: `Bonjour,\n\nUne personne a été orientée vers ${cible.nom} par un médiateur numérique.\nPour voir sa demande, l’accepter et indiquer la suite donnée, connectez-vous :\n${options.urlPublique}/espace/orientations/${ligne.id}\n\nCe courriel ne contient aucune information sur la personne.`,
      })
    }
    await inscrire(tx, acteur, { action: 'orientation.envoyee', objetType: 'orientation', objetId: ligne.id, lieuUid: saisie.versLieu, changements: { partage: Object.keys(partage) } })
    return { id: ligne.id, prevenus: destinataires.length }
  })
}

export async function orientationParId(db: Db, id: string): Promise<OrientationVue | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const [l] = await requete(db).where(eq(orientations.id, id))
  return l ? vue(l) : undefined
}

/** Referrals received by these places, and those sent by this mediator, newest first. */
export async function orientationsDe(db: Db, options: { lieux: readonly number[]; mediateur: number; limite?: number }): Promise<{ recues: OrientationVue[]; envoyees: OrientationVue[] }> {
  const limite = options.limite ?? 200
  const recues = options.lieux.length > 0 ? await requete(db).where(inArray(orientations.versLieu, [...options.lieux])).orderBy(desc(orientations.creeLe)).limit(limite) : []
  const envoyees = await requete(db).where(eq(orientations.parMediateur, options.mediateur)).orderBy(desc(orientations.creeLe)).limit(limite)
  return { recues: recues.map(vue), envoyees: envoyees.map(vue) }
}

/** How many referrals wait for an answer at these places (the dashboard's counter). */
export async function orientationsEnAttente(db: Db, lieuxRecus: readonly number[]): Promise<number> {
  if (lieuxRecus.length === 0) return 0
  const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(orientations).where(and(inArray(orientations.versLieu, [...lieuxRecus]), eq(orientations.statut, 'envoyee')))
  return n?.n ?? 0
}

/**
 * The receiving place answers or records the outcome. `interdit`: this step does not follow the
 * current status (already answered by a colleague, say).
 */
export async function changerStatutOrientation(db: Db, acteur: Acteur, id: string, statut: StatutOrientation, reponse: string): Promise<'fait' | 'interdit'> {
  return db.transaction(async (tx) => {
    const [actuelle] = await tx.select({ statut: orientations.statut, versLieu: orientations.versLieu }).from(orientations).where(eq(orientations.id, id)).for('update')
    if (!actuelle || !estStatut(actuelle.statut) || !statutsSuivants(actuelle.statut).includes(statut)) return 'interdit'
    await tx
      .update(orientations)
      .set({ statut, ...(reponse !== '' && { reponse }), traiteePar: acteur.id, misAJourLe: new Date() })
      .where(eq(orientations.id, id))
    await inscrire(tx, acteur, { action: 'orientation.statut', objetType: 'orientation', objetId: id, lieuUid: actuelle.versLieu, changements: { statut: [actuelle.statut, statut] } })
    return 'fait'
  })
}

/** Published places matching a name, commune or postcode (to choose where to refer). */
export async function chercherLieux(db: Db, q: string, saufLieux: readonly number[], limite = 20): Promise<Array<{ uid: number; nom: string; commune: string; codePostal: string }>> {
  const mots = texteDeRecherche(q)
    .split(' ')
    .filter((m) => m.length > 1)
    .slice(0, 5)
  if (mots.length === 0) return []
  const conditions = mots.map((m) => sql`${lieux.texteRecherche} like ${`%${m}%`}`)
  const lignes = await db
    .select({ uid: lieux.uid, nom: lieux.nom, commune: lieux.commune, codePostal: lieux.code_postal })
    .from(lieux)
    .where(and(eq(lieux.statut, 'publie'), ...conditions, ...(saufLieux.length > 0 ? [sql`${lieux.uid} not in (${sql.join(saufLieux.map((u) => sql`${u}`), sql`, `)})`] : [])))
    .orderBy(lieux.nom)
    .limit(limite)
  return lignes
}

export const peutRecevoir = (o: { versLieu: number }, lieuxRecus: readonly number[]) => lieuxRecus.includes(o.versLieu)
export const aEnvoye = (o: { parMediateur: number | null }, compteId: number) => o.parMediateur === compteId
