import { describe, expect, it } from 'vitest'
import { lireHeure, lireHoraires } from './formulaire.ts'
import { semaineVide, type Creneau, type SemaineHoraires } from './modele.ts'

const AUJOURDHUI = '2026-06-01'
type Corps = Record<string, string | string[] | undefined>

/** A posted form: `{ 1: [['09:00', '12:00']] }` fills Monday's slot 1. */
function formulaire(jours: Record<number, Array<[string, string]>>, autres: Corps = {}): Corps {
  const corps: Corps = { horaires_mode: 'simple', horaires_osm: '', horaires_osm_origine: '' }
  for (const [jour, creneaux] of Object.entries(jours)) {
    creneaux.forEach(([de, a], i) => {
      corps[`horaires_j${jour}_c${i + 1}_de`] = de
      corps[`horaires_j${jour}_c${i + 1}_a`] = a
    })
  }
  return { ...corps, ...autres }
}

const lire = (corps: Corps) => lireHoraires(corps, AUJOURDHUI)
const messages = (corps: Corps) => lire(corps).erreurs
const c = (de: string, a: string): Creneau => ({ de, a })
function semaine(jours: Creneau[][], autre: Partial<SemaineHoraires> = {}): SemaineHoraires {
  return { jours: Array.from({ length: 7 }, (_, i) => jours[i] ?? []), feriesFermes: false, fermetures: [], ...autre }
}

describe('lireHeure', () => {
  it.each([
    ['09:00', '09:00'],
    ['9:00', '09:00'],
    ['9h', '09:00'],
    ['9h30', '09:30'],
    ['09h00', '09:00'],
    ['9 h 30', '09:30'],
    ['14H15', '14:15'],
    ['14.30', '14:30'],
    ['17', '17:00'],
    ['09:00:00', '09:00'],
    ['24:00', '24:00'],
  ])('lit %j comme %j', (brut, heure) => {
    expect(lireHeure(brut)).toBe(heure)
  })

  it.each([['25:00'], ['9h75'], ['24:30'], ['midi'], ['9h3'], ['9-12'], ['']])('refuse %j', (brut) => {
    expect(lireHeure(brut)).toBeUndefined()
  })
})

