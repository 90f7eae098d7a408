/**
 * `stats_suivis`: the followed beneficiaries of each month, département and type of activity,
 * with their socio-demographic data — what a département's or a région's dashboard counts
 * (distinct people) without joining activities, participants and files. Rebuilt per person, from
 * their participations in activities not deleted, by every write that changes them or the
 * person's data (`recalculerSuivis`, in the writer's transaction); `reconstruireSuivis` rebuilds
 * the whole table (bulk loads, repair). One SELECT serves both (and migration 0010 fills the table
 * with the same statement).
 */
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'

/** The rows of `stats_suivis` computed from the participations (restricted by `condition` on `ab`). */
const lignes = (condition: SQL): SQL => sql`
  select ab.beneficiaire_id, coalesce(a.departement, ''), date_trunc('month', a.date)::date, a.type, bool_or(ab.premier),
    b.genre, b.annee_naissance, b.tranche_age, b.statut_social, b.commune_residence
  from activites_beneficiaires ab
  join activites a on a.id = ab.activite_id and a.supprime_le is null
  join beneficiaires b on b.id = ab.beneficiaire_id
  where ${condition}
  group by ab.beneficiaire_id, 2, 3, a.type, b.genre, b.annee_naissance, b.tranche_age, b.statut_social, b.commune_residence`

const COLONNES = sql.raw('(beneficiaire_id, departement, mois, type, premier, genre, annee_naissance, tranche_age, statut_social, commune_residence)')

/** Rebuilds the rows of these beneficiaries (after their participations or data changed). */
export async function recalculerSuivis(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  const liste = sql.join([...new Set(ids)].map((id) => sql`${id}::uuid`), sql`, `)
  await db.execute(sql`delete from stats_suivis where beneficiaire_id in (${liste})`)
  await db.execute(sql`insert into stats_suivis ${COLONNES} ${lignes(sql`ab.beneficiaire_id in (${liste})`)}`)
}

/** Rebuilds the whole table (after a bulk load). */
export async function reconstruireSuivis(db: Db): Promise<void> {
  await db.execute(sql`delete from stats_suivis`)
  await db.execute(sql`insert into stats_suivis ${COLONNES} ${lignes(sql`true`)}`)
}
