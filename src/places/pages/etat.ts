/**
 * The registry's counts as pages show them (number of published places, demo banner), read
 * with `statistiques` and kept until the places change (`invalider`, called by the server when
 * a change notification arrives) or for `DUREE_ETAT_MS` at most, so a busy server does not
 * count on every request: counting 100,000 rows on PGlite takes about 80 ms.
 */
import type { Db } from '../../platform/db/database.ts'
import { statistiques } from '../registry/queries.ts'

export const DUREE_ETAT_MS = 60_000

export type Statistiques = Awaited<ReturnType<typeof statistiques>>

export class EtatRegistre {
  private valeur: Statistiques | undefined
  private lueA = 0
  private enCours: Promise<Statistiques> | undefined
  /** Bumped by `invalider`: a count started before a change is not kept as current. */
  private generation = 0

  constructor(
    private readonly db: Db,
    private readonly dureeMs = DUREE_ETAT_MS,
  ) {}

  /** Current counts (at most `dureeMs` old); concurrent callers share one query. */
  async lire(): Promise<Statistiques> {
    if (this.valeur && Date.now() - this.lueA < this.dureeMs) return this.valeur
    const generation = this.generation
    this.enCours ??= statistiques(this.db)
      .then((v) => {
        this.valeur = v
        this.lueA = generation === this.generation ? Date.now() : 0
        return v
      })
      .finally(() => {
        this.enCours = undefined
      })
    return this.enCours
  }

  /** The places changed: the next read counts again. */
  invalider(): void {
    this.generation++
    this.lueA = 0
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
