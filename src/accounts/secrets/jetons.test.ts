import { describe, expect, it } from 'vitest'
import { empreinteJeton, jetonBienForme, nouveauJeton } from './jetons.ts'

describe('nouveauJeton', () => {
  it('tire 32 octets en base64url, bien formés et tous différents', () => {
    const jetons = Array.from({ length: 200 }, nouveauJeton)
    for (const jeton of jetons) {
      expect(jeton).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(Buffer.from(jeton, 'base64url')).toHaveLength(32)
      expect(jetonBienForme(jeton)).toBe(true)
    }
    expect(new Set(jetons).size).toBe(200)
  })
})

describe('empreinteJeton', () => {
  it('est le SHA-256 hexadécimal du jeton', () => {
    expect(empreinteJeton('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(empreinteJeton('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(empreinteJeton(nouveauJeton())).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('jetonBienForme', () => {
  const bon = Buffer.alloc(32, 0xff).toString('base64url')

  it('accepte la forme canonique de 32 octets', () => {
    expect(bon).toBe(`${'_'.repeat(42)}8`)
    expect(jetonBienForme(bon)).toBe(true)
    expect(jetonBienForme(Buffer.alloc(32).toString('base64url'))).toBe(true)
  })

  it.each([
    ['trop court', bon.slice(0, 42)],
    ['trop long', `${bon}A`],
    ['remplissage', `${bon}=`],
    ['base64 classique', `${'/'.repeat(42)}w`],
    ['dernier caractère non canonique', `${'_'.repeat(42)}x`],
    ['espace', ` ${bon.slice(1)}`],
    ['vide', ''],
  ])('refuse : %s', (_, texte) => {
    expect(jetonBienForme(texte)).toBe(false)
  })

  it.each([null, undefined, 42, ['a'], { jeton: bon }])('refuse ce qui n’est pas une chaîne : %j', (valeur) => {
    expect(jetonBienForme(valeur)).toBe(false)
  })
})
