/** Collects what an export writes into a string. */
import { Writable } from 'node:stream'

export function collecteur(): { sortie: Writable; texte: () => string } {
  const morceaux: string[] = []
  const sortie = new Writable({
    write(morceau, _encodage, suite) {
      morceaux.push(String(morceau))
      suite()
    },
  })
  return { sortie, texte: () => morceaux.join('') }
}
