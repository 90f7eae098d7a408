/**
 * How fresh a place's data is: the months elapsed since its `date_maj`, counted on the calendar
 * (the 31 August plus six months is the 28 February), the freshness value of the quality score
 * (1 under 6 months, then falling in a straight line to 0 at 24 months) and the « à mettre à
 * jour » flag (6 months or more). Dates are `YYYY-MM-DD`, today being the day in Europe/Paris.
 */

/** From this age on, a place is « à mettre à jour ». */
export const MOIS_AVANT_MISE_A_JOUR = 6
/** At this age, the freshness value reaches 0. */
export const MOIS_FRAICHEUR_NULLE = 24

interface Jour {
  annee: number
  mois: number // 1 to 12
  jour: number
}

const JOUR_MS = 86_400_000

/** A real calendar date `YYYY-MM-DD`, or `null` (`2023-02-29` is not one). */
function lireJour(iso: string): Jour | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return null
  const [annee, mois, jour] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mois < 1 || mois > 12 || jour < 1 || jour > joursDuMois(annee, mois)) return null
  return { annee, mois, jour }
}

function joursDuMois(annee: number, mois: number): number {
  return new Date(Date.UTC(annee, mois, 0)).getUTCDate()
}

const enJours = (j: Jour): number => Date.UTC(j.annee, j.mois - 1, j.jour) / JOUR_MS

/** `depart` plus `n` months, the day kept when the month has it, else its last day. */
function ajouterMois(depart: Jour, n: number): Jour {
  const rang = depart.annee * 12 + (depart.mois - 1) + n
  const annee = Math.floor(rang / 12)
  const mois = (rang % 12) + 1
  return { annee, mois, jour: Math.min(depart.jour, joursDuMois(annee, mois)) }
}

/**
 * Months from `dateMaj` to `aujourdhui`: whole calendar months, plus the elapsed share of the
 * month under way (2024-01-01 → 2024-01-16: 15/31 ≈ 0.48). A date in the future counts 0;
 * a `dateMaj` that is no real date counts as infinitely old (the place is to be checked).
 * Throws when `aujourdhui` is no real date: that is the caller's mistake.
 */
export function moisDepuisMiseAJour(dateMaj: string, aujourdhui: string): number {
  const jour = lireJour(aujourdhui)
  if (!jour) throw new RangeError(`La date du jour « ${aujourdhui} » n'est pas une date AAAA-MM-JJ valide.`)
  const depart = lireJour(dateMaj)
  if (!depart) return Number.POSITIVE_INFINITY
  const fin = enJours(jour)
  if (fin <= enJours(depart)) return 0
  // whole months first (estimated from the calendar, then adjusted by one at most)
  let entiers = (jour.annee - depart.annee) * 12 + (jour.mois - depart.mois)
  if (enJours(ajouterMois(depart, entiers)) > fin) entiers -= 1
  const debut = enJours(ajouterMois(depart, entiers))
  const suivant = enJours(ajouterMois(depart, entiers + 1))
  return entiers + (fin - debut) / (suivant - debut)
}

/** Not updated for 6 months or more (or no real `date_maj`). */
export function aMettreAJour(lieu: { date_maj: string }, aujourdhui: string): boolean {
  return moisDepuisMiseAJour(lieu.date_maj, aujourdhui) >= MOIS_AVANT_MISE_A_JOUR
}

/** 1 under 6 months; then linear down to 0 at 24 months; 0 beyond. */
export function valeurFraicheur(mois: number): number {
  if (mois <= MOIS_AVANT_MISE_A_JOUR) return 1
  if (mois >= MOIS_FRAICHEUR_NULLE) return 0
  return (MOIS_FRAICHEUR_NULLE - mois) / (MOIS_FRAICHEUR_NULLE - MOIS_AVANT_MISE_A_JOUR)
}
