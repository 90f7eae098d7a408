/**
 * Finds communes from what a person types in « Où ? »: a postcode (« 73000 »), the start of a
 * name (« chamb »), a name with or without accents, hyphens or « Saint »/« St » — from the
 * official list, offline. Best matches first: exact name, then postcode, then start of name,
 * larger communes before smaller ones.
 */
import { cleCommune, type Commune, type Referentiel } from './referentiel.ts'

export interface CommuneTrouvee {
  code: string
  nom: string
  departement: string
  codesPostaux: readonly string[]
  population: number
}

const versTrouvee = (c: Commune): CommuneTrouvee => ({ code: c.code, nom: c.nom, departement: c.departement, codesPostaux: c.codesPostaux, population: c.population })

export function chercherCommunes(texte: string, ref: Referentiel, limite = 10): CommuneTrouvee[] {
  const saisie = texte.trim()
  if (saisie === '') return []
  const actuelle = (c: Commune) => c.type === 'commune-actuelle'
  // Paris, Lyon, Marseille: a postcode names an arrondissement; so does « Paris 15e ».
  const utile = (c: Commune) => actuelle(c) || c.type === 'arrondissement-municipal'
  if (/^\d{2,5}$/.test(saisie)) {
    const communes = [...ref.communes.values()].filter((c) => utile(c) && c.codesPostaux.some((cp) => cp.startsWith(saisie)))
    const precises = saisie.length === 5 ? communes.filter((c) => !(actuelle(c) && communes.some((a) => a.parent === c.code))) : communes.filter(actuelle)
    return precises.sort((a, b) => b.population - a.population).slice(0, limite).map(versTrouvee)
  }
  const cle = cleCommune(saisie)
  if (cle === '') return []
  const exactes: Commune[] = []
  const debuts: Commune[] = []
  for (const c of ref.communes.values()) {
    if (!utile(c)) continue
    if (c.cle === cle) exactes.push(c)
    else if (c.cle.startsWith(cle) && (actuelle(c) || /\d/.test(cle))) debuts.push(c)
  }
  const parPopulation = (a: Commune, b: Commune) => b.population - a.population
  return [...exactes.sort(parPopulation), ...debuts.sort(parPopulation)].slice(0, limite).map(versTrouvee)
}
