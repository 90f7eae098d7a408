/**
 * Reads enumerated values the way producers actually write them: exact v1.0.2 strings, v0.1
 * values (converted with the production mappings), and spellings that differ only by case,
 * accents, apostrophes, spacing or plural. Returns the v1.0.2 values and how they were found.
 */
import { cle, distanceEdition, plusProche } from '../../platform/text.ts'
import type { Champ } from './fields.ts'
import { TYPOLOGIES, VOCABULAIRES, type ChampEnumere } from './enumerations.ts'
import { ALIAS, FAMILLES } from './v0.ts'

export type Cible = readonly [Champ, string]

/** `exacte`: the v1.0.2 string itself; `conversion`: a known v0.1 value; `approchee`: another spelling. */
export type Mode = 'exacte' | 'conversion' | 'approchee'

export interface Lecture {
  cibles: readonly Cible[]
  mode: Mode
}

const parCle = new Map<string, Map<string, Cible[]>>()
function indexer(champ: Champ, texte: string, valeur: string): void {
  let index = parCle.get(champ)
  if (!index) parCle.set(champ, (index = new Map()))
  const k = cle(texte)
  if (!index.has(k)) index.set(k, [[champ, valeur]])
}
for (const [champ, valeurs] of Object.entries(VOCABULAIRES) as [ChampEnumere, readonly string[]][]) {
  for (const valeur of valeurs) indexer(champ, valeur, valeur)
}
for (const [code, libelle] of Object.entries(TYPOLOGIES)) indexer('typologie', libelle, code)

const alias = new Map<string, readonly Cible[]>()
for (const [texte, cibles] of Object.entries(ALIAS)) alias.set(cle(texte), cibles)

const exactes = new Map<Champ, Set<string>>(
  Object.entries(VOCABULAIRES).map(([champ, valeurs]) => [champ as Champ, new Set<string>(valeurs)]),
)

/** The v1.0.2 fields whose values may appear in `colonne` (a v1.0.2 or v0.1 column name). */
export function champsDeLaColonne(colonne: string): readonly Champ[] {
  return FAMILLES[colonne] ?? [colonne as Champ]
}

function lireEntier(champs: readonly Champ[], valeur: string): Lecture | undefined {
  for (const champ of champs) {
    if (exactes.get(champ)?.has(valeur)) return { cibles: [[champ, valeur]], mode: 'exacte' }
  }
  const k = cle(valeur)
  if (k === '') return undefined
  const connu = alias.get(k)
  if (connu) {
    const retenues = connu.filter(([champ]) => champs.includes(champ))
    if (retenues.length > 0 || connu.length === 0) return { cibles: retenues, mode: 'conversion' }
  }
  for (const champ of champs) {
    const cibles = parCle.get(champ)?.get(k)
    if (cibles) return { cibles, mode: 'approchee' }
  }
  // A typo in a long value (« Déficiance visuelle »): at most 2 edits, and only one candidate that close.
  if (k.length >= 10) {
    const proches = new Map<string, readonly Cible[]>()
    for (const champ of champs) {
      for (const [autre, cibles] of parCle.get(champ) ?? []) {
        if (distanceEdition(k, autre, 2) <= 2) proches.set(autre, cibles)
      }
    }
    for (const [autre, cibles] of alias) {
      if (cibles.length > 0 && cibles.every(([champ]) => champs.includes(champ)) && distanceEdition(k, autre, 2) <= 2) proches.set(autre, cibles)
    }
    const [seule] = proches.values()
    if (proches.size === 1 && seule) return { cibles: seule, mode: 'approchee' }
  }
  return undefined
}

/**
 * Reads one value of `colonne`. v0.1 long labels (« Gratuit : Je peux accéder… ») are read on
 * the part before the colon.
 */
export function lireValeur(colonne: string, valeur: string): Lecture | undefined {
  const champs = champsDeLaColonne(colonne)
  const entier = lireEntier(champs, valeur)
  if (entier) return entier
  const deuxPoints = valeur.indexOf(':')
  if (deuxPoints > 0) {
    const prefixe = lireEntier(champs, valeur.slice(0, deuxPoints).trim())
    if (prefixe) return { cibles: prefixe.cibles, mode: 'conversion' }
  }
  return undefined
}

/** The closest admitted value of `colonne`, for « vouliez-vous dire … ? » messages. */
export function suggestion(colonne: string, valeur: string): string | undefined {
  const candidats: string[] = []
  for (const champ of champsDeLaColonne(colonne)) {
    const valeurs = (VOCABULAIRES as Partial<Record<Champ, readonly string[]>>)[champ]
    if (valeurs) candidats.push(...valeurs)
    if (champ === 'typologie') candidats.push(...Object.values(TYPOLOGIES))
  }
  const proche = plusProche(valeur, candidats)
  if (proche === undefined) return undefined
  const code = Object.entries(TYPOLOGIES).find(([, libelle]) => libelle === proche)?.[0]
  return code ? `${code} (${proche})` : proche
}
