/**
 * Single-use, expiring links sent by e-mail: an invitation (7 days) and a password reset
 * (1 hour). The link carries a random token; the database keeps its SHA-256. Using one marks it
 * used in the same statement that checks it (two clicks at once: one wins); issuing a new reset
 * link voids the previous unused ones.
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { jetons } from '../../platform/db/schema.ts'
import { empreinteJeton, jetonBienForme, nouveauJeton } from '../secrets/jetons.ts'

export type TypeJeton = 'invitation' | 'reinitialisation'

export const DUREES_MS: Record<TypeJeton, number> = { invitation: 7 * 24 * 60 * 60_000, reinitialisation: 60 * 60_000 }

export async function emettreJeton(db: Db, type: TypeJeton, utilisateurId: number, maintenant = new Date()): Promise<string> {
  // one live link of each kind per account: the newest
  await db
    .update(jetons)
    .set({ utiliseLe: maintenant })
    .where(and(eq(jetons.utilisateurId, utilisateurId), eq(jetons.type, type), isNull(jetons.utiliseLe)))
  const jeton = nouveauJeton()
  await db.insert(jetons).values({ empreinte: empreinteJeton(jeton), type, utilisateurId, creeLe: maintenant, expireLe: new Date(maintenant.getTime() + DUREES_MS[type]) })
  return jeton
}

/** The account of a live token, without using it (to show the form). */
export async function lireJeton(db: Db, type: TypeJeton, jeton: unknown, maintenant = new Date()): Promise<number | undefined> {
  if (!jetonBienForme(jeton)) return undefined
  const [ligne] = await db
    .select({ utilisateurId: jetons.utilisateurId })
    .from(jetons)
    .where(and(eq(jetons.empreinte, empreinteJeton(jeton)), eq(jetons.type, type), isNull(jetons.utiliseLe), gt(jetons.expireLe, maintenant)))
  return ligne?.utilisateurId
}

/** Uses a live token: returns its account, or undefined when unknown, used or expired. */
export async function consommerJeton(db: Db, type: TypeJeton, jeton: unknown, maintenant = new Date()): Promise<number | undefined> {
  if (!jetonBienForme(jeton)) return undefined
  const [ligne] = await db
    .update(jetons)
    .set({ utiliseLe: maintenant })
    .where(and(eq(jetons.empreinte, empreinteJeton(jeton)), eq(jetons.type, type), isNull(jetons.utiliseLe), gt(jetons.expireLe, maintenant)))
    .returning({ utilisateurId: jetons.utilisateurId })
  return ligne?.utilisateurId
}

/** Invitations still waiting, per account. */
export async function invitationsEnAttente(db: Db): Promise<Map<number, Date>> {
  const lignes = await db
    .select({ utilisateurId: jetons.utilisateurId, expireLe: sql<Date>`max(${jetons.expireLe})`.mapWith((v) => new Date(v as string)) })
    .from(jetons)
    .where(and(eq(jetons.type, 'invitation'), isNull(jetons.utiliseLe), gt(jetons.expireLe, new Date())))
    .groupBy(jetons.utilisateurId)
  return new Map(lignes.map((l) => [l.utilisateurId, l.expireLe]))
}
