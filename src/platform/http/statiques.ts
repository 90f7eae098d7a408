/**
 * Serves the interface's assets at `/assets/<name>.<hash>.<ext>` from memory, with a one-year
 * immutable cache (the URL changes with the content), an ETag, and the precompressed copy the
 * browser accepts. Unknown names get the 404 page.
 */
import type { FastifyInstance } from 'fastify'
import type { Actifs } from '../ui/actifs.ts'
import { encodageAccepte } from './compression.ts'

export function routesStatiques(app: FastifyInstance, actifs: Actifs): void {
  app.get<{ Params: { fichier: string } }>('/assets/:fichier', async (request, reply) => {
    const actif = actifs.parFichier.get(request.params.fichier)
    if (!actif) return reply.callNotFound()
    reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', actif.etag)
      .type(actif.type)
    if (actif.gzip) reply.header('vary', 'Accept-Encoding')
    const attendu = request.headers['if-none-match']
    if (attendu && attendu.split(',').some((e) => e.trim().replace(/^W\//, '') === actif.etag)) {
      return reply.code(304).send()
    }
    const encodage = encodageAccepte(request.headers['accept-encoding'])
    if (encodage === 'br' && actif.brotli) return reply.header('content-encoding', 'br').send(actif.brotli)
    if (encodage === 'gzip' && actif.gzip) return reply.header('content-encoding', 'gzip').send(actif.gzip)
    return reply.send(actif.contenu)
  })
}
