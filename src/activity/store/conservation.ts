/**
 * Applies the retention rules (domain/conservation.ts) at a given instant, in one transaction:
 * identities of followed beneficiaries whose file was last updated too long ago are erased
 * (through `effacerIdentites`, the same SQL as an erasure on request), notes of old activities
 * erased (the activities stay, for the statistics), what old referrals shared erased. One audit
 * line (`conservation`) records the counts and the rules — never a person.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { inscrire, type Acteur } from '../../audit/journal.ts'
import { limitesConservation, type ReglesConservation } from '../domain/conservation.ts'
import { effacerIdentites } from './beneficiaires.ts'

export interface BilanConservation {
  /** Identities erased. */
  identites: number
  /** Activities whose notes were erased. */
  notes: number
  /** Referrals whose shared details were erased. */
  orientations: number
}

export const ACTEUR_CONSERVATION: Acteur = { id: null, libelle: 'conservation des données (tâche quotidienne)', adresseIp: null }

const nombre = (r: unknown): number => Number((r as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0)

export async function appliquerConservation(db: Db, maintenant: Date, regles: ReglesConservation, acteur: Acteur = ACTEUR_CONSERVATION): Promise<BilanConservation> {
  const limites = limitesConservation(regles, maintenant)
  return db.transaction(async (tx) => {
    const identites = await effacerIdentites(tx, sql`b.mis_a_jour_le < ${limites.identitesAvant.toISOString()}::timestamptz`, maintenant)
    const notes = nombre(
      await tx.execute(sql`with n as (update activites set notes = null where notes is not null and date < ${limites.notesAvant}::date returning 1) select count(*)::int as n from n`),
    )
    const orientations = nombre(
      await tx.execute(
        sql`with o as (update orientations set partage = null where partage is not null and mis_a_jour_le < ${limites.orientationsAvant.toISOString()}::timestamptz returning 1) select count(*)::int as n from o`,
      ),
    )
    const bilan = { identites: identites.identites, notes: identites.notes + notes, orientations: identites.orientations + orientations }
    await inscrire(tx, acteur, { action: 'conservation.appliquee', objetType: 'conservation', objetId: maintenant.toISOString().slice(0, 10), changements: { ...bilan, regles: { ...regles } } })
    return bilan
  })
}
