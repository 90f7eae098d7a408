import { describe, expect, it } from 'vitest'
import { joursVersOsm, lirePlages, semaineVersOsm, texteVersOsm } from './horaires-texte.ts'
import { analyserHoraires } from './horaires.ts'

const h = (debut: string, fin: string) => {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3))
  return { debut: minutes(debut), fin: minutes(fin) }
}

describe('lirePlages (une cellule par jour)', () => {
  it.each([
    // les écritures relevées dans france-services-2022.csv
    ['09:00 - 12:00 / 13:30 - 17:00', [h('09:00', '12:00'), h('13:30', '17:00')]],
    ['09:00-12:00/14:00-17:00', [h('09:00', '12:00'), h('14:00', '17:00')]],
    ['09:00-12:00 14:00-16:30', [h('09:00', '12:00'), h('14:00', '16:30')]],
    ['08:30-12:00,13:30-17:30', [h('08:30', '12:00'), h('13:30', '17:30')]],
    ['09:00-12:30-13:30-17:00', [h('09:00', '12:30'), h('13:30', '17:00')]],
    ['08 :00-12:00/14:00-17:00', [h('08:00', '12:00'), h('14:00', '17:00')]],
    ['08:00-13:00/13 :30-17:00', [h('08:00', '13:00'), h('13:30', '17:00')]],
    ['07:30:12:30', [h('07:30', '12:30')]],
    ['9h-12h et 14h-17h30', [h('09:00', '12:00'), h('14:00', '17:30')]],
    ['14h - 24h', [h('14:00', '24:00')]],
    // une plage écrite deux fois compte une fois ; 00:00 - 00:00 est une case vide du formulaire
    ['08:45 - 16:30 / 08:45 - 16:30', [h('08:45', '16:30')]],
    ['09:00 - 12:30 / 09:00 - 12:30 / 13:30 - 16:30', [h('09:00', '12:30'), h('13:30', '16:30')]],
    ['00:00 - 00:00 / 08:30 - 16:00', [h('08:30', '16:00')]],
    ['00:00 - 00:00', []],
  ])('lit %j', (cellule, attendu) => {
    expect(lirePlages(cellule)).toEqual(attendu)
  })

  it('lit « - » et « fermé » comme un jour fermé, une cellule vide comme inconnue', () => {
    expect(lirePlages('-')).toEqual([])
    expect(lirePlages('Fermé')).toEqual([])
    expect(lirePlages('')).toBeUndefined()
    expect(lirePlages(undefined)).toBeUndefined()
  })

  it.each([['09:00-13:00-/3:00-16:00'], ['08:30 - 12:00 / 08:30 - 17:00'], ['09:00 - 16:30 / 13:30 - 16:30'], ['09:00'], ['12:00-09:00'], ['09:00-12:00/11:00-17:00'], ['25:00-26:00'], ['matin'], ['lundi 9h-12h']])(
    'refuse %j (illisible ou incohérent)',
    (cellule) => {
      expect(lirePlages(cellule)).toBeNull()
    },
  )
})

describe('semaineVersOsm', () => {
  it('regroupe les jours qui ont les mêmes plages, dans l’ordre de la semaine', () => {
    const matin = [h('09:00', '12:00')]
    expect(semaineVersOsm({ Mo: matin, Tu: matin, We: matin, Fr: matin, Sa: [h('10:00', '12:00')] })).toBe('Mo-We,Fr 09:00-12:00; Sa 10:00-12:00')
  })

  it('ne donne rien pour une semaine sans jour ouvert', () => {
    expect(semaineVersOsm({ Mo: [], Tu: [] })).toBeNull()
  })
})

describe('joursVersOsm (France Services : h_lundi… h_samedi)', () => {
  it('donne une seule chaîne OSM, validée par opening_hours', () => {
    const semaine = '09:00 - 12:00 / 13:30 - 17:00'
    const lus = joursVersOsm({ Mo: semaine, Tu: semaine, We: semaine, Th: semaine, Fr: '09:00 - 12:00 / 13:30 - 16:00', Sa: '-' })
    expect(lus).toEqual({ osm: 'Mo-Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00,13:30-16:00', illisibles: [] })
    expect(analyserHoraires(lus.osm as string).getWarnings()).toEqual([])
  })

  it('abandonne toute la semaine quand un jour est illisible, et le dit', () => {
    expect(joursVersOsm({ Mo: '09:00-12:00', Tu: '09:00-13:00-/3:00-16:00' })).toEqual({ osm: null, illisibles: ['Tu'] })
  })

  it('ne donne rien quand aucun jour n’est renseigné', () => {
    expect(joursVersOsm({ Mo: '-', Tu: '' })).toEqual({ osm: null, illisibles: [] })
  })
})

