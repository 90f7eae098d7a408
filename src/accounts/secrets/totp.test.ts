import { describe, expect, it } from 'vitest'
import { codeTotp, decoderBase32, encoderBase32, nouveauSecretTotp, pasTotp, uriOtpauth, verifierTotp } from './totp.ts'

const octets = (texte: string) => new Uint8Array(Buffer.from(texte, 'ascii'))
/** RFC 6238 appendix B, SHA1: the ASCII key « 12345678901234567890 ». */
const SECRET_RFC = encoderBase32(octets('12345678901234567890'))

describe('base32 (RFC 4648)', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('vecteur de la section 10 : %j → %s', (clair, code) => {
    expect(encoderBase32(octets(clair))).toBe(code)
    expect(Buffer.from(decoderBase32(code)).toString('ascii')).toBe(clair)
  })

  it('décode le secret de la RFC 6238', () => {
    expect(SECRET_RFC).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')
  })

  it('tolère minuscules, espaces et remplissage', () => {
    expect(Buffer.from(decoderBase32('mzxw 6ytb oi======')).toString('ascii')).toBe('foobar')
    expect(Buffer.from(decoderBase32(' MZXW6=== ')).toString('ascii')).toBe('foo')
  })

  it('refuse les caractères hors alphabet et les longueurs impossibles', () => {
    expect(() => decoderBase32('MZXW1')).toThrow('caractère inattendu')
    expect(() => decoderBase32('MZ=XW')).toThrow('caractère inattendu')
    expect(() => decoderBase32('MZXW6é')).toThrow('caractère inattendu')
    expect(() => decoderBase32('M')).toThrow('longueur impossible')
    expect(() => decoderBase32('MZX')).toThrow('longueur impossible')
  })

  it('fait l’aller-retour sur des octets quelconques de toutes longueurs', () => {
    for (let longueur = 0; longueur <= 41; longueur++) {
      const donnees = new Uint8Array(Array.from({ length: longueur }, (_, i) => (i * 151 + longueur * 7) & 0xff))
      expect(decoderBase32(encoderBase32(donnees))).toEqual(donnees)
    }
  })
})

describe('nouveauSecretTotp', () => {
  it('tire 20 octets, soit 32 caractères base32 sans remplissage', () => {
    const secret = nouveauSecretTotp()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(decoderBase32(secret)).toHaveLength(20)
    expect(nouveauSecretTotp()).not.toBe(secret)
  })
})

describe('codeTotp (RFC 6238, annexe B, SHA1)', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
    [20000000000, '353130'],
  ])('T = %i s → %s', (secondes, code) => {
    const pas = pasTotp(secondes * 1000)
    expect(pas).toBe(Math.floor(secondes / 30))
    expect(codeTotp(SECRET_RFC, pas)).toBe(code)
  })

  it('refuse un pas négatif ou non entier', () => {
    expect(() => codeTotp(SECRET_RFC, -1)).toThrow(RangeError)
    expect(() => codeTotp(SECRET_RFC, 1.5)).toThrow(RangeError)
    expect(() => pasTotp(Number.NaN)).toThrow(RangeError)
  })
})

