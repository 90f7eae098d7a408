import { describe, expect, it } from 'vitest'
import { resoudreCommune } from './communes.ts'
import { cleCommune, referentiel } from './referentiel.ts'

const ref = referentiel()

const resoudre = (commune: string | null, code_postal: string | null, code_insee: string | null = null) =>
  resoudreCommune({ commune, code_postal, code_insee }, ref)

describe('cleCommune', () => {
  it('rapproche les écritures d’un même nom', () => {
    expect(cleCommune('ST-ÉTIENNE CEDEX 1')).toBe(cleCommune('Saint-Étienne'))
    expect(cleCommune('SAINT ETIENNE 42000')).toBe(cleCommune('Saint-Étienne'))
    expect(cleCommune('Ste Foy lès Lyon')).toBe(cleCommune('Sainte-Foy-lès-Lyon'))
    expect(cleCommune('ANGOULEME CEDEX')).toBe(cleCommune('Angoulême'))
  })
})

describe('resoudreCommune : compléter le code INSEE', () => {
  it('Chambéry 73000 → 73065', () => {
    const r = resoudre('Chambéry', '73000')
    expect(r.statut).toBe('completee')
    expect(r.commune).toMatchObject({ code: '73065', nom: 'Chambéry' })
  })

  it.each([
    ['Barberaz', '73029'],
    ['Bassens', '73031'],
    ['Jacob-Bellecombette', '73137'],
    ['Sonnaz', '73288'],
  ])('choisit par le nom parmi les communes qui partagent 73000 : %s → %s', (nom, code) => {
    expect(resoudre(nom, '73000')).toMatchObject({ statut: 'completee', commune: { code } })
  })

  it('lit les noms sans accents, en majuscules ou avec une faute de frappe', () => {
    expect(resoudre('CHAMBERY', '73000').commune?.code).toBe('73065')
    expect(resoudre('Chambérry', '73000').commune?.code).toBe('73065')
  })

  it('lit l’abréviation « ST ETIENNE »', () => {
    expect(resoudre('ST ETIENNE', '42000')).toMatchObject({ statut: 'completee', commune: { code: '42218', nom: 'Saint-Étienne' } })
  })

  it('lit un code CEDEX et un code postal collé au nom (« ANGOULEME 16024 »)', () => {
    expect(resoudre('ANGOULEME CEDEX', '16024').commune?.code).toBe('16015')
    expect(resoudre('ANGOULEME 16024', '16000').commune?.code).toBe('16015')
    expect(resoudre('ANGOULEME 16024', '16024').commune?.code).toBe('16015')
  })

  it('comprend un nom raccourci, unique dans le code postal (« Chamonix » 74400)', () => {
    expect(resoudre('Chamonix', '74400')).toMatchObject({ statut: 'completee', commune: { code: '74056', nom: 'Chamonix-Mont-Blanc' } })
  })

  it('trouve une commune de Corse (20000 → 2A)', () => {
    expect(resoudre('Ajaccio', '20000').commune?.code).toBe('2A004')
  })

  it('trouve une commune de Nouvelle-Calédonie (Nouméa 98800 → 98818)', () => {
    expect(resoudre('Nouméa', '98800')).toMatchObject({ statut: 'completee', commune: { code: '98818' } })
  })

  it('distingue les homonymes par le code postal (Saint-Denis)', () => {
    expect(resoudre('Saint-Denis', '97400').commune?.code).toBe('97411')
    expect(resoudre('Saint Denis', '93200').commune?.code).toBe('93066')
  })

  it('ramène le nom d’une ancienne commune à la commune nouvelle (Annecy-le-Vieux → Annecy)', () => {
    expect(resoudre('Annecy-le-Vieux', '74940').commune?.code).toBe('74010')
  })
})

