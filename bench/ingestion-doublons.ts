/**
 * Benchmark of the whole pipeline at scale, one engine and one size per process: N generated
 * places spread over 4 sources with injected duplicates (`donnees/lieux-avec-doublons.ts`), each
 * source imported as a JSON file in the standard (one transaction each), then one
 * de-duplication run over the registry. Prints one JSON line: import time, de-duplication time,
 * pairs compared, merges, review queue, peak memory, and precision / recall of the merges
 * against the injected duplicates.
 *
 *   tsx bench/ingestion-doublons.ts --moteur pglite|postgresql --lieux 200000 [--url …]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { dedoublonner } from '../src/dedup/service.ts'
import { importer } from '../src/places/registry/import.ts'
import { ouvrirBaseDeBench } from './bases.ts'
import { genererLieuxAvecDoublons } from './donnees/lieux-avec-doublons.ts'

const { values } = parseArgs({ options: { moteur: { type: 'string', default: 'pglite' }, lieux: { type: 'string', default: '200000' }, url: { type: 'string' } } })
const n = Number(values.lieux)
const dossier = mkdtempSync(path.join(tmpdir(), 'aiguillage-doublons-'))
let memoireMax = 0
const suivi = setInterval(() => (memoireMax = Math.max(memoireMax, process.memoryUsage().rss)), 50)

try {
  const jeu = genererLieuxAvecDoublons(n, 2024)
  const fichiers = jeu.sources.map((s) => ({ nom: s.nom, octets: Buffer.from(JSON.stringify(s.lieux)) }))
  const { base, nettoyer } = await ouvrirBaseDeBench(values.moteur ?? 'pglite', values.url, dossier)
  try {
    const debut = performance.now()
    let acceptes = 0
    for (const f of fichiers) {
      const bilan = await importer(base, { source: f.nom, nomFichier: `${f.nom}.json`, octets: f.octets, aujourdhui: '2026-11-22' })
      acceptes += bilan.acceptes
    }
    const importation = (performance.now() - debut) / 1000
    const d = await dedoublonner(base)
    const total = (performance.now() - debut) / 1000
    // which records ended in one place
    const { rows } = (await base.db.execute(sql`select s.name || ':' || r.record_id as cle, r.lieu_uid from source_records r join sources s on s.id = r.source_id`)) as unknown as {
      rows: Array<{ cle: string; lieu_uid: number }>
    }
    const lieuDe = new Map(rows.map((r) => [r.cle, Number(r.lieu_uid)]))
    const trouves = jeu.doublons.filter(([a, b]) => lieuDe.get(a) !== undefined && lieuDe.get(a) === lieuDe.get(b)).length
    const parLieu = new Map<number, number>()
    for (const r of rows) parLieu.set(Number(r.lieu_uid), (parLieu.get(Number(r.lieu_uid)) ?? 0) + 1)
    const pairesFusionnees = [...parLieu.values()].reduce((s, k) => s + (k * (k - 1)) / 2, 0)
    clearInterval(suivi)
    console.log(
      JSON.stringify({
        moteur: values.moteur,
        lieux: n,
        acceptes,
        doublonsInjectes: jeu.doublons.length,
        importation,
        dedoublonnage: d.dureeMs / 1000,
        total,
        pairesComparees: d.pairesComparees,
        fusions: d.fusionsAutomatiques,
        aExaminer: d.aExaminer,
        precision: pairesFusionnees ? trouves / pairesFusionnees : 1,
        rappel: jeu.doublons.length ? trouves / jeu.doublons.length : 1,
        memoireMaxMo: memoireMax / 2 ** 20,
      }),
    )
  } finally {
    await nettoyer()
  }
} finally {
  clearInterval(suivi)
  rmSync(dossier, { recursive: true, force: true })
}
