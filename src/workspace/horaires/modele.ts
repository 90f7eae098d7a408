/**
 * The opening-hours editor's model: a week of slots (Monday to Sunday), « fermé les jours
 * fériés » and exceptional closures, written to and read back from the OpenStreetMap
 * `opening_hours` syntax. Only the subset the editor can show is read back; any other value
 * gives `undefined` (the form then offers the raw text). Pure functions, no I/O.
 */

/** A slot, `HH:MM` in 24 h; `a` may be `24:00` (closing at midnight). */
export interface Creneau {
  de: string
  a: string
}

/** An exceptional closure, ISO dates `YYYY-MM-DD`, `du` <= `au`. */
export interface Fermeture {
  du: string
  au: string
}

export interface SemaineHoraires {
  /** Exactly 7 entries, 0 = lundi … 6 = dimanche; each day's slots sorted, not overlapping. */
  jours: Creneau[][]
  /** « Fermé les jours fériés » → `PH off`. */
  feriesFermes: boolean
  fermetures: Fermeture[]
}

/** A problem of the form; `champ` is the id (and name) of the input in error, for the error summary's link. */
export interface ErreurHoraires {
  champ: string
  message: string
}

/** Slots per day and closures the editor shows (a manager with more uses the raw OSM text). */
export const CRENEAUX_PAR_JOUR = 3
export const FERMETURES_MAX = 2

export const JOURS_OSM = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const
export const NOMS_JOURS = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'] as const
const MOIS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/** A new empty week (closed every day), safe to modify. */
export function semaineVide(): SemaineHoraires {
  return { jours: [[], [], [], [], [], [], []], feriesFermes: false, fermetures: [] }
}

/** The empty week, frozen: copy it (`semaineVide()`) to build upon. */
export const SEMAINE_VIDE: SemaineHoraires = Object.freeze({
  jours: Object.freeze(semaineVide().jours.map((j) => Object.freeze(j))) as unknown as Creneau[][],
  feriesFermes: false,
  fermetures: Object.freeze([]) as unknown as Fermeture[],
})

const TOUTE_LA_JOURNEE = '00:00-24:00'

/** `1,2,3,5` → `Tu-Th,Sa`: runs of three days or more as ranges, shorter ones with commas. */
function joursOsm(indices: number[]): string {
  const suites: number[][] = []
  for (const j of indices) {
    const derniere = suites.at(-1)
    if (derniere && derniere.at(-1) === j - 1) derniere.push(j)
    else suites.push([j])
  }
  const nom = (j: number | undefined): string => JOURS_OSM[j ?? 0] ?? 'Mo'
  return suites.map((suite) => (suite.length >= 3 ? `${nom(suite[0])}-${nom(suite.at(-1))}` : suite.map(nom).join(','))).join(',')
}

/** `2026-08-03` → `2026 Aug 03`. */
function dateOsm(iso: string): string {
  const [annee, mois, jour] = iso.split('-')
  return `${annee} ${MOIS[Number(mois) - 1] ?? ''} ${jour}`
}

/**
 * The OSM value of a week: days with the same slots in one rule (`Mo-Fr 09:00-12:00,14:00-17:00`),
 * rules in the order of their first day, then `PH off`, then the closures (a later rule wins, so
 * closures override the days). `''` when no day has a slot; `24/7` for a week open all day
 * and nothing else.
 */
export function versOsm(s: SemaineHoraires): string {
  const cles = s.jours.map((creneaux) => creneaux.map((c) => `${c.de}-${c.a}`).join(','))
  if (cles.every((c) => c === '')) return ''
  if (cles.every((c) => c === TOUTE_LA_JOURNEE) && !s.feriesFermes && s.fermetures.length === 0) return '24/7'
  const regles: string[] = []
  const faits = new Set<string>()
  for (const cle of cles) {
    if (cle === '' || faits.has(cle)) continue
    faits.add(cle)
    const memes = cles.flatMap((autre, j) => (autre === cle ? [j] : []))
    regles.push(`${joursOsm(memes)} ${cle}`)
  }
  if (s.feriesFermes) regles.push('PH off')
  for (const f of s.fermetures) regles.push(f.du === f.au ? `${dateOsm(f.du)} off` : `${dateOsm(f.du)}-${dateOsm(f.au)} off`)
  return regles.join('; ')
}

/** Minutes since midnight of `HH:MM`. */
export const minutes = (heure: string): number => Number(heure.slice(0, 2)) * 60 + Number(heure.slice(3, 5))

/** `9:05` → `09:05`; `undefined` unless a time of day (`24:00` only as an end). */
function heureOsm(texte: string, fin: boolean): string | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(texte)
  if (!m) return undefined
  const h = Number(m[1])
  const mn = Number(m[2])
  if (mn > 59 || h > 24 || (h === 24 && (mn > 0 || !fin))) return undefined
  return `${String(h).padStart(2, '0')}:${m[2]}`
}

/** `09:00-12:00, 14:00-17:00` → sorted slots; `undefined` for anything else (past midnight too). */
function creneauxOsm(texte: string): Creneau[] | undefined {
  const creneaux: Creneau[] = []
  for (const partie of texte.split(',')) {
    const [de, a, ...reste] = partie.trim().split('-')
    const debut = heureOsm(de?.trim() ?? '', false)
    const fin = heureOsm(a?.trim() ?? '', true)
    if (reste.length > 0 || debut === undefined || fin === undefined || minutes(fin) <= minutes(debut)) return undefined
    creneaux.push({ de: debut, a: fin })
  }
  return creneaux.sort((x, y) => minutes(x.de) - minutes(y.de))
}

