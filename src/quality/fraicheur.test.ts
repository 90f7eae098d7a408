import { describe, expect, it } from 'vitest'
import { aMettreAJour, moisDepuisMiseAJour, valeurFraicheur } from './fraicheur.ts'

describe('moisDepuisMiseAJour', () => {
  it('compte 0 mois pour une mise à jour faite aujourd’hui', () => {
    expect(moisDepuisMiseAJour('2026-11-22', '2026-11-22')).toBe(0)
  })

  it('compte des mois entiers de calendrier', () => {
    expect(moisDepuisMiseAJour('2026-05-22', '2026-11-22')).toBe(6)
    expect(moisDepuisMiseAJour('2025-11-22', '2026-11-22')).toBe(12)
    expect(moisDepuisMiseAJour('2024-11-22', '2026-11-22')).toBe(24)
  })

  it('ajoute la part écoulée du mois en cours', () => {
    expect(moisDepuisMiseAJour('2024-01-01', '2024-01-16')).toBeCloseTo(15 / 31, 10)
    expect(moisDepuisMiseAJour('2024-02-01', '2024-02-15')).toBeCloseTo(14 / 29, 10)
    expect(moisDepuisMiseAJour('2026-05-22', '2026-06-06')).toBeCloseTo(15 / 31, 10)
  })

  it('compte un mois du 31 janvier au 29 février (le dernier jour du mois suivant)', () => {
    expect(moisDepuisMiseAJour('2024-01-31', '2024-02-29')).toBe(1)
    expect(moisDepuisMiseAJour('2024-01-31', '2024-02-28')).toBeCloseTo(28 / 29, 10)
    expect(moisDepuisMiseAJour('2024-08-31', '2025-02-28')).toBe(6)
  })

  it('tient compte du 29 février d’une année bissextile', () => {
    expect(moisDepuisMiseAJour('2024-02-29', '2024-08-29')).toBe(6)
    expect(moisDepuisMiseAJour('2024-02-29', '2025-02-28')).toBe(12)
    expect(moisDepuisMiseAJour('2024-02-29', '2028-02-29')).toBe(48)
    expect(moisDepuisMiseAJour('2023-02-28', '2024-02-29')).toBeCloseTo(12 + 1 / 29, 10)
  })

  it('franchit le changement d’année', () => {
    expect(moisDepuisMiseAJour('2025-12-15', '2026-01-15')).toBe(1)
    expect(moisDepuisMiseAJour('2025-12-31', '2026-01-01')).toBeCloseTo(1 / 31, 10)
  })

  it('compte 0 pour une date dans le futur', () => {
    expect(moisDepuisMiseAJour('2026-11-23', '2026-11-22')).toBe(0)
    expect(moisDepuisMiseAJour('2030-01-01', '2026-11-22')).toBe(0)
  })

  it('considère une date de mise à jour impossible comme infiniment ancienne', () => {
    expect(moisDepuisMiseAJour('2023-02-29', '2026-11-22')).toBe(Number.POSITIVE_INFINITY)
    expect(moisDepuisMiseAJour('', '2026-11-22')).toBe(Number.POSITIVE_INFINITY)
    expect(moisDepuisMiseAJour('22/11/2026', '2026-11-22')).toBe(Number.POSITIVE_INFINITY)
  })

  it('refuse une date du jour invalide (erreur de l’appelant)', () => {
    expect(() => moisDepuisMiseAJour('2026-01-01', '2026-02-30')).toThrow(/2026-02-30/)
    expect(() => moisDepuisMiseAJour('2026-01-01', 'aujourd’hui')).toThrow(RangeError)
  })

  it('compte les mois de la valeur par défaut 1970-01-01', () => {
    expect(moisDepuisMiseAJour('1970-01-01', '2026-11-22')).toBeGreaterThan(56 * 12)
  })
})

describe('aMettreAJour', () => {
  const lieu = (date_maj: string) => ({ date_maj })

  it('non avant six mois, oui à six mois jour pour jour', () => {
    expect(aMettreAJour(lieu('2026-05-23'), '2026-11-22')).toBe(false)
    expect(aMettreAJour(lieu('2026-05-22'), '2026-11-22')).toBe(true)
    expect(aMettreAJour(lieu('2020-01-01'), '2026-11-22')).toBe(true)
  })

  it('suit le 29 février : à mettre à jour le 29 août', () => {
    expect(aMettreAJour(lieu('2024-02-29'), '2024-08-28')).toBe(false)
    expect(aMettreAJour(lieu('2024-02-29'), '2024-08-29')).toBe(true)
  })

  it('non pour une date dans le futur, oui pour une date impossible', () => {
    expect(aMettreAJour(lieu('2027-01-01'), '2026-11-22')).toBe(false)
    expect(aMettreAJour(lieu('2026-13-01'), '2026-11-22')).toBe(true)
  })
})

describe('valeurFraicheur', () => {
  it('vaut 1 jusqu’à six mois', () => {
    expect(valeurFraicheur(0)).toBe(1)
    expect(valeurFraicheur(5.9)).toBe(1)
    expect(valeurFraicheur(6)).toBe(1)
  })

  it('décroît en ligne droite jusqu’à 0 à deux ans', () => {
    expect(valeurFraicheur(15)).toBe(0.5)
    expect(valeurFraicheur(12)).toBeCloseTo(2 / 3, 10)
    expect(valeurFraicheur(21)).toBeCloseTo(1 / 6, 10)
    expect(valeurFraicheur(24)).toBe(0)
  })

  it('reste à 0 au-delà, même pour une date inconnue', () => {
    expect(valeurFraicheur(60)).toBe(0)
    expect(valeurFraicheur(Number.POSITIVE_INFINITY)).toBe(0)
  })
})
