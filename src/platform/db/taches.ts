/**
 * The daily jobs' shared machinery (retention of personal data, snapshot of the indicators…):
 * a job runs at most once per 24 h across every server sharing the database. Each server tries
 * every hour (and once shortly after start), and a run first CLAIMS the day in `taches` under
 * the job's name with one atomic statement — the row is inserted, or moved to now only if the
 * last run is more than 23 hours old. The claim, the work and the stored bilan are one
 * transaction: a failed run gives the claim back; two servers claiming at once wait on the row
 * and only one runs. A long job that must not hold a transaction for its whole run (the
 * indicators' snapshot, one transaction per territory) claims with `reclamerSiDue` (a short
 * transaction of its own, same atomic statement), works, then stores its bilan with
 * `enregistrerBilan`; `noterExecution` records a run made whatever the last one.
 * `TacheQuotidienne` is the server's timer around one job.
 */
import { eq, sql } from 'drizzle-orm'
import type { Db } from './database.ts'
import { taches } from './schema.ts'

const HEURE_MS = 60 * 60 * 1000

export interface DerniereExecution<B> {
  quand: Date
  bilan: B | null
}

/**
 * Runs `travail` (inside the claiming transaction) if the job `nom` did not run in the last
 * 23 hours (`maintenant` is the clock); returns its bilan, stored with the claim, or undefined
 * when another run already did the day's work.
 */
export async function executerSiDue<B>(db: Db, nom: string, maintenant: Date, travail: (tx: Db) => Promise<B>): Promise<B | undefined> {
  return db.transaction(async (tx) => {
    const quand = maintenant.toISOString()
    const reclamee = (await tx.execute(sql`
      insert into taches (nom, derniere_execution) values (${nom}, ${quand}::timestamptz)
      on conflict (nom) do update set derniere_execution = excluded.derniere_execution
      where taches.derniere_execution < ${quand}::timestamptz - interval '23 hours'
      returning nom`)) as unknown as { rows: unknown[] }
    if (reclamee.rows.length === 0) return undefined
    const bilan = await travail(tx)
    await tx.update(taches).set({ bilan }).where(eq(taches.nom, nom))
    return bilan
  })
}

/**
 * Claims the day of the job `nom` (one atomic statement, committed at once) if it did not run in
 * the last 23 hours; true when this caller must do the day's work. The claim is not given back:
 * the caller records what happened, failures included, with `enregistrerBilan`.
 */
export async function reclamerSiDue(db: Db, nom: string, maintenant: Date): Promise<boolean> {
  const quand = maintenant.toISOString()
  const reclamee = (await db.execute(sql`
    insert into taches (nom, derniere_execution, bilan) values (${nom}, ${quand}::timestamptz, null)
    on conflict (nom) do update set derniere_execution = excluded.derniere_execution, bilan = null
    where taches.derniere_execution < ${quand}::timestamptz - interval '23 hours'
    returning nom`)) as unknown as { rows: unknown[] }
  return reclamee.rows.length > 0
}

/** Stores the bilan of the job's current run (after `reclamerSiDue`). */
export async function enregistrerBilan(db: Db, nom: string, bilan: unknown): Promise<void> {
  await db.update(taches).set({ bilan }).where(eq(taches.nom, nom))
}

/** Records a run made now whatever the last one (command line), with its bilan. */
export async function noterExecution(db: Db, nom: string, maintenant: Date, bilan: unknown): Promise<void> {
  await db.insert(taches).values({ nom, derniereExecution: maintenant, bilan }).onConflictDoUpdate({ target: taches.nom, set: { derniereExecution: maintenant, bilan } })
}

/** Runs `travail` now whatever the last run (command line), and records it as the job's last run. */
export async function executerMaintenant<B>(db: Db, nom: string, maintenant: Date, travail: (tx: Db) => Promise<B>): Promise<B> {
  return db.transaction(async (tx) => {
    const bilan = await travail(tx)
    await tx
      .insert(taches)
      .values({ nom, derniereExecution: maintenant, bilan })
      .onConflictDoUpdate({ target: taches.nom, set: { derniereExecution: maintenant, bilan } })
    return bilan
  })
}

export async function derniereExecution<B>(db: Db, nom: string): Promise<DerniereExecution<B> | undefined> {
  const [l] = await db.select().from(taches).where(eq(taches.nom, nom))
  return l ? { quand: l.derniereExecution, bilan: (l.bilan as B | null) ?? null } : undefined
}

/** The server's timer around one job: one try shortly after start, then every hour; stopped when the server closes. */
export class TacheQuotidienne<B> {
  private minuteur: NodeJS.Timeout | undefined
  private premier: NodeJS.Timeout | undefined
  private enCours: Promise<unknown> = Promise.resolve()

  constructor(
    /** The job if due at that instant (usually `executerSiDue` around its work). */
    private readonly siDue: (maintenant: Date) => Promise<B | undefined>,
    private readonly horloge: () => Date = () => new Date(),
    /** Where a failure is reported (the server's log); never personal data, only the error. */
    private readonly signalerEchec: (erreur: unknown) => void = () => {},
  ) {}

  demarrer(delaiInitialMs = 60_000): void {
    this.premier = setTimeout(() => void this.essayer(), delaiInitialMs).unref()
    this.minuteur = setInterval(() => void this.essayer(), HEURE_MS).unref()
  }

  /** One try now (the timers call it; tests too). */
  essayer(): Promise<B | undefined> {
    const essai = Promise.resolve()
      .then(() => this.siDue(this.horloge()))
      .catch((erreur: unknown) => {
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
