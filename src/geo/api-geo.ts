/**
 * The official geo API (geo.api.gouv.fr): downloads the centre of every current commune and
 * municipal arrondissement, and validates the answer item by item. Invalid items and codes the
 * referential does not know are counted and skipped; a network or HTTP failure is an error with a
 * French message.
 */
import { z } from 'zod'
import type { Referentiel } from '../territories/referentiel.ts'

export const API_GEO_DEFAUT = 'https://geo.api.gouv.fr'
export const SOURCE_API_GEO = 'api-geo'
export const DELAI_MS = 60_000

export interface PositionOfficielle {
  code: string
  latitude: number
  longitude: number
}

export interface Reponse {
  positions: PositionOfficielle[]
  /** Items that do not have the expected shape (code, `Point` centre with coordinates in range). */
  invalides: number
  /** Well-formed items whose code is not a current commune or arrondissement of the referential. */
  inconnus: number
  /** Items repeating a code already seen (the first one is kept). */
  doublons: number
}

const Item = z.object({
  code: z.string().regex(/^(?:\d{2}|2[AB])\d{3}$/),
  centre: z.object({
    type: z.literal('Point'),
    // GeoJSON order: longitude first
    coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  }),
})

/** The URL of the communes' centres on the API at `base`. */
export function adresseCommunes(base: string): string {
  return `${base.replace(/\/+$/, '')}/communes?fields=code,centre&format=json&type=commune-actuelle,arrondissement-municipal`
}

/** Validates the items of an answer of the API (already parsed JSON). */
export function lireReponse(donnees: readonly unknown[], ref: Referentiel): Reponse {
  const reponse: Reponse = { positions: [], invalides: 0, inconnus: 0, doublons: 0 }
  const vus = new Set<string>()
  for (const brut of donnees) {
    const item = Item.safeParse(brut)
    if (!item.success) reponse.invalides++
    else if (!ref.communes.has(item.data.code)) reponse.inconnus++
    else if (vus.has(item.data.code)) reponse.doublons++
    else {
      vus.add(item.data.code)
      const [longitude, latitude] = item.data.centre.coordinates
      reponse.positions.push({ code: item.data.code, latitude, longitude })
    }
  }
  return reponse
}

/** The API could not be reached or did not answer a list (its message is French, without `cause`). */
export class ApiGeoError extends Error {
  constructor(base: string, pourquoi: string) {
    super(`Impossible d'obtenir les positions des communes auprès de ${base} : ${pourquoi}. Rien n'a été enregistré.`)
    this.name = 'ApiGeoError'
  }
}

/** Why a request failed, in French (connection refused, timeout, name not found…). */
function raison(erreur: unknown, delaiMs: number): string {
  if (erreur instanceof Error && erreur.name === 'TimeoutError') return `pas de réponse en ${Math.round(delaiMs / 1000)} s`
  const cause = erreur instanceof Error ? (erreur.cause as { code?: string; message?: string } | undefined) : undefined
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return 'connexion refusée'
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'adresse introuvable (pas de réseau ?)'
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connexion interrompue'
    default:
      if (cause?.message === 'bad port') return 'port refusé par fetch (port réservé)'
      return cause?.code ?? cause?.message ?? (erreur instanceof Error ? erreur.message : String(erreur))
  }
}

/** Downloads and validates the centres of the communes from the API at `base` (http or https). */
export async function telechargerCentres(base: string, ref: Referentiel, delaiMs = DELAI_MS): Promise<Reponse> {
  if (!/^https?:\/\/[^/]/.test(base) || !URL.canParse(base)) throw new ApiGeoError(base, 'adresse invalide (http:// ou https:// attendu)')
  let donnees: unknown
  try {
    const reponse = await fetch(adresseCommunes(base), { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(delaiMs) })
    if (!reponse.ok) throw new ApiGeoError(base, `le serveur a répondu ${reponse.status}${reponse.statusText ? ` ${reponse.statusText}` : ''}`)
    donnees = await reponse.json()
  } catch (erreur) {
    if (erreur instanceof ApiGeoError) throw erreur
    throw new ApiGeoError(base, erreur instanceof SyntaxError ? 'la réponse n’est pas du JSON lisible' : raison(erreur, delaiMs))
  }
  if (!Array.isArray(donnees)) throw new ApiGeoError(base, "la réponse n'est pas une liste de communes")
  return lireReponse(donnees, ref)
}
