/**
 * Compresses text responses (HTML, CSS, JSON) with Brotli or gzip, as the browser accepts, for
 * slow connections. Pages are built in memory as strings, so a small onSend hook is enough;
 * static assets arrive already compressed (see statiques.ts) and are left alone.
 */
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { FastifyInstance } from 'fastify'

const brotli = promisify(brotliCompress)
const gzipper = promisify(gzip)

const TAILLE_MIN = 1024
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg\+xml)/

/** The preferred encoding the `Accept-Encoding` header allows: `br`, `gzip` or none. */
export function encodageAccepte(entete: string | undefined): 'br' | 'gzip' | undefined {
  if (!entete) return undefined
  const acceptes = new Set<string>()
  for (const partie of entete.toLowerCase().split(',')) {
    const [nom, ...parametres] = partie.trim().split(';')
    const q = parametres.map((p) => p.trim()).find((p) => p.startsWith('q='))
    if (nom && !(q && Number(q.slice(2)) === 0)) acceptes.add(nom.trim())
  }
  if (acceptes.has('br')) return 'br'
  if (acceptes.has('gzip') || acceptes.has('*')) return 'gzip'
  return undefined
}

export function installerCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '')
    if (!COMPRESSIBLE.test(type) || reply.hasHeader('content-encoding')) return payload
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload
    reply.header('vary', 'Accept-Encoding')
    const octets = typeof payload === 'string' ? Buffer.from(payload) : payload
    if (octets.length < TAILLE_MIN || reply.statusCode === 204 || reply.statusCode === 304) return payload
    const encodage = encodageAccepte(request.headers['accept-encoding'])
    if (!encodage) return payload
    const compresse =
      encodage === 'br'
        ? await brotli(octets, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: octets.length } })
        : await gzipper(octets, { level: 6 })
    reply.header('content-encoding', encodage)
    reply.removeHeader('content-length')
    return compresse
  })
}
