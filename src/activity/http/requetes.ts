/**
 * The two reads the activity pages need besides the store: the mediator's last recorded
 * activity (its place, type of place, duration, material and thematics prefill a new form) and
 * the names of the places of listed activities (a place the mediator has since left included).
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { activites, lieux } from '../../platform/db/schema.ts'
import type { Activite } from '../domain/validation.ts'
import type { TypeActivite } from '../domain/vocabulaire.ts'
import { activiteDeLigne } from '../store/activites.ts'

/** The last activity the mediator recorded (by recording time), of this type when there is one. */
export async function derniereActivite(db: Db, mediateurId: number, type: TypeActivite): Promise<{ activite: Activite; lieuUid: number | null } | undefined> {
  const derniere = async (memeType: boolean) => {
    const [ligne] = await db
      .select()
      .from(activites)
      .where(and(eq(activites.mediateurId, mediateurId), isNull(activites.supprimeLe), memeType ? eq(activites.type, type) : undefined))
      .orderBy(desc(activites.creeLe))
      .limit(1)
    return ligne
  }
  const ligne = (await derniere(true)) ?? (await derniere(false))
  // the followed participants are not prefilled: an empty list is enough
  return ligne ? { activite: activiteDeLigne(ligne, []), lieuUid: ligne.lieuUid } : undefined
}

/** « Nom (Commune) » of places, by uid. */
export async function nomsDesLieux(db: Db, uids: readonly number[]): Promise<Map<number, string>> {
  const noms = new Map<number, string>()
  if (uids.length === 0) return noms
  const lignes = await db.select({ uid: lieux.uid, nom: lieux.nom, commune: lieux.commune }).from(lieux).where(inArray(lieux.uid, [...new Set(uids)]))
  for (const l of lignes) noms.set(l.uid, `${l.nom} (${l.commune})`)
  return noms
}
