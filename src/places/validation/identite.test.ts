import { describe, expect, it } from 'vitest'
import { PIVOT_NON_RENSEIGNE } from '../standard/fields.ts'
import { cleSiretValide, estRna, lireId, lireNom, lirePivot } from './identite.ts'
import { Constat } from './problems.ts'

/** Completes 13 digits with the Luhn key digit: a SIRET that passes the check. */
function avecCleLuhn(treize: string): string {
  for (let cle = 0; cle <= 9; cle++) {
    const candidat = `${treize}${cle}`
    let somme = 0
    for (let i = 0; i < 14; i++) {
      let chiffre = Number(candidat[13 - i])
      if (i % 2 === 1) {
        chiffre *= 2
        if (chiffre > 9) chiffre -= 9
      }
      somme += chiffre
    }
    if (somme % 10 === 0) return candidat
  }
  throw new Error('inatteignable')
}

const niveaux = (constat: Constat) => constat.problemes.map((p) => `${p.niveau}:${p.champ}`)

describe('lireId', () => {
  it('garde un identifiant présent', () => {
    const constat = new Constat()
    expect(lireId('structure-1', constat)).toBe('structure-1')
    expect(lireId(42, constat)).toBe('42')
    expect(constat.problemes).toEqual([])
  })

  it.each([[undefined], [null], [''], ['   '], ['<br>']])('refuse un identifiant absent ou vide (%j) avec une erreur', (brut) => {
    const constat = new Constat()
    expect(lireId(brut, constat)).toBeNull()
    expect(niveaux(constat)).toEqual(['erreur:id'])
    expect(constat.problemes[0]?.message).toMatch(/identifiant/)
    expect(constat.bloquant).toBe(true)
  })
})

describe('lireNom', () => {
  it('garde le nom, nettoyé', () => {
    const constat = new Constat()
    expect(lireNom('  Médiathèque &amp; ludothèque ', constat)).toBe('Médiathèque & ludothèque')
    expect(constat.problemes).toEqual([])
  })

  it.each([[undefined], [''], ['  ']])('refuse un nom absent ou blanc (%j) avec une erreur', (brut) => {
    const constat = new Constat()
    expect(lireNom(brut, constat)).toBeNull()
    expect(niveaux(constat)).toEqual(['erreur:nom'])
    expect(constat.problemes[0]?.message).toMatch(/nom/)
  })
})

describe('cleSiretValide', () => {
  it('accepte des SIRET dont la clé de Luhn est juste', () => {
    expect(cleSiretValide('73282932000074')).toBe(true)
    expect(cleSiretValide(avecCleLuhn('1300260320001'))).toBe(true)
    expect(cleSiretValide(avecCleLuhn('2173006500001'))).toBe(true)
  })

  it('refuse un SIRET dont un chiffre est faux', () => {
    expect(cleSiretValide('73282932000075')).toBe(false)
    expect(cleSiretValide('73282932000047')).toBe(false)
  })

  it('refuse ce qui n’a pas 14 chiffres', () => {
    expect(cleSiretValide('7328293200007')).toBe(false)
    expect(cleSiretValide('7328293200007A')).toBe(false)
  })

  it('applique la règle de La Poste (somme des chiffres divisible par 5) à ses établissements', () => {
    // 3+5+6+1 = 15 : valide pour La Poste, alors que la formule de Luhn le refuse
    expect(cleSiretValide('35600000000001')).toBe(true)
    expect(cleSiretValide('35600000000002')).toBe(false)
  })

  it('accepte le SIRET du siège de La Poste, 35600000000048, qui suit la formule de Luhn', () => {
    // Le siège (NIC 00048) respecte Luhn ; la somme de ses chiffres (26) n'est pas divisible par 5.
    expect(cleSiretValide('35600000000048')).toBe(true)
  })
})

describe('estRna', () => {
  it('reconnaît W suivi de 9 caractères', () => {
    expect(estRna('W123456789')).toBe(true)
    expect(estRna('W73100123A')).toBe(true)
    expect(estRna('W12345678')).toBe(false)
    expect(estRna('123456789')).toBe(false)
  })
})

