/**
 * Compares the names of two places with the weighted words of `noms.ts`, once the acronyms one
 * name spells out of the other are expanded: soft Dice over the words (typos tolerated), or
 * the share of the shorter name found in the longer one when the shorter has a distinctive
 * word (« Le Babet » / « Le Babet – espace numérique »). A name that only says the kind of place
 * and the town (« Mairie de Flayosc », « France services ») says less about which place it is.
 */
import { developperSigles, motsDesCommunes, peser, preparerNom, type MotDuNom, type NomPrepare } from './noms.ts'
import { estOrganisation } from './vocabulaire.ts'
import { rapprocher } from './similarite.ts'

export interface ComparaisonNoms {
  /** In [0, 1]. */
  similarite: number
  /** How many of the two names have no distinctive word (only a kind of place and the town). */
  generiques: 0 | 1 | 2
  /** Distinctive words found in both names. */
  distinctifsCommuns: string[]
  /**
   * Each name has a distinctive word the other lacks (« CDAS des Champs Manceaux » / « CDAS du
   * Blosne », « CRDI territoire ouest » / « CRDI territoire est »): two units of one body.
   */
  distinctifsOpposes: [string, string] | null
  /**
   * B's name names A (« CCAS de Migennes » in « France services CCAS de Migennes »): three
   * quarters of A's words by weight are in B, among them every word of A that says what kind of
   * body it is (CCAS, communauté de communes, mairie…); and conversely.
   */
  aNommeDansB: boolean
  bNommeDansA: boolean
  sansIdentite: boolean
}

/** Compares two prepared names; `communes` are the words of both places' commune names. */
export function comparerNoms(a: NomPrepare, b: NomPrepare, communes: ReadonlySet<string>): ComparaisonNoms {
  if (a.sansIdentite || b.sansIdentite) return { similarite: 0, generiques: 0, distinctifsCommuns: [], distinctifsOpposes: null, aNommeDansB: false, bNommeDansA: false, sansIdentite: true }
  return comparerMots(peser(developperSigles(a, b) ?? a.mots, communes), peser(developperSigles(b, a) ?? b.mots, communes))
}

/**
 * The same with words already weighed against each place's own commune (`pesesA`, `pesesB`):
 * when both are in one commune (`memeCommune`, the usual case) nothing is weighed again, unless
 * an acronym is expanded.
 */
export function comparerNomsPeses(a: NomPrepare, pesesA: readonly MotDuNom[], b: NomPrepare, pesesB: readonly MotDuNom[], communes: ReadonlySet<string>, memeCommune: boolean): ComparaisonNoms {
  if (a.sansIdentite || b.sansIdentite) return { similarite: 0, generiques: 0, distinctifsCommuns: [], distinctifsOpposes: null, aNommeDansB: false, bNommeDansA: false, sansIdentite: true }
  const siglesA = developperSigles(a, b)
  const siglesB = developperSigles(b, a)
  const poidsA = siglesA || !memeCommune ? peser(siglesA ?? a.mots, communes) : pesesA
  const poidsB = siglesB || !memeCommune ? peser(siglesB ?? b.mots, communes) : pesesB
  return comparerMots(poidsA, poidsB)
}

/** Convenience for two names as written and their communes. */
export function comparerNomsTextes(nomA: string, communeA: string, nomB: string, communeB: string): ComparaisonNoms {
  return comparerNoms(preparerNom(nomA), preparerNom(nomB), motsDesCommunes([communeA, communeB]))
}

export function comparerMots(motsA: readonly MotDuNom[], motsB: readonly MotDuNom[]): ComparaisonNoms {
  const r = rapprocher(motsA, motsB)
  let dA = 0
  let dB = 0
  for (const m of motsA) if (m.nature === 'distinctif') dA++
  for (const m of motsB) if (m.nature === 'distinctif') dB++
  const distinctifsCommuns = r.paires.filter((p) => p.similarite >= 0.75 && p.a.nature === 'distinctif' && p.b.nature === 'distinctif').map((p) => p.a.mot)
  const apparies: MotDuNom[] = []
  for (const p of r.paires) apparies.push(p.a, p.b)
  const seulA = seul(motsA, apparies)
  const seulB = seulA ? seul(motsB, apparies) : undefined
  const court = motsA.length <= motsB.length ? motsA : motsB
  // the shorter name inside the longer one counts only when it names something of its own
  const courtDistinctif = (court === motsA ? dA : dB) > 0
  return {
    similarite: Math.max(r.dice, courtDistinctif ? 0.9 * r.inclusion : 0),
    generiques: ((dA === 0 ? 1 : 0) + (dB === 0 ? 1 : 0)) as 0 | 1 | 2,
    distinctifsCommuns,
    distinctifsOpposes: seulA && seulB ? [seulA.mot, seulB.mot] : null,
    aNommeDansB: nomme(motsA, apparies),
    bNommeDansA: nomme(motsB, apparies),
    sansIdentite: false,
  }
}

/** A distinctive word of `mots` left unpaired. */
function seul(mots: readonly MotDuNom[], apparies: readonly MotDuNom[]): MotDuNom | undefined {
  return mots.find((m) => m.nature === 'distinctif' && m.mot.length >= 2 && !apparies.includes(m))
}

function nomme(mots: readonly MotDuNom[], trouves: readonly MotDuNom[]): boolean {
  let total = 0
  let trouve = 0
  for (const m of mots) {
    total += m.poids
    if (trouves.includes(m)) trouve += m.poids
    else if (estOrganisation(m.mot)) return false
  }
  return total > 0 && trouve >= 0.75 * total
}
