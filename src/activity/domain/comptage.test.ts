import { describe, expect, it } from 'vitest'
import { type ActiviteComptee, accompagnementsDe, compterAccompagnements, pourcentagesArrondis, pourcentagesLaCoop, repartitionPonderee } from './comptage.ts'

const individuelle: ActiviteComptee = { type: 'individuel' }
const atelier = (anonymes: number, suivis: string[] = []): ActiviteComptee => ({ type: 'collectif', beneficiairesSuivis: suivis, participants: { total: anonymes } })

describe('accompagnements', () => {
  it('compte 1 par activité individuelle et 1 par participant d’atelier', () => {
    expect(accompagnementsDe(individuelle)).toBe(1)
    expect(accompagnementsDe(atelier(10))).toBe(10)
    expect(accompagnementsDe(atelier(3, ['a', 'b']))).toBe(5)
    expect(compterAccompagnements([individuelle, individuelle, atelier(10), atelier(0, ['a'])])).toBe(13)
    expect(compterAccompagnements([])).toBe(0)
  })

  it('pondère les répartitions par les accompagnements', () => {
    const activites = [
      { ...individuelle, thematiques: ['email'] },
      { ...atelier(10), thematiques: ['email', 'sante', 'email'] },
    ]
    const r = repartitionPonderee(activites, (a) => a.thematiques, ['bureautique', 'email', 'sante'])
    expect([...r]).toEqual([
      ['bureautique', 0],
      ['email', 11],
      ['sante', 10],
    ])
  })
})

describe('pourcentages', () => {
  const somme = (p: number[]) => p.reduce((a, b) => a + b, 0)

  it('font exactement 100 sur des entrées difficiles (plus forts restes)', () => {
    expect(pourcentagesArrondis([1, 1, 1])).toEqual([34, 33, 33])
    expect(pourcentagesArrondis([2, 1, 1, 1, 1, 1, 1])).toEqual([25, 13, 13, 13, 12, 12, 12])
    expect(somme(pourcentagesArrondis([2, 1, 1, 1, 1, 1, 1]))).toBe(100)
    expect(pourcentagesArrondis([1, 0, 0])).toEqual([100, 0, 0])
    expect(pourcentagesArrondis([1, 1, 1], 2).map((p) => Math.round(p * 100))).toEqual([3334, 3333, 3333])
    for (const comptes of [[7, 7, 7, 7, 7, 7], [1, 2, 3, 4, 5, 6, 7], [999, 1, 1], [13, 17, 19, 23]]) expect(somme(pourcentagesArrondis(comptes))).toBe(100)
  })

  it('départage les restes égaux par le plus grand compte, puis la position', () => {
    expect(pourcentagesArrondis([1, 2, 1, 2])).toEqual([17, 33, 17, 33])
    expect(pourcentagesArrondis([1, 1, 1, 1, 1, 1])).toEqual([17, 17, 17, 17, 16, 16])
  })

  it('donnent des zéros sans aucun compte et refusent un compte invalide', () => {
    expect(pourcentagesArrondis([0, 0])).toEqual([0, 0])
    expect(pourcentagesArrondis([])).toEqual([])
    expect(() => pourcentagesArrondis([-1, 2])).toThrow(RangeError)
    expect(() => pourcentagesArrondis([1.5])).toThrow(RangeError)
  })

  it('reproduisent aussi l’arrondi de La Coop, à 3 décimales, sans correction', () => {
    expect(pourcentagesLaCoop([1, 1, 1])).toEqual([33.333, 33.333, 33.333])
    expect(pourcentagesLaCoop([1, 3])).toEqual([25, 75])
    expect(pourcentagesLaCoop([0, 0])).toEqual([0, 0])
  })
})
