/**
 * Reading and writing the activity form (pure). Posted fields become the raw entry that
 * `validerActivite` checks (La Coop's rules), and an activity becomes the form's fields again
 * (to edit or duplicate it). Every error comes back tied to the id of its input, the form's own
 * (a commune not found, a duration typed twice) and the validation's, merged by input in the
 * order of the form. Nothing typed is dropped in silence: a value the activity would not keep
 * (démarches without their thematic, a commune for a place, a custom duration next to a
 * preset) is sent to the validation or refused here, never ignored.
 */
import { versDateIso } from '../../places/validation/date-maj.ts'
import type { Referentiel } from '../../territories/referentiel.ts'
import { type Activite, type ErreurChamp, validerActivite } from '../domain/validation.ts'
import { DUREE_PERSONNALISEE, DUREES_PREDEFINIES, GENRES, STATUTS_SOCIAUX, TRANCHES_AGE, type TypeActivite, TYPES_LIEU_AVEC_COMMUNE, type TypeLieu } from '../domain/vocabulaire.ts'
import { communeEcrite, resoudreCommuneSaisie } from './commune-saisie.ts'

/** The form's fields as posted (repeated fields as arrays). */
export type ChampsActivite = Record<string, string | string[]>
type Corps = Record<string, string | string[] | undefined>

export interface ContexteFormulaire {
  type: TypeActivite
  /** Today in Europe/Paris, `YYYY-MM-DD`. */
  aujourdhui: string
  referentiel: Referentiel
}

/** The anonymous counters of a workshop: field name → path in `participants`. */
export const COMPTEURS: ReadonlyArray<{ nom: string; chemin: [string] | [string, string] }> = [
  { nom: 'participants_total', chemin: ['total'] },
  { nom: 'participants_dejaAccompagne', chemin: ['dejaAccompagne'] },
  ...GENRES.map((g) => ({ nom: `participants_genre_${g.valeur}`, chemin: ['genre', g.valeur] as [string, string] })),
  ...TRANCHES_AGE.map((t) => ({ nom: `participants_trancheAge_${t.valeur}`, chemin: ['trancheAge', t.valeur] as [string, string] })),
  ...STATUTS_SOCIAUX.map((s) => ({ nom: `participants_statutSocial_${s.valeur}`, chemin: ['statutSocial', s.valeur] as [string, string] })),
]

/** The inputs in the order of the form (the error summary follows it). */
export const ORDRE_DES_CHAMPS = [
  'beneficiaireSuivi', 'anonyme_dejaAccompagne', 'anonyme_genre', 'anonyme_trancheAge', 'anonyme_statutSocial', 'anonyme_communeResidence',
  'titreAtelier', ...COMPTEURS.map((c) => c.nom), 'beneficiairesSuivis',
  'date', 'duree', 'duree_heures', 'duree_minutes', 'typeLieu', 'lieu', 'commune',
  'thematiques', 'thematiquesDemarche', 'precisionsDemarche', 'materiel',
  'autonomie', 'niveau', 'orienteVersStructure', 'structureDeRedirection', 'notes',
]

/** The input a validation path points to (`participants.genre` → its first counter), '' when none. */
export function ancre(champ: string): string {
  const morceaux = champ.split('.').filter((m) => !/^\d+$/.test(m))
  const [tete, ...reste] = morceaux
  if (tete === 'beneficiaireAnonyme') return reste.length === 0 ? 'anonyme_dejaAccompagne' : `anonyme_${reste[0]}`
  if (tete === 'participants') {
    if (reste.length === 0) return 'participants_total'
    const premier = COMPTEURS.find((c) => c.chemin[0] === reste[0] && (reste[1] === undefined || c.chemin[1] === reste[1]))
    return premier?.nom ?? 'participants_total'
  }
  return tete !== undefined && ORDRE_DES_CHAMPS.includes(tete) ? tete : ''
}

const premier = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''))
const liste = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== '')
const CHAMPS_LISTES = new Set(['thematiques', 'thematiquesDemarche', 'materiel', 'beneficiairesSuivis'])

