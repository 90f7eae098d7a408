/**
 * The query string of `GET /api/v1/recherche` (and `.csv`) → the search criteria. Parameters
 * are named after the standard's fields where one exists; values are checked against its
 * vocabularies; the point, radius, opening and page are read by the shared readers of
 * `parametres.ts`. Every problem is reported (French messages naming the parameter and the
 * value); the search runs only when there is none.
 */
import {
  DISPOSITIF_PROGRAMMES_NATIONAUX,
  FRAIS_A_CHARGE,
  MODALITES_ACCES,
  MODALITES_ACCOMPAGNEMENT,
  PRISE_EN_CHARGE_SPECIFIQUE,
  PUBLICS_SPECIFIQUEMENT_ADRESSES,
  SERVICES,
} from '../../places/standard/enumerations.ts'
import type { Referentiel } from '../../territories/referentiel.ts'
import { lireTerritoire, TerritoireInconnuError } from '../../territories/territoire.ts'
import { lireOuverture, lirePoint, lireRayon } from '../parametres.ts'
import { CRITERES_VIDES, PAR_PAGE, type Criteres, type Perimetre, type Point } from '../recherche.ts'
import { citer, Lecture, type Probleme, type Requete } from './lecture.ts'

export const PARAMETRES_RECHERCHE = [
  'q',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'modalites_acces',
  'modalites_accompagnement',
  'dispositif_programmes_nationaux',
  'commune',
  'lat',
  'lon',
  'rayon',
  'territoire',
  'ouvert',
  'jour',
  'de',
  'a',
  'page',
  'par_page',
] as const

export const PAR_PAGE_MAX = 100
export const PAGE_MAX = 100_000
export const LONGUEUR_MAX_Q = 200

/** The only meaningful value of `frais_a_charge` (the « gratuit » criterion) and of `modalites_acces` (« sans rendez-vous »). */
export const GRATUIT = 'Gratuit'
export const SANS_RENDEZ_VOUS = 'Se présenter'

export interface DependancesCriteres {
  ref: Referentiel
  /** The centre of a commune (exact or approximate), from the orientation service. */
  pointDeCommune(code: string): Point | undefined
}

export type CriteresLus = { criteres: Criteres; problemes?: undefined } | { criteres?: undefined; problemes: Probleme[] }

/** A value of a vocabulary the search can only use in one way (`Gratuit`, `Se présenter`). */
function seule(lecture: Lecture, nom: string, vocabulaire: readonly string[], utile: string, sens: string): boolean {
  const lues = lecture.liste(nom, vocabulaire)
  const autres = lues.filter((v) => v !== utile)
  if (autres.length > 0) {
    lecture.signaler(nom, `La recherche ne sait pas filtrer « ${nom} » sur ${autres.map((v) => `« ${v} »`).join(', ')} : seule la valeur « ${utile} » (${sens}) est prise en charge.`)
  }
  return lues.includes(utile)
}

function perimetre(lecture: Lecture, ref: Referentiel): Perimetre | null {
  const texte = lecture.texte('territoire')
  if (texte === undefined) return null
  try {
    const territoire = lireTerritoire(texte, ref)
    if (territoire.type === 'departement') return { departement: territoire.code }
    if (territoire.type === 'region') return { region: territoire.code }
    return { communes: new Set(territoire.communes) }
  } catch (erreur) {
    if (!(erreur instanceof TerritoireInconnuError)) throw erreur
    lecture.signaler('territoire', erreur.message)
    return null
  }
}

function position(lecture: Lecture, dependances: DependancesCriteres): Point | null {
  const commune = lecture.texte('commune')
  const lat = lecture.texte('lat')
  const lon = lecture.texte('lon')
  if (commune !== undefined && (lat !== undefined || lon !== undefined)) {
    lecture.signaler('commune', 'Indiquez soit une commune (« commune »), soit une position (« lat » et « lon »), pas les deux.')
    return null
  }
  if (commune !== undefined) {
    const code = commune.toUpperCase()
    const connue = /^[0-9][0-9AB][0-9]{3}$/.test(code) ? dependances.ref.communes.get(code) : undefined
    if (!connue) {
      lecture.signaler('commune', `« ${citer(commune)} » n’est pas le code INSEE d’une commune (par exemple 73065 pour Chambéry). Pour trouver un code : /api/v1/communes?q=<nom ou code postal>.`)
      return null
    }
    const point = dependances.pointDeCommune(connue.parent && connue.type !== 'arrondissement-municipal' ? connue.parent : connue.code)
    if (!point) {
      lecture.signaler('commune', `La position de la commune ${connue.nom} (${connue.code}) n’est pas connue : indiquez « lat » et « lon ».`)
      return null
    }
    return point
  }
  if ((lat === undefined) !== (lon === undefined)) {
    lecture.signaler(lat === undefined ? 'lat' : 'lon', 'Une position demande à la fois « lat » (latitude) et « lon » (longitude), en degrés décimaux, par exemple lat=45.5646&lon=5.9178.')
    return null
  }
  const lu = lirePoint(lat, lon)
  if (lu.erreur !== undefined) {
    lecture.signaler('lat', `La position « lat=${citer(lat ?? '')}, lon=${citer(lon ?? '')} » n’est pas lisible : latitude entre -90 et 90 et longitude entre -180 et 180, en degrés décimaux (par exemple lat=45.5646&lon=5.9178).`)
    return null
  }
  return lu.valeur
}

