/**
 * The state of an orientation search as the URL carries it (`/recherche?besoin=impots&ou=…`):
 * read from the query string defensively (unknown needs and values are dropped, texts are
 * bounded), written back as a URL with only what differs from the defaults, in a fixed order —
 * so pagination, widening and refine links keep every choice — and turned into `Criteres` for
 * the search, with a French message for each value that cannot be read.
 */
import {
  DISPOSITIF_PROGRAMMES_NATIONAUX,
  MODALITES_ACCOMPAGNEMENT,
  PRISE_EN_CHARGE_SPECIFIQUE,
  PUBLICS_SPECIFIQUEMENT_ADRESSES,
} from '../../places/standard/enumerations.ts'
import { besoinParId } from '../besoins.ts'
import { lireOuverture, lirePage, lirePoint, lireRayon, valeurs } from '../parametres.ts'
import { CRITERES_VIDES, type Criteres, type Point } from '../recherche.ts'

export type Requete = Record<string, string | string[] | undefined>

export const LONGUEUR_MAX = 100

export interface EtatRecherche {
  besoins: string[]
  q: string
  /** « Où ? » as typed. */
  ou: string
  /** INSEE code chosen among several communes (or by the suggestions). */
  commune: string
  lat: string
  lon: string
  rayon: string
  publics: string[]
  prises: string[]
  gratuit: boolean
  accompagnement: string[]
  sansRdv: boolean
  accessibilite: boolean
  dispositifs: string[]
  /** '', 'maintenant' or 'creneau'. */
  ouvert: string
  jour: string
  de: string
  a: string
  page: number
  /** The widget's territory (code or name, as given). */
  territoire: string
}

export const ETAT_VIDE: EtatRecherche = {
  besoins: [],
  q: '',
  ou: '',
  commune: '',
  lat: '',
  lon: '',
  rayon: '',
  publics: [],
  prises: [],
  gratuit: false,
  accompagnement: [],
  sansRdv: false,
  accessibilite: false,
  dispositifs: [],
  ouvert: '',
  jour: '',
  de: '',
  a: '',
  page: 1,
  territoire: '',
}

function premier(requete: Requete, nom: string): string {
  const brut = requete[nom]
  const valeur = Array.isArray(brut) ? brut[0] : brut
  return (valeur ?? '').trim().slice(0, LONGUEUR_MAX)
}

/** Values of a repeated parameter that belong to `admises` (in their order, without repeats). */
function parmi(requete: Requete, nom: string, admises: readonly string[]): string[] {
  const lues = new Set(valeurs(requete[nom]))
  return admises.filter((v) => lues.has(v))
}

const oui = (texte: string) => texte === '1' || texte === 'oui' || texte === 'on' || texte === 'true'

export function lireEtat(requete: Requete): EtatRecherche {
  const besoins = [...new Set(valeurs(requete.besoin))].filter((id) => besoinParId(id) !== undefined)
  // a day chosen without ticking « un jour et une heure » means that slot
  const lu = premier(requete, 'ouvert')
  const ouvert = lu === '' && premier(requete, 'jour') !== '' ? 'creneau' : lu
  return {
    besoins,
    q: premier(requete, 'q'),
    ou: premier(requete, 'ou'),
    commune: /^[0-9][0-9AB][0-9]{3}$/i.test(premier(requete, 'commune')) ? premier(requete, 'commune').toUpperCase() : '',
    lat: premier(requete, 'lat').slice(0, 20),
    lon: premier(requete, 'lon').slice(0, 20),
    rayon: premier(requete, 'rayon').slice(0, 10),
    publics: parmi(requete, 'public', PUBLICS_SPECIFIQUEMENT_ADRESSES),
    prises: parmi(requete, 'prise_en_charge', PRISE_EN_CHARGE_SPECIFIQUE),
    gratuit: oui(premier(requete, 'gratuit')),
    accompagnement: parmi(requete, 'accompagnement', MODALITES_ACCOMPAGNEMENT),
    sansRdv: oui(premier(requete, 'sans_rdv')),
    accessibilite: oui(premier(requete, 'accessibilite')),
    dispositifs: parmi(requete, 'dispositif', DISPOSITIF_PROGRAMMES_NATIONAUX),
    ouvert: ouvert === 'maintenant' || ouvert === 'creneau' ? ouvert : '',
    jour: ouvert === 'creneau' ? premier(requete, 'jour').slice(0, 10) : '',
    de: ouvert === 'creneau' ? premier(requete, 'de').slice(0, 5) : '',
    a: ouvert === 'creneau' ? premier(requete, 'a').slice(0, 5) : '',
    page: lirePage(premier(requete, 'page')),
    territoire: premier(requete, 'territoire'),
  }
}

