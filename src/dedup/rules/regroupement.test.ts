import { describe, expect, it } from 'vitest'
import { regrouper } from './regroupement.ts'

const p = (i: number, j: number, score = 0.9) => ({ i, j, score })

describe('regrouper', () => {
  it('rassemble les fiches d’un même lieu, chaque indice dans un seul groupe', () => {
    expect(regrouper(5, [p(0, 1), p(1, 2), p(0, 2), p(3, 4)], [])).toEqual([[0, 1, 2], [3, 4]])
    expect(regrouper(3, [], [])).toEqual([[0], [1], [2]])
  })

  it('ne fait pas de chaîne : A~B et B~C sans A~C ne réunit pas A et C', () => {
    const groupes = regrouper(3, [p(0, 1, 0.95), p(1, 2, 0.9)], [])
    expect(groupes).toEqual([[0, 1], [2]])
  })

  it('commence par les paires les plus sûres', () => {
    // B~C is surer than A~B: B goes with C, A stays alone
    expect(regrouper(3, [p(0, 1, 0.88), p(1, 2, 0.99)], [])).toEqual([[0], [1, 2]])
  })

  it('ne réunit jamais deux fiches qu’une personne a déclarées « lieux différents »', () => {
    expect(regrouper(3, [p(0, 1), p(1, 2), p(0, 2)], [[0, 2]])).toEqual([[0, 1], [2]])
    expect(regrouper(2, [p(0, 1)], [[1, 0]])).toEqual([[0], [1]])
  })

  it('plafonne la taille d’un groupe', () => {
    const toutes = []
    for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) toutes.push(p(i, j))
    const groupes = regrouper(6, toutes, [], 4)
    expect(Math.max(...groupes.map((g) => g.length))).toBe(4)
    expect(groupes.flat().sort()).toEqual([0, 1, 2, 3, 4, 5])
  })

  it('ignore les paires hors bornes ou d’un indice avec lui-même', () => {
    expect(regrouper(2, [p(0, 0), p(0, 7)], [])).toEqual([[0], [1]])
  })
})
