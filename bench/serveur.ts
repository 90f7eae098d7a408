/**
 * A server for the HTTP benchmark: an embedded database in a temporary folder filled with N
 * generated places over France, the search index, the real Fastify server on a loopback port.
 * Prints `PRET <port> <import seconds>` once listening.
 *
 *   node --import tsx bench/serveur.ts --lieux 100000
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { genererLieux } from '../src/demo/generator.ts'
import { communesSituees } from '../src/demo/positions.ts'
import { chargerPositions } from '../src/geo/chargement.ts'
import { Orientation } from '../src/orientation/service.ts'
import { lireConfig } from '../src/platform/config.ts'
import { ouvrirBase } from '../src/platform/db/database.ts'
import { creerServeur } from '../src/platform/http/server.ts'
import { enteteCsv, ligneCsvDepuisObjet } from '../src/places/io/ecriture.ts'
import { importer } from '../src/places/registry/import.ts'
import { referentiel } from '../src/territories/referentiel.ts'

process.env.TZ = 'Europe/Paris'
const { values } = parseArgs({ options: { lieux: { type: 'string', default: '100000' } } })
const dossier = mkdtempSync(path.join(tmpdir(), 'aiguillage-bench-http-'))
const base = await ouvrirBase({ dossier: path.join(dossier, 'donnees') })
let csv = enteteCsv()
for (const lieu of genererLieux({ communes: communesSituees(referentiel()), nombre: Number(values.lieux), graine: 11 })) csv += ligneCsvDepuisObjet(lieu)
const debut = performance.now()
await importer(base, { source: 'bench', nomFichier: 'lieux.csv', octets: Buffer.from(csv) })
const importation = (performance.now() - debut) / 1000
csv = ''
const orientation = await Orientation.demarrer(base, { chargerPositions: () => chargerPositions(base.db) })
const app = await creerServeur({ base, config: lireConfig({ LOG_LEVEL: 'warn' }), orientation, journal: false })
await app.listen({ port: 0, host: '127.0.0.1' })
const adresse = app.server.address()
process.stdout.write(`PRET ${typeof adresse === 'object' && adresse ? adresse.port : 0} ${importation.toFixed(1)}\n`)
const arreter = async () => {
  await app.close()
  await orientation.arreter()
  await base.fermer()
  rmSync(dossier, { recursive: true, force: true })
  process.exit(0)
}
process.on('SIGTERM', arreter)
process.on('SIGINT', arreter)
