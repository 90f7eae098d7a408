/**
 * Reads the opening-hours editor's posted form: the slots of each day (times typed by hand
 * accepted: `9h30`, `9:30`), « fermé les jours fériés », the exceptional closures (`JJ/MM/AAAA`
 * accepted), or the raw OSM text in advanced mode, checked with the `opening_hours` package.
 * Every problem is reported, each in plain French naming the day and slot, tied to its input.
 * Pure, apart from today's date (Europe/Paris) used to refuse closures already over (those of
 * the value shown, in the hidden `horaires_osm_origine`, are dropped silently).
 */
import { aujourdhuiParis, versDateIso } from '../../places/validation/date-maj.ts'
import { analyserHoraires } from '../../places/validation/horaires.ts'
import {
  CRENEAUX_PAR_JOUR,
  depuisOsm,
  FERMETURES_MAX,
  minutes,
  NOMS_JOURS,
  semaineVide,
  versOsm,
  type Creneau,
  type ErreurHoraires,
  type Fermeture,
  type SemaineHoraires,
} from './modele.ts'

export { CRENEAUX_PAR_JOUR, FERMETURES_MAX, type ErreurHoraires } from './modele.ts'

export interface HorairesLus {
  /**
   * Without errors: the week to save (slots sorted), `undefined` in advanced mode when the
   * editor cannot show the value. With errors in simple mode: the form as typed (each slot and
   * closure at its position, times and dates normalised when readable), to show it again.
   */
  semaine: SemaineHoraires | undefined
  /** The value to save; with errors in simple mode, the posted OSM text unchanged. */
  osm: string
  erreurs: ErreurHoraires[]
  /** The raw OSM text was chosen. */
  avance: boolean
}

export const CHAMP_MODE = 'horaires_mode'
export const CHAMP_OSM = 'horaires_osm'
/** Hidden: the OSM text as rendered, to notice a raw text edited while simple mode is chosen. */
export const CHAMP_OSM_ORIGINE = 'horaires_osm_origine'
export const CHAMP_FERIES = 'horaires_feries_fermes'
/** Day 1..7 (1 = lundi), slot 1..CRENEAUX_PAR_JOUR. */
export const champCreneau = (jour: number, creneau: number, bout: 'de' | 'a'): string => `horaires_j${jour}_c${creneau}_${bout}`
/** Closure 1..FERMETURES_MAX. */
export const champFermeture = (k: number, bout: 'du' | 'au'): string => `horaires_fermeture${k}_${bout}`

type Corps = Record<string, string | string[] | undefined>

const lire = (corps: Corps, nom: string): string => {
  const v = corps[nom]
  return ((Array.isArray(v) ? v[0] : v) ?? '').trim()
}

/** `09:00`, `9:00`, `9h`, `9h30`, `09h00`, `9 h 30`, `14.30`, `9`, `09:00:00` → `HH:MM`; `24:00` read but never valid as a start. */
export function lireHeure(brut: string): string | undefined {
  const m = /^(\d{1,2})(?:\s*[:hH.]\s*(\d{2})?)?(?::00)?$/.exec(brut.trim())
  if (!m) return undefined
  const h = Number(m[1])
  const mn = Number(m[2] ?? '0')
  if (mn > 59 || h > 24 || (h === 24 && mn > 0)) return undefined
  return `${String(h).padStart(2, '0')}:${String(mn).padStart(2, '0')}`
}

/** `03/08/2026`, `2026-08-03` → `2026-08-03` (a real date); `undefined` otherwise. */
const lireDate = (brut: string): string | undefined => versDateIso(brut) ?? undefined

const dateFr = (iso: string): string => iso.split('-').reverse().join('/')

/** Empty entries at the end are dropped; those in the middle keep the following ones' positions. */
function sansVidesALaFin<T extends object>(liste: T[]): T[] {
  const fin = liste.findLastIndex((x) => Object.values(x).some((v) => v !== ''))
  return liste.slice(0, fin + 1)
}

