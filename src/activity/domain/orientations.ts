/**
 * Referrals between places (« orientation avec suivi »): what a mediator may share about the
 * person (only what the person agreed to, field by field, with the date and manner of the
 * consent), the statuses and who moves them, and the form's rules. Pure.
 *
 * envoyee → acceptee | refusee (the receiving place answers)
 * acceptee → prise_en_charge | demarche_realisee | absente (the outcome)
 * prise_en_charge → demarche_realisee | absente
 * La Coop records only a category of « structure de redirection »; this closes the loop.
 */
import { z } from 'zod'
import { lireDateConsentement, RECUEILS_CONSENTEMENT, type RecueilConsentement } from './acces.ts'

export const STATUTS_ORIENTATION = {
  envoyee: 'Envoyée, en attente de réponse',
  acceptee: 'Acceptée par le lieu',
  refusee: 'Déclinée par le lieu',
  prise_en_charge: 'Personne prise en charge',
  demarche_realisee: 'Démarche réalisée',
  absente: 'La personne ne s’est pas présentée',
} as const
export type StatutOrientation = keyof typeof STATUTS_ORIENTATION

const SUIVANTS: Record<StatutOrientation, readonly StatutOrientation[]> = {
  envoyee: ['acceptee', 'refusee'],
  acceptee: ['prise_en_charge', 'demarche_realisee', 'absente'],
  prise_en_charge: ['demarche_realisee', 'absente'],
  refusee: [],
  demarche_realisee: [],
  absente: [],
}

export const statutsSuivants = (statut: StatutOrientation): readonly StatutOrientation[] => SUIVANTS[statut]
export const estStatut = (v: string): v is StatutOrientation => v in STATUTS_ORIENTATION
export const estClose = (statut: StatutOrientation): boolean => SUIVANTS[statut].length === 0

/** What may be shared with the receiving place, each only if the person agreed. */
export const CHAMPS_PARTAGEABLES = [
  { valeur: 'prenom', libelle: 'Prénom' },
  { valeur: 'nom', libelle: 'Nom' },
  { valeur: 'telephone', libelle: 'Téléphone' },
  { valeur: 'courriel', libelle: 'Adresse électronique' },
] as const
export type ChampPartageable = (typeof CHAMPS_PARTAGEABLES)[number]['valeur']

export type Partage = Partial<Record<ChampPartageable, string>>

export interface SaisieOrientation {
  versLieu: number
  besoin: string
  /** Free text for the receiving place (no sensitive data). */
  message?: string
  partage: Partage
  consentement?: { le: string; recueil: RecueilConsentement }
}

export interface ErreurOrientation {
  champ: string
  message: string
}

const texte = (max: number, nom: string) => z.string().trim().max(max, { error: `${nom} est trop long (${max} caractères au plus).` })

/**
 * Reads the referral form: every error, tied to its field. Sharing any personal detail
 * requires the consent's date and manner; a detail is shared only when its box is ticked.
 */
export function lireOrientation(corps: Record<string, string | string[] | undefined>, aujourdhui: string): { orientation: SaisieOrientation } | { erreurs: ErreurOrientation[] } {
  const erreurs: ErreurOrientation[] = []
  const un = (cle: string): string => {
    const v = corps[cle]
    return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim()
  }
  const coches = new Set([corps.partager ?? []].flat())
  const versLieu = /^[1-9]\d{0,14}$/.test(un('vers')) ? Number(un('vers')) : undefined
  if (versLieu === undefined) erreurs.push({ champ: 'vers', message: 'Veuillez choisir le lieu vers lequel vous orientez la personne.' })
  const besoin = texte(300, 'Le besoin').safeParse(un('besoin'))
  if (!besoin.success) erreurs.push({ champ: 'besoin', message: besoin.error.issues[0]?.message ?? 'Besoin invalide.' })
  else if (besoin.data === '') erreurs.push({ champ: 'besoin', message: 'Veuillez décrire en quelques mots le besoin de la personne.' })
  const message = texte(1000, 'Le message').safeParse(un('message'))
  if (!message.success) erreurs.push({ champ: 'message', message: message.error.issues[0]?.message ?? 'Message invalide.' })

  const partage: Partage = {}
  for (const { valeur, libelle } of CHAMPS_PARTAGEABLES) {
    if (!coches.has(valeur)) continue
    const v = un(valeur).slice(0, 200)
    if (v === '') erreurs.push({ champ: valeur, message: `Vous avez coché « ${libelle} » : veuillez l’indiquer, ou décocher la case.` })
    else if (valeur === 'courriel' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) erreurs.push({ champ: valeur, message: 'L’adresse électronique doit ressembler à nom@exemple.fr.' })
    else if (valeur === 'telephone' && v.replace(/[\s.()-]/g, '').replace(/^\+33/, '0').replace(/\D/g, '').length < 10) erreurs.push({ champ: valeur, message: 'Le numéro de téléphone doit compter 10 chiffres (par exemple 06 12 34 56 78).' })
    else partage[valeur] = v
  }
  let consentement: SaisieOrientation['consentement']
  if (coches.size > 0) {
    const le = un('consentement_le')
    const recueil = un('consentement_recueil')
    const date = lireDateConsentement(le, aujourdhui)
    if ('erreur' in date) erreurs.push({ champ: 'consentement_le', message: date.erreur })
    if (!RECUEILS_CONSENTEMENT.some((r) => r.valeur === recueil)) erreurs.push({ champ: 'consentement_recueil', message: 'Veuillez indiquer comment la personne a donné son accord.' })
    if ('le' in date && erreurs.every((e) => !e.champ.startsWith('consentement'))) consentement = { le: date.le, recueil: recueil as RecueilConsentement }
  }
  if (erreurs.length > 0 || versLieu === undefined || !besoin.success || !message.success) return { erreurs }
  return {
    orientation: { versLieu, besoin: besoin.data, ...(message.data !== '' && { message: message.data }), partage, ...(consentement && { consentement }) },
  }
}
