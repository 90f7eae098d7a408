/**
 * Encryption at rest of the TOTP secrets, with a key that lives only in the environment
 * (`AIGUILLAGE_CLE_SECRETS`, 32 bytes in base64): AES-256-GCM, a random 96-bit nonce per value,
 * written `v1:<base64url(nonce | tag | ciphertext)>`. Without a key, values are stored as they
 * are (the key is read and checked by src/platform/config.ts); a stored value without the `v1:` prefix is read as is, so a key can be added later
 * (secrets are encrypted as they are next written). A value altered in the database, or read
 * with another key, is refused.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

const PREFIXE = 'v1:'

export class CleSecretsError extends Error {}

export function chiffrer(texte: string, cle: Buffer | undefined): string {
  if (!cle) return texte
  const nonce = randomBytes(12)
  const chiffreur = createCipheriv('aes-256-gcm', cle, nonce)
  const corps = Buffer.concat([chiffreur.update(texte, 'utf8'), chiffreur.final()])
  return PREFIXE + Buffer.concat([nonce, chiffreur.getAuthTag(), corps]).toString('base64url')
}

export function dechiffrer(valeur: string, cle: Buffer | undefined): string {
  if (!valeur.startsWith(PREFIXE)) return valeur
  if (!cle) throw new CleSecretsError('Un secret est chiffré dans la base mais AIGUILLAGE_CLE_SECRETS n’est pas défini.')
  const octets = Buffer.from(valeur.slice(PREFIXE.length), 'base64url')
  if (octets.length < 29) throw new CleSecretsError('Secret chiffré illisible.')
  const dechiffreur = createDecipheriv('aes-256-gcm', cle, octets.subarray(0, 12))
  dechiffreur.setAuthTag(octets.subarray(12, 28))
  try {
    return Buffer.concat([dechiffreur.update(octets.subarray(28)), dechiffreur.final()]).toString('utf8')
  } catch {
    throw new CleSecretsError('Secret chiffré illisible : altéré, ou chiffré avec une autre clé.')
  }
}
