/**
 * What a diagnosis page asks, read from its query string (pure): territory, need, distance,
 * activity period (whole months), sort column and order, page. A wrong value is left out and
 * reported in French, never a crash. Also the sort of the rows and the address of a variant of
 * the request (sort links, pagination, exports keep every other parameter).
 */
import { ajouterMois } from '../../activity/stats/filtres.ts'
import { besoinDiagnostic } from './domaine/besoins.ts'
import type { LigneDiagnostic, ZoneBlanche } from './domaine/types.ts'
import { DISTANCE_PAR_DEFAUT, DISTANCES_ZONES_BLANCHES } from './domaine/zones-blanches.ts'

export const PAR_PAGE = 100
export const BESOIN_PAR_DEFAUT = 'demarches'

export const TRIS = ['commune', 'population', 'distance', 'lieux5', 'lieux10', 'lieux20', 'heures', 'ifn', 'beneficiaires', 'accompagnements', 'priorite'] as const
export type Tri = (typeof TRIS)[number]
export type Ordre = 'asc' | 'desc'

export interface DemandeDiagnostic {
  territoire: string | undefined
  besoin: string
  /** Diagnosis: only communes farther than this from the need (undefined: all). White zones: always set. */
  distance: number | undefined
  moisDu: string
  moisAu: string
  tri: Tri
  ordre: Ordre
  page: number
}

export interface ErreurDemande {
  champ: string
  message: string
}

type Requete = Record<string, unknown>
const premiere = (v: unknown): string => (Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '').trim().slice(0, 60)
const MOIS = /^(\d{4})-(0[1-9]|1[0-2])$/

export function lireDemande(requete: Requete, mode: 'diagnostic' | 'zones-blanches', aujourdhui: string): { demande: DemandeDiagnostic; erreurs: ErreurDemande[] } {
  const erreurs: ErreurDemande[] = []
  const territoire = premiere(requete['territoire']) || undefined

  let besoin = premiere(requete['besoin']) || BESOIN_PAR_DEFAUT
  const colonne = besoinDiagnostic(besoin)
  if (!colonne) {
    erreurs.push({ champ: 'besoin', message: `Le besoin « ${besoin} » est inconnu : le besoin par défaut est affiché.` })
    besoin = BESOIN_PAR_DEFAUT
  } else besoin = colonne.id

  const distanceBrute = premiere(requete['distance'])
  let distance: number | undefined = mode === 'zones-blanches' ? DISTANCE_PAR_DEFAUT : undefined
  if (distanceBrute !== '') {
    const n = Number(distanceBrute)
    if ((DISTANCES_ZONES_BLANCHES as readonly number[]).includes(n)) distance = n
    else erreurs.push({ champ: 'distance', message: `La distance doit valoir ${DISTANCES_ZONES_BLANCHES.join(', ')} km.` })
  }

  const moisAuDefaut = `${aujourdhui.slice(0, 7)}-01`
  const lireMois = (nom: 'du' | 'au', defaut: string): string => {
    const v = premiere(requete[nom])
    if (v === '') return defaut
    const m = MOIS.exec(v.slice(0, 7))
    if (m && v.length <= 10) return `${m[1]}-${m[2]}-01`
    erreurs.push({ champ: nom, message: `Le mois « ${v} » n’est pas lisible : écrivez-le AAAA-MM (2025-03).` })
    return defaut
  }
  let moisAu = lireMois('au', moisAuDefaut)
  if (moisAu > moisAuDefaut) moisAu = moisAuDefaut
  let moisDu = lireMois('du', ajouterMois(moisAu, -11))
  if (moisDu > moisAu) {
    erreurs.push({ champ: 'du', message: 'Le début de la période est après sa fin : les 12 derniers mois sont affichés.' })
    moisDu = ajouterMois(moisAu, -11)
  }

  const triBrut = premiere(requete['tri'])
  const triDefaut: Tri = mode === 'zones-blanches' ? 'priorite' : 'commune'
  const tri = (TRIS as readonly string[]).includes(triBrut) && (triBrut !== 'priorite' || mode === 'zones-blanches') ? (triBrut as Tri) : triDefaut
  const ordreBrut = premiere(requete['ordre'])
  const ordre: Ordre = ordreBrut === 'asc' || ordreBrut === 'desc' ? ordreBrut : ordreNaturel(tri)
  const pageBrute = premiere(requete['page'])
  const page = /^[1-9]\d{0,5}$/.test(pageBrute) ? Number(pageBrute) : 1
  return { demande: { territoire, besoin, distance, moisDu, moisAu, tri, ordre, page }, erreurs }
}

