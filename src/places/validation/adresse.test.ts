import { isValidAddress } from '@gouvfr-anct/lieux-de-mediation-numerique'
import { describe, expect, it } from 'vitest'
import { assainirCommune, communeConforme, lireAdresse, lireCodeInsee, lireCodePostal, lireCommune, lireComplementAdresse } from './adresse.ts'
import { Constat } from './problems.ts'

/** The ANCT library's street-line regex (`VOIE_REG_EXP`), as the standard's reference quotes it. */
const VOIE_BIBLIOTHEQUE = /^[0-9A-Za-z\dÀ-ÖØ-öø-ÿœ-ŸŒ\-,()°.&:+–|;'’/\s]+$/u

function adresse(brut: unknown) {
  const constat = new Constat()
  return { adresse: lireAdresse(brut, constat), problemes: constat.problemes }
}

describe('lireAdresse', () => {
  it('garde sans remarque une adresse conforme', () => {
    expect(adresse('12 bis rue de Leclercq')).toEqual({ adresse: '12 bis rue de Leclercq', problemes: [] })
    expect(adresse("3, place de l'Hôtel-de-Ville (1er étage) n° 4")).toEqual({ adresse: "3, place de l'Hôtel-de-Ville (1er étage) n° 4", problemes: [] })
  })

  it.each([
    ['12 rue "de la" Paix', '12 rue de la Paix'],
    ['12 rue « de la » Paix', '12 rue de la Paix'],
    ['12_rue_de_la_Paix', '12 rue de la Paix'],
    ['12 rue “Victor Hugo”', '12 rue Victor Hugo'],
    ['12 rue Victor Hugo — bât. A', '12 rue Victor Hugo - bât. A'],
    ['3 avenue Jean Jaurès ★', '3 avenue Jean Jaurès'],
  ])('retire les caractères non admis de %j, avec une correction', (brut, attendu) => {
    const { adresse: propre, problemes } = adresse(brut)
    expect(propre).toBe(attendu)
    expect(propre).toMatch(VOIE_BIBLIOTHEQUE)
    expect(problemes).toHaveLength(1)
    expect(problemes[0]).toMatchObject({ niveau: 'correction', champ: 'adresse', valeur: brut })
    expect(problemes[0]?.message).toContain(attendu)
  })

  it('produit une adresse que la bibliothèque de l’ANCT accepte', () => {
    const { adresse: propre } = adresse('12 rue « de la » Paix_bis "B"')
    expect(isValidAddress({ voie: propre as string, code_postal: '73000', commune: 'Chambéry' })).toBe(true)
  })

  it.each([[undefined], [null], [''], ['   ']])('exige une adresse (%j) : erreur', (brut) => {
    const { adresse: propre, problemes } = adresse(brut)
    expect(propre).toBeNull()
    expect(problemes.map((p) => `${p.niveau}:${p.champ}`)).toEqual(['erreur:adresse'])
  })

  it('refuse une adresse sans aucun caractère utilisable', () => {
    const { adresse: propre, problemes } = adresse('""')
    expect(propre).toBeNull()
    expect(problemes.map((p) => `${p.niveau}:${p.champ}`)).toEqual(['erreur:adresse'])
  })

  it('réécrit une adresse en capitales, avec ses abréviations, et le signale comme une correction', () => {
    const { adresse: propre, problemes } = adresse('12 BIS RUE DE LECLERCQ')
    expect(propre).toBe('12 bis rue de Leclercq')
    expect(problemes).toEqual([
      expect.objectContaining({ niveau: 'correction', champ: 'adresse', valeur: '12 BIS RUE DE LECLERCQ', message: expect.stringContaining('« 12 bis rue de Leclercq »') }),
    ])
    expect(adresse('3 av.  Jean   Jaurès').adresse).toBe('3 avenue Jean Jaurès')
  })

  it('met l’adresse sur une ligne', () => {
    expect(adresse('12 rue de la Paix\n73000').adresse).toBe('12 rue de la Paix 73000')
  })
})

describe('lireCodePostal', () => {
  const lire = (brut: unknown) => {
    const constat = new Constat()
    return { code: lireCodePostal(brut, constat), problemes: constat.problemes }
  }

  it('garde un code à 5 chiffres', () => {
    expect(lire('73000')).toEqual({ code: '73000', problemes: [] })
    expect(lire(73000)).toEqual({ code: '73000', problemes: [] })
    expect(lire('73 000')).toEqual({ code: '73000', problemes: [] })
  })

  it('complète un code à 4 chiffres par un zéro initial, avec une correction', () => {
    for (const brut of ['1000', 1000]) {
      const { code, problemes } = lire(brut)
      expect(code).toBe('01000')
      expect(problemes).toHaveLength(1)
      expect(problemes[0]).toMatchObject({ niveau: 'correction', champ: 'code_postal' })
    }
  })

  it('renvoie null avec un avertissement pour un code mal formé', () => {
    for (const brut of ['ABCDE', '730000', '73']) {
      const { code, problemes } = lire(brut)
      expect(code).toBeNull()
      expect(problemes.map((p) => `${p.niveau}:${p.champ}`)).toEqual(['avertissement:code_postal'])
    }
  })

  it('renvoie null sans remarque pour un code absent (c’est à l’appelant de décider)', () => {
    expect(lire(undefined)).toEqual({ code: null, problemes: [] })
  })
})

describe('lireCodeInsee', () => {
  const lire = (brut: unknown) => {
    const constat = new Constat()
    return { code: lireCodeInsee(brut, constat), problemes: constat.problemes }
  }

  it('garde un code bien formé, Corse comprise', () => {
    expect(lire('73065')).toEqual({ code: '73065', problemes: [] })
    expect(lire('2A004')).toEqual({ code: '2A004', problemes: [] })
    expect(lire('2B033')).toEqual({ code: '2B033', problemes: [] })
    expect(lire('2a004')).toEqual({ code: '2A004', problemes: [] })
    expect(lire('98818')).toEqual({ code: '98818', problemes: [] })
  })

  it('complète un code à 4 chiffres par un zéro initial, avec une correction', () => {
    for (const brut of ['1004', 1004]) {
      const { code, problemes } = lire(brut)
      expect(code).toBe('01004')
      expect(problemes).toHaveLength(1)
      expect(problemes[0]).toMatchObject({ niveau: 'correction', champ: 'code_insee' })
    }
  })

  it('renvoie null avec un avertissement pour un code mal formé', () => {
    for (const brut of ['20004', '2C004', '730', 'Chambéry']) {
      const { code, problemes } = lire(brut)
      expect(code, String(brut)).toBeNull()
      expect(problemes.map((p) => `${p.niveau}:${p.champ}`)).toEqual(['avertissement:code_insee'])
    }
  })
})

describe('commune, complément', () => {
  it('lit la commune et le complément d’adresse nettoyés', () => {
    expect(lireCommune('  Chambéry ')).toBe('Chambéry')
    expect(lireCommune('')).toBeNull()
    expect(lireComplementAdresse('Bâtiment B<br>2e étage')).toBe('Bâtiment B 2e étage')
  })

  it('vérifie et assainit les caractères d’un nom de commune', () => {
    expect(communeConforme('Saint-Étienne')).toBe(true)
    expect(communeConforme("L'Haÿ-les-Roses")).toBe(true)
    expect(communeConforme('Saint-Étienne (42)')).toBe(false)
    expect(assainirCommune('Saint-Étienne (42)')).toBe('Saint-Étienne 42')
    expect(communeConforme(assainirCommune('Chambéry « centre »'))).toBe(true)
  })
})
