/**
 * Who may see a followed beneficiary's identity. Pure: the routes give the mediator's
 * structures (from the places where the account is `mediateur`) and the beneficiary's file.
 * - Only mediators see identities, and only in their own structure: coordinators,
 *   managers and administrators never do (they read aggregates).
 * - Within the structure, the person's consent decides: scope `structure` → every mediator of
 *   the structure; scope `mediateur` → only the mediator who recorded the person.
 * Also the consent's vocabulary and the reading of its date (beneficiary files and referrals).
 */
import { versDateIso } from '../../places/validation/date-maj.ts'

export const PORTEES_CONSENTEMENT = [
  { valeur: 'mediateur', libelle: 'Seulement le médiateur qui suit la personne' },
  { valeur: 'structure', libelle: 'Les médiateurs de la structure' },
] as const
export type PorteeConsentement = (typeof PORTEES_CONSENTEMENT)[number]['valeur']

export const RECUEILS_CONSENTEMENT = [
  { valeur: 'oral', libelle: 'À l’oral, devant le médiateur' },
  { valeur: 'ecrit', libelle: 'Par écrit (formulaire signé)' },
  { valeur: 'numerique', libelle: 'Par un moyen numérique (courriel, SMS)' },
] as const
export type RecueilConsentement = (typeof RECUEILS_CONSENTEMENT)[number]['valeur']

/** A mediator: the account and the structures of the places where it is `mediateur`. */
export interface MediateurStructures {
  id: number
  structures: readonly number[]
}

export interface FicheProtegee {
  structureId: number
  creePar: number | null
  consentementPortee: string | null
  anonymiseLe: Date | null
}

export function peutVoirIdentite(mediateur: MediateurStructures, fiche: FicheProtegee): boolean {
  if (fiche.anonymiseLe !== null) return false
  if (!mediateur.structures.includes(fiche.structureId)) return false
  return fiche.consentementPortee === 'structure' || fiche.creePar === mediateur.id
}

/**
 * The date a person gave their consent, as typed: a date field's `2025-03-14`, or `14/03/2025`
 * by hand; not in the future nor before 2000. The ISO date, or the French message.
 */
export function lireDateConsentement(brut: string, aujourdhui: string): { le: string } | { erreur: string } {
  if (brut === '') return { erreur: 'Veuillez indiquer la date à laquelle la personne a donné son accord.' }
  const d = versDateIso(brut)
  if (d === null) return { erreur: 'La date de l’accord doit être une date réelle, par exemple 14/03/2025.' }
  if (d > aujourdhui) return { erreur: `La date de l’accord ne peut pas être dans le futur (nous sommes le ${aujourdhui.split('-').reverse().join('/')}).` }
  if (d < '2000-01-01') return { erreur: 'La date de l’accord ne peut pas être antérieure à l’an 2000.' }
  return { le: d }
}
