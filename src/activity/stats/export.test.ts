import { describe, expect, it } from 'vitest'
import { descriptionFiltres, lignesMeta, lignesStatistiques } from './export.ts'
import { agregerActivites } from './agregats.ts'
import { fenetres } from './filtres.ts'
import { presenter } from './presentation.ts'

describe('lignes des exports', () => {
  const filtres = descriptionFiltres({ types: ['collectif'], thematique: 'logement', commune: '73065' }, { du: '2025-01-01', au: '2025-06-30' }, { perimetre: 'Territoire : Savoie', commune: 'Chambéry (73)' })

  it('décrit chaque filtre en mots, appliqué ou non', () => {
    expect(filtres).toEqual([
      ['Périmètre', 'Territoire : Savoie'],
      ['Période', 'du 1 janvier 2025 au 30 juin 2025'],
      ['Type d’activité', 'Atelier collectif'],
      ['Médiateur', 'Tous'],
      ['Lieu d’activité', 'Tous'],
      ['Commune', 'Chambéry (73)'],
      ['Thématique', 'Logement'],
    ])
  })

  it('commence par qui, quand et les filtres, puis les chiffres et chaque répartition', () => {
    const meta = { titre: 'Statistiques d’accompagnement', exportePar: 'Coordinateur — Savoie', exporteLe: new Date('2025-07-01T08:30:00Z'), filtres }
    expect(lignesMeta(meta).slice(0, 3).map((l) => l.cellules)).toEqual([['Statistiques d’accompagnement'], ['Exporté par', 'Coordinateur — Savoie'], ['Exporté le', '1 juillet 2025 à 10:30']])
    const f = fenetres({ du: '2025-01-01', au: '2025-06-30' }, '2025-11-22')
    const s = presenter({ ...agregerActivites([], f), suivis: [], fenetres: f, noms: { lieu: String, commune: String } })
    const lignes = lignesStatistiques(s, meta).map((l) => l.cellules)
    expect(lignes).toContainEqual(['Thématique', 'Logement'])
    expect(lignes).toContainEqual(['Accompagnements', 0])
    expect(lignes).toContainEqual(['Genre des bénéficiaires'])
    expect(lignes).toContainEqual(['Féminin', 0, 0, 0])
  })
})
