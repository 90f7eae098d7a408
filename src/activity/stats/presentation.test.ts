import { describe, expect, it } from 'vitest'
import { compterAccompagnements, repartitionPonderee } from '../domain/comptage.ts'
import { type Activite, validerActivite } from '../domain/validation.ts'
import { THEMATIQUES, trancheDuree } from '../domain/vocabulaire.ts'
import { type ActiviteStat, agregerActivites } from './agregats.ts'
import { trancheAgeDe } from './age.ts'
import { fenetres } from './filtres.ts'
import { presenter } from './presentation.ts'

const AUJOURDHUI = '2025-11-22'
function activite(brut: Record<string, unknown>): Activite {
  const r = validerActivite({ duree: 45, typeLieu: 'a_distance', thematiques: ['email'], ...brut }, AUJOURDHUI)
  if ('erreurs' in r) throw new Error(JSON.stringify(r.erreurs))
  return r.activite
}

const ACTIVITES: ActiviteStat[] = [
  { date: '2025-03-03', codeInsee: '73065', lieuUid: 7, activite: activite({ type: 'individuel', date: '2025-03-03', typeLieu: 'lieu_activite', lieu: '7', thematiques: ['email', 'sante'], materiel: ['ordinateur'], autonomie: 'autonome', beneficiaireAnonyme: { genre: 'feminin', trancheAge: 'soixante_dix_plus', communeResidence: '73008' } }) },
  { date: '2025-03-10', codeInsee: '73065', lieuUid: 7, activite: activite({ type: 'collectif', date: '2025-03-10', duree: 120, thematiques: ['email'], materiel: ['tablette'], niveau: 'debutant', participants: { total: 10, dejaAccompagne: 3, genre: { feminin: 6, masculin: 2 } } }) },
  { date: '2025-05-20', codeInsee: '', lieuUid: 9, activite: activite({ type: 'individuel', date: '2025-05-20', typeLieu: 'domicile', commune: '73008', orienteVersStructure: true, beneficiaireAnonyme: { dejaAccompagne: true } }) },
  // outside the period, inside the series
  { date: '2024-12-31', codeInsee: '73065', lieuUid: 7, activite: activite({ type: 'individuel', date: '2024-12-31' }) },
]

