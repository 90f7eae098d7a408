import { describe, expect, it } from 'vitest'
import { CRITERES, type Critere } from './criteres.ts'
import { AUJOURDHUI, lieuComplet } from './exemples.ts'
import { arrondi2, repartition, scoreQualite } from './score.ts'

describe('scoreQualite', () => {
  it('donne 1 et aucun conseil à un lieu complet', () => {
    const { score, criteres } = scoreQualite(lieuComplet(), AUJOURDHUI)
    expect(score).toBe(1)
    expect(criteres.map((c) => c.code)).toEqual(CRITERES.map((c) => c.code))
    expect(criteres.every((c) => c.valeur === 1 && c.conseil === null)).toBe(true)
  })

  it('donne chaque critère avec son libellé, sa valeur et son conseil quand il manque quelque chose', () => {
    const { criteres } = scoreQualite(lieuComplet({ horaires: null }), AUJOURDHUI)
    expect(criteres.find((c) => c.code === 'horaires')).toEqual({
      code: 'horaires',
      libelle: 'Horaires d’ouverture',
      valeur: 0,
      conseil: 'Ajoutez les horaires d’ouverture : c’est la première chose que les personnes cherchent.',
    })
  })

  it('fait la moyenne des seuls critères qui s’appliquent', () => {
    // 11 criteria apply (no access mode needing a contact): horaires 0, services 0 → 9/11
    const lieu = lieuComplet({ modalites_acces: ['Se présenter'], horaires: null, services: [] })
    const { score, criteres } = scoreQualite(lieu, AUJOURDHUI)
    expect(criteres.find((c) => c.code === 'contacts_des_modalites')).toMatchObject({ valeur: null, conseil: null })
    expect(score).toBe(arrondi2(9 / 11))
    expect(score).toBe(0.82)
  })

  it('ne compte ni horaires ni accessibilité pour un lieu qui n’accueille pas de public', () => {
    const lieu = lieuComplet({ modalites_acces: ["Ce lieu n'accueille pas de public"], horaires: null, fiche_acces_libre: null })
    const { score, criteres } = scoreQualite(lieu, AUJOURDHUI)
    expect(criteres.filter((c) => c.valeur === null).map((c) => c.code)).toEqual(['horaires', 'contacts_des_modalites', 'accessibilite'])
    expect(score).toBe(1)
  })

  it('arrondit le score et les valeurs à deux décimales', () => {
    // 12 months: freshness 2/3 → 0.67 shown
    const { score, criteres } = scoreQualite(lieuComplet({ date_maj: '2025-11-22' }), AUJOURDHUI)
    expect(criteres[0]).toMatchObject({ code: 'date_maj_recente', valeur: 0.67 })
    expect(criteres[0]?.conseil).toMatch(/six mois/)
    expect(score).toBe(arrondi2((0.67 + 11) / 12))
    expect(score).toBe(0.97)
  })

  it('conseille la mise à jour à six mois jour pour jour, valeur encore à 1', () => {
    const { criteres } = scoreQualite(lieuComplet({ date_maj: '2026-05-22' }), AUJOURDHUI)
    expect(criteres[0]?.valeur).toBe(1)
    expect(criteres[0]?.conseil).not.toBeNull()
  })

  it('traite une date de mise à jour dans le futur comme fraîche', () => {
    expect(scoreQualite(lieuComplet({ date_maj: '2026-12-01' }), AUJOURDHUI).score).toBe(1)
  })

  it('donne un score bas à une fiche presque vide et ancienne', () => {
    const vide = lieuComplet({
      pivot: '00000000000000',
      latitude: null,
      longitude: null,
      telephone: null,
      courriels: [],
      site_web: [],
      horaires: null,
      presentation_resume: null,
      presentation_detail: null,
      date_maj: '2023-01-01',
      services: [],
      publics_specifiquement_adresses: [],
      frais_a_charge: [],
      modalites_acces: [],
      modalites_accompagnement: [],
      fiche_acces_libre: null,
    })
    const { score, criteres } = scoreQualite(vide, AUJOURDHUI)
    // only « publics » is worth 0.5 (empty may mean « tout public »), over 11 criteria
    expect(score).toBe(arrondi2(0.5 / 11))
    expect(criteres.filter((c) => c.conseil !== null)).toHaveLength(11)
  })

  it('borne une valeur de critère hors de [0, 1] et rend 0 sans critère applicable', () => {
    const excessif: Critere = { code: 'x', libelle: 'X', conseil: 'Faites X.', evaluer: () => 1.7 }
    const sansObjet: Critere = { code: 'y', libelle: 'Y', conseil: 'Faites Y.', evaluer: () => null }
    expect(scoreQualite(lieuComplet(), AUJOURDHUI, [excessif]).score).toBe(1)
    expect(scoreQualite(lieuComplet(), AUJOURDHUI, [sansObjet])).toEqual({ score: 0, criteres: [{ code: 'y', libelle: 'Y', valeur: null, conseil: null }] })
  })
})

describe('arrondi2', () => {
  it('arrondit au centième le plus proche, sans surprise binaire', () => {
    expect(arrondi2(1.005)).toBe(1.01)
    expect(arrondi2(0.125)).toBe(0.13)
    expect(arrondi2(2 / 3)).toBe(0.67)
  })
})

describe('repartition', () => {
  it('rend toujours les cinq tranches, à zéro pour une liste vide', () => {
    expect(repartition([])).toEqual([
      { tranche: 'De 0 à 0,19', nombre: 0 },
      { tranche: 'De 0,2 à 0,39', nombre: 0 },
      { tranche: 'De 0,4 à 0,59', nombre: 0 },
      { tranche: 'De 0,6 à 0,79', nombre: 0 },
      { tranche: 'De 0,8 à 1', nombre: 0 },
    ])
  })

  it('range chaque score dans sa tranche, bornes comprises', () => {
    const nombres = repartition([0, 0.19, 0.2, 0.39, 0.4, 0.6, 0.79, 0.8, 0.99, 1]).map((t) => t.nombre)
    expect(nombres).toEqual([2, 2, 1, 2, 3])
  })

  it('arrondit d’abord au centième, comme le score', () => {
    expect(repartition([0.199, 0.7999]).map((t) => t.nombre)).toEqual([0, 1, 0, 0, 1])
  })

  it('refuse un score hors de [0, 1]', () => {
    expect(() => repartition([1.2])).toThrow(RangeError)
    expect(() => repartition([-0.1])).toThrow(/entre 0 et 1/)
    expect(() => repartition([Number.NaN])).toThrow(RangeError)
  })
})
