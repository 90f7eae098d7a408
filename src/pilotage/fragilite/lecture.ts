/**
 * Reads the imported IFN (`ifn` table): of given communes and EPCI, or all of it.
 */
import { and, eq, inArray, or } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { ifn } from '../../platform/db/schema.ts'
import type { Ifn } from '../diagnostic/domaine/types.ts'

export interface IfnLus {
  communes: Map<string, Ifn>
  epci: Map<string, Ifn>
}

export async function lireIfn(db: Db, codes?: { communes: readonly string[]; epci: readonly string[] }): Promise<IfnLus> {
  const conditions = codes
    ? or(
        codes.communes.length > 0 ? and(eq(ifn.division, 'commune'), inArray(ifn.code, [...codes.communes])) : undefined,
        codes.epci.length > 0 ? and(eq(ifn.division, 'epci'), inArray(ifn.code, [...codes.epci])) : undefined,
      )
    : undefined
  const resultat: IfnLus = { communes: new Map(), epci: new Map() }
  if (codes && !conditions) return resultat
  const lignes = await db.select().from(ifn).where(conditions)
  for (const l of lignes) {
    const valeur: Ifn = { source: l.division === 'epci' ? 'epci' : 'commune', total: l.total, sansThd: l.sansThd, sans4g: l.sans4g, pauvrete: l.pauvrete, plus65: l.plus65, nonDiplomes: l.nonDiplomes }
    ;(l.division === 'epci' ? resultat.epci : resultat.communes).set(l.code, valeur)
  }
  return resultat
}