/** `Mo-We,Fr` → `[0, 1, 2, 4]` (a range may wrap: `Sa-Mo`); `undefined` if not days. */
function joursDe(texte: string): number[] | undefined {
  const jours: number[] = []
  for (const partie of texte.split(',')) {
    const [a, b, ...reste] = partie.trim().split('-').map((j) => JOURS_OSM.findIndex((osm) => osm.toLowerCase() === j.trim().toLowerCase()))
    if (a === undefined || a < 0 || reste.length > 0 || (b !== undefined && b < 0)) return undefined
    for (let j = a; ; j = (j + 1) % 7) {
      jours.push(j)
      if (b === undefined || j === b) break
    }
  }
  return jours
}

const DATE_OSM = /^(\d{4}) ([A-Z][a-z]{2}) (\d{2})$/

/** `2026 Aug 03` → `2026-08-03` (a real date), else `undefined`. */
function dateIso(texte: string): string | undefined {
  const m = DATE_OSM.exec(texte)
  const mois = MOIS.indexOf((m?.[2] ?? '') as (typeof MOIS)[number])
  if (!m || mois < 0) return undefined
  const date = new Date(Date.UTC(Number(m[1]), mois, Number(m[3])))
  if (date.getUTCMonth() !== mois || date.getUTCDate() !== Number(m[3])) return undefined
  return date.toISOString().slice(0, 10)
}

/** `2026 Aug 03-2026 Aug 21 off`, `2026 Aug 03-21 off`, `2026 Jul 27-Aug 14 off`, `2026 Aug 03 off`. */
function fermetureDe(regle: string): Fermeture | undefined {
  const m = /^(\d{4} [A-Z][a-z]{2} \d{2})(?:\s*-\s*((?:(?:\d{4} )?[A-Z][a-z]{2} )?\d{2}))? (?:off|closed)$/.exec(regle)
  if (!m?.[1]) return undefined
  const du = dateIso(m[1])
  const fin = m[2] ?? m[1]
  const complete = fin.length === 2 ? `${m[1].slice(0, 9)}${fin}` : fin.length === 6 ? `${m[1].slice(0, 5)}${fin}` : fin
  const au = dateIso(complete)
  return du !== undefined && au !== undefined && du <= au ? { du, au } : undefined
}

/**
 * The week behind an OSM value, for every value `versOsm` writes and simple common variants
 * (`Mo-Fr 09:00-12:00, 14:00-17:00`, `Sa,Su off`, `24/7`, a day repeated in a later rule);
 * `undefined` when the editor cannot show it (comments, weeks, months, more than
 * `CRENEAUX_PAR_JOUR` slots, `PH off` or a closure before a day rule it would not override…).
 */
export function depuisOsm(osm: string): SemaineHoraires | undefined {
  const s = semaineVide()
  const texte = osm.trim()
  if (texte === '') return s
  let apresJours = false
  for (const brute of texte.split(';')) {
    const regle = brute.trim().replace(/\s+/g, ' ')
    if (/^PH (off|closed)$/.test(regle)) {
      s.feriesFermes = apresJours = true
      continue
    }
    const fermeture = fermetureDe(regle)
    if (fermeture) {
      s.fermetures.push(fermeture)
      apresJours = true
      continue
    }
    if (apresJours) return undefined
    const m = regle === '24/7' ? ['', 'Mo-Su', TOUTE_LA_JOURNEE] : /^(?:([A-Za-z]{2}(?: ?[-,] ?[A-Za-z]{2})*) )?(.+)$/.exec(regle)
    const jours = m?.[1] === undefined ? [0, 1, 2, 3, 4, 5, 6] : joursDe(m[1])
    const creneaux = /^(off|closed)$/.test(m?.[2] ?? '') ? [] : creneauxOsm(m?.[2] ?? '')
    if (!jours || !creneaux) return undefined
    for (const j of jours) s.jours[j] = creneaux.map((c) => ({ ...c }))
  }
  // a value closed every day (`off`) is not « no hours » (`''`): it stays as written
  return semaineValide(s) && s.jours.some((creneaux) => creneaux.length > 0) ? s : undefined
}

/**
 * What the editor can show and `versOsm` writes faithfully: 7 days of at most 3 sorted, disjoint
 * slots, at most 2 closures; « fermé les jours fériés » and closures only with some slot (an
 * empty week is written `''`).
 */
export function semaineValide(s: SemaineHoraires): boolean {
  const heure = /^([01]\d|2[0-3]):[0-5]\d$/
  const joursValides = s.jours.every(
    (creneaux) =>
      creneaux.length <= CRENEAUX_PAR_JOUR &&
      creneaux.every((c, i) => {
        const precedent = creneaux[i - 1]
        const finValide = heure.test(c.a) || c.a === '24:00'
        return heure.test(c.de) && finValide && minutes(c.de) < minutes(c.a) && (!precedent || minutes(precedent.a) <= minutes(c.de))
      }),
  )
  const date = /^\d{4}-\d{2}-\d{2}$/
  const fermeturesValides = s.fermetures.every((f) => date.test(f.du) && date.test(f.au) && f.du <= f.au)
  const vide = s.jours.every((creneaux) => creneaux.length === 0)
  return s.jours.length === 7 && joursValides && s.fermetures.length <= FERMETURES_MAX && fermeturesValides && !(vide && (s.feriesFermes || s.fermetures.length > 0))
}

/** The week without the closures ended before `aujourdhui` (`YYYY-MM-DD`): to prefill the form. */
export function sansFermeturesPassees(s: SemaineHoraires, aujourdhui: string): SemaineHoraires {
  return { ...s, fermetures: s.fermetures.filter((f) => f.au >= aujourdhui) }
}
