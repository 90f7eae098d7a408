/**
 * Which pairs of places are worth comparing (blocking), at a cost about linear in the number of
 * places. Places are grouped by commune (arrondissements of Paris, Lyon and Marseille folded; a
 * wrong INSEE code is caught by a second key, postcode area and commune name). In a commune of
 * up to 8 places every pair is compared; in a larger one, comparing all with all would be
 * quadratic, so two places are paired only when they share a distinctive word of their names
 * (or, for names without one, the same kind of place), a street (with or without its house
 * number), a phone, an e-mail address or a SIRET — a value shared by more than 60 places of one
 * commune says nothing and is skipped. Places within 300 m of each other are paired too, across
 * commune borders (the 10 nearest at most, so that a town centre given as the position of many
 * places costs nothing).
 */
import { aDesCoordonnees, type FicheComparee } from './fiche.ts'
import { estGenerique } from './vocabulaire.ts'
import { preparer } from './preparation.ts'

export interface OptionsBlocage {
  /** Up to this many places, a commune is compared all with all (default 8). */
  blocComplet?: number
  /** A sub-block key shared by more places is skipped (default 60). */
  sousBlocMax?: number
  /** Radius of the geographic neighbourhood in metres (default 300). */
  rayon?: number
  /** Nearest neighbours kept within the radius (default 10). */
  voisinsMax?: number
}

/** Candidate pairs `[i, j]`, `i < j`, each once, sorted. */
export function pairesCandidates(fiches: readonly FicheComparee[], options: OptionsBlocage = {}): Array<[number, number]> {
  const blocComplet = options.blocComplet ?? 8
  const sousBlocMax = options.sousBlocMax ?? 60
  const paires = new Paires(fiches.length)

  // by resolved commune; then by postcode area and commune name, for the places whose code is
  // not the one most places of that name have (a wrong or missing INSEE code), with all of them
  const communes = new Map<string, number[]>()
  const parNom = new Map<string, number[]>()
  const codes: Array<string | null> = []
  fiches.forEach((fiche, i) => {
    const { code, nom } = clesDeCommune(fiche)
    codes.push(code)
    if (code) ajouter(communes, code, i)
    ajouter(parNom, nom, i)
  })
  for (const membres of communes.values()) comparerBloc(fiches, membres, null, blocComplet, sousBlocMax, paires)
  for (const membres of parNom.values()) {
    const frequents = new Map<string | null, number>()
    for (const i of membres) frequents.set(codes[i] as string | null, (frequents.get(codes[i] as string | null) ?? 0) + 1)
    if (frequents.size < 2 && codes[membres[0] as number] !== null) continue
    const majoritaire = [...frequents].sort((x, y) => y[1] - x[1])[0]?.[0]
    const isoles = new Set(membres.filter((i) => codes[i] === null || codes[i] !== majoritaire))
    comparerBloc(fiches, membres, isoles, blocComplet, sousBlocMax, paires)
  }
  voisins(fiches, options.rayon ?? 300, options.voisinsMax ?? 10, paires)
  return paires.liste()
}

/** Pairs of one commune: all of them in a small one, by sub-blocks in a large one; only those of `isoles` when given. */
function comparerBloc(fiches: readonly FicheComparee[], membres: readonly number[], isoles: ReadonlySet<number> | null, blocComplet: number, sousBlocMax: number, paires: Paires): void {
  if (membres.length <= blocComplet) {
    if (isoles) for (const i of isoles) for (const j of membres) paires.ajouter(i, j)
    else for (let x = 0; x < membres.length; x++) for (let y = x + 1; y < membres.length; y++) paires.ajouter(membres[x] as number, membres[y] as number)
    return
  }
  const sousBlocs = new SousBlocs()
  for (const i of membres) sousBlocs.ajouterFiche(fiches[i] as FicheComparee, i)
  sousBlocs.paires(sousBlocMax, paires, isoles)
}

