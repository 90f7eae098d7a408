import { describe, expect, it } from 'vitest'
import { Constat } from './problems.ts'
import { lireTelephone, normaliserTelephone } from './telephone.ts'

/** The standard's own pattern, written out here rather than imported, so the test checks the module against the schema. */
const MOTIF_STANDARD = /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$/

function lire(brut: unknown, codePostal: string | null = null) {
  const constat = new Constat()
  const telephone = lireTelephone(brut, codePostal, constat)
  return { telephone, problemes: constat.problemes }
}

describe('lireTelephone : numéros métropolitains', () => {
  it.each([
    ['04 79 31 19 19'],
    ['04.79.31.19.19'],
    ['04-79-31-19-19'],
    ['0479311919'],
    ['+33 (0)4 79 31 19 19'],
    ['+33 4 79 31 19 19'],
    ['0033479311919'],
    ['0033 4 79 31 19 19'],
    ['33479311919'],
  ])('met %j au format international +33479311919, avec une correction', (brut) => {
    const { telephone, problemes } = lire(brut)
    expect(telephone).toBe('+33479311919')
    expect(problemes).toHaveLength(1)
    expect(problemes[0]).toMatchObject({ niveau: 'correction', champ: 'telephone' })
    expect(problemes[0]?.message).toContain('+33479311919')
  })

  it('garde tel quel un numéro déjà au format international, sans rien signaler', () => {
    expect(lire('+33479311919')).toEqual({ telephone: '+33479311919', problemes: [] })
    expect(lire('+687271234', '98800')).toEqual({ telephone: '+687271234', problemes: [] })
  })

  it('complète un numéro de 9 chiffres qui a perdu son 0 initial (tableur)', () => {
    expect(lire('479311919').telephone).toBe('+33479311919')
    expect(lire(612345678).telephone).toBe('+33612345678')
  })

  it('traite les mobiles et les numéros non géographiques', () => {
    expect(lire('06 12 34 56 78').telephone).toBe('+33612345678')
    expect(lire('07 00 11 22 33').telephone).toBe('+33700112233')
    expect(lire('09 00 11 22 33').telephone).toBe('+33900112233')
  })
})

describe('lireTelephone : outre-mer, par le préfixe', () => {
  it.each([
    ['0590 12 34 56', '+590590123456'], // Guadeloupe, fixe
    ['0690 12 34 56', '+590690123456'], // Guadeloupe, mobile
    ['0594 12 34 56', '+594594123456'], // Guyane
    ['0694 12 34 56', '+594694123456'],
    ['0262 12 34 56', '+262262123456'], // La Réunion
    ['0692 12 34 56', '+262692123456'],
    ['0693 12 34 56', '+262693123456'],
    ['0596 12 34 56', '+596596123456'], // Martinique
    ['0696 12 34 56', '+596696123456'],
    ['0269 61 23 45', '+262269612345'], // Mayotte, fixe
    ['0639 61 23 45', '+262639612345'], // Mayotte, mobile
  ])('%j → %j', (brut, attendu) => {
    const { telephone, problemes } = lire(brut)
    expect(telephone).toBe(attendu)
    expect(problemes.map((p) => p.niveau)).toEqual(['correction'])
  })

  it('convertit un numéro ultramarin écrit avec +33', () => {
    expect(lire('+33 6 90 12 34 56').telephone).toBe('+590690123456')
  })

  it('garde l’indicatif ultramarin écrit en +262 ou 00262', () => {
    expect(lire('+262 692 12 34 56').telephone).toBe('+262692123456')
    expect(lire('00262 692 12 34 56').telephone).toBe('+262692123456')
    expect(lire('+262 0692 12 34 56').telephone).toBe('+262692123456')
  })
})

describe('lireTelephone : numéros locaux à 6 ou 8 chiffres, par le code postal', () => {
  it('Nouvelle-Calédonie (988xx) : 6 chiffres → +687', () => {
    const { telephone, problemes } = lire('27 12 34', '98800')
    expect(telephone).toBe('+687271234')
    expect(problemes.map((p) => p.niveau)).toEqual(['correction'])
    expect(lire('27.12.34', '98818').telephone).toBe('+687271234')
  })

  it('Wallis-et-Futuna (986xx) → +681, Saint-Pierre-et-Miquelon (975xx) → +508', () => {
    expect(lire('72 12 34', '98600').telephone).toBe('+681721234')
    expect(lire('41 23 45', '97500').telephone).toBe('+508412345')
  })

  it('Polynésie française (987xx) : 8 chiffres → +689', () => {
    expect(lire('40 12 34 56', '98714').telephone).toBe('+68940123456')
  })

  it('ne devine pas le territoire d’un numéro à 6 chiffres sans code postal ultramarin', () => {
    const { telephone, problemes } = lire('27 12 34', '73000')
    expect(telephone).toBeNull()
    expect(problemes.map((p) => p.niveau)).toEqual(['avertissement'])
    expect(lire('27 12 34', null).telephone).toBeNull()
  })

  it('un numéro métropolitain à 10 chiffres reste +33 même avec un code postal calédonien', () => {
    expect(lire('04 79 31 19 19', '98800').telephone).toBe('+33479311919')
  })
})

