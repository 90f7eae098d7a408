import { describe, expect, it } from 'vitest'
import { ajouterMois, dernierDuMois, fenetres, lireFiltres, requeteDesFiltres } from './filtres.ts'

describe('fenêtres d’une demande', () => {
  it('par défaut : 12 mois jusqu’à aujourd’hui, lus dans les cumuls', () => {
    const f = fenetres({}, '2025-11-22')
    expect(f.periode).toEqual({ du: '2024-12-01', au: '2025-11-22' })
    expect(f.mois).toEqual({ du: '2024-12-01', au: '2025-11-01' })
    expect(f.moisSerie).toHaveLength(12)
    expect(f.moisSerie[0]).toBe('2024-12-01')
    expect(f.moisSerie[11]).toBe('2025-11-01')
    expect(f.jours).toEqual({ du: '2025-10-24', au: '2025-11-22' })
    expect(f.cumulable).toBe(true)
  })

  it('des mois entiers se lisent dans les cumuls ; une période coupée ou une thématique, dans les activités', () => {
    expect(fenetres({ du: '2025-01-01', au: '2025-03-31' }, '2025-11-22').cumulable).toBe(true)
    expect(fenetres({ du: '2025-01-01', au: '2025-03-30' }, '2025-11-22').cumulable).toBe(false)
    expect(fenetres({ du: '2025-01-02', au: '2025-03-31' }, '2025-11-22').cumulable).toBe(false)
    expect(fenetres({ du: '2025-01-01', au: '2025-03-31', thematique: 'email' }, '2025-11-22').cumulable).toBe(false)
    // a period ending today covers its month as far as data goes (no activity in the future)
    expect(fenetres({ du: '2025-11-01', au: '2025-11-22' }, '2025-11-22').cumulable).toBe(true)
  })

  it('les 30 derniers jours ne sortent pas de la période ; la série finit avec elle', () => {
    const f = fenetres({ du: '2025-02-20', au: '2025-03-05' }, '2025-11-22')
    expect(f.jours).toEqual({ du: '2025-02-20', au: '2025-03-05' })
    expect(f.serie).toEqual({ du: '2024-04-01', au: '2025-03-05' })
  })

  it('compte les mois et les fins de mois, années bissextiles comprises', () => {
    expect(ajouterMois('2025-01-31', 1)).toBe('2025-02-01')
    expect(ajouterMois('2025-01-15', -13)).toBe('2023-12-01')
    expect(dernierDuMois('2024-02-10')).toBe('2024-02-29')
    expect(dernierDuMois('2025-12-01')).toBe('2025-12-31')
  })
})

describe('lecture des filtres', () => {
  it('lit chaque filtre et refait la même adresse', () => {
    const requete = { du: '2025-01-01', au: '2025-06-30', types: 'collectif', mediateur: '12', lieu: '345', commune: '2a004', thematique: 'logement' }
    const { filtres, erreurs } = lireFiltres(requete, '2025-11-22')
    expect(erreurs).toEqual([])
    expect(filtres).toEqual({ du: '2025-01-01', au: '2025-06-30', types: ['collectif'], mediateur: 12, lieu: 345, commune: '2A004', thematique: 'logement' })
    expect(requeteDesFiltres(filtres, { perimetre: 'lieux' })).toBe('?du=2025-01-01&au=2025-06-30&types=collectif&mediateur=12&lieu=345&commune=2A004&thematique=logement&perimetre=lieux')
  })

  it('les deux types ou aucun : pas de filtre ; un mois se lit comme des jours', () => {
    expect(lireFiltres({ types: ['individuel', 'collectif'] }, '2025-11-22').filtres.types).toBeUndefined()
    expect(lireFiltres({ du: '2025-02', au: '2025-02' }, '2025-11-22').filtres).toEqual({ du: '2025-02-01', au: '2025-02-28' })
  })

  it('signale une date impossible, une période à l’envers, une commune inconnue, sans jamais échouer', () => {
    const { filtres, erreurs } = lireFiltres({ du: '2025-02-30', au: ['2025-01-01', 'x'], commune: 'Chambéry', mediateur: '-1', lieu: '1e3', thematique: '<script>' }, '2025-11-22')
    expect(filtres).toEqual({ au: '2025-01-01' })
    expect(erreurs.map((e) => e.champ)).toEqual(['du', 'commune'])
    const envers = lireFiltres({ du: '2025-03-01', au: '2025-01-01' }, '2025-11-22')
    expect(envers.filtres).toEqual({})
    expect(envers.erreurs[0]?.message).toMatch(/précéder/)
  })

  it('ramène les dates dans les bornes : pas avant 2020, pas après aujourd’hui', () => {
    expect(lireFiltres({ du: '2019-05-01', au: '2030-01-01' }, '2025-11-22').filtres).toEqual({ du: '2020-01-01', au: '2025-11-22' })
  })
})
