/**
 * The pairs de-duplication found and what people decided about them (`paires`), keyed by
 * source records (`source:id`, in order) so that a decision outlives re-imports and merges:
 * the review queue (`a_examiner`), and the decisions « même lieu » / « lieux différents »
 * that bind every later run. No exclusion list lives in code.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../platform/db/database.ts'

export type StatutPaire = 'a_examiner' | 'fusion_auto' | 'meme_lieu' | 'differents'

export const ordonner = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a])

/** Records a person's decision on two records (replacing any earlier state of the pair). */
export async function enregistrerDecision(db: Db, cleA: string, cleB: string, statut: 'meme_lieu' | 'differents', par: string): Promise<void> {
  const [a, b] = ordonner(cleA, cleB)
  await db.execute(sql`
    insert into paires (cle_a, cle_b, score, raisons, statut, decide_par, decide_le)
    values (${a}, ${b}, 0, '[]'::jsonb, ${statut}, ${par}, now())
    on conflict (cle_a, cle_b) do update set statut = excluded.statut, decide_par = excluded.decide_par, decide_le = excluded.decide_le`)
}

export interface Decision {
  cleA: string
  cleB: string
  statut: 'meme_lieu' | 'differents'
}

export async function decisions(db: Db): Promise<Decision[]> {
  const { rows } = (await db.execute(sql`select cle_a, cle_b, statut from paires where statut in ('meme_lieu', 'differents')`)) as unknown as {
    rows: Array<{ cle_a: string; cle_b: string; statut: 'meme_lieu' | 'differents' }>
  }
  return rows.map((r) => ({ cleA: r.cle_a, cleB: r.cle_b, statut: r.statut }))
}

export interface PaireAExaminer {
  cleA: string
  cleB: string
  score: number
  raisons: unknown
}

/**
 * Puts the pairs of this run in the review queue (or refreshes them); pairs of an earlier run
 * no longer found are taken out of the queue. Decided pairs are left as they are.
 */
export async function mettreEnFile(db: Db, paires: readonly PaireAExaminer[], debut: Date): Promise<void> {
  for (let i = 0; i < paires.length; i += 2000) {
    const lot = paires.slice(i, i + 2000).map((p) => {
      const [a, b] = ordonner(p.cleA, p.cleB)
      return { cle_a: a, cle_b: b, score: p.score, raisons: p.raisons }
    })
    await db.execute(sql`
      insert into paires (cle_a, cle_b, score, raisons, statut, vue_le)
      select u.cle_a, u.cle_b, u.score, u.raisons, 'a_examiner', ${debut.toISOString()}::timestamptz
      from json_to_recordset(${JSON.stringify(lot)}::json) as u(cle_a text, cle_b text, score real, raisons jsonb)
      on conflict (cle_a, cle_b) do update set score = excluded.score, raisons = excluded.raisons, vue_le = excluded.vue_le
        where paires.statut = 'a_examiner'`)
  }
  await db.execute(sql`delete from paires where statut = 'a_examiner' and vue_le < ${debut.toISOString()}::timestamptz`)
}
