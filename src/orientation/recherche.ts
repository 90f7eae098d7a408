/**
 * A search: what the person needs, where, and how they want to be received → the places that
 * fit, nearest first, with distance and opening status, and — when nothing fits — how widening
 * the search would help, with the number of places each change would give. Pure computation
 * on the in-memory index; the caller turns a commune or a postcode into a point.
 */
import { besoinParId } from './besoins.ts'
import { comprendre, type Comprehension } from './comprehension/comprendre.ts'
import { raciner } from './comprehension/racinisation.ts'
import type { Fiche, IndexLieux } from './index/index.ts'
import { MASQUES, type MasquesDuLieu } from './index/masques.ts'
import { horairesDe, ouvertA, ouvertEntre, statutOuverture, type StatutOuverture } from './index/ouverture.ts'

export const RAYONS_KM = [5, 10, 20, 30, 50] as const
export const PAR_PAGE = 10

export interface Point {
  latitude: number
  longitude: number
  /** The point is a commune's centre, not the person's address: distances are approximate. */
  approximative: boolean
}

/** Open now, at a moment, or at some point of a weekly slot (day 1 = Monday … 7 = Sunday, minutes since midnight). */
export type Ouverture = { type: 'maintenant' } | { type: 'instant'; date: Date } | { type: 'creneau'; jour: number; debut: number; fin: number }

/** A territory the search is limited to (a widget pre-filtered to a territory). */
export interface Perimetre {
  communes?: ReadonlySet<string>
  departement?: string
  region?: string
}

export interface Criteres {
  /** Needs (ids of `besoins.ts`): a place must offer one of their services. */
  besoins: readonly string[]
  /** Services of the standard asked directly (API): a place must offer one of them. */
  services: readonly string[]
  q: string
  position: Point | null
  /** null: chosen from the density of places around the point. */
  rayonKm: number | null
  publics: readonly string[]
  prises: readonly string[]
  gratuit: boolean
  accompagnement: readonly string[]
  sansRendezVous: boolean
  accessibilite: boolean
  dispositifs: readonly string[]
  ouverture: Ouverture | null
  perimetre: Perimetre | null
  page: number
  parPage: number
}

export const CRITERES_VIDES: Criteres = {
  besoins: [],
  services: [],
  q: '',
  position: null,
  rayonKm: null,
  publics: [],
  prises: [],
  gratuit: false,
  accompagnement: [],
  sansRendezVous: false,
  accessibilite: false,
  dispositifs: [],
  ouverture: null,
  perimetre: null,
  page: 1,
  parPage: PAR_PAGE,
}

export interface Resultat {
  fiche: Fiche
  /** Kilometres from the point, or null without a point. */
  distanceKm: number | null
  statut: StatutOuverture
  /** Services of the place that answer the need. */
  servicesCorrespondants: string[]
}

export interface Elargissement {
  libelle: string
  criteres: Criteres
  total: number
}

export interface Reponse {
  total: number
  resultats: Resultat[]
  page: number
  pages: number
  rayonKm: number | null
  comprehension: Comprehension | null
  /** Words of the free text that match nothing, and were not used. */
  termesIgnores: string[]
  elargissements: Elargissement[]
}

interface Filtre extends MasquesDuLieu {
  typologies: ReadonlySet<string>
  /** Name stems standing for a place type (« médiathèque »): an alternative to `typologies`. */
  motsTypologie: ReadonlySet<string>
  /** Each set: the slots whose name has that word; a place must be in all. */
  noms: ReadonlyArray<ReadonlySet<number>>
  accessibilite: boolean
  perimetre: Perimetre | null
  ouverture: ((fiche: Fiche) => boolean) | null
  /** With « ouvert maintenant »: the slots open this minute, a list the search may read instead of a circle. */
  ouverts: readonly number[] | null
}

function debutDuJour(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate())
}

/** The parsed hours of a place, kept on its fiche after the first use. */
export function horairesFiche(fiche: Fiche) {
  if (fiche.horairesAnalyses === undefined) fiche.horairesAnalyses = fiche.horaires === null ? null : horairesDe(fiche.horaires, fiche.nomRegion)
  return fiche.horairesAnalyses
}

/** Open at an instant, remembered on the fiche for the rest of that minute. */
function ouvertALaMinute(instant: Date): (fiche: Fiche) => boolean {
  const minute = Math.floor(instant.getTime() / 60_000)
  return (fiche) => {
    if (fiche.minuteOuverture !== minute) {
      fiche.ouvertALaMinute = ouvertA(horairesFiche(fiche), instant)
      fiche.minuteOuverture = minute
    }
    return fiche.ouvertALaMinute
  }
}

/** The predicate of an opening criterion, in the process's time zone (Europe/Paris). */
function critereOuverture(ouverture: Ouverture, maintenant: Date): (fiche: Fiche) => boolean {
  if (ouverture.type === 'maintenant') return ouvertALaMinute(maintenant)
  if (ouverture.type === 'instant') return ouvertALaMinute(ouverture.date)
  const jour = debutDuJour(maintenant)
  const decalage = (ouverture.jour % 7) - jour.getDay()
  jour.setDate(jour.getDate() + ((decalage + 7) % 7))
  const debut = new Date(jour.getTime() + ouverture.debut * 60_000)
  const fin = new Date(jour.getTime() + ouverture.fin * 60_000)
  return (fiche) => ouvertEntre(horairesFiche(fiche), debut, fin)
}

