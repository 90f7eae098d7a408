import { describe, expect, it } from 'vitest'
import { communesDeLaCarte, lieuAMoinsDe, partHorsDistanceParDepartement, ZONE_BLANCHE } from './cartes.ts'
import type { LigneDiagnostic, PlusProche } from './types.ts'
import { zonesBlanches } from './zones-blanches.ts'

const proche = (distanceKm: number): PlusProche => ({ uid: 1, nom: 'Lieu', distanceKm })

function ligne(code: string, codeDepartement: string, population: number, demarches: PlusProche | null, position = true): LigneDiagnostic {
  return {
    code,
    nom: `Commune ${code}`,
    codeDepartement,
    population,
    position: position ? { latitude: 45.5, longitude: 6.2, approximative: false } : null,
    plusProches: { demarches },
    lieux5: 0,
    lieux10: 0,
    lieux20: 0,
    heuresHebdo10km: 0,
    ifn: null,
    activite: { beneficiaires: 0, accompagnements: 0 },
  }
}

const LIGNES = [
  ligne('73001', '73', 1000, proche(3)),
  ligne('73002', '73', 300, proche(10)), // exactly 10 km: not beyond
  ligne('73003', '73', 200, proche(10.5)),
  ligne('73004', '73', 500, null, false), // no position: beyond, not drawn
  ligne('74001', '74', 0, null),
  ligne('01001', '01', 400, null),
]
const NOMS: Record<string, string> = { '01': 'Ain', '73': 'Savoie', '74': 'Haute-Savoie' }

describe('données des cartes du diagnostic', () => {
  it('chaque commune placée, sa population, zone blanche selon la même règle que la liste', () => {
    const communes = communesDeLaCarte(LIGNES, 'impots', 10)
    expect(communes.map((c) => [c.code, c.valeur, c.categorie])).toEqual([
      ['73001', 1000, lieuAMoinsDe(10)],
      ['73002', 300, 'Lieu à moins de 10 km'],
      ['73003', 200, ZONE_BLANCHE],
      ['74001', 0, ZONE_BLANCHE],
      ['01001', 400, ZONE_BLANCHE],
    ])
    expect(communes[0]).toMatchObject({ nom: 'Commune 73001', lat: 45.5, lon: 6.2 })
    const blanches = new Set(zonesBlanches(LIGNES, 'impots', 10).map((z) => z.ligne.code))
    expect(communes.filter((c) => c.categorie === ZONE_BLANCHE).every((c) => blanches.has(c.code))).toBe(true)
    expect(communesDeLaCarte(LIGNES, 'inconnu', 10)).toEqual([])
  })

  it('la part de la population hors distance par département, null sans population', () => {
    expect(partHorsDistanceParDepartement(LIGNES, 'demarches', 10, (c) => NOMS[c] ?? c)).toEqual([
      { code: '01', nom: 'Ain', valeur: 100 },
      { code: '73', nom: 'Savoie', valeur: (100 * 700) / 2000 },
      { code: '74', nom: 'Haute-Savoie', valeur: null },
    ])
    expect(partHorsDistanceParDepartement(LIGNES, 'demarches', 2, (c) => c).find((d) => d.code === '73')?.valeur).toBe(100)
  })
})