describe('lirePivot', () => {
  const lire = (brut: unknown) => {
    const constat = new Constat()
    return { pivot: lirePivot(brut, constat), problemes: constat.problemes }
  }

  it('accepte sans remarque un SIRET valide', () => {
    expect(lire('73282932000074')).toEqual({ pivot: '73282932000074', problemes: [] })
  })

  it('accepte sans remarque un SIRET écrit comme un nombre', () => {
    expect(lire(73282932000074)).toEqual({ pivot: '73282932000074', problemes: [] })
  })

  it('écarte un SIRET à la clé fausse (valeur conventionnelle), avec un avertissement qui le cite', () => {
    const { pivot, problemes } = lire('73282932000075')
    expect(pivot).toBe(PIVOT_NON_RENSEIGNE)
    expect(problemes).toHaveLength(1)
    expect(problemes[0]).toMatchObject({ niveau: 'avertissement', champ: 'pivot', valeur: '73282932000075' })
    expect(problemes[0]?.message).toMatch(/Luhn.*écarté/)
  })

  it('écarte le « SIRET » du Havre, un nombre complété par des zéros (36750100000000)', () => {
    const { pivot, problemes } = lire(36750100000000)
    expect(pivot).toBe(PIVOT_NON_RENSEIGNE)
    expect(problemes.map((p) => p.niveau)).toEqual(['avertissement'])
  })

  it.each([['0.0'], ['0'], [0]])('traite %j (zéro d’un tableur, Aidants Connect) comme un pivot absent', (brut) => {
    const { pivot, problemes } = lire(brut)
    expect(pivot).toBe(PIVOT_NON_RENSEIGNE)
    expect(problemes.map((p) => `${p.niveau}:${p.champ}`)).toEqual(['avertissement:pivot'])
    expect(problemes[0]?.message).toMatch(/absent/)
  })

  it('accepte sans remarque un établissement de La Poste qui suit sa règle', () => {
    expect(lire('35600000000001')).toEqual({ pivot: '35600000000001', problemes: [] })
  })

  it('accepte sans remarque le SIRET du siège de La Poste (35600000000048)', () => {
    expect(lire('35600000000048')).toEqual({ pivot: '35600000000048', problemes: [] })
  })

  it('avertit pour un SIRET de La Poste qui ne suit aucune des deux règles, et l’écarte', () => {
    const { pivot, problemes } = lire('35600000000002')
    expect(pivot).toBe(PIVOT_NON_RENSEIGNE)
    expect(problemes.map((p) => p.niveau)).toEqual(['avertissement'])
  })

  it('relit un SIRET écrit comme un nombre à virgule par un tableur (13002603200016.0)', () => {
    const siret = avecCleLuhn('1300260320001')
    expect(lire(`${siret}.0`)).toEqual({ pivot: siret, problemes: [] })
  })

  it('relit un SIRET groupé par des espaces, des points ou des tirets', () => {
    const siret = avecCleLuhn('1300260320001')
    const groupe = `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`
    expect(lire(groupe)).toEqual({ pivot: siret, problemes: [] })
    expect(lire(`${siret.slice(0, 3)}.${siret.slice(3, 6)}.${siret.slice(6, 9)}-${siret.slice(9)}`)).toEqual({ pivot: siret, problemes: [] })
  })

  it('relit « 130 026 032 00016 » et « 13002603200016.0 » (SIRET valide) sans remarque', () => {
    expect(cleSiretValide('13002603200016')).toBe(true)
    expect(lire('130 026 032 00016')).toEqual({ pivot: '13002603200016', problemes: [] })
    expect(lire('13002603200016.0')).toEqual({ pivot: '13002603200016', problemes: [] })
  })

  it('accepte sans remarque un RNA, même en minuscules', () => {
    expect(lire('W123456789')).toEqual({ pivot: 'W123456789', problemes: [] })
    expect(lire('w123456789')).toEqual({ pivot: 'W123456789', problemes: [] })
  })

  it('remplace un SIREN (9 chiffres) par la valeur conventionnelle, avec un avertissement qui parle de SIREN', () => {
    const { pivot, problemes } = lire('732829320')
    expect(pivot).toBe(PIVOT_NON_RENSEIGNE)
    expect(problemes).toHaveLength(1)
    expect(problemes[0]).toMatchObject({ niveau: 'avertissement', champ: 'pivot', valeur: '732829320' })
    expect(problemes[0]?.message).toMatch(/SIREN/)
    expect(problemes[0]?.message).toContain(PIVOT_NON_RENSEIGNE)
  })

  it.each([['n/a'], ['123'], ['SIRET à venir'], ['W12']])('remplace une valeur quelconque (%j) par la valeur conventionnelle, avec un avertissement', (brut) => {
    const { pivot, problemes } = lire(brut)
    expect(pivot).toBe(PIVOT_NON_RENSEIGNE)
    expect(problemes).toHaveLength(1)
    expect(problemes[0]).toMatchObject({ niveau: 'avertissement', champ: 'pivot', valeur: brut })
    expect(problemes[0]?.message).toContain(brut)
  })

  it.each([[undefined], [null], [''], ['  ']])('remplace un pivot absent (%j) par la valeur conventionnelle, avec un avertissement', (brut) => {
    const { pivot, problemes } = lire(brut)
    expect(pivot).toBe(PIVOT_NON_RENSEIGNE)
    expect(problemes.map((p) => `${p.niveau}:${p.champ}`)).toEqual(['avertissement:pivot'])
    expect(problemes[0]?.message).toMatch(/absent/)
  })

  it('accepte sans remarque la valeur conventionnelle elle-même', () => {
    expect(lire(PIVOT_NON_RENSEIGNE)).toEqual({ pivot: PIVOT_NON_RENSEIGNE, problemes: [] })
  })
})
