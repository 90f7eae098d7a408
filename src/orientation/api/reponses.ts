/**
 * How the public API answers: JSON bodies with a weak ETag computed from the body itself (so it
 * changes exactly when the answer changes, on every server sharing the database) and
 * `If-None-Match` → 304; `Cache-Control: public, max-age=60` on data, `no-store` on errors;
 * errors as `{ "erreur": "…", "problemes": [{ "parametre", "message" }] }` in French; links
 * relative to the site (right behind a reverse proxy, whatever the Host header says).
 */
import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Probleme } from './lecture.ts'

export const CACHE_DONNEES = 'public, max-age=60'
export const TYPE_JSON = 'application/json; charset=utf-8'

/** A weak entity tag of a body (weak: the same JSON compressed or not is the same answer). */
export function etiquette(corps: string): string {
  return `W/"${createHash('sha256').update(corps).digest('base64url').slice(0, 32)}"`
}

/** Whether `If-None-Match` names `etag` (weak comparison; `*` names any). */
export function correspond(entete: string | undefined, etag: string): boolean {
  if (!entete) return false
  const opaque = etag.replace(/^W\//, '')
  return entete.split(',').some((e) => {
    const tag = e.trim()
    return tag === '*' || tag.replace(/^W\//, '') === opaque
  })
}

/** Sends data as JSON with its ETag, or 304 when the client already has it. */
export function envoyerJson(request: FastifyRequest, reply: FastifyReply, donnees: unknown): FastifyReply {
  const corps = JSON.stringify(donnees)
  const etag = etiquette(corps)
  reply.header('cache-control', CACHE_DONNEES).header('etag', etag)
  if (correspond(request.headers['if-none-match'], etag)) return reply.code(304).send()
  return reply.code(200).type(TYPE_JSON).send(corps)
}

export interface CorpsErreur {
  erreur: string
  problemes?: Probleme[]
}

/** Sends an error: one message, or the problems of the query string (all of them). */
export function envoyerErreur(reply: FastifyReply, statut: number, erreur: string | readonly Probleme[]): FastifyReply {
  const corps: CorpsErreur =
    typeof erreur === 'string' ? { erreur } : { erreur: erreur.map((p) => p.message).join(' '), problemes: [...erreur] }
  return reply.code(statut).header('cache-control', 'no-store').type(TYPE_JSON).send(JSON.stringify(corps))
}

/**
 * A link to `chemin` (the canonical path of the route) with the query string of the request,
 * some parameters replaced or removed (`null`).
 */
export function lienModifie(request: FastifyRequest, chemin: string, changements: Readonly<Record<string, string | null>> = {}): string {
  const i = request.url.indexOf('?')
  const parametres = new URLSearchParams(i < 0 ? '' : request.url.slice(i + 1))
  for (const [nom, valeur] of Object.entries(changements)) {
    if (valeur === null) parametres.delete(nom)
    else parametres.set(nom, valeur)
  }
  const requete = parametres.toString()
  return requete ? `${chemin}?${requete}` : chemin
}

/** The `Link` header (RFC 8288) of a page: next, previous. */
export function enteteLiens(liens: Readonly<Record<string, string | null>>): string | undefined {
  const parties = Object.entries(liens).flatMap(([rel, lien]) => (lien === null ? [] : [`<${lien}>; rel="${rel}"`]))
  return parties.length ? parties.join(', ') : undefined
}
