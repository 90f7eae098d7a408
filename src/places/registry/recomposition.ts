/**
 * Recomposes places from their source records: after an import touched a merged place, after a
 * merge, after a merge is undone. A place with no record still listed by its source is
 * withdrawn; otherwise its fields are chosen by the survivorship rules (`places/merge/survie.ts`)
 * and each field remembers its sources. Written in one statement per batch of places.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { fusionner, type EnregistrementSource } from '../merge/survie.ts'
import type { Lieu } from '../standard/fields.ts'
import { COLONNES_SANS_ID, identifiant, situation } from './rows.ts'

interface LigneEnregistrement {
  lieu_uid: number
  id_lieu: string
  demo: boolean
  lieu: Lieu | null
  recu_le: string
  retire: boolean
  source: string
  fiable: boolean
}

const TAILLE_LOT = 2000

/** The source of the records typed in the workspace (see `saisieDirecte` in merge/survie.ts). */
export const SOURCE_ESPACE = 'espace'

export interface BilanRecomposition {
  recomposes: number
  retires: number
}

/** Recomposes the given places (of any status but `fusionne`). */
export async function recomposer(db: Db, uids: readonly number[]): Promise<BilanRecomposition> {
  const bilan: BilanRecomposition = { recomposes: 0, retires: 0 }
  const uniques = [...new Set(uids)]
  for (let i = 0; i < uniques.length; i += TAILLE_LOT) {
    const lot = uniques.slice(i, i + TAILLE_LOT)
    const { rows } = (await db.execute(sql`
      select r.lieu_uid, l.id as id_lieu, l.demo, r.lieu, r.received_at::text as recu_le, r.retire, s.name as source, s.fiable
      from source_records r join sources s on s.id = r.source_id join lieux l on l.uid = r.lieu_uid
      where r.lieu_uid in (select unnest(${`{${lot.join(',')}}`}::bigint[])) and l.statut <> 'fusionne'`)) as unknown as { rows: LigneEnregistrement[] }
    const parLieu = new Map<number, LigneEnregistrement[]>()
    for (const r of rows) {
      const liste = parLieu.get(Number(r.lieu_uid))
      if (liste) liste.push(r)
      else parLieu.set(Number(r.lieu_uid), [r])
    }
    const aRetirer: number[] = []
    const lignes: Array<Record<string, unknown>> = []
    const ref = referentiel()
    for (const [uid, enregistrements] of parLieu) {
      const actifs: EnregistrementSource[] = enregistrements
        .filter((e) => !e.retire && e.lieu !== null)
        .map((e) => ({ source: e.source, fiable: e.fiable, recuLe: e.recu_le, lieu: e.lieu as Lieu, saisieDirecte: e.source === SOURCE_ESPACE }))
      const premier = enregistrements[0] as LigneEnregistrement
      if (actifs.length === 0) {
        // withdrawn only when no record is listed any more; a record from before provenance
        // was kept (no `lieu`) leaves its place as it is
        if (enregistrements.every((e) => e.retire)) aRetirer.push(uid)
        continue
      }
      const { lieu, provenance } = fusionner(premier.id_lieu, actifs)
      const commune = lieu.code_insee ? (ref.communeActuelle(lieu.code_insee) ?? null) : null
      const { id: _id, ...champs } = lieu
      lignes.push({ uid, ...champs, ...situation(lieu, commune, premier.demo), provenance: actifs.length > 1 ? provenance : null })
    }
    if (aRetirer.length > 0) {
      const retires = await db.execute(sql`
        update lieux set statut = 'retire', updated_at = now()
        where uid in (select unnest(${`{${aRetirer.join(',')}}`}::bigint[])) and statut = 'publie' returning uid`)
      bilan.retires += (retires as unknown as { rows: unknown[] }).rows.length
    }
    if (lignes.length > 0) {
      const definition = sql.raw(['uid int8', 'provenance jsonb', ...COLONNES_SANS_ID.map((c) => `"${c.nom}" ${c.type}`)].join(', '))
      await db.execute(sql`
        update lieux set ${sql.join(
          COLONNES_SANS_ID.map((c) => sql`${identifiant(c.nom)} = u.${identifiant(c.nom)}`),
          sql`, `,
        )}, provenance = u.provenance, statut = 'publie', updated_at = now()
        from json_to_recordset(${JSON.stringify(lignes)}::json) as u(${definition})
        where lieux.uid = u.uid`)
      bilan.recomposes += lignes.length
    }
  }
  return bilan
}

/** Places touched by an import that are made of several records: they must be recomposed. */
export async function lieuxMultiplesDeLImport(db: Db, importId: number): Promise<number[]> {
  const { rows } = (await db.execute(sql`
    select distinct r.lieu_uid from source_records r
    where r.last_import_id = ${importId} and r.lieu_uid is not null
      and exists (select 1 from source_records o where o.lieu_uid = r.lieu_uid and not (o.source_id = r.source_id and o.record_id = r.record_id))`)) as unknown as {
    rows: Array<{ lieu_uid: number }>
  }
  return rows.map((r) => Number(r.lieu_uid))
}