export function lireHoraires(corps: Corps, aujourdhui: string = aujourdhuiParis()): HorairesLus {
  const osmPoste = lire(corps, CHAMP_OSM)
  if (lire(corps, CHAMP_MODE) === 'avance') {
    return { semaine: depuisOsm(osmPoste), osm: osmPoste, erreurs: verifierOsm(osmPoste), avance: true }
  }
  const erreurs: ErreurHoraires[] = []
  const signaler = (champ: string, message: string) => erreurs.push({ champ, message })
  const jours = NOMS_JOURS.map((nom, i) => lireJour(corps, i + 1, nom, signaler))
  const fermetures = lireFermetures(corps, aujourdhui, signaler)
  const valide: SemaineHoraires = {
    jours: jours.map((j) => j.valides),
    feriesFermes: lire(corps, CHAMP_FERIES) !== '',
    fermetures: fermetures.valides,
  }
  const osm = versOsm(valide)
  if (osm === '' && fermetures.positions[0] !== undefined) {
    signaler(champFermeture(fermetures.positions[0], 'du'), 'Fermetures exceptionnelles : indiquez aussi les horaires d’ouverture ; une fermeture ne peut pas être enregistrée sans eux.')
  }
  const espaces = (texte: string) => texte.replace(/\s+/g, ' ')
  if (corps[CHAMP_OSM_ORIGINE] !== undefined && espaces(lire(corps, CHAMP_OSM_ORIGINE)) !== espaces(osmPoste)) {
    signaler(
      CHAMP_MODE,
      'Saisie avancée : vous avez modifié le texte au format OpenStreetMap, mais c’est la saisie par jour qui est choisie. Pour enregistrer ce texte, choisissez la saisie avancée ; pour garder la saisie par jour, envoyez à nouveau le formulaire.',
    )
  }
  if (erreurs.length > 0) {
    const saisie: SemaineHoraires = { jours: jours.map((j) => j.saisis), feriesFermes: valide.feriesFermes, fermetures: fermetures.saisies }
    return { semaine: saisie, osm: osmPoste, erreurs, avance: false }
  }
  return { semaine: osm === '' ? semaineVide() : valide, osm, erreurs, avance: false }
}

type Signaler = (champ: string, message: string) => void

/** The slots of a day: the valid ones sorted, and all as typed at their positions. */
function lireJour(corps: Corps, jour: number, nom: string, signaler: Signaler): { valides: Creneau[]; saisis: Creneau[] } {
  const valides: Array<Creneau & { n: number }> = []
  const saisis: Creneau[] = []
  for (let n = 1; n <= CRENEAUX_PAR_JOUR; n++) {
    const [champDe, champA] = [champCreneau(jour, n, 'de'), champCreneau(jour, n, 'a')]
    const [deBrut, aBrut] = [lire(corps, champDe), lire(corps, champA)]
    const de = deBrut === '' ? undefined : lireHeure(deBrut)
    const a = aBrut === '' ? undefined : lireHeure(aBrut)
    saisis.push({ de: de ?? deBrut, a: a ?? aBrut })
    if (deBrut === '' && aBrut === '') continue
    const prefixe = `${nom}, créneau ${n} : `
    if (deBrut === '') signaler(champDe, `${prefixe}indiquez aussi l’heure de début.`)
    else if (de === undefined || de === '24:00') signaler(champDe, `${prefixe}l’heure de début « ${deBrut} » n’est pas une heure valide (écrivez-la par exemple 09:00 ou 9h30).`)
    if (aBrut === '') signaler(champA, `${prefixe}indiquez aussi l’heure de fin.`)
    else if (a === undefined) signaler(champA, `${prefixe}l’heure de fin « ${aBrut} » n’est pas une heure valide (écrivez-la par exemple 17:00 ou 17h30).`)
    if (de === undefined || de === '24:00' || a === undefined) continue
    // a slot ending at midnight is typed 00:00 (time inputs stop at 23:59)
    const fin = a === '00:00' ? '24:00' : a
    if (minutes(fin) > minutes(de)) valides.push({ n, de, a: fin })
    else if (minutes(de) >= 18 * 60 && minutes(a) <= 6 * 60) {
      signaler(champA, `${prefixe}un créneau ne peut pas passer minuit (de ${de} à ${a}). Indiquez de ${de} à 00:00, puis le lendemain un créneau de 00:00 à ${a}.`)
    } else signaler(champA, `${prefixe}l’heure de fin (${a}) doit être après l’heure de début (${de}).`)
  }
  for (const [i, x] of valides.entries()) {
    for (const y of valides.slice(i + 1)) {
      if (minutes(x.de) < minutes(y.a) && minutes(y.de) < minutes(x.a)) signaler(champCreneau(jour, y.n, 'de'), `${nom} : les créneaux ${x.n} et ${y.n} se chevauchent.`)
    }
  }
  return {
    valides: valides.sort((x, y) => minutes(x.de) - minutes(y.de)).map(({ de, a }) => ({ de, a })),
    saisis: sansVidesALaFin(saisis),
  }
}

