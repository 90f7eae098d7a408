/**
 * What an e-mail of the platform is: one recipient, a subject, a plain-text body in French (no
 * HTML). Pure code: the checks every e-mail passes before it enters the outbox.
 */

export interface Courriel {
  /** A single bare address (`marie@exemple.fr`), never a list nor a display name. */
  destinataire: string
  /** One line; line breaks and runs of spaces are folded into one space. */
  sujet: string
  /** Plain text, French. */
  texte: string
}

/** Raised for an e-mail that cannot be sent; the message never repeats the address. */
export class CourrielInvalideError extends Error {
  override name = 'CourrielInvalideError'
}

// One address, no display name: nothing that would let a header hold a second recipient
// (comma, semicolon, angle brackets, quotes, spaces, line breaks).
const ADRESSE = /^[^\s@<>,;:"'()[\]\\]+@[^\s@<>,;:"'()[\]\\]+$/u

/** Whether `adresse` is one bare e-mail address that we accept as a recipient. */
export function adresseValide(adresse: string): boolean {
  return adresse.length <= 254 && ADRESSE.test(adresse) && !/[\u0000-\u001f\u007f]/u.test(adresse)
}

/**
 * The e-mail as it will be stored and sent: address trimmed, subject on one line, body with Unix
 * line endings. Throws `CourrielInvalideError` for an unusable address or an empty subject.
 */
export function normaliserCourriel(courriel: Courriel): Courriel {
  const destinataire = courriel.destinataire.trim()
  if (!adresseValide(destinataire)) throw new CourrielInvalideError('L’adresse du destinataire n’est pas une adresse de courriel valide.')
  const sujet = courriel.sujet.replace(/[\s\u0000-\u001f\u007f]+/gu, ' ').trim()
  if (sujet === '') throw new CourrielInvalideError('Le sujet du courriel est vide.')
  const texte = courriel.texte.replace(/\r\n?/g, '\n')
  return { destinataire, sujet, texte }
}
