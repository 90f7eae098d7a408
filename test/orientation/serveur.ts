/**
 * A real server for the orientation tests (HTTP and browser): PGlite in memory, demo places of
 * Savoie imported through the real importer, the official centre of Chambéry stored (other
 * communes are placed approximately, from their places), the orientation service started with
 * the positions of communes, Fastify listening on a free loopback port. Optional map tiles.
 */
import type { FastifyInstance } from 'fastify'
import { chargerPositions } from '../../src/geo/chargement.ts'
import { enregistrerPositions } from '../../src/geo/stockage.ts'
import { Orientation } from '../../src/orientation/service.ts'
import { ouvrirBase, type Base } from '../../src/platform/db/database.ts'
import { importerLieux, lieuxDemo, servir, type LigneDemo } from '../http/serveur-de-test.ts'

/** Official centre of Chambéry (geo API), stored as `aiguillage geo sync` would. */
export const CHAMBERY = { code: '73065', latitude: 45.5646, longitude: 5.9178 }

export interface ServeurOrientation {
  url: string
  base: Base
  app: FastifyInstance
  orientation: Orientation
  lieux: LigneDemo[]
  /** Log lines written by the server (with `journal: true`). */
  journal: string[]
  fermer(): Promise<void>
}

export interface OptionsServeurOrientation {
  nombre?: number
  journal?: boolean
  /** `AIGUILLAGE_TUILES_URL`. */
  tuiles?: string
}

export async function demarrerOrientation({ nombre = 150, journal = false, tuiles }: OptionsServeurOrientation = {}): Promise<ServeurOrientation> {
  const base = await ouvrirBase({})
  const lieux = lieuxDemo(nombre)
  await importerLieux(base, lieux)
  await enregistrerPositions(base.db, [CHAMBERY], 'essai')
  const env: Record<string, string> = {}
  if (tuiles) Object.assign(env, { AIGUILLAGE_TUILES_URL: tuiles, AIGUILLAGE_TUILES_ATTRIBUTION: '© Tuiles d’essai' })
  const serveur = await servir(base, { env, journal, chargerPositions: () => chargerPositions(base.db) })
  return { ...serveur, lieux }
}
