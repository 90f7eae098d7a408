import { describe, expect, it } from 'vitest'
import type { Lieu } from '../standard/fields.ts'
import { fusionner, type EnregistrementSource } from './survie.ts'

const base: Lieu = {
  id: 'x', pivot: '00000000000000', nom: 'Médiathèque du Centre', commune: 'Lyon', code_postal: '69001', code_insee: '69381',
  adresse: '1 rue de la République', complement_adresse: null, latitude: 45.76, longitude: 4.83, typologie: ['BIB'],
  telephone: null, courriels: [], site_web: [], horaires: null, presentation_resume: null, presentation_detail: null,
  source: 'Hub', itinerance: [], structure_parente: null, date_maj: '2023-01-01', services: ['Aide aux démarches administratives'],
  publics_specifiquement_adresses: [], prise_en_charge_specifique: [], frais_a_charge: [], dispositif_programmes_nationaux: [],
  formations_labels: [], autres_formations_labels: [], modalites_acces: [], modalites_accompagnement: [], fiche_acces_libre: null, prise_rdv: null,
}
const enr = (source: string, lieu: Partial<Lieu>, fiable = true, recuLe = '2024-01-01T00:00:00Z'): EnregistrementSource => ({ source, fiable, recuLe, lieu: { ...base, ...lieu } })

describe('survie des champs d’un lieu fusionné', () => {
  it('la source la plus récente gagne les valeurs simples ; l’ancienne comble les manques', () => {
    const { lieu, provenance } = fusionner('lieu-1', [
      enr('France Services', { nom: 'France services Lyon 1', telephone: '+33400000001', date_maj: '2022-12-01', horaires: 'Mo-Fr 09:00-12:00' }),
      enr('Hub', { nom: 'Médiathèque du Centre', telephone: null, date_maj: '2023-06-01' }),
    ])
    expect(lieu.id).toBe('lieu-1')
    expect(lieu.nom).toBe('Médiathèque du Centre')
    expect(lieu.telephone).toBe('+33400000001')
    expect(lieu.horaires).toBe('Mo-Fr 09:00-12:00')
    expect(lieu.date_maj).toBe('2023-06-01')
    expect(provenance.nom).toEqual([{ source: 'Hub', date: '2023-06-01' }])
    expect(provenance.telephone).toEqual([{ source: 'France Services', date: '2022-12-01' }])
  })

  it('une source non fiable ne l’emporte pas, même plus récente ; elle comble les manques', () => {
    const { lieu } = fusionner('l', [
      enr('Export régional', { nom: 'MEDIATHEQUE', date_maj: '2024-05-01', prise_rdv: 'https://rdv.exemple.fr' }, false),
      enr('Hub', { nom: 'Médiathèque du Centre', date_maj: '2023-01-01' }),
    ])
    expect(lieu.nom).toBe('Médiathèque du Centre')
    expect(lieu.prise_rdv).toBe('https://rdv.exemple.fr')
  })

  it('le SIRET fictif ne remplace jamais un vrai SIRET', () => {
    const { lieu, provenance } = fusionner('l', [enr('A', { pivot: '00000000000000', date_maj: '2024-01-01' }), enr('B', { pivot: '21690123100011', date_maj: '2020-01-01' })])
    expect(lieu.pivot).toBe('21690123100011')
    expect(provenance.pivot?.[0]?.source).toBe('B')
    expect(fusionner('l', [enr('A', {}), enr('B', {})]).lieu.pivot).toBe('00000000000000')
  })

  it('les listes sont réunies, sans doublon, et chaque source qui apporte une valeur est citée', () => {
    const { lieu, provenance } = fusionner('l', [
      enr('A', { services: ['Aide aux démarches administratives'], dispositif_programmes_nationaux: ['France Services'], date_maj: '2024-01-01' }),
      enr('B', { services: ['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien'], dispositif_programmes_nationaux: ['Aidants Connect'], date_maj: '2023-01-01' }),
    ])
    expect(lieu.services).toEqual(['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien'])
    expect(lieu.dispositif_programmes_nationaux).toEqual(['France Services', 'Aidants Connect'])
    expect(provenance.services?.map((o) => o.source)).toEqual(['A', 'B'])
  })

  it('l’adresse et les coordonnées viennent chacune d’un seul enregistrement', () => {
    const { lieu } = fusionner('l', [
      enr('A', { adresse: '3 place Bellecour', code_postal: '69002', code_insee: '69382', latitude: null, longitude: null, date_maj: '2024-01-01' }),
      enr('B', { adresse: '1 rue de la République', code_postal: '69001', code_insee: '69381', latitude: 45.767, longitude: 4.836, date_maj: '2023-01-01' }),
    ])
    expect([lieu.adresse, lieu.code_postal, lieu.code_insee]).toEqual(['3 place Bellecour', '69002', '69382'])
    expect([lieu.latitude, lieu.longitude]).toEqual([45.767, 4.836])
  })

  it('à égalité de date, l’enregistrement reçu le plus récemment l’emporte', () => {
    const { lieu } = fusionner('l', [enr('A', { nom: 'Ancien nom' }, true, '2024-01-01T00:00:00Z'), enr('B', { nom: 'Nouveau nom' }, true, '2024-03-01T00:00:00Z')])
    expect(lieu.nom).toBe('Nouveau nom')
  })
})

describe('saisie directe dans l’espace professionnel', () => {
  it('un enregistrement saisi par le gestionnaire et le plus récent donne le lieu entier : une valeur retirée ne revient pas', () => {
    const ancien = enr('import', { nom: 'Médiathèque', services: ['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien'], telephone: '+33479000000', date_maj: '2024-01-01' })
    const saisie = { ...enr('espace', { nom: 'Médiathèque municipale', services: ['Aide aux démarches administratives'], telephone: null, date_maj: '2026-11-01' }, true, '2026-11-01T00:00:00Z'), saisieDirecte: true }
    const { lieu, provenance } = fusionner('L1', [ancien, saisie])
    expect(lieu.nom).toBe('Médiathèque municipale')
    expect(lieu.services).toEqual(['Aide aux démarches administratives'])
    expect(lieu.telephone).toBeNull()
    expect(provenance.nom).toEqual([{ source: 'espace', date: '2026-11-01' }])
    // an older workspace record does not win over a more recent import
    const recent = { ...ancien, lieu: { ...ancien.lieu, date_maj: '2026-11-10' } }
    expect(fusionner('L1', [recent, saisie]).lieu.services).toHaveLength(2)
  })

  it('la provenance d’une saisie directe ne cite que des champs fusionnés, jamais l’identifiant', () => {
    const saisie = { ...enr('espace', { nom: 'Médiathèque municipale', date_maj: '2026-11-01' }, true, '2026-11-01T00:00:00Z'), saisieDirecte: true }
    const { provenance } = fusionner('L1', [enr('import', {}), saisie])
    expect(provenance).not.toHaveProperty('id')
    expect(provenance.nom).toEqual([{ source: 'espace', date: '2026-11-01' }])
  })
})
