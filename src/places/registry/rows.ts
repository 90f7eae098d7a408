/**
 * The `lieux` table ↔ the standard's `Lieu`: what a validated place stores beside its 32
 * fields (where it is, whether it is public), reading it back, and the column list used by
 * the bulk writer (`lots.ts`).
 */
import { sql, type InferInsertModel, type InferSelectModel, type SQL } from 'drizzle-orm'
import { CHAMPS, CHAMPS_LISTES, type Champ, type Lieu } from '../standard/fields.ts'
import type { Commune } from '../../territories/referentiel.ts'
import { sansAccents } from '../../platform/text.ts'
import type { lieux } from '../../platform/db/schema.ts'

export type LigneLieu = InferSelectModel<typeof lieux>
export type NouvelleLigneLieu = InferInsertModel<typeof lieux>

/** What the registry stores about a place besides its 32 fields. */
export interface Situation {
  commune_resolue: string | null
  code_departement: string | null
  code_region: string | null
  texte_recherche: string
  demo: boolean
}

/** Text compared by the list page's search: lower case, no accents, single spaces. */
export const texteDeRecherche = (texte: string): string => sansAccents(texte.toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim()

export function situation(lieu: Lieu, commune: Commune | null, demo: boolean): Situation {
  return {
    commune_resolue: commune?.code ?? null,
    code_departement: commune?.departement || null,
    code_region: commune?.region || null,
    texte_recherche: texteDeRecherche(`${lieu.nom} ${lieu.commune} ${commune?.nom ?? ''} ${lieu.code_postal}`),
    demo,
  }
}

/** A place as a row of `lieux` (for writing one place; imports use the bulk writer of `lots.ts`). */
export function versLigne(lieu: Lieu, commune: Commune | null, demo: boolean): NouvelleLigneLieu {
  const s = situation(lieu, commune, demo)
  return {
    ...lieu,
    communeResolue: s.commune_resolue,
    codeDepartement: s.code_departement,
    codeRegion: s.code_region,
    texteRecherche: s.texte_recherche,
    demo,
    statut: 'publie',
    updatedAt: new Date(),
  }
}


/** The standard's 32 fields of a row of `lieux`. */
export function versLieu(ligne: LigneLieu): Lieu {
  const lieu = {} as Record<string, unknown>
  for (const champ of CHAMPS) lieu[champ] = ligne[champ]
  return lieu as unknown as Lieu
}

export type TypeSql = 'text' | 'float8' | 'date' | 'text[]' | 'bool'

const LISTES = new Set<Champ>(CHAMPS_LISTES)
const typeDuChamp = (champ: Champ): TypeSql =>
  LISTES.has(champ) ? 'text[]' : champ === 'latitude' || champ === 'longitude' ? 'float8' : champ === 'date_maj' ? 'date' : 'text'

/** Columns written for each place, in order: the 32 fields, then its situation. */
export const COLONNES_ECRITES: ReadonlyArray<{ nom: Champ | keyof Situation; type: TypeSql }> = [
  ...CHAMPS.map((champ) => ({ nom: champ, type: typeDuChamp(champ) })),
  { nom: 'commune_resolue', type: 'text' },
  { nom: 'code_departement', type: 'text' },
  { nom: 'code_region', type: 'text' },
  { nom: 'texte_recherche', type: 'text' },
  { nom: 'demo', type: 'bool' },
]

/** The written columns but the public id, which a place keeps once given. */
export const COLONNES_SANS_ID = COLONNES_ECRITES.filter((c) => c.nom !== 'id')

/** A column name quoted for SQL (names come from the lists above, never from input). */
export const identifiant = (nom: string): SQL => sql.raw(`"${nom}"`)
