/**
 * Names of places, made comparable: accents, case, punctuation, articles and plurals ignored;
 * abbreviations and administrative forms brought to one word (« mairie de X » ~ « ville de X »
 * ~ « commune de X » ~ « hôtel de ville » ; « St » ~ « Saint » ; « MSAP », « maison France
 * services » ~ « France services » ; « centre communal d'action sociale » ~ « CCAS »…). Each
 * word gets a weight: words that name a kind of place (« France services », « médiathèque »,
 * « mairie »…) weigh little, so do the words of the commune's name; the rest is distinctive.
 */
import { similariteMot } from './similarite.ts'
import { interner, motsNormalises, normaliser, singulier } from './texte.ts'
import { DEBUTS_LOCUTIONS, GENERIQUES, LOCUTIONS, MOTS_VIDES, SANS_IDENTITE, SYNONYMES } from './vocabulaire.ts'

export const POIDS_GENERIQUE = 0.3
export const POIDS_COMMUNE = 0.25

export interface MotDuNom {
  mot: string
  poids: number
  /** `distinctif` names this place; `generique` a kind of place; `commune` its town. */
  nature: 'distinctif' | 'generique' | 'commune'
}

/** The words of a name, canonical forms applied (duplicates removed), without weights. */
export function motsCanoniques(nom: string): string[] {
  return canoniques(motsNormalises(nom).map(singulier))
}

function canoniques(singuliers: readonly string[]): string[] {
  let mots: readonly string[] = singuliers
  if (singuliers.some((m) => DEBUTS_LOCUTIONS.has(m))) {
    let texte = ` ${singuliers.join(' ')} `
    for (const [indice, motif, remplacement] of LOCUTIONS) if (texte.includes(indice)) texte = texte.replace(motif, remplacement)
    mots = texte.split(' ')
  }
  const resultat: string[] = []
  for (const m of mots) {
    if (m === '' || MOTS_VIDES.has(m)) continue
    const mot = interner(SYNONYMES.get(m) ?? m)
    if (!resultat.includes(mot)) resultat.push(mot)
  }
  return resultat
}

/** Words of the communes' names (« Saint-Étienne » → saint, etienne), to weigh them down. */
export function motsDesCommunes(communes: readonly string[]): Set<string> {
  const mots = new Set<string>()
  for (const commune of communes) for (const m of motsDUneCommune(commune)) mots.add(m)
  return mots
}

const parCommune = new Map<string, readonly string[]>()

function motsDUneCommune(commune: string): readonly string[] {
  let mots = parCommune.get(commune)
  if (!mots) {
    mots = motsCanoniques(commune.replace(/\bcedex\b.*$/i, '')).filter((m) => !/^\d+$/.test(m))
    if (parCommune.size > 50_000) parCommune.clear()
    parCommune.set(commune, mots)
  }
  return mots
}

/** A name read once: its canonical words, its raw words (for acronyms), whether it names anything. */
export interface NomPrepare {
  /** `normaliser(nom)`. */
  texte: string
  /** Initials of consecutive words, two letters each, one after the other: how an acronym of this name starts. */
  debutsSigles: string
  /** Words that may be acronyms of another name (3 to 8 letters, not an article nor a kind of place). */
  sigles: readonly string[]
  mots: readonly string[]
  bruts: readonly string[]
  sansIdentite: boolean
}

export function preparerNom(nom: string): NomPrepare {
  const bruts = motsNormalises(nom)
  const singuliers = bruts.map(singulier)
  const texte = singuliers.join(' ')
  const sigles = bruts.filter((m) => m.length >= 3 && m.length <= 8 && /^[a-z]+$/.test(m) && !MOTS_VIDES.has(m) && !GENERIQUES.has(m))
  return { texte, debutsSigles: debutsDeSigles(bruts), sigles, mots: canoniques(singuliers), bruts, sansIdentite: texte === '' || SANS_IDENTITE.test(texte) }
}

/**
 * Weighs the words of a name; `communes` are the words of the names of the towns of both
 * places compared (a word close to one of them, « provenc » for « provence », is one of them).
 */
export function peser(mots: readonly string[], communes: ReadonlySet<string>): MotDuNom[] {
  // the weighed words of a commune's places are remembered with its set of words (shared by its places)
  let connus = parCommunes.get(communes)
  if (!connus) parCommunes.set(communes, (connus = new Map()))
  const resultat: MotDuNom[] = []
  for (const mot of mots) {
    let pese = connus.get(mot)
    if (!pese) {
      const nature = GENERIQUES.has(mot) ? 'generique' : communes.has(mot) || procheDUnMot(mot, communes) ? 'commune' : generiqueMalEcrit(mot) ? 'generique' : 'distinctif'
      pese = motPese(mot, nature)
      connus.set(mot, pese)
    }
    resultat.push(pese)
  }
  return resultat
}

const parCommunes = new WeakMap<ReadonlySet<string>, Map<string, MotDuNom>>()

