/**
 * How long personal data is kept (retention rules), La Coop's published defaults (reference
 * §11: beneficiary data 1 year after the last update then anonymised; accompaniment data kept,
 * anonymised after 1 year), configurable by environment variables:
 * - `AIGUILLAGE_CONSERVATION_IDENTITES_JOURS` (365): a followed beneficiary's identity is erased
 *   this many days after the file's last update (an accompaniment recorded counts as one);
 * - `AIGUILLAGE_CONSERVATION_NOTES_JOURS` (365): the free-text notes of an activity are erased
 *   this many days after the activity's date (the activity itself is kept);
 * - `AIGUILLAGE_CONSERVATION_ORIENTATIONS_JOURS` (365): what a person agreed to share on a
 *   referral is erased this many days after the referral's last update.
 * A value that is not a whole number of days, or below 30, is refused at start-up. Pure.
 */

export interface ReglesConservation {
  identitesJours: number
  notesJours: number
  orientationsJours: number
}

export const REGLES_PAR_DEFAUT: ReglesConservation = { identitesJours: 365, notesJours: 365, orientationsJours: 365 }
export const MINIMUM_JOURS = 30
/** A hundred years: beyond, a typing error. */
export const MAXIMUM_JOURS = 36_500

/** Each rule: its key, its variable, what it erases, and from when the days count. */
export const VARIABLES_CONSERVATION: ReadonlyArray<readonly [keyof ReglesConservation, string, string, string]> = [
  ['identitesJours', 'AIGUILLAGE_CONSERVATION_IDENTITES_JOURS', 'Identité des bénéficiaires suivis', 'la dernière mise à jour de leur fiche (un accompagnement compte)'],
  ['notesJours', 'AIGUILLAGE_CONSERVATION_NOTES_JOURS', 'Notes des activités', 'la date de l’activité (l’activité reste, anonyme)'],
  ['orientationsJours', 'AIGUILLAGE_CONSERVATION_ORIENTATIONS_JOURS', 'Informations partagées dans une orientation', 'la dernière mise à jour de l’orientation'],
]

/** The rules from the environment (defaults when absent); throws a French error for a bad value. */
export function lireReglesConservation(env: Readonly<Record<string, string | undefined>>): ReglesConservation {
  const regles = { ...REGLES_PAR_DEFAUT }
  for (const [cle, variable] of VARIABLES_CONSERVATION) {
    const brut = env[variable]?.trim()
    if (brut === undefined || brut === '') continue
    const jours = /^\d{1,6}$/.test(brut) ? Number(brut) : NaN
    if (Number.isNaN(jours)) {
      throw new Error(`La variable d'environnement ${variable} vaut « ${brut} » : un nombre entier de jours est attendu (par exemple ${REGLES_PAR_DEFAUT[cle]}, la règle de La Coop).`)
    }
    if (jours < MINIMUM_JOURS) {
      throw new Error(`La variable d'environnement ${variable} vaut ${jours} : une durée de conservation de moins de ${MINIMUM_JOURS} jours est refusée (les données disparaîtraient avant d'avoir servi). Indiquez ${MINIMUM_JOURS} jours au moins, ou retirez la variable pour garder ${REGLES_PAR_DEFAUT[cle]} jours.`)
    }
    if (jours > MAXIMUM_JOURS) throw new Error(`La variable d'environnement ${variable} vaut ${jours} : ${MAXIMUM_JOURS.toLocaleString('fr-FR')} jours au plus (cent ans).`)
    regles[cle] = jours
  }
  return regles
}

const JOUR_MS = 24 * 60 * 60 * 1000

/** `YYYY-MM-DD` in Europe/Paris. */
const jourParis = (d: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)

export interface Limites {
  /** Files last updated before this instant lose their identity. */
  identitesAvant: Date
  /** Activities dated before this day (`YYYY-MM-DD`, Paris) lose their notes. */
  notesAvant: string
  /** Referrals last updated before this instant lose what was shared. */
  orientationsAvant: Date
}

/** What is old enough to erase, at `maintenant`. */
export function limitesConservation(regles: ReglesConservation, maintenant: Date): Limites {
  return {
    identitesAvant: new Date(maintenant.getTime() - regles.identitesJours * JOUR_MS),
    notesAvant: jourParis(new Date(maintenant.getTime() - regles.notesJours * JOUR_MS)),
    orientationsAvant: new Date(maintenant.getTime() - regles.orientationsJours * JOUR_MS),
  }
}

/** « 365 jours (1 an) » — the rules in plain French, for the pages and the README. */
export function dureeLisible(jours: number): string {
  const ans = jours / 365
  const precision = Number.isInteger(ans) ? ` (${ans} an${ans > 1 ? 's' : ''})` : jours % 30 === 0 && jours < 365 ? ` (${jours / 30} mois)` : ''
  return `${jours.toLocaleString('fr-FR')} jours${precision}`
}