describe('texteVersOsm (texte libre)', () => {
  it.each([
    ['Lundi 9h-12h / 14h-17h', 'Mo 09:00-12:00,14:00-17:00'],
    ['du lundi au vendredi de 9h à 12h et de 14h à 17h', 'Mo-Fr 09:00-12:00,14:00-17:00'],
    ['Lundi 9h-12h - Mardi 14h-17h', 'Mo 09:00-12:00; Tu 14:00-17:00'],
    ['lundi, mardi et jeudi 9h-12h', 'Mo-Tu,Th 09:00-12:00'],
    ['mardi-jeudi 14h-17h', 'Tu-Th 14:00-17:00'],
    ['tous les jours 9h-19h', 'Mo-Su 09:00-19:00'],
    ['Du lundi au vendredi de 7h30 à 19h00. Le samedi de 8h30 à 16h30.', 'Mo-Fr 07:30-19:00; Sa 08:30-16:30'],
    // data-inclusion-2023.json
    ['lundi au vendredi 8h15-19h30 et week-end 9h-19h30', 'Mo-Fr 08:15-19:30; Sa-Su 09:00-19:30'],
    [
      'Horaires Lundi : 14h - 18h00Mardi, mercredi, jeudi : 9 h - 12 h / 13 h 15 - 18h00Vendredi : 9 h - 12 h / 13 h 15 - 17 h 30 ',
      'Mo 14:00-18:00; Tu-Th 09:00-12:00,13:15-18:00; Fr 09:00-12:00,13:15-17:30',
    ],
    ['Permanences :<ul><li>Lundi de 14h - 16h</li><li>Mardi de 10h30 - 12h</li><li>Jeudi de 14h - 16h</li></ul>', 'Mo,Th 14:00-16:00; Tu 10:30-12:00'],
    ['Du lundi au jeudi de 8h45 - 12h30 et de 13h30 - 17h30Le vendredi de 8h45 - 12h30 et de 13h30 - 16h30. ', 'Mo-Th 08:45-12:30,13:30-17:30; Fr 08:45-12:30,13:30-16:30'],
  ])('convertit %j en %j', (texte, attendu) => {
    expect(texteVersOsm(texte)).toBe(attendu)
    expect(analyserHoraires(attendu).getWarnings()).toEqual([])
  })

  it.each([
    // des exceptions, des semaines du mois, des rendez-vous : rien n’est deviné
    ['lundi au vendredi : 8h-12h, 13h30-17h30 (vendredi 16h30)'],
    ['Du lundi au vendredi : 9h - 12h / 12h30 - 16h \nfermé le mercredi'],
    [' Lundi, mardi et mercredi : 9h-12h Vendredi : 9h-12h et 13h30-17h Permanence le 2ème samedi du mois : 9h-12h '],
    ['Du Lundi au Vendredi, avec ou sans rendez-vous, de 8h45 - 12h15 et de 14h00 - 18h00.'],
    ['sur rendez-vous le lundi 9h-12h'],
    ['lundi 9h-12h sauf vacances'],
    ['mardi-jeudi-vendredi 14h-17h'],
    ['Du lundi ou vendredi de 9h - 12h et de 14h - 16h30'],
    ['De 9h - 12h et de 14h - 17h'],
    ['24h/24'],
    ['Très variables'],
    ['Lundi'],
    ['lundi 9h'],
    ['lundi 9-12'],
  ])('refuse %j', (texte) => {
    expect(texteVersOsm(texte)).toBeNull()
  })

  it('ne dit rien d’un texte absent', () => {
    expect(texteVersOsm(undefined)).toBeNull()
    expect(texteVersOsm('  ')).toBeNull()
  })
})
