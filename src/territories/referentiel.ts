/**
 * The official list of communes, départements, régions and EPCI, read from the JSON files of
 * `@etalab/decoupage-administratif` (COG), loaded once on first use and indexed by code, postcode
 * and name.
 */
import { createRequire } from 'node:module'
import { mots } from '../platform/text.ts'

const require = createRequire(import.meta.url)

export type TypeCommune = 'commune-actuelle' | 'arrondissement-municipal' | 'commune-deleguee' | 'commune-associee'

export interface Commune {
  code: string
  nom: string
  /** `cleCommune(nom)`, computed once. */
  cle: string
  type: TypeCommune
  departement: string
  region: string
  codesPostaux: readonly string[]
  population: number
  /** The commune an arrondissement belongs to, or the current commune of a former one. */
  parent: string | null
}

export interface Departement {
  code: string
  nom: string
  region: string
}

export interface Region {
  code: string
  nom: string
}

export interface Epci {
  code: string
  nom: string
  membres: readonly string[]
}

interface CommuneBrute {
  code: string
  nom: string
  type: TypeCommune
  departement?: string
  region?: string
  codesPostaux?: string[]
  population?: number
  commune?: string
  chefLieu?: string
}

const ABREVIATIONS: Readonly<Record<string, string>> = { st: 'saint', ste: 'sainte', sts: 'saint', stes: 'sainte' }

/**
 * Key for comparing commune names: « ST-ÉTIENNE CEDEX 1 », « SAINT ETIENNE 42000 » and
 * « Saint-Étienne » match, and so do « Paris 15ème », « PARIS 15E » and the official
 * « Paris 15e Arrondissement » (postcodes dropped, ordinals kept as numbers).
 */
export function cleCommune(nom: string): string {
  const liste = mots(nom)
    .filter((m) => !/^\d+$/.test(m) && m !== 'arrondissement' && m !== 'arr')
    .map((m) => ABREVIATIONS[m] ?? m.replace(/^(\d+)(?:e|er|eme|ieme|em|me)$/, '$1'))
  const cedex = liste.indexOf('cedex')
  return (cedex >= 0 ? liste.slice(0, cedex) : liste).join('')
}

export class Referentiel {
  /** Current communes and municipal arrondissements, by code. */
  readonly communes = new Map<string, Commune>()
  /** Former communes (déléguées, associées), by code. */
  readonly anciennes = new Map<string, Commune>()
  readonly parCodePostal = new Map<string, Commune[]>()
  /** Every commune, current or former, by name key. */
  readonly parNom = new Map<string, Commune[]>()
  readonly departements = new Map<string, Departement>()
  readonly regions = new Map<string, Region>()
  readonly epci = new Map<string, Epci>()
  readonly epciDeCommune = new Map<string, string>()

  constructor(brutes: readonly CommuneBrute[], departements: readonly Departement[], regions: readonly Region[], epci: readonly Epci[]) {
    for (const b of brutes) {
      const commune: Commune = {
        code: b.code,
        nom: b.nom,
        cle: cleCommune(b.nom),
        type: b.type,
        departement: b.departement ?? '',
        region: b.region ?? '',
        codesPostaux: b.codesPostaux ?? [],
        population: b.population ?? 0,
        parent: b.type === 'arrondissement-municipal' ? (b.commune ?? null) : b.type === 'commune-actuelle' ? null : (b.chefLieu ?? null),
      }
      const actuelle = b.type === 'commune-actuelle' || b.type === 'arrondissement-municipal'
      if (actuelle) {
        this.communes.set(commune.code, commune)
        for (const cp of commune.codesPostaux) ajouter(this.parCodePostal, cp, commune)
      } else if (!this.anciennes.has(commune.code)) {
        this.anciennes.set(commune.code, commune)
      }
      ajouter(this.parNom, commune.cle, commune)
    }
    for (const d of departements) this.departements.set(d.code, { code: d.code, nom: d.nom, region: d.region })
    for (const r of regions) this.regions.set(r.code, { code: r.code, nom: r.nom })
    for (const e of epci) {
      this.epci.set(e.code, { code: e.code, nom: e.nom, membres: e.membres })
      for (const membre of e.membres) this.epciDeCommune.set(membre, e.code)
    }
  }

  /** The current commune a code designates (a former commune gives its successor). */
  communeActuelle(code: string): Commune | undefined {
    const commune = this.communes.get(code)
    if (commune) return commune
    const ancienne = this.anciennes.get(code)
    return ancienne?.parent ? this.communes.get(ancienne.parent) : undefined
  }

  /** Arrondissements of Paris, Lyon or Marseille, by the commune's code. */
  arrondissementsDe(code: string): Commune[] {
    return [...this.communes.values()].filter((c) => c.parent === code && c.type === 'arrondissement-municipal')
  }

  /** Départements a postcode may belong to (Corsica's 20xxx belongs to 2A or 2B). */
  departementsDuCodePostal(cp: string): string[] {
    const debut = cp.slice(0, 2)
    if (debut === '20') return ['2A', '2B']
    if (debut === '97' || debut === '98') return [cp.slice(0, 3)]
    return [debut]
  }
}

function ajouter<T>(index: Map<string, T[]>, cle: string, valeur: T): void {
  const liste = index.get(cle)
  if (liste) liste.push(valeur)
  else index.set(cle, [valeur])
}

let instance: Referentiel | undefined

/** The referential, built on first call (≈ 0.5 s, 40 MB). */
export function referentiel(): Referentiel {
  if (!instance) {
    const dossier = '@etalab/decoupage-administratif/data'
    const epciBruts = require(`${dossier}/epci.json`) as Array<{ code: string; nom: string; membres: Array<{ code: string }> }>
    instance = new Referentiel(
      require(`${dossier}/communes.json`) as CommuneBrute[],
      require(`${dossier}/departements.json`) as Departement[],
      require(`${dossier}/regions.json`) as Region[],
      epciBruts.map((e) => ({ code: e.code, nom: e.nom, membres: e.membres.map((m) => m.code) })),
    )
  }
  return instance
}
