/**
 * Who may open the coordination pages, until accounts exist: one shared password given by the
 * instance's administrator in `AIGUILLAGE_COORDINATION_MOT_DE_PASSE`, asked by the browser
 * (HTTP Basic authentication, user name free). Without it the pages do not exist (404). The
 * comparison takes the same time whatever the password tried, and an address that fails 10
 * times in 15 minutes waits (429) until the window ends.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'

const empreinte = (texte: string) => createHash('sha256').update(texte).digest()

/** The person's name (for decisions), or undefined when the password is wrong or missing. */
export function identifier(request: FastifyRequest, motDePasse: string): string | undefined {
  const entete = request.headers.authorization
  if (!entete?.startsWith('Basic ')) return undefined
  const decode = Buffer.from(entete.slice(6), 'base64').toString('utf8')
  const separateur = decode.indexOf(':')
  if (separateur < 0) return undefined
  const nom = decode.slice(0, separateur).trim()
  const essai = decode.slice(separateur + 1)
  if (!timingSafeEqual(empreinte(essai), empreinte(motDePasse))) return undefined
  return nom.replace(/[^\p{L}\p{N} .@'_-]/gu, '').slice(0, 80) || 'coordination'
}

export function demanderIdentification(reply: FastifyReply): FastifyReply {
  return reply
    .code(401)
    .header('www-authenticate', 'Basic realm="Aiguillage - coordination", charset="UTF-8"')
    .header('cache-control', 'no-store')
    .type('text/plain; charset=utf-8')
    .send('Identification nécessaire : saisissez votre nom et le mot de passe de coordination.')
}

const FENETRE_MS = 15 * 60_000
const ESSAIS_MAX = 10

/** Failed attempts per client address, over a sliding window; kept in memory (one server). */
export class LimiteEssais {
  private readonly echecs = new Map<string, number[]>()
  constructor(private readonly maintenant: () => number = Date.now) {}

  private recents(adresse: string): number[] {
    const limite = this.maintenant() - FENETRE_MS
    const liste = (this.echecs.get(adresse) ?? []).filter((t) => t > limite)
    if (liste.length > 0) this.echecs.set(adresse, liste)
    else this.echecs.delete(adresse)
    return liste
  }
  /** Seconds to wait before trying again, or 0. */
  attente(adresse: string): number {
    const liste = this.recents(adresse)
    if (liste.length < ESSAIS_MAX) return 0
    return Math.max(1, Math.ceil(((liste[0] ?? 0) + FENETRE_MS - this.maintenant()) / 1000))
  }
  echec(adresse: string): void {
    const liste = this.recents(adresse)
    liste.push(this.maintenant())
    this.echecs.set(adresse, liste)
    if (this.echecs.size > 10_000) this.echecs.delete(this.echecs.keys().next().value as string)
  }
}