/** Parameters of the CSV export: the search's, without the pages (it holds every result). */
export const PARAMETRES_RECHERCHE_CSV = PARAMETRES_RECHERCHE.filter((p) => p !== 'page' && p !== 'par_page')

export function lireCriteres(requete: Requete, dependances: DependancesCriteres, acceptes: readonly string[] = PARAMETRES_RECHERCHE): CriteresLus {
  const lecture = new Lecture(requete, acceptes)
  const q = lecture.texte('q') ?? ''
  if (q.length > LONGUEUR_MAX_Q) lecture.signaler('q', `Le texte « q » est trop long (${LONGUEUR_MAX_Q} caractères au plus).`)
  const services = lecture.liste('services', SERVICES)
  const publics = lecture.liste('publics_specifiquement_adresses', PUBLICS_SPECIFIQUEMENT_ADRESSES)
  const prises = lecture.liste('prise_en_charge_specifique', PRISE_EN_CHARGE_SPECIFIQUE)
  const gratuit = seule(lecture, 'frais_a_charge', FRAIS_A_CHARGE, GRATUIT, 'lieux gratuits')
  const sansRendezVous = seule(lecture, 'modalites_acces', MODALITES_ACCES, SANS_RENDEZ_VOUS, 'lieux où l’on peut se présenter sans rendez-vous')
  const accompagnement = lecture.liste('modalites_accompagnement', MODALITES_ACCOMPAGNEMENT)
  const dispositifs = lecture.liste('dispositif_programmes_nationaux', DISPOSITIF_PROGRAMMES_NATIONAUX)
  const point = position(lecture, dependances)

  const texteRayon = lecture.texte('rayon')
  const rayon = lireRayon(texteRayon)
  if (rayon.erreur !== undefined) lecture.signaler('rayon', rayon.erreur)
  else if (rayon.valeur !== null && point === null && lecture.valide) {
    lecture.signaler('rayon', 'Le rayon « rayon » ne s’emploie qu’avec une commune (« commune ») ou une position (« lat » et « lon »).')
  }

  const ouvert = lecture.texte('ouvert')
  const jour = lecture.texte('jour')
  const de = lecture.texte('de')
  const a = lecture.texte('a')
  let ouverture: Criteres['ouverture'] = null
  if ((de !== undefined || a !== undefined || jour !== undefined) && ouvert !== undefined && ouvert !== 'creneau') {
    lecture.signaler('jour', 'Les paramètres « jour », « de » et « a » décrivent un créneau : employez-les sans « ouvert », ou avec ouvert=creneau.')
  } else if ((de !== undefined || a !== undefined) && jour === undefined) {
    lecture.signaler('jour', 'Un créneau horaire (« de », « a ») demande un jour (« jour », de 1 = lundi à 7 = dimanche).')
  } else {
    const lue = lireOuverture(ouvert, jour, de, a)
    if (lue.erreur !== undefined) {
      const nom = ouvert !== undefined && ouvert !== 'creneau' ? 'ouvert' : 'jour'
      lecture.signaler(nom, nom === 'ouvert' ? `${lue.erreur} Valeurs possibles : « maintenant », ou une date et heure ISO 8601.` : lue.erreur)
    } else ouverture = lue.valeur
  }

  const territoire = perimetre(lecture, dependances.ref)
  const page = lecture.entier('page', 1, 1, PAGE_MAX)
  const parPage = lecture.entier('par_page', PAR_PAGE, 1, PAR_PAGE_MAX)
  if (!lecture.valide) return { problemes: lecture.problemes }
  return {
    criteres: {
      ...CRITERES_VIDES,
      services,
      q,
      position: point,
      rayonKm: rayon.valeur ?? null,
      publics,
      prises,
      gratuit,
      accompagnement,
      sansRendezVous,
      dispositifs,
      ouverture,
      perimetre: territoire,
      page,
      parPage,
    },
  }
}

/**
 * The query-string changes that turn the search `avant` into `apres` (a widening proposed when
 * nothing fits): `null` removes a parameter.
 */
export function changementsVers(avant: Criteres, apres: Criteres): Record<string, string | null> {
  const changements: Record<string, string | null> = { page: null }
  if (apres.rayonKm !== avant.rayonKm && apres.rayonKm !== null) changements.rayon = String(apres.rayonKm)
  if (avant.ouverture && !apres.ouverture) Object.assign(changements, { ouvert: null, jour: null, de: null, a: null })
  if (avant.gratuit && !apres.gratuit) changements.frais_a_charge = null
  if (avant.sansRendezVous && !apres.sansRendezVous) changements.modalites_acces = null
  if (avant.publics.length && !apres.publics.length) changements.publics_specifiquement_adresses = null
  if (avant.prises.length && !apres.prises.length) changements.prise_en_charge_specifique = null
  if (avant.accompagnement.length && !apres.accompagnement.length) changements.modalites_accompagnement = null
  if (avant.dispositifs.length && !apres.dispositifs.length) changements.dispositif_programmes_nationaux = null
  if (avant.q && !apres.q) changements.q = null
  if (avant.services.length && !apres.services.length) changements.services = null
  return changements
}
