/**
 * Street lines made comparable: split into their parts (« 45 av. Pierre Souyris / Pôle
 * d'activités »), house number read apart (ranges « 20-24 », indices « bis », « 1b »), street
 * type recognised under its abbreviations (« AV », « BD », « PL », « CHE »…), name words
 * normalised (« Gal » → général, « St » → saint); postcode, commune, BP and CEDEX dropped. Two
 * addresses are compared part by part: similarity of the street names, and whether the numbers
 * are equal, different or missing (a different number is evidence against).
 */
import { interner, motsNormalises, singulier } from './texte.ts'
import { rapprocher, type MotPese } from './similarite.ts'

/** Street words are shared objects: far fewer distinct words than streets. */
const motsDeRues = new Map<string, MotPese>()

function motDeRue(mot: string): MotPese {
  let pese = motsDeRues.get(mot)
  if (!pese) {
    pese = { mot, poids: 1 }
    if (motsDeRues.size > 200_000) motsDeRues.clear()
    motsDeRues.set(mot, pese)
  }
  return pese
}

export interface Voie {
  /** First and last house number (equal when there is no range). */
  numero: readonly [number, number] | null
  /** Canonical street type (`rue`, `avenue`…), or null. */
  type: string | null
  /** Words of the street name, without articles (with weight 1, for `rapprocher`). */
  mots: readonly string[]
  motsPeses: readonly MotPese[]
  /** The normalised part, for parts that are not a street (« Mairie », « Gare de Sain Bel »). */
  texte: string
}

const TYPES: ReadonlyMap<string, string> = new Map(Object.entries({
  rue: 'rue', r: 'rue', avenue: 'avenue', av: 'avenue', ave: 'avenue', avn: 'avenue', boulevard: 'boulevard', bd: 'boulevard', bld: 'boulevard',
  boul: 'boulevard', place: 'place', pl: 'place', chemin: 'chemin', che: 'chemin', ch: 'chemin', chem: 'chemin', route: 'route', rte: 'route',
  rt: 'route', allee: 'allee', all: 'allee', al: 'allee', impasse: 'impasse', imp: 'impasse', cour: 'cours', cours: 'cours', crs: 'cours',
  quai: 'quai', esplanade: 'esplanade', esp: 'esplanade', square: 'square', sq: 'square', faubourg: 'faubourg', fg: 'faubourg',
  fbg: 'faubourg', traverse: 'traverse', tra: 'traverse', trav: 'traverse', passage: 'passage', pas: 'passage', promenade: 'promenade',
  prom: 'promenade', residence: 'residence', res: 'residence', lotissement: 'lotissement', lot: 'lotissement', voie: 'voie',
  sentier: 'sentier', montee: 'montee', mte: 'montee', parvis: 'parvis', hameau: 'hameau', ham: 'hameau', lieudit: 'lieudit',
  zone: 'zone', za: 'zone', zi: 'zone', zac: 'zone', ze: 'zone', domaine: 'domaine', dom: 'domaine', cite: 'cite', carrefour: 'carrefour',
  clos: 'clos', mail: 'mail', rocade: 'rocade', rond: 'rondpoint', chaussee: 'chaussee', ruelle: 'ruelle', villa: 'villa', venelle: 'venelle',
}))

const ABREVIATIONS: ReadonlyMap<string, string> = new Map(Object.entries({
  gal: 'general', gen: 'general', gl: 'general', st: 'saint', ste: 'sainte', dr: 'docteur', doc: 'docteur', pdt: 'president',
  pres: 'president', mal: 'marechal', mar: 'marechal', cdt: 'commandant', lt: 'lieutenant', prof: 'professeur', gd: 'grande',
  grand: 'grande', mgr: 'monseigneur',
}))

const MOTS_VIDES = new Set(['a', 'au', 'aux', 'd', 'de', 'du', 'des', 'en', 'et', 'l', 'la', 'le', 'les', 'sur', 'sous', 'lez'])
const INDICES = new Set(['bis', 'ter', 'quater', 'a', 'b', 'c', 'd'])

/** The parts of an address and of its complement, streets first. */
export function lireVoies(adresse: string, complement: string | null = null): Voie[] {
  const parties = [...decouper(adresse).map((v) => ({ v, principale: true })), ...(complement ? decouper(complement).map((v) => ({ v, principale: false })) : [])]
  // a complement part is a street only with a street type (« 3e étage » is not one)
  const rues = parties.filter(({ v, principale }) => v.type !== null || (principale && v.numero !== null && v.mots.length > 0)).map(({ v }) => v)
  return rues.length ? rues : parties.slice(0, 1).map(({ v }) => v)
}

/** Separators of the parts of an address; « 2 - 4 allée » is a range and « 4, avenue » one part. */
function decouper(texte: string): Voie[] {
  const parties = /[-,/\n;()]/.test(texte) ? texte.replace(/(\d)\s*-\s*(\d)/g, '$1 $2').replace(/(\d)\s*,/g, '$1 ').split(/\s+-\s+|[/\n,;()]/) : [texte]
  const voies: Voie[] = []
  for (const partie of parties) {
    const voie = lirePartie(partie)
    if (voie) voies.push(voie)
  }
  return voies
}

