/**
 * A horizontal bar chart drawn on the server as accessible SVG: Observable Plot renders it in a
 * linkedom document, then the SVG is made fit for our pages — `role="img"` named by its
 * `<title>` and described by its `<desc>`, system font and colours of the design system (AA
 * contrast on the white background it carries), a `viewBox` and no fixed size so that it
 * shrinks to a phone's width, and nothing the Content Security Policy would block: no `<style>`
 * element, no `style` attribute, no script, no external resource. Each bar has its label above
 * it (on up to three lines) and its value, written in French, at its end; the numbers also go
 * in a table (graphique.tsx).
 */
import * as Plot from '@observablehq/plot'
import { parseHTML } from 'linkedom'
import { mots } from '../../text.ts'
import { couperEnLignes, largeurEstimee, nombreFrancais } from './texte.ts'

export { nombreFrancais }

export interface Barre {
  libelle: string
  /** A finite number, 0 or more. */
  valeur: number
}

export interface OptionsHistogramme {
  /** The chart's name, read first by screen readers. */
  titre: string
  /** What the chart shows and what to see in it, in a sentence or two. */
  description: string
  barres: readonly Barre[]
  /** What the values count, as a column header: « Nombre de lieux ». */
  unite: string
  /** Prefix of the ids of `<title>` and `<desc>`, unique in the page; by default from `titre`. */
  id?: string | undefined
}

export const COULEURS = {
  texte: '#1b1b1b', // 17:1 on white
  texteDoux: '#4a4a4a', // 8.8:1 on white
  barre: '#0b4b8c', // 8.7:1 on white (3:1 required for graphics)
  fond: '#fff',
} as const

export const POLICE = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif'

/** viewBox width; drawn 328 px wide on a 360 px phone, the 16-unit text reads at 13 px. */
const LARGEUR = 400
const TAILLE = 16
const INTERLIGNE = 1.25
const LIGNE_TEXTE = TAILLE * INTERLIGNE
const HAUT_BARRE = 22
const ECART = 12
const MARGE = 8
const SVG = 'http://www.w3.org/2000/svg'

/** `graphique-repartition-des-lieux` from « Répartition des lieux ». */
export function idGraphique(titre: string): string {
  return ['graphique', ...mots(titre)].join('-')
}

function verifier({ titre, barres }: OptionsHistogramme): void {
  if (titre.trim() === '') throw new Error('Un graphique a besoin d’un titre.')
  for (const b of barres) {
    if (!Number.isFinite(b.valeur) || b.valeur < 0) throw new RangeError(`La valeur de « ${b.libelle} » doit être un nombre positif ou nul (reçu : ${b.valeur}).`)
  }
}

/** Where each bar goes, in viewBox units: its label's lines from `haut`, the bar from `y1` to `y2`. */
function disposer(barres: readonly Barre[], largeurTexte: number, haut: number) {
  let curseur = haut
  return barres.map((b) => {
    const lignes = couperEnLignes(b.libelle, largeurTexte)
    const y1 = curseur + Math.max(1, lignes.length) * LIGNE_TEXTE + 2
    const rangee = { ...b, libelleCoupe: lignes.join('\n'), haut: curseur, y1, y2: y1 + HAUT_BARRE, milieu: y1 + HAUT_BARRE / 2, texte: nombreFrancais(b.valeur) }
    curseur = rangee.y2 + ECART
    return rangee
  })
}

