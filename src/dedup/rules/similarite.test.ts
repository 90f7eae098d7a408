import { describe, expect, it } from 'vitest'
import { distanceLisible, distanceMetres, pourcent, rapprocher, similariteMot } from './similarite.ts'

describe('distanceMetres', () => {
  it('mesure la distance sur la sphère (haversine)', () => {
    // Place Bellecour → Hôtel de ville de Lyon : environ 1,2 km
    expect(distanceMetres(45.7578, 4.832, 45.7676, 4.8363)).toBeGreaterThan(1100)
    expect(distanceMetres(45.7578, 4.832, 45.7676, 4.8363)).toBeLessThan(1200)
    // un degré de longitude vaut moins qu’un degré de latitude loin de l’équateur
    expect(distanceMetres(46, 3, 46, 3.001)).toBeLessThan(distanceMetres(46, 3, 46.001, 3) * 0.75)
    expect(distanceMetres(-21.1, 55.5, -21.1, 55.5)).toBe(0)
  })
})

describe('similariteMot', () => {
  it('tolère une faute dans un mot de 6 lettres ou plus, une inversion de deux lettres comprise', () => {
    expect(similariteMot('mediatheque', 'mediateque')).toBeGreaterThan(0.9)
    expect(similariteMot('aubrac', 'aubrca')).toBeGreaterThan(0.8)
    expect(similariteMot('laugerias', 'laugenas')).toBeGreaterThanOrEqual(0.75)
  })

  it('ne confond pas deux mots courts qui diffèrent d’une lettre', () => {
    expect(similariteMot('ivry', 'vitry')).toBe(0)
    expect(similariteMot('est', 'ouest')).toBe(0)
    expect(similariteMot('moulin', 'poulain')).toBe(0)
  })

  it('compte un début de mot assez long', () => {
    expect(similariteMot('provenc', 'provence')).toBeGreaterThanOrEqual(0.8)
  })
})

describe('rapprocher', () => {
  const mots = (...liste: Array<[string, number]>) => liste.map(([mot, poids]) => ({ mot, poids }))

  it('apparie les mots un à un, par poids décroissant', () => {
    const r = rapprocher(mots(['louise', 1], ['michel', 1], ['bibliotheque', 0.3]), mots(['michel', 1], ['louise', 1]))
    expect(r.paires.map((p) => p.a.mot).sort()).toEqual(['louise', 'michel'])
    expect(r.inclusion).toBe(1)
    expect(r.dice).toBeCloseTo(4 / 4.3, 5)
  })

  it('rend 0 sans mot', () => {
    expect(rapprocher([], mots(['a', 1]))).toEqual({ dice: 0, inclusion: 0, paires: [] })
  })
})

describe('libellés', () => {
  it('écrit les pourcentages et les distances à la française', () => {
    expect(pourcent(0.923)).toBe('92\u00a0%')
    expect(distanceLisible(45.4)).toBe('45\u00a0m')
    expect(distanceLisible(1234)).toBe('1,2\u00a0km')
    expect(distanceLisible(25_400)).toBe('25\u00a0km')
  })
})
