import { describe, expect, it } from 'vitest'
import { comparerAdresses, lireVoies } from './adresse.ts'

const voie = (adresse: string, complement: string | null = null) => lireVoies(adresse, complement)

describe('lireVoies', () => {
  it('lit le numéro à part, avec son indice, et le type de voie sous ses abréviations', () => {
    expect(voie('672BIS AVENUE DES CONTENTS')[0]).toMatchObject({ numero: [672, 672], type: 'avenue', mots: ['content'] })
    expect(voie('4, av. de la Libération')[0]).toMatchObject({ numero: [4, 4], type: 'avenue', mots: ['liberation'] })
    expect(voie('12 BD Gal de Gaulle')[0]).toMatchObject({ numero: [12, 12], type: 'boulevard', mots: ['general', 'gaulle'] })
    expect(voie('16 Gd\u2019 Rue')[0]).toMatchObject({ numero: [16, 16], type: 'rue', mots: ['grande'] })
  })

  it('lit une plage de numéros et retire boîte postale, code postal, commune et CEDEX', () => {
    expect(voie('2 - 4 Allée des Freniers BP 12 16500 CONFOLENS CEDEX')).toEqual([
      expect.objectContaining({ numero: [2, 4], type: 'allee', mots: ['frenier'] }),
    ])
  })

  it('garde les parties qui sont des voies, et ne prend du complément que les voies nommées', () => {
    const voies = voie('Maison de la solidarité / 6 place Notre-Dame', 'Bâtiment B, 3e étage')
    expect(voies).toHaveLength(1)
    expect(voies[0]).toMatchObject({ numero: [6, 6], type: 'place', mots: ['notre', 'dame'] })
  })

  it('garde le texte d’une adresse sans voie', () => {
    expect(voie('Mairie')[0]).toMatchObject({ numero: null, type: null, texte: 'mairie' })
  })
})

describe('comparerAdresses', () => {
  it('reconnaît la même voie écrite autrement, et le même numéro', () => {
    const c = comparerAdresses(voie('1 avenue Philéas Fogg'), voie('1 AV PHILEAS FOGG'))
    expect(c).toMatchObject({ rue: 1, numeros: 'egaux', ecart: 0 })
  })

  it('voit un numéro différent, et son écart', () => {
    expect(comparerAdresses(voie('27 place Mazel'), voie('28 PL MAZEL'))).toMatchObject({ rue: 1, numeros: 'differents', ecart: 1 })
    expect(comparerAdresses(voie('97 rue Albert Thomas'), voie('53 Rue Albert Thomas 42300 ROANNE'))).toMatchObject({ numeros: 'differents', ecart: 44 })
  })

  it('compte une plage comme le même numéro, et un numéro manquant comme absent', () => {
    expect(comparerAdresses(voie('21 Avenue Chiris'), voie('17-21 avenue Chiris')).numeros).toBe('egaux')
    expect(comparerAdresses(voie('Avenue Michelet'), voie('65 AV MICHELET')).numeros).toBe('absents')
  })

  it('sépare deux voies différentes au même numéro', () => {
    const c = comparerAdresses(voie('50 rue de Ruffi'), voie('50 rue Félix Pyat'))
    expect(c.rue).toBeLessThan(0.3)
  })

  it('trouve une voie contenue dans l’autre', () => {
    expect(comparerAdresses(voie('Av. Angelin-German'), voie('Avenue du Docteur Angelin German')).rue).toBeGreaterThanOrEqual(0.85)
  })
})
