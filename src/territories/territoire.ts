/**
 * A territory named by the user (`--territoire`, filters): the INSEE code of a commune, a
 * département or a région, the SIREN of an EPCI, or a name. Codes shared by a département and a
 * région (11, 24, 27, 28, 32, 44, 52, 53, 75, 76, 84, 93, 94, 01–06) must be prefixed.
 */
import { cle } from '../platform/text.ts'
import type { Referentiel } from './referentiel.ts'

export type TypeTerritoire = 'commune' | 'departement' | 'region' | 'epci'

export interface Territoire {
  type: TypeTerritoire
  code: string
  nom: string
  /** Codes of the communes and arrondissements it covers (commune and EPCI). */
  communes: readonly string[]
}

export class TerritoireInconnuError extends Error {}

const PREFIXES: Readonly<Record<string, TypeTerritoire>> = {
  commune: 'commune',
  com: 'commune',
  departement: 'departement',
  dep: 'departement',
  region: 'region',
  reg: 'region',
  epci: 'epci',
}

const LIBELLES: Record<TypeTerritoire, string> = { commune: 'commune', departement: 'département', region: 'région', epci: 'EPCI' }

function candidats(ref: Referentiel, type: TypeTerritoire | undefined, code: string): Territoire[] {
  const trouves: Territoire[] = []
  const avecArrondissements = (c: string) => [c, ...ref.arrondissementsDe(c).map((a) => a.code)]
  if (!type || type === 'commune') {
    const commune = ref.communes.get(code)
    if (commune) trouves.push({ type: 'commune', code, nom: commune.nom, communes: avecArrondissements(code) })
  }
  if (!type || type === 'departement') {
    const departement = ref.departements.get(code)
    if (departement) trouves.push({ type: 'departement', code, nom: departement.nom, communes: [] })
  }
  if (!type || type === 'region') {
    const region = ref.regions.get(code)
    if (region) trouves.push({ type: 'region', code, nom: region.nom, communes: [] })
  }
  if (!type || type === 'epci') {
    const epci = ref.epci.get(code)
    if (epci) trouves.push({ type: 'epci', code, nom: epci.nom, communes: epci.membres.flatMap(avecArrondissements) })
  }
  return trouves
}

function parNom(ref: Referentiel, type: TypeTerritoire | undefined, nom: string): Territoire[] {
  const k = cle(nom)
  const codes: Array<[TypeTerritoire, string]> = []
  if (!type || type === 'region') for (const r of ref.regions.values()) if (cle(r.nom) === k) codes.push(['region', r.code])
  if (!type || type === 'departement') for (const d of ref.departements.values()) if (cle(d.nom) === k) codes.push(['departement', d.code])
  if (!type || type === 'epci') for (const e of ref.epci.values()) if (cle(e.nom) === k) codes.push(['epci', e.code])
  if (!type || type === 'commune') for (const c of ref.communes.values()) if (c.type === 'commune-actuelle' && cle(c.nom) === k) codes.push(['commune', c.code])
  return codes.flatMap(([t, code]) => candidats(ref, t, code))
}

export function lireTerritoire(texte: string, ref: Referentiel): Territoire {
  const saisie = texte.trim()
  const morceaux = saisie.match(/^([a-zé]+)\s*:\s*(.+)$/i)
  const type = morceaux ? PREFIXES[cle(morceaux[1] ?? '')] : undefined
  if (morceaux && !type) {
    throw new TerritoireInconnuError(`Préfixe de territoire inconnu « ${morceaux[1]} » : utilisez commune:, departement:, region: ou epci:.`)
  }
  const valeur = (morceaux ? (morceaux[2] ?? '') : saisie).trim()
  const code = /^\d[\dAB]?$/i.test(valeur) ? valeur.padStart(2, '0').toUpperCase() : valeur.toUpperCase()
  let trouves = candidats(ref, type, code)
  if (trouves.length === 0) trouves = parNom(ref, type, valeur)
  // Overseas collectivities (975, 988…) are both « département » and « région » in the COG: one territory.
  const departement = trouves.find((t) => t.type === 'departement')
  if (departement && trouves.every((t) => t.type === 'departement' || (t.type === 'region' && t.code === departement.code && t.nom === departement.nom))) trouves = [departement]
  if (trouves.length === 1 && trouves[0]) return trouves[0]
  if (trouves.length > 1) {
    const choix = trouves.map((t) => `« ${t.type}:${t.code} » (${LIBELLES[t.type]} ${t.nom})`).join(' ou ')
    throw new TerritoireInconnuError(`« ${saisie} » est ambigu : précisez ${choix}.`)
  }
  throw new TerritoireInconnuError(
    `Territoire « ${saisie} » inconnu : indiquez le code INSEE d'une commune (73065), d'un département (73, 2A, 974) ou d'une région (84), le SIREN d'un EPCI, ou un nom.`,
  )
}
