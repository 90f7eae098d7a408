import { describe, expect, it } from 'vitest'
import { aujourdhuiParis, lireDateMaj, versDateIso } from './date-maj.ts'
import { Constat } from './problems.ts'

const AUJOURDHUI = '2026-11-22'

function lire(brut: unknown, aujourdhui = AUJOURDHUI) {
  const constat = new Constat()
  const date = lireDateMaj(brut, aujourdhui, constat)
  return { date, problemes: constat.problemes }
}

describe('lireDateMaj', () => {
  it('garde une date ISO sans rien signaler', () => {
    expect(lire('2024-04-02')).toEqual({ date: '2024-04-02', problemes: [] })
    expect(lire(' 2024-04-02 ')).toEqual({ date: '2024-04-02', problemes: [] })
  })

  it('accepte la date du jour', () => {
    expect(lire(AUJOURDHUI)).toEqual({ date: AUJOURDHUI, problemes: [] })
  })

  it('convertit JJ/MM/AAAA (02/04/2024 est le 2 avril) avec une correction', () => {
    const { date, problemes } = lire('02/04/2024')
    expect(date).toBe('2024-04-02')
    expect(problemes).toHaveLength(1)
    expect(problemes[0]).toMatchObject({ niveau: 'correction', champ: 'date_maj', valeur: '02/04/2024' })
    expect(problemes[0]?.message).toContain('2024-04-02')
  })

  it.each([
    ['2/4/2024', '2024-04-02'],
    ['02-04-2024', '2024-04-02'],
    ['02.04.2024', '2024-04-02'],
    ['2024/04/02', '2024-04-02'],
    ['2024.4.2', '2024-04-02'],
  ])('convertit %j en %j avec une correction', (brut, attendu) => {
    const { date, problemes } = lire(brut)
    expect(date).toBe(attendu)
    expect(problemes.map((p) => p.niveau)).toEqual(['correction'])
  })

  it.each([['2024-02-30'], ['2023-02-29'], ['31/02/2024'], ['2024-13-01'], ['hier'], ['45383'], ['2024-4-2x']])('refuse %j (pas une vraie date) avec une erreur', (brut) => {
    const { date, problemes } = lire(brut)
    expect(date).toBeNull()
    expect(problemes).toHaveLength(1)
    expect(problemes[0]).toMatchObject({ niveau: 'erreur', champ: 'date_maj' })
    expect(problemes[0]?.message).toContain(brut)
  })

  it('accepte le 29 février d’une année bissextile', () => {
    expect(lire('2024-02-29')).toEqual({ date: '2024-02-29', problemes: [] })
  })

  it('refuse une date future avec une erreur qui donne la date du jour', () => {
    const { date, problemes } = lire('2026-11-23')
    expect(date).toBeNull()
    expect(problemes).toHaveLength(1)
    expect(problemes[0]).toMatchObject({ niveau: 'erreur', champ: 'date_maj' })
    expect(problemes[0]?.message).toContain(AUJOURDHUI)
  })

  it('refuse aussi une date future écrite JJ/MM/AAAA', () => {
    expect(lire('01/01/2027').date).toBeNull()
  })

  it.each([['1970-01-01'], ['1969-12-31']])('garde %j (valeur par défaut d’un outil) avec un avertissement', (brut) => {
    const { date, problemes } = lire(brut)
    expect(date).toBe(brut)
    expect(problemes).toHaveLength(1)
    expect(problemes[0]).toMatchObject({ niveau: 'avertissement', champ: 'date_maj' })
  })

  it('garde une date antérieure à 2000 avec un avertissement', () => {
    const { date, problemes } = lire('1999-05-05')
    expect(date).toBe('1999-05-05')
    expect(problemes.map((p) => p.niveau)).toEqual(['avertissement'])
  })

  it('convertit une date-heure UTC en date de Paris (2024-03-31T23:30:00Z → 2024-04-01)', () => {
    const { date, problemes } = lire('2024-03-31T23:30:00Z')
    expect(date).toBe('2024-04-01')
    expect(problemes.map((p) => p.niveau)).toEqual(['correction'])
  })

  it('tient compte de l’heure d’été (UTC+2) et des décalages explicites', () => {
    expect(lire('2024-06-30T22:30:00Z').date).toBe('2024-07-01')
    expect(lire('2024-06-30T21:30:00Z').date).toBe('2024-06-30')
    expect(lire('2024-12-31T23:30:00.000Z').date).toBe('2025-01-01')
    expect(lire('2024-06-30T23:30:00+02:00').date).toBe('2024-06-30')
  })

  it('prend la date écrite d’une date-heure sans fuseau', () => {
    expect(lire('2024-03-31T23:30:00').date).toBe('2024-03-31')
    expect(lire('2024-03-31 08:15:00').date).toBe('2024-03-31')
  })

  it('refuse une date-heure UTC qui tombe demain à Paris', () => {
    const { date, problemes } = lire('2026-11-22T23:30:00Z')
    expect(date).toBeNull()
    expect(problemes.map((p) => p.niveau)).toEqual(['erreur'])
  })

  it.each([[undefined], [null], [''], ['   ']])('refuse une date absente (%j) avec une erreur', (brut) => {
    const { date, problemes } = lire(brut)
    expect(date).toBeNull()
    expect(problemes.map((p) => `${p.niveau}:${p.champ}`)).toEqual(['erreur:date_maj'])
    expect(problemes[0]?.message).toMatch(/obligatoire/)
  })
})

describe('versDateIso', () => {
  it('renvoie null pour ce qui n’est pas une date réelle', () => {
    expect(versDateIso('2024-02-30')).toBeNull()
    expect(versDateIso('2024-03-31Tpas une heure')).toBeNull()
    expect(versDateIso('')).toBeNull()
    expect(versDateIso('Espace labellisé 01/01/2020')).toBeNull()
    expect(versDateIso('31/02/2020 10:00')).toBeNull()
  })

  it.each([
    ['2023-06-01T00:00:00.000Z', '2023-06-01'],
    ['2023-06-01T22:30:00.000Z', '2023-06-02'],
    ['2023-06-01 00:00:00+00', '2023-06-01'],
    ['01/02/2020', '2020-02-01'],
    ['01/02/2020 10:00', '2020-02-01'],
    ['01/02/2020 10:00:00', '2020-02-01'],
    ['2023/06/01 10:00:00', '2023-06-01'],
    ['1685570400', '2023-06-01'],
  ])('lit les écritures relevées dans les exports : %j → %j', (brut, attendu) => {
    expect(versDateIso(brut)).toBe(attendu)
  })
})

describe('aujourdhuiParis', () => {
  it('donne la date de Paris, pas celle de UTC', () => {
    expect(aujourdhuiParis(new Date('2026-11-21T23:30:00Z'))).toBe('2026-11-22')
    expect(aujourdhuiParis(new Date('2026-07-21T22:30:00Z'))).toBe('2026-07-22')
    expect(aujourdhuiParis(new Date('2026-07-21T21:30:00Z'))).toBe('2026-07-21')
  })
})
