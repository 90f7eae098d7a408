/**
 * Writes a batch of accepted rows in ONE statement: the batch travels as one JSON parameter,
 * `json_to_recordset` turns it back into typed rows (lists become text[]), and data-modifying
 * CTEs find the places the source already has, upsert them, then upsert the rows as received.
 * One round trip per batch lets the database write while the next batch is being validated.
 * Measured on 30,000 places: a multi-row INSERT with 40 parameters per row cost more to build
 * than the database work itself, and 40 array parameters cost more to serialise than one JSON.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { CHAMPS, type Lieu } from '../standard/fields.ts'
import { COLONNES_SANS_ID, identifiant, type Situation } from './rows.ts'

export interface RangeeAEcrire {
  lieu: Lieu
  situation: Situation
  brut: unknown
  ligne: number
}

/** The record's place as validated (its producer’s id, the standard’s fields), as `json`: kept as text, cheaper to write than `jsonb` (import of 200,000 places: see BENCHMARKS.md). */
const LIEU_JSON = sql.raw(
  `json_build_object('id', c.record_id, ${CHAMPS.filter((c) => c !== 'id')
    .map((c) => `'${c}', c."${c}"`)
    .join(', ')})`,
)

/** Prefix of the public id of a place whose producer id is already used by another place. */
export function prefixeSource(source: string): string {
  return `${source.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-')}_`
}

/**
 * Upserts a batch by (source, producer id): existing places are updated in place, new ones get
 * the producer's id as public id, or `<source>_<id>` when another place already has it. Each
 * record keeps the place as validated (`lieu`), for survivorship; a place merged from several
 * records is not written here but recomposed after the import (`recomposition.ts`).
 * Returns how many places were created.
 */
export async function ecrireLot(db: Db, source: { id: number; name: string }, importId: number, lot: readonly RangeeAEcrire[]): Promise<number> {
  const lignes = lot.map((r, rang) => {
    const { id: _id, ...champs } = r.lieu
    return { record_id: r.lieu.id, ligne: r.ligne, rang, brut: r.brut, ...champs, ...r.situation }
  })
  const definition = sql.raw(
    ['record_id text', 'ligne int4', 'rang int4', 'brut json', ...COLONNES_SANS_ID.map((c) => `"${c.nom}" ${c.type}`)].join(', '),
  )
  const valeurs = COLONNES_SANS_ID.map(({ nom }) => sql`c.${identifiant(nom)}`)
  const misAJour = [...COLONNES_SANS_ID.map((c) => c.nom), 'statut', 'updated_at'].map((n) => sql`${identifiant(n)} = excluded.${identifiant(n)}`)
  const resultat = await db.execute(sql`
    with u as (
      select * from json_to_recordset(${JSON.stringify(lignes)}::json) as u(${definition})
    ),
    connus as (
      -- multi: the place is made of several records (merged); its fields are recomposed afterwards
      select r.record_id, l.uid, l.id,
        exists (select 1 from source_records o where o.lieu_uid = l.uid and not (o.source_id = r.source_id and o.record_id = r.record_id)) as multi
      from source_records r join lieux l on l.uid = r.lieu_uid
      where r.source_id = ${source.id} and r.record_id in (select record_id from u)
    ),
    cibles as (
      select u.*, k.uid as uid_connu, coalesce(k.multi, false) as multi,
        coalesce(k.id, case when x.uid is not null then ${prefixeSource(source.name)} || u.record_id else u.record_id end) as id_public
      from u
      left join connus k using (record_id)
      left join lieux x on x.id = u.record_id -- the producer's id is already another place's
    ),
    ecrits as (
      insert into lieux (uid, id, ${sql.join(COLONNES_SANS_ID.map((c) => identifiant(c.nom)), sql`, `)}, statut, provenance, updated_at)
      select coalesce(c.uid_connu, nextval(pg_get_serial_sequence('lieux', 'uid'))), c.id_public, ${sql.join(valeurs, sql`, `)}, 'publie', null, now()
      from cibles c
      where not c.multi
      order by c.rang -- new places are numbered in the file's order
      on conflict (uid) do update set ${sql.join(misAJour, sql`, `)}
      returning uid, id
    ),
    enregistres as (
      insert into source_records (source_id, record_id, lieu_uid, lieu_origine, raw, lieu, retire, line, first_import_id, last_import_id, received_at)
      select ${source.id}, c.record_id, coalesce(e.uid, c.uid_connu), coalesce(e.uid, c.uid_connu), c.brut::json,
        ${LIEU_JSON},
        false, c.ligne, ${importId}, ${importId}, now()
      from cibles c left join ecrits e on e.id = c.id_public
      on conflict (source_id, record_id) do update set
        raw = excluded.raw, lieu = excluded.lieu, retire = false, line = excluded.line, lieu_uid = excluded.lieu_uid,
        last_import_id = excluded.last_import_id, received_at = excluded.received_at
      returning 1
    )
    select (select count(*) from cibles where uid_connu is null)::int as nouveaux, (select count(*) from enregistres)::int as ecrits`)
  const [bilan] = (resultat as unknown as { rows: Array<{ nouveaux: number; ecrits: number }> }).rows
  if (!bilan || bilan.ecrits !== lot.length) {
    throw new Error(`Écriture incomplète d'un lot : ${bilan?.ecrits ?? 0} enregistrement(s) sur ${lot.length}.`)
  }
  return bilan.nouveaux
}