function construireFiltre(criteres: Criteres, index: IndexLieux, comprehension: Comprehension | null, maintenant: Date): { filtre: Filtre; termesIgnores: string[] } {
  const besoins = [...criteres.besoins, ...(comprehension?.besoins ?? [])]
  const services = [...criteres.services, ...besoins.flatMap((id) => besoinParId(id)?.services ?? [])]
  const noms: Array<Set<number>> = []
  const termesIgnores: string[] = []
  for (const terme of comprehension?.termes ?? []) {
    const slots = index.parNom(terme)
    if (slots.size > 0) noms.push(slots)
    else termesIgnores.push(terme)
  }
  const motsTypologie = new Set(
    (comprehension?.compris ?? []).filter((c) => c.sens.type === 'typologie').flatMap((c) => c.expression.split(' ').map(raciner)),
  )
  const ouverture = criteres.ouverture ? critereOuverture(criteres.ouverture, maintenant) : null
  return {
    termesIgnores,
    filtre: {
      services: MASQUES.services.de(services),
      publics: MASQUES.publics.de(criteres.publics),
      prises: MASQUES.prises.de(criteres.prises),
      frais: criteres.gratuit ? MASQUES.frais.de(['Gratuit']) : 0,
      acces: criteres.sansRendezVous ? MASQUES.acces.de(['Se présenter']) : 0,
      accompagnement: MASQUES.accompagnement.de(criteres.accompagnement),
      dispositifs: MASQUES.dispositifs.de([...criteres.dispositifs, ...(comprehension?.dispositifs ?? [])]),
      typologies: new Set(comprehension?.typologies ?? []),
      motsTypologie,
      noms,
      accessibilite: criteres.accessibilite,
      perimetre: criteres.perimetre,
      ouverture,
      ouverts: ouverture && criteres.ouverture?.type === 'maintenant' ? index.ouvertsALaMinute(maintenant, ouverture) : null,
    },
  }
}

const touche = (valeur: number, masque: number) => masque === 0 || (valeur & masque) !== 0

function garde(index: IndexLieux, filtre: Filtre): (slot: number) => boolean {
  return (slot) => {
    const f = index.fiche(slot)
    if (!f) return false
    if (!touche(f.services, filtre.services) || !touche(f.publics, filtre.publics) || !touche(f.prises, filtre.prises)) return false
    if (!touche(f.frais, filtre.frais) || !touche(f.acces, filtre.acces) || !touche(f.accompagnement, filtre.accompagnement)) return false
    if (!touche(f.dispositifs, filtre.dispositifs)) return false
    if (filtre.accessibilite && !f.ficheAccesLibre) return false
    if (filtre.typologies.size > 0 && !f.typologies.some((t) => filtre.typologies.has(t)) && !f.mots.some((m) => filtre.motsTypologie.has(m))) return false
    for (const slots of filtre.noms) if (!slots.has(slot)) return false
    const p = filtre.perimetre
    if (p) {
      if (p.communes && !(f.communeResolue && p.communes.has(f.communeResolue))) return false
      if (p.departement && f.departement !== p.departement) return false
      if (p.region && f.region !== p.region) return false
    }
    return filtre.ouverture === null || filtre.ouverture(f)
  }
}

/** The smallest radius with at least 10 places around the point (any need), 50 km at most. */
export function rayonParDefaut(index: IndexLieux, point: Point): number {
  const proches = index.autour(point.latitude, point.longitude, RAYONS_KM[RAYONS_KM.length - 1] ?? 50, () => true, 10)
  const dixieme = proches.length < 10 ? Infinity : (proches[proches.length - 1]?.km ?? Infinity)
  return RAYONS_KM.find((r) => r >= dixieme) ?? 50
}

const collateur = new Intl.Collator('fr', { sensitivity: 'base' })

interface Correspondances {
  total: number
  tries: Array<{ slot: number; km: number | null }>
  rayonKm: number | null
  termesIgnores: string[]
}

function correspondances(index: IndexLieux, criteres: Criteres, comprehension: Comprehension | null, maintenant: Date, compterSeulement = false): Correspondances {
  const { filtre, termesIgnores } = construireFiltre(criteres, index, comprehension, maintenant)
  const garder = garde(index, filtre)
  // few places open now (night, Sunday): read them rather than every place around
  const parmi = filtre.ouverts !== null && filtre.ouverts.length * PART_OUVERTS <= index.taille ? filtre.ouverts : null
  if (criteres.position) {
    const { latitude, longitude } = criteres.position
    const rayonKm = criteres.rayonKm ?? rayonParDefaut(index, criteres.position)
    const trouves = parmi ? index.autourParmi(parmi, latitude, longitude, rayonKm, garder) : index.autour(latitude, longitude, rayonKm, garder)
    return { total: trouves.length, tries: trouves, rayonKm, termesIgnores }
  }
  const trouves: Array<{ slot: number; km: number | null }> = []
  for (const slot of parmi ?? index.slots()) if (garder(slot)) trouves.push({ slot, km: null })
  if (!compterSeulement) trouves.sort((a, b) => collateur.compare(index.fiche(a.slot)?.nom ?? '', index.fiche(b.slot)?.nom ?? ''))
  return { total: trouves.length, tries: trouves, rayonKm: null, termesIgnores }
}

