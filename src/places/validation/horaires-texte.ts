/**
 * Opening hours written in French free text (« Lundi 9h-12h / 14h-17h », « du lundi au vendredi
 * de 9h à 12h et de 14h à 17h ») or one cell per weekday (France Services' `h_lundi`…
 * `09:00 - 12:00 / 13:30 - 17:00`) → OpenStreetMap `opening_hours`. Only unambiguous writings
 * are converted: any word the reader does not know (« sauf », « sur rendez-vous », « matin »,
 * « 2ème samedi »…), an odd number of times, overlapping ranges or a day named twice give `null`.
 * Pure functions, no dependency on the `opening_hours` package (the caller checks the result).
 */
import { nettoyerLigne, sansAccents } from '../../platform/text.ts'

export const JOURS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const
export type Jour = (typeof JOURS)[number]

/** A range of minutes since midnight; `fin` may be 1440 (24:00). */
export interface Plage {
  debut: number
  fin: number
}
export type Semaine = Partial<Record<Jour, Plage[]>>

type Jeton =
  | { type: 'jour'; jour: number }
  | { type: 'jours'; jours: number[] }
  | { type: 'heure'; minutes: number; nue: boolean }
  | { type: 'jusque' }
  | { type: 'ferme' }
  | { type: 'neutre' }

const NOMS_JOURS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:lundi|lun)s?\.?(?![a-z])/, 0],
  [/^(?:mardi|mar)s?\.?(?![a-z])/, 1],
  [/^(?:mercredi|mer)s?\.?(?![a-z])/, 2],
  [/^(?:jeudi|jeu)s?\.?(?![a-z])/, 3],
  [/^(?:vendredi|ven)s?\.?(?![a-z])/, 4],
  [/^(?:samedi|sam)s?\.?(?![a-z])/, 5],
  [/^(?:dimanche|dim)s?\.?(?![a-z])/, 6],
]

