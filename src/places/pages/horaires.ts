/**
 * Opening hours of the current week (Monday to Sunday, Europe/Paris) read from the standard's
 * OpenStreetMap string with the `opening_hours` package, as French slots: « 9 h – 12 h,
 * 14 h – 17 h », « Fermé ». `null` when the package cannot read the value (the page then
 * shows it as written).
 */
import { aujourdhuiParis } from '../validation/date-maj.ts'
import { analyserHoraires } from '../validation/horaires.ts'

export const NOMS_JOURS = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'] as const

export interface JourHoraires {
  nom: (typeof NOMS_JOURS)[number]
  /** `YYYY-MM-DD`. */
  date: string
  aujourdhui: boolean
  /** « 9 h – 12 h » …; empty when closed. */
  creneaux: string[]
  /** Closed on a public holiday the hours mention (`PH off`). */
  ferie: boolean
}

export interface SemaineHoraires {
  /** Monday and Sunday, `YYYY-MM-DD`. */
  debut: string
  fin: string
  jours: JourHoraires[]
}

const deuxChiffres = (n: number): string => String(n).padStart(2, '0')
const iso = (d: Date): string => `${d.getFullYear()}-${deuxChiffres(d.getMonth() + 1)}-${deuxChiffres(d.getDate())}`

/** `9 h`, `14 h 30`, `24 h` (an interval ending at midnight). */
function heure(date: Date, finDeJournee: boolean): string {
  const h = finDeJournee ? 24 : date.getHours()
  const m = finDeJournee ? 0 : date.getMinutes()
  return m === 0 ? `${h}\u00a0h` : `${h}\u00a0h\u00a0${deuxChiffres(m)}`
}

/**
 * Dates are built in the process's local time from Paris calendar days: the package reads them
 * with local getters, so slots come out as written whatever the server's time zone.
 */
export function semaineHoraires(valeur: string, aujourdhui: string = aujourdhuiParis()): SemaineHoraires | null {
  let analyse: ReturnType<typeof analyserHoraires>
  try {
    analyse = analyserHoraires(valeur)
  } catch {
    return null
  }
  const [a, m, j] = aujourdhui.split('-').map(Number) as [number, number, number]
  const reference = new Date(a, m - 1, j)
  const lundi = new Date(a, m - 1, j - ((reference.getDay() + 6) % 7))
  const jours: JourHoraires[] = []
  const avecFeries = /\bPH\b/.test(valeur)
  try {
    for (let i = 0; i < 7; i++) {
      const debut = new Date(lundi.getFullYear(), lundi.getMonth(), lundi.getDate() + i)
      const fin = new Date(lundi.getFullYear(), lundi.getMonth(), lundi.getDate() + i + 1)
      const creneaux = analyse.getOpenIntervals(debut, fin).map(([ouverture, fermeture, inconnu, commentaire]) => {
        const toutLeJour = ouverture.getTime() <= debut.getTime() && fermeture.getTime() >= fin.getTime()
        let texte = toutLeJour ? 'Toute la journée' : `${heure(ouverture, false)} – ${heure(fermeture, fermeture.getTime() >= fin.getTime())}`
        if (commentaire) texte += ` (${commentaire})`
        else if (inconnu) texte += ' (à confirmer)'
        return texte
      })
      const ferie = creneaux.length === 0 && avecFeries && analyse.getPublicHolidayContext(debut).isHoliday
      jours.push({ nom: NOMS_JOURS[i] ?? 'Lundi', date: iso(debut), aujourdhui: iso(debut) === aujourdhui, creneaux, ferie })
    }
  } catch {
    return null
  }
  return { debut: jours[0]?.date ?? aujourdhui, fin: jours[6]?.date ?? aujourdhui, jours }
}
