/**
 * The territorial diagnosis benchmark: generates places over real communes (a région: 2,000
 * places in Auvergne-Rhône-Alpes, ~4,000 communes; France: 100,000 places, ~35,000 communes),
 * imports them through the real importer with the communes' positions (GeoNames, the others
 * approximated by `src/geo`), then times the full diagnosis from the database — reading
 * included — `mesures` times after the first run (which also fills the weekly-hours cache,
 * reported apart). One JSON line on standard output; progress on standard error.
 *
 *   node --import tsx bench/diagnostic.ts --moteur pglite --echelle region
 *   node --import tsx bench/diagnostic.ts --moteur postgresql --url … --echelle france
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { genererLieux } from '../src/demo/generator.ts'
import { communesSituees } from '../src/demo/positions.ts'
import { enregistrerPositions } from '../src/geo/stockage.ts'
import { importer } from '../src/places/registry/import.ts'
import { diagnostiquer } from '../src/pilotage/diagnostic/index.ts'
import { referentiel } from '../src/territories/referentiel.ts'
import { lireTerritoire } from '../src/territories/territoire.ts'
import { ouvrirBaseDeBench } from './bases.ts'

const { values } = parseArgs({ options: { moteur: { type: 'string', default: 'pglite' }, url: { type: 'string' }, echelle: { type: 'string', default: 'region' }, mesures: { type: 'string', default: '7' } } })
const moteur = values.moteur === 'postgresql' ? 'postgresql' : 'pglite'
const france = values.echelle === 'france'
const journal = (m: string) => process.stderr.write(`  [${moteur} ${france ? 'France' : 'région'}] ${m}\n`)
const centile = (xs: readonly number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)] ?? 0

const dossier = mkdtempSync(path.join(tmpdir(), 'aiguillage-bench-diagnostic-'))
const { base, nettoyer } = await ouvrirBaseDeBench(moteur, values.url, dossier)
try {
  const ref = referentiel()
  const region = '84'
  const departements = france ? undefined : [...ref.departements.values()].filter((d) => d.region === region).map((d) => d.code)
  const communes = communesSituees(ref, departements)
  const nombre = france ? 100_000 : 2_000
  let t = performance.now()
  await enregistrerPositions(base.db, communes.map((c) => ({ code: c.commune.code, latitude: c.latitude, longitude: c.longitude })), 'geonames')
  const lignes = [...genererLieux({ communes, nombre, graine: 7, prefixe: 'bench', source: 'Banc d’essai' })]
  await importer(base, { source: 'Banc d’essai', demo: true, nomFichier: 'lieux.json', octets: Buffer.from(JSON.stringify(lignes)), conserverAbsents: true })
  const chargement = (performance.now() - t) / 1000
  journal(`${nombre} lieux importés en ${chargement.toFixed(1)} s`)

  const territoire = france ? null : lireTerritoire(`region:${region}`, ref)
  t = performance.now()
  const premier = await diagnostiquer(base.db, territoire)
  const froid = performance.now() - t
  journal(`premier diagnostic (heures calculées et mises en cache) : ${froid.toFixed(0)} ms, ${premier.length} communes`)
  const durees: number[] = []
  for (let i = 0; i < Number(values.mesures); i++) {
    t = performance.now()
    await diagnostiquer(base.db, territoire)
    durees.push(performance.now() - t)
  }
  const objectif = france ? 20_000 : 2_000
  console.log(
    JSON.stringify({
      moteur,
      echelle: france ? 'France' : 'région (84)',
      communes: premier.length,
      lieux: nombre,
      chargement,
      froid,
      mediane: centile(durees, 0.5),
      p95: centile(durees, 0.95),
      objectif,
    }),
  )
} finally {
  await nettoyer()
  rmSync(dossier, { recursive: true, force: true })
}