/** What was typed, to show the form again unchanged (only the form's own fields). */
function saisieDe(corps: Corps): ChampsActivite {
  const saisie: ChampsActivite = {}
  for (const nom of [...ORDRE_DES_CHAMPS, 'type']) saisie[nom] = CHAMPS_LISTES.has(nom) ? liste(corps[nom]) : premier(corps[nom])
  return saisie
}

/** A counter: '' is absent (0), a number is a number, anything else goes to the validation as typed (« Veuillez indiquer un nombre »). */
function nombre(texte: string): number | string | undefined {
  const t = texte.trim()
  if (t === '') return undefined
  return /^-?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : t
}

const FORMAT_DUREE = (minutes: number): string => (minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${String(minutes % 60).padStart(2, '0')}` : ''}`)
export const libelleDuree = FORMAT_DUREE

/** The duration: a preset, or « Personnaliser » with hours and minutes. */
function lireDuree(saisie: ChampsActivite, erreur: (champ: string, message: string) => void): number | undefined {
  const choix = premier(saisie['duree'])
  const heures = premier(saisie['duree_heures']).trim()
  const minutes = premier(saisie['duree_minutes']).trim()
  const personnalisee = heures !== '' || minutes !== ''
  let total: number | undefined
  if (personnalisee) {
    const h = heures === '' ? 0 : /^\d{1,2}$/.test(heures) ? Number(heures) : Number.NaN
    const m = minutes === '' ? 0 : /^\d{1,2}$/.test(minutes) ? Number(minutes) : Number.NaN
    if (!(h >= 0 && h <= 23)) erreur('duree_heures', 'Le nombre d’heures doit être un nombre entier de 0 à 23.')
    if (!(m >= 0 && m <= 59)) erreur('duree_minutes', 'Le nombre de minutes doit être un nombre entier de 0 à 59.')
    if (h >= 0 && h <= 23 && m >= 0 && m <= 59) total = h * 60 + m
  }
  const preset = DUREES_PREDEFINIES.find((d) => d.valeur === choix)
  if (preset) {
    if (personnalisee && total !== undefined && total !== preset.minutes) {
      erreur('duree', `Vous avez choisi ${FORMAT_DUREE(preset.minutes)} et écrit une durée personnalisée de ${FORMAT_DUREE(total)} : choisissez « Personnaliser » pour garder la durée écrite, ou videz les heures et les minutes.`)
      return undefined
    }
    return preset.minutes
  }
  if (choix !== '' && choix !== DUREE_PERSONNALISEE.valeur) {
    erreur('duree', `La durée « ${choix} » ne fait pas partie des choix proposés.`)
    return undefined
  }
  if (!personnalisee) {
    erreur(choix === '' ? 'duree' : 'duree_heures', choix === '' ? 'Veuillez choisir la durée de l’accompagnement.' : 'Veuillez indiquer la durée personnalisée : un nombre d’heures, de minutes, ou les deux.')
    return undefined
  }
  if (total === 0) {
    erreur('duree_minutes', 'La durée doit être d’au moins 1 minute.')
    return undefined
  }
  return total
}

export interface EntreeLue {
  /** The raw entry for `validerActivite`. */
  brut: Record<string, unknown>
  /** The mediator's place chosen in the form (always needed: the activity is recorded for it). */
  lieuUid: number | undefined
  saisie: ChampsActivite
  /** The form's own errors (input ids). */
  erreurs: ErreurChamp[]
}

