/**
 * Communes as proportional symbols, drawn on the server as accessible SVG: a circle at each
 * commune's longitude and latitude whose AREA is proportional to its value (radius ∝ √value),
 * the largest drawn first so that the small ones stay visible on top, coloured by category
 * (colour-blind-safe Okabe–Ito colours, AA 3:1 on white) with a legend, a size legend, and the
 * départements' outlines (geometrie-departements.ts) as background. Communes are placed on the
 * Mercator the outlines were drawn in; overseas communes, which the metropolitan outlines do
 * not reach, are framed on their own, without background, when no metropolitan commune is
 * given (otherwise they are left out of the drawing and counted in a note).
 *
 * Weight: values of 0 or less are not drawn; beyond `regroupement` communes (3,000 by default)
 * neighbouring communes of the same category are summed into one circle per square of 6 viewBox
 * units (≈ 18 km for France), at their value-weighted centre — the note says so; coordinates
 * are rounded to 0.1 unit. The values go in a table (cartes.tsx).
 */
import { couperEnLignes, nombreFrancais } from '../graphiques/texte.ts'
import { GEOMETRIE_DEPARTEMENTS, MERCATOR, SOURCE_CARTE } from './geometrie-departements.ts'
import { type Boite, cadrer, COULEURS, court, echellePour, element, type Entete, geometrie, LARGEUR, LIGNE, MARGE, projeter, racine, reunir, seCroisent, terminer, trait } from './svg.ts'

export interface CommuneSymbole {
  code: string
  nom: string
  lat: number
  lon: number
  /** What the circle's area shows (population, lieux…); 0 or less is not drawn. */
  valeur: number
  /** Colour group, e.g. « Zone blanche » / « Lieu à moins de 10 km ». */
  categorie?: string | undefined
}

export interface OptionsSymboles extends Entete {
  communes: readonly CommuneSymbole[]
  /** What the values are, as a column header: « Population ». */
  unite: string
  /** Title of the size legend; `unite` by default. */
  legende?: string | undefined
  /** Categories in legend order, with their colour (4 defaults); by default in order of appearance. */
  categories?: ReadonlyArray<{ nom: string; couleur?: string | undefined }> | undefined
  /** Codes of the départements to frame and draw as background; by default the communes' extent. */
  cadre?: readonly string[] | undefined
  /** Beyond this many communes drawn, neighbours are grouped; 3,000 by default. */
  regroupement?: number | undefined
  formater?: ((n: number) => string) | undefined
}

/** Okabe–Ito blue, vermillion, green, purple: told apart by every colour vision, ≥ 3:1 on white. */
export const COULEURS_CATEGORIES = ['#0072b2', '#d55e00', '#009e73', '#cc79a7'] as const
const COULEUR_SEULE = COULEURS.barre
const AUTRE = '#595959'
/** Radius of the largest value, in viewBox units. */
export const RAYON_MAX = 18
const CARRE = 6

const enMetropole = (c: CommuneSymbole) => c.lon > -5.5 && c.lon < 10 && c.lat > 41.2 && c.lat < 51.3

export interface Symbole {
  x: number
  y: number
  valeur: number
  couleur: string
  /** Communes in the circle (1 unless grouped). */
  communes: number
}

/** Which communes are drawn, where, how big, and what the notes must say. */
export function preparerSymboles(options: OptionsSymboles) {
  for (const c of options.communes) {
    if (!Number.isFinite(c.valeur) || !Number.isFinite(c.lat) || !Number.isFinite(c.lon)) throw new RangeError(`La commune « ${c.nom} » doit avoir une valeur, une latitude et une longitude (reçu : ${c.valeur}, ${c.lat}, ${c.lon}).`)
  }
  const positives = options.communes.filter((c) => c.valeur > 0)
  const metropole = positives.filter(enMetropole)
  const dessinees = metropole.length > 0 ? metropole : positives
  const categories = options.categories?.map((c) => c.nom) ?? [...new Set(options.communes.flatMap((c) => (c.categorie === undefined ? [] : [c.categorie])))]
  const couleurDe = (categorie: string | undefined): string => {
    if (categorie === undefined) return categories.length === 0 ? COULEUR_SEULE : AUTRE
    const i = categories.indexOf(categorie)
    return options.categories?.[i]?.couleur ?? COULEURS_CATEGORIES[i] ?? AUTRE
  }
  const points = dessinees.map((c) => ({ c, p: projeter(c.lon, c.lat) }))
  const cadreDonne = (options.cadre ?? []).flatMap((code) => (geometrie(code) ? [geometrie(code)?.boite as Boite] : []))
  const boite = reunir(cadreDonne.length > 0 ? cadreDonne : points.map(({ p }): Boite => [p[0], p[1], p[0], p[1]]), cadreDonne.length > 0 ? 0.03 : 0.08)
  const echelle = boite ? echellePour(boite) : 1
  let symboles: Symbole[] = points.map(({ c, p }) => ({ x: p[0], y: p[1], valeur: c.valeur, couleur: couleurDe(c.categorie), communes: 1 }))
  const regroupe = symboles.length > (options.regroupement ?? 3000)
  const cote = CARRE / echelle
  if (regroupe) {
    const carres = new Map<string, Symbole & { sx: number; sy: number }>()
    for (const s of symboles) {
      const cle = `${Math.floor(s.x / cote)}|${Math.floor(s.y / cote)}|${s.couleur}`
      const g = carres.get(cle) ?? { ...s, valeur: 0, communes: 0, sx: 0, sy: 0 }
      g.valeur += s.valeur
      g.communes += 1
      g.sx += s.x * s.valeur
      g.sy += s.y * s.valeur
      carres.set(cle, g)
    }
    symboles = [...carres.values()].map(({ sx, sy, ...g }) => ({ ...g, x: sx / g.valeur, y: sy / g.valeur }))
  }
  symboles.sort((a, b) => b.valeur - a.valeur || a.x - b.x || a.y - b.y)
  const max = symboles[0]?.valeur ?? 0
  // km per map unit on the Mercator at the frame's latitude, for the note
  const latitude = boite ? 2 * Math.atan(Math.exp((MERCATOR.ty - (boite[1] + boite[3]) / 2) / MERCATOR.k)) - Math.PI / 2 : 0
  const kmCarre = (cote * 6371 * Math.cos(latitude)) / MERCATOR.k
  return {
    boite,
    echelle,
    symboles,
    max,
    regroupe,
    kmCarre,
    nonDessinees: positives.length - dessinees.length,
    sansValeur: options.communes.length - positives.length,
    legendeCategories: categories.map((nom) => ({ nom, couleur: couleurDe(nom) })),
  }
}

