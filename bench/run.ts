/**
 * `npm run bench`: runs every benchmark and prints a table. Each measurement runs in its own
 * process (clean peak memory). PostgreSQL runs when BENCH_DATABASE_URL (or TEST_DATABASE_URL)
 * points to a server, else the local postgres://postgres@127.0.0.1:5432/test if it answers.
 *
 *   npm run bench                 # 10,000 (a région) and 100,000 places
 *   npm run bench -- --lieux 1000000
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import os from 'node:os'
import pg from 'pg'

const ici = path.dirname(fileURLToPath(import.meta.url))
const { values } = parseArgs({ options: { lieux: { type: 'string', multiple: true } } })
const tailles = (values.lieux ?? ['10000', '100000']).map(Number)

async function urlPostgres(): Promise<string | undefined> {
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.end()
    return url
  } catch {
    return undefined
  }
}

interface Mesure {
  moteur: string
  lieux: number
  megaOctets: number
  validation: number
  importation: number
  acceptes: number
  rejetes: number
  exportation: number
  memoireMaxMo: number
}

const url = await urlPostgres()
const moteurs = url ? ['pglite', 'postgresql'] : ['pglite']
if (!url) console.log('PostgreSQL injoignable : mesures sur PGlite seulement (définissez BENCH_DATABASE_URL).')
console.log(`Machine : ${os.cpus().length} cœurs ${os.cpus()[0]?.model ?? ''}, ${Math.round(os.totalmem() / 2 ** 30)} Go, Node ${process.version}\n`)

const mesures: Mesure[] = []
for (const lieux of tailles) {
  for (const moteur of moteurs) {
    const sortie = execFileSync(process.execPath, ['--import', 'tsx', path.join(ici, 'registre.ts'), '--moteur', moteur, '--lieux', String(lieux), ...(url ? ['--url', url] : [])], {
      encoding: 'utf8',
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
      maxBuffer: 1 << 24,
    })
    const mesure = JSON.parse(sortie.trim().split('\n').pop() ?? '{}') as Mesure
    mesures.push(mesure)
    process.stderr.write(`  ${moteur} ${lieux.toLocaleString('fr-FR')} lieux mesurés\n`)
  }
}

const f = (x: number, d = 1) => x.toLocaleString('fr-FR', { minimumFractionDigits: d, maximumFractionDigits: d })
const ent = (x: number) => Math.round(x).toLocaleString('fr-FR')
const OBJECTIFS: Record<string, number> = { pglite: 20, postgresql: 10 }
const lignes = [
  ['moteur', 'lieux', 'fichier (Mo)', 'validation seule (s)', 'import (s)', 'lignes/s', 'acceptés', 'rejetés', 'export CSV (s)', 'import + export (s)', 'objectif à 100 000 (s)', 'mémoire max (Mo)'],
  ...mesures.map((m) => [
    m.moteur,
    ent(m.lieux),
    f(m.megaOctets),
    f(m.validation),
    f(m.importation),
    ent(m.lieux / m.importation),
    ent(m.acceptes),
    ent(m.rejetes),
    f(m.exportation),
    f(m.importation + m.exportation),
    m.lieux === 100_000 ? String(OBJECTIFS[m.moteur] ?? '') : '',
    ent(m.memoireMaxMo),
  ]),
]
console.log('Registre des lieux : import (lecture, validation, communes, écriture en une transaction) et export CSV au standard v1.0.2')
console.log(`| ${lignes[0]?.join(' | ')} |`)
console.log(`|${lignes[0]?.map(() => '---').join('|')}|`)
for (const l of lignes.slice(1)) console.log(`| ${l.join(' | ')} |`)
