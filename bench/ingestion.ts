/**
 * Benchmark of multi-source ingestion, one engine per process: imports every real file of
 * ../shared/data/lieux (each through its reader, in one transaction per file), then runs the
 * de-duplication over all of them. Prints one JSON line: time of the imports, of the
 * de-duplication, pairs compared, merges, review queue, peak memory.
 *
 *   tsx bench/ingestion.ts --moteur pglite|postgresql [--url …]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { dedoublonner } from '../src/dedup/service.ts'
import { importer } from '../src/places/registry/import.ts'
import { ouvrirBaseDeBench } from './bases.ts'
import { DOSSIER_LIEUX, SOURCES_REELLES } from './sources-reelles.ts'

const { values } = parseArgs({ options: { moteur: { type: 'string', default: 'pglite' }, url: { type: 'string' } } })
const dossier = mkdtempSync(path.join(tmpdir(), 'aiguillage-ingestion-'))
let memoireMax = 0
const suivi = setInterval(() => (memoireMax = Math.max(memoireMax, process.memoryUsage().rss)), 50)

try {
  const { base, nettoyer } = await ouvrirBaseDeBench(values.moteur ?? 'pglite', values.url, dossier)
  try {
    const debut = performance.now()
    let lus = 0
    let acceptes = 0
    for (const s of SOURCES_REELLES) {
      const bilan = await importer(base, {
        source: s.source,
        nomFichier: s.fichier,
        octets: readFileSync(path.join(DOSSIER_LIEUX, s.fichier)),
        producteur: s.producteur,
        licence: s.licence,
        dateDonnees: s.dateDonnees,
        lecteur: s.format,
        aujourdhui: '2026-11-22',
      })
      lus += bilan.lus
      acceptes += bilan.acceptes
    }
    const importation = (performance.now() - debut) / 1000
    const d = await dedoublonner(base)
    const total = (performance.now() - debut) / 1000
    clearInterval(suivi)
    console.log(JSON.stringify({ moteur: values.moteur, fichiers: SOURCES_REELLES.length, lus, acceptes, importation, dedoublonnage: d.dureeMs / 1000, total, ...d, memoireMaxMo: memoireMax / 2 ** 20 }))
  } finally {
    await nettoyer()
  }
} finally {
  clearInterval(suivi)
  rmSync(dossier, { recursive: true, force: true })
}
