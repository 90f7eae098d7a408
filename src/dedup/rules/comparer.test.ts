import { describe, expect, it } from 'vitest'
import { comparer, SEUIL_EXAMEN, SEUIL_FUSION, type Comparaison } from './comparer.ts'
import type { FicheComparee } from './fiche.ts'

let cles = 0
/** An invented place of Saint-Jean-de-Maurienne (73248); `dlat` moves it north, in degrees (0.001 ≈ 111 m). */
function fiche(partiel: Partial<FicheComparee> & { dlat?: number }): FicheComparee {
  const { dlat = 0, ...reste } = partiel
  return {
    cle: `k${++cles}`, source: 'source-a', nom: 'Lieu', adresse: '1 rue Exemple', complement_adresse: null, code_postal: '73300',
    commune: 'Saint-Jean-de-Maurienne', code_insee: '73248', latitude: 45.2766 + dlat, longitude: 6.3456, pivot: '00000000000000',
    telephone: null, courriels: [], site_web: [], typologie: [], dispositif_programmes_nationaux: [], ...reste,
  }
}
const criteres = (c: Comparaison, effet: string) => c.raisons.filter((r) => r.effet === effet).map((r) => r.critere)

describe('comparer', () => {
  it('reconnaît « Mairie de Saint-Jean » et « Ville de St Jean » à la même adresse dans deux sources', () => {
    const c = comparer(
      fiche({ nom: 'Mairie de Saint-Jean-de-Maurienne', adresse: '1 place de l’Hôtel de Ville' }),
      fiche({ source: 'source-b', nom: 'VILLE DE ST JEAN DE MAURIENNE', adresse: '1 PL DE L HOTEL DE VILLE', dlat: 0.0002 }),
    )
    expect(c.verdict).toBe('meme-lieu')
    expect(c.score).toBeGreaterThanOrEqual(SEUIL_FUSION)
    expect(criteres(c, 'pour')).toEqual(expect.arrayContaining(['nom', 'adresse', 'distance']))
  })

  it('explique chaque critère en français, avec un effet accordé à ses points', () => {
    const c = comparer(fiche({ nom: 'Médiathèque Louise Michel', telephone: '+33479000001' }), fiche({ source: 'source-b', nom: 'Médiathèque L. Michel', telephone: '04 79 00 00 01' }))
    expect(c.raisons.length).toBeGreaterThanOrEqual(4)
    for (const r of c.raisons) {
      expect(r.libelle).toMatch(/^[A-ZÀ-ÖØ-Ý0-9«]/)
      expect(r.effet).toBe(r.points > 0 ? 'pour' : r.points < 0 ? 'contre' : r.effet === 'veto' ? 'veto' : 'neutre')
    }
    expect(c.raisons.find((r) => r.critere === 'telephone')?.libelle).toBe('Même téléphone.')
    expect(c.raisons.find((r) => r.critere === 'distance')?.libelle).toBe('0\u00a0m d’écart.')
  })

  it('ne prend pas la valeur conventionnelle 00000000000000 pour un SIRET commun', () => {
    const c = comparer(fiche({ nom: 'Association Le Lien' }), fiche({ source: 'source-b', nom: 'Tiers-lieu La Fabrique', adresse: '9 rue Autre' }))
    expect(c.raisons.some((r) => r.critere === 'siret')).toBe(false)
    expect(c.verdict).toBe('differents')
  })

  it('ne conclut jamais « même lieu » faute de coordonnées : l’absence n’est pas une preuve', () => {
    const sansCoordonnees = { latitude: null, longitude: null }
    const c = comparer(fiche({ nom: 'Association Le Lien', adresse: '3 rue Pasteur', ...sansCoordonnees }), fiche({ source: 'source-b', nom: 'Association Le Lien', adresse: '14 avenue Foch' }))
    expect(c.raisons.find((r) => r.critere === 'distance')).toMatchObject({ effet: 'neutre', points: 0, libelle: 'Coordonnées absentes d’un côté : distance inconnue.' })
    expect(c.verdict).not.toBe('meme-lieu')
  })

  it('compte un numéro différent dans la même voie contre, et sépare deux structures voisines', () => {
    const c = comparer(fiche({ nom: 'Centre social des Tilleuls', adresse: '12 rue Pasteur' }), fiche({ source: 'source-b', nom: 'Médiathèque des Tilleuls', adresse: '40 rue Pasteur', dlat: 0.002 }))
    expect(c.raisons.find((r) => r.critere === 'adresse')).toMatchObject({ effet: 'contre', libelle: 'Même voie mais numéros différents (12 et 40).' })
    expect(c.verdict).toBe('differents')
  })

  it('ne met pas de veto de commune à 250 m de part et d’autre d’une limite, mais en met un loin', () => {
    const voisine = { commune: 'Hermillon', code_insee: '73134', source: 'source-b', nom: 'Espace numérique Le Lien', adresse: '2 route des Champs' }
    const proche = comparer(fiche({ nom: 'Espace numérique Le Lien', adresse: '2 route des Champs' }), fiche({ ...voisine, dlat: 0.00225 }))
    expect(criteres(proche, 'veto')).toEqual([])
    expect(proche.verdict).toBe('meme-lieu')
    const loin = comparer(fiche({ nom: 'Espace numérique Le Lien', adresse: '2 route des Champs' }), fiche({ ...voisine, dlat: 0.05 }))
    expect(loin).toMatchObject({ verdict: 'differents', score: 0 })
    expect(criteres(loin, 'veto')).toEqual(['commune'])
  })

  describe('guichet France services et structure qui l’accueille', () => {
    const guichet = fiche({ nom: 'France services Saint-Jean', adresse: '5 rue de la Gare', typologie: ['RFS'], dispositif_programmes_nationaux: ['France Services'] })

    it('envoie à l’examen une mairie à la même adresse, sans lien propre', () => {
      const c = comparer(guichet, fiche({ source: 'source-b', nom: 'Mairie de Saint-Jean-de-Maurienne', adresse: '5 rue de la Gare', telephone: '+33479000009' }))
      expect(c.verdict).toBe('a-examiner')
      expect(criteres(c, 'contre')).toContain('typologie')
    })

    it('fusionne une structure signalée France services à la même adresse', () => {
      const c = comparer(guichet, fiche({ source: 'source-b', nom: 'Communauté de communes Cœur de Maurienne', adresse: '5 RUE DE LA GARE', dispositif_programmes_nationaux: ['France Services'] }))
      expect(c.verdict).toBe('meme-lieu')
    })

    it('fusionne quand le nom du guichet nomme la structure', () => {
      const c = comparer(
        fiche({ nom: 'France services CCAS de Saint-Jean', adresse: '5 rue de la Gare', typologie: ['RFS'] }),
        fiche({ source: 'source-b', nom: 'CCAS de Saint-Jean-de-Maurienne', adresse: '5 rue de la Gare', dlat: 0.0001 }),
      )
      expect(c.verdict).toBe('meme-lieu')
    })
  })

  it('ne confond pas une unité mobile avec le lieu fixe de la même adresse', () => {
    const c = comparer(fiche({ nom: 'Bus France services Maurienne', adresse: '5 rue de la Gare', typologie: ['RFS'] }), fiche({ source: 'source-b', nom: 'France services Maurienne', adresse: '5 rue de la Gare', typologie: ['RFS'] }))
    expect(criteres(c, 'contre')).toContain('itinerance')
    expect(c.verdict).not.toBe('meme-lieu')
  })

  it('ne fusionne pas deux sites d’une organisation au même SIRET', () => {
    const c = comparer(fiche({ nom: 'Association Trait d’Union', adresse: '3 rue Pasteur', pivot: '73282932000074' }), fiche({ source: 'source-b', nom: 'Association Trait d’Union', adresse: '8 avenue Foch', pivot: '73282932000074', dlat: 0.01 }))
    expect(c.raisons.find((r) => r.critere === 'siret')?.libelle).toMatch(/^Même SIRET .*adresses différentes/)
    expect(c.verdict).not.toBe('meme-lieu')
  })

  it('demande des preuves plus fortes dans une même source', () => {
    const a = fiche({ nom: 'Médiathèque Louise Michel', adresse: '3 rue Pasteur' })
    const b = { nom: 'Mediatheque Louise Michel', adresse: '3 r. Pasteur', dlat: 0.0003 }
    const autres = comparer(a, fiche({ ...b, source: 'source-b' }))
    const meme = comparer(a, fiche({ ...b, source: 'source-a' }))
    expect(autres.verdict).toBe('meme-lieu')
    expect(meme.score).toBeLessThan(autres.score)
    expect(criteres(meme, 'contre')).toContain('source')
  })

  it('oppose un veto à un nom qui ne désigne rien', () => {
    const c = comparer(fiche({ nom: 'Non diffusible' }), fiche({ source: 'source-b', nom: 'Non diffusible' }))
    expect(c).toMatchObject({ verdict: 'differents', score: 0 })
    expect(criteres(c, 'veto')).toEqual(['nom'])
  })

  it('garde un score entre 0 et 1 et des seuils ordonnés', () => {
    expect(SEUIL_EXAMEN).toBeLessThan(SEUIL_FUSION)
    const c = comparer(fiche({ nom: 'Médiathèque Bonlieu' }), fiche({ source: 'source-b', nom: 'Mission locale', adresse: '99 boulevard Autre', dlat: 0.02 }))
    expect(c.score).toBeGreaterThanOrEqual(0)
    expect(c.score).toBeLessThan(SEUIL_EXAMEN)
  })
})
