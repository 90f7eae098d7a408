/**
 * Places of several sources with known duplicates, for benchmarks of de-duplication (in memory
 * here, the full database import for the lead): real communes weighted by population, plausible
 * names and streets, and each place copied into 1 to 4 sources, each source writing it its own
 * way — another name form (« Mairie » / « Commune », « MSAP »), a typo, upper case, abbreviated
 * street types, a missing or slightly wrong house number, coordinates moved by 5 to 150 m or
 * absent, a phone, e-mail or SIRET shared or not. A few places share a building with another
 * (hard negatives); a few are listed twice by one source. Deterministic: same size and seed,
 * same data. Phones are in ARCEP's fiction ranges, domains end in `.example`.
 */
import { aleatoire, indicePondere } from '../../src/demo/generator.ts'
import { communesSituees, type CommuneSituee } from '../../src/demo/positions.ts'
import type { Lieu } from '../../src/places/standard/fields.ts'
import { referentiel } from '../../src/territories/referentiel.ts'
import { ABREVIATIONS_VOIES, EPONYMES, GENRES, PLAGES_FICTION, VOIES, type Genre } from './vocabulaire.ts'

export interface JeuDeDoublons {
  sources: Array<{ nom: string; lieux: Lieu[] }>
  /** Pairs of keys `source:id` of records of one place. */
  doublons: Array<[string, string]>
}

type Hasard = () => number
type Style = 'cartographie' | 'france-services' | 'aidants-connect' | 'hub-territorial'
const SOURCES: readonly Style[] = ['cartographie', 'france-services', 'aidants-connect', 'hub-territorial']

interface Original {
  commune: CommuneSituee
  genre: Genre
  eponyme: string
  numero: number | null
  voie: [string, string]
  latitude: number
  longitude: number
  telephone: string | null
  domaine: string
  siret: string | null
}

const choisir = <T>(h: Hasard, liste: readonly T[]): T => liste[Math.floor(h() * liste.length)] as T

export function genererLieuxAvecDoublons(n: number, graine = 2024): JeuDeDoublons {
  const h = aleatoire(graine)
  const communes = communesSituees(referentiel())
  const cumul: number[] = []
  communes.reduce((t, c, i) => (cumul[i] = t + Math.max(1, c.commune.population) ** 0.6), 0)
  const totalGenres = GENRES.reduce((t, g) => t + g.poids, 0)
  const pris = new Set<string>()
  const lieux = new Map<Style, Lieu[]>(SOURCES.map((s) => [s, []]))
  const doublons: Array<[string, string]> = []
  let telephones = 0
  let total = 0
  let precedent: Original | null = null

  while (total < n) {
    // a place in the same building as the previous one (another kind, own contacts): a hard negative
    const voisin = precedent !== null && h() < 0.04
    const commune = voisin && precedent ? precedent.commune : tirerCommune(h, communes, cumul)
    const genre = tirerGenre(h, totalGenres, commune, pris)
    const eponyme = tirerEponyme(h, genre, commune, pris)
    const rayonKm = Math.min(6, 0.4 + 2.5 * Math.sqrt(commune.commune.population / 50_000))
    const [latitude, longitude] = voisin && precedent ? [precedent.latitude, precedent.longitude] : deplacer(h, commune.latitude, commune.longitude, rayonKm * 1000 * Math.sqrt(h()))
    const original: Original = {
      commune,
      genre,
      eponyme,
      numero: voisin && precedent ? precedent.numero : h() < 0.1 ? null : 1 + Math.floor(h() ** 2 * 150),
      voie: voisin && precedent ? precedent.voie : choisir(h, VOIES),
      latitude,
      longitude,
      telephone: h() < 0.45 && telephones < PLAGES_FICTION.length * 10_000 ? numeroFiction(telephones++) : null,
      domaine: `${slug(`${genre.typologie}-${eponyme || commune.commune.nom}-${total}`)}.example`,
      siret: h() < 0.5 ? siretInvente(h) : null,
    }
    precedent = original
    const cles: string[] = []
    for (const source of sourcesDe(h, genre)) {
      const liste = lieux.get(source) as Lieu[]
      const copies = h() < 0.01 ? 2 : 1 // a source that lists the place twice
      for (let c = 0; c < copies && total < n; c++) {
        const lieu = copier(h, original, source, `${source.slice(0, 2)}-${liste.length + 1}`)
        liste.push(lieu)
        cles.push(`${source}:${lieu.id}`)
        total++
      }
    }
    for (let x = 0; x < cles.length; x++) for (let y = x + 1; y < cles.length; y++) doublons.push([cles[x] as string, cles[y] as string])
  }
  return { sources: SOURCES.map((nom) => ({ nom, lieux: lieux.get(nom) as Lieu[] })).filter((s) => s.lieux.length > 0), doublons }
}

