/**
 * Builds the resolution chain from the database: the stored official centres
 * (`communes_positions`) and the centroid of the published places with coordinates of each
 * resolved commune (`lieux.commune_resolue`).
 */
import { and, avg, eq, isNotNull } from 'drizzle-orm'
import type { Db } from '../platform/db/database.ts'
import { lieux } from '../platform/db/schema.ts'
import { referentiel, type Referentiel } from '../territories/referentiel.ts'
import { PositionsCommunes, type DonneesPositions, type Point } from './positions.ts'
import { lirePositions } from './stockage.ts'

/** Centroid of the published places of each commune, by the commune's INSEE code. */
export async function centroidesDesLieux(db: Db): Promise<Map<string, Point>> {
  const lignes = await db
    .select({ code: lieux.communeResolue, lat: avg(lieux.latitude).mapWith(Number), lon: avg(lieux.longitude).mapWith(Number) })
    .from(lieux)
    .where(and(eq(lieux.statut, 'publie'), isNotNull(lieux.communeResolue), isNotNull(lieux.latitude), isNotNull(lieux.longitude)))
    .groupBy(lieux.communeResolue)
  const centres = new Map<string, Point>()
  for (const l of lignes) if (l.code && Number.isFinite(l.lat) && Number.isFinite(l.lon)) centres.set(l.code, { lat: l.lat, lon: l.lon })
  return centres
}

/** What the chain needs, read now (to build it, or to pass to `invalider` after a change). */
export async function lireDonneesPositions(db: Db): Promise<DonneesPositions> {
  return { positions: await lirePositions(db), lieux: await centroidesDesLieux(db) }
}

export async function chargerPositions(db: Db, ref: Referentiel = referentiel()): Promise<PositionsCommunes> {
  return new PositionsCommunes(await lireDonneesPositions(db), ref)
}
