/**
 * What the activity pages need to know about a signed-in account acting as a mediator: the
 * places where it is `mediateur` (where it may record activities) with their names, and the
 * structures of those places (whose beneficiaries it may follow, see domain/acces.ts).
 */
import { inArray } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { lieux } from '../../platform/db/schema.ts'
import type { Compte } from '../../accounts/roles.ts'
import type { MediateurStructures } from '../domain/acces.ts'
import { structuresDesLieux } from './structures.ts'

export interface LieuDuMediateur {
  uid: number
  nom: string
  commune: string
  structureId: number
}

export interface Mediateur extends MediateurStructures {
  lieux: LieuDuMediateur[]
}

/** The places where the account records activities (role `mediateur`). */
export const lieuxMediateur = (compte: Compte): number[] => [...new Set(compte.habilitations.flatMap((h) => (h.role === 'mediateur' && h.lieuUid !== null ? [h.lieuUid] : [])))]

export async function mediateurDe(db: Db, compte: Compte): Promise<Mediateur> {
  const uids = lieuxMediateur(compte)
  if (uids.length === 0) return { id: compte.id, structures: [], lieux: [] }
  const structures = await structuresDesLieux(db, uids)
  const noms = await db.select({ uid: lieux.uid, nom: lieux.nom, commune: lieux.commune }).from(lieux).where(inArray(lieux.uid, uids))
  const liste = noms.map((l) => ({ ...l, structureId: structures.get(l.uid) ?? 0 })).sort((a, b) => a.nom.localeCompare(b.nom, 'fr'))
  return { id: compte.id, structures: [...new Set(structures.values())], lieux: liste }
}
