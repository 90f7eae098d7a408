import { describe, expect, it } from 'vitest'
import { enFrance, lireCoordonnees } from './coordonnees.ts'
import { Constat } from './problems.ts'

function lire(lat: unknown, lon: unknown) {
  const constat = new Constat()
  const coordonnees = lireCoordonnees(lat, lon, constat)
  return { ...coordonnees, problemes: constat.problemes }
}

const AUCUNE = { latitude: null, longitude: null }

describe('lireCoordonnees', () => {
  it('garde un point valide en métropole sans rien signaler', () => {
    expect(lire(45.5646, 5.9178)).toEqual({ latitude: 45.5646, longitude: 5.9178, problemes: [] })
  })

  it('lit des nombres écrits en texte, avec un point ou une virgule décimale', () => {
    expect(lire('45.5646', '5.9178')).toEqual({ latitude: 45.5646, longitude: 5.9178, problemes: [] })
    expect(lire('45,5646', '5,9178')).toEqual({ latitude: 45.5646, longitude: 5.9178, problemes: [] })
    expect(lire(' 45.5646 ', '+5.9178')).toEqual({ latitude: 45.5646, longitude: 5.9178, problemes: [] })
  })

  it('remet dans l’ordre une latitude et une longitude inversées, avec une correction', () => {
    const r = lire(5.9178, 45.5646)
    expect(r).toMatchObject({ latitude: 45.5646, longitude: 5.9178 })
    expect(r.problemes).toHaveLength(1)
    expect(r.problemes[0]).toMatchObject({ niveau: 'correction', champ: 'latitude' })
  })

  it('remet aussi dans l’ordre un point inversé outre-mer (La Réunion)', () => {
    expect(lire(55.45, -20.88)).toMatchObject({ latitude: -20.88, longitude: 55.45 })
  })

  it.each([
    [0, 0],
    ['0', '0'],
    ['0.0', '0,0'],
  ])('abandonne le point %j ; %j (valeur par défaut) avec un avertissement', (lat, lon) => {
    const r = lire(lat, lon)
    expect(r).toMatchObject(AUCUNE)
    expect(r.problemes).toHaveLength(1)
    expect(r.problemes[0]).toMatchObject({ niveau: 'avertissement', champ: 'latitude' })
  })

  it.each([
    [45.5646, null],
    [null, 5.9178],
    [45.5646, ''],
    ['', '5.9178'],
    [45.5646, undefined],
  ])('abandonne les deux quand une seule est renseignée (%j ; %j)', (lat, lon) => {
    const r = lire(lat, lon)
    expect(r).toMatchObject(AUCUNE)
    expect(r.problemes.map((p) => p.niveau)).toEqual(['avertissement'])
  })

  it('abandonne des coordonnées illisibles avec un avertissement', () => {
    const r = lire('45°33\'N', '5°55\'E')
    expect(r).toMatchObject(AUCUNE)
    expect(r.problemes.map((p) => p.niveau)).toEqual(['avertissement'])
    expect(lire(Number.NaN, 5).latitude).toBeNull()
  })

  it.each([
    [40.7128, -74.006], // New York
    [52.52, 13.405], // Berlin
    [95, 5], // hors plage
    [6600000, 700000], // Lambert-93
  ])('abandonne un point hors de tout territoire français (%j ; %j)', (lat, lon) => {
    const r = lire(lat, lon)
    expect(r).toMatchObject(AUCUNE)
    expect(r.problemes).toHaveLength(1)
    expect(r.problemes[0]).toMatchObject({ niveau: 'avertissement', champ: 'latitude' })
  })

  it.each([
    ['Nouméa, Nouvelle-Calédonie', -22.2758, 166.458],
    ['Saint-Denis, La Réunion', -20.8821, 55.4507],
    ['Pointe-à-Pitre, Guadeloupe', 16.2411, -61.5331],
    ['Fort-de-France, Martinique', 14.6161, -61.0588],
    ['Cayenne, Guyane', 4.9224, -52.3135],
    ['Mamoudzou, Mayotte', -12.7806, 45.2278],
    ['Papeete, Polynésie', -17.5516, -149.5585],
    ['Saint-Pierre, SPM', 46.7811, -56.1764],
    ['Ajaccio, Corse', 41.9192, 8.7386],
  ])('garde un point de %s', (_nom, lat, lon) => {
    expect(lire(lat, lon)).toEqual({ latitude: lat, longitude: lon, problemes: [] })
  })

  it('ne dit rien quand les deux sont absentes', () => {
    expect(lire(undefined, undefined)).toEqual({ ...AUCUNE, problemes: [] })
    expect(lire('', '')).toEqual({ ...AUCUNE, problemes: [] })
    expect(lire(null, null)).toEqual({ ...AUCUNE, problemes: [] })
  })
})

describe('enFrance', () => {
  it('reconnaît les emprises françaises', () => {
    expect(enFrance(48.8566, 2.3522)).toBe(true)
    expect(enFrance(-22.2758, 166.458)).toBe(true)
    expect(enFrance(2.3522, 48.8566)).toBe(false)
    expect(enFrance(0, 0)).toBe(false)
  })
})
