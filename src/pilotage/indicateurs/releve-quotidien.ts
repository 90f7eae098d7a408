/**
 * The daily snapshot of the indicators (« relevé des indicateurs »), on the platform's daily-job
 * machinery (src/platform/db/taches.ts): claimed once per 24 h across servers in `taches` under
 * the name `releve_indicateurs`; in the claiming transaction, every territory that follows
 * computed indicators gets today's value of each (once a day per indicator, as « Relever
 * maintenant » does); the bilan — territories and measures written — is stored with the claim
 * and in one audit line.
 */
import { eq } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { indicateurs } from '../../platform/db/schema.ts'
import { derniereExecution as derniere, executerMaintenant, executerSiDue, TacheQuotidienne, type DerniereExecution } from '../../platform/db/taches.ts'
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
}

/** Snapshots today's values of the computed indicators of every territory (or of `seulement`), with one audit line. */
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
    bilan.mesures += await relever(db, territoire, cle, anneeEnCours(aujourdhui), aujourdhui)
  }
  await inscrire(db, acteur, { action: 'indicateur.releve_quotidien', objetType: 'indicateur', objetId: seulement ?? aujourdhui, changements: { ...bilan, date: aujourdhui } })
  return bilan
}

/** The daily job: runs if no run happened in the last 23 hours; undefined when another run did the day's work. */
export const releveSiDu = (db: Db, maintenant: Date): Promise<BilanReleve | undefined> => executerSiDue(db, TACHE_RELEVE, maintenant, (tx) => releverTout(tx, maintenant))

/** Snapshots now whatever the last run (command line); for every territory it records the job's run. */
export const releverMaintenant = (db: Db, maintenant: Date, territoire?: string, acteur?: Acteur): Promise<BilanReleve> =>
  territoire === undefined ? executerMaintenant(db, TACHE_RELEVE, maintenant, (tx) => releverTout(tx, maintenant, undefined, acteur)) : db.transaction((tx) => releverTout(tx, maintenant, territoire, acteur))

export const derniereReleve = (db: Db): Promise<DerniereExecution<BilanReleve> | undefined> => derniere<BilanReleve>(db, TACHE_RELEVE)

/** The server's timer of the snapshot job. */
export const tacheReleve = (db: Db, horloge?: () => Date, signalerEchec?: (erreur: unknown) => void): TacheQuotidienne<BilanReleve> =>
  new TacheQuotidienne((maintenant) => releveSiDu(db, maintenant), horloge, signalerEchec)
