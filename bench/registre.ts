/**
 * Benchmark of the place registry, one engine and one size per process (so that peak memory is
 * its own): generates N places over France as a v1.0.2 CSV file (2 % with the defects of real
 * files), then measures validation alone (`--verifier`), import (reading, validation, commune
 * resolution and writing in one transaction, as `aiguillage import` does) and CSV export of
 * everything. Prints one JSON line.
 *
 *   tsx bench/registre.ts --moteur pglite|postgresql --lieux 100000
 */
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import { genererLieux } from '../src/demo/generator.ts'
import { communesSituees } from '../src/demo/positions.ts'
import { ouvrirBaseDeBench } from './bases.ts'
import { enteteCsv, ligneCsvDepuisObjet } from '../src/places/io/ecriture.ts'
import { exporter } from '../src/places/registry/export.ts'
import { importer, verifier } from '../src/places/registry/import.ts'
import { referentiel } from '../src/territories/referentiel.ts'

const { values } = parseArgs({ options: { moteur: { type: 'string', default: 'pglite' }, lieux: { type: 'string', default: '100000' }, url: { type: 'string' } } })
const n = Number(values.lieux)
const dossier = mkdtempSync(path.join(tmpdir(), 'aiguillage-bench-'))

async function chronometrer<T>(action: () => Promise<T> | T): Promise<{ secondes: number; resultat: T }> {
  const debut = performance.now()
  const resultat = await action()
  return { secondes: (performance.now() - debut) / 1000, resultat }
}

const ouvrir = () => ouvrirBaseDeBench(values.moteur ?? 'pglite', values.url, dossier)

try {
  const generation = await chronometrer(() => {
    let csv = enteteCsv()
    for (const lieu of genererLieux({ communes: communesSituees(referentiel()), nombre: n, graine: 42, prefixe: 'bench', tauxDefauts: 0.02 })) {
      csv += ligneCsvDepuisObjet(lieu)
    }
    const fichier = path.join(dossier, 'lieux.csv')
    writeFileSync(fichier, csv)
    return fichier
  })
  const octets = readFileSync(generation.resultat)
  const options = { source: 'bench', nomFichier: 'lieux.csv', octets }
  const validation = await chronometrer(() => verifier(options))
  const { base, nettoyer } = await ouvrir()
  try {
    const importation = await chronometrer(() => importer(base, options))
    let octetsExportes = 0
    const puits = new Writable({ write: (m, _e, suite) => ((octetsExportes += m.length), suite()) })
    const exportation = await chronometrer(() => exporter(base.db, 'csv', puits))
    process.stdout.write(
      `${JSON.stringify({
        moteur: base.moteur,
        lieux: n,
        megaOctets: octets.length / 1e6,
        generation: generation.secondes,
        validation: validation.secondes,
        importation: importation.secondes,
        acceptes: importation.resultat.acceptes,
        rejetes: importation.resultat.rejetes,
        exportation: exportation.secondes,
        exportes: exportation.resultat,
        megaOctetsExportes: octetsExportes / 1e6,
        memoireMaxMo: process.resourceUsage().maxRSS / 1024,
      })}\n`,
    )
  } finally {
    await nettoyer()
  }
} finally {
  rmSync(dossier, { recursive: true, force: true })
}
