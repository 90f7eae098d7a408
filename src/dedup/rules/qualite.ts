/**
 * Evaluation of the duplicate rules on hand-labelled pairs (shared/data/dedup/pairs.csv): reads
 * the pairs, recognises the « re-published copies » (two copies of one upstream record, told by
 * their identifiers as the README explains), and measures precision and recall over `match` /
 * `distinct` pairs — a predicted match is the verdict `meme-lieu`; `unsure` pairs are left out
 * of both and reported as the share merged. Pure: the caller reads the files.
 */
import { parse } from 'csv-parse/sync'
import type { Comparaison } from './comparer.ts'

export type Etiquette = 'match' | 'distinct' | 'unsure'

export interface PaireEtiquetee {
  id: string
  fichierA: string
  rangA: number
  idA: string
  fichierB: string
  rangB: number
  idB: string
  etiquette: Etiquette
  raison: string
}

export function lirePaires(csv: string): PaireEtiquetee[] {
  const lignes = parse(csv, { columns: true, skip_empty_lines: true, bom: true }) as Array<Record<string, string>>
  return lignes.map((l) => {
    const etiquette = l.label
    if (etiquette !== 'match' && etiquette !== 'distinct' && etiquette !== 'unsure') throw new Error(`Étiquette inconnue « ${etiquette} » (paire ${l.pair_id}).`)
    return {
      id: l.pair_id ?? '',
      fichierA: l.file_a ?? '',
      rangA: Number(l.row_a),
      idA: l.id_a ?? '',
      fichierB: l.file_b ?? '',
      rangB: Number(l.row_b),
      idB: l.id_b ?? '',
      etiquette,
      raison: l.reason ?? '',
    }
  })
}

const echapper = (texte: string) => texte.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const estRepublication = (fichier: string) => fichier.startsWith('hub-du-sud') || fichier.startsWith('charente')

/** `id` (of a HS or CH record) carries the upstream record `idAmont` of `fichierAmont`. */
function copie(fichierAmont: string, idAmont: string, fichier: string, id: string): boolean {
  if (fichierAmont.startsWith('data-inclusion') && fichier.startsWith('hinaura')) return idAmont === id
  if (!estRepublication(fichier) || idAmont === '') return false
  if (fichierAmont.startsWith('france-services')) return new RegExp(`(^|[-|])france-services-${echapper(idAmont)}($|[-|])`).test(id)
  if (fichierAmont.startsWith('aidants-connect')) return new RegExp(`(^|[-|])aidants-connect-${echapper(idAmont)}($|[-|])`).test(id)
  if (fichierAmont.startsWith('data-inclusion')) return idAmont.length >= 8 && id.includes(idAmont)
  return false
}

/** Two copies of one upstream record (the README counts 47 such pairs). */
export function estCopieRepubliee(p: PaireEtiquetee): boolean {
  return copie(p.fichierA, p.idA, p.fichierB, p.idB) || copie(p.fichierB, p.idB, p.fichierA, p.idA)
}

export interface Decision {
  paire: PaireEtiquetee
  /** `null` when a record of the pair could not be read (rejected row, missing reader). */
  verdict: Comparaison['verdict'] | null
}

export interface Mesures {
  /** Pairs decided (both records read). */
  paires: number
  /** Pairs left out because a record could not be read. */
  ignorees: number
  match: number
  distinct: number
  unsure: number
  vraisPositifs: number
  fauxPositifs: number
  fauxNegatifs: number
  /** Over `match`/`distinct` pairs; null without any predicted match. */
  precision: number | null
  rappel: number | null
  f1: number | null
  /** Pairs sent to a person (`a-examiner`), every label. */
  aExaminer: number
  /** `unsure` pairs merged (`meme-lieu`). */
  unsureFusionnees: number
  partUnsureFusionnees: number | null
}

export function mesurer(decisions: readonly Decision[]): Mesures {
  const m: Mesures = { paires: 0, ignorees: 0, match: 0, distinct: 0, unsure: 0, vraisPositifs: 0, fauxPositifs: 0, fauxNegatifs: 0, precision: null, rappel: null, f1: null, aExaminer: 0, unsureFusionnees: 0, partUnsureFusionnees: null }
  for (const { paire, verdict } of decisions) {
    if (verdict === null) {
      m.ignorees++
      continue
    }
    m.paires++
    m[paire.etiquette]++
    const fusion = verdict === 'meme-lieu'
    if (verdict === 'a-examiner') m.aExaminer++
    if (paire.etiquette === 'match') fusion ? m.vraisPositifs++ : m.fauxNegatifs++
    else if (paire.etiquette === 'distinct') {
      if (fusion) m.fauxPositifs++
    } else if (fusion) m.unsureFusionnees++
  }
  const predits = m.vraisPositifs + m.fauxPositifs
  m.precision = predits ? m.vraisPositifs / predits : null
  m.rappel = m.match ? m.vraisPositifs / m.match : null
  m.f1 = m.precision !== null && m.rappel !== null && m.precision + m.rappel > 0 ? (2 * m.precision * m.rappel) / (m.precision + m.rappel) : null
  m.partUnsureFusionnees = m.unsure ? m.unsureFusionnees / m.unsure : null
  return m
}

/** Measures per group (file pair, re-published or not…), groups in first-seen order. */
export function mesurerPar(decisions: readonly Decision[], groupe: (d: Decision) => string): Map<string, Mesures> {
  const groupes = new Map<string, Decision[]>()
  for (const d of decisions) {
    const cle = groupe(d)
    const liste = groupes.get(cle)
    if (liste) liste.push(d)
    else groupes.set(cle, [d])
  }
  return new Map([...groupes].map(([cle, liste]) => [cle, mesurer(liste)]))
}

/** Short names of the files, as the README writes them. */
export function abreviationFichier(fichier: string): string {
  const prefixes: Array<[string, string]> = [['france-services', 'FS'], ['aidants-connect', 'AC'], ['data-inclusion', 'DI'], ['hinaura', 'HI'], ['hub-du-sud', 'HS'], ['charente', 'CH']]
  return prefixes.find(([p]) => fichier.startsWith(p))?.[1] ?? fichier
}
