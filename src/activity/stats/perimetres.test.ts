import { describe, expect, it } from 'vitest'
import type { Compte } from '../../accounts/roles.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { lireTerritoire } from '../../territories/territoire.ts'
import { exportePar, lireSlug, perimetreChoisi, perimetresDe, slugTerritoire } from './perimetres.ts'

const compte = (habilitations: Compte['habilitations']): Compte => ({ id: 5, courriel: 'camille@exemple.fr', nom: 'Camille', totpActif: false, habilitations })

describe('périmètres des statistiques', () => {
  const savoie = lireTerritoire('departement:73', referentiel())

  it('un médiateur voit les siennes, un gestionnaire ses lieux, un coordinateur son territoire, un administrateur tout', () => {
    expect(perimetresDe(compte([{ id: 1, role: 'mediateur', territoire: null, lieuUid: 3 }])).map((p) => p.portee)).toEqual([{ mediateur: 5 }])
    expect(perimetresDe(compte([{ id: 1, role: 'gestionnaire', territoire: null, lieuUid: 3 }, { id: 2, role: 'gestionnaire', territoire: null, lieuUid: 4 }])).map((p) => p.portee)).toEqual([{ lieux: [3, 4] }])
    expect(perimetresDe(compte([{ id: 1, role: 'coordinateur', territoire: savoie, lieuUid: null }])).map((p) => p.portee)).toEqual([{ territoire: savoie }])
    const tous = perimetresDe(compte([{ id: 1, role: 'mediateur', territoire: null, lieuUid: 3 }, { id: 2, role: 'administrateur', territoire: null, lieuUid: null }]))
    expect(tous.map((p) => p.cle)).toEqual(['tout', 'mediateur'])
    expect(perimetreChoisi(tous, 'mediateur')?.cle).toBe('mediateur')
    expect(perimetreChoisi(tous, 'territoire-departement-38')?.cle).toBe('tout')
    expect(perimetresDe(compte([]))).toEqual([])
  })

  it('les médiateurs et gestionnaires voient aussi la structure de leurs lieux, une fois chacune', () => {
    const c = compte([{ id: 1, role: 'mediateur', territoire: null, lieuUid: 3 }])
    const p = perimetresDe(c, [
      { id: 9, nom: 'Association Clic', role: 'mediateur' },
      { id: 9, nom: 'Association Clic', role: 'gestionnaire' },
    ])
    expect(p.map((x) => [x.cle, x.libelle, x.portee])).toEqual([
      ['mediateur', 'Mes accompagnements', { mediateur: 5 }],
      ['structure-9', 'Structure : Association Clic', { structure: 9 }],
    ])
  })

  it('l’export nomme un rôle et un périmètre, jamais l’adresse électronique', () => {
    const [p] = perimetresDe(compte([{ id: 1, role: 'coordinateur', territoire: savoie, lieuUid: null }]))
    expect(exportePar(p!)).toBe('Coordinateur — Territoire : Savoie (département)')
  })

  it('adresse publique d’un territoire', () => {
    expect(slugTerritoire(savoie)).toBe('departement-73')
    expect(lireSlug('departement-73')).toBe('departement:73')
    expect(lireSlug('departement-2a')).toBe('departement:2A')
    expect(lireSlug('epci-200068674')).toBe('epci:200068674')
    expect(lireSlug('73')).toBeUndefined()
    expect(lireSlug('pays-73')).toBeUndefined()
  })
})
