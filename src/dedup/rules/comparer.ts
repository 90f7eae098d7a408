/**
 * Whether two records describe the same place — « the same organisation unit at the same site,
 * one counter where a person would be received » (definition of the labelled pairs,
 * shared/data/dedup/README.md). Each piece of evidence adds or removes points (names, street
 * and house number, distance, SIRET, phone, e-mail, website, kinds of place, same source) and
 * is written down as a `Raison` in French; from a prior of -1.5 (most pairs of one commune are
 * different places), the points become a score in [0, 1] (logistic): `meme-lieu` from
 * `SEUIL_FUSION` (0.85, i.e. 1.7 points), `a-examiner` from `SEUIL_EXAMEN` (0.5), else
 * `differents`. Absent evidence counts for nothing (missing coordinates are never « same
 * place »). Vetoes (no real name; different communes far apart) and two caps — a France
 * services counter and the body that may host it, without a name or contact of its own linking
 * them; a mobile unit and a fixed place — follow the README's decision rules. The weights were
 * set by those rules and checked on the labelled pairs (`bench/dedup-qualite.ts`).
 */
import { comparerAdresses, numeroLisible, type ComparaisonAdresses } from './adresse.ts'
import { comparerContacts } from './contacts.ts'
import { aDesCoordonnees, type FicheComparee } from './fiche.ts'
import { comparerNomsPeses, type ComparaisonNoms } from './noms-compares.ts'
import { serviceUniqueDeCommune } from './noms.ts'
import { preparer } from './preparation.ts'
import { distanceLisible, distanceMetres, pourcent } from './similarite.ts'
import { compatibilite, libelleTypologie } from './typologies.ts'

export interface Raison {
  critere: string
  /** French, for people: « Noms semblables à 92 % », « Même SIRET », « 1,2 km d’écart ». */
  libelle: string
  effet: 'pour' | 'contre' | 'neutre' | 'veto'
  /** Points added to the evidence (0 for `neutre` and `veto`). */
  points: number
}

export interface Comparaison {
  /** Evidence in [0, 1]; 0 after a veto, under `SEUIL_FUSION` when the verdict is capped. */
  score: number
  verdict: 'meme-lieu' | 'a-examiner' | 'differents'
  raisons: Raison[]
}

/** From this score, the two records are merged without asking anyone. */
export const SEUIL_FUSION = 0.85
/** From this score, a person is asked. */
export const SEUIL_EXAMEN = 0.5

/** Points before any evidence: most pairs of places of one commune are different places. */
const A_PRIORI = -1.5

const logistique = (points: number): number => 1 / (1 + Math.exp(-points))

/** Piecewise linear from (x, y) anchors sorted by x. */
function interpoler(x: number, ancres: ReadonlyArray<readonly [number, number]>): number {
  const premiere = ancres[0] as readonly [number, number]
  if (x <= premiere[0]) return premiere[1]
  for (let k = 1; k < ancres.length; k++) {
    const [x0, y0] = ancres[k - 1] as readonly [number, number]
    const [x1, y1] = ancres[k] as readonly [number, number]
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0)
  }
  return (ancres[ancres.length - 1] as readonly [number, number])[1]
}

const libellesTypologies = (codes: readonly string[]): string => [...new Set(codes.map(libelleTypologie))].join(', ')

