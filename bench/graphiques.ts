/**
 * Render time of a server-side chart: a 10-bar `histogramme` (Observable Plot in linkedom,
 * made accessible), the median and 95th percentile of 200 renders after 20 warm-up ones, plus
 * the cost of the first import and the size of the SVG. Not part of `npm run bench`.
 *
 *   npx tsx bench/graphiques.ts [--rendus 200]
 */
import { gzipSync } from 'node:zlib'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { rendus: { type: 'string', default: '200' } } })
const rendus = Number(values.rendus)

const debutImport = performance.now()
const { histogramme } = await import('../src/platform/ui/graphiques/histogramme.ts')
const dureeImport = performance.now() - debutImport

const options = {
  titre: 'Lieux par service',
  description: 'Nombre de lieux du territoire qui proposent chaque service.',
  unite: 'Nombre de lieux',
  barres: Array.from({ length: 10 }, (_, i) => ({ libelle: `Service numéro ${i + 1} du territoire`, valeur: 37 * (i + 1) ** 2 })),
}

const debutPremier = performance.now()
const svg = histogramme(options)
const dureePremier = performance.now() - debutPremier
for (let i = 0; i < 20; i++) histogramme(options)

const durees: number[] = []
for (let i = 0; i < rendus; i++) {
  const debut = performance.now()
  histogramme(options)
  durees.push(performance.now() - debut)
}
durees.sort((a, b) => a - b)
const quantile = (q: number) => durees[Math.min(durees.length - 1, Math.floor(q * durees.length))] ?? Number.NaN

console.log(
  JSON.stringify({
    rendus,
    medianeMs: Number(quantile(0.5).toFixed(2)),
    p95Ms: Number(quantile(0.95).toFixed(2)),
    premierRenduMs: Number(dureePremier.toFixed(1)),
    importMs: Number(dureeImport.toFixed(0)),
    octets: Buffer.byteLength(svg),
    octetsCompresses: gzipSync(svg).length,
  }),
)
