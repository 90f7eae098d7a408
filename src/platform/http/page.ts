/**
 * Sending a rendered page: `reply.page({ titre, contenu, … })` wraps the content in the shell
 * (ui/layout.tsx) with what every page shows (territory name, demo banner, current path) and
 * sends it as HTML. `reply.pageSansBase` does the same without asking the database, for
 * error pages.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ComponentChildren } from 'preact'
import type { ContextePage } from '../ui/contexte.ts'
import { Page, type PropsPage } from '../ui/layout.tsx'
import { rendreDocument } from '../ui/rendu.ts'
import { cheminSansRequete } from './journal.ts'

export type OptionsPage = Omit<PropsPage, 'contexte' | 'children'> & {
  contenu: ComponentChildren
  /** HTTP status (200 by default). */
  statut?: number
}

/** Whether the registry holds demo places: current (may ask the database), or last known. */
export interface EtatDemo {
  actuel(): Promise<boolean>
  dernier(): boolean
}

export interface OptionsPages {
  nomTerritoire: string
  demo: EtatDemo
}

declare module 'fastify' {
  interface FastifyReply {
    /** Renders `options` in the page shell and sends it. */
    page(options: OptionsPage): Promise<FastifyReply>
    /** As `page`, with the last known demo state: never queries the database. */
    pageSansBase(options: OptionsPage): FastifyReply
  }
}

/** The HTML document of a page, for a path and a demo state. */
export function rendrePage(options: OptionsPages, chemin: string, demo: boolean, { contenu, statut: _statut, ...props }: OptionsPage): string {
  const contexte: ContextePage = { nomTerritoire: options.nomTerritoire, demo, chemin }
  return rendreDocument(Page({ ...props, contexte, children: contenu }))
}

export function installerPages(app: FastifyInstance, options: OptionsPages): void {
  const envoyer = (reply: FastifyReply, demo: boolean, page: OptionsPage): FastifyReply =>
    reply
      .code(page.statut ?? 200)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(rendrePage(options, cheminSansRequete(reply.request.url), demo, page))
  app.decorateReply('page', async function (this: FastifyReply, page: OptionsPage) {
    return envoyer(this, await options.demo.actuel(), page)
  })
  app.decorateReply('pageSansBase', function (this: FastifyReply, page: OptionsPage) {
    return envoyer(this, options.demo.dernier(), page)
  })
}
