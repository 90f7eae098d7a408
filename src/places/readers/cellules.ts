/**
 * Small helpers shared by the readers: reading a row's cells by header whatever their case,
 * yes/no values, text repairs met in producers' files (UTF-8 read as Latin-1, `\xNN` escapes).
 */
import { nettoyerTexte } from '../../platform/text.ts'

/** Header → canonical form: BOM, quotes and surrounding spaces removed, lower case. */
export const enteteCanonique = (entete: string): string => entete.replace(/^\uFEFF/, '').trim().replace(/^"|"$/g, '').trim().toLowerCase()

/** Whether every one of `attendues` is among `colonnes` (compared in canonical form). */
export function contientColonnes(colonnes: readonly string[], attendues: readonly string[]): boolean {
  const presentes = new Set(colonnes.map(enteteCanonique))
  return attendues.every((c) => presentes.has(enteteCanonique(c)))
}

/** The row's cells by canonical header. */
export function cellules(valeurs: Record<string, unknown>): (entete: string) => unknown {
  const index = new Map<string, unknown>()
  for (const [cle, valeur] of Object.entries(valeurs)) {
    const canonique = enteteCanonique(cle)
    if (!index.has(canonique)) index.set(canonique, valeur)
  }
  return (entete) => (entete in valeurs ? valeurs[entete] : index.get(enteteCanonique(entete)))
}

/** A cell as trimmed text, `undefined` when empty. */
export function texte(valeur: unknown): string | undefined {
  if (valeur === null || valeur === undefined) return undefined
  const t = String(valeur).trim()
  return t === '' ? undefined : t
}

/** true / oui / 1 / vrai / yes → true; false / non / 0 / faux / no → false; anything else → undefined. */
export function oui(valeur: unknown): boolean | undefined {
  if (typeof valeur === 'boolean') return valeur
  const t = texte(valeur)?.toLowerCase()
  if (t === undefined) return undefined
  if (['true', 'oui', '1', 'vrai', 'yes', 'o', 'x'].includes(t)) return true
  if (['false', 'non', '0', 'faux', 'no', 'n'].includes(t)) return false
  return undefined
}

/**
 * UTF-8 text that was read as Latin-1 and written again (« Fresnes-LÃ©guillon »), repaired when
 * the repair is clean; other text is returned as it is.
 */
export function reparerMojibake(texte: string): string {
  if (!/[ÃÂ][\u0080-\u00bf]/.test(texte)) return texte
  const codes = [...texte].map((c) => c.codePointAt(0) ?? 0)
  if (codes.some((code) => code > 0xff)) return texte
  const repare = new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(codes))
  return repare.includes('\ufffd') ? texte : repare
}

/** `\xNN` escapes (a JavaScript-escaped Latin-1 string pasted as text) decoded. */
export function decoderEchappements(texte: string): string {
  if (!/\\x[0-9a-f]{2}/i.test(texte)) return texte
  return texte.replace(/\\x([0-9a-f]{2})/gi, (_, hexa: string) => String.fromCharCode(parseInt(hexa, 16)))
}

/** Free text from a producer: escapes and mojibake repaired, then cleaned like any text. */
export function texteRepare(valeur: unknown): string | undefined {
  const brut = texte(valeur)
  if (brut === undefined) return undefined
  return nettoyerTexte(reparerMojibake(decoderEchappements(brut))) ?? undefined
}
