/**
 * The territorial diagnosis as the indicators read it (`diagnostiquer` of
 * `src/pilotage/diagnostic/`): its rows, one per commune, or the reason it could not be computed.
 */
import type { Db } from '../../platform/db/database.ts'
import type { Territoire } from '../../territories/territoire.ts'
import { diagnostiquer, type LigneDiagnostic } from '../diagnostic/index.ts'

export async function diagnosticPourIndicateurs(db: Db, territoire: Territoire, aujourdhui: string): Promise<readonly LigneDiagnostic[] | { indisponible: string }> {
  const lignes = await diagnostiquer(db, territoire, { aujourdhui })
  if (lignes.length === 0) return { indisponible: 'Le territoire n’a aucune commune connue du référentiel.' }
  return lignes
}
