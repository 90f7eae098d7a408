import { describe, expect, it } from 'vitest'
import { analyserHoraires, lireHoraires } from './horaires.ts'
import { Constat } from './problems.ts'

function lire(brut: unknown) {
  const constat = new Constat()
  const horaires = lireHoraires(brut, constat)
  return { horaires, problemes: constat.problemes }
}

describe('lireHoraires', () => {
  it.each([
    ['Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00'],
    ['Mo-Fr 08:30-12:30; PH off'],
    ['Tu,Th 14:00-18:00; We 10:00-12:00,14:00-18:00'],
    ['24/7'],
    ['week 1-53/2 Mo 09:00-12:00'],
    ['Mo-Fr 08:00-18:00 "sur rendez-vous"'],
  ])('garde %j, valeur OSM valide, sans rien signaler', (valeur) => {
    expect(lire(valeur)).toEqual({ horaires: valeur, problemes: [] })
  })

  it('accepte « PH off » seul', () => {
    expect(lire('PH off')).toEqual({ horaires: 'PH off', problemes: [] })
  })

  it('réécrit « Lundi 9h-12h » en « Mo 09:00-12:00 » avec une correction', () => {
    const { horaires, problemes } = lire('Lundi 9h-12h')
    expect(horaires).toBe('Mo 09:00-12:00')
    expect(problemes).toHaveLength(1)
    expect(problemes[0]).toMatchObject({ niveau: 'correction', champ: 'horaires', valeur: 'Lundi 9h-12h' })
    expect(problemes[0]?.message).toContain('Mo 09:00-12:00')
  })

  it('réécrit le jour « Sun » (écrit par le pipeline national) en « Su »', () => {
    const { horaires, problemes } = lire('Mo-Fr 09:00-12:00; Sun off')
    expect(horaires).toBe('Mo-Fr 09:00-12:00; Su off')
    expect(problemes.map((p) => p.niveau)).toEqual(['correction'])
  })

  it.each([['Mo-Sun 00:00-00:00'], ['Mo-Su 00:00-24:00']])('réécrit %j en « 24/7 » avec une correction', (valeur) => {
    const { horaires, problemes } = lire(valeur)
    expect(horaires).toBe('24/7')
    expect(problemes).toHaveLength(1)
    expect(problemes[0]).toMatchObject({ niveau: 'correction', champ: 'horaires' })
  })

  it('abandonne « :undefined-17:00 » avec un avertissement en français', () => {
    const { horaires, problemes } = lire(':undefined-17:00')
    expect(horaires).toBeNull()
    expect(problemes).toHaveLength(1)
    expect(problemes[0]).toMatchObject({ niveau: 'avertissement', champ: 'horaires', valeur: ':undefined-17:00' })
    expect(problemes[0]?.message).toMatch(/OpenStreetMap/)
    expect(problemes[0]?.message).toContain(':undefined-17:00')
  })

  it('abandonne du texte libre ambigu avec un avertissement qui dit que le texte est gardé', () => {
    const { horaires, problemes } = lire('lundi au vendredi : 8h-12h, 13h30-17h30 (vendredi 16h30)')
    expect(horaires).toBeNull()
    expect(problemes.map((p) => p.niveau)).toEqual(['avertissement'])
    expect(problemes[0]?.message).toMatch(/texte libre.*sans ambiguïté.*enregistrement source/)
  })

  it.each([
    ['Du lundi au vendredi de 9h00 - 12h30 et de 14h00 - 17h.', 'Mo-Fr 09:00-12:30,14:00-17:00'],
    ['du lundi au vendredi de 9h à 12h et de 14h à 17h', 'Mo-Fr 09:00-12:00,14:00-17:00'],
    ['Lundi 9h-12h / 14h-17h', 'Mo 09:00-12:00,14:00-17:00'],
    // data-inclusion-2023.json
    ['Lundi : 8h30-12h ; Mardi à Vendredi : 8h30-12h/14h-17h ; Samedi : 9h-11h', 'Mo 08:30-12:00; Tu-Fr 08:30-12:00,14:00-17:00; Sa 09:00-11:00'],
    ["Horaires d'ouverture :Du lundi au vendredi9h/12h - 14h/17h", 'Mo-Fr 09:00-12:00,14:00-17:00'],
  ])('convertit le texte libre %j en %j avec une correction', (brut, attendu) => {
    const { horaires, problemes } = lire(brut)
    expect(horaires).toBe(attendu)
    expect(problemes).toHaveLength(1)
    expect(problemes[0]).toMatchObject({ niveau: 'correction', champ: 'horaires' })
    expect(problemes[0]?.message).toContain(attendu)
    expect(analyserHoraires(attendu).getWarnings()).toEqual([])
  })

  it('ne dit rien d’horaires absents', () => {
    expect(lire(undefined)).toEqual({ horaires: null, problemes: [] })
    expect(lire('')).toEqual({ horaires: null, problemes: [] })
  })

  it('nettoie le HTML avant d’analyser', () => {
    expect(lire('Mo-Fr 09:00-12:00<br>').horaires).toBe('Mo-Fr 09:00-12:00')
  })

  it('tout résultat non nul est lisible sans remarque par opening_hours', () => {
    for (const valeur of ['Lundi 9h-12h', 'Mo-Fr 09:00-12:00; Sun off', 'lundi-vendredi 9h-17h', 'Mo-Sun 00:00-00:00']) {
      const { horaires } = lire(valeur)
      expect(horaires).not.toBeNull()
      expect(analyserHoraires(horaires as string).getWarnings()).toEqual([])
    }
  })
})

describe('lireHoraires : cache des verdicts', () => {
  it('signale les problèmes à chaque appel, pas seulement au premier', () => {
    const premier = new Constat()
    const second = new Constat()
    expect(lireHoraires('Mardi 14h-17h', premier)).toBe('Tu 14:00-17:00')
    expect(lireHoraires('Mardi 14h-17h', second)).toBe('Tu 14:00-17:00')
    expect(premier.problemes).toHaveLength(1)
    expect(second.problemes).toEqual(premier.problemes)
  })

  it('signale aussi à chaque appel un avertissement mis en cache', () => {
    const premier = new Constat()
    const second = new Constat()
    expect(lireHoraires(':undefined-18:00', premier)).toBeNull()
    expect(lireHoraires(':undefined-18:00', second)).toBeNull()
    expect(premier.problemes.map((p) => p.niveau)).toEqual(['avertissement'])
    expect(second.problemes.map((p) => p.niveau)).toEqual(['avertissement'])
  })

  it('rapporte la valeur reçue de chaque appel, même quand le verdict vient du cache', () => {
    const premier = new Constat()
    const second = new Constat()
    lireHoraires('Mercredi 9h-12h', premier)
    lireHoraires('Mercredi 9h-12h<br>', second)
    expect(premier.problemes[0]?.valeur).toBe('Mercredi 9h-12h')
    expect(second.problemes[0]?.valeur).toBe('Mercredi 9h-12h<br>')
  })

  it('ne rapporte rien, à aucun appel, pour une valeur valide', () => {
    for (let i = 0; i < 3; i++) {
      const constat = new Constat()
      expect(lireHoraires('Mo-Fr 10:00-12:00', constat)).toBe('Mo-Fr 10:00-12:00')
      expect(constat.problemes).toEqual([])
    }
  })
})
