/**
 * HTTP throughput of the results page: the server runs in its own process (bench/serveur.ts)
 * with N places; autocannon, in this process, asks for results pages around various communes
 * with 10 connections, as browsers do (`Accept-Encoding: gzip`): 3 seconds to warm up (not
 * counted), then 10 seconds measured. Prints one JSON line: requests per second, latency, bytes
 * per page (its style sheet is inside), and the hour in Paris — « ouvert maintenant » finds
 * nothing at night and then computes its widenings, so the hour changes the work.
 *
 *   node --import tsx bench/http.ts --lieux 100000
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import autocannon from 'autocannon'

const { values } = parseArgs({ options: { lieux: { type: 'string', default: '100000' }, duree: { type: 'string', default: '10' } } })
const ici = path.dirname(fileURLToPath(import.meta.url))
const serveur = spawn(process.execPath, ['--import', 'tsx', path.join(ici, 'serveur.ts'), '--lieux', String(values.lieux)], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, NODE_NO_WARNINGS: '1' },
})
const { port, importation } = await new Promise<{ port: number; importation: number }>((resoudre, rejeter) => {
  let tampon = ''
  serveur.stdout?.on('data', (d: Buffer) => {
    tampon += d.toString()
    const m = tampon.match(/PRET (\d+) ([\d.]+)/)
    if (m) resoudre({ port: Number(m[1]), importation: Number(m[2]) })
  })
  serveur.on('exit', (code) => rejeter(new Error(`serveur arrêté (code ${code})`)))
})

// Communes of several sizes; needs and filters as people use them.
const COMMUNES = ['73065', '69123', '13055', '33063', '59350', '35238', '31555', '67482', '63113', '29019', '21231', '86194']
const BESOINS = ['impots', 'smartphone', 'caf', 'courriel', 'papiers', 'materiel']
const chemins = COMMUNES.flatMap((commune, i) => [
  `/recherche?besoin=${BESOINS[i % BESOINS.length]}&commune=${commune}`,
  `/recherche?besoin=${BESOINS[(i + 1) % BESOINS.length]}&commune=${commune}&gratuit=1&sans_rdv=1`,
  `/recherche?besoin=smartphone&commune=${commune}&ouvert=maintenant`,
])
const url = `http://127.0.0.1:${port}`
try {
  const page = await fetch(`${url}${chemins[0]}`)
  const html = await page.text()
  if (page.status !== 200) throw new Error(`page de résultats en ${page.status}`)
  if (/<link rel="stylesheet"/.test(html)) throw new Error('la page de résultats dépend d’une feuille de style externe')
  const charge = (duree: number) =>
    autocannon({ url, connections: 10, duration: duree, headers: { 'accept-encoding': 'gzip' }, requests: chemins.map((p) => ({ method: 'GET', path: p })) })
  await charge(3)
  const heure = new Date().toLocaleString('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', hour: '2-digit', minute: '2-digit' })
  const resultat = await charge(Number(values.duree))
  process.stdout.write(
    `${JSON.stringify({
      lieux: Number(values.lieux),
      importation,
      requetesParSeconde: resultat.requests.average,
      latenceP50: resultat.latency.p50,
      latenceP99: resultat.latency.p99,
      erreurs: resultat.errors + resultat.non2xx,
      octetsPageGzip: gzipSync(html).length,
      heure,
    })}\n`,
  )
} finally {
  serveur.kill('SIGTERM')
}
