/**
 * Reading the place-editing form (pure): the posted fields become a row of the standard, checked
 * by the same validation as imported files (`validerLigne`), and every problem comes back tied to
 * the input id of its field. A person's typing is never dropped in silence: a value the
 * validation would ignore is an error to correct; forged values outside the closed vocabularies
 * are refused. `id` comes from the caller, never from the form; `date_maj` is today (an edit is
 * an update).
 */
import { LIBELLES_CHAMPS, LONGUEUR_MAX_RESUME, PIVOT_NON_RENSEIGNE, type Lieu } from '../../places/standard/fields.ts'
import { validerLigne } from '../../places/validation/ligne.ts'
import type { Referentiel } from '../../territories/referentiel.ts'
import { apercuOuverture } from '../horaires/apercu.ts'
import { lireHoraires, type ErreurHoraires } from '../horaires/formulaire.ts'
import type { SemaineHoraires } from '../horaires/modele.ts'
import { ADMISES, CHAMPS_A_COCHER, CHAMPS_PAR_LIGNE, CHAMPS_SIMPLES, rangDuChamp } from './champs.ts'
import { versFormulaire, type MessageFiche } from './messages.ts'

export interface ErreurChamp {
  /** The input id, for the summary link ('' when no input matches). */
  champ: string
  message: string
}

export type ValeursFiche = Record<string, string | string[]>

export interface HorairesFiche {
  semaine: SemaineHoraires | undefined
  osm: string
  erreurs: readonly ErreurHoraires[]
  apercu?: string | undefined
}

export interface FicheLue {
  /** The validated place, or `null` when there are blocking errors. */
  lieu: Lieu | null
  /** What the person typed, to show the form again unchanged. */
  saisie: ValeursFiche
  /** Blocking problems, one per input id (messages of a same field joined). */
  erreurs: ErreurChamp[]
  /** Advice that does not block (an absent SIRET or RNA). */
  avertissements: ErreurChamp[]
  /** Values rewritten into the standard's form, to show after saving. */
  corrections: ErreurChamp[]
  /** The hours as read by the editor, ready for `FormulaireFiche`'s `horaires` prop (with the preview when `maintenant` is given). */
  horaires: HorairesFiche
}

export interface ContexteFiche {
  /** The place's identifier, given by the caller. */
  id: string
  /** Today in Europe/Paris, `YYYY-MM-DD`: the new `date_maj`. */
  aujourdhui: string
  referentiel: Referentiel
  /** When given, the « ouvert maintenant » preview of the hours is computed at that instant. */
  maintenant?: Date
  /** The stored place's `source` (who collects the data), kept: the form does not edit it. */
  source?: string | null | undefined
}

type Corps = Record<string, string | string[] | undefined>

const premier = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''))
const liste = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const lignes = (texte: string): string[] => texte.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '')

/** The form's values for an existing place (`id`, `source`, `date_maj` are not part of it). */
export function valeursDepuisLieu(lieu: Lieu): ValeursFiche {
  const valeurs: ValeursFiche = {}
  for (const champ of CHAMPS_SIMPLES) {
    const v = lieu[champ]
    valeurs[champ] = v === null ? '' : String(v)
  }
  if (lieu.pivot === PIVOT_NON_RENSEIGNE) valeurs['pivot'] = ''
  for (const champ of CHAMPS_PAR_LIGNE) valeurs[champ] = lieu[champ].join('\n')
  for (const champ of CHAMPS_A_COCHER) valeurs[champ] = [...lieu[champ]]
  valeurs['horaires'] = lieu.horaires ?? ''
  return valeurs
}

/** What was typed in the form's own fields, checkbox lists always as arrays. */
function saisieDe(corps: Corps): ValeursFiche {
  const saisie: ValeursFiche = {}
  for (const champ of [...CHAMPS_SIMPLES, ...CHAMPS_PAR_LIGNE]) saisie[champ] = premier(corps[champ])
  for (const champ of CHAMPS_A_COCHER) saisie[champ] = liste(corps[champ]).filter((v) => v !== '')
  return saisie
}

