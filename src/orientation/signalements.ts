/**
 * « Signaler une erreur »: what a person says is wrong on a place page, checked (zod, French
 * messages) and stored for the place's managers. Nothing identifies the person unless they leave
 * a contact to be answered.
 */
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../platform/db/database.ts'
import { lieux, signalements } from '../platform/db/schema.ts'

export const RUBRIQUES = {
  adresse: 'L’adresse ou l’accès',
  horaires: 'Les horaires',
  contacts: 'Le téléphone, le courriel ou le site',
  services: 'Les services proposés',
  ferme: 'Le lieu n’existe plus ou a fermé',
  autre: 'Autre chose',
} as const

export type Rubrique = keyof typeof RUBRIQUES

export const schemaSignalement = z.object({
  rubriques: z
    .array(z.enum(Object.keys(RUBRIQUES) as [Rubrique, ...Rubrique[]], { error: 'Choisissez ce qui est inexact dans la liste.' }))
    .min(1, { error: 'Choisissez au moins une chose qui est inexacte.' }),
  message: z
    .string()
    .trim()
    .min(5, { error: 'Décrivez l’erreur en quelques mots (5 caractères au moins).' })
    .max(2000, { error: 'Votre message est trop long (2 000 caractères au plus).' }),
  contact: z
    .string()
    .trim()
    .max(200, { error: 'Le contact est trop long.' })
    .transform((v) => (v === '' ? null : v))
    .nullable(),
})

export type Signalement = z.infer<typeof schemaSignalement>

/** Stores a report; false when the place does not exist (any more). */
export async function enregistrerSignalement(db: Db, lieuUid: number, signalement: Signalement): Promise<boolean> {
  const [lieu] = await db.select({ uid: lieux.uid }).from(lieux).where(eq(lieux.uid, lieuUid))
  if (!lieu) return false
  await db.insert(signalements).values({ lieuUid, rubriques: signalement.rubriques, message: signalement.message, contact: signalement.contact })
  return true
}
