/**
 * Server-side sessions. The browser holds a random token; the database holds its SHA-256 only,
 * with the account, the step reached (`attente_code` between password and TOTP code, then
 * `complet`), the last activity and the absolute expiry. A session ends after 2 hours without
 * activity or 12 hours after sign-in, at sign-out, and for every browser of an account at
 * « se déconnecter partout », at a password change or reset and when the account is disabled.
 * Each step up (password, then code) issues a new token: no session fixation.
 */
import { and, eq, lt, or, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { sessions } from '../../platform/db/schema.ts'
import { empreinteJeton, jetonBienForme, nouveauJeton } from '../secrets/jetons.ts'

export const INACTIVITE_MS = 2 * 60 * 60_000
export const DUREE_MAX_MS = 12 * 60 * 60_000
/** The waiting step (password given, code not yet) lasts 10 minutes. */
export const ATTENTE_CODE_MS = 10 * 60_000
/** Activity is written at most once a minute per session. */
const RAFRAICHISSEMENT_MS = 60_000

export type Niveau = 'attente_code' | 'complet'

export interface Session {
  /** SHA-256 of the token. */
  id: string
  utilisateurId: number
  niveau: Niveau
  creeLe: Date
  expireLe: Date
}

export async function ouvrirSession(db: Db, utilisateurId: number, niveau: Niveau, maintenant = new Date()): Promise<{ jeton: string; session: Session }> {
  const jeton = nouveauJeton()
  const duree = niveau === 'attente_code' ? ATTENTE_CODE_MS : DUREE_MAX_MS
  const session: Session = { id: empreinteJeton(jeton), utilisateurId, niveau, creeLe: maintenant, expireLe: new Date(maintenant.getTime() + duree) }
  await db.insert(sessions).values({ ...session, vuLe: maintenant })
  return { jeton, session }
}

/** The live session of a token (its activity noted), or undefined; expired ones are deleted. */
export async function lireSession(db: Db, jeton: unknown, maintenant = new Date()): Promise<Session | undefined> {
  if (!jetonBienForme(jeton)) return undefined
  const id = empreinteJeton(jeton)
  const [ligne] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1)
  if (!ligne) return undefined
  const t = maintenant.getTime()
  if (ligne.expireLe.getTime() <= t || ligne.vuLe.getTime() + INACTIVITE_MS <= t) {
    await db.delete(sessions).where(eq(sessions.id, id))
    return undefined
  }
  if (t - ligne.vuLe.getTime() > RAFRAICHISSEMENT_MS) await db.update(sessions).set({ vuLe: maintenant }).where(eq(sessions.id, id))
  return { id, utilisateurId: ligne.utilisateurId, niveau: ligne.niveau as Niveau, creeLe: ligne.creeLe, expireLe: ligne.expireLe }
}

export async function fermerSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id))
}

/** Ends every session of an account (or all but one). Returns how many were ended. */
export async function fermerSessionsDe(db: Db, utilisateurId: number, sauf?: string): Promise<number> {
  const fermees = await db
    .delete(sessions)
    .where(and(eq(sessions.utilisateurId, utilisateurId), sauf ? sql`${sessions.id} <> ${sauf}` : undefined))
    .returning({ id: sessions.id })
  return fermees.length
}

export async function sessionsDe(db: Db, utilisateurId: number): Promise<Array<{ id: string; creeLe: Date; vuLe: Date }>> {
  return db.select({ id: sessions.id, creeLe: sessions.creeLe, vuLe: sessions.vuLe }).from(sessions).where(eq(sessions.utilisateurId, utilisateurId))
}

/** Deletes expired sessions (called now and then). */
export async function purgerSessions(db: Db, maintenant = new Date()): Promise<void> {
  await db.delete(sessions).where(or(lt(sessions.expireLe, maintenant), lt(sessions.vuLe, new Date(maintenant.getTime() - INACTIVITE_MS))))
}
