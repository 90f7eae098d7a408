/**
 * Turns a file's bytes into text: UTF-8 with or without BOM, or windows-1252 (what spreadsheet
 * software writes on French Windows) when the bytes are not valid UTF-8.
 */
import { isUtf8 } from 'node:buffer'

export type Encodage = 'utf-8' | 'windows-1252'

export interface Texte {
  texte: string
  encodage: Encodage
}

/**
 * Bytes 0x80–0x9F of windows-1252 (’ œ € … – « » …). Node 20's TextDecoder('windows-1252') decodes
 * them as latin-1 control characters (nodejs/node#56542), so they are mapped here.
 */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

export function decoder(octets: Uint8Array): Texte {
  if (isUtf8(octets)) {
    const texte = new TextDecoder('utf-8').decode(octets)
    return { texte: texte.charCodeAt(0) === 0xfeff ? texte.slice(1) : texte, encodage: 'utf-8' }
  }
  const latin1 = new TextDecoder('latin1').decode(octets)
  const texte = latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80] ?? c)
  return { texte, encodage: 'windows-1252' }
}