/** The order a column is first sorted in: names A→Z and distances nearest first, quantities largest first. */
export const ordreNaturel = (tri: Tri): Ordre => (tri === 'commune' || tri === 'distance' ? 'asc' : 'desc')

/** The value a row is sorted on; a missing value (no place, no IFN) sorts after every other, whatever the order. */
function cle(l: LigneDiagnostic, tri: Tri, besoin: string, priorite?: number): number | string | null {
  switch (tri) {
    case 'commune':
      return l.nom
    case 'population':
      return l.population
    case 'distance':
      return l.plusProches[besoin]?.distanceKm ?? null
    case 'lieux5':
      return l.lieux5
    case 'lieux10':
      return l.lieux10
    case 'lieux20':
      return l.lieux20
    case 'heures':
      return l.heuresHebdo10km
    case 'ifn':
      return l.ifn?.total ?? null
    case 'beneficiaires':
      return l.activite.beneficiaires
    case 'accompagnements':
      return l.activite.accompagnements
    case 'priorite':
      return priorite ?? null
  }
}

const comparer = (a: number | string | null, b: number | string | null, ordre: Ordre): number => {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
  const c = typeof a === 'string' && typeof b === 'string' ? a.localeCompare(b, 'fr') : (a as number) - (b as number)
  return ordre === 'asc' ? c : -c
}

/** The rows sorted (stable: ties by code). */
export function trier(lignes: readonly LigneDiagnostic[], d: Pick<DemandeDiagnostic, 'tri' | 'ordre' | 'besoin'>): LigneDiagnostic[] {
  return [...lignes].sort((a, b) => comparer(cle(a, d.tri, d.besoin), cle(b, d.tri, d.besoin), d.ordre) || a.code.localeCompare(b.code))
}

export function trierZones(zones: readonly ZoneBlanche[], d: Pick<DemandeDiagnostic, 'tri' | 'ordre' | 'besoin'>): ZoneBlanche[] {
  if (d.tri === 'priorite' && d.ordre === 'desc') return [...zones]
  return [...zones].sort((a, b) => comparer(cle(a.ligne, d.tri, d.besoin, a.priorite), cle(b.ligne, d.tri, d.besoin, b.priorite), d.ordre) || a.ligne.code.localeCompare(b.ligne.code))
}

/** The query string of the request with some parameters changed (undefined removes one). Defaults are left out. */
export function adresse(chemin: string, d: DemandeDiagnostic, changes: Partial<Record<'tri' | 'ordre' | 'page', string | undefined>> = {}): string {
  const p = new URLSearchParams()
  if (d.territoire) p.set('territoire', d.territoire)
  p.set('besoin', d.besoin)
  if (d.distance !== undefined) p.set('distance', String(d.distance))
  p.set('du', d.moisDu.slice(0, 7))
  p.set('au', d.moisAu.slice(0, 7))
  const tri = 'tri' in changes ? changes.tri : d.tri
  const ordre = 'ordre' in changes ? changes.ordre : d.ordre
  const page = 'page' in changes ? changes.page : String(d.page)
  if (tri) p.set('tri', tri)
  if (ordre) p.set('ordre', ordre)
  if (page && page !== '1') p.set('page', page)
  return `${chemin}?${p.toString()}`
}
