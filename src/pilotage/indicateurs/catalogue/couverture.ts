/**
 * Coverage indicators: the share of the population within 10 km of a place (the territorial
 * diagnosis, `src/pilotage/diagnostic/`), the same for rural communes, and the share of
 * priority neighbourhoods (QPV) with a place within 1 km of their centre.
 */
import { distanceMetres } from '../../../dedup/rules/similarite.ts'
import { couvertureSelon } from '../../diagnostic/domaine/couverture.ts'
import type { LigneDiagnostic } from '../../diagnostic/domaine/types.ts'
import { lieuxDe } from './lieux.ts'
import type { Calcul, CommuneIndicateur, DefinitionIndicateur, DonneesTerritoire } from './types.ts'

/** Within this distance of a QPV's centre, a place serves it. */
export const RAYON_QPV_KM = 1
/** Without the density grid, a commune under this population is counted rural. */
export const SEUIL_RURAL_HABITANTS = 2000
/** Levels of the INSEE density grid counted rural (bourgs ruraux, rural à habitat dispersé et très dispersé). */
export const NIVEAUX_RURAUX = [5, 6, 7] as const

const arrondi1 = (n: number): number => Math.round(n * 10) / 10

type Lignes = readonly LigneDiagnostic[]
/** The diagnosis' rows, or the reason they are missing. */
export function lignesDiagnostic(d: DonneesTerritoire): Lignes | { raison: string } {
  if (d.diagnostic === undefined) throw new Error('Le diagnostic du territoire n’a pas été chargé.')
  if ('indisponible' in d.diagnostic) return { raison: d.diagnostic.indisponible }
  return d.diagnostic as Lignes
}

/** Share (%) of the population of `lignes` living in a commune with a place within 10 km (the diagnosis' coverage rule). */
function partCouverte(lignes: Lignes): Calcul {
  const { populationCouverte: couverte, populationTotale: population } = couvertureSelon(lignes, (l) => l.lieux10 > 0)
  if (population === 0) return { valeur: null, raison: 'La population de ces communes est inconnue ou nulle.' }
  return { valeur: arrondi1((100 * couverte) / population), precision: `${couverte.toLocaleString('fr-FR')} habitants sur ${population.toLocaleString('fr-FR')}` }
}

export const couverture10km: DefinitionIndicateur = {
  code: 'couverture_10km',
  libelle: 'Population à moins de 10 km d’un lieu',
  unite: '%',
  definition: 'Part de la population du territoire qui habite une commune dont le centre est à moins de 10 km (à vol d’oiseau) d’un lieu publié, du territoire ou d’à côté.',
  source: 'Diagnostic territorial (populations du Code officiel géographique, centres des communes, lieux publiés)',
  limites: 'Distance à vol d’oiseau depuis le centre de la commune : ni le relief, ni les transports, ni les horaires ne sont pris en compte.',
  sens: 'hausse',
  national: true,
  besoins: ['diagnostic'],
  calculer: (d) => {
    const lignes = lignesDiagnostic(d)
    return 'raison' in lignes ? { valeur: null, raison: lignes.raison } : partCouverte(lignes)
  },
}

/** Whether a commune is rural: density levels 5–7 when the grid is imported, else under 2 000 inhabitants. */
export const estRurale = (c: Pick<CommuneIndicateur, 'population' | 'densite'>, densiteImportee: boolean): boolean =>
  densiteImportee ? c.densite !== null && (NIVEAUX_RURAUX as readonly number[]).includes(c.densite) : c.population < SEUIL_RURAL_HABITANTS

export const DEFINITION_RURALE_PROXY = `communes de moins de ${SEUIL_RURAL_HABITANTS.toLocaleString('fr-FR')} habitants (approximation : grille communale de densité non importée)`
export const DEFINITION_RURALE_GRILLE = 'communes rurales de la grille communale de densité de l’INSEE (niveaux 5 à 7)'

export const couvertureRurale: DefinitionIndicateur = {
  code: 'couverture_rurale',
  libelle: 'Population rurale à moins de 10 km d’un lieu',
  unite: '%',
  definition:
    'Part de la population des communes rurales du territoire qui habite à moins de 10 km d’un lieu. Rurales : niveaux 5 à 7 de la grille communale de densité de l’INSEE si elle est importée, sinon les communes de moins de 2 000 habitants.',
  source: 'Diagnostic territorial ; grille communale de densité de l’INSEE (`aiguillage densite importer`) ou populations du Code officiel géographique',
  limites: 'Sans la grille de densité, « moins de 2 000 habitants » n’est qu’une approximation de la ruralité (une petite commune de banlieue y compte).',
  sens: 'hausse',
  national: true,
  besoins: ['diagnostic', 'communes'],
  calculer: (d) => {
    const lignes = lignesDiagnostic(d)
    if ('raison' in lignes) return { valeur: null, raison: lignes.raison }
    const importee = d.densiteImportee === true
    const densites = new Map((d.communes ?? []).map((c) => [c.code, c.densite]))
    const rurales = lignes.filter((l) => estRurale({ population: l.population, densite: densites.get(l.code) ?? null }, importee))
    if (rurales.length === 0) return { valeur: null, raison: `Aucune commune rurale dans le territoire (${importee ? DEFINITION_RURALE_GRILLE : DEFINITION_RURALE_PROXY}).` }
    const calcul = partCouverte(rurales)
    return calcul.valeur === null ? calcul : { valeur: calcul.valeur, precision: `${calcul.precision} ; ${importee ? DEFINITION_RURALE_GRILLE : DEFINITION_RURALE_PROXY}` }
  },
}

export const couvertureQpv: DefinitionIndicateur = {
  code: 'couverture_qpv',
  libelle: `Quartiers prioritaires avec un lieu à moins de ${RAYON_QPV_KM} km`,
  unite: '%',
  definition: `Part des quartiers prioritaires de la politique de la ville (QPV) du territoire dont le centre est à moins de ${RAYON_QPV_KM} km (à vol d’oiseau) d’un lieu publié du territoire.`,
  source: 'Liste officielle des QPV importée (`aiguillage qpv importer`) ; registre des lieux',
  limites: 'Le centre d’un quartier ne dit pas son étendue ; un lieu juste de l’autre côté de la limite du territoire n’est pas compté.',
  sens: 'hausse',
  national: true,
  besoins: ['qpv', 'lieux'],
  calculer: (d) => {
    if (d.qpv === undefined) throw new Error('Les QPV n’ont pas été chargés.')
    if (d.qpv === null) return { valeur: null, raison: 'Données QPV non importées (aiguillage qpv importer <fichier>).' }
    if (d.qpv.length === 0) return { valeur: null, raison: 'Aucun quartier prioritaire dans le territoire.' }
    const places = lieuxDe(d).filter((l) => l.latitude !== null && l.longitude !== null)
    const servis = d.qpv.filter((q) => places.some((l) => distanceMetres(q.latitude, q.longitude, l.latitude as number, l.longitude as number) <= RAYON_QPV_KM * 1000)).length
    return { valeur: arrondi1((100 * servis) / d.qpv.length), precision: `${servis} quartier${servis > 1 ? 's' : ''} sur ${d.qpv.length}` }
  },
}