describe('lireTelephone : valeurs difficiles', () => {
  it('garde le premier de deux numéros, avec un avertissement citant l’autre', () => {
    const { telephone, problemes } = lire('04 79 31 19 19 / 06 12 34 56 78')
    expect(telephone).toBe('+33479311919')
    expect(problemes).toHaveLength(1)
    expect(problemes[0]).toMatchObject({ niveau: 'avertissement', champ: 'telephone', valeur: '04 79 31 19 19 / 06 12 34 56 78' })
    expect(problemes[0]?.message).toContain('06 12 34 56 78')
  })

  it.each([['04 79 31 19 19 ou 06 12 34 56 78'], ['04 79 31 19 19 ; 06 12 34 56 78'], ['04 79 31 19 19 | 06 12 34 56 78'], ['04 79 31 19 19, 06 12 34 56 78']])(
    'sépare aussi deux numéros écrits %j',
    (brut) => {
      const { telephone, problemes } = lire(brut)
      expect(telephone).toBe('+33479311919')
      expect(problemes.map((p) => p.niveau)).toEqual(['avertissement'])
    },
  )

  it('passe au numéro suivant quand le premier est inutilisable', () => {
    const { telephone, problemes } = lire('3939 / 04 79 31 19 19')
    expect(telephone).toBe('+33479311919')
    expect(problemes.map((p) => p.niveau)).toEqual(['avertissement'])
  })

  it('abandonne un numéro court (3939) avec un avertissement', () => {
    const { telephone, problemes } = lire('3939')
    expect(telephone).toBeNull()
    expect(problemes).toHaveLength(1)
    expect(problemes[0]).toMatchObject({ niveau: 'avertissement', champ: 'telephone', valeur: '3939' })
    expect(problemes[0]?.message).toContain('3939')
  })

  it.each([['pas de téléphone'], ['12'], ['+1 212 555 0100'], ['04 79 31 19 19 19 19']])('abandonne %j avec un avertissement', (brut) => {
    const { telephone, problemes } = lire(brut)
    expect(telephone).toBeNull()
    expect(problemes.map((p) => p.niveau)).toEqual(['avertissement'])
  })

  it('ne dit rien d’un téléphone absent', () => {
    expect(lire(undefined)).toEqual({ telephone: null, problemes: [] })
    expect(lire('')).toEqual({ telephone: null, problemes: [] })
    expect(lire('  ')).toEqual({ telephone: null, problemes: [] })
  })

  it.each([['-'], ['/'], ['.']])('prend %j (case « sans » d’un formulaire) pour un téléphone absent, sans rien dire', (brut) => {
    expect(lire(brut)).toEqual({ telephone: null, problemes: [] })
  })
})

describe('tout numéro produit respecte le motif du standard', () => {
  const cas: Array<[string, string | null]> = [
    ['04 79 31 19 19', null],
    ['+33 (0)4 79 31 19 19', null],
    ['0033479311919', null],
    ['0590123456', null],
    ['0690123456', null],
    ['0262123456', null],
    ['0692123456', null],
    ['0596123456', null],
    ['0594123456', null],
    ['0269123456', null],
    ['0639123456', null],
    ['479311919', null],
    ['27 12 34', '98800'],
    ['40 12 34 56', '98714'],
    ['72 12 34', '98600'],
    ['41 23 45', '97500'],
    ['0508 41 23 45', '97500'],
    ['+508 41 23 45', null],
    ['+681 72 12 34', null],
    ['+689 40 12 34 56', null],
    ['+269 12 34 56', null],
    ['04 79 31 19 19 / 06 12 34 56 78', null],
  ]
  it.each(cas)('%j (code postal %j)', (brut, codePostal) => {
    const { telephone } = lire(brut, codePostal)
    expect(telephone).not.toBeNull()
    expect(telephone).toMatch(MOTIF_STANDARD)
  })

  it('normaliserTelephone renvoie null plutôt qu’un numéro hors motif', () => {
    for (const texte of ['1', '123456789012345', '+44 20 7946 0958', '0000']) {
      const resultat = normaliserTelephone(texte, null)
      if (resultat !== null) expect(resultat).toMatch(MOTIF_STANDARD)
    }
    expect(normaliserTelephone('+44 20 7946 0958', null)).toBeNull()
  })
})
