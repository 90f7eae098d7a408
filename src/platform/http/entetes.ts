/**
 * Security headers sent with every response (pages, assets, JSON, errors): a strict Content
 * Security Policy (scripts, styles, images and requests only from our own origin, never inline — but the
 * design system's one `<style>` element, allowed by its hash),
 * no MIME sniffing, no framing, a discreet referrer, powerful browser features disabled.
 * A route may loosen them for its own reply only (`entetesDeLaReponse`): map tiles from another
 * origin, geolocation for « Autour de moi », framing for the widget.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import { EMPREINTE_FEUILLE } from '../ui/feuille.ts'

export interface OptionsPolitique {
  /** Origins images may also come from (map tiles), e.g. `https://tile.openstreetmap.org`. */
  images?: readonly string[] | undefined
  /** Any site may show the page in a frame (the widget). */
  cadrable?: boolean | undefined
}

/** The Content Security Policy: ours by default, loosened by `options`. */
export function politiqueContenu(options: OptionsPolitique = {}): string {
  const images = ["'self'", 'data:', ...(options.images ?? [])].join(' ')
  return (
    `default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' ${EMPREINTE_FEUILLE}; img-src ${images}; font-src 'self'; ` +
    `form-action 'self'; base-uri 'none'; frame-ancestors ${options.cadrable ? '*' : "'none'"}`
  )
}

export const POLITIQUE_CONTENU = politiqueContenu()

const FONCTIONS_COUPEES = ['accelerometer', 'autoplay', 'camera', 'display-capture', 'geolocation', 'gyroscope', 'magnetometer', 'microphone', 'midi', 'payment', 'usb']

/** The Permissions-Policy: every powerful feature off, but those `permises` to our own origin. */
export function politiqueFonctions(permises: readonly string[] = []): string {
  return FONCTIONS_COUPEES.map((f) => `${f}=${permises.includes(f) ? '(self)' : '()'}`).join(', ')
}

export const ENTETES_SECURITE: Readonly<Record<string, string>> = {
  'content-security-policy': POLITIQUE_CONTENU,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': politiqueFonctions(),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
}

/** Header values a reply replaces (a string) or removes (null). */
export type EntetesModifiees = Readonly<Record<string, string | null>>

const modifiees = new WeakMap<FastifyReply, EntetesModifiees>()

/**
 * Changes the security headers of this reply only (the hooks below would otherwise put the
 * defaults back): `{ 'x-frame-options': null }` removes one.
 */
export function entetesDeLaReponse(reply: FastifyReply, entetes: EntetesModifiees): void {
  modifiees.set(reply, { ...modifiees.get(reply), ...entetes })
  appliquer(reply)
}

/** The headers of a page that may be framed by any site (the widget). */
export function entetesCadrable(options: Omit<OptionsPolitique, 'cadrable'> = {}): EntetesModifiees {
  return {
    'content-security-policy': politiqueContenu({ ...options, cadrable: true }),
    'x-frame-options': null,
    'cross-origin-resource-policy': 'cross-origin',
  }
}

function appliquer(reply: FastifyReply): void {
  reply.headers(ENTETES_SECURITE)
  const propres = modifiees.get(reply)
  if (!propres) return
  for (const [nom, valeur] of Object.entries(propres)) {
    if (valeur === null) reply.removeHeader(nom)
    else reply.header(nom, valeur)
  }
}

export function installerEntetes(app: FastifyInstance): void {
  // onRequest covers replies sent before any handler (404, bad URLs); onSend, those built by error handlers.
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(ENTETES_SECURITE)
  })
  app.addHook('onSend', async (_request, reply, payload) => {
    appliquer(reply)
    return payload
  })
}
