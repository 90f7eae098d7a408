/**
 * The daily job (retention of personal data), run at most once per 24 h across every server
 * sharing the database: each server tries every hour (and once shortly after start), and a run
 * first CLAIMS the day in `taches` with one atomic statement — the row is inserted, or moved to
 * now only if the last run is more than 23 hours old. The claim, the work and the stored bilan
 * are one transaction: a failed run gives the claim back; two servers claiming at once wait
 * on the row and only one runs.
 */
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { taches } from '../../platform/db/schema.ts'
import type { ReglesConservation } from '../domain/conservation.ts'
import { appliquerConservation, ACTEUR_CONSERVATION, type BilanConservation } from './conservation.ts'
import type { Acteur } from '../../audit/journal.ts'

export const TACHE_CONSERVATION = 'conservation'
const HEURE_MS = 60 * 60 * 1000

export interface DerniereExecution {
  quand: Date
  bilan: BilanConservation | null
}

/**
 * Runs the retention rules if no run happened in the last 23 hours (`maintenant` is the clock);
 * returns the bilan, or undefined when another run already did the day's work.
 */
export async function executerSiDue(db: Db, maintenant: Date, regles: ReglesConservation): Promise<BilanConservation | undefined> {
  return db.transaction(async (tx) => {
    const quand = maintenant.toISOString()
    const reclamee = (await tx.execute(sql`
      insert into taches (nom, derniere_execution) values (${TACHE_CONSERVATION}, ${quand}::timestamptz)
      on conflict (nom) do update set derniere_execution = excluded.derniere_execution
      where taches.derniere_execution < ${quand}::timestamptz - interval '23 hours'
      returning nom`)) as unknown as { rows: unknown[] }
    if (reclamee.rows.length === 0) return undefined
    const bilan = await appliquerConservation(tx, maintenant, regles)
    await tx.update(taches).set({ bilan }).where(eq(taches.nom, TACHE_CONSERVATION))
    return bilan
  })
}

/** Runs the rules now whatever the last run (command line), and records it as the last run. */
export async function executerMaintenant(db: Db, maintenant: Date, regles: ReglesConservation, acteur: Acteur = ACTEUR_CONSERVATION): Promise<BilanConservation> {
  return db.transaction(async (tx) => {
    const bilan = await appliquerConservation(tx, maintenant, regles, acteur)
    await tx
      .insert(taches)
      .values({ nom: TACHE_CONSERVATION, derniereExecution: maintenant, bilan })
      .onConflictDoUpdate({ target: taches.nom, set: { derniereExecution: maintenant, bilan } })
    return bilan
  })
}

export async function derniereExecution(db: Db): Promise<DerniereExecution | undefined> {
  const [l] = await db.select().from(taches).where(eq(taches.nom, TACHE_CONSERVATION))
  return l ? { quand: l.derniereExecution, bilan: (l.bilan as BilanConservation | null) ?? null } : undefined
}

/** The server's timer: one try shortly after start, then every hour; stopped when the server closes. */
export class TacheQuotidienne {
  private minuteur: NodeJS.Timeout | undefined
  private premier: NodeJS.Timeout | undefined
  private enCours: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly db: Db,
    private readonly regles: ReglesConservation,
    private readonly horloge: () => Date = () => new Date(),
    /** Where a failure is reported (the server's log); never personal data, only the error. */
    private readonly signalerEchec: (erreur: unknown) => void = () => {},
  ) {}

  demarrer(delaiInitialMs = 60_000): void {
    this.premier = setTimeout(() => void this.essayer(), delaiInitialMs).unref()
    this.minuteur = setInterval(() => void this.essayer(), HEURE_MS).unref()
  }

  /** One try now (the timers call it; tests too). */
  essayer(): Promise<BilanConservation | undefined> {
    const essai = executerSiDue(this.db, this.horloge(), this.regles).catch((erreur: unknown) => {
      this.signalerEchec(erreur)
      return undefined
    })
    this.enCours = Promise.all([this.enCours, essai])
    return essai
  }

  /** Stops the timers and waits for a run in progress. */
  async arreter(): Promise<void> {
    clearTimeout(this.premier)
    clearInterval(this.minuteur)
    await this.enCours
  }
}
