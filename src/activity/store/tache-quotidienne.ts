/**
 * The daily retention job of personal data, on the platform's daily-job machinery
 * (src/platform/db/taches.ts): claimed once per 24 h across servers in `taches` under the name
 * `conservation`, the rules applied in the claiming transaction, the bilan stored with the claim.
 */
import type { Db } from '../../platform/db/database.ts'
import { derniereExecution as derniere, executerMaintenant as maintenantSansCondition, executerSiDue, TacheQuotidienne, type DerniereExecution as Derniere } from '../../platform/db/taches.ts'
import type { ReglesConservation } from '../domain/conservation.ts'
import { appliquerConservation, ACTEUR_CONSERVATION, type BilanConservation } from './conservation.ts'
import type { Acteur } from '../../audit/journal.ts'

export const TACHE_CONSERVATION = 'conservation'

export type DerniereExecution = Derniere<BilanConservation>

/**
 * Runs the retention rules if no run happened in the last 23 hours (`maintenant` is the clock);
 * returns the bilan, or undefined when another run already did the day's work.
 */
export const conservationSiDue = (db: Db, maintenant: Date, regles: ReglesConservation): Promise<BilanConservation | undefined> =>
  executerSiDue(db, TACHE_CONSERVATION, maintenant, (tx) => appliquerConservation(tx, maintenant, regles))

/** Runs the rules now whatever the last run (command line), and records it as the last run. */
export const executerMaintenant = (db: Db, maintenant: Date, regles: ReglesConservation, acteur: Acteur = ACTEUR_CONSERVATION): Promise<BilanConservation> =>
  maintenantSansCondition(db, TACHE_CONSERVATION, maintenant, (tx) => appliquerConservation(tx, maintenant, regles, acteur))

export const derniereExecution = (db: Db): Promise<DerniereExecution | undefined> => derniere<BilanConservation>(db, TACHE_CONSERVATION)

/** The server's timer of the retention job. */
export const tacheConservation = (db: Db, regles: ReglesConservation, horloge?: () => Date, signalerEchec?: (erreur: unknown) => void): TacheQuotidienne<BilanConservation> =>
  new TacheQuotidienne((maintenant) => conservationSiDue(db, maintenant, regles), horloge, signalerEchec)
