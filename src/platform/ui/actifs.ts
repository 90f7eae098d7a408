/**
 * The static assets of the interface (files of ui/assets/, plus Leaflet's script and style sheet
 * from its npm package), read once per process, each given a URL with a hash of its content
 * (`/assets/aiguillage.3f2a9c1b7d04.js`) so browsers may cache it for a year: a changed file
 * gets a new URL. Compressed copies are made once, here.
 */
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

export const PREFIXE_ACTIFS = '/assets/'

const TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}
const COMPRESSIBLES = new Set(['.css', '.js', '.svg', '.txt'])

export interface Actif {
  /** File name in ui/assets/, e.g. `aiguillage.js`. */
  nom: string
  /** Public URL, e.g. `/assets/aiguillage.3f2a9c1b7d04.js`. */
  url: string
  type: string
  /** Strong validator: the content hash. */
  etag: string
  contenu: Buffer
  gzip?: Buffer
  brotli?: Buffer
}

export interface Actifs {
  /** By file name (`aiguillage.js`). */
  parNom: ReadonlyMap<string, Actif>
  /** By the hashed file name of their URL (`aiguillage.3f2a9c1b7d04.js`). */
  parFichier: ReadonlyMap<string, Actif>
}

export const DOSSIER_ACTIFS = fileURLToPath(new URL('./assets/', import.meta.url))

const require = createRequire(import.meta.url)

/** Files served from npm packages (the tiled map, loaded only when tiles are configured). */
const PAQUETS: ReadonlyArray<readonly [string, string]> = [
  ['leaflet.js', 'leaflet/dist/leaflet.js'],
  ['leaflet.css', 'leaflet/dist/leaflet.css'],
]

const dejaCharges = new Map<string, Actifs>()

/** The assets of `dossier` (and of the packages), read and compressed once per process. */
export function chargerActifs(dossier: string = DOSSIER_ACTIFS): Actifs {
  let actifs = dejaCharges.get(dossier)
  if (!actifs) dejaCharges.set(dossier, (actifs = lireActifs(dossier)))
  return actifs
}

function lireActifs(dossier: string): Actifs {
  const parNom = new Map<string, Actif>()
  const parFichier = new Map<string, Actif>()
  const fichiers: Array<readonly [string, string]> = readdirSync(dossier)
    .sort()
    .map((nom) => [nom, path.join(dossier, nom)] as const)
  for (const [nom, module] of PAQUETS) fichiers.push([nom, require.resolve(module)])
  for (const [nom, chemin] of fichiers) {
    const extension = path.extname(nom)
    const type = TYPES[extension]
    if (!type) continue
    const contenu = readFileSync(chemin)
    const empreinte = createHash('sha256').update(contenu).digest('hex').slice(0, 12)
    const fichier = `${path.basename(nom, extension)}.${empreinte}${extension}`
    const actif: Actif = { nom, url: `${PREFIXE_ACTIFS}${fichier}`, type, etag: `"${empreinte}"`, contenu }
    if (COMPRESSIBLES.has(extension)) {
      actif.gzip = gzipSync(contenu, { level: 9 })
      // the best quality for our small files; a little less for Leaflet (150 kB), quicker to start
      const qualite = contenu.length > 64 * 1024 ? 9 : 11
      actif.brotli = brotliCompressSync(contenu, { params: { [constants.BROTLI_PARAM_QUALITY]: qualite } })
    }
    parNom.set(nom, actif)
    parFichier.set(fichier, actif)
  }
  return { parNom, parFichier }
}

/** URL of an asset by its file name; throws at start-up when the file is missing. */
export function urlActif(actifs: Actifs, nom: string): string {
  const actif = actifs.parNom.get(nom)
  if (!actif) throw new Error(`Fichier d'interface introuvable : ${nom} (dans ${DOSSIER_ACTIFS}).`)
  return actif.url
}
