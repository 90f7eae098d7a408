/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps from the Unix
 * epoch) and their base32 secrets (RFC 4648), with node:crypto only: generation, the code of a
 * step, verification with ±1 step of clock drift and no replay, and the otpauth:// URI of the
 * enrolment QR code.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const PERIODE_S = 30
const CHIFFRES = 6
/** Steps accepted on each side of the current one. */
const DERIVE = 1

export function encoderBase32(octets: Uint8Array): string {
  let texte = ''
  let tampon = 0
  let bits = 0
  for (const octet of octets) {
    tampon = ((tampon << 8) | octet) & 0xffff
    bits += 8
    while (bits >= 5) {
      bits -= 5
      texte += ALPHABET[(tampon >> bits) & 31]
    }
  }
  if (bits > 0) texte += ALPHABET[(tampon << (5 - bits)) & 31]
  return texte
}

/** Accepts lower case, spaces and `=` padding; throws on any other character or an impossible length. */
export function decoderBase32(texte: string): Uint8Array {
  const propre = texte.replace(/\s+/g, '').toUpperCase().replace(/=+$/, '')
  if (!/^[A-Z2-7]*$/.test(propre)) throw new Error('Secret base32 invalide : caractère inattendu.')
  if ([1, 3, 6].includes(propre.length % 8)) throw new Error('Secret base32 invalide : longueur impossible.')
  const octets = new Uint8Array(Math.floor((propre.length * 5) / 8))
  let tampon = 0
  let bits = 0
  let i = 0
  for (const caractere of propre) {
    tampon = ((tampon << 5) | ALPHABET.indexOf(caractere)) & 0xffff
    bits += 5
    if (bits >= 8) {
      bits -= 8
      octets[i++] = (tampon >> bits) & 0xff
    }
  }
  return octets
}

/** 20 random bytes (160 bits, the HMAC-SHA1 block recommended by RFC 4226), base32 without padding. */
export function nouveauSecretTotp(): string {
  return encoderBase32(randomBytes(20))
}

export function pasTotp(instantMs: number): number {
  if (!Number.isFinite(instantMs) || instantMs < 0) throw new RangeError(`Instant invalide : ${instantMs}`)
  return Math.floor(instantMs / (PERIODE_S * 1000))
}

function codeAvecCle(cle: Uint8Array, pas: number): string {
  if (!Number.isSafeInteger(pas) || pas < 0) throw new RangeError(`Pas TOTP invalide : ${pas}`)
  const compteur = Buffer.alloc(8)
  compteur.writeBigUInt64BE(BigInt(pas))
  const mac = createHmac('sha1', cle).update(compteur).digest()
  const decalage = (mac[mac.length - 1] ?? 0) & 0x0f
  const binaire = mac.readUInt32BE(decalage) & 0x7fffffff
  return String(binaire % 10 ** CHIFFRES).padStart(CHIFFRES, '0')
}

/** The 6-digit code of time step `pas` (RFC 4226 dynamic truncation). */
export function codeTotp(secret: string, pas: number): string {
  return codeAvecCle(decoderBase32(secret), pas)
}

/**
 * The step whose code is `code` (spaces allowed: « 123 456 ») among the current step and its
 * neighbours, never one at or before `dernierPasAccepte`; `undefined` otherwise. The highest
 * matching step wins, so that a code cannot be replayed through a colliding neighbour.
 */
export function verifierTotp(secret: string, code: string, instantMs: number, dernierPasAccepte: number | null): number | undefined {
  const saisi = code.replace(/\s+/g, '')
  if (!new RegExp(`^\\d{${CHIFFRES}}$`).test(saisi)) return undefined
  const attendu = Buffer.from(saisi)
  const cle = decoderBase32(secret)
  const courant = pasTotp(instantMs)
  let accepte: number | undefined
  for (let pas = courant - DERIVE; pas <= courant + DERIVE; pas++) {
    if (pas < 0 || (dernierPasAccepte !== null && pas <= dernierPasAccepte)) continue
    if (timingSafeEqual(Buffer.from(codeAvecCle(cle, pas)), attendu)) accepte = pas
  }
  return accepte
}

/** Key URI read by authenticator apps (Google Authenticator format), label `Emetteur:compte`. */
export function uriOtpauth(secret: string, compte: string, emetteur: string): string {
  const encoder = (texte: string) => encodeURIComponent(texte).replace(/%40/g, '@')
  const parametres = [
    `secret=${encoderBase32(decoderBase32(secret))}`,
    `issuer=${encodeURIComponent(emetteur)}`,
    'algorithm=SHA1',
    `digits=${CHIFFRES}`,
    `period=${PERIODE_S}`,
  ]
  return `otpauth://totp/${encoder(emetteur)}:${encoder(compte)}?${parametres.join('&')}`
}
