/**
 * The resolution chain on a small referential built for the test (each step, their order,
 * arrondissements, unknown codes, cache), then on the real one.
 */
import { describe, expect, it } from 'vitest'
import { Referentiel, referentiel } from '../territories/referentiel.ts'
import { PositionsCommunes, centroide, type Point } from './positions.ts'

type Brute = ConstructorParameters<typeof Referentiel>[0][number]
const commune = (code: string, codesPostaux: string[], extra: Partial<Brute> = {}): Brute => ({
  code,
  nom: `Commune ${code}`,
  type: 'commune-actuelle',
  departement: code.slice(0, 2),
  region: '84',
  codesPostaux,
  ...extra,
})
const arrondissement = (code: string, cp: string): Brute => commune(code, [cp], { type: 'arrondissement-municipal', departement: '75', commune: '75056' })

/**
 * Département 01: A, B, C share postcode 01100; A, B, C, D form EPCI 200000001; E is alone
 * (postcode 01300, no EPCI); F and G form EPCI 200000002, nothing known. Paris (75056) and two
 * arrondissements. Département 02: one commune, nothing known.
 */
const REF = new Referentiel(
  [
    commune('01001', ['01100']),
    commune('01002', ['01100']),
    commune('01003', ['01100']),
    commune('01004', ['01200']),
    commune('01005', ['01300']),
    commune('01006', ['01400']),
    commune('01007', ['01500']),
    commune('75056', ['75001', '75002']),
    arrondissement('75101', '75001'),
    arrondissement('75102', '75002'),
    commune('02001', ['02100']),
    commune('01099', ['01900'], { type: 'commune-deleguee', chefLieu: '01001' }),
  ],
  [
    { code: '01', nom: 'Ain', region: '84' },
    { code: '02', nom: 'Aisne', region: '32' },
    { code: '75', nom: 'Paris', region: '11' },
  ],
  [{ code: '84', nom: 'Auvergne-Rhône-Alpes' }],
  [
    { code: '200000001', nom: 'CC Une', membres: ['01001', '01002', '01003', '01004'] },
    { code: '200000002', nom: 'CC Deux', membres: ['01006', '01007'] },
  ],
)

const A: Point = { lat: 46.2, lon: 5.2 }
const B: Point = { lat: 46.4, lon: 5.6 }
const AB = { latitude: 46.3, longitude: 5.4 }

function chaine(positions: Record<string, Point>, lieux: Record<string, Point> = {}): PositionsCommunes {
  return new PositionsCommunes({ positions: new Map(Object.entries(positions)), lieux: new Map(Object.entries(lieux)) }, REF)
}

describe('centroide', () => {
  it('moyenne des points, rien pour une liste vide', () => {
    expect(centroide([A, B])).toEqual({ lat: expect.closeTo(46.3, 10), lon: expect.closeTo(5.4, 10) })
    expect(centroide([])).toBeUndefined()
  })
})

