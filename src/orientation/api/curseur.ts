/**
 * The pagination of `GET /api/v1/lieux`: its parameters, the page size bounds, and the opaque
 * cursor `apres` — the registry position (uid) of the last place of a page, written in
 * base64url so that clients take it as it is. Reading is strict: anything but a cursor this
 * server wrote is refused.
 */
export const PARAMETRES_LIEUX = ['limite', 'apres', 'territoire'] as const
export const LIMITE_DEFAUT = 100
export const LIMITE_MAX = 1000

const MOTIF = /^l([1-9]\d{0,14})$/

export function ecrireCurseur(uid: number): string {
  return Buffer.from(`l${uid}`).toString('base64url')
}

/** The uid after which the page starts, or undefined when `texte` is not a cursor. */
export function lireCurseur(texte: string): number | undefined {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(texte)) return undefined
  const m = Buffer.from(texte, 'base64url').toString('latin1').match(MOTIF)
  if (!m) return undefined
  const uid = Number(m[1])
  return ecrireCurseur(uid) === texte ? uid : undefined
}