describe('verifierTotp', () => {
  const instant = 1111111111_000 // pas 37037037, code 050471
  const pas = 37037037

  it('accepte le code du pas courant, avec ou sans espaces', () => {
    expect(verifierTotp(SECRET_RFC, '050471', instant, null)).toBe(pas)
    expect(verifierTotp(SECRET_RFC, '050 471', instant, null)).toBe(pas)
    expect(verifierTotp(SECRET_RFC, ' 050471\n', instant, null)).toBe(pas)
  })

  it('tolère un pas d’écart de chaque côté, pas deux', () => {
    expect(verifierTotp(SECRET_RFC, codeTotp(SECRET_RFC, pas - 1), instant, null)).toBe(pas - 1)
    expect(verifierTotp(SECRET_RFC, codeTotp(SECRET_RFC, pas + 1), instant, null)).toBe(pas + 1)
    expect(verifierTotp(SECRET_RFC, codeTotp(SECRET_RFC, pas - 2), instant, null)).toBeUndefined()
    expect(verifierTotp(SECRET_RFC, codeTotp(SECRET_RFC, pas + 2), instant, null)).toBeUndefined()
  })

  it('reste valable jusqu’à la fin du pas suivant', () => {
    const debutDuPas = pas * 30_000
    expect(verifierTotp(SECRET_RFC, '050471', debutDuPas - 1, null)).toBe(pas)
    expect(verifierTotp(SECRET_RFC, '050471', debutDuPas + 59_999, null)).toBe(pas)
    expect(verifierTotp(SECRET_RFC, '050471', debutDuPas + 60_000, null)).toBeUndefined()
  })

  it('refuse de rejouer un pas déjà accepté ou antérieur', () => {
    expect(verifierTotp(SECRET_RFC, '050471', instant, pas)).toBeUndefined()
    expect(verifierTotp(SECRET_RFC, '050471', instant, pas + 1)).toBeUndefined()
    expect(verifierTotp(SECRET_RFC, '050471', instant, pas - 1)).toBe(pas)
    expect(verifierTotp(SECRET_RFC, codeTotp(SECRET_RFC, pas - 1), instant, pas - 1)).toBeUndefined()
    expect(verifierTotp(SECRET_RFC, codeTotp(SECRET_RFC, pas + 1), instant, pas)).toBe(pas + 1)
  })

  it('retient le pas le plus haut quand deux pas voisins ont le même code, pour qu’il ne serve qu’une fois', () => {
    expect(codeTotp(SECRET_RFC, 910737)).toBe('911617')
    expect(codeTotp(SECRET_RFC, 910738)).toBe('911617')
    const instantDuPremier = 910737 * 30_000 + 10_000
    expect(verifierTotp(SECRET_RFC, '911617', instantDuPremier, null)).toBe(910738)
    expect(verifierTotp(SECRET_RFC, '911617', instantDuPremier, 910738)).toBeUndefined()
  })

  it.each(['', '12345', 'abcdef', '1234567', '05047l', '050-471', '٠٥٠٤٧١'])('refuse le code mal formé %j', (code) => {
    expect(verifierTotp(SECRET_RFC, code, instant, null)).toBeUndefined()
  })

  it('refuse un code juste d’un autre secret', () => {
    expect(verifierTotp('MZXW6YTBOI', '050471', instant, null)).toBeUndefined()
    expect(verifierTotp(SECRET_RFC, '050472', instant, null)).toBeUndefined()
  })
})

describe('uriOtpauth', () => {
  it('construit l’URI lue par les applications d’authentification', () => {
    expect(uriOtpauth('gezd gnbv gy3t qojq gezd gnbv gy3t qojq', 'camille.martin@exemple.fr', 'Aiguillage')).toBe(
      'otpauth://totp/Aiguillage:camille.martin@exemple.fr?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Aiguillage&algorithm=SHA1&digits=6&period=30',
    )
  })

  it('encode espaces, accents, deux-points et esperluettes', () => {
    expect(uriOtpauth('MZXW6YTBOI', 'élise+test@exemple.fr', 'Aiguillage Savoie & Co:73')).toBe(
      'otpauth://totp/Aiguillage%20Savoie%20%26%20Co%3A73:%C3%A9lise%2Btest@exemple.fr?secret=MZXW6YTBOI&issuer=Aiguillage%20Savoie%20%26%20Co%3A73&algorithm=SHA1&digits=6&period=30',
    )
  })

  it('refuse un secret qui n’est pas du base32', () => {
    expect(() => uriOtpauth('pas-un-secret!', 'a@b.fr', 'Aiguillage')).toThrow('caractère inattendu')
  })
})
