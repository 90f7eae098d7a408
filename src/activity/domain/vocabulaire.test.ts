import { describe, expect, it } from 'vitest'
import {
  AUTONOMIES,
  DUREES_PREDEFINIES,
  demarchesAutorisees,
  GENRES,
  libelle,
  MATERIELS,
  NIVEAUX_ATELIER,
  STATUTS_SOCIAUX,
  STRUCTURES_REDIRECTION,
  THEMATIQUES,
  THEMATIQUES_DEMARCHE,
  thematiquesLaCoop,
  TRANCHES_AGE,
  trancheDuree,
  TYPES_ACTIVITE,
  TYPES_LIEU,
  valeurs,
} from './vocabulaire.ts'

describe('vocabulaires de La Coop', () => {
  it('ont le nombre de valeurs de la référence', () => {
    expect(TYPES_ACTIVITE).toHaveLength(2)
    expect(TYPES_LIEU).toHaveLength(4)
    expect(MATERIELS).toHaveLength(5)
    expect(THEMATIQUES).toHaveLength(19)
    expect(THEMATIQUES_DEMARCHE).toHaveLength(11)
    expect(AUTONOMIES).toHaveLength(3)
    expect(NIVEAUX_ATELIER).toHaveLength(3)
    expect(STRUCTURES_REDIRECTION).toHaveLength(7)
    expect(GENRES).toHaveLength(3)
    expect(TRANCHES_AGE).toHaveLength(8)
    expect(STATUTS_SOCIAUX).toHaveLength(5)
    expect(DUREES_PREDEFINIES.map((d) => d.minutes)).toEqual([15, 30, 45, 60, 90, 120])
  })

  it('ont des valeurs uniques en snake_case', () => {
    for (const vocabulaire of [TYPES_ACTIVITE, TYPES_LIEU, MATERIELS, THEMATIQUES, THEMATIQUES_DEMARCHE, AUTONOMIES, NIVEAUX_ATELIER, STRUCTURES_REDIRECTION, GENRES, TRANCHES_AGE, STATUTS_SOCIAUX]) {
      const v = vocabulaire.map((t) => t.valeur)
      expect(new Set(v).size).toBe(v.length)
      for (const valeur of v) expect(valeur).toMatch(/^[a-z]+(_[a-z]+)*$/)
    }
    // 30 thematics in one La Coop enum: no value shared between the two groups
    expect(new Set([...THEMATIQUES, ...THEMATIQUES_DEMARCHE].map((t) => t.valeur)).size).toBe(30)
  })

  it('gardent les libellés exacts et l’ordre de La Coop', () => {
    expect(libelle(THEMATIQUES, 'entrepreneuriat')).toBe('Accompagner un professionnel')
    expect(libelle(THEMATIQUES, 'reseaux_sociaux')).toBe('Réseaux sociaux communication')
    expect(libelle(THEMATIQUES, 'intelligence_artificielle')).toBe('Intelligence artificielle (IA)')
    expect(libelle(THEMATIQUES_DEMARCHE, 'travail_formation')).toBe('Travail - Formation - Entreprise')
    expect(libelle(TYPES_LIEU, 'lieu_activite')).toBe("Lieu d'activité")
    expect(libelle(MATERIELS, 'aucun')).toBe('Pas de matériel')
    expect(libelle(AUTONOMIES, 'entierement_accompagne')).toBe('Avec guidage')
    expect(libelle(TRANCHES_AGE, 'douze_dix_huit')).toBe('12 - 17 ans')
    expect(libelle(STATUTS_SOCIAUX, 'non_communique')).toBe('Non communiqué ou hétérogène')
    expect(libelle(STRUCTURES_REDIRECTION, 'aide_aux_demarches_administratives')).toBe("Structure d'aide aux démarches administratives (France Services…)")
    expect(libelle(THEMATIQUES, 'inconnue')).toBeUndefined()
    expect(THEMATIQUES[0].valeur).toBe('diagnostic_numerique')
    expect(THEMATIQUES[18].valeur).toBe('aide_aux_demarches_administratives')
    expect(THEMATIQUES_DEMARCHE[10].valeur).toBe('associations')
    expect(valeurs(GENRES)).toEqual(['masculin', 'feminin', 'non_communique'])
  })

  it('ne permettent les thématiques de démarche qu’avec « Aide aux démarches administratives »', () => {
    expect(demarchesAutorisees(['email', 'aide_aux_demarches_administratives'])).toBe(true)
    expect(demarchesAutorisees(['email'])).toBe(false)
    expect(thematiquesLaCoop(['aide_aux_demarches_administratives'], ['logement'])).toEqual(['aide_aux_demarches_administratives', 'logement'])
    expect(thematiquesLaCoop(['email'], ['logement'])).toEqual(['email'])
  })

  it('range une durée dans les tranches des statistiques (intervalles semi-ouverts)', () => {
    expect([1, 29, 30, 59, 60, 119, 120, 1440].map(trancheDuree)).toEqual(['moins_de_30', 'moins_de_30', '30_a_60', '30_a_60', '60_a_120', '60_a_120', '120_et_plus', '120_et_plus'])
  })
})
