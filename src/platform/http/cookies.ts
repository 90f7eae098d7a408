/**
 * Reading and writing cookies by hand (two cookies in all: the session and the anti-forgery
 * token), with the flags a security review expects: HttpOnly, SameSite, Path, and Secure when
 * the platform is served over HTTPS (the request's scheme behind a trusted proxy, or the public
 * address in the configuration).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'

export function lireCookie(request: FastifyRequest, nom: string): string | undefined {
  for (const morceau of (request.headers.cookie ?? '').split(';')) {
    const i = morceau.indexOf('=')
    if (i > 0 && morceau.slice(0, i).trim() === nom) return morceau.slice(i + 1).trim()
  }
  return undefined
}

export interface OptionsCookie {
  chemin?: string
  sameSite?: 'Strict' | 'Lax'
  /** Seconds; 0 deletes the cookie. */
  maxAge?: number
  /** Force the Secure flag (the public address is https). */
  securise?: boolean
}

/** Adds a Set-Cookie header (several may be set on one reply). */
export function poserCookie(request: FastifyRequest, reply: FastifyReply, nom: string, valeur: string, options: OptionsCookie = {}): void {
  const securise = options.securise === true || request.protocol === 'https'
  const morceaux = [`${nom}=${valeur}`, `Path=${options.chemin ?? '/'}`, 'HttpOnly', `SameSite=${options.sameSite ?? 'Lax'}`]
  if (options.maxAge !== undefined) morceaux.push(`Max-Age=${options.maxAge}`)
  if (securise) morceaux.push('Secure')
  const deja = reply.getHeader('set-cookie')
  const liste = deja === undefined ? [] : Array.isArray(deja) ? deja.map(String) : [String(deja)]
  reply.header('set-cookie', [...liste.filter((c) => !c.startsWith(`${nom}=`)), morceaux.join('; ')])
}