/**
 * The closures: the valid ones and their positions (1..), and all as typed at their positions.
 * A closure already over is an error, unless it was in the value shown (it is then dropped).
 */
function lireFermetures(corps: Corps, aujourdhui: string, signaler: Signaler): { valides: Fermeture[]; positions: number[]; saisies: Fermeture[] } {
  const anciennes = depuisOsm(lire(corps, CHAMP_OSM_ORIGINE))?.fermetures ?? []
  const valides: Fermeture[] = []
  const positions: number[] = []
  const saisies: Fermeture[] = []
  for (let k = 1; k <= FERMETURES_MAX; k++) {
    const [champDu, champAu] = [champFermeture(k, 'du'), champFermeture(k, 'au')]
    const [duBrut, auBrut] = [lire(corps, champDu), lire(corps, champAu)]
    const du = duBrut === '' ? undefined : lireDate(duBrut)
    const au = auBrut === '' ? undefined : lireDate(auBrut)
    saisies.push({ du: du ?? duBrut, au: au ?? auBrut })
    if (duBrut === '' && auBrut === '') continue
    const prefixe = `Fermeture exceptionnelle ${k} : `
    if (duBrut === '') signaler(champDu, `${prefixe}indiquez aussi la date de début.`)
    else if (du === undefined) signaler(champDu, `${prefixe}la date de début « ${duBrut} » n’est pas une date valide (écrivez-la au format JJ/MM/AAAA).`)
    if (auBrut === '') signaler(champAu, `${prefixe}indiquez aussi la date de fin (la même que celle de début pour un seul jour).`)
    else if (au === undefined) signaler(champAu, `${prefixe}la date de fin « ${auBrut} » n’est pas une date valide (écrivez-la au format JJ/MM/AAAA).`)
    if (du === undefined || au === undefined) continue
    if (au < du) signaler(champAu, `${prefixe}la date de fin doit être après la date de début.`)
    else if (au < aujourdhui) {
      // one saved earlier has simply run its course: dropped; one typed now is a mistake
      if (!anciennes.some((f) => f.du === du && f.au === au)) signaler(champAu, `${prefixe}cette fermeture est déjà passée (elle finissait le ${dateFr(au)}) ; effacez ses dates.`)
    } else {
      valides.push({ du, au })
      positions.push(k)
    }
  }
  return { valides, positions, saisies: sansVidesALaFin(saisies) }
}

const LIBELLE_OSM = 'Horaires (format OpenStreetMap) : '

/**
 * The package's messages read `<value up to the problem> <--- (<explanation>)`, sometimes
 * several in a row: the first one, as « à « …lundi 9h », <explanation> ».
 */
function expliquer(brut: unknown): string {
  const [contexte = '', suite = ''] = (brut instanceof Error ? brut.message : String(brut)).split(' <--- (')
  // the explanation ends at its closing parenthesis; the next problem's context may follow
  const explication = (suite.includes(')') ? suite.slice(0, suite.lastIndexOf(')')) : suite).trim()
  const court = contexte.trim().length > 40 ? `…${contexte.trim().slice(-40)}` : contexte.trim()
  const texte = explication.charAt(0).toLowerCase() + explication.slice(1)
  return court === '' ? texte : `à « ${court} », ${texte}`
}

/** The raw OSM text checked with the package: unreadable, or read with warnings. */
export function verifierOsm(osm: string): ErreurHoraires[] {
  if (osm === '') return []
  try {
    const analyse = analyserHoraires(osm)
    const remarques = [...new Set(analyse.getWarnings())]
    if (remarques.length === 0) return []
    const propre = analyse.prettifyValue()
    let proposition = ''
    try {
      if (propre !== osm && analyserHoraires(propre).getWarnings().length === 0) proposition = ` Proposition : « ${propre} ».`
    } catch {
      // no proposal
    }
    return remarques.map((r) => ({ champ: CHAMP_OSM, message: `${LIBELLE_OSM}${expliquer(r)}${proposition}` }))
  } catch (erreur) {
    return [{ champ: CHAMP_OSM, message: `${LIBELLE_OSM}ce texte ne peut pas être lu ; ${expliquer(erreur)} Par exemple : Mo-Fr 09:00-12:00,14:00-17:00; PH off.` }]
  }
}
