/**
 * The table `communes_positions`: writes downloaded positions in one transaction (insert or update
 * by code, never duplicated) and reads them back. Positions absent from a download are kept.
 */
import { count, sql } from 'drizzle-orm'
import type { Db } from '../platform/db/database.ts'
import { communesPositions } from '../platform/db/schema.ts'
import type { PositionOfficielle } from './api-geo.ts'
import type { Point } from './positions.ts'

/** Rows per statement: 4 parameters each, well under PostgreSQL's 65,535. */
const LOT = 2_000

export interface BilanEcriture {
  /** Positions written (new or updated). */
  ecrites: number
  /** Of which codes that had no position before. */
  nouvelles: number
}

/** Inserts or updates `positions` (codes must be distinct), all or nothing. */
export async function enregistrerPositions(db: Db, positions: readonly PositionOfficielle[], source: string): Promise<BilanEcriture> {
  return db.transaction(async (tx) => {
    const avant = await compterPositions(tx)
    for (let debut = 0; debut < positions.length; debut += LOT) {
      const lot = positions.slice(debut, debut + LOT).map((p) => ({ code: p.code, latitude: p.latitude, longitude: p.longitude, source }))
      await tx
        .insert(communesPositions)
        .values(lot)
        .onConflictDoUpdate({
          target: communesPositions.code,
          set: { latitude: sql`excluded.latitude`, longitude: sql`excluded.longitude`, source: sql`excluded.source`, updatedAt: sql`now()` },
        })
    }
    return { ecrites: positions.length, nouvelles: (await compterPositions(tx)) - avant }
  })
}

export async function compterPositions(db: Db): Promise<number> {
  const [ligne] = await db.select({ n: count() }).from(communesPositions)
  return ligne?.n ?? 0
}

/** Every stored position, by code. */
export async function lirePositions(db: Db): Promise<Map<string, Point>> {
  const lignes = await db.select({ code: communesPositions.code, lat: communesPositions.latitude, lon: communesPositions.longitude }).from(communesPositions)
  return new Map(lignes.map((l) => [l.code, { lat: l.lat, lon: l.lon }]))
}
