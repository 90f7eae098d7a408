/**
 * The small pieces pages are made of: French phone numbers, dates, hours of the week, page
 * numbers, accepted encodings.
 */
import { describe, expect, it } from 'vitest'
import { dateLongue, lienCourriel, lienTelephone, lienWeb, telephoneLisible } from '../../src/places/pages/format.ts'
import { semaineHoraires } from '../../src/places/pages/horaires.ts'
import { lirePage } from '../../src/places/pages/routes.ts'
import { urlListe } from '../../src/places/pages/liste.tsx'
import { encodageAccepte } from '../../src/platform/http/compression.ts'
import { numerosDePages } from '../../src/platform/ui/navigation.tsx'

const espaces = (t: string) => t.replace(/\u00a0/g, ' ')

describe('format', () => {
  it('téléphone au format national français, indicatif gardé ailleurs', () => {
    expect(telephoneLisible('+33479311919')).toBe('04 79 31 19 19')
    expect(telephoneLisible('+262262123456')).toBe('02 62 12 34 56')
    expect(telephoneLisible('+687281234')).toBe('+687 28 12 34')
    expect(telephoneLisible('n’importe quoi')).toBe('n’importe quoi')
  })

  it('dates longues en français, « 1er » pour le premier du mois', () => {
    expect(dateLongue('2024-04-02')).toBe('2 avril 2024')
    expect(dateLongue('2024-05-01')).toBe('1er mai 2024')
    expect(dateLongue('pas une date')).toBe('pas une date')
  })

  it('liens : web en http(s) seulement, courriel et téléphone vérifiés', () => {
    expect(lienWeb('https://exemple.example/a?b=1')).toBe('https://exemple.example/a?b=1')
    expect(lienWeb('javascript:alert(1)')).toBeNull()
    expect(lienWeb('data:text/html,x')).toBeNull()
    expect(lienCourriel('a@b.example')).toBe('mailto:a@b.example')
    expect(lienCourriel('"><script>@x.example')).toBeNull()
    expect(lienTelephone('+33479311919')).toBe('tel:+33479311919')
    expect(lienTelephone('javascript:alert(1)')).toBeNull()
  })
})

describe('horaires de la semaine', () => {
  it('du lundi au dimanche, créneaux en français, jour férié signalé quand les horaires le prévoient', () => {
    // Jeudi 14 mai 2026 : Ascension.
    const semaine = semaineHoraires('Mo-Fr 09:00-12:00,14:00-17:30; PH off', '2026-05-14')
    expect(semaine?.debut).toBe('2026-05-11')
    expect(semaine?.fin).toBe('2026-05-17')
    const jours = semaine?.jours.map((j) => [j.nom, j.creneaux.map(espaces).join(', '), j.ferie, j.aujourdhui])
    expect(jours).toEqual([
      ['Lundi', '9 h – 12 h, 14 h – 17 h 30', false, false],
      ['Mardi', '9 h – 12 h, 14 h – 17 h 30', false, false],
      ['Mercredi', '9 h – 12 h, 14 h – 17 h 30', false, false],
      ['Jeudi', '', true, true],
      ['Vendredi', '9 h – 12 h, 14 h – 17 h 30', false, false],
      ['Samedi', '', false, false],
      ['Dimanche', '', false, false],
    ])
  })

  it('minuit, commentaires, « 24/7 », valeur illisible', () => {
    const nuit = semaineHoraires('Fr 22:00-02:00', '2026-05-11')
    expect(nuit?.jours[4]?.creneaux.map(espaces)).toEqual(['22 h – 24 h'])
    expect(nuit?.jours[5]?.creneaux.map(espaces)).toEqual(['0 h – 2 h'])
    expect(semaineHoraires('Mo 09:00-12:00 "sur rendez-vous"', '2026-05-11')?.jours[0]?.creneaux.map(espaces)).toEqual([
      '9 h – 12 h (sur rendez-vous)',
    ])
    expect(semaineHoraires('24/7', '2026-05-11')?.jours.every((j) => j.creneaux[0] === 'Toute la journée')).toBe(true)
    expect(semaineHoraires('Lundi au vendredi de 9h à 12h, sauf exceptions')).toBeNull()
  })

  it('la semaine qui change de mois et d’année', () => {
    const semaine = semaineHoraires('Mo-Su 10:00-11:00', '2026-01-01')
    expect(semaine?.debut).toBe('2025-12-29')
    expect(semaine?.fin).toBe('2026-01-04')
  })
})

describe('liste et pagination', () => {
  it('numéro de page : entier positif borné, sinon 1', () => {
    expect(lirePage('3')).toBe(3)
    for (const v of ['', 'abc', '0', '-1', '1.5', '1e3', '99999999999999999999']) expect(lirePage(v), v).toBe(1)
  })

  it('adresse de la liste : seulement les paramètres utiles', () => {
    expect(urlListe({ q: '', territoire: '', page: 1 })).toBe('/lieux')
    expect(urlListe({ q: 'Saint-Jean & co', territoire: '73', page: 2 })).toBe('/lieux?q=Saint-Jean+%26+co&territoire=73&page=2')
  })

  it('numéros montrés : premier, dernier, deux autour de la page courante', () => {
    expect(numerosDePages(1, 1)).toEqual([1])
    expect(numerosDePages(1, 10)).toEqual([1, 2, 3, null, 10])
    expect(numerosDePages(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12])
  })

  it('encodage accepté : br, puis gzip, jamais un encodage refusé (q=0)', () => {
    expect(encodageAccepte('gzip, deflate, br')).toBe('br')
    expect(encodageAccepte('gzip;q=1.0, br;q=0')).toBe('gzip')
    expect(encodageAccepte('identity')).toBeUndefined()
    // pages, compressed on each request, prefer gzip (cheaper for the same size)
    expect(encodageAccepte('gzip, deflate, br', ['gzip', 'br'])).toBe('gzip')
    expect(encodageAccepte('br', ['gzip', 'br'])).toBe('br')
    expect(encodageAccepte('*', ['gzip', 'br'])).toBe('gzip')
    expect(encodageAccepte(undefined)).toBeUndefined()
  })
})
