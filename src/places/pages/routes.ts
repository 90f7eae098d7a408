/**
 * The public routes of the place registry: list (`/lieux`), place (`/lieux/:uid`, with the
 * distance from `?lat=&lon=` when the page is reached from a search). The home page `/` is the
 * start of orientation (src/orientation/pages). Reads the query string defensively: any value,
 * repeated or absurd, gives a page, never a crash.
 */
import type { FastifyInstance } from 'fastify'
import type { Base } from '../../platform/db/database.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { lireTerritoire, TerritoireInconnuError, type Territoire } from '../../territories/territoire.ts'
import { destinationDeFusion, lieuParUid, pageDeLieux } from '../registry/queries.ts'
import { distanceEntre } from './format.ts'
import { pageFiche } from './fiche.tsx'
import { PAR_PAGE, pageListe, urlListe, type EtatListe } from './liste.tsx'
import { LONGUEUR_MAX_RECHERCHE } from './recherche.tsx'

type Requete = Record<string, string | string[] | undefined>

/** The first value of a query parameter, trimmed and bounded. */
function parametre(requete: Requete, nom: string): string {
  const brut = requete[nom]
  const valeur = Array.isArray(brut) ? brut[0] : brut
  return (valeur ?? '').trim().slice(0, LONGUEUR_MAX_RECHERCHE)
}

/** Page deep enough for any registry, shallow enough to keep the SQL offset an integer. */
const PAGE_MAX = 1_000_000

/** `page` parameter: a positive integer, else 1. */
export function lirePage(texte: string): number {
  if (!/^\d{1,7}$/.test(texte)) return 1
  return Math.min(PAGE_MAX, Math.max(1, Number(texte)))
}

export function routesLieux(app: FastifyInstance, base: Base): void {
  app.get<{ Querystring: Requete }>('/lieux', async (request, reply) => {
    const requete = request.query
    const etatListe: EtatListe = {
      q: parametre(requete, 'q'),
      territoire: parametre(requete, 'territoire'),
      page: lirePage(parametre(requete, 'page')),
    }
    let territoire: Territoire | undefined
    if (etatListe.territoire) {
      try {
        territoire = lireTerritoire(etatListe.territoire, referentiel())
      } catch (erreur) {
        if (!(erreur instanceof TerritoireInconnuError)) throw erreur
        return reply.page(pageListe({ etat: { ...etatListe, page: 1 }, erreurTerritoire: erreur.message, total: 0, lieux: [] }))
      }
    }
    const filtres = { q: etatListe.q || undefined, territoire }
    const { total, lieux } = await pageDeLieux(base.db, filtres, etatListe.page, PAR_PAGE)
    const pages = Math.max(1, Math.ceil(total / PAR_PAGE))
    if (etatListe.page > pages) return reply.redirect(urlListe({ ...etatListe, page: pages }), 303)
    return reply.page(pageListe({ etat: etatListe, territoire, total, lieux }))
  })

  app.get<{ Params: { uid: string }; Querystring: Requete }>('/lieux/:uid', async (request, reply) => {
    const { uid } = request.params
    if (!/^[1-9]\d{0,14}$/.test(uid)) return reply.callNotFound()
    const lieu = await lieuParUid(base.db, Number(uid))
    if (lieu?.statut === 'fusionne') {
      // a place merged into another: its address leads to the place it became
      const destination = await destinationDeFusion(base.db, lieu.uid)
      if (destination !== undefined) return reply.redirect(`/lieux/${destination}`, 301)
    }
    if (!lieu || lieu.statut !== 'publie') return reply.callNotFound()
    const lat = Number(parametre(request.query, 'lat'))
    const lon = Number(parametre(request.query, 'lon'))
    const depuis = parametre(request.query, 'lat') !== '' && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
    const distance =
      depuis && lieu.latitude !== null && lieu.longitude !== null
        ? { km: distanceEntre(lat, lon, lieu.latitude, lieu.longitude), approximative: parametre(request.query, 'environ') === '1' }
        : undefined
    return reply.page(pageFiche(lieu, { url: `${request.protocol}://${request.host}/lieux/${lieu.uid}`, distance }))
  })
}
