/**
 * Opening status in plain French from OSM opening hours, evaluated in Europe/Paris with the
 * public holidays of the place's région: « Ouvert maintenant · ferme à 17 h »,
 * « Fermé · ouvre lundi à 9 h ». One parser per distinct value and région, shared by every place.
 */
import OpeningHours, { type nominatim_object, type optional_conf } from 'opening_hours'

const OPTIONS: optional_conf = { mode: 0, tag_key: undefined, map_value: undefined, warnings_severity: undefined, locale: 'fr' }
const JOURS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi']
const cache = new Map<string, OpeningHours | null>()

/** The parser of a value for a région (by name), or null when unreadable. */
export function horairesDe(valeur: string, region: string): OpeningHours | null {
  const cle = `${region}\u0000${valeur}`
  let oh = cache.get(cle)
  if (oh === undefined) {
    const nominatim: nominatim_object = { lat: 46.5, lon: 2.5, address: { country_code: 'fr', state: region || 'Île-de-France' } }
    try {
      oh = new OpeningHours(valeur, nominatim, OPTIONS)
    } catch {
      oh = null
    }
    if (cache.size > 50_000) cache.clear()
    cache.set(cle, oh)
  }
  return oh
}

/** Time of day in French: 9 h, 9 h 30, 17 h. */
export function heureFr(date: Date): string {
  const h = date.getHours()
  const m = date.getMinutes()
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`
}

/** « à 17 h », « demain à 9 h », « lundi à 9 h », « le 24 décembre à 9 h ». */
function quand(date: Date, maintenant: Date): string {
  const jour = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
  const ecart = Math.round((jour(date) - jour(maintenant)) / 86_400_000)
  if (ecart === 0) return `à ${heureFr(date)}`
  if (ecart === 1) return `demain à ${heureFr(date)}`
  if (ecart < 7) return `${JOURS[date.getDay()]} à ${heureFr(date)}`
  return `le ${date.getDate()} ${date.toLocaleDateString('fr-FR', { month: 'long' })} à ${heureFr(date)}`
}

export interface StatutOuverture {
  /** true open, false closed, null unknown (no hours or unreadable). */
  ouvert: boolean | null
  texte: string
}

const INCONNU: StatutOuverture = { ouvert: null, texte: 'Horaires non renseignés' }

/**
 * Places sharing the same hours share their status at a given minute: computed once per
 * minute and per distinct value (a results page asks for ten, a filter for hundreds).
 */
const memoire = new WeakMap<OpeningHours, { minute: number; statut?: StatutOuverture; ouvert?: boolean }>()
function souvenir(oh: OpeningHours, instant: Date) {
  const minute = Math.floor(instant.getTime() / 60_000)
  let m = memoire.get(oh)
  if (!m || m.minute !== minute) memoire.set(oh, (m = { minute }))
  return m
}

export function statutOuverture(oh: OpeningHours | null, maintenant: Date): StatutOuverture {
  if (!oh) return INCONNU
  const m = souvenir(oh, maintenant)
  return (m.statut ??= calculerStatut(oh, maintenant))
}

function calculerStatut(oh: OpeningHours, maintenant: Date): StatutOuverture {
  try {
    const ouvert = oh.getState(maintenant)
    const limite = new Date(maintenant.getTime() + 14 * 86_400_000)
    const prochain = oh.getNextChange(maintenant, limite)
    if (ouvert) return { ouvert, texte: prochain ? `Ouvert maintenant · ferme ${quand(prochain, maintenant)}` : 'Ouvert maintenant' }
    return { ouvert, texte: prochain ? `Fermé · ouvre ${quand(prochain, maintenant)}` : 'Fermé' }
  } catch {
    return INCONNU
  }
}

/** Open at some moment between `debut` and `fin`. */
export function ouvertEntre(oh: OpeningHours | null, debut: Date, fin: Date): boolean {
  if (!oh) return false
  try {
    return oh.getOpenIntervals(debut, fin).length > 0
  } catch {
    return false
  }
}

export function ouvertA(oh: OpeningHours | null, instant: Date): boolean {
  if (!oh) return false
  const m = souvenir(oh, instant)
  if (m.ouvert === undefined) {
    try {
      m.ouvert = oh.getState(instant)
    } catch {
      m.ouvert = false
    }
  }
  return m.ouvert
}