/** Gathers messages by input id, in the order of the form; the messages of one field are joined. */
function parChamp(messages: readonly MessageFiche[]): ErreurChamp[] {
  const regroupes = new Map<string, string[]>()
  for (const { champ, message } of [...messages].sort((a, b) => rangDuChamp(a.champ) - rangDuChamp(b.champ))) {
    const deja = regroupes.get(champ)
    if (!deja) regroupes.set(champ, [message])
    else if (!deja.includes(message)) deja.push(message)
  }
  // « obligatoire » adds nothing to a message saying what is wrong with the value typed
  const utiles = (textes: string[]) => (textes.length > 1 ? textes.filter((t) => !t.includes('est obligatoire')) : textes)
  return [...regroupes].map(([champ, textes]) => ({ champ, message: utiles(textes).join(' ') }))
}

export function lireFiche(corps: Corps, contexte: ContexteFiche): FicheLue {
  const saisie = saisieDe(corps)
  const messages: MessageFiche[] = []
  const erreur = (champ: string, message: string) => messages.push({ niveau: 'erreur', champ, message })

  const ligne: Record<string, unknown> = { id: contexte.id, date_maj: contexte.aujourdhui, source: contexte.source ?? '' }
  for (const champ of CHAMPS_SIMPLES) ligne[champ] = saisie[champ]
  for (const champ of CHAMPS_PAR_LIGNE) ligne[champ] = lignes(premier(saisie[champ])).join('|')
  for (const champ of CHAMPS_A_COCHER) {
    const valeurs = liste(saisie[champ])
    for (const inconnue of valeurs.filter((v) => !ADMISES[champ].has(v))) {
      erreur(champ, `« ${inconnue} » ne fait pas partie des choix proposés pour « ${LIBELLES_CHAMPS[champ]} ».`)
    }
    ligne[champ] = valeurs.filter((v) => ADMISES[champ].has(v)).join('|')
  }
  // required in the form even when the validation could complete them from each other
  if (premier(saisie['code_postal']).trim() === '') erreur('code_postal', 'Le code postal est obligatoire (5 chiffres).')
  if (premier(saisie['commune']).trim() === '') erreur('commune', 'La commune est obligatoire.')
  const resume = premier(saisie['presentation_resume']).trim()
  if (resume.length > LONGUEUR_MAX_RESUME) {
    erreur('presentation_resume', `La présentation résumée fait ${resume.length} caractères : le standard en admet ${LONGUEUR_MAX_RESUME}. Raccourcissez-la ; la présentation détaillée peut tout dire.`)
  }
  const horaires = lireHoraires(corps, contexte.aujourdhui)
  ligne['horaires'] = horaires.osm
  for (const e of horaires.erreurs) erreur(e.champ, e.message)

  const resultat = validerLigne(ligne, { aujourdhui: contexte.aujourdhui, referentiel: contexte.referentiel })
  for (const probleme of resultat.problemes) messages.push(versFormulaire(probleme))

  const erreurs = parChamp(messages.filter((m) => m.niveau === 'erreur'))
  const enErreur = new Set(erreurs.map((e) => e.champ))
  const avertissements = parChamp(messages.filter((m) => m.niveau === 'avertissement'))
  // a rewrite of a value refused elsewhere in the same field would contradict its error
  const corrections = parChamp(messages.filter((m) => m.niveau === 'correction' && !enErreur.has(m.champ)))

  const region = resultat.localisation.commune?.region
  const apercu = contexte.maintenant !== undefined && horaires.osm !== '' && horaires.erreurs.length === 0
    ? apercuOuverture(horaires.osm, contexte.maintenant, contexte.referentiel.regions.get(region ?? '')?.nom ?? '')
    : undefined
  return {
    lieu: erreurs.length === 0 ? resultat.lieu : null,
    saisie,
    erreurs,
    avertissements,
    corrections,
    horaires: { semaine: horaires.semaine, osm: horaires.osm, erreurs: horaires.erreurs, apercu },
  }
}
