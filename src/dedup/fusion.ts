/**
 * Merging places and undoing a merge, in the registry. A merge moves the source records of the
 * absorbed places onto the surviving one, which is recomposed from all of them; the absorbed
 * places stay as `fusionne` rows pointing to it (their addresses redirect). Undoing a merge
 * gives the absorbed place back its own records (and those of the places merged into it
 * before), and records the decision « lieux différents » so that no later run merges them again.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../platform/db/database.ts'
import { notifierChangement } from '../places/registry/changements.ts'
import { recomposer } from '../places/registry/recomposition.ts'
import { enregistrerDecision } from './decisions.ts'
import type { Raison } from './regles.ts'

export type ModeFusion = 'automatique' | 'decision'

export interface Absorption {
  uid: number
  score: number
  raisons: readonly Raison[]
}

const tableau = (uids: readonly number[]) => sql`${`{${uids.join(',')}}`}::bigint[]`

export interface Groupe {
  /** The surviving place. */
  cible: number
  absorbes: readonly Absorption[]
  mode: ModeFusion
}

/** Merges each group's absorbed places into its target (all published, all different), in bulk. */
export async function fusionnerEnMasse(db: Db, groupes: readonly Groupe[]): Promise<void> {
  const lignes = groupes.flatMap((g) => g.absorbes.map((a) => ({ cible: g.cible, uid: a.uid, mode: g.mode, score: a.score, raisons: a.raisons })))
  if (lignes.length === 0) return
  for (let i = 0; i < lignes.length; i += 5000) {
    const lot = lignes.slice(i, i + 5000)
    // the moves travel light; the reasons only go to the statement that keeps them
    const deplacements = sql`json_to_recordset(${JSON.stringify(lot.map((l) => ({ cible: l.cible, uid: l.uid })))}::json) as u(cible int8, uid int8)`
    await db.execute(sql`update source_records r set lieu_uid = u.cible from ${deplacements} where r.lieu_uid = u.uid`)
    await db.execute(sql`update lieux l set statut = 'fusionne', fusionne_dans = u.cible, updated_at = now() from ${deplacements} where l.uid = u.uid`)
    await db.execute(sql`
      insert into fusions (lieu_uid, absorbe_uid, mode, score, raisons)
      select u.cible, u.uid, u.mode, u.score, u.raisons from json_to_recordset(${JSON.stringify(lot)}::json) as u(cible int8, uid int8, mode text, score real, raisons jsonb)`)
  }
  const cibles = groupes.map((g) => g.cible)
  await recomposer(db, cibles)
  await notifierChangement(db, { lieux: [...cibles, ...lignes.map((l) => l.uid)] })
}

/** Merges each absorbed place into `cible`. */
export const fusionnerLieux = (db: Db, cible: number, absorbes: readonly Absorption[], mode: ModeFusion): Promise<void> =>
  fusionnerEnMasse(db, [{ cible, absorbes, mode }])

export class FusionIntrouvableError extends Error {}

/** Undoes a merge; `par` says who (kept with the decision « lieux différents »). */
export async function annulerFusion(db: Db, fusionId: number, par: string): Promise<{ cible: number; absorbe: number }> {
  const { rows } = (await db.execute(sql`
    select lieu_uid, absorbe_uid from fusions where id = ${fusionId} and annulee_le is null for update`)) as unknown as { rows: Array<{ lieu_uid: number; absorbe_uid: number }> }
  const fusion = rows[0]
  if (!fusion) throw new FusionIntrouvableError(`La fusion n° ${fusionId} n'existe pas ou a déjà été annulée.`)
  const cible = Number(fusion.lieu_uid)
  const absorbe = Number(fusion.absorbe_uid)
  // the absorbed place and every place merged into it before, by a merge still in force
  const { rows: groupe } = (await db.execute(sql`
    with recursive groupe(uid) as (
      select ${absorbe}::bigint
      union
      select f.absorbe_uid from fusions f join groupe g on f.lieu_uid = g.uid
      where f.annulee_le is null and f.id <> ${fusionId}
    )
    select uid from groupe`)) as unknown as { rows: Array<{ uid: number }> }
  const uids = groupe.map((g) => Number(g.uid))
  const cles = await clesDe(db, [cible, absorbe], uids)
  await db.execute(sql`update source_records set lieu_uid = ${absorbe} where lieu_origine = any(${tableau(uids)}) and lieu_uid = ${cible}`)
  await db.execute(sql`update lieux set statut = 'publie', fusionne_dans = null, updated_at = now() where uid = ${absorbe}`)
  await db.execute(sql`update fusions set annulee_le = now() where id = ${fusionId}`)
  await recomposer(db, [cible, absorbe])
  if (cles) await enregistrerDecision(db, cles[0], cles[1], 'differents', par)
  await notifierChangement(db, { lieux: [cible, absorbe] })
  return { cible, absorbe }
}

/** A record key (`source:id`) of the target's own records and one of the absorbed group's. */
async function clesDe(db: Db, [cible]: [number, number], groupe: readonly number[]): Promise<[string, string] | undefined> {
  const { rows } = (await db.execute(sql`
    select s.name || ':' || r.record_id as cle, r.lieu_origine = any(${tableau(groupe)}) as absorbe
    from source_records r join sources s on s.id = r.source_id
    where r.lieu_uid = ${cible} order by cle`)) as unknown as { rows: Array<{ cle: string; absorbe: boolean }> }
  const a = rows.find((r) => !r.absorbe)?.cle
  const b = rows.find((r) => r.absorbe)?.cle
  return a && b ? [a, b] : undefined
}