const RAYON_MAX_KM = 100
/** The list of places open now is read instead of a circle when it holds at most 1/20 of the places. */
const PART_OUVERTS = 20

function elargissements(index: IndexLieux, criteres: Criteres, comprehension: Comprehension | null, rayonKm: number | null, maintenant: Date): Elargissement[] {
  const utiles: Elargissement[] = []
  if (criteres.position && rayonKm !== null && rayonKm < RAYON_MAX_KM) {
    // one search out to the largest radius tells the smallest larger radius that finds places, and how many
    const loin = correspondances(index, { ...criteres, rayonKm: RAYON_MAX_KM }, comprehension, maintenant, true)
    const premier = loin.tries[0]?.km ?? undefined
    const rayon = premier == null ? undefined : [...RAYONS_KM, RAYON_MAX_KM].find((r) => r > rayonKm && r >= premier)
    if (rayon !== undefined) {
      const total = loin.tries.filter((t) => (t.km ?? 0) <= rayon).length
      utiles.push({ libelle: `Chercher jusqu’à ${rayon} km`, criteres: { ...criteres, rayonKm: rayon, page: 1 }, total })
    }
  }
  const essais: Array<{ libelle: string; criteres: Criteres }> = []
  if (criteres.ouverture) essais.push({ libelle: 'Sans condition d’horaires', criteres: { ...criteres, ouverture: null } })
  if (criteres.gratuit) essais.push({ libelle: 'Lieux payants compris', criteres: { ...criteres, gratuit: false } })
  if (criteres.sansRendezVous) essais.push({ libelle: 'Lieux sur rendez-vous compris', criteres: { ...criteres, sansRendezVous: false } })
  if (criteres.accessibilite) essais.push({ libelle: 'Sans exiger d’informations d’accessibilité', criteres: { ...criteres, accessibilite: false } })
  if (criteres.publics.length) essais.push({ libelle: 'Tous les publics', criteres: { ...criteres, publics: [] } })
  if (criteres.prises.length) essais.push({ libelle: 'Sans prise en charge spécifique', criteres: { ...criteres, prises: [] } })
  if (criteres.accompagnement.length) essais.push({ libelle: 'Toutes les façons d’être accompagné', criteres: { ...criteres, accompagnement: [] } })
  if (criteres.dispositifs.length) essais.push({ libelle: 'Tous les programmes', criteres: { ...criteres, dispositifs: [] } })
  if (criteres.q) essais.push({ libelle: `Sans les mots « ${criteres.q} »`, criteres: { ...criteres, q: '' } })
  if (criteres.besoins.length > 0 || criteres.services.length > 0) essais.push({ libelle: 'Pour tous les besoins', criteres: { ...criteres, besoins: [], services: [] } })
  for (const essai of essais) {
    const comprise = essai.criteres.q === criteres.q ? comprehension : essai.criteres.q ? comprendre(essai.criteres.q) : null
    const { total } = correspondances(index, essai.criteres, comprise, maintenant, true)
    if (total > 0) utiles.push({ ...essai, criteres: { ...essai.criteres, page: 1 }, total })
  }
  return utiles
}

export function rechercher(index: IndexLieux, criteres: Criteres, maintenant: Date = new Date()): Reponse {
  const comprehension = criteres.q.trim() ? comprendre(criteres.q) : null
  const { total, tries, rayonKm, termesIgnores } = correspondances(index, criteres, comprehension, maintenant)
  const pages = Math.max(1, Math.ceil(total / criteres.parPage))
  const page = Math.min(Math.max(1, criteres.page), pages)
  const besoins = [...criteres.besoins, ...(comprehension?.besoins ?? [])]
  const masqueBesoin = MASQUES.services.de([...criteres.services, ...besoins.flatMap((id) => besoinParId(id)?.services ?? [])])
  const resultats = tries.slice((page - 1) * criteres.parPage, page * criteres.parPage).map(({ slot, km }) => {
    const fiche = index.fiche(slot) as Fiche
    return {
      fiche,
      distanceKm: km,
      statut: statutOuverture(horairesFiche(fiche), maintenant),
      servicesCorrespondants: MASQUES.services.valeursDe(masqueBesoin === 0 ? fiche.services : fiche.services & masqueBesoin),
    }
  })
  return {
    total,
    resultats,
    page,
    pages,
    rayonKm,
    comprehension,
    termesIgnores,
    elargissements: total === 0 ? elargissements(index, criteres, comprehension, rayonKm, maintenant) : [],
  }
}