/** Posted fields → the raw entry of the validation, the place, and the form's own errors. */
export function versBrut(corps: Corps, contexte: ContexteFormulaire): EntreeLue {
  const saisie = saisieDe(corps)
  const erreurs: ErreurChamp[] = []
  const erreur = (champ: string, message: string) => void erreurs.push({ champ, message })
  const texte = (nom: string) => premier(saisie[nom])
  const brut: Record<string, unknown> = { type: contexte.type }

  const date = texte('date').trim()
  if (date !== '') brut['date'] = versDateIso(date) ?? date
  const duree = lireDuree(saisie, erreur)
  if (duree !== undefined) brut['duree'] = duree

  const typeLieu = texte('typeLieu')
  if (typeLieu !== '') brut['typeLieu'] = typeLieu
  const lieu = texte('lieu')
  const lieuUid = /^[1-9]\d{0,14}$/.test(lieu) ? Number(lieu) : undefined
  if (typeLieu === 'lieu_activite' && lieuUid !== undefined) brut['lieu'] = String(lieuUid)
  if (typeLieu !== 'lieu_activite' && lieuUid === undefined) erreur('lieu', 'Veuillez choisir le lieu d’activité dont relève l’accompagnement.')
  const commune = (nom: string, cle: string, cible: Record<string, unknown>) => {
    const resolue = resoudreCommuneSaisie(texte(nom), contexte.referentiel)
    if (resolue && 'code' in resolue) cible[cle] = resolue.code
    else if (resolue) erreur(nom, resolue.erreur)
  }
  commune('commune', 'commune', brut)
  if (texte('commune').trim() === '' && TYPES_LIEU_AVEC_COMMUNE.includes(typeLieu as TypeLieu)) {
    erreur('commune', 'Veuillez indiquer la commune où a eu lieu l’accompagnement, par exemple « Chambéry (73000) ».')
  }

  brut['thematiques'] = liste(saisie['thematiques'])
  brut['thematiquesDemarche'] = liste(saisie['thematiquesDemarche'])
  brut['precisionsDemarche'] = texte('precisionsDemarche')
  brut['materiel'] = liste(saisie['materiel'])
  brut['notes'] = texte('notes')

  if (contexte.type === 'individuel') {
    for (const nom of ['autonomie', 'structureDeRedirection', 'beneficiaireSuivi'] as const) if (texte(nom) !== '') brut[nom] = texte(nom)
    const oriente = texte('orienteVersStructure')
    if (oriente !== '') brut['orienteVersStructure'] = oriente === 'oui' ? true : oriente === 'non' ? false : oriente
    const anonyme: Record<string, unknown> = {}
    if (texte('anonyme_dejaAccompagne') !== '') anonyme['dejaAccompagne'] = true
    for (const cle of ['genre', 'trancheAge', 'statutSocial'] as const) {
      const v = texte(`anonyme_${cle}`)
      if (v !== '' && v !== 'non_communique') anonyme[cle] = v
    }
    commune('anonyme_communeResidence', 'communeResidence', anonyme)
    // with a followed beneficiary, anonymous data typed anyway goes to the validation, which refuses it
    if (brut['beneficiaireSuivi'] === undefined || Object.keys(anonyme).length > 0) brut['beneficiaireAnonyme'] = anonyme
  } else {
    for (const nom of ['titreAtelier', 'niveau'] as const) if (texte(nom) !== '') brut[nom] = texte(nom)
    brut['beneficiairesSuivis'] = liste(saisie['beneficiairesSuivis'])
    const participants: Record<string, unknown> = {}
    for (const { nom, chemin } of COMPTEURS) {
      const n = nombre(texte(nom))
      if (n === undefined) continue
      const [cle, sous] = chemin
      if (sous === undefined) participants[cle] = n
      else participants[cle] = { ...(participants[cle] as object | undefined), [sous]: n }
    }
    brut['participants'] = participants
  }
  return { brut, lieuUid, saisie, erreurs }
}

/** Gathers errors by input, in the order of the form, the messages of one input joined. */
export function parChamp(erreurs: readonly ErreurChamp[]): ErreurChamp[] {
  const rang = (champ: string) => (ORDRE_DES_CHAMPS.includes(champ) ? ORDRE_DES_CHAMPS.indexOf(champ) : ORDRE_DES_CHAMPS.length)
  const groupes = new Map<string, string[]>()
  for (const { champ, message } of [...erreurs].sort((a, b) => rang(a.champ) - rang(b.champ))) {
    const deja = groupes.get(champ) ?? []
    if (!deja.includes(message)) groupes.set(champ, [...deja, message])
  }
  return [...groupes].map(([champ, messages]) => ({ champ, message: messages.join(' ') }))
}

