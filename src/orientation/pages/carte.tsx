/**
 * The map of a results page: an SVG drawn on the server — the places of the page, numbered as
 * in the list, around the searched point, with a scale — on a plain background, described in
 * words (`role="img"`); the list stays the content. When map tiles are configured, the figure
 * carries what the enhancement script needs to replace it with a tiled map (Leaflet).
 */
import type { Point } from '../recherche.ts'
import { kilometres } from './textes.ts'

export interface PointCarte {
  rang: number
  latitude: number
  longitude: number
  nom: string
  url: string
}

export interface OptionsTuiles {
  url: string
  attribution: string
  leafletJs: string
  leafletCss: string
}

export interface PropsCarte {
  points: readonly PointCarte[]
  centre: Point | null
  /** « Chambéry (73) », « votre position ». */
  libelleCentre: string
  tuiles?: OptionsTuiles | undefined
}

const LARGEUR = 400
const HAUTEUR = 240
const MARGE = 22
const KM_PAR_DEGRE = 111.32
const ECHELLES = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200]

const arrondi = (n: number) => Math.round(n * 10) / 10

export function Carte({ points, centre, libelleCentre, tuiles }: PropsCarte) {
  if (points.length === 0) return null
  const tous = [...points.map((p) => ({ lat: p.latitude, lon: p.longitude })), ...(centre ? [{ lat: centre.latitude, lon: centre.longitude }] : [])]
  const lat0 = tous.reduce((s, p) => s + p.lat, 0) / tous.length
  const kx = Math.cos((lat0 * Math.PI) / 180)
  const xs = tous.map((p) => p.lon * kx)
  const ys = tous.map((p) => -p.lat)
  const [xMin, xMax, yMin, yMax] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
  // at least ~1 km across, so that a single point is not blown up
  const etendue = Math.max(xMax - xMin, ((yMax - yMin) * (LARGEUR - 2 * MARGE)) / (HAUTEUR - 2 * MARGE), 1 / KM_PAR_DEGRE)
  const echelle = (LARGEUR - 2 * MARGE) / etendue
  const cx = (xMin + xMax) / 2
  const cy = (yMin + yMax) / 2
  const x = (lon: number) => arrondi(LARGEUR / 2 + (lon * kx - cx) * echelle)
  const y = (lat: number) => arrondi(HAUTEUR / 2 + (-lat - cy) * echelle)
  const kmParUnite = KM_PAR_DEGRE / echelle
  const km = ECHELLES.filter((e) => e / kmParUnite <= LARGEUR / 4).pop() ?? ECHELLES[0] ?? 1
  const longueur = arrondi(km / kmParUnite)
  const premier = points[0]?.rang ?? 1
  const dernier = points[points.length - 1]?.rang ?? premier
  const description = `Les lieux ${premier} à ${dernier} de la liste, à leur place${centre ? ` autour de ${libelleCentre} (point rouge)` : ''}. La liste qui suit donne les mêmes lieux avec leur adresse.`
  const donnees = tuiles
    ? {
        'data-tuiles': tuiles.url,
        'data-attribution': tuiles.attribution,
        'data-leaflet': tuiles.leafletJs,
        'data-leaflet-css': tuiles.leafletCss,
        'data-points': JSON.stringify(points.map((p) => [p.latitude, p.longitude, p.rang, p.nom, p.url])),
        'data-centre': centre ? `${centre.latitude},${centre.longitude}` : '',
      }
    : {}
  return (
    <figure class="carte" {...donnees}>
      <svg viewBox={`0 0 ${LARGEUR} ${HAUTEUR}`} role="img" aria-labelledby="carte-titre carte-description" xmlns="http://www.w3.org/2000/svg">
        <title id="carte-titre">Carte des lieux de cette page</title>
        <desc id="carte-description">{description}</desc>
        <line class="echelle" x1={MARGE} y1={HAUTEUR - 8} x2={arrondi(MARGE + longueur)} y2={HAUTEUR - 8} />
        <text class="echelle-texte" x={MARGE} y={HAUTEUR - 12}>
          {kilometres(km)}
        </text>
        {centre && <circle class="origine" cx={x(centre.longitude)} cy={y(centre.latitude)} r="7" />}
        {[...points].reverse().map((p) => (
          <g>
            <circle class="point" cx={x(p.longitude)} cy={y(p.latitude)} r="10" />
            <text class="point-texte" x={x(p.longitude)} y={arrondi(y(p.latitude) + 4)} text-anchor="middle">
              {p.rang}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>Les numéros sont ceux de la liste.{centre && <> Le point rouge : {libelleCentre}.</>}</figcaption>
    </figure>
  )
}