function tirerCommune(h: Hasard, communes: readonly CommuneSituee[], cumul: readonly number[]): CommuneSituee {
  return communes[indicePondere(cumul, h() * (cumul[cumul.length - 1] ?? 1))] as CommuneSituee
}

/** A kind of place; one town hall, CCAS, France services… per commune. */
function tirerGenre(h: Hasard, total: number, commune: CommuneSituee, pris: Set<string>): Genre {
  for (;;) {
    let tirage = h() * total
    const genre = GENRES.find((g) => (tirage -= g.poids) < 0) ?? (GENRES[0] as Genre)
    const cle = `${commune.commune.code}|${genre.typologie}`
    if (!genre.unique) return genre
    if (!pris.has(cle)) {
      pris.add(cle)
      return genre
    }
  }
}

/** An eponym or district not yet used for this kind in this commune (when possible). */
function tirerEponyme(h: Hasard, genre: Genre, commune: CommuneSituee, pris: Set<string>): string {
  if (genre.unique) return ''
  let eponyme = choisir(h, EPONYMES)
  for (let essai = 0; essai < 5 && pris.has(`${commune.commune.code}|${genre.typologie}|${eponyme}`); essai++) eponyme = choisir(h, EPONYMES)
  pris.add(`${commune.commune.code}|${genre.typologie}|${eponyme}`)
  return eponyme
}

/** Sources listing a place: France services always list their counters; 30 % of places are in two sources or more. */
function sourcesDe(h: Hasard, genre: Genre): Style[] {
  const autres: Style[] = ['cartographie', 'hub-territorial', 'aidants-connect']
  const premiere: Style = genre.typologie === 'RFS' ? 'france-services' : h() < 0.55 ? 'cartographie' : h() < 0.75 ? 'hub-territorial' : 'aidants-connect'
  const restantes = autres.filter((s) => s !== premiere)
  const nombre = h() < 0.7 ? 0 : h() < 0.75 ? 1 : h() < 0.85 ? 2 : 3
  const choisies = [premiere]
  for (let k = 0; k < nombre && restantes.length; k++) choisies.push(restantes.splice(Math.floor(h() * restantes.length), 1)[0] as Style)
  return choisies
}

