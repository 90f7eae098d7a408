/**
 * Exports the published places of a territory in the standard v1.0.2, streamed to any
 * writable (a file, standard output, an HTTP response) with back-pressure.
 */
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import type { Db } from '../../platform/db/database.ts'
import type { Territoire } from '../../territories/territoire.ts'
import { morceaux, type FormatExport } from '../io/ecriture.ts'
import { rangeesPubliees } from './queries.ts'

async function ecrire(sortie: Writable, texte: string): Promise<void> {
  if (!sortie.write(texte)) await once(sortie, 'drain')
}

/** Writes the export; returns the number of places written. Does not end `sortie`. */
export async function exporter(db: Db, format: FormatExport, sortie: Writable, territoire?: Territoire): Promise<number> {
  const { debut, element, fin } = morceaux(format)
  await ecrire(sortie, debut)
  let rang = 0
  for await (const lot of rangeesPubliees(db, territoire)) {
    let tampon = ''
    for (const rangee of lot) tampon += element(rangee, rang++)
    await ecrire(sortie, tampon)
  }
  await ecrire(sortie, fin)
  return rang
}
