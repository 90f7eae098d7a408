/**
 * What both maps share: the accessible SVG root (`role="img"` named by its `<title>`, described
 * by its `<desc>`, a `viewBox` and no fixed size, system font, nothing the Content Security
 * Policy would block), the framing of a territory (the départements' outlines of
 * geometrie-departements.ts, zoomed on a box of map units through a nested `<svg>` whose
 * `viewBox` does the scaling and the clipping) and the placing of a longitude and latitude on
 * those outlines.
 */
import { parseHTML } from 'linkedom'
import { COULEURS, idGraphique, POLICE } from '../graphiques/histogramme.ts'
import { GEOMETRIE_DEPARTEMENTS, type GeometrieDepartement, MERCATOR } from './geometrie-departements.ts'

export { COULEURS }

const SVG = 'http://www.w3.org/2000/svg'
/** viewBox width of every map, as for the charts: at 320 px, 16-unit text reads at 12 px. */
export const LARGEUR = 400
export const MARGE = 8
export const TAILLE = 16
export const LIGNE = 22

export type Boite = readonly [number, number, number, number]

/** A number rounded to 0.1, written short: `12.3`, `-0.5`, `4`. */
export const court = (n: number): string => String(Math.round(n * 10) / 10)

export function element(document: Document, nom: string, proprietes: Record<string, string>, texte?: string): Element {
  const e = document.createElementNS(SVG, nom)
  for (const [cle, valeur] of Object.entries(proprietes)) e.setAttribute(cle, valeur)
  if (texte !== undefined) e.textContent = texte
  return e
}

export interface Entete {
  titre: string
  description: string
  id?: string | undefined
}

/** A fresh document and the map's root, named and described; returns the ids' prefix too. */
export function racine(options: Entete): { document: Document; svg: Element; prefixe: string } {
  if (options.titre.trim() === '') throw new Error('Une carte a besoin d’un titre.')
  const { document } = parseHTML('<!doctype html><html><body></body></html>')
  const prefixe = options.id ?? idGraphique(options.titre).replace(/^graphique-/, 'carte-')
  const svg = element(document, 'svg', {
    xmlns: SVG,
    role: 'img',
    'aria-labelledby': `${prefixe}-titre`,
    'aria-describedby': `${prefixe}-description`,
    'font-family': POLICE,
    'font-size': String(TAILLE),
    fill: COULEURS.texte,
  })
  svg.append(element(document, 'title', { id: `${prefixe}-titre` }, options.titre), element(document, 'desc', { id: `${prefixe}-description` }, options.description))
  return { document, svg, prefixe }
}

/** Sets the final height and the white background (first drawn), then serialises. */
export function terminer(document: Document, svg: Element, hauteur: number): string {
  svg.setAttribute('viewBox', `0 0 ${LARGEUR} ${Math.ceil(hauteur)}`)
  svg.querySelector('desc')?.after(element(document, 'rect', { width: '100%', height: '100%', fill: COULEURS.fond }))
  return svg.outerHTML
}

const PAR_CODE = new Map(GEOMETRIE_DEPARTEMENTS.map((d) => [d.code, d]))

/** The outline of a metropolitan département, or undefined (overseas, unknown code). */
export const geometrie = (code: string): GeometrieDepartement | undefined => PAR_CODE.get(code)

/** Longitude and latitude (degrees) to map units, on the Mercator of the outlines. */
export function projeter(lon: number, lat: number): [number, number] {
  const phi = (lat * Math.PI) / 180
  return [MERCATOR.tx + (MERCATOR.k * lon * Math.PI) / 180, MERCATOR.ty - MERCATOR.k * Math.log(Math.tan(Math.PI / 4 + phi / 2))]
}

/** The smallest box holding all boxes, widened by `marge` of its size on each side. */
export function reunir(boites: readonly Boite[], marge = 0.03): Boite | undefined {
  if (boites.length === 0) return undefined
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const b of boites) [x0, y0, x1, y1] = [Math.min(x0, b[0]), Math.min(y0, b[1]), Math.max(x1, b[2]), Math.max(y1, b[3])]
  // a single point still gets an area of 10 units (a few km)
  const [l, h] = [Math.max(x1 - x0, 10), Math.max(y1 - y0, 10)]
  const [mx, my] = [(x0 + x1) / 2, (y0 + y1) / 2]
  return [mx - (l / 2) * (1 + 2 * marge), my - (h / 2) * (1 + 2 * marge), mx + (l / 2) * (1 + 2 * marge), my + (h / 2) * (1 + 2 * marge)]
}

export const seCroisent = (a: Boite, b: Boite) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]

export interface Cadre {
  /** Map units shown. */
  boite: Boite
  /** viewBox units per map unit. */
  echelle: number
  /** The nested `<svg>`, placed at `haut`, to draw into in map units. */
  carte: Element
  /** viewBox units taken by the map. */
  hauteur: number
}

/** viewBox units per map unit to show `boite` across the width, at most `hauteurMax` tall. */
export const echellePour = (boite: Boite, hauteurMax = 480) => Math.min((LARGEUR - 2 * MARGE) / (boite[2] - boite[0]), hauteurMax / (boite[3] - boite[1]))

/** A nested `<svg>` that shows `boite` across the width (at most `hauteurMax` tall), from `haut`. */
export function cadrer(document: Document, boite: Boite, haut: number): Cadre {
  const [l, h] = [boite[2] - boite[0], boite[3] - boite[1]]
  const echelle = echellePour(boite)
  const [largeur, hauteur] = [l * echelle, h * echelle]
  const carte = element(document, 'svg', {
    x: court((LARGEUR - largeur) / 2),
    y: court(haut),
    width: court(largeur),
    height: court(hauteur),
    viewBox: [boite[0], boite[1], l, h].map(court).join(' '),
  })
  return { boite, echelle, carte, hauteur }
}

/** Outline attributes: `largeur` viewBox units whatever the zoom (`echelle`, viewBox units per map unit). */
export const trait = (echelle: number, largeur = 0.6) => ({ stroke: COULEURS.texte, 'stroke-width': String(Math.round((largeur / echelle) * 1000) / 1000), 'stroke-linejoin': 'round' })

/** Départements that are not part of the data but in view, drawn pale for context. */
export function fondDepartements(document: Document, cadre: Cadre, exclus: ReadonlySet<string>): Element {
  const g = element(document, 'g', { fill: '#f2f2f2', ...trait(cadre.echelle), stroke: '#767676' })
  for (const d of GEOMETRIE_DEPARTEMENTS) {
    if (!exclus.has(d.code) && seCroisent(d.boite, cadre.boite)) g.append(element(document, 'path', { d: d.d }))
  }
  return g
}
