/**
 * The registry's counts as pages show them (number of published places, demo banner), read
 * with `statistiques` and kept for a short while so a busy server does not count on every
 * request: an import done while the server runs shows within `DUREE_ETAT_MS`.
 */
import type { Db } from '../../platform/db/database.ts'
import { statistiques } from '../registry/queries.ts'

export const DUREE_ETAT_MS = 2000

export type Statistiques = Awaited<ReturnType<typeof statistiques>>

export class EtatRegistre {
  private valeur: Statistiques | undefined
  private lueA = 0
  private enCours: Promise<Statistiques> | undefined

  constructor(
    private readonly db: Db,
    private readonly dureeMs = DUREE_ETAT_MS,
  ) {}

  /** Current counts (at most `dureeMs` old); concurrent callers share one query. */
  async lire(): Promise<Statistiques> {
    if (this.valeur && Date.now() - this.lueA < this.dureeMs) return this.valeur
    this.enCours ??= statistiques(this.db)
      .then((v) => {
        this.valeur = v
        this.lueA = Date.now()
        return v
      })
      .finally(() => {
        this.enCours = undefined
      })
    return this.enCours
  }

  /** The last counts read, without any query (error pages). */
  dernier(): Statistiques | undefined {
    return this.valeur
  }

  /** For the page shell: demo banner now (as last known if the database fails), or as last known. */
  get demo() {
    const dernier = () => (this.valeur?.demo ?? 0) > 0
    return {
      actuel: async () => {
        try {
          return (await this.lire()).demo > 0
        } catch {
          return dernier()
        }
      },
      dernier,
    }
  }
}
