/**
 * Reading and writing a territory's indicators and their measures (I/O): the list with each
 * one's last measure up to a date, creating an indicator (computed from the catalogue, or
 * entered by hand with its source), recording a measure, and snapshotting the computed ones.
 */
import { and, asc, desc, eq, lte } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { indicateurs, mesures } from '../../platform/db/schema.ts'

export type Indicateur = typeof indicateurs.$inferSelect
export type Mesure = typeof mesures.$inferSelect
export type NouvelIndicateur = Omit<typeof indicateurs.$inferInsert, 'id' | 'creeLe'>

export async function indicateursDuTerritoire(db: Db, territoire: string): Promise<Indicateur[]> {
  return db.select().from(indicateurs).where(eq(indicateurs.territoire, territoire)).orderBy(asc(indicateurs.id))
}

export async function indicateur(db: Db, id: number): Promise<Indicateur | undefined> {
  const [ligne] = await db.select().from(indicateurs).where(eq(indicateurs.id, id))
  return ligne
}

export async function creerIndicateur(db: Db, valeurs: NouvelIndicateur): Promise<number> {
  const [ligne] = await db.insert(indicateurs).values(valeurs).returning({ id: indicateurs.id })
  return (ligne as { id: number }).id
}

export async function ajouterMesure(db: Db, mesure: { indicateurId: number; date: string; valeur: number; source: string; auteur: string }): Promise<number> {
  const [ligne] = await db.insert(mesures).values(mesure).returning({ id: mesures.id })
  return (ligne as { id: number }).id
}

/** The measures of the territory's indicators, newest first per indicator. */
export async function mesuresDuTerritoire(db: Db, territoire: string, jusquA?: string): Promise<Map<number, Mesure[]>> {
  const lignes = await db
    .select({ m: mesures })
    .from(mesures)
    .innerJoin(indicateurs, eq(indicateurs.id, mesures.indicateurId))
    .where(and(eq(indicateurs.territoire, territoire), jusquA === undefined ? undefined : lte(mesures.date, jusquA)))
    .orderBy(desc(mesures.date), desc(mesures.id))
  const parIndicateur = new Map<number, Mesure[]>()
  for (const { m } of lignes) parIndicateur.set(m.indicateurId, [...(parIndicateur.get(m.indicateurId) ?? []), m])
  return parIndicateur
}

/** Whether the indicator already has a measure on that day (a snapshot is taken once a day). */
export async function mesureDuJour(db: Db, indicateurId: number, date: string): Promise<boolean> {
  return (await db.select({ id: mesures.id }).from(mesures).where(and(eq(mesures.indicateurId, indicateurId), eq(mesures.date, date))).limit(1)).length > 0
}
