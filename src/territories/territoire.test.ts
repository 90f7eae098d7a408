import { describe, expect, it } from 'vitest'
import { referentiel } from './referentiel.ts'
import { lireTerritoire, TerritoireInconnuError } from './territoire.ts'

const ref = referentiel()
const lire = (texte: string) => lireTerritoire(texte, ref)

function erreur(texte: string): TerritoireInconnuError {
  try {
    lire(texte)
  } catch (e) {
    expect(e).toBeInstanceOf(TerritoireInconnuError)
    return e as TerritoireInconnuError
  }
  throw new Error(`« ${texte} » aurait dû être refusé`)
}

describe('lireTerritoire : codes', () => {
  it('lit le code INSEE d’une commune', () => {
    expect(lire('73065')).toEqual({ type: 'commune', code: '73065', nom: 'Chambéry', communes: ['73065'] })
  })

  it('inclut les 20 arrondissements de Paris pour 75056', () => {
    const paris = lire('75056')
    expect(paris).toMatchObject({ type: 'commune', code: '75056', nom: 'Paris' })
    expect(paris.communes).toHaveLength(21)
    expect(paris.communes).toEqual(expect.arrayContaining(['75056', '75101', '75115', '75120']))
  })

  it('inclut les arrondissements de Lyon et de Marseille', () => {
    expect(lire('69123').communes).toHaveLength(10)
    expect(lire('13055').communes).toHaveLength(17)
  })

  it.each([
    ['73', 'Savoie'],
    ['2A', 'Corse-du-Sud'],
    ['2a', 'Corse-du-Sud'],
    ['2B', 'Haute-Corse'],
    ['974', 'La Réunion'],
  ])('lit le département %j', (code, nom) => {
    expect(lire(code)).toMatchObject({ type: 'departement', code: code.toUpperCase(), nom })
  })

  it.each([
    ['988', 'Nouvelle-Calédonie'],
    ['Nouvelle-Calédonie', 'Nouvelle-Calédonie'],
  ])('lit la collectivité d’outre-mer %j sans la déclarer ambiguë (département et « région » y sont le même territoire)', (texte, nom) => {
    expect(lire(texte)).toMatchObject({ nom })
  })

  it('lit une région avec son préfixe', () => {
    expect(lire('region:84')).toMatchObject({ type: 'region', code: '84', nom: 'Auvergne-Rhône-Alpes' })
    expect(lire('reg:11')).toMatchObject({ type: 'region', code: '11', nom: 'Île-de-France' })
    expect(lire('région : 84')).toMatchObject({ type: 'region', code: '84' })
  })

  it('lit un département avec son préfixe', () => {
    expect(lire('departement:84')).toMatchObject({ type: 'departement', code: '84', nom: 'Vaucluse' })
    expect(lire('dep:2a')).toMatchObject({ type: 'departement', code: '2A' })
    expect(lire('département:73')).toMatchObject({ type: 'departement', code: '73' })
  })

  it('refuse le code ambigu 84 en nommant les deux possibilités', () => {
    const e = erreur('84')
    expect(e.message).toContain('departement:84')
    expect(e.message).toContain('Vaucluse')
    expect(e.message).toContain('region:84')
    expect(e.message).toContain('Auvergne-Rhône-Alpes')
  })

  it('refuse aussi « 1 » / « 01 » (Ain ou Guadeloupe)', () => {
    expect(erreur('01').message).toMatch(/Ain.*Guadeloupe|Guadeloupe.*Ain/)
    expect(erreur('1').message).toContain('departement:01')
  })

  it('lit le SIREN d’un EPCI avec ses communes membres', () => {
    const epci = lire('200069110')
    expect(epci).toMatchObject({ type: 'epci', code: '200069110', nom: 'CA du Grand Chambéry' })
    expect(epci.communes).toContain('73065')
    expect(epci.communes.length).toBeGreaterThan(30)
    expect(lire('epci:200069110').code).toBe('200069110')
  })
})

describe('lireTerritoire : noms', () => {
  it('lit un nom de département, de région, de commune ou d’EPCI', () => {
    expect(lire('Savoie')).toMatchObject({ type: 'departement', code: '73' })
    expect(lire('savoie')).toMatchObject({ type: 'departement', code: '73' })
    expect(lire('Auvergne-Rhône-Alpes')).toMatchObject({ type: 'region', code: '84' })
    expect(lire('auvergne rhone alpes')).toMatchObject({ type: 'region', code: '84' })
    expect(lire('Chambéry')).toMatchObject({ type: 'commune', code: '73065' })
    expect(lire('CA du Grand Chambéry')).toMatchObject({ type: 'epci', code: '200069110' })
  })

  it('lit un nom avec préfixe', () => {
    expect(lire('commune:Chambéry')).toMatchObject({ type: 'commune', code: '73065' })
  })
})

describe('lireTerritoire : erreurs', () => {
  it('refuse un territoire inconnu avec une explication en français', () => {
    const e = erreur('nimportequoi')
    expect(e.message).toContain('nimportequoi')
    expect(e.message).toMatch(/inconnu/)
  })

  it('refuse un préfixe inconnu', () => {
    expect(erreur('foo:73').message).toMatch(/Préfixe/)
  })

  it('refuse un code qui n’existe pas sous le préfixe demandé', () => {
    erreur('region:73')
    erreur('commune:99999')
  })
})
