/**
 * Telling the servers that places changed: a `pg_notify` on one channel, sent inside the
 * writing transaction so that it is delivered only if — and when — the change is committed.
 * The payload says which places to reload: those of a source (after an import), a list of
 * places (an edit), or all of them.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'

export const CANAL_LIEUX = 'aiguillage_lieux'

export type Portee = { source: number } | { lieux: number[] } | { tout: true }

export async function notifierChangement(db: Db, portee: Portee): Promise<void> {
  // payloads are limited to 8,000 bytes: a long list becomes « everything »
  const charge = JSON.stringify(portee)
  await db.execute(sql`select pg_notify(${CANAL_LIEUX}, ${charge.length < 7000 ? charge : JSON.stringify({ tout: true })})`)
}

/** The scope of a notification, or « everything » when it cannot be read. */
export function lirePortee(charge: string): Portee {
  try {
    const p = JSON.parse(charge) as Partial<{ source: unknown; lieux: unknown; tout: unknown }>
    if (typeof p.source === 'number') return { source: p.source }
    if (Array.isArray(p.lieux) && p.lieux.every((u) => typeof u === 'number')) return { lieux: p.lieux as number[] }
  } catch {
    // fall through
  }
  return { tout: true }
}