describe('lireHoraires, saisie par jour', () => {
  it('lit une semaine ordinaire, regroupée, avec les jours fériés et une fermeture en JJ/MM/AAAA', () => {
    const semaineDeTravail = Object.fromEntries([1, 2, 3, 4, 5].map((j) => [j, [['09:00', '12:00'], ['14:00', '17:00']] as Array<[string, string]>]))
    const corps = formulaire({ ...semaineDeTravail, 6: [['9h', '12h']] }, { horaires_feries_fermes: '1', horaires_fermeture1_du: '03/08/2026', horaires_fermeture1_au: '2026-08-21' })
    expect(lire(corps)).toEqual({
      semaine: semaine([...Array.from({ length: 5 }, () => [c('09:00', '12:00'), c('14:00', '17:00')]), [c('09:00', '12:00')]], {
        feriesFermes: true,
        fermetures: [{ du: '2026-08-03', au: '2026-08-21' }],
      }),
      osm: 'Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off; 2026 Aug 03-2026 Aug 21 off',
      erreurs: [],
      avance: false,
    })
  })

  it('trie les créneaux d’un jour, ignore un créneau vide au milieu, lit 00:00 en fin comme minuit', () => {
    const lu = lire(formulaire({ 3: [['14:00', '17:00'], ['', ''], ['9h30', '12h']], 5: [['18:00', '00:00']] }))
    expect(lu.osm).toBe('We 09:30-12:00,14:00-17:00; Fr 18:00-24:00')
    expect(lu.semaine?.jours[2]).toEqual([c('09:30', '12:00'), c('14:00', '17:00')])
    expect(lu.erreurs).toEqual([])
  })

  it('rend une semaine vide et une chaîne vide quand rien n’est rempli, même la case des jours fériés cochée', () => {
    expect(lire(formulaire({}, { horaires_feries_fermes: '1' }))).toEqual({ semaine: semaineVide(), osm: '', erreurs: [], avance: false })
  })

  it('prend la première valeur d’un champ envoyé deux fois', () => {
    expect(lire(formulaire({}, { horaires_j1_c1_de: ['10:00', '11:00'], horaires_j1_c1_a: ['12:00'] })).osm).toBe('Mo 10:00-12:00')
  })

  it('signale chaque problème de créneau, avec le jour et le numéro du créneau', () => {
    const corps = formulaire({
      1: [['09:00', '12:00'], ['14:00', '12:00']],
      2: [['09:00', '']],
      3: [['09:00', '12:00'], ['11:00', '13:00']],
      4: [['', '12:00'], ['25h', '9h75']],
      5: [['22:00', '02:00'], ['24:00', '24:00']],
      7: [['10:00', '10:00']],
    })
    expect(messages(corps)).toEqual([
      { champ: 'horaires_j1_c2_a', message: 'Lundi, créneau 2 : l’heure de fin (12:00) doit être après l’heure de début (14:00).' },
      { champ: 'horaires_j2_c1_a', message: 'Mardi, créneau 1 : indiquez aussi l’heure de fin.' },
      { champ: 'horaires_j3_c2_de', message: 'Mercredi : les créneaux 1 et 2 se chevauchent.' },
      { champ: 'horaires_j4_c1_de', message: 'Jeudi, créneau 1 : indiquez aussi l’heure de début.' },
      { champ: 'horaires_j4_c2_de', message: 'Jeudi, créneau 2 : l’heure de début « 25h » n’est pas une heure valide (écrivez-la par exemple 09:00 ou 9h30).' },
      { champ: 'horaires_j4_c2_a', message: 'Jeudi, créneau 2 : l’heure de fin « 9h75 » n’est pas une heure valide (écrivez-la par exemple 17:00 ou 17h30).' },
      {
        champ: 'horaires_j5_c1_a',
        message: 'Vendredi, créneau 1 : un créneau ne peut pas passer minuit (de 22:00 à 02:00). Indiquez de 22:00 à 00:00, puis le lendemain un créneau de 00:00 à 02:00.',
      },
      { champ: 'horaires_j5_c2_de', message: 'Vendredi, créneau 2 : l’heure de début « 24:00 » n’est pas une heure valide (écrivez-la par exemple 09:00 ou 9h30).' },
      { champ: 'horaires_j7_c1_a', message: 'Dimanche, créneau 1 : l’heure de fin (10:00) doit être après l’heure de début (10:00).' },
    ])
  })

  it('signale chaque paire de créneaux qui se chevauchent, sur le créneau qui vient après', () => {
    expect(messages(formulaire({ 6: [['09:00', '18:00'], ['10:00', '11:00'], ['17:00', '19:00']] }))).toEqual([
      { champ: 'horaires_j6_c2_de', message: 'Samedi : les créneaux 1 et 2 se chevauchent.' },
      { champ: 'horaires_j6_c3_de', message: 'Samedi : les créneaux 1 et 3 se chevauchent.' },
    ])
    expect(messages(formulaire({ 6: [['09:00', '12:00'], ['12:00', '14:00']] }))).toEqual([])
  })

  it('rend le formulaire tel que saisi quand il y a des erreurs, chaque créneau à sa place', () => {
    const corps = formulaire({ 1: [['14:00', '17:00'], ['', ''], ['9h', 'midi']] }, { horaires_osm: 'Mo 10:00-11:00', horaires_osm_origine: 'Mo 10:00-11:00', horaires_fermeture2_du: '24/12/2026', horaires_fermeture2_au: '' })
    const lu = lire(corps)
    expect(lu.semaine).toEqual(
      semaine([[c('14:00', '17:00'), c('', ''), c('09:00', 'midi')]], { fermetures: [{ du: '', au: '' }, { du: '2026-12-24', au: '' }] }),
    )
    expect(lu.osm).toBe('Mo 10:00-11:00')
    expect(lu.erreurs.map((e) => e.champ)).toEqual(['horaires_j1_c3_a', 'horaires_fermeture2_au'])
  })

  it('signale chaque problème de fermeture exceptionnelle', () => {
    const corps = formulaire(
      { 1: [['09:00', '12:00']] },
      { horaires_fermeture1_du: '2026-08-21', horaires_fermeture1_au: '2026-08-03', horaires_fermeture2_du: '31/02/2026', horaires_fermeture2_au: '' },
    )
    expect(messages(corps)).toEqual([
      { champ: 'horaires_fermeture1_au', message: 'Fermeture exceptionnelle 1 : la date de fin doit être après la date de début.' },
      { champ: 'horaires_fermeture2_du', message: 'Fermeture exceptionnelle 2 : la date de début « 31/02/2026 » n’est pas une date valide (écrivez-la au format JJ/MM/AAAA).' },
      { champ: 'horaires_fermeture2_au', message: 'Fermeture exceptionnelle 2 : indiquez aussi la date de fin (la même que celle de début pour un seul jour).' },
    ])
    expect(messages(formulaire({ 1: [['09:00', '12:00']] }, { horaires_fermeture1_du: '', horaires_fermeture1_au: 'demain' }))).toEqual([
      { champ: 'horaires_fermeture1_du', message: 'Fermeture exceptionnelle 1 : indiquez aussi la date de début.' },
      { champ: 'horaires_fermeture1_au', message: 'Fermeture exceptionnelle 1 : la date de fin « demain » n’est pas une date valide (écrivez-la au format JJ/MM/AAAA).' },
    ])
  })

  it('refuse une fermeture déjà passée, et une fermeture sans horaires d’ouverture', () => {
    expect(messages(formulaire({ 1: [['09:00', '12:00']] }, { horaires_fermeture1_du: '2026-05-01', horaires_fermeture1_au: '2026-05-08' }))).toEqual([
      { champ: 'horaires_fermeture1_au', message: 'Fermeture exceptionnelle 1 : cette fermeture est déjà passée (elle finissait le 08/05/2026) ; effacez ses dates.' },
    ])
    expect(lire(formulaire({ 1: [['09:00', '12:00']] }, { horaires_fermeture1_du: '2026-05-01', horaires_fermeture1_au: '2026-06-01' })).osm).toBe('Mo 09:00-12:00; 2026 May 01-2026 Jun 01 off')
    // a closure of the value shown that has run its course is dropped, the others kept
    const origine = 'Mo 09:00-12:00; 2026 May 01-2026 May 08 off; 2026 Aug 03-2026 Aug 21 off'
    const deja = { horaires_osm: origine, horaires_osm_origine: origine }
    const deux = { horaires_fermeture1_du: '2026-05-01', horaires_fermeture1_au: '2026-05-08', horaires_fermeture2_du: '2026-08-03', horaires_fermeture2_au: '2026-08-21' }
    expect(lire(formulaire({ 1: [['09:00', '12:00']] }, { ...deja, ...deux }))).toMatchObject({ osm: 'Mo 09:00-12:00; 2026 Aug 03-2026 Aug 21 off', erreurs: [] })
    expect(messages(formulaire({ 1: [['09:00', '12:00']] }, { ...deja, ...deux, horaires_fermeture1_au: '2026-05-09' })).map((e) => e.champ)).toEqual(['horaires_fermeture1_au'])
    expect(messages(formulaire({}, { horaires_fermeture2_du: '2026-08-03', horaires_fermeture2_au: '2026-08-03' }))).toEqual([
      { champ: 'horaires_fermeture2_du', message: 'Fermetures exceptionnelles : indiquez aussi les horaires d’ouverture ; une fermeture ne peut pas être enregistrée sans eux.' },
    ])
  })

  it('signale un texte OpenStreetMap modifié alors que la saisie par jour est choisie', () => {
    const corps = formulaire({ 1: [['09:00', '12:00']] }, { horaires_osm: 'Mo-Sa 09:00-12:00', horaires_osm_origine: 'Mo 09:00-12:00' })
    expect(lire(corps)).toMatchObject({ osm: 'Mo-Sa 09:00-12:00', avance: false, erreurs: [{ champ: 'horaires_mode' }] })
    expect(lire(corps).erreurs[0]?.message).toBe(
      'Saisie avancée : vous avez modifié le texte au format OpenStreetMap, mais c’est la saisie par jour qui est choisie. Pour enregistrer ce texte, choisissez la saisie avancée ; pour garder la saisie par jour, envoyez à nouveau le formulaire.',
    )
    // sent again as shown: the simple entry wins
    expect(lire({ ...corps, horaires_osm_origine: 'Mo-Sa 09:00-12:00' })).toMatchObject({ osm: 'Mo 09:00-12:00', erreurs: [] })
    // a form without the hidden field (another page) is not checked
    expect(lire({ ...corps, horaires_osm_origine: undefined }).erreurs).toEqual([])
  })
})

