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

export function decoder(octets: Uint8Array): Texte {
  if (isUtf8(octets)) {
    const texte = new TextDecoder('utf-8').decode(octets)
    return { texte: texte.charCodeAt(0) === 0xfeff ? texte.slice(1) : texte, encodage: 'utf-8' }
  }
  return { texte: new TextDecoder('windows-1252').decode(octets), encodage: 'windows-1252' }
}
