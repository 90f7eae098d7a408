/**
 * What the public API reads from the registry (the database is the source of truth): published
 * places in registry order from a cursor (keyset on `uid`), their count, one place by its
 * public id, and the places of a list of uids (a page of search results; the CSV export of a
 * search, by batches of one query each) — each as the standard's JSON object.
 *
 * Rows are read as the export reads them (`lirePublies` in places/registry/queries.ts: the 32
 * fields concatenated by the database into one text column).
 */
import { and, count, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { lieux } from '../../platform/db/schema.ts'
import type { RangeeStandard } from '../../places/io/ecriture.ts'
import { conditionTerritoire, lirePublies } from '../../places/registry/queries.ts'
import type { Territoire } from '../../territories/territoire.ts'

const lire = lirePublies

export interface PageDePublies {
  rangees: RangeeStandard[]
  /** uid of the last place of the page, when more places follow. */
  suivant: number | null
}

/** Up to `limite` published places after the uid `apres`, in registry order. */
export async function publiesApres(db: Db, territoire: Territoire | undefined, apres: number, limite: number): Promise<PageDePublies> {
  const trouvees = await lire(db, and(sql`uid > ${apres}`, conditionTerritoire(territoire)), limite + 1)
  const page = trouvees.slice(0, limite)
  return {
    rangees: page.map((l) => l.rangee),
    suivant: trouvees.length > limite ? (page[page.length - 1]?.uid ?? null) : null,
  }
}

export async function compterPublies(db: Db, territoire: Territoire | undefined): Promise<number> {
  const [ligne] = await db.select({ n: count() }).from(lieux).where(and(eq(lieux.statut, 'publie'), conditionTerritoire(territoire)))
  return ligne?.n ?? 0
}

/** A published place by its public id (`lieux.id`). */
export async function publieParId(db: Db, id: string): Promise<RangeeStandard | undefined> {
  const [ligne] = await lire(db, eq(lieux.id, id), 1)
  return ligne?.rangee
}

/** Uids per query: well under PostgreSQL's 65,535 parameters. */
export const LOT_UIDS = 2000

/** The published places among `uids` (one query), by uid. */
export async function publiesParUids(db: Db, uids: readonly number[]): Promise<Map<number, RangeeStandard>> {
  if (uids.length === 0) return new Map()
  return new Map((await lire(db, inArray(lieux.uid, [...uids]))).map((l) => [l.uid, l.rangee]))
}

/**
 * The published places of `uids`, in the order of `uids`, by batches of one query each (a
 * place withdrawn since the search is left out): the path of the CSV export of a search.
 */
export async function* publiesDansLOrdre(db: Db, uids: readonly number[], taille = LOT_UIDS): AsyncGenerator<RangeeStandard[]> {
  for (let debut = 0; debut < uids.length; debut += taille) {
    const lot = uids.slice(debut, debut + taille)
    const trouvees = await publiesParUids(db, lot)
    yield lot.flatMap((uid) => trouvees.get(uid) ?? [])
  }
}