/** API wording of a few validation messages, said as the form says it. */
const pourLeFormulaire = (message: string): string => message.replace(/ \(orienteVersStructure : true\)/, '').replace(/ par oui \(true\) ou non \(false\)/, ' par oui ou non')

export interface FormulaireLu {
  activite?: Activite
  lieuUid?: number
  saisie: ChampsActivite
  erreurs: ErreurChamp[]
}

/** Posted fields → the checked activity, or every error by input (the form's first, then the validation's elsewhere). */
export function lireActivite(corps: Corps, contexte: ContexteFormulaire): FormulaireLu {
  const lue = versBrut(corps, contexte)
  const resultat = validerActivite(lue.brut, contexte.aujourdhui)
  const dejaSignales = new Set(lue.erreurs.map((e) => e.champ))
  // a duration the form could not read is not also « missing »
  if (lue.erreurs.some((e) => e.champ.startsWith('duree'))) dejaSignales.add('duree')
  const validation = 'erreurs' in resultat ? resultat.erreurs.map((e) => ({ champ: ancre(e.champ), message: pourLeFormulaire(e.message) })).filter((e) => !dejaSignales.has(e.champ)) : []
  const erreurs = parChamp([...lue.erreurs, ...validation])
  if (erreurs.length > 0 || 'erreurs' in resultat || lue.lieuUid === undefined) return { saisie: lue.saisie, erreurs }
  return { activite: resultat.activite, lieuUid: lue.lieuUid, saisie: lue.saisie, erreurs: [] }
}

/** An activity → the form's fields (to edit or duplicate it); `lieuUid` is the place it is recorded for (null: gone). */
export function champsDepuisActivite(a: Activite, lieuUid: number | null, ref: Referentiel): ChampsActivite {
  const preset = DUREES_PREDEFINIES.find((d) => d.minutes === a.duree)
  const champs: ChampsActivite = {
    type: a.type,
    date: a.date,
    duree: preset?.valeur ?? DUREE_PERSONNALISEE.valeur,
    duree_heures: preset ? '' : String(Math.floor(a.duree / 60)),
    duree_minutes: preset ? '' : String(a.duree % 60),
    typeLieu: a.typeLieu,
    lieu: lieuUid === null ? '' : String(lieuUid),
    commune: a.commune !== undefined ? communeEcrite(a.commune, ref) : '',
    thematiques: [...a.thematiques],
    thematiquesDemarche: [...a.thematiquesDemarche],
    precisionsDemarche: a.precisionsDemarche ?? '',
    materiel: [...a.materiel],
    notes: a.notes ?? '',
  }
  if (a.type === 'individuel') {
    const anonyme = a.beneficiaireAnonyme
    Object.assign(champs, {
      autonomie: a.autonomie ?? '',
      orienteVersStructure: a.orienteVersStructure ? 'oui' : 'non',
      structureDeRedirection: a.structureDeRedirection ?? '',
      beneficiaireSuivi: a.beneficiaireSuivi ?? '',
      anonyme_dejaAccompagne: anonyme?.dejaAccompagne ? '1' : '',
      anonyme_genre: anonyme?.genre ?? 'non_communique',
      anonyme_trancheAge: anonyme?.trancheAge ?? 'non_communique',
      anonyme_statutSocial: anonyme?.statutSocial ?? 'non_communique',
      anonyme_communeResidence: anonyme?.communeResidence !== undefined ? communeEcrite(anonyme.communeResidence, ref) : '',
    })
  } else {
    Object.assign(champs, { titreAtelier: a.titreAtelier ?? '', niveau: a.niveau ?? '', beneficiairesSuivis: [...a.beneficiairesSuivis] })
    for (const { nom, chemin } of COMPTEURS) {
      const [cle, sous] = chemin
      const valeur = (a.participants as unknown as Record<string, number | Record<string, number>>)[cle]
      const n = sous === undefined ? valeur : typeof valeur === 'object' ? valeur[sous] : undefined
      champs[nom] = typeof n === 'number' && n !== 0 ? String(n) : ''
    }
  }
  return champs
}
