/**
 * The daily snapshot of the indicators (« relevé des indicateurs »), on the platform's daily-job
 * machinery (src/platform/db/taches.ts): claimed once per 24 h across servers in `taches` under
 * the name `releve_indicateurs`, in a SHORT transaction of its own (`reclamerSiDue`: the claim is
 * committed before any work, so no lock is held during the run). Then every territory that
 * follows computed indicators gets today's value of each (once a day per indicator, as
 * « Relever maintenant » does) in its OWN transaction: a territory that fails is rolled back
 * alone and listed in the bilan's `echecs`, the others go on. The claim is never given back: a
 * failure after it is RECORDED in the bilan (`echecs`, or `erreur` when the run itself broke),
 * and the next day's run, or `aiguillage indicateurs relever`, takes the missing values. The
 * bilan — territories, measures written, failures — is stored with the claim and in one audit line.
 */
import { eq } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { indicateurs } from '../../platform/db/schema.ts'
import { derniereExecution as derniere, enregistrerBilan, noterExecution, reclamerSiDue, TacheQuotidienne, type DerniereExecution } from '../../platform/db/taches.ts'
import { inscrire, type Acteur } from '../../audit/journal.ts'
import { aujourdhuiParis } from '../../places/validation/date-maj.ts'
import { territoireDeCle } from '../acces.ts'
import { anneeEnCours, relever } from './service.ts'

export const TACHE_RELEVE = 'releve_indicateurs'
export const ACTEUR_RELEVE: Acteur = { id: null, libelle: 'relevé des indicateurs (tâche quotidienne)', adresseIp: null }

export interface BilanReleve {
  /** Territories that follow computed indicators (or only the one asked). */
  territoires: number
  /** Measures written (an indicator already snapshotted today, or not computable, writes none). */
  mesures: number
  /** Territories whose snapshot failed (rolled back), with the error; absent when none failed. */
  echecs?: Array<{ territoire: string; erreur: string }>
  /** Why the run itself broke after the claim (absent when it went through). */
  erreur?: string
}

/** The database's own message (drizzle wraps it in « Failed query: … params: … »: the values are not kept). */
function message(erreur: unknown): string {
  let e = erreur
  while (e instanceof Error && e.cause instanceof Error) e = e.cause
  return (e instanceof Error ? e.message : String(e)).slice(0, 300)
}

/**
 * Snapshots today's values of the computed indicators of every territory (or of `seulement`),
 * each territory in its own transaction, with one audit line. A failing territory is listed in
 * `echecs` and the others go on; with `seulement`, its failure is thrown.
 */
export async function releverTout(db: Db, maintenant: Date, seulement?: string, acteur: Acteur = ACTEUR_RELEVE): Promise<BilanReleve> {
  const aujourdhui = aujourdhuiParis(maintenant)
  const cles = seulement !== undefined
    ? [seulement]
    : (await db.selectDistinct({ territoire: indicateurs.territoire }).from(indicateurs).where(eq(indicateurs.nature, 'calcule'))).map((l) => l.territoire).sort()
  const bilan: BilanReleve = { territoires: 0, mesures: 0 }
  for (const cle of cles) {
    const territoire = territoireDeCle(cle)
    if (!territoire) continue
    bilan.territoires++
    try {
      bilan.mesures += await db.transaction((tx) => relever(tx, territoire, cle, anneeEnCours(aujourdhui), aujourdhui))
    } catch (erreur) {
      if (seulement !== undefined) throw erreur
      ;(bilan.echecs ??= []).push({ territoire: cle, erreur: message(erreur) })
    }
  }
  await inscrire(db, acteur, { action: 'indicateur.releve_quotidien', objetType: 'indicateur', objetId: seulement ?? aujourdhui, changements: { ...bilan, date: aujourdhui } })
  return bilan
}

/**
 * The daily job: runs if no run happened in the last 23 hours; undefined when another run did the
 * day's work. A run that breaks after the claim stores `erreur` in its bilan, then throws (the
 * server's log says it).
 */
export async function releveSiDu(db: Db, maintenant: Date): Promise<BilanReleve | undefined> {
  if (!(await reclamerSiDue(db, TACHE_RELEVE, maintenant))) return undefined
  try {
    const bilan = await releverTout(db, maintenant)
    await enregistrerBilan(db, TACHE_RELEVE, bilan)
    return bilan
  } catch (erreur) {
    await enregistrerBilan(db, TACHE_RELEVE, { territoires: 0, mesures: 0, erreur: message(erreur) } satisfies BilanReleve)
    throw erreur
  }
}

/** Snapshots now whatever the last run (command line); for every territory it records the job's run. */
export async function releverMaintenant(db: Db, maintenant: Date, territoire?: string, acteur?: Acteur): Promise<BilanReleve> {
  const bilan = await releverTout(db, maintenant, territoire, acteur)
  if (territoire === undefined) await noterExecution(db, TACHE_RELEVE, maintenant, bilan)
  return bilan
}

export const derniereReleve = (db: Db): Promise<DerniereExecution<BilanReleve> | undefined> => derniere<BilanReleve>(db, TACHE_RELEVE)

/** The server's timer of the snapshot job. */
export const tacheReleve = (db: Db, horloge?: () => Date, signalerEchec?: (erreur: unknown) => void): TacheQuotidienne<BilanReleve> =>
  new TacheQuotidienne((maintenant) => releveSiDu(db, maintenant), horloge, signalerEchec)