/** Words that carry no meaning for the hours: articles, « horaires d'ouverture », punctuation. */
const MOTS_NEUTRES = /^(?:de|du|le|les|l'|d'|et|horaires?|ouvert|ouverte|ouverture|d'ouverture|permanences?)(?![a-z])/
const PONCTUATION = /^[,;:./&+"'()!]/
const HEURE = /^(\d{1,2})\s*(?:heures?|h|:)\s*(\d{2})?(?![\d])/
const NOMBRE = /^(\d{1,2})(?![\d:])/

function normaliser(texte: string): string {
  return sansAccents(texte.toLowerCase())
    .replace(/[–—‑−]/g, '-')
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, ' ')
}

/** The text as tokens, or `null` at the first word that is not understood. */
function jetons(brut: string): Jeton[] | null {
  const texte = normaliser(brut)
  const sortie: Jeton[] = []
  let i = 0
  while (i < texte.length) {
    const reste = texte.slice(i)
    let m: RegExpMatchArray | null
    if (reste[0] === ' ') {
      i++
      continue
    }
    if ((m = reste.match(/^(?:tous les jours|7 ?j ?\/ ?7)(?![a-z])/))) sortie.push({ type: 'jours', jours: [0, 1, 2, 3, 4, 5, 6] })
    else if ((m = reste.match(/^week-?end(?![a-z])/))) sortie.push({ type: 'jours', jours: [5, 6] })
    else if ((m = reste.match(/^(?:ferme|fermee|fermeture)(?![a-z])/))) sortie.push({ type: 'ferme' })
    else if ((m = reste.match(/^(?:au|a|jusqu'a|jusqu'au)(?![a-z])/) ?? reste.match(/^-/))) sortie.push({ type: 'jusque' })
    else if ((m = reste.match(/^midi(?![a-z])/))) sortie.push({ type: 'heure', minutes: 12 * 60, nue: false })
    else if ((m = reste.match(HEURE))) {
      const minutes = Number(m[1]) * 60 + Number(m[2] ?? 0)
      if (Number(m[1]) > 24 || Number(m[2] ?? 0) > 59 || minutes > 1440) return null
      sortie.push({ type: 'heure', minutes, nue: false })
    } else if ((m = reste.match(NOMBRE))) {
      if (Number(m[1]) > 24) return null
      sortie.push({ type: 'heure', minutes: Number(m[1]) * 60, nue: true })
    } else if ((m = reste.match(MOTS_NEUTRES)) || (m = reste.match(PONCTUATION))) sortie.push({ type: 'neutre' })
    else {
      const jour = NOMS_JOURS.find(([motif]) => motif.test(reste))
      if (!jour) return null
      m = reste.match(jour[0])
      sortie.push({ type: 'jour', jour: jour[1] })
    }
    i += m?.[0].length ?? 1
  }
  return sortie
}

/**
 * Times taken two by two: each range must end after it starts, and ranges follow each other.
 * A range written twice counts once; `00:00-00:00`, a form's empty slot, is no range.
 */
function apparier(heures: Array<{ minutes: number; nue: boolean }>): Plage[] | null {
  if (heures.length === 0 || heures.length % 2 !== 0) return null
  const plages: Plage[] = []
  for (let k = 0; k < heures.length; k += 2) {
    const a = heures[k]
    const b = heures[k + 1]
    if (!a || !b || (a.nue && b.nue)) return null
    if (a.minutes === 0 && b.minutes === 0) continue
    if (plages.some((p) => p.debut === a.minutes && p.fin === b.minutes)) continue
    const precedente = plages[plages.length - 1]
    if (a.minutes >= b.minutes || a.minutes >= 1440 || (precedente && precedente.fin > a.minutes)) return null
    plages.push({ debut: a.minutes, fin: b.minutes })
  }
  return plages
}

/**
 * One day's cell (« 09:00 - 12:00 / 13:30 - 17:00 », « 9h-12h et 14h-17h »): its ranges, `[]`
 * when closed (« - », « fermé »), `undefined` when empty, `null` when unreadable.
 */
export function lirePlages(brut: unknown): Plage[] | null | undefined {
  const texte = nettoyerLigne(brut)
  if (texte === null) return undefined
  const liste = jetons(texte)
  if (liste === null) return null
  if (liste.every((j) => j.type === 'jusque' || j.type === 'neutre' || j.type === 'ferme')) {
    return liste.some((j) => j.type === 'jusque' || j.type === 'ferme') ? [] : undefined
  }
  if (liste.some((j) => j.type === 'jour' || j.type === 'jours' || j.type === 'ferme')) return null
  return apparier(liste.filter((j): j is Extract<Jeton, { type: 'heure' }> => j.type === 'heure'))
}

const deuxChiffres = (n: number) => String(n).padStart(2, '0')
const heure = (minutes: number) => `${deuxChiffres(Math.floor(minutes / 60))}:${deuxChiffres(minutes % 60)}`
export const plagesOsm = (plages: readonly Plage[]): string => plages.map((p) => `${heure(p.debut)}-${heure(p.fin)}`).join(',')

/** Days in week order written as OSM selectors: runs of consecutive days become `Mo-Th`. */
function selecteurJours(indices: number[]): string {
  const morceaux: string[] = []
  for (let k = 0; k < indices.length; ) {
    let fin = k
    while (fin + 1 < indices.length && (indices[fin + 1] ?? -1) === (indices[fin] ?? -2) + 1) fin++
    const premier = JOURS[indices[k] ?? 0] ?? 'Mo'
    const dernier = JOURS[indices[fin] ?? 0] ?? 'Su'
    morceaux.push(fin === k ? premier : `${premier}-${dernier}`)
    k = fin + 1
  }
  return morceaux.join(',')
}

/** A week → one OSM string, days with the same ranges grouped (`Mo-Th …; Fr …`); `null` if no day is open. */
export function semaineVersOsm(semaine: Semaine): string | null {
  const groupes = new Map<string, number[]>()
  JOURS.forEach((jour, indice) => {
    const plages = semaine[jour]
    if (!plages || plages.length === 0) return
    const cle = plagesOsm(plages)
    const groupe = groupes.get(cle)
    if (groupe) groupe.push(indice)
    else groupes.set(cle, [indice])
  })
  if (groupes.size === 0) return null
  return [...groupes].map(([plages, jours]) => `${selecteurJours(jours)} ${plages}`).join('; ')
}

export interface JoursLus {
  /** The OSM string, or `null` when no day is open or a cell cannot be read. */
  osm: string | null
  /** Days whose cell could not be read (then `osm` is `null`: a partial week would be wrong). */
  illisibles: Jour[]
}

/** One cell per weekday (France Services' `h_lundi`…`h_samedi`) → one OSM string. */
export function joursVersOsm(cellules: Partial<Record<Jour, unknown>>): JoursLus {
  const semaine: Semaine = {}
  const illisibles: Jour[] = []
  for (const jour of JOURS) {
    const plages = lirePlages(cellules[jour])
    if (plages === null) illisibles.push(jour)
    else if (plages !== undefined) semaine[jour] = plages
  }
  return { osm: illisibles.length > 0 ? null : semaineVersOsm(semaine), illisibles }
}

/**
 * French free text naming days and times → OSM, or `null` when the text says anything more
 * (an exception, a week of the month, « sur rendez-vous », a time without a day…).
 */
export function texteVersOsm(brut: unknown): string | null {
  const texte = nettoyerLigne(brut)
  if (texte === null) return null
  const liste = jetons(texte)
  if (liste === null) return null
  const segments: Array<{ jours: number[]; heures: Array<{ minutes: number; nue: boolean }> }> = []
  let courant: (typeof segments)[number] | undefined
  let finDePlage = -1
  /** Index of the last token before `depuis` that means something. */
  const precedent = (depuis: number): number => {
    let k = depuis - 1
    while (k >= 0 && liste[k]?.type === 'neutre') k--
    return k
  }
  for (let k = 0; k < liste.length; k++) {
    const jeton = liste[k] as Jeton
    if (jeton.type === 'ferme') return null
    if (jeton.type === 'jour' || jeton.type === 'jours') {
      const avant = precedent(k)
      // « du lundi au vendredi »: the range from the day before « au » to this one
      const plage = jeton.type === 'jour' && liste[avant]?.type === 'jusque' && liste[precedent(avant)]?.type === 'jour'
      if (!courant || courant.heures.length > 0) segments.push((courant = { jours: [], heures: [] }))
      const depart = courant.jours[courant.jours.length - 1]
      if (plage && depart !== undefined && jeton.type === 'jour') {
        // « mardi-jeudi-vendredi » is a list written with dashes, not two ranges
        if (finDePlage === precedent(avant)) return null
        finDePlage = k
        for (let j = (depart + 1) % 7; j !== jeton.jour; j = (j + 1) % 7) courant.jours.push(j)
        courant.jours.push(jeton.jour)
      } else courant.jours.push(...(jeton.type === 'jour' ? [jeton.jour] : jeton.jours))
    } else if (jeton.type === 'heure') {
      if (!courant) return null
      courant.heures.push(jeton)
    }
  }
  const semaine: Semaine = {}
  for (const segment of segments) {
    const plages = apparier(segment.heures)
    if (plages === null) return null
    for (const j of segment.jours) {
      const jour = JOURS[j] as Jour
      if (semaine[jour]) return null
      semaine[jour] = plages
    }
  }
  return semaineVersOsm(semaine)
}