describe('resoudreCommune : Paris, Lyon, Marseille', () => {
  it.each([
    ['Paris', '75015', '75115'],
    ['Paris', '75001', '75101'],
    ['Lyon', '69003', '69383'],
    ['Marseille', '13001', '13201'],
    ['Paris 15e Arrondissement', '75015', '75115'],
  ])('%s %s → arrondissement %s', (nom, cp, code) => {
    expect(resoudre(nom, cp)).toMatchObject({ statut: 'completee', commune: { code, type: 'arrondissement-municipal' } })
  })

  it.each([
    ['Marseille 13e', '13013', '13213'],
    ['Marseille 1er', '13001', '13201'],
    ['Paris 15e', '75015', '75115'],
    ['Paris 15ème', '75015', '75115'],
    ['Lyon 3e', '69003', '69383'],
  ])('« %s » %s → arrondissement %s (écriture courte des fichiers réels)', (nom, cp, code) => {
    expect(resoudre(nom, cp).commune?.code).toBe(code)
  })

  it('garde le code de la commune 75056 quand il est donné (confirmé)', () => {
    expect(resoudre('Paris', '75015', '75056')).toMatchObject({ statut: 'confirmee', commune: { code: '75056' } })
  })

  it('confirme un code d’arrondissement cohérent', () => {
    expect(resoudre('Paris', '75015', '75115')).toMatchObject({ statut: 'confirmee', commune: { code: '75115' } })
  })
})

describe('resoudreCommune : vérifier un code INSEE donné', () => {
  it('confirme un code cohérent', () => {
    expect(resoudre('Chambéry', '73000', '73065')).toMatchObject({ statut: 'confirmee', commune: { code: '73065' } })
    expect(resoudre(null, null, '73065')).toMatchObject({ statut: 'confirmee', commune: { code: '73065' } })
    expect(resoudre('Chambéry', null, '73065').statut).toBe('confirmee')
  })

  it('corrige un code qui ne correspond ni au code postal ni au nom, en l’expliquant', () => {
    const r = resoudre('Chambéry', '73000', '01001')
    expect(r).toMatchObject({ statut: 'corrigee', commune: { code: '73065' } })
    expect(r.explication).toContain('01001')
    expect(r.explication).toContain('73065')
  })

  it('corrige un code qui n’existe pas', () => {
    const r = resoudre('Chambéry', '73000', '73999')
    expect(r).toMatchObject({ statut: 'corrigee', commune: { code: '73065' } })
    expect(r.explication).toMatch(/n'existe pas/)
  })

  it('remplace le code d’une ancienne commune (69152, Pierre-Bénite) par celui de la commune actuelle (69149)', () => {
    const r = resoudre('Pierre-Bénite', '69310', '69152')
    expect(r).toMatchObject({ statut: 'corrigee', commune: { code: '69149', nom: 'Oullins-Pierre-Bénite' } })
    expect(r.explication).toMatch(/ancienne commune/)
    expect(resoudre(null, null, '69152').commune?.code).toBe('69149')
  })

  it('signale comme incohérent un code que rien ne permet de corriger', () => {
    const r = resoudre('Xyzville', '99999', '01001')
    expect(r.statut).toBe('incoherente')
    expect(r.commune?.code).toBe('01001')
    expect(r.explication).toMatch(/à vérifier/)
  })
})

describe('resoudreCommune : introuvable', () => {
  it('explique en français qu’une commune inconnue est introuvable', () => {
    const r = resoudre('Xyzville', '73000')
    expect(r.statut).toBe('introuvable')
    expect(r.commune).toBeUndefined()
    expect(r.explication).toContain('Xyzville')
    expect(r.explication).toContain('73000')
    expect(r.explication).toMatch(/introuvable/)
  })

  it('ne devine pas une commune parmi plusieurs sans nom', () => {
    expect(resoudre(null, '73000').statut).toBe('introuvable')
  })

  it('trouve une commune sans nom quand le code postal n’en désigne qu’une', () => {
    const candidats = ref.parCodePostal.get('74400') ?? []
    expect(candidats).toHaveLength(1)
    expect(resoudre(null, '74400').commune?.code).toBe('74056')
  })
})