describe('lireHoraires, saisie avancée', () => {
  const avance = (osm: string) => lire({ horaires_mode: 'avance', horaires_osm: osm, horaires_j1_c1_de: '08:00', horaires_j1_c1_a: '09:00' })

  it('garde le texte, sans espaces autour, et la semaine quand l’éditeur peut la montrer', () => {
    expect(avance('  Mo-Fr 09:00-12:00, 14:00-17:00 ')).toEqual({
      semaine: semaine(Array.from({ length: 5 }, () => [c('09:00', '12:00'), c('14:00', '17:00')])),
      osm: 'Mo-Fr 09:00-12:00, 14:00-17:00',
      erreurs: [],
      avance: true,
    })
  })

  it('garde un texte valide trop complexe pour la saisie par jour, sans semaine', () => {
    expect(avance('week 1-53/2 Mo 09:00-12:00; PH off')).toEqual({ semaine: undefined, osm: 'week 1-53/2 Mo 09:00-12:00; PH off', erreurs: [], avance: true })
    expect(avance('Mo-Fr 08:00-18:00 "sur rendez-vous"').erreurs).toEqual([])
  })

  it('rend une semaine vide pour un texte vide', () => {
    expect(avance('')).toEqual({ semaine: semaineVide(), osm: '', erreurs: [], avance: true })
  })

  it('refuse un texte illisible, en disant où', () => {
    expect(avance('lundi 9h').erreurs).toEqual([
      {
        champ: 'horaires_osm',
        message:
          'Horaires (format OpenStreetMap) : ce texte ne peut pas être lu ; à « lundi 9h », caractère inattendu : "number" — la syntaxe à cet endroit n\'a pas pu être reconnue. Par exemple : Mo-Fr 09:00-12:00,14:00-17:00; PH off.',
      },
    ])
    expect(avance('Mo-Fr 25:00-26:00')).toMatchObject({ semaine: undefined, erreurs: [{ champ: 'horaires_osm' }] })
  })

  it('refuse un texte lu avec des remarques, chacune, avec la correction proposée quand elle existe', () => {
    expect(avance('Mo-Fr 09:00-12:00;').erreurs).toEqual([
      {
        champ: 'horaires_osm',
        message: expect.stringMatching(/^Horaires \(format OpenStreetMap\) : à « Mo-Fr 09:00-12:00; », cette règle ne contient rien d'utile\. .* Proposition : « Mo-Fr 09:00-12:00 »\.$/),
      },
    ])
    expect(avance('Mo-Fr 09:00-12:00; 2020 Aug 03-2020 Aug 21 off; 2021 Jan 01 off').erreurs.map((e) => e.message)).toEqual([
      'Horaires (format OpenStreetMap) : à « Mo-Fr 09:00-12:00; 2020 Aug 03-2020 », cette plage de dates est entièrement dans le passé.',
      'Horaires (format OpenStreetMap) : à « …2020 Aug 03-2020 Aug 21 off; 2021 Jan 01 », cette date est dans le passé.',
    ])
  })
})
