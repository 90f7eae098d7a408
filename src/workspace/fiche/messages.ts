/**
 * The standard's validation speaks to files (« … : elle est ignorée ») ; the form speaks to the
 * person who typed the value. Here a validation problem becomes a form message: a value the
 * validation would drop (level `avertissement`) is refused as an error, next to its field, with
 * what to write instead; only an absent SIRET or RNA stays a piece of advice. Errors and
 * corrections keep the validation's wording, already addressed to a person.
 */
import type { Probleme } from '../../places/validation/problems.ts'
import { idDuChamp } from './champs.ts'

export interface MessageFiche {
  niveau: 'erreur' | 'avertissement' | 'correction'
  /** Input id ('' when the form shows no input for it). */
  champ: string
  message: string
}

const EXEMPLE_URL = 'par exemple https://www.mairie-chambery.fr'

/** « … : elle est ignorée. » and its variants, removed from a message kept as is. */
const sansIgnore = (message: string): string =>
  message
    .replace(/\s*:\s*(elle est|il est|elles sont|ils sont) ignorée?s?\s*(;[^.]*)?\.?(?=\s|$)/g, '.')
    .replace(/\s*:\s*coordonnées ignorées\.?/, '.')
    .replace(/\.\./g, '.')

function messagePivot(p: Probleme): string {
  if (p.message.includes('clé de contrôle')) {
    return `Le SIRET « ${p.valeur} » ne respecte pas la clé de contrôle : vérifiez-le sur l’annuaire des entreprises, ou laissez le champ vide.`
  }
  if (p.message.includes('SIREN')) {
    return `« ${p.valeur} » est un SIREN (9 chiffres) : indiquez le SIRET de l’établissement (14 chiffres) ou le RNA de l’association (W suivi de 9 caractères).`
  }
  return `« ${p.valeur} » n’est ni un SIRET (14 chiffres) ni un RNA (W suivi de 9 caractères) : corrigez-le, ou laissez le champ vide.`
}

function messageCoordonnees(p: Probleme): string {
  if (p.message.startsWith('Latitude et longitude vont ensemble')) return 'Renseignez la latitude et la longitude, ou aucune des deux.'
  if (p.message.startsWith('Coordonnées 0 ; 0')) return 'Les coordonnées 0 et 0 ne désignent pas un lieu : indiquez les vraies coordonnées, ou aucune.'
  if (p.message.startsWith('Coordonnées illisibles')) return 'Écrivez la latitude et la longitude en degrés décimaux, par exemple 45.5646 et 5.9178.'
  return `${sansIgnore(p.message)} Vérifiez la latitude et la longitude (ou laissez-les vides).`
}

function messageTelephone(p: Probleme): string {
  if (p.message.startsWith('Le standard n')) return 'Indiquez un seul numéro de téléphone : le standard n’en admet qu’un.'
  return `Le numéro « ${p.valeur} » n’est pas valide : écrivez un numéro à 10 chiffres (par exemple 04 79 31 19 19) ou au format international (+33479311919).`
}

function messageCommune(p: Probleme): MessageFiche {
  const message = p.message
    .replace(/, qui est retenue\.$/, '.')
    .replace(/ : à vérifier\.$/, '.')
    .replace(/ introuvable dans le référentiel officiel des communes\.$/, ' est introuvable dans la liste officielle des communes.')
  const champ = message.startsWith('Le code INSEE') ? 'code_insee' : 'commune'
  return { niveau: 'erreur', champ, message: `${message} Vérifiez la commune, le code postal et le code INSEE.` }
}

/** A value the validation would drop, refused in the form with what to write instead. */
function refus(p: Probleme): MessageFiche {
  const erreur = (message: string): MessageFiche => ({ niveau: 'erreur', champ: idDuChamp(p.champ), message })
  switch (p.champ) {
    case 'courriels':
      return erreur(`« ${p.valeur} » n’est pas une adresse électronique valide (par exemple accueil@mairie-chambery.fr).`)
    case 'site_web':
    case 'prise_rdv':
    case 'fiche_acces_libre':
      return erreur(`« ${p.valeur} » n’est pas une adresse web valide (${EXEMPLE_URL}).`)
    case 'telephone':
      return erreur(messageTelephone(p))
    case 'pivot':
      return erreur(messagePivot(p))
    case 'code_postal':
      return erreur(`Le code postal « ${p.valeur} » doit avoir 5 chiffres (par exemple 73000).`)
    case 'code_insee':
      return erreur(`Le code INSEE « ${p.valeur} » n’est pas au format attendu (5 caractères, par exemple 73065) : corrigez-le, ou laissez-le vide pour qu’il soit complété d’après la commune.`)
    case 'latitude':
    case 'longitude':
      return erreur(messageCoordonnees(p))
    case 'commune':
      return messageCommune(p)
    default:
      return erreur(sansIgnore(p.message))
  }
}

export function versFormulaire(p: Probleme): MessageFiche {
  if (p.niveau === 'correction') return { niveau: 'correction', champ: idDuChamp(p.champ), message: p.message }
  if (p.niveau === 'erreur') return { niveau: 'erreur', champ: idDuChamp(p.champ), message: p.message }
  if (p.champ === 'pivot' && p.valeur === '') {
    return {
      niveau: 'avertissement',
      champ: 'pivot',
      message: 'Le SIRET ou le RNA n’est pas renseigné : si vous le connaissez, ajoutez-le, il relie le lieu à sa structure.',
    }
  }
  return refus(p)
}
