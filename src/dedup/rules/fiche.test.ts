import { describe, expect, it } from 'vitest'
import type { Lieu } from '../../places/standard/fields.ts'
import { aDesCoordonnees, communeDeBlocage, ficheDepuisLieu, rna, siren, siret, type FicheComparee } from './fiche.ts'

const LIEU: Lieu = {
  id: 'mediatheque-1', pivot: '00000000000000', nom: 'Médiathèque Exemple', commune: 'Paris', code_postal: '75011', code_insee: '75111',
  adresse: '3 rue de l’Exemple', complement_adresse: null, latitude: 48.86, longitude: 2.38, typologie: ['BIB'], telephone: '+33199000001',
  courriels: ['accueil@mediatheque.example'], site_web: [], horaires: null, presentation_resume: null, presentation_detail: null, source: null,
  itinerance: [], structure_parente: null, date_maj: '2026-01-01', services: [], publics_specifiquement_adresses: [], prise_en_charge_specifique: [],
  frais_a_charge: [], dispositif_programmes_nationaux: [], formations_labels: [], autres_formations_labels: [], modalites_acces: [],
  modalites_accompagnement: [], fiche_acces_libre: null, prise_rdv: null,
}

describe('ficheDepuisLieu', () => {
  it('garde ce que la comparaison lit, avec la commune résolue par le registre', () => {
    const fiche = ficheDepuisLieu(LIEU, 'ville-de-paris', 'ville-de-paris:mediatheque-1', '75111')
    expect(fiche).toMatchObject({ cle: 'ville-de-paris:mediatheque-1', source: 'ville-de-paris', nom: 'Médiathèque Exemple', code_insee: '75111', typologie: ['BIB'] })
    expect(ficheDepuisLieu({ ...LIEU, code_insee: '75111' }, 's', 'k', null).code_insee).toBe('75111')
  })
})

describe('communeDeBlocage', () => {
  it('ramène les arrondissements de Paris, Lyon et Marseille à leur ville', () => {
    expect(communeDeBlocage('75111')).toBe('75056')
    expect(communeDeBlocage('69383')).toBe('69123')
    expect(communeDeBlocage('13216')).toBe('13055')
    expect(communeDeBlocage('73065')).toBe('73065')
    expect(communeDeBlocage(null)).toBeNull()
  })
})

describe('identifiants', () => {
  const fiche = (pivot: string): FicheComparee => ficheDepuisLieu({ ...LIEU, pivot }, 's', 'k', null)

  it('ne voit aucun SIRET dans la valeur conventionnelle 00000000000000', () => {
    expect(siret(fiche('00000000000000'))).toBeNull()
    expect(siren(fiche('00000000000000'))).toBeNull()
  })

  it('tire le SIREN des 9 premiers chiffres du SIRET, et lit un RNA', () => {
    expect(siret(fiche('73282932000074'))).toBe('73282932000074')
    expect(siren(fiche('73282932000074'))).toBe('732829320')
    expect(rna(fiche('W123456789'))).toBe('W123456789')
    expect(siret(fiche('W123456789'))).toBeNull()
  })

  it('ne voit des coordonnées que si les deux sont là', () => {
    expect(aDesCoordonnees(fiche('00000000000000'))).toBe(true)
    expect(aDesCoordonnees({ ...fiche('00000000000000'), longitude: null })).toBe(false)
  })
})
