/**
 * Reading and writing a territory's indicators and their measures (I/O): the list with each
 * one's last measure up to a date, creating an indicator (computed from the catalogue, or
 * entered by hand with its source), recording a measure, and snapshotting the computed ones.
 */
import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm'
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
  for (const { m } of lignes) {
    const liste = parIndicateur.get(m.indicateurId)
    if (liste) liste.push(m)
    else parIndicateur.set(m.indicateurId, [m])
  }
  return parIndicateur
}

/** Which of these indicators already have a computed snapshot on that day (one query, to skip computing them again). */
export async function relevesDuJour(db: Db, indicateurIds: readonly number[], date: string): Promise<Set<number>> {
  if (indicateurIds.length === 0) return new Set()
  const lignes = await db
    .select({ id: mesures.indicateurId })
    .from(mesures)
    .where(and(inArray(mesures.indicateurId, [...indicateurIds]), eq(mesures.date, date), eq(mesures.auteur, 'calcul')))
  return new Set(lignes.map((l) => l.id))
}

/**
 * Writes computed snapshots; one already there for the same indicator and day (a concurrent
 * snapshot) is left as it is (unique index `mesures_calcul_du_jour_idx`). Returns how many were written.
 */
export async function ajouterReleves(db: Db, releves: ReadonlyArray<{ indicateurId: number; date: string; valeur: number; source: string }>): Promise<number> {
  if (releves.length === 0) return 0
  const ecrites = await db
    .insert(mesures)
    .values(releves.map((r) => ({ ...r, auteur: 'calcul' })))
    .onConflictDoNothing()
    .returning({ id: mesures.id })
  return ecrites.length
}
