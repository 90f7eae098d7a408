import { describe, expect, it } from 'vitest'
import { pairesCandidates } from './blocage.ts'
import type { FicheComparee } from './fiche.ts'

let cles = 0
function fiche(partiel: Partial<FicheComparee>): FicheComparee {
  return {
    cle: `k${++cles}`, source: 'source-a', nom: 'Lieu', adresse: '', complement_adresse: null, code_postal: '73300', commune: 'Saint-Jean-de-Maurienne',
    code_insee: '73248', latitude: null, longitude: null, pivot: '00000000000000', telephone: null, courriels: [], site_web: [], typologie: [],
    dispositif_programmes_nationaux: [], ...partiel,
  }
}
const contient = (paires: Array<[number, number]>, i: number, j: number) => paires.some(([x, y]) => x === Math.min(i, j) && y === Math.max(i, j))

/** An invented word per index: « Lieu Bacodi », « Lieu Befura »… */
const inventer = (k: number) => `${'bcdfglmnprstv'[k % 13]}${'aeiou'[(k >> 2) % 5]}${'bcdfglmnprstv'[(k >> 4) % 13]}${'aeiou'[(k >> 7) % 5]}${'bcdfglmnprstv'[(k >> 9) % 13]}i`

describe('pairesCandidates', () => {
  it('compare tout dans une petite commune, rien entre deux communes éloignées', () => {
    const fiches = [fiche({ nom: 'Mairie' }), fiche({ nom: 'Médiathèque' }), fiche({ nom: 'CCAS' }), fiche({ nom: 'Mairie', code_insee: '73134', commune: 'Hermillon' })]
    expect(pairesCandidates(fiches)).toEqual([[0, 1], [0, 2], [1, 2]])
  })

  it('rassemble les arrondissements de Paris, Lyon et Marseille', () => {
    const fiches = [fiche({ code_insee: '75111', commune: 'Paris 11e', code_postal: '75011' }), fiche({ code_insee: '75056', commune: 'Paris', code_postal: '75011' })]
    expect(pairesCandidates(fiches)).toEqual([[0, 1]])
  })

  it('rattrape un code INSEE faux par le code postal et le nom de la commune', () => {
    const fiches = [fiche({ commune: 'Marthon', code_postal: '16380', code_insee: '16208' }), fiche({ commune: 'MARTHON', code_postal: '16380', code_insee: '16999' })]
    expect(pairesCandidates(fiches)).toEqual([[0, 1]])
  })

  it('apparie deux lieux à 200 m de part et d’autre d’une limite de communes, pas à 2 km', () => {
    const fiches = [
      fiche({ latitude: 45.2766, longitude: 6.3456 }),
      fiche({ commune: 'Hermillon', code_insee: '73134', latitude: 45.2784, longitude: 6.3456 }),
      fiche({ commune: 'Hermillon', code_insee: '73134', latitude: 45.2946, longitude: 6.3456 }),
    ]
    const paires = pairesCandidates(fiches)
    expect(contient(paires, 0, 1)).toBe(true)
    expect(contient(paires, 0, 2)).toBe(false)
  })

  it('ne garde que les 10 plus proches quand beaucoup de lieux ont la même position (un centre-ville)', () => {
    const fiches = Array.from({ length: 30 }, (_, k) => fiche({ commune: `Commune ${inventer(k)}`, code_insee: `730${String(k).padStart(2, '0')}`, latitude: 45.5, longitude: 6.5 }))
    const paires = pairesCandidates(fiches)
    const parLieu = new Map<number, number>()
    for (const [i, j] of paires) for (const x of [i, j]) parLieu.set(x, (parLieu.get(x) ?? 0) + 1)
    expect(paires.length).toBeLessThanOrEqual(30 * 10)
    expect(Math.min(...parLieu.values())).toBeGreaterThanOrEqual(10)
  })

  describe('dans une grande commune', () => {
    // 400 invented places of one town, each with its own name and street; then a few duplicates
    const fiches = Array.from({ length: 400 }, (_, k) => fiche({ nom: `Association ${inventer(k)}`, adresse: `${1 + (k % 90)} rue ${inventer(k + 7000)}`, telephone: `+3347900${String(k).padStart(4, '0')}` }))
    const n = fiches.length
    fiches.push(
      fiche({ source: 'source-b', nom: `ASSOCIATION ${inventer(3).toUpperCase()}`, adresse: '99 boulevard Ailleurs' }), // same name word
      fiche({ source: 'source-b', nom: 'Guichet du centre', adresse: `${1 + (5 % 90)} RUE ${inventer(7005).toUpperCase()}` }), // same street and number
      fiche({ source: 'source-b', nom: 'Accueil', telephone: '04 79 00 00 12' }), // same phone
      fiche({ source: 'source-b', nom: 'Point numérique', adresse: `rue ${inventer(7020)}` }), // same street, no number
    )
    const paires = pairesCandidates(fiches)

    it('ne compare pas tout avec tout, mais ce qui partage un mot du nom, une voie, un téléphone', () => {
      expect(paires.length).toBeLessThan(n)
      expect(contient(paires, 3, n)).toBe(true)
      expect(contient(paires, 5, n + 1)).toBe(true)
      expect(contient(paires, 12, n + 2)).toBe(true)
      expect(contient(paires, 20, n + 3)).toBe(true)
      expect(contient(paires, 3, 4)).toBe(false)
    })

    it('rend chaque paire une fois, i < j, triées', () => {
      const textes = paires.map(([i, j]) => `${i},${j}`)
      expect(new Set(textes).size).toBe(paires.length)
      expect(paires.every(([i, j]) => i < j)).toBe(true)
      expect([...paires].sort((p, q) => p[0] - q[0] || p[1] - q[1])).toEqual(paires)
    })
  })
})
