/** Validation of the geo API's answer, item by item, against the real referential. */
import { describe, expect, it } from 'vitest'
import { referentiel } from '../territories/referentiel.ts'
import { adresseCommunes, lireReponse } from './api-geo.ts'

const point = (lon: unknown, lat: unknown) => ({ type: 'Point', coordinates: [lon, lat] })

describe('réponse de l’API Géo', () => {
  it('garde les centres valides (longitude d’abord), compte les invalides, les codes inconnus et les doublons', () => {
    const reponse = lireReponse(
      [
        { code: '73065', centre: point(5.9204, 45.5661), nom: 'Chambéry' },
        { code: '75115', centre: point(2.2923, 48.8401) },
        { code: '2A004', centre: point(8.7386, 41.9264) },
        { code: '73065', centre: point(0, 0) },
        { code: '73031' },
        { code: '73029', centre: null },
        { code: '73137', centre: point('5.9', '45.5') },
        { code: '73160', centre: point(45.5, 185) },
        { code: '73288', centre: { type: 'Polygon', coordinates: [5.9, 45.6] } },
        { code: 'abc', centre: point(5, 45) },
        'Chambéry',
        null,
        { code: '99999', centre: point(5, 45) },
        { code: '73037', centre: point(6.5, 45.5) }, // a former code (Aigueblanche), not a current commune
      ],
      referentiel(),
    )
    expect(reponse.positions).toEqual([
      { code: '73065', latitude: 45.5661, longitude: 5.9204 },
      { code: '75115', latitude: 48.8401, longitude: 2.2923 },
      { code: '2A004', latitude: 41.9264, longitude: 8.7386 },
    ])
    expect(reponse).toMatchObject({ invalides: 8, inconnus: 2, doublons: 1 })
  })

  it('l’adresse interrogée demande les communes actuelles et les arrondissements', () => {
    expect(adresseCommunes('https://geo.api.gouv.fr/')).toBe(
      'https://geo.api.gouv.fr/communes?fields=code,centre&format=json&type=commune-actuelle,arrondissement-municipal',
    )
  })
})
