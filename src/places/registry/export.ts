/**
 * Exports the published places of a territory in the standard v1.0.2, streamed to any
 * writable (a file, standard output, an HTTP response) with back-pressure.
 */
import type { Writable } from 'node:stream'
import type { Db } from '../../platform/db/database.ts'
import type { Territoire } from '../../territories/territoire.ts'
import type { FormatExport } from '../io/ecriture.ts'
import { ecrireDocument } from '../io/flux.ts'
import { rangeesPubliees } from './queries.ts'

/** Writes the export; returns the number of places written. Does not end `sortie`. */
export async function exporter(db: Db, format: FormatExport, sortie: Writable, territoire?: Territoire): Promise<number> {
  return ecrireDocument(format, rangeesPubliees(db, territoire), sortie)
}