/** The commune keys of a place: its resolved commune (if any), and its postcode area with its commune name. */
export function clesDeCommune(fiche: FicheComparee): { code: string | null; nom: string } {
  const p = preparer(fiche)
  const departement = fiche.code_postal.startsWith('97') || fiche.code_postal.startsWith('98') ? fiche.code_postal.slice(0, 3) : fiche.code_postal.slice(0, 2)
  return { code: p.commune ? `c:${p.commune}` : null, nom: `n:${departement}:${p.cleNomCommune}` }
}

/**
 * Sub-blocks of a large commune, one index per kind of key (no key strings to build): a
 * distinctive word of the name (or the kind of place for a name without one), a street with
 * its house number, a street (compared only with the places of that street that have no
 * number: `sansNumero`), a phone, an e-mail address, a SIRET.
 */
class SousBlocs {
  private readonly mots = new Groupes<string>()
  private readonly generiques = new Groupes<string>()
  private readonly voies = new Groupes<string>()
  private readonly rues = new Groupes<string>()
  private readonly sansNumero = new Groupes<string>()
  private readonly telephones = new Groupes<string>()
  private readonly courriels = new Groupes<string>()
  private readonly sirets = new Groupes<string>()

  ajouterFiche(fiche: FicheComparee, i: number): void {
    const p = preparer(fiche)
    let distinctif = false
    for (const m of p.motsPeses) {
      if (m.nature !== 'distinctif' || m.mot.length < 3) continue
      this.mots.ajouter(m.mot, i)
      distinctif = true
    }
    // a name without a distinctive word (« France services », « CCAS ») is keyed by its kind
    if (!distinctif) this.generiques.ajouter(p.nom.mots.filter((m) => estGenerique(m)).sort().join(' '), i)
    for (const v of p.voies) {
      let long = ''
      for (const m of v.mots) if (m.length > long.length) long = m
      if (long.length < 3) continue
      this.rues.ajouter(long, i)
      if (v.numero) this.voies.ajouter(`${long}|${v.numero[0]}`, i)
      else this.sansNumero.ajouter(long, i)
    }
    if (p.contacts.telephone) this.telephones.ajouter(p.contacts.telephone, i)
    for (const c of p.contacts.courriels) this.courriels.ajouter(c, i)
    if (p.siret) this.sirets.ajouter(p.siret, i)
  }

  /** All pairs of each sub-block of 2 to `max` places (those of `isoles` only, when given); a street: its places without number with all its places. */
  paires(max: number, paires: Paires, isoles: ReadonlySet<number> | null = null): void {
    const apparier = (chercheurs: readonly number[], membres: readonly number[]) => {
      if (!isoles && chercheurs === membres) {
        for (let x = 0; x < membres.length; x++) for (let y = x + 1; y < membres.length; y++) paires.ajouter(membres[x] as number, membres[y] as number)
        return
      }
      for (const i of chercheurs) if (!isoles || isoles.has(i)) for (const j of membres) paires.ajouter(i, j)
    }
    for (const groupes of [this.mots, this.generiques, this.voies, this.telephones, this.courriels, this.sirets]) {
      groupes.parcourir((membres) => {
        if (membres.length <= max) apparier(membres, membres)
      })
    }
    this.sansNumero.parcourirTout((rue, chercheurs) => {
      const membres = this.rues.membres(rue)
      if (membres.length <= max) apparier(chercheurs, membres)
    })
  }
}

/** Places by key, without an array for the (many) keys held by one place only. */
class Groupes<K> {
  private readonly index = new Map<K, number | number[]>()

  ajouter(cle: K, i: number): void {
    const deja = this.index.get(cle)
    if (deja === undefined) this.index.set(cle, i)
    else if (typeof deja === 'number') this.index.set(cle, [deja, i])
    else deja.push(i)
  }

  membres(cle: K): readonly number[] {
    const m = this.index.get(cle)
    return m === undefined ? [] : typeof m === 'number' ? [m] : m
  }