export function comparer(a: FicheComparee, b: FicheComparee): Comparaison {
  const raisons: Raison[] = []

  const pa = preparer(a)
  const pb = preparer(b)
  const memeCommune = pa.cleMotsCommune === pb.cleMotsCommune
  const communes = memeCommune ? pa.motsCommune : new Set([...pa.motsCommune, ...pb.motsCommune])
  const noms = comparerNomsPeses(pa.nom, pa.motsPeses, pb.nom, pb.motsPeses, communes, memeCommune)
  if (noms.sansIdentite) return veto(raisons, 'nom', 'Un des noms ne désigne aucun lieu (vide, « non diffusible », « inconnu ») : pas de rapprochement possible.')
  const distance = aDesCoordonnees(a) && aDesCoordonnees(b) ? distanceMetres(a.latitude, a.longitude, b.latitude, b.longitude) : null
  if (pa.commune && pb.commune && pa.commune !== pb.commune && pa.cleNomCommune !== pb.cleNomCommune) {
    if (distance === null || distance > 1000) return veto(raisons, 'commune', `Communes différentes (${a.commune} et ${b.commune}).`)
    note(raisons, 'commune', 0, `Communes différentes (${a.commune} et ${b.commune}), mais à ${distanceLisible(distance)} l’un de l’autre.`)
  }
  const deuxGuichets = pa.guichet && pb.guichet

  let points = A_PRIORI
  // two France services counters: the host's name on one of them (« La Poste », « Centre social X ») says little
  points += evaluerNoms(noms, deuxGuichets, raisons)
  const unique = serviceUniqueDeCommune(pa.motsPeses)
  if (unique && unique === serviceUniqueDeCommune(pb.motsPeses) && (pa.commune === pb.commune || pa.cleNomCommune === pb.cleNomCommune)) {
    points += note(raisons, 'nom', 1, `Une commune n’a qu’${unique === 'mairie' ? 'une mairie' : `un ${unique.toUpperCase()}`} : les deux noms la désignent.`)
  }
  const adresses = comparerAdresses(pa.voies, pb.voies)
  const pointsAdresse = evaluerAdresses(adresses, pa.itinerant && pb.itinerant, raisons)
  points += pointsAdresse
  if (distance === null) note(raisons, 'distance', 0, 'Coordonnées absentes d’un côté : distance inconnue.')
  else points += evaluerDistance(distance, pointsAdresse >= 2, raisons)
  // a bus and a fixed counter are two units, even with the same operator and base address
  const itinerances = pa.itinerant !== pb.itinerant
  if (itinerances) points += note(raisons, 'itinerance', -2, 'Une unité mobile (bus) et un lieu fixe : deux unités, même à la même adresse.')

  const voiesDifferentes = adresses.rue !== null && adresses.rue < 0.6
  if (pa.siret && pa.siret === pb.siret) {
    points += voiesDifferentes
      ? note(raisons, 'siret', 1, `Même SIRET (${pa.siret}), mais adresses différentes : peut-être deux sites d’une même organisation.`)
      : note(raisons, 'siret', 3, `Même SIRET (${pa.siret}).`)
  } else if (pa.siret && pb.siret && pa.siren === pb.siren) points += note(raisons, 'siret', 0.5, `Même organisation (SIREN ${pa.siren}), établissements différents.`)
  else if (pa.siret && pb.siret) points += note(raisons, 'siret', -1, 'SIRET d’organisations différentes.')
  else if (pa.rna && pa.rna === pb.rna) points += note(raisons, 'siret', voiesDifferentes ? 1 : 3, `Même RNA (${pa.rna}).`)

  const contacts = comparerContacts(pa.contacts, pb.contacts)
  let pointsContacts = 0
  if (contacts.telephone === 'egal') pointsContacts += note(raisons, 'telephone', 2.5, 'Même téléphone.')
  if (contacts.courriel === 'egal') pointsContacts += note(raisons, 'courriel', 2.5, `Même courriel (${contacts.courrielCommun}).`)
  else if (contacts.courriel === 'meme-domaine') pointsContacts += note(raisons, 'courriel', 0.6, `Courriels du même domaine (${contacts.domaineCommun}).`)
  if (contacts.site === 'egal') pointsContacts += note(raisons, 'site_web', 1.2, `Même site web (${contacts.siteCommun}).`)
  points += Math.min(4, pointsContacts)
  if (contacts.telephone === 'different') points += note(raisons, 'telephone', -0.5, 'Téléphones différents.')
  if (contacts.courriel === 'different') points += note(raisons, 'courriel', -0.3, 'Courriels différents.')

  let plafond = itinerances
  if (pa.guichet !== pb.guichet) {
    // the counter's name names its host (« France services CCAS de Migennes » / « CCAS de Migennes »), or a contact is shared
    const hoteNomme = pa.guichet ? noms.bNommeDansA : noms.aNommeDansB
    const lien = hoteNomme || contacts.telephone === 'egal' || contacts.courriel === 'egal'
    if (!lien) {
      plafond = true
      points += note(raisons, 'typologie', -1, 'Un guichet France services et une structure qui peut l’accueillir (mairie, CCAS, intercommunalité…) : sans nom ni contact propre qui les relie, une personne doit trancher.')
    }
  } else if (deuxGuichets) {
    // a commune seldom has two counters at one address: a record flagged France services there is the counter
    points += adresses.rue !== null && adresses.rue >= 0.85 && adresses.ecart <= 2
      ? note(raisons, 'typologie', 1.5, 'Deux guichets France services dans la même voie.')
      : note(raisons, 'typologie', 1, 'Deux guichets France services.')
  } else {
    const ta = pa.typologies.codes
    const tb = pb.typologies.codes
    const compatibles = compatibilite(pa.typologies, pb.typologies)
    const communs = ta.filter((c) => tb.includes(c))
    if (compatibles === 'commune') points += note(raisons, 'typologie', 0.5, `Même type de lieu (${libellesTypologies(communs.length ? communs : ta)}).`)
    else if (compatibles === 'incompatible') points += note(raisons, 'typologie', -2, `Types de lieux différents (${libellesTypologies(ta)} / ${libellesTypologies(tb)}).`)
  }
  if (a.source === b.source) points += note(raisons, 'source', -1.5, 'Même source : une source liste rarement deux fois le même lieu, il faut des preuves plus fortes.')

  let score = logistique(points)
  if (plafond && score >= SEUIL_FUSION) score = Math.min(score, SEUIL_FUSION - 0.001)
  const verdict = score >= SEUIL_FUSION ? 'meme-lieu' : score >= SEUIL_EXAMEN ? 'a-examiner' : 'differents'
  return { score, verdict, raisons }
}