/** Weighed words are shared (immutable): 200,000 names hold far fewer distinct words. */
const motsPeses = { distinctif: new Map<string, MotDuNom>(), generique: new Map<string, MotDuNom>(), commune: new Map<string, MotDuNom>() }

function motPese(mot: string, nature: MotDuNom['nature']): MotDuNom {
  const index = motsPeses[nature]
  let pese = index.get(mot)
  if (!pese) {
    pese = { mot, nature, poids: nature === 'generique' ? POIDS_GENERIQUE : nature === 'commune' ? POIDS_COMMUNE : mot.length <= 2 ? 0.5 : 1 }
    if (index.size > 500_000) index.clear()
    index.set(mot, pese)
  }
  return pese
}

/** « Maiirie », « scioculturel »: a generic word with a typo is still generic (remembered per word). */
const malEcrits = new Map<string, boolean>()

function generiqueMalEcrit(mot: string): boolean {
  if (mot.length < 6) return false
  let connu = malEcrits.get(mot)
  if (connu === undefined) {
    connu = false
    for (const g of GENERIQUES) if (g.charCodeAt(0) === mot.charCodeAt(0) && Math.abs(g.length - mot.length) <= 2 && similariteMot(g, mot) >= 0.8) connu = true
    if (malEcrits.size > 200_000) malEcrits.clear()
    malEcrits.set(mot, connu)
  }
  return connu
}

function procheDUnMot(mot: string, mots: ReadonlySet<string>): boolean {
  for (const m of mots) if (m.charCodeAt(0) === mot.charCodeAt(0) && similariteMot(m, mot) >= 0.8) return true
  return false
}

/**
 * The canonical words of `nom` once the acronyms spelt by the initials of consecutive words of
 * `autre` are expanded (« MDS Cournon » with « Maison des Solidarités de Cournon » → maison,
 * solidarite, cournon; « PIMMS » → point, information, mediation, multi, service), or null when
 * there is none. Articles may be spelt or not (« MDS », « MS »).
 */
export function developperSigles(nom: NomPrepare, autre: NomPrepare): string[] | null {
  const debuts = autre.debutsSigles
  if (!nom.sigles.some((mot) => commencePar(debuts, mot))) return null
  let developpe = false
  const bruts = nom.bruts.map((mot) => {
    if (!nom.sigles.includes(mot) || !commencePar(debuts, mot) || autre.bruts.includes(mot)) return mot
    for (let debut = 0; debut < autre.bruts.length; debut++) {
      const fin = epeler(mot, 0, autre.bruts, debut)
      if (fin !== null && fin - debut >= 2) {
        developpe = true
        return autre.bruts.slice(debut, fin).join(' ')
      }
    }
    return mot
  })
  return developpe ? motsCanoniques(bruts.join(' ')) : null
}

/** Initials of consecutive words (an article may be skipped), two letters each, concatenated. */
function debutsDeSigles(bruts: readonly string[]): string {
  let debuts = ''
  for (let k = 0; k + 1 < bruts.length; k++) {
    const mot = bruts[k] as string
    const suivant = bruts[k + 1] as string
    debuts += `${mot[0]}${suivant[0]}`
    const apres = bruts[k + 2]
    if (apres && MOTS_VIDES.has(suivant)) debuts += `${mot[0]}${apres[0]}`
  }
  return debuts
}

/** Whether the two first letters of `mot` are one of the pairs of `debuts`. */
function commencePar(debuts: string, mot: string): boolean {
  const a = mot.charCodeAt(0)
  const b = mot.charCodeAt(1)
  for (let i = 0; i + 1 < debuts.length; i += 2) if (debuts.charCodeAt(i) === a && debuts.charCodeAt(i + 1) === b) return true
  return false
}

/** End index of the words from `debut` whose initials spell `sigle` from `i`, else null. */
function epeler(sigle: string, i: number, mots: readonly string[], debut: number): number | null {
  if (i === sigle.length) return debut
  const mot = mots[debut]
  if (mot === undefined) return null
  if (mot[0] === sigle[i]) {
    const fin = epeler(sigle, i + 1, mots, debut + 1)
    if (fin !== null) return fin
  }
  return MOTS_VIDES.has(mot) && i > 0 ? epeler(sigle, i, mots, debut + 1) : null
}

/** A name that only says « mairie », « CCAS » or « CIAS » (and the town): there is one per commune. */
export function serviceUniqueDeCommune(mots: readonly MotDuNom[]): string | null {
  let service: string | null = null
  for (const m of mots) {
    if (m.nature === 'commune') continue
    if (service !== null || (m.mot !== 'mairie' && m.mot !== 'ccas' && m.mot !== 'cias')) return null
    service = m.mot
  }
  return service
}


/** A name that names nothing (« Non diffusible », « Inconnu », empty): no merge on it. */
export function nomSansIdentite(nom: string): boolean {
  const texte = normaliser(nom)
  return texte === '' || SANS_IDENTITE.test(texte)
}
