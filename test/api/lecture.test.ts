/**
 * The strict reading of the API's query strings (pure): unknown and repeated parameters,
 * bounded integers, vocabularies with case and accents forgiven, the opaque cursor.
 */
import { describe, expect, it } from 'vitest'
import { ecrireCurseur, lireCurseur } from '../../src/orientation/api/curseur.ts'
import { changementsVers, lireCriteres } from '../../src/orientation/api/criteres.ts'
import { Lecture, LONGUEUR_MAX } from '../../src/orientation/api/lecture.ts'
import { CRITERES_VIDES } from '../../src/orientation/recherche.ts'
import { SERVICES } from '../../src/places/standard/enumerations.ts'
import { referentiel } from '../../src/territories/referentiel.ts'

describe('Lecture', () => {
  it('signale les paramètres inconnus et répétés, sans lire les propriétés héritées', () => {
    const lecture = new Lecture({ a: '1', b: ['1', '2'], __proto__: 'x', constructor: 'y' } as never, ['a', 'b', 'c'])
    expect(lecture.texte('a')).toBe('1')
    expect(lecture.texte('b')).toBeUndefined()
    expect(lecture.texte('c')).toBeUndefined()
    expect(lecture.problemes.map((p) => p.parametre)).toEqual(['constructor', 'b'])
  })

  it('des entiers bornés', () => {
    const lecture = new Lecture({ n: '12', m: '0', o: ' 7 ', p: '1e3' }, ['n', 'm', 'o', 'p'])
    expect(lecture.entier('n', 5, 1, 100)).toBe(12)
    expect(lecture.entier('m', 5, 1, 100)).toBe(5)
    expect(lecture.entier('o', 5, 1, 100)).toBe(7)
    expect(lecture.entier('p', 5, 1, 10_000)).toBe(5)
    expect(lecture.entier('absent', 5, 1, 100)).toBe(5)
    expect(lecture.problemes.map((p) => p.parametre)).toEqual(['m', 'p'])
  })

  it('des listes du vocabulaire : répétées, séparées par « | », casse et accents tolérés, la plus proche proposée', () => {
    const lecture = new Lecture({ s: ['aide aux demarches administratives|Loisirs et créations numériques', 'Loisirs et créations numériques'], t: 'Aide aux démarche administrative' }, ['s', 't'])
    expect(lecture.liste('s', SERVICES)).toEqual(['Aide aux démarches administratives', 'Loisirs et créations numériques'])
    expect(lecture.valide).toBe(true)
    expect(lecture.liste('t', SERVICES)).toEqual(['Aide aux démarches administratives'])
    const fautive = new Lecture({ t: 'Aide aux démarchs administratives' }, ['t'])
    expect(fautive.liste('t', SERVICES)).toEqual([])
    expect(fautive.problemes[0]?.message).toContain('Vouliez-vous dire « Aide aux démarches administratives » ?')
  })

  it('une valeur trop longue est refusée sans être répétée en entier', () => {
    const lecture = new Lecture({ q: 'x'.repeat(LONGUEUR_MAX + 1) }, ['q'])
    expect(lecture.texte('q')).toBeUndefined()
    expect(lecture.problemes[0]?.message.length).toBeLessThan(200)
  })
})

describe('critères de recherche', () => {
  const dependances = { ref: referentiel(), pointDeCommune: (code: string) => (code === '73065' ? { latitude: 45.5646, longitude: 5.9178, approximative: false } : undefined) }

  it('lit chaque critère', () => {
    const lu = lireCriteres(
      { services: 'Aide aux démarches administratives', commune: '73065', rayon: '12', frais_a_charge: 'gratuit', modalites_acces: 'Se présenter', jour: 'mardi', de: '9h', a: '12h30', territoire: '73', page: '2', par_page: '50' },
      dependances,
    )
    expect(lu.problemes).toBeUndefined()
    expect(lu.criteres).toMatchObject({
      services: ['Aide aux démarches administratives'],
      position: { latitude: 45.5646, longitude: 5.9178, approximative: false },
      rayonKm: 12,
      gratuit: true,
      sansRendezVous: true,
      ouverture: { type: 'creneau', jour: 2, debut: 9 * 60, fin: 12 * 60 + 30 },
      perimetre: { departement: '73' },
      page: 2,
      parPage: 50,
    })
  })

  it('une commune sans position connue, un rayon sans point : des messages qui disent quoi faire', () => {
    expect(lireCriteres({ commune: '73008' }, dependances).problemes?.[0]?.message).toContain('indiquez « lat » et « lon »')
    expect(lireCriteres({ rayon: '10' }, dependances).problemes?.[0]?.message).toContain('ne s’emploie qu’avec')
  })

  it('un élargissement se traduit en changement de paramètres', () => {
    const avant = { ...CRITERES_VIDES, gratuit: true, rayonKm: 5, q: 'impots', ouverture: { type: 'maintenant' as const } }
    expect(changementsVers(avant, { ...avant, rayonKm: 20 })).toEqual({ page: null, rayon: '20' })
    expect(changementsVers(avant, { ...avant, ouverture: null })).toEqual({ page: null, ouvert: null, jour: null, de: null, a: null })
    expect(changementsVers(avant, { ...avant, gratuit: false })).toEqual({ page: null, frais_a_charge: null })
  })
})

describe('curseur', () => {
  it('relit ce qu’il écrit, refuse le reste', () => {
    for (const uid of [1, 42, 123_456_789_012]) expect(lireCurseur(ecrireCurseur(uid))).toBe(uid)
    for (const faux of ['', 'abc', 'bDA', ecrireCurseur(5) + '=', Buffer.from('l01').toString('base64url'), Buffer.from('l-1').toString('base64url')]) {
      expect(lireCurseur(faux), faux).toBeUndefined()
    }
  })
})