/** The query string of a state (without `?`), defaults left out, in a fixed order. */
export function parametresEtat(etat: EtatRecherche): URLSearchParams {
  const p = new URLSearchParams()
  if (etat.territoire) p.set('territoire', etat.territoire)
  for (const b of etat.besoins) p.append('besoin', b)
  if (etat.q) p.set('q', etat.q)
  if (etat.ou) p.set('ou', etat.ou)
  if (etat.commune) p.set('commune', etat.commune)
  if (etat.lat || etat.lon) {
    p.set('lat', etat.lat)
    p.set('lon', etat.lon)
  }
  if (etat.rayon) p.set('rayon', etat.rayon)
  for (const v of etat.publics) p.append('public', v)
  for (const v of etat.prises) p.append('prise_en_charge', v)
  if (etat.gratuit) p.set('gratuit', '1')
  for (const v of etat.accompagnement) p.append('accompagnement', v)
  if (etat.sansRdv) p.set('sans_rdv', '1')
  if (etat.accessibilite) p.set('accessibilite', '1')
  for (const v of etat.dispositifs) p.append('dispositif', v)
  if (etat.ouvert) p.set('ouvert', etat.ouvert)
  if (etat.ouvert === 'creneau') {
    if (etat.jour) p.set('jour', etat.jour)
    if (etat.de) p.set('de', etat.de)
    if (etat.a) p.set('a', etat.a)
  }
  if (etat.page > 1) p.set('page', String(etat.page))
  return p
}

export function urlEtat(chemin: string, etat: EtatRecherche): string {
  const texte = parametresEtat(etat).toString()
  return texte ? `${chemin}?${texte}` : chemin
}

/** A search was asked for: a need, words, or a place. */
export const recherchePosee = (etat: EtatRecherche): boolean =>
  etat.besoins.length > 0 || etat.q !== '' || etat.ou !== '' || etat.commune !== '' || etat.lat !== '' || etat.lon !== ''

const JOURS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']

/** The refine filters in use, in plain words (« Gratuit », « Ouvert maintenant », « 10 km »…). */
export function filtresEnClair(etat: EtatRecherche): string[] {
  const filtres: string[] = []
  if (etat.rayon) filtres.push(`à ${etat.rayon} km au plus`)
  if (etat.ouvert === 'maintenant') filtres.push('ouvert maintenant')
  if (etat.ouvert === 'creneau' || etat.jour) {
    const jour = JOURS[Number(etat.jour) - 1] ?? etat.jour
    filtres.push(`ouvert ${jour ? `le ${jour}` : ''}${etat.de ? ` à partir de ${etat.de}` : ''}${etat.a ? ` jusqu’à ${etat.a}` : ''}`.trim())
  }
  if (etat.gratuit) filtres.push('gratuit')
  if (etat.sansRdv) filtres.push('sans rendez-vous')
  if (etat.accessibilite) filtres.push('informations d’accessibilité disponibles')
  filtres.push(...etat.accompagnement.map((a) => a.toLowerCase()), ...etat.publics, ...etat.prises, ...etat.dispositifs)
  return filtres
}

export interface ErreurParametre {
  message: string
  /** `id` of the refine form's field. */
  champ: string
}

/** The search criteria of a state, with the point already resolved (see lieu.ts), and what could not be read. */
export function versCriteres(etat: EtatRecherche, position: Point | null): { criteres: Criteres; erreurs: ErreurParametre[] } {
  const erreurs: ErreurParametre[] = []
  const rayon = lireRayon(etat.rayon)
  if (rayon.erreur !== undefined) erreurs.push({ message: rayon.erreur, champ: 'rayon' })
  const ouverture = etat.ouvert === '' ? { valeur: null } : lireOuverture(etat.ouvert, etat.jour || undefined, etat.de || undefined, etat.a || undefined)
  if (ouverture.erreur !== undefined) erreurs.push({ message: ouverture.erreur, champ: etat.ouvert === 'creneau' ? 'jour' : 'ouvert' })
  return {
    erreurs,
    criteres: {
      ...CRITERES_VIDES,
      besoins: etat.besoins,
      q: etat.q,
      position,
      rayonKm: rayon.valeur ?? null,
      publics: etat.publics,
      prises: etat.prises,
      gratuit: etat.gratuit,
      accompagnement: etat.accompagnement,
      sansRendezVous: etat.sansRdv,
      accessibilite: etat.accessibilite,
      dispositifs: etat.dispositifs,
      ouverture: ouverture.valeur ?? null,
      page: etat.page,
    },
  }
}

/** The state a widening leads to: the changed criteria written back into the state, page 1. */
export function etatElargi(etat: EtatRecherche, avant: Criteres, apres: Criteres): EtatRecherche {
  const suivant: EtatRecherche = { ...etat, page: 1 }
  if (apres.rayonKm !== avant.rayonKm) suivant.rayon = apres.rayonKm === null ? '' : String(apres.rayonKm)
  if (apres.ouverture === null) Object.assign(suivant, { ouvert: '', jour: '', de: '', a: '' })
  if (!apres.gratuit) suivant.gratuit = false
  if (!apres.sansRendezVous) suivant.sansRdv = false
  if (!apres.accessibilite) suivant.accessibilite = false
  if (apres.publics.length === 0) suivant.publics = []
  if (apres.prises.length === 0) suivant.prises = []
  if (apres.accompagnement.length === 0) suivant.accompagnement = []
  if (apres.dispositifs.length === 0) suivant.dispositifs = []
  if (apres.q === '') suivant.q = ''
  if (apres.besoins.length === 0) suivant.besoins = []
  return suivant
}

/** A point read from `lat`/`lon` (the person's position: exact). */
export function pointDeLEtat(etat: EtatRecherche): { point: Point | null; erreur?: string } {
  const lu = lirePoint(etat.lat || undefined, etat.lon || undefined)
  return lu.erreur !== undefined ? { point: null, erreur: lu.erreur } : { point: lu.valeur }
}
