import { describe, expect, it } from 'vitest'
import { SERVICES } from '../../../places/standard/enumerations.ts'
import { BESOINS_DIAGNOSTIC, besoinDiagnostic } from './besoins.ts'
import { couverture } from './couverture.ts'
import { heuresHebdomadaires } from './heures.ts'
import { calculerDiagnostic } from './moteur.ts'
import type { CommuneDiagnostic, Ifn, LieuDiagnostic, LigneDiagnostic } from './types.ts'
import { zonesBlanches } from './zones-blanches.ts'

const [DEMARCHES, OUTILS, INSERTION, , , , , , EQUIPEMENT] = SERVICES as unknown as string[]
// geokdbush: Earth radius 6371 km, so 1° of latitude = 111.195 km
const KM_PAR_DEGRE = (6371 * Math.PI) / 180
const auNord = (km: number) => 45 + km / KM_PAR_DEGRE

const lieu = (uid: number, km: number, services: string[], heuresHebdo: number): LieuDiagnostic => ({ uid, nom: `Lieu ${uid}`, latitude: auNord(km), longitude: 6, services, heuresHebdo, codeDepartement: '73' })
const commune = (code: string, position: CommuneDiagnostic['position'], population = 1000): CommuneDiagnostic => ({ code, nom: `Commune ${code}`, codeDepartement: '73', population, position })

describe('moteur du diagnostic', () => {
  const lieux = [lieu(1, 3, [OUTILS as string], 30), lieu(2, 7, [DEMARCHES as string], 20), lieu(3, 15, [DEMARCHES as string, INSERTION as string], 10), lieu(4, 30, [EQUIPEMENT as string], 40)]
  const ifn: Ifn = { source: 'commune', total: 6, sansThd: 1, sans4g: 2, pauvrete: 3, plus65: 4, nonDiplomes: 5 }
  const [a, b, c] = calculerDiagnostic({
    communes: [commune('73001', { latitude: 45, longitude: 6, approximative: false }), commune('73002', null), commune('73003', { latitude: 48, longitude: 6, approximative: true })],
    lieux,
    besoins: BESOINS_DIAGNOSTIC,
    ifn: new Map([['73001', ifn]]),
    activite: new Map([['73001', { beneficiaires: 4, accompagnements: 9 }]]),
  }) as [LigneDiagnostic, LigneDiagnostic, LigneDiagnostic]

  it('le lieu le plus proche de chaque besoin, avec sa distance', () => {
    expect(a.plusProches['bases']).toEqual({ uid: 1, nom: 'Lieu 1', distanceKm: 3 })
    expect(a.plusProches['demarches']).toMatchObject({ uid: 2, distanceKm: 7 })
    // « emploi » : démarches OU insertion → le lieu 2, à 7 km, avant le lieu 3
    expect(a.plusProches['emploi']).toMatchObject({ uid: 2, distanceKm: 7 })
    expect(a.plusProches['emploi-numerique']).toMatchObject({ uid: 3, distanceKm: 15 })
    expect(a.plusProches['materiel']).toMatchObject({ uid: 4, distanceKm: 30 })
    expect(a.plusProches['acces']).toBeNull()
  })

  it('les lieux à 5, 10 et 20 km et la somme des heures d’ouverture à 10 km', () => {
    expect([a.lieux5, a.lieux10, a.lieux20]).toEqual([1, 2, 3])
    expect(a.heuresHebdo10km).toBe(50)
  })

  it('IFN et activité de la commune ; rien pour une commune sans position ou loin de tout', () => {
    expect(a.ifn).toEqual(ifn)
    expect(a.activite).toEqual({ beneficiaires: 4, accompagnements: 9 })
    expect(b.ifn).toBeNull()
    expect(b.activite).toEqual({ beneficiaires: 0, accompagnements: 0 })
    for (const l of [b, c]) {
      expect(Object.values(l.plusProches).every((p) => p === null)).toBe(true)
      expect([l.lieux5, l.lieux10, l.lieux20, l.heuresHebdo10km]).toEqual([0, 0, 0, 0])
    }
    expect(c.position?.approximative).toBe(true)
  })

  it('une colonne par ensemble distinct de services ; tout besoin de l’orientation mène à sa colonne', () => {
    expect(BESOINS_DIAGNOSTIC).toHaveLength(10)
    expect(besoinDiagnostic('impots')?.id).toBe('demarches')
    expect(besoinDiagnostic('smartphone')?.libelle).toBe('Apprendre les bases')
    expect(besoinDiagnostic('inconnu')).toBeUndefined()
  })

  it('la couverture : la population à moins de la distance', () => {
    expect(couverture([a, b, c], 'impots', 10)).toMatchObject({ populationCouverte: 1000, populationTotale: 3000, communesCouvertes: 1 })
  })
})

describe('heures hebdomadaires', () => {
  it('évalue la semaine de référence', () => {
    expect(heuresHebdomadaires('Mo-Fr 09:00-12:00,14:00-17:00')).toBe(30)
    expect(heuresHebdomadaires('Mo-Sa 09:00-18:00; PH off')).toBe(54)
    expect(heuresHebdomadaires('24/7')).toBe(168)
    expect(heuresHebdomadaires('pas des horaires')).toBe(0)
    expect(heuresHebdomadaires(null)).toBe(0)
  })
})

describe('zones blanches', () => {
  const ligne = (code: string, population: number, distanceKm: number | null, total: number | null): LigneDiagnostic => ({
    code,
    nom: code,
    codeDepartement: '73',
    population,
    position: { latitude: 45, longitude: 6, approximative: false },
    plusProches: { demarches: distanceKm === null ? null : { uid: 1, nom: 'L', distanceKm } },
    lieux5: 0,
    lieux10: 0,
    lieux20: 0,
    heuresHebdo10km: 0,
    ifn: total === null ? null : { source: 'commune', total, sansThd: null, sans4g: null, pauvrete: null, plus65: null, nonDiplomes: null },
    activite: { beneficiaires: 0, accompagnements: 0 },
  })
  const lignes = [ligne('A', 1000, 4, 9), ligne('B', 1000, 12, 8), ligne('C', 2000, 25, 2), ligne('D', 500, null, 9), ligne('E', 900, 11, null)]

  it('au-delà de la distance, classées par population × IFN', () => {
    const z = zonesBlanches(lignes, 'impots', 10)
    expect(z.map((x) => x.ligne.code)).toEqual(['B', 'E', 'D', 'C'])
    expect(z.map((x) => x.priorite)).toEqual([8000, 900 * 8, 4500, 4000])
    expect(z.find((x) => x.ligne.code === 'D')?.distanceKm).toBeNull()
  })

  it('sans IFN : la médiane des IFN de la liste, signalée', () => {
    const e = zonesBlanches(lignes, 'demarches', 10).find((x) => x.ligne.code === 'E')
    expect(e).toMatchObject({ ifnManquant: true, priorite: 900 * 8 })
    expect(zonesBlanches(lignes, 'demarches', 20).map((x) => x.ligne.code)).toEqual(['D', 'C'])
    expect(zonesBlanches(lignes, 'inconnu', 10)).toEqual([])
  })
})
