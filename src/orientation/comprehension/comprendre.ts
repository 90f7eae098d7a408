/**
 * Understands a few words typed by a person or an agent (« impots », « carte grise », « ameli »,
 * « emaus », « médiathèque ») despite accents, typos and inflections: the needs they express,
 * the kind of place or national programme they name, and what is left to look for in place
 * names. Says what it understood, so that the interface can show it.
 */
import { distanceEdition, sansAccents } from '../../platform/text.ts'
import { BESOINS } from '../besoins.ts'
import { raciner } from './racinisation.ts'

export type Sens =
  | { type: 'besoin'; besoin: string }
  | { type: 'typologie'; code: string; libelle: string }
  | { type: 'dispositif'; valeur: string }

export interface Comprehension {
  besoins: string[]
  typologies: string[]
  dispositifs: string[]
  /** Stems of the words left to match against place names. */
  termes: string[]
  /** What each recognised expression was read as, in order. */
  compris: Array<{ expression: string; sens: Sens }>
}

/** Words of a text, lower case and without accents. */
export const motsSimples = (texte: string): string[] =>
  sansAccents(texte.toLowerCase().replace(/œ/g, 'oe'))
    .split(/[^a-z0-9]+/)
    .filter((m) => m !== '')

const VIDES = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'un', 'une', 'a', 'au', 'aux', 'en', 'et', 'ou', 'pour', 'sur', 'avec', 'mon', 'ma', 'mes', 'je', 'j', 'me', 'm', 'faire', 'fais', 'besoin', 'aide', 'aider', 'cherche', 'chercher', 'veux', 'voudrais', 'comment', 'svp', 'lieu', 'lieux', 'pres', 'chez', 'moi', 'qui', 'que', 'quoi', 'est', 'c'])

const TYPOLOGIES: ReadonlyArray<readonly [string, string, string]> = [
  ['mediatheque', 'BIB', 'médiathèque ou bibliothèque'],
  ['bibliotheque', 'BIB', 'médiathèque ou bibliothèque'],
  ['mairie', 'MUNI', 'mairie'],
  ['hotel de ville', 'MUNI', 'mairie'],
  ['ccas', 'CCAS', 'CCAS'],
  ['centre social', 'CS', 'centre social'],
  ['centre socioculturel', 'CSC', 'centre socioculturel'],
  ['mission locale', 'ML', 'mission locale'],
  ['epn', 'EPN', 'espace public numérique'],
  ['espace public numerique', 'EPN', 'espace public numérique'],
  ['la poste', 'LA_POSTE', 'La Poste'],
  ['bureau de poste', 'LA_POSTE', 'La Poste'],
  ['tiers lieu', 'TIERS_LIEUX', 'tiers-lieu'],
  ['coworking', 'TIERS_LIEUX', 'tiers-lieu'],
  ['fablab', 'FABLAB', 'fablab'],
  ['mjc', 'MJC', 'MJC'],
  ['maison de quartier', 'MQ', 'maison de quartier'],
  ['ressourcerie', 'RESSOURCERIE', 'ressourcerie'],
]

const DISPOSITIFS: ReadonlyArray<readonly [string, string]> = [
  ['emmaus connect', 'Emmaüs Connect'],
  ['emmaus', 'Emmaüs Connect'],
  ['france services', 'France Services'],
  ['maison france services', 'France Services'],
  ['msap', 'France Services'],
  ['conseiller numerique', 'Conseillers numériques'],
  ['conseillere numerique', 'Conseillers numériques'],
  ['conum', 'Conseillers numériques'],
  ['cnfs', 'Conseillers numériques'],
  ['aidants connect', 'Aidants Connect'],
  ['aidant connect', 'Aidants Connect'],
  ['croix rouge', 'La Croix Rouge'],
  ['promeneurs du net', 'Promeneurs du net'],
  ['pix', 'Certification PIX'],
]

interface Entree {
  racines: string[]
  expression: string
  sens: Sens
}

/** Stems of the meaningful words of an expression (stop words do not count, typed or known). */
const racines = (expression: string) => motsSimples(expression).filter((m) => !VIDES.has(m)).map(raciner)

/** Every known expression, longest first (« carte grise » before « carte »). */
const LEXIQUE: readonly Entree[] = [
  ...BESOINS.flatMap((b) => [b.id, ...b.motsCles].map((m) => ({ racines: racines(m), expression: m, sens: { type: 'besoin', besoin: b.id } as Sens }))),
  ...TYPOLOGIES.map(([m, code, libelle]) => ({ racines: racines(m), expression: m, sens: { type: 'typologie', code, libelle } as Sens })),
  ...DISPOSITIFS.map(([m, valeur]) => ({ racines: racines(m), expression: m, sens: { type: 'dispositif', valeur } as Sens })),
]
  .filter((e) => e.racines.length > 0)
  .sort((a, b) => b.racines.length - a.racines.length || b.racines.join('').length - a.racines.join('').length)

/** Two stems are the same word, allowing one typo from 5 letters and two from 8. */
export function memeMot(tape: string, connu: string): boolean {
  if (tape === connu) return true
  const tolerance = connu.length >= 8 ? 2 : connu.length >= 5 ? 1 : 0
  return tolerance > 0 && Math.abs(tape.length - connu.length) <= tolerance && distanceEdition(tape, connu, tolerance) <= tolerance
}

export function comprendre(texte: string): Comprehension {
  const mots = motsSimples(texte).filter((m) => !VIDES.has(m))
  const racinesTapees = mots.map(raciner)
  const pris = new Array<boolean>(mots.length).fill(false)
  const resultat: Comprehension = { besoins: [], typologies: [], dispositifs: [], termes: [], compris: [] }
  const positions: number[] = []
  const ajouter = <T>(liste: T[], valeur: T) => {
    if (!liste.includes(valeur)) liste.push(valeur)
  }
  for (const entree of LEXIQUE) {
    const n = entree.racines.length
    for (let i = 0; i + n <= mots.length; i++) {
      if (pris.slice(i, i + n).some(Boolean)) continue
      if (!entree.racines.every((r, k) => memeMot(racinesTapees[i + k] ?? '', r))) continue
      for (let k = i; k < i + n; k++) pris[k] = true
      resultat.compris.push({ expression: mots.slice(i, i + n).join(' '), sens: entree.sens })
      positions.push(i)
      if (entree.sens.type === 'besoin') ajouter(resultat.besoins, entree.sens.besoin)
      else if (entree.sens.type === 'typologie') ajouter(resultat.typologies, entree.sens.code)
      else ajouter(resultat.dispositifs, entree.sens.valeur)
    }
  }
  mots.forEach((mot, i) => {
    if (!pris[i] && mot.length >= 2) ajouter(resultat.termes, racinesTapees[i] ?? mot)
  })
  // in the order of the text
  const ordre = resultat.compris.map((_, k) => k).sort((a, b) => (positions[a] ?? 0) - (positions[b] ?? 0))
  resultat.compris = ordre.map((k) => resultat.compris[k] as Comprehension['compris'][number])
  return resultat
}
