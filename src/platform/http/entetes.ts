/**
 * Security headers sent with every response (pages, assets, JSON, errors): a strict Content
 * Security Policy (no script at all, styles only from our own files), no MIME sniffing, no
 * framing, a discreet referrer, powerful browser features disabled.
 */
import type { FastifyInstance } from 'fastify'

export const POLITIQUE_CONTENU =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

export const ENTETES_SECURITE: Readonly<Record<string, string>> = {
  'content-security-policy': POLITIQUE_CONTENU,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy':
    'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
}

export function installerEntetes(app: FastifyInstance): void {
  // onRequest covers replies sent before any handler (404, bad URLs); onSend, those built by error handlers.
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(ENTETES_SECURITE)
  })
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(ENTETES_SECURITE)
    return payload
  })
}
