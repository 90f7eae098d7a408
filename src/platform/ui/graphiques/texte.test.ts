import { describe, expect, it } from 'vitest'
import { couperEnLignes, largeurEstimee, nombreFrancais } from './texte.ts'

describe('nombreFrancais', () => {
  it('groupe les milliers par une espace fine insécable et met une virgule décimale', () => {
    expect(nombreFrancais(1234)).toBe('1\u202f234')
    expect(nombreFrancais(1_234_567)).toBe('1\u202f234\u202f567')
    expect(nombreFrancais(0.756)).toBe('0,76')
    expect(nombreFrancais(12)).toBe('12')
    expect(nombreFrancais(0)).toBe('0')
  })
})

describe('largeurEstimee', () => {
  it('compte les lettres étroites moins que les larges', () => {
    expect(largeurEstimee('')).toBe(0)
    expect(largeurEstimee('iiii')).toBeLessThan(largeurEstimee('eeee'))
    expect(largeurEstimee('eeee')).toBeLessThan(largeurEstimee('mmmm'))
    expect(largeurEstimee('É')).toBeGreaterThan(largeurEstimee('é'))
  })
})

describe('couperEnLignes', () => {
  it('laisse sur une ligne ce qui tient', () => {
    expect(couperEnLignes('Aide aux démarches', 24)).toEqual(['Aide aux démarches'])
  })

  it('coupe entre les mots, sans dépasser la largeur', () => {
    const lignes = couperEnLignes('Acquisition de matériel informatique à prix solidaire', 16)
    expect(lignes.length).toBeGreaterThan(1)
    expect(lignes.join(' ')).toBe('Acquisition de matériel informatique à prix solidaire')
    for (const l of lignes) expect(largeurEstimee(l)).toBeLessThanOrEqual(16)
  })

  it('s’arrête à trois lignes et finit par des points de suspension', () => {
    const lignes = couperEnLignes('un deux trois quatre cinq six sept huit neuf dix onze douze treize', 6)
    expect(lignes).toHaveLength(3)
    expect(lignes[2]).toMatch(/…$/)
    expect(largeurEstimee(lignes[2] ?? '')).toBeLessThanOrEqual(6)
  })

  it('garde entier un mot plus long qu’une ligne', () => {
    expect(couperEnLignes('Anticonstitutionnellement oui', 5)).toEqual(['Anticonstitutionnellement', 'oui'])
  })

  it('rend une liste vide pour un texte vide et ignore les espaces en trop', () => {
    expect(couperEnLignes('   ', 10)).toEqual([])
    expect(couperEnLignes('  a   b ', 10)).toEqual(['a b'])
  })
})
