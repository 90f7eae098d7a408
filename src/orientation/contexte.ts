/** What the orientation routes (pages and API) need from the running server. */
import type { Config } from '../platform/config.ts'
import type { Base } from '../platform/db/database.ts'
import type { EtatRegistre } from '../places/pages/etat.ts'
import type { Orientation } from './service.ts'

export interface ContexteOrientation {
  base: Base
  config: Config
  orientation: Orientation
  /** The registry's counts shared by every page (one cache per server). */
  etat?: EtatRegistre
}