/** The Plot figure, with pixel positions on y (identity scale) so that labels may wrap. */
function tracer(document: Document, { barres, unite }: OptionsHistogramme): Element {
  const largeurTexte = (LARGEUR - 2 * MARGE) / TAILLE
  const [uniteCoupee] = couperEnLignes(unite, largeurTexte, 1)
  const rangees = disposer(barres, largeurTexte, MARGE + LIGNE_TEXTE + 4)
  const bas = (rangees[rangees.length - 1]?.y2 ?? MARGE + 3 * LIGNE_TEXTE) + MARGE
  const max = Math.max(0, ...barres.map((b) => b.valeur))
  // room on the right for the longest value
  const margeDroite = MARGE + 6 + Math.ceil(TAILLE * Math.max(0, ...rangees.map((r) => largeurEstimee(r.texte))))
  const zero = () => 0
  return Plot.plot({
    document,
    width: LARGEUR,
    height: bas,
    margin: 0,
    marginLeft: MARGE,
    marginRight: margeDroite,
    x: { domain: [0, max > 0 ? max : 1], axis: null, round: true },
    y: { type: 'identity', axis: null },
    marks: [
      Plot.text([uniteCoupee ?? ''], { frameAnchor: 'top-left', dy: MARGE, lineAnchor: 'top', fill: COULEURS.texteDoux }),
      Plot.text(rangees, { x: zero, y: 'haut', text: 'libelleCoupe', textAnchor: 'start', lineAnchor: 'top', lineHeight: INTERLIGNE, fill: COULEURS.texte }),
      Plot.rect(rangees, { x1: zero, x2: 'valeur', y1: 'y1', y2: 'y2', fill: COULEURS.barre }),
      // the zero line, bar by bar so that it never crosses a label; it also shows a bar at 0
      Plot.ruleX(rangees, { x: zero, y1: (r: { y1: number }) => r.y1 - 2, y2: (r: { y2: number }) => r.y2 + 2, stroke: COULEURS.texte, strokeWidth: 2 }),
      Plot.text(rangees, { x: 'valeur', y: 'milieu', text: 'texte', textAnchor: 'start', dx: 6, fill: COULEURS.texte }),
    ],
  })
}

function element(document: Document, nom: string, proprietes: Record<string, string>, texte?: string): Element {
  const e = document.createElementNS(SVG, nom)
  for (const [cle, valeur] of Object.entries(proprietes)) e.setAttribute(cle, valeur)
  if (texte !== undefined) e.textContent = texte
  return e
}

/** Removes what the CSP or a screen reader should not meet, then names and describes the SVG. */
function rendreAccessible(svg: Element, document: Document, { titre, description, id }: OptionsHistogramme): void {
  for (const el of Array.from(svg.querySelectorAll('style, script, foreignObject'))) el.remove()
  for (const el of [svg, ...Array.from(svg.querySelectorAll('*'))]) {
    for (const attribut of ['style', 'class', 'aria-label', 'aria-description']) el.removeAttribute(attribut)
  }
  for (const attribut of ['width', 'height']) svg.removeAttribute(attribut)
  const prefixe = id ?? idGraphique(titre)
  const attributs: Record<string, string> = {
    xmlns: SVG,
    role: 'img',
    'aria-labelledby': `${prefixe}-titre`,
    'aria-describedby': `${prefixe}-description`,
    'font-family': POLICE,
    'font-size': String(TAILLE),
    fill: COULEURS.texte,
  }
  for (const [nom, valeur] of Object.entries(attributs)) svg.setAttribute(nom, valeur)
  svg.prepend(
    element(document, 'title', { id: `${prefixe}-titre` }, titre),
    element(document, 'desc', { id: `${prefixe}-description` }, description),
    element(document, 'rect', { width: '100%', height: '100%', fill: COULEURS.fond }),
  )
}

/** Renders the chart as an SVG string; a chart without bars says « Aucune donnée à afficher. » */
export function histogramme(options: OptionsHistogramme): string {
  verifier(options)
  const { document } = parseHTML('<!doctype html><html><body></body></html>')
  const svg = tracer(document, options)
  rendreAccessible(svg, document, options)
  if (options.barres.length === 0) {
    const y = String(MARGE + 2.5 * LIGNE_TEXTE)
    svg.append(element(document, 'text', { x: String(LARGEUR / 2), y, 'text-anchor': 'middle' }, 'Aucune donnée à afficher.'))
  }
  return svg.outerHTML
}