/** Radius in viewBox units: the area is proportional to the value. */
export const rayon = (valeur: number, max: number) => (max > 0 ? RAYON_MAX * Math.sqrt(valeur / max) : 0)

/** A round value below `x` for the size legend: 2 345 678 → 2 000 000. */
const rond = (x: number) => {
  const p = 10 ** Math.floor(Math.log10(x))
  return Math.floor(x / p) * p
}

/** Renders the map as an SVG string. */
export function symbolesCommunes(options: OptionsSymboles): string {
  const { document, svg } = racine(options)
  const formater = options.formater ?? nombreFrancais
  let y = MARGE
  const prepare = preparerSymboles(options)
  const { boite, symboles, max } = prepare
  if (boite && symboles.length > 0) {
    const cadre = cadrer(document, boite, y)
    const fond = element(document, 'g', { fill: '#f7f7f7', ...trait(cadre.echelle), stroke: '#767676' })
    for (const d of GEOMETRIE_DEPARTEMENTS) if (seCroisent(d.boite, boite)) fond.append(element(document, 'path', { d: d.d }))
    const cercles = element(document, 'g', { stroke: COULEURS.fond, 'stroke-width': court(0.6 / cadre.echelle), 'fill-opacity': '0.85' })
    let groupe: Element | undefined
    let couleur = ''
    for (const s of symboles) {
      if (!groupe || s.couleur !== couleur) {
        groupe = element(document, 'g', { fill: s.couleur })
        couleur = s.couleur
        cercles.append(groupe)
      }
      const r = rayon(s.valeur, max) / cadre.echelle
      groupe.append(element(document, 'circle', { cx: court(s.x), cy: court(s.y), r: String(Math.max(0.05, Math.round(r * 100) / 100)) }))
    }
    if (fond.childElementCount > 0) cadre.carte.append(fond)
    cadre.carte.append(cercles)
    svg.append(cadre.carte)
    y += cadre.hauteur + MARGE
  } else {
    svg.append(element(document, 'text', { x: String(LARGEUR / 2), y: court(y + 2 * LIGNE), 'text-anchor': 'middle' }, 'Aucune donnée à afficher.'))
    y += 3 * LIGNE
  }

  // size legend: three circles, their values below
  if (max > 0) {
    svg.append(element(document, 'text', { x: String(MARGE), y: court(y + 16), 'font-weight': '700' }, options.legende ?? options.unite))
    y += LIGNE + 4
    const valeurs = [...new Set([rond(max), rond(max / 4), rond(max / 16)])].filter((v) => v > 0)
    const bas = y + 2 * RAYON_MAX
    valeurs.forEach((v, i) => {
      const cx = MARGE + RAYON_MAX + i * (LARGEUR - 2 * MARGE) / 3
      const r = rayon(v, max)
      svg.append(
        element(document, 'circle', { cx: court(cx), cy: court(bas - r), r: court(r), fill: 'none', stroke: COULEURS.texte, 'stroke-width': '1' }),
        element(document, 'text', { x: court(cx - RAYON_MAX), y: court(bas + 18) }, formater(v)),
      )
    })
    y = bas + LIGNE + 4
  }
  for (const { nom, couleur } of prepare.legendeCategories) {
    svg.append(element(document, 'circle', { cx: String(MARGE + 9), cy: court(y + 10), r: '8', fill: couleur }), element(document, 'text', { x: String(MARGE + 26), y: court(y + 15) }, nom))
    y += LIGNE + 2
  }
  const notes = [
    prepare.regroupe ? `Communes voisines regroupées par carré d’environ ${formater(Math.max(1, Math.round(prepare.kmCarre)))} km.` : '',
    prepare.nonDessinees > 0 ? `${formater(prepare.nonDessinees)} communes hors de la carte (outre-mer), dans le tableau.` : '',
    boite && symboles.length > 0 ? SOURCE_CARTE : '',
  ].filter(Boolean)
  for (const note of notes) {
    for (const ligne of couperEnLignes(note, (LARGEUR - 2 * MARGE) / 12, 3)) {
      svg.append(element(document, 'text', { x: String(MARGE), y: court(y + 14), 'font-size': '12', fill: COULEURS.texteDoux }, ligne))
      y += 17
    }
  }
  return terminer(document, svg, y + MARGE)
}
