/**
 * Protection of forms against cross-site forgery, without JavaScript. Every POST must carry a
 * `jeton` field that matches:
 * - for a signed-in browser, an HMAC of its session token (`request.secretDeFormulaire`, set by
 *   the accounts module): nothing else to store, and it dies with the session;
 * - otherwise, a random token kept in a `SameSite=Strict`, `HttpOnly` cookie (double submit).
 * The browser must also not say the request comes from another site (`Sec-Fetch-Site`,
 * `Origin`). `installerProtectionFormulaires` refuses (403) every POST that fails, before its
 * route runs — but for the routes that check it themselves to answer with their own page.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { lireCookie, poserCookie } from './cookies.ts'

export const NOM_COOKIE = 'aiguillage_jeton'

declare module 'fastify' {
  interface FastifyRequest {
    /** The secret the anti-forgery token of a signed-in browser is derived from. */
    secretDeFormulaire?: string
  }
}

const valide = (jeton: string | undefined): jeton is string => jeton !== undefined && /^[A-Za-z0-9_-]{32,64}$/.test(jeton)

const jetonDeSession = (secret: string) => createHmac('sha256', secret).update('aiguillage:formulaire').digest('base64url')

/** The token to put in this browser's forms (and, without a session, in its cookie again). */
export function jetonDuFormulaire(request: FastifyRequest, reply: FastifyReply): string {
  if (request.secretDeFormulaire !== undefined) return jetonDeSession(request.secretDeFormulaire)
  const existant = lireCookie(request, NOM_COOKIE)
  const jeton = valide(existant) ? existant : randomBytes(24).toString('base64url')
  poserCookie(request, reply, NOM_COOKIE, jeton, { sameSite: 'Strict', maxAge: 86400 })
  return jeton
}

function hote(origine: string): string | undefined {
  try {
    return new URL(origine).host
  } catch {
    return undefined
  }
}

const egaux = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** The POST comes from our own form in this browser. */
export function jetonAccepte(request: FastifyRequest, recu: unknown): boolean {
  const site = request.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false
  // the host only: behind a proxy that terminates HTTPS, the scheme seen here may differ
  const origine = request.headers.origin
  if (origine !== undefined && hote(origine) !== request.host) return false
  if (typeof recu !== 'string' || !valide(recu)) return false
  // a signed-in browser's forms carry its session's token, and nothing else is accepted
  if (request.secretDeFormulaire !== undefined) return egaux(jetonDeSession(request.secretDeFormulaire), recu)
  const cookie = lireCookie(request, NOM_COOKIE)
  return valide(cookie) && egaux(cookie, recu)
}

const ETATS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Refuses, before the route runs, every state-changing request without a valid token. */
export function installerProtectionFormulaires(app: FastifyInstance, refuser: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>): void {
  app.addHook('preHandler', async (request, reply) => {
    // no matched route (the 404 page, also reached by `callNotFound`) changes nothing
    if (!ETATS.has(request.method) || request.routeOptions.url === undefined || request.routeOptions.config.jeton !== undefined) return
    const corps = request.body
    const recu = corps !== null && typeof corps === 'object' ? (corps as Record<string, unknown>).jeton : undefined
    if (!jetonAccepte(request, recu)) return refuser(request, reply)
  })
}
