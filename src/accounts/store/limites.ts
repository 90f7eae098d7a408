/**
 * Rate limits shared by every server (a table, not memory): failed sign-ins per account and
 * per address, reset and invitation e-mails per account and per address. Keys are hashed: the
 * table holds no e-mail and no address. A window starts at the first attempt and lasts
 * `fenetreMs`; past `max` attempts the caller answers 429 with the seconds left.
 */
import { createHash } from 'node:crypto'
import { eq, lt, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { limites } from '../../platform/db/schema.ts'

export interface Regle {
  /** Kind of limit, part of the key (`connexion-ip`, `connexion-compte`, `courriel-ip`…). */
  nom: string
  max: number
  fenetreMs: number
}

export const REGLES = {
  connexionParAdresse: { nom: 'connexion-ip', max: 20, fenetreMs: 15 * 60_000 },
  connexionParCompte: { nom: 'connexion-compte', max: 5, fenetreMs: 15 * 60_000 },
  courrielParAdresse: { nom: 'courriel-ip', max: 10, fenetreMs: 60 * 60_000 },
  courrielParCompte: { nom: 'courriel-compte', max: 3, fenetreMs: 60 * 60_000 },
  codeParCompte: { nom: 'code-compte', max: 5, fenetreMs: 15 * 60_000 },
} as const satisfies Record<string, Regle>

const cle = (regle: Regle, valeur: string) => `${regle.nom}:${createHash('sha256').update(`aiguillage\u0000${valeur}`).digest('base64url')}`

/** Seconds to wait before the next attempt, or 0. */
export async function attente(db: Db, regle: Regle, valeur: string, maintenant = new Date()): Promise<number> {
  const [ligne] = await db.select().from(limites).where(eq(limites.cle, cle(regle, valeur)))
  if (!ligne) return 0
  const fin = ligne.debut.getTime() + regle.fenetreMs
  if (fin <= maintenant.getTime() || ligne.essais < regle.max) return 0
  return Math.max(1, Math.ceil((fin - maintenant.getTime()) / 1000))
}

/** Counts one attempt (a failure, or an e-mail sent); a finished window starts again. */
export async function compter(db: Db, regle: Regle, valeur: string, maintenant = new Date()): Promise<void> {
  const debutMin = new Date(maintenant.getTime() - regle.fenetreMs)
  await db
    .insert(limites)
    .values({ cle: cle(regle, valeur), essais: 1, debut: maintenant })
    .onConflictDoUpdate({
      target: limites.cle,
      set: {
        essais: sql`case when ${limites.debut} <= ${debutMin} then 1 else ${limites.essais} + 1 end`,
        debut: sql`case when ${limites.debut} <= ${debutMin} then ${maintenant} else ${limites.debut} end`,
      },
    })
}

export async function effacer(db: Db, regle: Regle, valeur: string): Promise<void> {
  await db.delete(limites).where(eq(limites.cle, cle(regle, valeur)))
}

/** Deletes the counters of finished windows (the longest window is one hour). */
export async function purgerLimites(db: Db, maintenant = new Date()): Promise<void> {
  await db.delete(limites).where(lt(limites.debut, new Date(maintenant.getTime() - 60 * 60_000)))
}
