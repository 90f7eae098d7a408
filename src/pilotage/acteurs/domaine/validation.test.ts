import { describe, expect, it } from 'vitest'
import { referentiel } from '../../../territories/referentiel.ts'
import { lireActeur } from './validation.ts'
import { lirePartenariatSaisi } from './partenariats.ts'
import { fusionnerActeur } from './fusion.ts'

const ref = referentiel()
const AUJOURDHUI = '2025-06-01'

describe('validation d’un acteur', () => {
  it('lit une ligne correcte : type par son libellé, SIRET compact, commune résolue, téléphone au format international', () => {
    const lu = lireActeur(
      { id: 'a1', nom: 'Association Clic', type: 'Association', siret: '130 026 032 00016', commune: 'Chambery', code_postal: '73000', telephone: '04 79 00 00 00', roles: 'Forme les médiateurs|finance', competences: 'formation', date_maj: '01/02/2025' },
      ref,
      AUJOURDHUI,
    )
    expect(lu.acteur).toMatchObject({ type: 'association', siret: '13002603200016', code_insee: '73065', code_departement: '73', code_region: '84', telephone: '+33479000000', roles: ['forme', 'finance'], competences: ['Formation'], date_maj: '2025-02-01' })
  })

  it('signale chaque erreur d’une ligne, pas seulement la première', () => {
    const lu = lireActeur({ id: 'x', nom: '', type: 'banque', siret: '12345678901234', commune: 'Nullepart', code_postal: '7300', courriel: 'pas-une-adresse', roles: 'danse', date_maj: '2099-01-01', partenariats: '123:amitie' }, ref, AUJOURDHUI)
    expect(lu.acteur).toBeNull()
    const champs = lu.problemes.map((p) => `${p.niveau}:${p.champ}`)
    expect(champs).toEqual(expect.arrayContaining(['erreur:nom', 'erreur:type', 'avertissement:siret', 'erreur:code_postal', 'erreur:commune', 'avertissement:courriel', 'avertissement:roles', 'erreur:date_maj', 'avertissement:partenariats']))
    expect(lu.problemes.find((p) => p.champ === 'siret')?.message).toMatch(/clé de contrôle/)
  })

  it('admet l’exception de La Poste pour la clé du SIRET', () => {
    expect(lireActeur({ id: 'p', nom: 'La Poste', type: 'entreprise', siret: '35600000000048', commune: 'Chambéry', date_maj: '2025-01-01' }, ref, AUJOURDHUI).acteur?.siret).toBe('35600000000048')
  })

  it('lit le formulaire d’un partenariat avec toutes ses erreurs', () => {
    expect(lirePartenariatSaisi({ nature: '', debut: '2025-13-01', fin: '2024-01-01' }).erreurs.map((e) => e.champ)).toEqual(['nature', 'debut'])
    expect(lirePartenariatSaisi({ nature: 'co-portage', debut: '2025-02-01', fin: '2025-01-01' }).erreurs.map((e) => e.champ)).toEqual(['fin'])
  })

  it('fusionne deux sources champ par champ en gardant la provenance', () => {
    const base = lireActeur({ id: 'a', nom: 'CCAS', type: 'structure', commune: 'Chambéry', roles: 'porte_lieux', date_maj: '2024-01-01' }, ref, AUJOURDHUI).acteur
    const autre = lireActeur({ id: 'b', nom: 'CCAS de Chambéry', type: 'structure', commune: 'Chambéry', telephone: '0479000000', roles: 'oriente', date_maj: '2025-01-01' }, ref, AUJOURDHUI).acteur
    if (!base || !autre) throw new Error('lignes invalides')
    const { acteur, provenance } = fusionnerActeur([
      { source: 'a', fiable: true, recuLe: '2025-01-01T00:00:00Z', acteur: base },
      { source: 'b', fiable: true, recuLe: '2025-01-02T00:00:00Z', acteur: autre },
    ])
    expect(acteur).toMatchObject({ nom: 'CCAS de Chambéry', telephone: '+33479000000', roles: ['oriente', 'porte_lieux'], date_maj: '2025-01-01' })
    expect(provenance.nom).toEqual([{ source: 'b', date: '2025-01-01' }])
    expect(provenance.roles?.map((o) => o.source)).toEqual(['b', 'a'])
  })
})
