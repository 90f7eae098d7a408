import { describe, expect, it } from 'vitest'
import { LimiteEssais } from './acces.ts'

describe('limite des essais de mot de passe', () => {
  it('après 10 échecs en 15 minutes, une adresse attend la fin de la fenêtre ; les autres non', () => {
    let t = 1_000_000
    const limite = new LimiteEssais(() => t)
    for (let i = 0; i < 9; i++) {
      limite.echec('203.0.113.5')
      t += 1000
    }
    expect(limite.attente('203.0.113.5')).toBe(0)
    limite.echec('203.0.113.5')
    expect(limite.attente('203.0.113.5')).toBe(15 * 60 - 9)
    expect(limite.attente('198.51.100.7')).toBe(0)
    t += 15 * 60_000
    expect(limite.attente('203.0.113.5')).toBe(0)
  })
})
