import { describe, expect, it } from 'vitest'
import { apercuOuverture } from './apercu.ts'

// vitest runs in Europe/Paris (vitest.config.ts): local dates are Paris times
const paris = (iso: string) => new Date(iso)

describe('apercuOuverture', () => {
  it('dit ouvert un lundi à 10 h, avec l’heure de fermeture', () => {
    expect(apercuOuverture('Mo-Fr 09:00-12:00', paris('2026-11-23T10:00'), 'Île-de-France')).toBe('Ouvert maintenant · ferme à 12 h')
  })

  it('dit fermé le soir, et quand ça rouvre', () => {
    expect(apercuOuverture('Mo-Fr 09:00-12:00,14:00-17:30', paris('2026-11-23T12:30'), 'Île-de-France')).toBe('Fermé · ouvre à 14 h')
    expect(apercuOuverture('Mo-Fr 09:00-12:00', paris('2026-11-27T18:00'), 'Île-de-France')).toBe('Fermé · ouvre lundi à 9 h')
  })

  it('dit fermé le jour de Noël (un vendredi) quand les jours fériés sont fermés, ouvert sinon', () => {
    const noel = paris('2026-12-25T10:00')
    expect(noel.getDay()).toBe(5)
    expect(apercuOuverture('Mo-Fr 09:00-12:00; PH off', noel, 'Bretagne')).toBe('Fermé · ouvre lundi à 9 h')
    expect(apercuOuverture('Mo-Fr 09:00-12:00', noel, 'Bretagne')).toBe('Ouvert maintenant · ferme à 12 h')
  })

  it('tient compte des jours fériés de la région (abolition de l’esclavage le 20 décembre à La Réunion)', () => {
    const samedi = paris('2025-12-20T10:00')
    expect(apercuOuverture('Mo-Sa 09:00-12:00; PH off', samedi, 'La Réunion')).toBe('Fermé · ouvre lundi à 9 h')
    expect(apercuOuverture('Mo-Sa 09:00-12:00; PH off', samedi, 'Bretagne')).toBe('Ouvert maintenant · ferme à 12 h')
  })

  it('tient compte d’une fermeture exceptionnelle', () => {
    expect(apercuOuverture('Mo-Fr 09:00-12:00; 2026 Aug 03-2026 Aug 21 off', paris('2026-08-10T10:00'), 'Bretagne')).toBe('Fermé · ouvre le 24 août à 9 h')
  })

  it('ne dit rien d’une valeur vide ou illisible', () => {
    expect(apercuOuverture('', paris('2026-11-23T10:00'), 'Bretagne')).toBeUndefined()
    expect(apercuOuverture('  ', paris('2026-11-23T10:00'), 'Bretagne')).toBeUndefined()
    expect(apercuOuverture('lundi 9h', paris('2026-11-23T10:00'), 'Bretagne')).toBeUndefined()
  })
})