describe('chaîne de résolution des positions', () => {
  const standard = () => chaine({ '01001': A }, { '01001': { lat: 0, lon: 0 }, '01002': B })

  it('1. le centre officiel enregistré, exact, passe avant les lieux', () => {
    expect(standard().position('01001')).toEqual({ latitude: 46.2, longitude: 5.2, approximative: false, origine: 'api-geo' })
  })

  it('2. sinon le centroïde des lieux de la commune, approché', () => {
    expect(standard().position('01002')).toEqual({ latitude: 46.4, longitude: 5.6, approximative: true, origine: 'lieux' })
  })

  it('3. sinon les communes connues qui partagent un code postal', () => {
    expect(standard().position('01003')).toEqual({ ...closeTo(AB), approximative: true, origine: 'code-postal' })
  })

  it('4. sinon les communes connues du même EPCI', () => {
    expect(standard().position('01004')).toEqual({ ...closeTo(AB), approximative: true, origine: 'epci' })
  })

  it('5. sinon les communes connues du même département (EPCI sans commune connue, ou pas d’EPCI)', () => {
    for (const code of ['01005', '01006']) expect(standard().position(code)).toEqual({ ...closeTo(AB), approximative: true, origine: 'departement' })
  })

  it('un code postal passe avant l’EPCI, l’EPCI avant le département', () => {
    const positions = chaine({ '01002': B, '01005': { lat: 45, lon: 4 } })
    expect(positions.position('01003')?.origine).toBe('code-postal')
    expect(positions.position('01004')).toMatchObject({ latitude: 46.4, origine: 'epci' })
    expect(positions.position('01006')).toMatchObject({ ...closeTo({ latitude: 45.7, longitude: 4.8 }), origine: 'departement' })
  })

  it('un arrondissement sans position prend celle de sa commune', () => {
    const paris = { lat: 48.8566, lon: 2.3522 }
    expect(chaine({ '75056': paris }).position('75101')).toEqual({ latitude: 48.8566, longitude: 2.3522, approximative: true, origine: 'api-geo' })
  })

  it('une commune sans position prend la moyenne de ses arrondissements', () => {
    const positions = chaine({ '75101': { lat: 48.86, lon: 2.34 }, '75102': { lat: 48.87, lon: 2.35 } })
    expect(positions.position('75056')).toEqual({ ...closeTo({ latitude: 48.865, longitude: 2.345 }), approximative: true, origine: 'api-geo' })
    expect(positions.position('75101')?.approximative).toBe(false)
  })

  it('les lieux d’un arrondissement passent avant le centre officiel de sa commune', () => {
    const positions = chaine({ '75056': { lat: 48.8566, lon: 2.3522 } }, { '75102': { lat: 48.868, lon: 2.343 } })
    expect(positions.position('75102')).toMatchObject({ latitude: 48.868, origine: 'lieux' })
    expect(positions.position('75101')).toMatchObject({ latitude: 48.8566, origine: 'api-geo', approximative: true })
  })

  it('les lieux des arrondissements situent la commune quand rien d’autre ne le fait', () => {
    expect(chaine({}, { '75101': { lat: 48.86, lon: 2.34 } }).position('75056')).toMatchObject({ latitude: 48.86, origine: 'lieux' })
  })

  it('code inconnu, ancienne commune ou rien de connu alentour : aucune position', () => {
    const positions = standard()
    expect(positions.position('99999')).toBeUndefined()
    expect(positions.position('01099')).toBeUndefined()
    expect(positions.position('02001')).toBeUndefined()
    expect(chaine({}).position('01001')).toBeUndefined()
  })

  it('garde ses réponses jusqu’à invalider(), qui peut remplacer les données', () => {
    const stockees = new Map<string, Point>([['01001', A]])
    const positions = new PositionsCommunes({ positions: stockees, lieux: new Map() }, REF)
    expect(positions.position('01002')?.origine).toBe('code-postal')
    stockees.set('01002', B)
    expect(positions.position('01002')?.origine).toBe('code-postal')
    positions.invalider()
    expect(positions.position('01002')).toMatchObject({ latitude: 46.4, origine: 'api-geo', approximative: false })
    positions.invalider({ lieux: new Map([['02001', { lat: 49.5, lon: 3.6 }]]) })
    expect(positions.position('02001')?.origine).toBe('lieux')
    expect(positions.position('01002')?.origine).toBe('api-geo')
    positions.invalider({ positions: new Map() })
    expect(positions.position('01002')).toBeUndefined()
  })
})

describe('avec le référentiel officiel', () => {
  const chambery = { lat: 45.5661, lon: 5.9204 }

  it('Bassens partage le code postal 73000 de Chambéry ; une commune du Grand Chambéry sans voisin postal prend le centre de l’EPCI', () => {
    const ref = referentiel()
    const positions = new PositionsCommunes({ positions: new Map([['73065', chambery]]), lieux: new Map() }, ref)
    expect(positions.position('73065')).toMatchObject({ approximative: false, origine: 'api-geo' })
    expect(positions.position('73031')).toMatchObject({ latitude: chambery.lat, longitude: chambery.lon, origine: 'code-postal' })
    // La Motte-Servolex (73290): member of the Grand Chambéry, whose only known commune is Chambéry
    expect(positions.position('73179')).toMatchObject({ latitude: chambery.lat, origine: 'epci' })
    // Bourg-Saint-Maurice (73700), Tarentaise: only the département is known
    expect(positions.position('73054')).toMatchObject({ latitude: chambery.lat, origine: 'departement' })
    expect(positions.position('13201')).toBeUndefined() // Marseille 1er: nothing known in the Bouches-du-Rhône
  })
})

function closeTo(p: { latitude: number; longitude: number }) {
  return { latitude: expect.closeTo(p.latitude, 10), longitude: expect.closeTo(p.longitude, 10) }
}
