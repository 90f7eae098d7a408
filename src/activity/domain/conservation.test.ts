import { describe, expect, it } from 'vitest'
import { dureeLisible, limitesConservation, lireReglesConservation, REGLES_PAR_DEFAUT } from './conservation.ts'

describe('règles de conservation', () => {
  it('par défaut, les règles publiées par La Coop : 365 jours pour chacune', () => {
    expect(lireReglesConservation({})).toEqual({ identitesJours: 365, notesJours: 365, orientationsJours: 365 })
    expect(lireReglesConservation({ AIGUILLAGE_CONSERVATION_IDENTITES_JOURS: '', AIGUILLAGE_CONSERVATION_NOTES_JOURS: '  ' })).toEqual(REGLES_PAR_DEFAUT)
  })

  it('lit chaque variable', () => {
    expect(
      lireReglesConservation({ AIGUILLAGE_CONSERVATION_IDENTITES_JOURS: '730', AIGUILLAGE_CONSERVATION_NOTES_JOURS: '90', AIGUILLAGE_CONSERVATION_ORIENTATIONS_JOURS: ' 30 ' }),
    ).toEqual({ identitesJours: 730, notesJours: 90, orientationsJours: 30 })
  })

  it('refuse au démarrage une valeur qui n’est pas un nombre entier de jours, avec un message clair', () => {
    for (const brut of ['un an', '12.5', '-40', '1e3', '365j']) {
      expect(() => lireReglesConservation({ AIGUILLAGE_CONSERVATION_NOTES_JOURS: brut })).toThrow(
        `La variable d'environnement AIGUILLAGE_CONSERVATION_NOTES_JOURS vaut « ${brut} » : un nombre entier de jours est attendu (par exemple 365, la règle de La Coop).`,
      )
    }
  })

  it('refuse moins de 30 jours, et plus de cent ans', () => {
    expect(() => lireReglesConservation({ AIGUILLAGE_CONSERVATION_IDENTITES_JOURS: '29' })).toThrow(
      "La variable d'environnement AIGUILLAGE_CONSERVATION_IDENTITES_JOURS vaut 29 : une durée de conservation de moins de 30 jours est refusée",
    )
    expect(() => lireReglesConservation({ AIGUILLAGE_CONSERVATION_ORIENTATIONS_JOURS: '0' })).toThrow(/moins de 30 jours/)
    expect(() => lireReglesConservation({ AIGUILLAGE_CONSERVATION_ORIENTATIONS_JOURS: '36501' })).toThrow(/cent ans/)
    expect(lireReglesConservation({ AIGUILLAGE_CONSERVATION_ORIENTATIONS_JOURS: '30' }).orientationsJours).toBe(30)
  })

  it('les limites : un instant pour les fiches et les orientations, un jour de Paris pour les notes', () => {
    const maintenant = new Date('2026-11-22T23:30:00Z') // already the 23rd in Paris
    const l = limitesConservation({ identitesJours: 365, notesJours: 365, orientationsJours: 30 }, maintenant)
    expect(l.identitesAvant.toISOString()).toBe('2025-11-22T23:30:00.000Z')
    expect(l.notesAvant).toBe('2025-11-23')
    expect(l.orientationsAvant.toISOString()).toBe('2026-10-23T23:30:00.000Z')
  })

  it('se dit en clair', () => {
    expect(dureeLisible(365)).toBe('365 jours (1 an)')
    expect(dureeLisible(730)).toBe('730 jours (2 ans)')
    expect(dureeLisible(90)).toBe('90 jours (3 mois)')
    expect(dureeLisible(45)).toBe('45 jours')
  })
})
