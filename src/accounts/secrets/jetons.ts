/**
 * Random tokens sent by e-mail or kept in a cookie (invitations, password resets, sessions): 32
 * random bytes in base64url; the database keeps only their SHA-256, so that a leaked table gives
 * no usable token.
 */
import { createHash, randomBytes } from 'node:crypto'

export function nouveauJeton(): string {
  return randomBytes(32).toString('base64url')
}

/** What the database stores: the SHA-256 of the token, in hexadecimal (64 characters). */
export function empreinteJeton(jeton: string): string {
  return createHash('sha256').update(jeton, 'utf8').digest('hex')
}

/**
 * The canonical base64url of 32 bytes: 43 characters, the last one carrying 4 bits (its 2 low
 * bits are zero), so that a token has a single spelling.
 */
export function jetonBienForme(texte: unknown): texte is string {
  return typeof texte === 'string' && /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/.test(texte)
}
