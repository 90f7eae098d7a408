/**
 * Every route declares who may call it (`config.acces`), and the server refuses to start when
 * one does not: a new route cannot slip in without a rule (the authorization matrix test
 * checks the answers). A plugin may declare a default for all its routes with `accesParDefaut`.
 *
 * - `public`: anyone, no session read (the public pages stay as fast as before);
 * - `session`: any session, even one waiting for its second-factor code (sign-out);
 * - `code`: a session waiting for its second-factor code;
 * - `connecte`: a signed-in account (second factor done when it has one);
 * - a list of roles: a signed-in account holding at least one of them.
 *
 * The rules are enforced by the accounts module (`src/accounts/http/garde.ts`); resource rules
 * (« this place is in my territory ») are checked by each route with `src/accounts/roles.ts`.
 */
import type { FastifyInstance, RouteOptions } from 'fastify'

export type RegleAcces = 'public' | 'session' | 'code' | 'connecte' | readonly string[]

declare module 'fastify' {
  interface FastifyContextConfig {
    acces?: RegleAcces
    /**
     * The anti-forgery token of this POST: `verifie-par-la-route` when the route checks it itself
     * (to answer with its own page), `sans-effet` when the POST changes nothing (it renders a
     * printable sheet from fields that must not travel in the address).
     */
    jeton?: 'verifie-par-la-route' | 'sans-effet'
    /** Reachable by an administrator who has not yet set up the mandatory second factor. */
    avantDoubleAuthentification?: boolean
  }
}

/** Routes declared in this plugin scope without a rule get `regle`. */
export function accesParDefaut(instance: FastifyInstance, regle: RegleAcces): void {
  instance.addHook('onRoute', (route: RouteOptions) => {
    const config = (route.config ?? {}) as { acces?: RegleAcces }
    if (config.acces === undefined) route.config = { ...config, acces: regle } as NonNullable<RouteOptions['config']>
  })
}

export interface RouteDeclaree {
  methode: string
  url: string
  acces: RegleAcces | undefined
}

/** Collects every route of the application (`routesDeclarees`) and refuses to start if one has no rule. */
export function exigerDesRegles(app: FastifyInstance): () => readonly RouteDeclaree[] {
  const routes: Array<{ route: RouteOptions }> = []
  app.addHook('onRoute', (route: RouteOptions) => {
    routes.push({ route })
  })
  const lire = (): RouteDeclaree[] =>
    routes.flatMap(({ route }) =>
      (Array.isArray(route.method) ? route.method : [route.method])
        .filter((m) => m !== 'HEAD')
        .map((methode) => ({ methode, url: route.url, acces: (route.config as { acces?: RegleAcces } | undefined)?.acces })),
    )
  app.addHook('onReady', async () => {
    const sans = lire().filter((r) => r.acces === undefined)
    if (sans.length > 0) throw new Error(`Route(s) sans règle d'accès déclarée : ${sans.map((r) => `${r.methode} ${r.url}`).join(', ')}`)
  })
  return lire
}