describe('présentation des statistiques', () => {
  const f = fenetres({ du: '2025-03-01', au: '2025-05-31' }, AUJOURDHUI)
  const dansPeriode = ACTIVITES.filter((a) => a.date >= '2025-03-01').map((a) => a.activite)
  const { agregats, jours } = agregerActivites(ACTIVITES, f)
  const suivis = [{ genre: 'masculin', trancheAge: trancheAgeDe(1950, 2025, 'non_communique'), statutSocial: 'retraite', residence: '73065', nombre: 2, nouveaux: 1 }]
  const s = presenter({ agregats, suivis, jours, fenetres: f, noms: { lieu: (uid) => `Lieu ${uid}`, commune: (code) => `Commune ${code}` } })
  const nombres = (cle: keyof typeof s.repartitions) => Object.fromEntries(s.repartitions[cle].parts.filter((p) => p.nombre).map((p) => [p.valeur, p.nombre]))

  it('compte un atelier une fois par participant, comme La Coop', () => {
    expect(s.accompagnements).toEqual({ total: compterAccompagnements(dansPeriode), individuels: 2, collectifs: 10 })
    expect(s.activites).toEqual({ total: 3, individuelles: 2, collectives: 1, participantsAteliers: 10 })
  })

  it('pondère les répartitions par les accompagnements, dans l’ordre du vocabulaire, zéros compris', () => {
    const thematiques = repartitionPonderee(dansPeriode, (a) => a.thematiques, THEMATIQUES.map((t) => t.valeur))
    expect(s.repartitions.thematique.parts.map((p) => [p.valeur, p.nombre])).toEqual([...thematiques])
    expect(s.repartitions.thematique.parts[0]?.libelle).toBe('Diagnostic numérique')
    expect(nombres('duree')).toEqual(Object.fromEntries(repartitionPonderee(dansPeriode, (a) => trancheDuree(a.duree))))
    expect(nombres('canal')).toEqual({ lieu_activite: 1, a_distance: 10, domicile: 1 })
    expect(nombres('niveau')).toEqual({ debutant: 10 })
    expect(nombres('autonomie')).toEqual({ autonome: 1 })
    expect(nombres('redirection')).toEqual({ non_precise: 1 })
    expect(s.repartitions.redirection.parts.at(-1)?.libelle).toBe('Structure non précisée')
  })

  it('lieux d’activité et communes : les plus nombreux d’abord, avec leurs noms', () => {
    expect(s.repartitions.lieux.parts.map((p) => [p.libelle, p.nombre])).toEqual([['Lieu 7', 1]])
    expect(s.repartitions.communes.parts.map((p) => [p.libelle, p.nombre])).toEqual([['Commune 73065', 11], ['Non communiqué', 1]])
  })

  it('bénéficiaires : anonymes chacun distincts, plus les suivis distincts ; nouveaux des deux sortes', () => {
    expect(s.beneficiaires).toEqual({ total: 14, suivis: 2, anonymes: 12, nouveaux: 9, nouveauxSuivis: 1, nouveauxAnonymes: 8 })
    expect(nombres('genre')).toEqual({ feminin: 7, masculin: 4, non_communique: 3 })
    expect(nombres('age')).toEqual({ soixante_dix_plus: 3, non_communique: 11 })
    expect(nombres('residence')).toEqual({ '73008': 1, '73065': 2, '': 11 })
  })

  it('les pourcentages de chaque répartition font exactement 100, ceux de La Coop à peu près', () => {
    for (const r of Object.values(s.repartitions)) {
      if (r.total === 0) continue
      expect(Math.round(r.parts.reduce((a, p) => a + p.pourcentage * 10, 0)), r.titre).toBe(1000)
      expect(r.parts.reduce((a, p) => a + p.pourcentageLaCoop, 0)).toBeCloseTo(100, 1)
    }
  })

  it('séries : 12 mois jusqu’à la fin de la période (avant elle compris), 30 jours au plus dans la période', () => {
    expect(s.parMois).toHaveLength(12)
    expect(Object.fromEntries(s.parMois.filter((m) => m.accompagnements).map((m) => [m.mois, m.accompagnements]))).toEqual({ '2024-12-01': 1, '2025-03-01': 11, '2025-05-01': 1 })
    expect(s.parMois[0]?.libelle).toBe('juin 2024')
    expect(s.parJour).toHaveLength(30)
    expect(s.parJour.filter((j) => j.accompagnements).map((j) => j.jour)).toEqual(['2025-05-20'])
  })
})

describe('tranche d’âge d’un bénéficiaire suivi', () => {
  it('suit les seuils de La Coop et garde la tranche saisie sans année plausible', () => {
    expect([2014, 2013, 2008, 2007, 2001, 2000, 1986, 1985, 1966, 1965, 1956, 1955].map((a) => trancheAgeDe(a, 2025, 'x'))).toEqual([
      'moins_de_douze', 'douze_dix_huit', 'douze_dix_huit', 'dix_huit_vingt_quatre', 'dix_huit_vingt_quatre', 'vingt_cinq_trente_neuf',
      'vingt_cinq_trente_neuf', 'quarante_cinquante_neuf', 'quarante_cinquante_neuf', 'soixante_soixante_neuf', 'soixante_soixante_neuf', 'soixante_dix_plus',
    ])
    expect(trancheAgeDe(null, 2025, 'retraite')).toBe('retraite')
    expect(trancheAgeDe(1850, 2025, 'non_communique')).toBe('non_communique')
    expect(trancheAgeDe(2030, 2025, 'non_communique')).toBe('non_communique')
  })
})
