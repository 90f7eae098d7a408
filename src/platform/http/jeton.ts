/**
 * Protection of forms against cross-site forgery, without JavaScript: a random token
 * in a `SameSite=Strict`, `HttpOnly` cookie and the same token in a hidden field (double
 * submit); a POST is accepted when both match and the browser does not say it comes from
 * another site (`Sec-Fetch-Site`, `Origin`).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'

export const NOM_COOKIE = 'aiguillage_jeton'

function lireCookie(request: FastifyRequest, nom: string): string | undefined {
  for (const morceau of (request.headers.cookie ?? '').split(';')) {
    const i = morceau.indexOf('=')
    if (i > 0 && morceau.slice(0, i).trim() === nom) return morceau.slice(i + 1).trim()
  }
  return undefined
}

const valide = (jeton: string | undefined): jeton is string => jeton !== undefined && /^[A-Za-z0-9_-]{32,64}$/.test(jeton)

/**
 * The token of this browser (kept from its cookie, else new), set in the cookie again, for the
 * forms under `chemin` (the cookie is sent only there).
 */
export function jetonDuFormulaire(request: FastifyRequest, reply: FastifyReply, chemin = '/lieux'): string {
  const existant = lireCookie(request, NOM_COOKIE)
  const jeton = valide(existant) ? existant : randomBytes(24).toString('base64url')
  const securise = request.protocol === 'https' ? '; Secure' : ''
  reply.header('set-cookie', `${NOM_COOKIE}=${jeton}; Path=${chemin}; HttpOnly; SameSite=Strict; Max-Age=86400${securise}`)
  return jeton
}

function hote(origine: string): string | undefined {
  try {
    return new URL(origine).host
  } catch {
    return undefined
  }
}

/** The POST comes from our own form in this browser. */
export function jetonAccepte(request: FastifyRequest, recu: unknown): boolean {
  const site = request.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false
  // the host only: behind a proxy that terminates HTTPS, the scheme seen here may differ
  const origine = request.headers.origin
  if (origine !== undefined && hote(origine) !== request.host) return false
  const cookie = lireCookie(request, NOM_COOKIE)
  if (!valide(cookie) || typeof recu !== 'string' || !valide(recu)) return false
  const a = Buffer.from(cookie)
  const b = Buffer.from(recu)
  return a.length === b.length && timingSafeEqual(a, b)
}