  /** Keys held by two places or more. */
  parcourir(action: (membres: readonly number[]) => void): void {
    for (const m of this.index.values()) if (typeof m !== 'number') action(m)
  }

  parcourirTout(action: (cle: K, membres: readonly number[]) => void): void {
    for (const [cle, m] of this.index) action(cle, typeof m === 'number' ? [m] : m)
  }

}

function ajouter<K>(index: Map<K, number[]>, cle: K, i: number): void {
  const liste = index.get(cle)
  if (liste) liste.push(i)
  else index.set(cle, [i])
}


const METRES_PAR_DEGRE = 111_195

/**
 * Pairs within `rayon` metres, the `voisinsMax` nearest of each place, on a grid of `rayon`-sized
 * cells; positions projected once to metres (equirectangular: exact enough over 300 m).
 */
function voisins(fiches: readonly FicheComparee[], rayon: number, voisinsMax: number, paires: Paires): void {
  const n = fiches.length
  const xs = new Float64Array(n).fill(Number.NaN)
  const ys = new Float64Array(n)
  // cells indexed by column then row (small integers: no number to allocate per lookup)
  const cellules = new Map<number, Map<number, number[]>>()
  for (let i = 0; i < n; i++) {
    const f = fiches[i] as FicheComparee
    if (!aDesCoordonnees(f)) continue
    xs[i] = f.longitude * METRES_PAR_DEGRE * Math.cos((f.latitude * Math.PI) / 180)
    ys[i] = f.latitude * METRES_PAR_DEGRE
    const cx = Math.floor((xs[i] as number) / rayon)
    let colonne = cellules.get(cx)
    if (!colonne) cellules.set(cx, (colonne = new Map()))
    ajouter(colonne, Math.floor((ys[i] as number) / rayon), i)
  }
  const rayon2 = rayon * rayon
  const distances: number[] = []
  const indices: number[] = []
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number
    if (Number.isNaN(x)) continue
    const y = ys[i] as number
    const cx = Math.floor(x / rayon)
    const cy = Math.floor(y / rayon)
    distances.length = 0
    indices.length = 0
    for (let dx = -1; dx <= 1; dx++) {
      const colonne = cellules.get(cx + dx)
      if (!colonne) continue
      for (let dy = -1; dy <= 1; dy++) {
        const cellule = colonne.get(cy + dy)
        if (!cellule) continue
        for (const j of cellule) {
          if (j === i) continue
          const ex = (xs[j] as number) - x
          const ey = (ys[j] as number) - y
          const d2 = ex * ex + ey * ey
          if (d2 <= rayon2) {
            distances.push(d2)
            indices.push(j)
          }
        }
      }
    }
    if (indices.length <= voisinsMax) {
      for (const j of indices) paires.ajouter(i, j)
      continue
    }
    const ordre = indices.map((_, k) => k).sort((p, q) => (distances[p] as number) - (distances[q] as number) || (indices[p] as number) - (indices[q] as number))
    for (let k = 0; k < voisinsMax; k++) paires.ajouter(i, indices[ordre[k] as number] as number)
  }
}

/** Pairs collected in typed arrays (no object per pair), deduplicated at the end. */
class Paires {
  private cles = new Float64Array(1024)
  private taille = 0
  constructor(private readonly n: number) {}

  ajouter(i: number, j: number): void {
    if (i === j) return
    if (this.taille === this.cles.length) {
      const plus = new Float64Array(this.cles.length * 2)
      plus.set(this.cles)
      this.cles = plus
    }
    this.cles[this.taille++] = i < j ? i * this.n + j : j * this.n + i
  }

  liste(): Array<[number, number]> {
    const cles = this.cles.subarray(0, this.taille).sort()
    const resultat: Array<[number, number]> = []
    let precedente = -1
    for (const cle of cles) {
      if (cle === precedente) continue
      precedente = cle
      const i = Math.floor(cle / this.n)
      resultat.push([i, cle - i * this.n])
    }
    return resultat
  }
}
