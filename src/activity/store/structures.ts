/**
 * Structures: the organisations running places. A place belongs to one structure; a place that
 * has none forms its own, created on first need with the place's name, so that every activity
 * and every followed beneficiary has a structure (whose mediators may share beneficiaries).
 */
import { eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { lieux, lieuxStructures, structures } from '../../platform/db/schema.ts'

/** The structure of a place, created (named after the place) when it has none. */
export async function structureDuLieu(db: Db, lieuUid: number): Promise<number> {
  const [existante] = await db.select({ id: lieuxStructures.structureId }).from(lieuxStructures).where(eq(lieuxStructures.lieuUid, lieuUid))
  if (existante) return existante.id
  const [lieu] = await db.select({ nom: lieux.nom }).from(lieux).where(eq(lieux.uid, lieuUid))
  if (!lieu) throw new Error(`Le lieu n° ${lieuUid} n’existe pas.`)
  return db.transaction(async (tx) => {
    // two first activities at once: one structure only (the place's row is the lock)
    await tx.execute(sql`select 1 from lieux where uid = ${lieuUid} for update`)
    const [deja] = await tx.select({ id: lieuxStructures.structureId }).from(lieuxStructures).where(eq(lieuxStructures.lieuUid, lieuUid))
    if (deja) return deja.id
    const [structure] = await tx.insert(structures).values({ nom: lieu.nom }).returning({ id: structures.id })
    if (!structure) throw new Error('La structure n’a pas pu être créée.')
    await tx.insert(lieuxStructures).values({ lieuUid, structureId: structure.id })
    return structure.id
  })
}

/** The structures of several places (created when needed), place → structure. */
export async function structuresDesLieux(db: Db, uids: readonly number[]): Promise<Map<number, number>> {
  const resultat = new Map<number, number>()
  if (uids.length === 0) return resultat
  const lignes = await db.select().from(lieuxStructures).where(inArray(lieuxStructures.lieuUid, [...uids]))
  for (const l of lignes) resultat.set(l.lieuUid, l.structureId)
  for (const uid of uids) if (!resultat.has(uid)) resultat.set(uid, await structureDuLieu(db, uid))
  return resultat
}

/** Attaches a place to another structure (the structure of `autreLieu`): their mediators then share beneficiaries. */
export async function rattacherLieu(db: Db, lieuUid: number, structureId: number): Promise<void> {
  await db.insert(lieuxStructures).values({ lieuUid, structureId }).onConflictDoUpdate({ target: lieuxStructures.lieuUid, set: { structureId } })
}


/** The places of a structure (uid, name), by name. */
export async function lieuxDeStructure(db: Db, structureId: number): Promise<Array<{ uid: number; nom: string; commune: string }>> {
  return db
    .select({ uid: lieux.uid, nom: lieux.nom, commune: lieux.commune })
    .from(lieuxStructures)
    .innerJoin(lieux, eq(lieux.uid, lieuxStructures.lieuUid))
    .where(eq(lieuxStructures.structureId, structureId))
    .orderBy(lieux.nom)
}

/** Structures having a place that satisfies `condition` (an account's scope), by name; at most 200. */
export async function structuresAvecLieux(db: Db, condition: SQL | undefined): Promise<Array<{ id: number; nom: string }>> {
  return db
    .selectDistinct({ id: structures.id, nom: structures.nom })
    .from(structures)
    .innerJoin(lieuxStructures, eq(lieuxStructures.structureId, structures.id))
    .innerJoin(lieux, eq(lieux.uid, lieuxStructures.lieuUid))
    .where(condition)
    .orderBy(structures.nom)
    .limit(200)
}

export async function renommerStructure(db: Db, id: number, nom: string, siret: string | null): Promise<void> {
  await db.update(structures).set({ nom, siret }).where(eq(structures.id, id))
}

export async function structureParId(db: Db, id: number): Promise<{ id: number; nom: string; siret: string | null } | undefined> {
  const [s] = await db.select({ id: structures.id, nom: structures.nom, siret: structures.siret }).from(structures).where(eq(structures.id, id))
  return s
}

export async function nomDeStructure(db: Db, id: number): Promise<string | undefined> {
  return (await structureParId(db, id))?.nom
}
