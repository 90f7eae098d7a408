/**
 * The quality score of a place — the mean of the criteria that apply to it (criteres.ts),
 * rounded to 2 decimals, each criterion given with its value and, when it falls short, the
 * advice for the manager — and the spread of many scores in five bands, for a territory's
 * coordinator.
 */
import type { Lieu } from '../places/standard/fields.ts'
import { CRITERES, type Critere } from './criteres.ts'

export interface ResultatCritere {
  code: string
  libelle: string
  /** In [0, 1], 2 decimals; `null` when the criterion does not apply to this place. */
  valeur: number | null
  /** The advice when the place falls short on this criterion, else `null`. */
  conseil: string | null
}

export interface ScoreQualite {
  /** Mean of the applicable criteria, in [0, 1], 2 decimals. */
  score: number
  criteres: ResultatCritere[]
}

/** Rounded to 2 decimals, 0.125 → 0.13 (no binary surprise). */
export const arrondi2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100

export function evaluerCritere(critere: Critere, lieu: Lieu, aujourdhui: string): ResultatCritere {
  const brute = critere.evaluer(lieu, aujourdhui)
  const valeur = brute === null ? null : arrondi2(Math.min(1, Math.max(0, brute)))
  const aConseiller = valeur !== null && (critere.aConseiller ? critere.aConseiller(lieu, aujourdhui) : valeur < 1)
  return { code: critere.code, libelle: critere.libelle, valeur, conseil: aConseiller ? critere.conseil : null }
}

/**
 * The score of `lieu` on `aujourdhui` (`YYYY-MM-DD`, Europe/Paris): the mean of the values shown
 * for the applicable criteria, so that anyone can redo the sum. With no applicable criterion
 * (never the case with `CRITERES`: freshness always applies) it is 0.
 */
export function scoreQualite(lieu: Lieu, aujourdhui: string, criteres: readonly Critere[] = CRITERES): ScoreQualite {
  const resultats = criteres.map((c) => evaluerCritere(c, lieu, aujourdhui))
  const valeurs = resultats.flatMap((r) => (r.valeur === null ? [] : [r.valeur]))
  const moyenne = valeurs.length === 0 ? 0 : valeurs.reduce((s, v) => s + v, 0) / valeurs.length
  return { score: arrondi2(moyenne), criteres: resultats }
}

export interface Tranche {
  tranche: string
  nombre: number
}

/** Lower bounds of the five bands; the last one includes 1. */
const BORNES = [0, 0.2, 0.4, 0.6, 0.8] as const
const LIBELLES = ['De 0 à 0,19', 'De 0,2 à 0,39', 'De 0,4 à 0,59', 'De 0,6 à 0,79', 'De 0,8 à 1'] as const

/**
 * How many scores fall in each band (0–0.2, 0.2–0.4, …, 0.8–1), always the five bands in
 * order, empty ones at 0. Scores are first rounded to 2 decimals as `scoreQualite` does, so
 * 0.199 counts in « De 0,2 à 0,39 ». A score outside [0, 1] is a caller's mistake: it throws.
 */
export function repartition(scores: readonly number[]): Tranche[] {
  const nombres: number[] = BORNES.map(() => 0)
  for (const score of scores) {
    if (!(score >= 0 && score <= 1)) throw new RangeError(`Un score de qualité est compris entre 0 et 1 (reçu : ${score}).`)
    const centiemes = Math.round(arrondi2(score) * 100)
    const rang = Math.min(BORNES.length - 1, Math.floor(centiemes / 20))
    nombres[rang] = (nombres[rang] ?? 0) + 1
  }
  return LIBELLES.map((tranche, i) => ({ tranche, nombre: nombres[i] ?? 0 }))
}