/** The record a source publishes for a place, written its own way. */
function copier(h: Hasard, o: Original, source: Style, id: string): Lieu {
  const ac = source === 'aidants-connect'
  const modele = h() < 0.5 && o.genre.variantes.length ? choisir(h, o.genre.variantes) : choisir(h, o.genre.noms)
  let nom = remplir(modele, o.commune.commune.nom, o.eponyme)
  if (h() < 0.12) nom = faute(h, nom)
  if (ac && h() < 0.4) nom = nom.toUpperCase()
  const [type, libelle] = o.voie
  const numero = o.numero === null || h() < 0.08 ? null : h() < 0.04 ? Math.max(1, o.numero + choisir(h, [-2, -1, 1, 2])) : o.numero
  const typeEcrit = ac || h() < 0.3 ? choisir(h, ABREVIATIONS_VOIES[type] ?? [type]) : type
  let adresse = `${numero === null ? '' : `${numero} `}${typeEcrit} ${libelle}`
  if (ac && h() < 0.5) adresse = adresse.toUpperCase()
  const coordonnees = ac || h() < 0.1 ? null : deplacer(h, o.latitude, o.longitude, 5 + h() * 145)
  const telephone = ac || !o.telephone || h() < 0.35 ? null : o.telephone
  return {
    id,
    pivot: (ac ? h() < 0.85 : h() < 0.5) && o.siret ? o.siret : '00000000000000',
    nom,
    commune: ac && h() < 0.5 ? o.commune.commune.nom.toUpperCase().replace(/-/g, ' ') : o.commune.commune.nom,
    code_postal: o.commune.commune.codesPostaux[0] ?? '00000',
    code_insee: ac && h() < 0.05 ? null : o.commune.commune.code,
    adresse,
    complement_adresse: null,
    latitude: coordonnees?.[0] ?? null,
    longitude: coordonnees?.[1] ?? null,
    typologie: source === 'france-services' ? ['RFS'] : !ac && h() < 0.5 ? [o.genre.typologie] : [],
    telephone,
    courriels: ac || h() < 0.5 ? [] : [`contact@${o.domaine}`],
    site_web: ac || h() < 0.5 ? [] : [`https://www.${o.domaine}/`],
    horaires: null,
    presentation_resume: null,
    presentation_detail: null,
    source,
    itinerance: o.genre.typologie === 'ENM' ? ['Itinérant'] : ['Fixe'],
    structure_parente: null,
    date_maj: '2026-01-15',
    services: ['Maîtrise des outils numériques du quotidien'],
    publics_specifiquement_adresses: [],
    prise_en_charge_specifique: [],
    frais_a_charge: ['Gratuit'],
    dispositif_programmes_nationaux: [...(o.genre.dispositif ? [o.genre.dispositif] : []), ...(ac ? ['Aidants Connect'] : [])],
    formations_labels: [],
    autres_formations_labels: [],
    modalites_acces: [],
    modalites_accompagnement: [],
    fiche_acces_libre: null,
    prise_rdv: null,
  }
}

const remplir = (modele: string, commune: string, eponyme: string): string =>
  modele.replace('{c}', commune).replace('{C}', commune.toUpperCase()).replace('{e}', eponyme).replace('{E}', eponyme.toUpperCase()).trim()

/** One typo in a word of 5 letters or more: a letter dropped, doubled or swapped. */
function faute(h: Hasard, nom: string): string {
  const mots = nom.split(' ')
  const longs = mots.map((m, i) => [m, i] as const).filter(([m]) => m.length >= 5)
  if (!longs.length) return nom
  const [mot, i] = choisir(h, longs)
  const p = 1 + Math.floor(h() * (mot.length - 2))
  const variantes = [mot.slice(0, p) + mot.slice(p + 1), mot.slice(0, p) + (mot[p] ?? '') + mot.slice(p), mot.slice(0, p) + (mot[p + 1] ?? '') + (mot[p] ?? '') + mot.slice(p + 2)]
  mots[i] = choisir(h, variantes)
  return mots.join(' ')
}

/** A point `metres` away from (lat, lon), in a random direction. */
function deplacer(h: Hasard, lat: number, lon: number, metres: number): [number, number] {
  const angle = h() * 2 * Math.PI
  const dLat = (metres * Math.cos(angle)) / 111_195
  const dLon = (metres * Math.sin(angle)) / (111_195 * Math.cos((lat * Math.PI) / 180))
  return [Number((lat + dLat).toFixed(6)), Number((lon + dLon).toFixed(6))]
}

const numeroFiction = (k: number): string => `${PLAGES_FICTION[Math.floor(k / 10_000)]}${String(k % 10_000).padStart(4, '0')}`

/** 14 invented digits (a fictitious SIRET, its key is not checked here). */
const siretInvente = (h: Hasard): string => `9${String(Math.floor(h() * 1e8)).padStart(8, '0')}${String(Math.floor(h() * 1e5)).padStart(5, '0')}`

function slug(texte: string): string {
  return texte.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}
