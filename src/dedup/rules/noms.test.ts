import { describe, expect, it } from 'vitest'
import { comparerNomsTextes } from './noms-compares.ts'
import { developperSigles, motsCanoniques, motsDesCommunes, nomSansIdentite, peser, preparerNom, serviceUniqueDeCommune } from './noms.ts'
import { normaliser } from './texte.ts'

describe('normaliser', () => {
  it('ignore la casse, les accents, la ponctuation et le pluriel', () => {
    expect(normaliser('Médiathèques  Élisabeth-Badinter !')).toBe('mediatheque elisabeth badinter')
    expect(normaliser('Œuvre des Bibliothèques')).toBe('oeuvre des bibliotheque')
  })

  it('lit « @ » comme un « a », les entités HTML, les ordinaux et les sigles à points', () => {
    expect(normaliser("L'@telier numérique")).toBe('l atelier numerique')
    expect(normaliser('Tiers-lieu &amp; Cie')).toBe('tier lieu cie')
    expect(normaliser('France services Marseille 13ème')).toBe('france service marseille 13')
    expect(normaliser('M.J.C. des Tilleuls')).toBe('mjc des tilleul')
  })
})

describe('motsCanoniques', () => {
  it('ramène « mairie de », « ville de », « commune de » et « hôtel de ville » à un seul mot', () => {
    for (const nom of ['Mairie de Saint-Jean', 'Ville de St Jean', 'COMMUNE DE ST-JEAN', 'Hôtel de ville de Saint Jean']) {
      expect(motsCanoniques(nom)).toEqual(['mairie', 'saint', 'jean'])
    }
  })

  it('reconnaît France services sous ses autres noms, et les sigles développés', () => {
    expect(motsCanoniques('MSAP du Pays de Gex')).toEqual(['franceservices', 'pay', 'gex'])
    expect(motsCanoniques('Maison de services au public de Gex')).toEqual(['franceservices', 'gex'])
    expect(motsCanoniques('Espace France Services Gex')).toEqual(['franceservices', 'gex'])
    expect(motsCanoniques("Centre Communal d'Action Sociale")).toEqual(['ccas'])
    expect(motsCanoniques('CTRE COM ACTION SOCIALE DE MEYREUIL')).toEqual(['ccas', 'meyreuil'])
    expect(motsCanoniques('Espace public numérique')).toEqual(['epn'])
    expect(motsCanoniques('Maison des jeunes et de la culture')).toEqual(['mjc'])
    expect(motsCanoniques('Communauté de communes du Val')).toEqual(['cc', 'val'])
  })
})

describe('peser', () => {
  it('donne peu de poids au type de lieu et au nom de la commune, tout son poids au reste', () => {
    const mots = peser(motsCanoniques('Médiathèque Louise Michel de Chambéry'), motsDesCommunes(['Chambéry']))
    expect(mots.map((m) => [m.mot, m.nature])).toEqual([
      ['bibliotheque', 'generique'],
      ['louise', 'distinctif'],
      ['michel', 'distinctif'],
      ['chambery', 'commune'],
    ])
    expect(mots[1]?.poids).toBeGreaterThan(3 * (mots[0]?.poids ?? 1))
  })

  it('reconnaît un mot générique mal écrit et un nom de commune tronqué', () => {
    const mots = peser(motsCanoniques('Maiirie de Salon de Provenc'), motsDesCommunes(['Salon-de-Provence']))
    expect(mots.map((m) => m.nature)).toEqual(['generique', 'commune', 'commune'])
  })
})

describe('developperSigles', () => {
  it('développe un sigle épelé par les initiales de l’autre nom, articles compris ou non', () => {
    expect(developperSigles(preparerNom('MDS Cournon'), preparerNom('Maison des Solidarités de Cournon'))).toEqual(['maison', 'solidarite', 'cournon'])
    expect(developperSigles(preparerNom('CIJ'), preparerNom('Centre Information Jeunesse'))).toEqual(['centre', 'pij'])
  })

  it('ne développe rien sans sigle correspondant', () => {
    expect(developperSigles(preparerNom('Le Babet'), preparerNom('FACE Loire'))).toBeNull()
  })
})

describe('comparerNomsTextes', () => {
  it('voit « Mairie de Saint-Jean » et « Ville de St Jean » comme le même nom, sans mot distinctif', () => {
    const c = comparerNomsTextes('Mairie de Saint-Jean', 'Saint-Jean', 'Ville de St Jean', 'Saint-Jean')
    expect(c.similarite).toBe(1)
    expect(c.generiques).toBe(2)
  })

  it('reconnaît un nom contenu dans l’autre et une faute de frappe', () => {
    expect(comparerNomsTextes('Le Babet', 'Lyon', 'Le Babet – espace numérique', 'Lyon').similarite).toBeGreaterThanOrEqual(0.9)
    expect(comparerNomsTextes('MJC Lucie Aubrca', 'Lyon', 'M.J.C. Lucie Aubrac', 'Lyon').similarite).toBeGreaterThan(0.9)
  })

  it('sépare deux unités d’une même structure par leurs mots propres', () => {
    const c = comparerNomsTextes('CDAS des Champs Manceaux', 'Rennes', 'CDAS du Blosne', 'Rennes')
    expect(c.distinctifsOpposes).toEqual(['champ', 'blosne'])
    expect(c.similarite).toBeLessThan(0.5)
  })

  it('dit quand un nom nomme l’autre structure, type de structure compris', () => {
    const lien = comparerNomsTextes('France services CCAS de Migennes', 'Migennes', 'CCAS de Migennes', 'Migennes')
    expect(lien.bNommeDansA).toBe(true)
    const sansType = comparerNomsTextes('France services Yvetot Normandie', 'Yvetot', 'CC Yvetot Normandie', 'Yvetot')
    expect(sansType.bNommeDansA).toBe(false)
  })

  it('refuse un nom qui ne désigne rien', () => {
    expect(comparerNomsTextes('Non diffusible', 'Lyon', 'Non diffusible', 'Lyon').sansIdentite).toBe(true)
    expect(nomSansIdentite('  ')).toBe(true)
    expect(nomSansIdentite('N.C.')).toBe(true)
    expect(nomSansIdentite('Médiathèque')).toBe(false)
  })
})

describe('serviceUniqueDeCommune', () => {
  it('reconnaît les noms qui ne disent que « mairie » ou « CCAS » de la commune', () => {
    const communes = motsDesCommunes(['Flayosc'])
    expect(serviceUniqueDeCommune(peser(motsCanoniques('Mairie de Flayosc'), communes))).toBe('mairie')
    expect(serviceUniqueDeCommune(peser(motsCanoniques('CCAS'), communes))).toBe('ccas')
    expect(serviceUniqueDeCommune(peser(motsCanoniques('Mairie annexe de Flayosc'), communes))).toBeNull()
    expect(serviceUniqueDeCommune(peser(motsCanoniques('Médiathèque de Flayosc'), communes))).toBeNull()
  })
})