/** Writes a reason down and returns its points. */
function note(raisons: Raison[], critere: string, points: number, libelle: string): number {
  raisons.push({ critere, libelle, points, effet: points > 0 ? 'pour' : points < 0 ? 'contre' : 'neutre' })
  return points
}

function veto(raisons: Raison[], critere: string, libelle: string): Comparaison {
  raisons.push({ critere, libelle, effet: 'veto', points: 0 })
  return { score: 0, verdict: 'differents', raisons }
}

function evaluerNoms(noms: ComparaisonNoms, deuxGuichets: boolean, raisons: Raison[]): number {
  let points = interpoler(noms.similarite, [[0, -2.5], [0.35, -1.5], [0.55, 0], [0.75, 1.2], [0.9, 2.5], [1, 3]])
  if (deuxGuichets) points = Math.max(points, -0.5)
  // a name made of a kind of place and a town says less: one such name against a real one
  // proves little either way; two such names alike still say « the same kind of place here »
  if (noms.generiques === 1) points *= points > 0 ? 0.6 : 0.5
  if (noms.generiques === 2 && points > 0) points *= 0.85
  const taux = pourcent(noms.similarite)
  const precision = noms.generiques === 1 ? ', mais un des noms ne dit que le type de lieu' : noms.generiques === 2 ? ' (type de lieu et commune seulement)' : ''
  const libelle = points >= 0 ? `Noms semblables à ${taux}${precision}.` : `Noms différents (${taux} de ressemblance${precision}).`
  let total = note(raisons, 'nom', points, libelle)
  // names alike but each with a word of its own: only worth saying when the names are close
  if (noms.distinctifsOpposes && !deuxGuichets && noms.similarite >= 0.4) {
    const [motA, motB] = noms.distinctifsOpposes
    total += note(raisons, 'nom', -1.5, `Chaque nom a un mot propre que l’autre n’a pas (« ${motA} », « ${motB} ») : peut-être deux unités d’une même structure.`)
  }
  return total
}

function evaluerAdresses(c: ComparaisonAdresses, itinerants: boolean, raisons: Raison[]): number {
  if (itinerants) {
    const points = c.rue !== null && c.rue >= 0.85 ? 1 : 0
    return note(raisons, 'adresse', points, points ? 'Même adresse de rattachement (unités mobiles).' : 'Unités mobiles : leur adresse de rattachement varie d’une source à l’autre, non comparée.')
  }
  const numeros = `${numeroLisible(c.a)} et ${numeroLisible(c.b)}`
  if (c.rue === null) {
    const memes = c.a !== null && c.b !== null && c.a.texte !== '' && c.a.texte === c.b.texte
    return note(raisons, 'adresse', memes ? 1 : 0, memes ? 'Adresses identiques.' : 'Adresses sans nom de voie : non comparées.')
  }
  const taux = pourcent(c.rue)
  if (c.rue >= 0.85) {
    if (c.numeros === 'egaux') return note(raisons, 'adresse', 2.5, 'Même voie et même numéro.')
    if (c.numeros === 'absents') return note(raisons, 'adresse', 1, 'Même voie, numéro absent d’un côté.')
    if (c.ecart <= 2) return note(raisons, 'adresse', -0.5, `Même voie, numéros voisins (${numeros}).`)
    return note(raisons, 'adresse', -1, `Même voie mais numéros différents (${numeros}).`)
  }
  if (c.rue >= 0.6) {
    if (c.numeros === 'egaux') return note(raisons, 'adresse', 1.5, `Voies semblables à ${taux}, même numéro.`)
    if (c.numeros === 'absents') return note(raisons, 'adresse', 0.3, `Voies semblables à ${taux}, numéro absent d’un côté.`)
    return note(raisons, 'adresse', -1.2, `Voies semblables à ${taux} mais numéros différents (${numeros}).`)
  }
  return note(raisons, 'adresse', c.rue < 0.3 ? -2 : -1.5, `Voies différentes (${taux} de ressemblance).`)
}

function evaluerDistance(metres: number, adresseSure: boolean, raisons: Raison[]): number {
  let points = interpoler(metres, [[25, 1.2], [75, 1], [150, 0.5], [400, 0], [1000, -0.8], [3000, -1.5], [10_000, -2.5]])
  // published coordinates are sometimes a town centre: the address says more than the distance
  if (adresseSure && points < 0) points = Math.max(points, -0.5)
  return note(raisons, 'distance', points, `${distanceLisible(metres)} d’écart.`)
}
