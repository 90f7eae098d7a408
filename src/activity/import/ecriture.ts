/**
 * Writes imported activities in batches: one transaction per batch (`enregistrerEnMasse` of the
 * store) inserts the activity rows (`source = 'coop'`, `id_source` = La Coop's « ID CRA »; an id
 * already there is skipped by the unique index, so two imports of one file at once still add
 * each activity once), the rollups of the rows really inserted and one audit line.
 */
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { activites, lieux, lieuxStructures } from '../../platform/db/schema.ts'
import type { Acteur } from '../../audit/journal.ts'
import type { Activite } from '../domain/validation.ts'
import { enregistrerEnMasse } from '../store/masse.ts'
import { structureDuLieu } from '../store/structures.ts'

export const SOURCE_COOP = 'coop'

export interface LieuDeStructure {
  uid: number
  nom: string
  codeInsee: string | null
  departement: string | null
}

/** The chosen place's structure and all its places (where the rows' places are looked for). */
export async function lieuxDeLaStructure(db: Db, lieuUid: number): Promise<{ structureId: number; lieux: LieuDeStructure[] }> {
  const structureId = await structureDuLieu(db, lieuUid)
  const liste = await db
    .select({ uid: lieux.uid, nom: lieux.nom, codeInsee: lieux.communeResolue, departement: lieux.codeDepartement })
    .from(lieuxStructures)
    .innerJoin(lieux, eq(lieux.uid, lieuxStructures.lieuUid))
    .where(eq(lieuxStructures.structureId, structureId))
  return { structureId, lieux: liste }
}

/** The « ID CRA » among `ids` already imported (deleted activities included: they stay deleted). */
export async function dejaImportees(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const trouves = new Set<string>()
  for (let i = 0; i < ids.length; i += 5000) {
    const lignes = await db
      .select({ id: activites.idSource })
      .from(activites)
      .where(and(eq(activites.source, SOURCE_COOP), inArray(activites.idSource, ids.slice(i, i + 5000))))
    for (const l of lignes) if (l.id !== null) trouves.add(l.id)
  }
  return trouves
}

export interface AEcrire {
  idCra: string
  activite: Activite
  lieuUid: number
}

/**
 * Inserts one batch in one transaction through the store's bulk path (same columns, rollups and
 * audit line as any activity; an « ID CRA » already there is skipped); returns the « ID CRA »
 * really inserted.
 */
export async function ecrireLot(
  db: Db,
  acteur: Acteur,
  lot: readonly AEcrire[],
  contexte: { mediateurId: number | null; lieux: ReadonlyMap<number, LieuDeStructure> },
): Promise<string[]> {
  for (const a of lot) if (!contexte.lieux.has(a.lieuUid)) throw new Error(`Le lieu n° ${a.lieuUid} n’est pas un lieu de la structure.`)
  const saisies = lot.map((a) => ({ activite: a.activite, mediateurId: contexte.mediateurId, lieuUid: a.lieuUid, source: SOURCE_COOP, idSource: a.idCra }))
  const inserees = await enregistrerEnMasse(db, acteur, saisies, 'activites.importees')
  return inserees.flatMap((l) => (l.idSource === null ? [] : [l.idSource]))
}
