/**
 * Fragility indicators from the Indice de fragilité numérique (IFN, La MedNum / ANCT), per
 * commune as imported by the diagnosis: the territory's mean weighted by population, and the
 * share of the population living in a commune whose IFN is 7 or more.
 */
import { lignesDiagnostic } from './couverture.ts'
import type { DefinitionIndicateur } from './types.ts'

/** From this IFN score (scale 1 to 10), a commune is counted fragile. */
export const SEUIL_FRAGILITE = 7

const SOURCE = 'Indice de fragilité numérique par commune (La MedNum, ANCT) importé pour le diagnostic ; populations du Code officiel géographique'
const arrondi = (n: number, d: number): number => Math.round(n * 10 ** d) / 10 ** d
const NON_IMPORTE = 'Indice de fragilité numérique non importé pour les communes du territoire.'

/** The inhabited communes of the territory with an IFN, their population, and how many lack one; or why there are none. */
function communesAvecIndice(d: Parameters<DefinitionIndicateur['calculer']>[0]) {
  const lignes = lignesDiagnostic(d)
  if ('raison' in lignes) return { raison: lignes.raison }
  const avec = lignes.filter((l) => l.ifn?.total != null && l.population > 0)
  const population = avec.reduce((s, l) => s + l.population, 0)
  if (avec.length === 0) return { raison: NON_IMPORTE }
  return { avec, population, sans: lignes.length - avec.length }
}

export const ifnMoyen: DefinitionIndicateur = {
  code: 'ifn_moyen',
  libelle: 'Indice de fragilité numérique moyen',
  unite: 'sur 10',
  definition: 'Moyenne de l’indice de fragilité numérique (score total) des communes du territoire, pondérée par leur population.',
  source: SOURCE,
  limites: 'L’indice date de son calcul (données INSEE et ARCEP de 2019 à 2021) ; les communes sans indice ne sont pas comptées.',
  sens: 'baisse',
  national: true,
  besoins: ['diagnostic'],
  calculer: (d) => {
    const c = communesAvecIndice(d)
    if ('raison' in c) return { valeur: null, raison: c.raison }
    const somme = c.avec.reduce((s, l) => s + (l.ifn?.total ?? 0) * l.population, 0)
    return { valeur: arrondi(somme / c.population, 2), ...(c.sans > 0 && { precision: `${c.sans} commune${c.sans > 1 ? 's' : ''} sans indice non comptée${c.sans > 1 ? 's' : ''}` }) }
  },
}

export const populationFragile: DefinitionIndicateur = {
  code: 'population_fragile',
  libelle: 'Population des communes très fragiles',
  unite: '%',
  definition: `Part de la population du territoire qui habite une commune dont l’indice de fragilité numérique est de ${SEUIL_FRAGILITE} ou plus.`,
  source: SOURCE,
  limites: 'Un indice communal ne dit pas qui, dans la commune, est éloigné du numérique.',
  sens: 'baisse',
  national: true,
  besoins: ['diagnostic'],
  calculer: (d) => {
    const c = communesAvecIndice(d)
    if ('raison' in c) return { valeur: null, raison: c.raison }
    const fragile = c.avec.reduce((s, l) => s + ((l.ifn?.total ?? 0) >= SEUIL_FRAGILITE ? l.population : 0), 0)
    return { valeur: arrondi((100 * fragile) / c.population, 1), precision: `${fragile.toLocaleString('fr-FR')} habitants sur ${c.population.toLocaleString('fr-FR')}` }
  },
}
