import { describe, expect, it } from 'vitest'
import { validerActivite } from '../activity/domain/validation.ts'
import { activite, aleatoire, dates, jourAuHasard, type PoolSuivis } from './activites.ts'
import { aleatoire as flux } from './generator.ts'

const profil = { debut: 0, fin: 1, communes: ['73065', '73008'] }

describe('activités plausibles (démonstration, tests, mesures)', () => {
  it('chaque activité générée est acceptée telle quelle par la validation de La Coop', () => {
    const h = flux(7)
    let n = 0
    const pool: PoolSuivis = { prendre: () => ({ id: `suivi-${n++}`, nouveau: true }) }
    let ateliers = 0
    for (let i = 0; i < 3000; i++) {
      const { activite: a } = activite(h, jourAuHasard(h, '2026-11-22', 365), profil, '42', i % 2 === 0 ? pool : undefined)
      const r = validerActivite(a, '2026-11-22')
      expect('erreurs' in r ? r.erreurs : [], JSON.stringify(a)).toEqual([])
      if ('activite' in r) expect(r.activite).toEqual(a)
      if (a.type === 'collectif') ateliers++
    }
    // about 15 % workshops
    expect(ateliers).toBeGreaterThan(300)
    expect(ateliers).toBeLessThan(600)
  })

  it('sans réserve de bénéficiaires suivis, aucun', () => {
    const h = flux(3)
    for (let i = 0; i < 500; i++) {
      const { activite: a, suivis } = activite(h, '2026-01-05', profil, '42')
      expect(suivis).toEqual([])
      expect(a.type === 'individuel' ? a.beneficiaireSuivi : a.beneficiairesSuivis[0]).toBeUndefined()
    }
  })

  it('la même graine donne les mêmes jours, jamais un dimanche ni après la date donnée', () => {
    const a = flux(1)
    const b = flux(1)
    for (let i = 0; i < 200; i++) {
      const jour = jourAuHasard(a, '2026-11-22', 365)
      expect(jourAuHasard(b, '2026-11-22', 365)).toBe(jour)
      expect(new Date(`${jour}T12:00:00Z`).getUTCDay()).not.toBe(0)
      expect(jour <= '2026-11-22' && jour > '2025-11-21').toBe(true)
    }
    const d = dates(flux(5), { debut: 0.5, fin: 1, communes: [] }, 100, Date.parse('2021-11-22'), 5 * 365 * 86_400_000)
    expect(d).toEqual([...d].sort())
    expect(d.every((x) => new Date(`${x}T12:00:00Z`).getUTCDay() !== 0)).toBe(true)
  })

  it('le générateur outillé des tests suit le même flux', () => {
    expect(aleatoire(9).suivant()).toBe(flux(9)())
  })
})
