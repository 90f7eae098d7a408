import { describe, expect, it } from 'vitest'
import { compatibilite, estFranceServices, estItinerant, typologiesDe, typologiesDepuisNom } from './typologies.ts'

const lieu = (nom: string, typologie: string[] = [], dispositif_programmes_nationaux: string[] = []) => ({ nom, typologie, dispositif_programmes_nationaux })

describe('typologiesDepuisNom', () => {
  it('présume le type de lieu d’après le nom, comme la chaîne nationale', () => {
    expect(typologiesDepuisNom('Médiathèque Louise Michel')).toEqual(['BIB'])
    expect(typologiesDepuisNom('MSAP du Pays de Gex')).toEqual(['RFS'])
    expect(typologiesDepuisNom('CCAS de Migennes')).toEqual(['CCAS'])
    expect(typologiesDepuisNom('Pimms Médiation Lyon')).toEqual(['PIMMS'])
    expect(typologiesDepuisNom('Commune de Fréjus')).toEqual(['MUNI'])
    expect(typologiesDepuisNom('France services CCAS de Migennes').sort()).toEqual(['CCAS', 'RFS'])
    expect(typologiesDepuisNom('Les Amis du Lien')).toEqual([])
  })
})

describe('compatibilite', () => {
  it('rapproche les codes d’une même famille, ignore les codes fourre-tout', () => {
    expect(compatibilite(typologiesDe(lieu('X', ['RFS'])), typologiesDe(lieu('Y', ['PIMMS'])))).toBe('commune')
    expect(compatibilite(typologiesDe(lieu('Centre social des Hauts')), typologiesDe(lieu('Y', ['CSC'])))).toBe('commune')
    expect(compatibilite(typologiesDe(lieu('Médiathèque Bonlieu')), typologiesDe(lieu('Mission locale d’Annecy')))).toBe('incompatible')
    expect(compatibilite(typologiesDe(lieu('Le Lien', ['ASSO'])), typologiesDe(lieu('Médiathèque')))).toBe('inconnue')
  })
})

describe('estFranceServices', () => {
  it('reconnaît un guichet par sa typologie, son programme national ou son nom', () => {
    expect(estFranceServices(lieu('Guichet', ['RFS']))).toBe(true)
    expect(estFranceServices(lieu('Communauté de communes du Val', [], ['France Services']))).toBe(true)
    expect(estFranceServices(lieu('Maison France Services de Gex'))).toBe(true)
    expect(estFranceServices(lieu('Mairie de Gex', ['MUNI'], ['Conseillers numériques']))).toBe(false)
    expect(estFranceServices(lieu('Pimms Médiation Lyon', ['PIMMS']))).toBe(false)
  })
})

describe('estItinerant', () => {
  it('reconnaît une unité mobile par son nom', () => {
    expect(estItinerant('Bus France services du Grand Dax')).toBe(true)
    expect(estItinerant('France Services itinérante de la Vallée')).toBe(true)
    expect(estItinerant('France services Dax')).toBe(false)
  })
})
