/**
 * Enforces the routes' access rules (`config.acces`, see src/platform/http/acces.ts) before
 * any handler runs. Public routes read no session (their speed is unchanged). Others read the
 * session cookie, load the account with its roles, and answer:
 * - no session → 303 to `/connexion?retour=…` (the page asked, kept for after sign-in);
 * - a session waiting for its code → 303 to `/connexion/code`;
 * - an administrator without the mandatory second factor → 303 to its set-up page;
 * - an account without the required role → 403 « Accès refusé ».
 * Answers behind a session are never cached (`Cache-Control: no-store`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../../platform/db/database.ts'
import { lireCookie, poserCookie } from '../../platform/http/cookies.ts'
import { aLeRole, estAdministrateur, type Compte, type Role } from '../roles.ts'
import { compteActif } from '../store/comptes.ts'
import { fermerSession, lireSession, purgerSessions, type Session } from '../store/sessions.ts'
import { purgerLimites } from '../store/limites.ts'
import { pageAccesRefuse } from './pages-communes.tsx'

export const COOKIE_SESSION = 'aiguillage_session'

declare module 'fastify' {
  interface FastifyRequest {
    compte?: Compte
    session?: Session
  }
}

/** A path of ours to come back to after sign-in (never another site: no open redirect). */
export function retourSur(brut: unknown, defaut = '/espace'): string {
  if (typeof brut !== 'string' || brut.length > 500) return defaut
  if (!/^\/(?![/\\])[^\s]*$/.test(brut)) return defaut
  if (/^\/(connexion|deconnexion)/.test(brut)) return defaut
  return brut
}

const versConnexion = (request: FastifyRequest) => `/connexion?retour=${encodeURIComponent(retourSur(request.method === 'GET' ? request.url : '/espace'))}`

export function effacerCookieSession(request: FastifyRequest, reply: FastifyReply, securise: boolean): void {
  poserCookie(request, reply, COOKIE_SESSION, '', { maxAge: 0, securise })
}

export function installerGarde(app: FastifyInstance, options: { db: Db; securise: boolean }): void {
  const { db, securise } = options
  // expired sessions and finished rate-limit windows are deleted every hour
  const menage = setInterval(() => {
    void purgerSessions(db).catch(() => undefined)
    void purgerLimites(db).catch(() => undefined)
  }, 60 * 60_000).unref()
  app.addHook('onClose', async () => clearInterval(menage))
  app.addHook('onRequest', async (request, reply) => {
    const regle = request.routeOptions.config?.acces
    if (regle === undefined || regle === 'public') return
    reply.header('cache-control', 'no-store')
    const jeton = lireCookie(request, COOKIE_SESSION)
    const session = jeton === undefined ? undefined : await lireSession(db, jeton)
    if (!session || jeton === undefined) {
      if (jeton !== undefined) effacerCookieSession(request, reply, securise)
      return reply.redirect(versConnexion(request), 303)
    }
    request.session = session
    request.secretDeFormulaire = jeton
    if (regle === 'session') return
    if (regle === 'code') {
      if (session.niveau !== 'attente_code') return reply.redirect('/espace', 303)
      return
    }
    if (session.niveau !== 'complet') return reply.redirect('/connexion/code', 303)
    const compte = await compteActif(db, session.utilisateurId)
    if (!compte) {
      await fermerSession(db, session.id)
      effacerCookieSession(request, reply, securise)
      return reply.redirect(versConnexion(request), 303)
    }
    request.compte = compte
    if (estAdministrateur(compte) && !compte.totpActif && request.routeOptions.config.avantDoubleAuthentification !== true) {
      return reply.redirect('/compte/double-authentification', 303)
    }
    if (regle !== 'connecte' && !regle.some((role) => aLeRole(compte, role as Role))) return refuser(reply)
  })
}

/** 403 with the French page. */
export function refuser(reply: FastifyReply): Promise<FastifyReply> {
  return reply.page(pageAccesRefuse())
}
