/**
 * What the server writes to its log, and nothing more: one line per request with the method,
 * the route pattern (`/lieux/:uid`), the path when a route matched, the status and the
 * duration. Never query strings (searches may hold names, e-mails or phone numbers), bodies,
 * headers or cookies; errors lose the query parameters and quoted values Drizzle and
 * PostgreSQL put in their messages.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify'

export function cheminSansRequete(url: string): string {
  const i = url.indexOf('?')
  return i < 0 ? url : url.slice(0, i)
}

/** Values quoted in messages (`"abc"`, `« abc »`, `(id)=(abc)`) are replaced by `…`. */
const masquerValeurs = (texte: string): string =>
  texte.replace(/"[^"]*"/g, '"…"').replace(/«[^»]*»/g, '« … »').replace(/\(([^()]*)\)=\(([^()]*)\)/g, '($1)=(…)')

export type ErreurJournal = {
  type: string
  message: string
  code?: string
  cause?: string
  /** First frames of the stack, without the message line. */
  stack: string
  [cle: string]: unknown
}

/**
 * An error as it may be logged. A Drizzle query error keeps its SQL (placeholders only) and
 * loses its parameters; other messages lose their quoted values; the stack keeps its frames only.
 */
export function erreurJournal(erreur: unknown): ErreurJournal {
  if (!(erreur instanceof Error)) return { type: typeof erreur, message: '(valeur non journalisée)', stack: '' }
  const avecCode = erreur as Error & { code?: unknown; cause?: unknown }
  const requete = erreur.message.startsWith('Failed query: ')
  const message = requete ? (erreur.message.split('\nparams:')[0] ?? '') : masquerValeurs(erreur.message)
  const stack = (erreur.stack ?? '')
    .split('\n')
    .filter((ligne) => /^\s+at /.test(ligne))
    .slice(0, 8)
    .join('\n')
  const resultat: ErreurJournal = { type: erreur.name, message: message.slice(0, 600), stack }
  if (typeof avecCode.code === 'string') resultat.code = avecCode.code
  const cause = avecCode.cause
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code
    resultat.cause = `${typeof code === 'string' ? `${code} ` : ''}${masquerValeurs(cause.message).slice(0, 300)}`
  }
  return resultat
}

function ligneRequete(request: FastifyRequest, reply: FastifyReply) {
  const route = request.routeOptions.url
  return {
    methode: request.method,
    route: route ?? null,
    ...(route !== undefined && { chemin: cheminSansRequete(request.url).slice(0, 200) }),
    statut: reply.statusCode,
    duree: Math.round(reply.elapsedTime * 10) / 10,
  }
}

export class JournalAiguillage extends LogController {
  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override requestCompleted(erreur: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (erreur) reply.log.error({ ...ligneRequete(request, reply), erreur: erreurJournal(erreur) }, 'requête en échec')
    else reply.log.info(ligneRequete(request, reply), 'requête traitée')
  }

  override defaultErrorLog(erreur: Error, request: FastifyRequest, reply: FastifyReply): void {
    const niveau = reply.statusCode >= 500 ? 'error' : 'info'
    reply.log[niveau]({ ...ligneRequete(request, reply), erreur: erreurJournal(erreur) }, 'erreur')
  }

  override streamError(erreur: Error, request: FastifyRequest, reply: FastifyReply): void {
    reply.log.warn({ ...ligneRequete(request, reply), erreur: erreurJournal(erreur) }, 'réponse interrompue')
  }

  override writeHeadError(erreur: Error, request: FastifyRequest, reply: FastifyReply): void {
    reply.log.warn({ ...ligneRequete(request, reply), erreur: erreurJournal(erreur) }, "échec de l'envoi des en-têtes")
  }

  override serializerError(erreur: Error, request: FastifyRequest, reply: FastifyReply): void {
    reply.log.error({ ...ligneRequete(request, reply), erreur: erreurJournal(erreur) }, 'échec de la sérialisation')
  }
}

/** Serializers for anything else that would log a request, a reply or an error. */
export const serialiseurs = {
  req: (req: { method?: string; url?: string }) => ({ methode: req.method, chemin: cheminSansRequete(req.url ?? '').slice(0, 200) }),
  res: (res: { statusCode?: number }) => ({ statut: res.statusCode }),
  err: erreurJournal,
}
