/**
 * First visit of a results page on a slow phone: starts the server (PGlite in memory, N places
 * generated over France and imported as `aiguillage import` does, positions of communes from
 * the places), then opens a results URL (a need + a commune) in Chromium with an empty cache,
 * « Slow 3G » (2,000 ms of latency per request, 50 kB/s down and up) and a CPU slowed 4 times,
 * and measures when the first result is painted with its styles (the first animation frame
 * where the first result exists and the style sheet applies to it — Chromium headless gives no
 * Element Timing entries), when Playwright sees it in the DOM, the first contentful paint, the
 * load event, and the bytes transferred. Prints a small table.
 *
 *   npx tsx bench/premiere-visite.ts [--lieux 10000] [--essais 3] [--besoin caf] [--ou Nantes]
 */
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { chromium, type CDPSession } from 'playwright-core'
import { genererLieux } from '../src/demo/generator.ts'
import { communesSituees } from '../src/demo/positions.ts'
import { chargerPositions } from '../src/geo/chargement.ts'
import { Orientation } from '../src/orientation/service.ts'
import { importer } from '../src/places/registry/import.ts'
import { lireConfig } from '../src/platform/config.ts'
import { ouvrirBase } from '../src/platform/db/database.ts'
import { creerServeur } from '../src/platform/http/server.ts'
import { referentiel } from '../src/territories/referentiel.ts'

const CHROMIUM = '/usr/bin/chromium'
const { values } = parseArgs({
  options: {
    lieux: { type: 'string', default: '10000' },
    essais: { type: 'string', default: '3' },
    besoin: { type: 'string', default: 'caf' },
    ou: { type: 'string', default: 'Nantes' },
  },
})
if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} absent : installez Chromium (apt-get install -y chromium).`)
  process.exit(1)
}

const nombre = Number(values.lieux)
const essais = Number(values.essais)
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: 51_200, uploadThroughput: 51_200 }

const debut = performance.now()
const base = await ouvrirBase({})
const lignes = [...genererLieux({ communes: communesSituees(referentiel()), nombre, graine: 42, prefixe: 'bench' })]
const bilan = await importer(base, { source: 'bench', nomFichier: 'lieux.json', octets: Buffer.from(JSON.stringify(lignes)) })
const orientation = await Orientation.demarrer(base, { chargerPositions: () => chargerPositions(base.db) })
const app = await creerServeur({ base, orientation, config: lireConfig({ AIGUILLAGE_TERRITOIRE: 'Banc d’essai', LOG_LEVEL: 'error' }), journal: false })
await app.listen({ port: 0, host: '127.0.0.1' })
const adresse = app.server.address()
if (adresse === null || typeof adresse === 'string') throw new Error('adresse du serveur inconnue')
const origine = `http://127.0.0.1:${adresse.port}`
const chemin = `/recherche?besoin=${encodeURIComponent(values.besoin)}&ou=${encodeURIComponent(values.ou)}`
process.stderr.write(`${bilan.acceptes} lieux importés, serveur prêt en ${((performance.now() - debut) / 1000).toFixed(1)} s : ${origine}${chemin}\n`)

interface Mesure {
  premierResultatPeint: number | null
  premierResultatVu: number
  premierRendu: number | null
  chargement: number
  octets: number
  requetes: number
  ressources: Array<{ url: string; octets: number }>
  resultats: number
}

const navigateur = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'] })

async function mesurer(): Promise<Mesure> {
  // a fresh context: empty cache, no cookie
  const contexte = await navigateur.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
  const page = await contexte.newPage()
  const cdp: CDPSession = await contexte.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  const urls = new Map<string, string>()
  const ressources: Array<{ url: string; octets: number }> = []
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url))
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId) ?? '?'
    if (!url.startsWith('data:')) ressources.push({ url, octets: e.encodedDataLength })
  })
  // each frame, until the first result is there with our style sheet applied (its left padding)
  // (a string: tsx would add helpers to a function that the page does not have)
  await page.addInitScript(`(function regarder(t) {
    var li = document.querySelector('.resultats-orientation > li')
    if (li && getComputedStyle(li).paddingLeft !== '0px') window.premierResultat = t
    else requestAnimationFrame(regarder)
  })(0)`)
  const t0 = Date.now()
  await page.goto(`${origine}${chemin}`, { waitUntil: 'commit', timeout: 120_000 })
  await page.locator('.resultats-orientation li').first().waitFor({ state: 'visible', timeout: 120_000 })
  const premierResultatVu = Date.now() - t0
  await page.waitForLoadState('load', { timeout: 120_000 })
  await page.waitForTimeout(500)
  const temps = (await page.evaluate(`({
    element: window.premierResultat === undefined ? null : window.premierResultat,
    rendu: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null,
    chargement: (performance.getEntriesByType('navigation')[0] || {}).loadEventEnd || 0,
    resultats: document.querySelectorAll('.resultats-orientation > li').length,
  })`)) as { element: number | null; rendu: number | null; chargement: number; resultats: number }
  await contexte.close()
  return {
    premierResultatPeint: temps.element,
    premierResultatVu,
    premierRendu: temps.rendu,
    chargement: temps.chargement,
    octets: ressources.reduce((s, r) => s + r.octets, 0),
    requetes: ressources.length,
    ressources,
    resultats: temps.resultats,
  }
}

const mesures: Mesure[] = []
try {
  for (let i = 0; i < essais; i++) {
    mesures.push(await mesurer())
    process.stderr.write(`  essai ${i + 1}/${essais} mesuré\n`)
  }
} finally {
  await navigateur.close()
  await app.close()
  await orientation.arreter()
  await base.fermer()
}

const s = (ms: number | null) => (ms === null ? '—' : (ms / 1000).toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }))
const ko = (o: number) => (o / 1024).toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
const mediane = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

console.log(`\nPremière visite, cache vide, « Slow 3G » (latence 2 000 ms, 50 Ko/s), processeur ralenti ×4, écran de 360 px`)
console.log(`${nombre.toLocaleString('fr-FR')} lieux en France ; ${origine.replace(/:\d+$/, '')}${chemin}\n`)
const tableau = [
  ['essai', 'premier résultat affiché (s)', 'premier résultat dans le DOM (s)', 'premier rendu (s)', 'chargement complet (s)', 'requêtes', 'octets transférés (Ko)', 'résultats'],
  ...mesures.map((m, i) => [String(i + 1), s(m.premierResultatPeint), s(m.premierResultatVu), s(m.premierRendu), s(m.chargement), String(m.requetes), ko(m.octets), String(m.resultats)]),
  [
    'médiane',
    s(mediane(mesures.map((m) => m.premierResultatPeint ?? m.premierResultatVu))),
    s(mediane(mesures.map((m) => m.premierResultatVu))),
    s(mediane(mesures.map((m) => m.premierRendu ?? 0))),
    s(mediane(mesures.map((m) => m.chargement))),
    '',
    ko(mediane(mesures.map((m) => m.octets))),
    '',
  ],
]
const largeurs = tableau[0]?.map((_, c) => Math.max(...tableau.map((l) => (l[c] ?? '').length))) ?? []
for (const [i, ligne] of tableau.entries()) {
  console.log(`| ${ligne.map((cellule, c) => cellule.padEnd(largeurs[c] ?? 0)).join(' | ')} |`)
  if (i === 0) console.log(`|${largeurs.map((l) => '-'.repeat(l + 2)).join('|')}|`)
}
console.log('\nOctets par ressource (premier essai) :')
for (const r of mesures[0]?.ressources ?? []) console.log(`  ${ko(r.octets).padStart(6)} Ko  ${r.url.replace(origine, '')}`)
