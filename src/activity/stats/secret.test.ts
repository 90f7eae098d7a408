import { describe, expect, it } from 'vitest'
import { chiffrePublic, MOINS_DE_5, NON_DIFFUSE, secretiser } from './secret.ts'

const lignes = (...nombres: number[]) => nombres.map((nombre, i) => ({ valeur: `v${i}`, libelle: `V${i}`, nombre }))

describe('secret statistique', () => {
  it('écrit « moins de 5 » de 1 à 4, garde 0 et 5', () => {
    expect([0, 1, 4, 5, 1234].map((n) => chiffrePublic(n).affichage)).toEqual(['0', MOINS_DE_5, MOINS_DE_5, '5', '1\u202f234'])
    expect(chiffrePublic(3).nombre).toBeNull()
  })

  it('masque une autre valeur quand une seule est masquée dans une partition : la plus petite non nulle', () => {
    const cellules = secretiser(lignes(3, 0, 40, 12, 12), true)
    expect(cellules.map((c) => c.affichage)).toEqual([MOINS_DE_5, '0', '40', '12', NON_DIFFUSE])
  })

  it('ne masque rien de plus quand deux valeurs sont déjà masquées, ni hors partition', () => {
    expect(secretiser(lignes(3, 2, 40), true).map((c) => c.affichage)).toEqual([MOINS_DE_5, MOINS_DE_5, '40'])
    expect(secretiser(lignes(3, 40), false).map((c) => c.affichage)).toEqual([MOINS_DE_5, '40'])
  })

  it('propriété : aucune valeur de 1 à 4 visible, et jamais une seule valeur non nulle masquée dans une partition à total connu', () => {
    let graine = 11
    const tirage = (n: number) => {
      graine = (graine * 1103515245 + 12345) % 2 ** 31
      return graine % n
    }
    for (let essai = 0; essai < 2000; essai++) {
      const nombres = Array.from({ length: 1 + tirage(8) }, () => (tirage(3) === 0 ? tirage(5) : tirage(60)))
      const cellules = secretiser(lignes(...nombres), true)
      const total = nombres.reduce((a, n) => a + n, 0)
      for (const c of cellules) if (c.nombre !== null) expect(c.nombre === 0 || c.nombre >= 5).toBe(true)
      const masquees = cellules.filter((c, i) => c.nombre === null && (nombres[i] ?? 0) > 0)
      // the total minus the visible values gives the sum of the hidden ones: never a single value,
      // unless that value is the whole total (then the total itself is under 5 and hidden)
      if (masquees.length === 1) expect(total).toBeLessThan(5)
    }
  })
})
