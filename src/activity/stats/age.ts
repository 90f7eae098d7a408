/**
 * The age bracket of a followed beneficiary, La Coop's way (`domain/tranche-age.ts`,
 * `derivedTrancheAgeSql.ts`): age = this year − birth year; < 12, < 18, < 25, < 40, < 60, < 70,
 * then 70 and more; without a plausible birth year (1900 … this year), the bracket recorded.
 * Recomputed when statistics are read, so a person moves up the brackets over the years. The
 * same rule as TypeScript (tests) and as SQL (the statistics query).
 */
import { sql, type SQL } from 'drizzle-orm'
import { SEUILS_TRANCHE_AGE, trancheAgeDeNaissance } from '../domain/beneficiaire.ts'

/** La Coop's thresholds, from the domain (one definition). */
export const SEUILS_AGE = SEUILS_TRANCHE_AGE

export function trancheAgeDe(anneeNaissance: number | null, anneeCourante: number, enregistree: string): string {
  if (anneeNaissance === null || anneeNaissance < 1900 || anneeNaissance > anneeCourante) return enregistree
  return trancheAgeDeNaissance(anneeNaissance, anneeCourante)
}

/** The same rule in SQL, over `b.annee_naissance` and `b.tranche_age`. */
export function trancheAgeSql(anneeCourante: number): SQL {
  const age = sql`(${anneeCourante}::int - b.annee_naissance)`
  const cas = SEUILS_AGE.map(([seuil, tranche]) => sql`when ${age} < ${seuil}::int then ${tranche}::text`)
  return sql`case when b.annee_naissance between 1900 and ${anneeCourante}::int then (case ${sql.join(cas, sql` `)} else 'soixante_dix_plus' end) else b.tranche_age end`
}
