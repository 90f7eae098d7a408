/**
 * The `lieux` table ↔ the standard's `Lieu`: what a validated place stores beside its 32
 * fields (where it is, whether it is public), and reading it back.
 */
import type { InferInsertModel, InferSelectModel } from 'drizzle-orm'
import { CHAMPS, type Lieu } from '../standard/fields.ts'
import type { Commune } from '../../territories/referentiel.ts'
import type { lieux } from '../../platform/db/schema.ts'

export type LigneLieu = InferSelectModel<typeof lieux>
export type NouvelleLigneLieu = InferInsertModel<typeof lieux>

export function versLigne(lieu: Lieu, commune: Commune | null, demo: boolean): NouvelleLigneLieu {
  return {
    ...lieu,
    communeResolue: commune?.code ?? null,
    codeDepartement: commune?.departement || null,
    codeRegion: commune?.region || null,
    statut: 'publie',
    demo,
    updatedAt: new Date(),
  }
}

export function versLieu(ligne: LigneLieu): Lieu {
  const lieu = {} as Record<string, unknown>
  for (const champ of CHAMPS) lieu[champ] = ligne[champ]
  return lieu as unknown as Lieu
}
