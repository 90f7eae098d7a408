import { describe, expect, it } from 'vitest'
import { canoniser, detecterVersion, role } from './colonnes.ts'

describe('canoniser', () => {
  it('retire BOM, espaces et guillemets, et met en minuscules', () => {
    expect(canoniser('\uFEFF"ID" ')).toBe('id')
    expect(canoniser(' Code_Postal ')).toBe('code_postal')
  })
})

describe('role', () => {
  it('reconnaît les champs v1.0.2', () => {
    expect(role('services')).toEqual({ type: 'champ', champ: 'services' })
    expect(role(' Date_Maj')).toEqual({ type: 'champ', champ: 'date_maj' })
  })

  it('reconnaît les colonnes v0.1 renommées, éclatées et abandonnées', () => {
    expect(role('courriel')).toEqual({ type: 'renommee', champ: 'courriels', colonne: 'courriel' })
    expect(role('labels_autres')).toEqual({ type: 'renommee', champ: 'autres_formations_labels', colonne: 'labels_autres' })
    expect(role('accessibilite')).toEqual({ type: 'renommee', champ: 'fiche_acces_libre', colonne: 'accessibilite' })
    expect(role('publics_accueillis')).toEqual({ type: 'eclatee', colonne: 'publics_accueillis' })
    expect(role('conditions_acces')).toEqual({ type: 'eclatee', colonne: 'conditions_acces' })
    expect(role('labels_nationaux')).toEqual({ type: 'eclatee', colonne: 'labels_nationaux' })
    expect(role('cle_ban')).toEqual({ type: 'abandonnee', colonne: 'cle_ban' })
  })

  it('classe le reste comme inconnu', () => {
    expect(role('Nom du lieu')).toEqual({ type: 'inconnue', colonne: 'nom du lieu' })
  })
})

describe('detecterVersion', () => {
  it('v1.0.2 pour des colonnes v1, v0.1 pour des colonnes v0.1, mixte pour les deux', () => {
    expect(detecterVersion(['id', 'nom', 'courriels', 'frais_a_charge'], false)).toBe('v1.0.2')
    expect(detecterVersion(['id', 'nom', 'courriel', 'publics_accueillis'], false)).toBe('v0.1')
    expect(detecterVersion(['id', 'courriels', 'labels_nationaux'], false)).toBe('mixte')
  })

  it('tient compte de valeurs v0.1 dans un fichier aux colonnes v1', () => {
    expect(detecterVersion(['id', 'nom', 'services'], true)).toBe('v0.1')
    expect(detecterVersion(['id', 'modalites_acces', 'services'], true)).toBe('mixte')
  })
})