/** One part, read word by word (no regular expression per word). */
function lirePartie(partie: string): Voie | null {
  const mots: string[] = []
  for (const brut of motsNormalises(partie)) {
    // « 672bis », « 1b »: the number, then its index
    const c = brut.charCodeAt(0)
    if (c <= 57 && c >= 48 && /^\d+[a-z]+$/.test(brut)) {
      const k = brut.search(/[a-z]/)
      mots.push(brut.slice(0, k), interner(brut.slice(k)))
    } else mots.push(singulier(brut))
  }
  // postal box, CEDEX, postcode and the commune after it
  let fin = mots.length
  for (let k = 0; k < mots.length; k++) {
    const m = mots[k] as string
    if (m === 'cedex' || (m.length === 5 && /^\d{5}$/.test(m))) {
      fin = k
      break
    }
    if ((m === 'bp' || m === 'cs' || m === 'tsa') && /^\d+$/.test(mots[k + 1] ?? '')) mots.splice(k--, 2)
  }
  mots.length = Math.min(fin, mots.length)
  if (!mots.length) return null
  const texte = mots.join(' ')
  let i = 0
  let numero: [number, number] | null = null
  const premier = Number(mots[0])
  if (premier > 0 && premier < 100_000 && Number.isInteger(premier)) {
    numero = [premier, premier]
    i = 1
    const second = Number(mots[1])
    if (second > premier && second - premier <= 20 && Number.isInteger(second)) {
      numero = [premier, second]
      i = 2
    }
    if (INDICES.has(mots[i] ?? '')) i++
  }
  let type: string | null = null
  const candidat = mots[i] ?? ''
  if ((candidat === 'grande' || candidat === 'grand' || candidat === 'gd') && mots[i + 1] === 'rue') {
    // « Grande Rue », « Gd' Rue », « Grand'Rue »: a street named « grande »
    type = 'rue'
    mots.splice(i, 2, 'grande')
  } else if (TYPES.has(candidat) && (mots.length > i + 1 || candidat.length > 3)) {
    type = TYPES.get(candidat) ?? null
    i++
  }
  const nom: string[] = []
  for (let k = i; k < mots.length; k++) {
    const m = ABREVIATIONS.get(mots[k] as string) ?? (mots[k] as string)
    if (!MOTS_VIDES.has(m)) nom.push(m)
  }
  return { numero, type, mots: nom, motsPeses: nom.map(motDeRue), texte }
}

export type Numeros = 'egaux' | 'differents' | 'absents'

export interface ComparaisonAdresses {
  /** Similarity of the street names, null when a side has no street name. */
  rue: number | null
  numeros: Numeros
  /** Gap between the house numbers when they differ (27 and 28: 1), else 0. */
  ecart: number
  a: Voie | null
  b: Voie | null
}

/** Compares every part of `a` with every part of `b` and keeps the best pair. */
export function comparerAdresses(a: readonly Voie[], b: readonly Voie[]): ComparaisonAdresses {
  let meilleure: ComparaisonAdresses = { rue: null, numeros: 'absents', ecart: 0, a: a[0] ?? null, b: b[0] ?? null }
  let meilleurRang = -1
  for (const va of a) {
    for (const vb of b) {
      const rue = similariteRues(va, vb)
      const numeros = comparerNumeros(va, vb)
      const rang = (rue ?? -0.5) + (numeros === 'egaux' ? 0.3 : numeros === 'absents' ? 0.1 : 0)
      if (rang > meilleurRang) {
        meilleurRang = rang
        const ecart = numeros === 'differents' && va.numero && vb.numero ? Math.max(va.numero[0] - vb.numero[1], vb.numero[0] - va.numero[1]) : 0
        meilleure = { rue, numeros, ecart, a: va, b: vb }
      }
    }
  }
  return meilleure
}

function similariteRues(a: Voie, b: Voie): number | null {
  if (!a.mots.length || !b.mots.length) return null
  const r = rapprocher(a.motsPeses, b.motsPeses)
  // « av. Angelin German » ~ « av. du Docteur Angelin German »: one name inside the other
  const court = a.mots.length <= b.mots.length ? a.mots : b.mots
  const inclus = court.some((m) => m.length >= 4) ? 0.9 * r.inclusion : 0
  const s = Math.max(r.dice, inclus)
  return a.type && b.type && a.type !== b.type ? s * 0.9 : s
}

function comparerNumeros(a: Voie, b: Voie): Numeros {
  if (!a.numero || !b.numero) return 'absents'
  return a.numero[0] <= b.numero[1] && b.numero[0] <= a.numero[1] ? 'egaux' : 'differents'
}

export const numeroLisible = (v: Voie | null): string => (v?.numero ? (v.numero[0] === v.numero[1] ? `${v.numero[0]}` : `${v.numero[0]}-${v.numero[1]}`) : '')
