/**
 * Writes a document of places in the standard (CSV, JSON or GeoJSON) to any writable stream, as
 * the places come, with back-pressure: exports and generated files of any size, in constant
 * memory.
 */
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { morceaux, type FormatExport, type RangeeStandard } from './ecriture.ts'

/** Writes the document; returns the number of places written. Does not end `sortie`. */
export async function ecrireDocument(
  format: FormatExport,
  lots: AsyncIterable<readonly RangeeStandard[]> | Iterable<readonly RangeeStandard[]>,
  sortie: Writable,
): Promise<number> {
  const { debut, element, fin } = morceaux(format)
  const ecrire = async (texte: string) => {
    if (!sortie.write(texte)) await once(sortie, 'drain')
  }
  await ecrire(debut)
  let rang = 0
  for await (const lot of lots) {
    let tampon = ''
    for (const rangee of lot) tampon += element(rangee, rang++)
    await ecrire(tampon)
  }
  await ecrire(fin)
  return rang
}

/** Groups an iterable of places in batches of `taille`, for `ecrireDocument`. */
export function* parLots<T>(elements: Iterable<T>, taille = 1000): Generator<T[]> {
  let lot: T[] = []
  for (const element of elements) {
    lot.push(element)
    if (lot.length === taille) {
      yield lot
      lot = []
    }
  }
  if (lot.length > 0) yield lot
}
