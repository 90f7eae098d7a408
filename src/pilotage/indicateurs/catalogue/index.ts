/**
 * The catalogue of computed indicators, in the order the pages show them, and how one is
 * evaluated (pure): its value rounded, its unit, what it was computed from (territory, period,
 * date) — or `null` with a French reason. The national territorial dashboards' indicators are
 * those marked `national`. README « Catalogue des indicateurs » tells the same list in words.
 */
import { accompagnements, beneficiaires, beneficiairesParPublic } from './activite.ts'
import { couverture10km, couvertureQpv, couvertureRurale } from './couverture.ts'
import { ifnMoyen, populationFragile } from './fragilite.ts'
import { heuresHebdomadaires, lieuxAidantsConnect, lieuxAvecHoraires, lieuxConseillersNumeriques, lieuxFranceServices, lieuxParLabel, lieuxPublies } from './lieux.ts'
import type { Besoin, DefinitionIndicateur, DonneesTerritoire, Parametres } from './types.ts'
import { dateLongue } from '../../../places/pages/format.ts'

export { dateLongue }

export const CATALOGUE: readonly DefinitionIndicateur[] = [
  lieuxPublies,
  lieuxAvecHoraires,
  heuresHebdomadaires,
  couverture10km,
  lieuxFranceServices,
  lieuxConseillersNumeriques,
  lieuxAidantsConnect,
  lieuxParLabel,
  couvertureQpv,
  couvertureRurale,
  ifnMoyen,
  populationFragile,
  accompagnements,
  beneficiaires,
  beneficiairesParPublic,
]

export const NATIONAUX: readonly DefinitionIndicateur[] = CATALOGUE.filter((i) => i.national)

export const definitionDe = (code: string): DefinitionIndicateur | undefined => CATALOGUE.find((i) => i.code === code)

/** What must be loaded to compute these indicators. */
export const besoinsDe = (definitions: readonly DefinitionIndicateur[]): Set<Besoin> => new Set(definitions.flatMap((d) => d.besoins))

export interface ResultatIndicateur {
  code: string
  libelle: string
  unite: string
  valeur: number | null
  /** Why there is no value. */
  raison?: string
  /** A detail of the value (« 3 quartiers sur 4 », the definition of rural used). */
  precision?: string
  /** What it was computed from, in words: territory, period when it matters, date. */
  perimetre: string
  calculeLe: string
}


/** The label of an indicator with its parameters. */
export const libelleDe = (definition: DefinitionIndicateur, parametres: Parametres): string => definition.libelleAvec?.(parametres) ?? definition.libelle

export function evaluer(definition: DefinitionIndicateur, donnees: DonneesTerritoire, parametres: Parametres = {}): ResultatIndicateur {
  const calcul = definition.calculer(donnees, parametres)
  const periode = definition.besoins.includes('statistiques') ? `, du ${dateLongue(donnees.periode.du)} au ${dateLongue(donnees.periode.au)}` : ''
  const resultat: ResultatIndicateur = {
    code: definition.code,
    libelle: libelleDe(definition, parametres),
    unite: definition.unite,
    valeur: calcul.valeur,
    perimetre: `${donnees.territoire.nom}${periode} — calculé le ${dateLongue(donnees.aujourdhui)}`,
    calculeLe: donnees.aujourdhui,
  }
  if (calcul.valeur === null) resultat.raison = calcul.raison
  else if (calcul.precision !== undefined) resultat.precision = calcul.precision
  return resultat
}
