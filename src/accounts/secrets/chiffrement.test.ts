import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { lireConfig } from '../../platform/config.ts'
import { chiffrer, CleSecretsError, dechiffrer } from './chiffrement.ts'

describe('chiffrement des secrets au repos', () => {
  const cle = randomBytes(32)
  it('chiffre avec un nonce aléatoire et déchiffre', () => {
    const a = chiffrer('JBSWY3DPEHPK3PXP', cle)
    const b = chiffrer('JBSWY3DPEHPK3PXP', cle)
    expect(a).toMatch(/^v1:[A-Za-z0-9_-]+$/)
    expect(a).not.toBe(b)
    expect(a).not.toContain('JBSWY3DPEHPK3PXP')
    expect(dechiffrer(a, cle)).toBe('JBSWY3DPEHPK3PXP')
  })
  it('sans clé, la valeur reste telle quelle et une valeur en clair se relit telle quelle', () => {
    expect(chiffrer('SECRET', undefined)).toBe('SECRET')
    expect(dechiffrer('SECRET', cle)).toBe('SECRET')
  })
  it('refuse une valeur altérée, une autre clé, ou l’absence de clé', () => {
    const v = chiffrer('JBSWY3DPEHPK3PXP', cle)
    const altere = `${v.slice(0, -2)}${v.endsWith('A') ? 'B' : 'A'}${v.slice(-1)}`
    expect(() => dechiffrer(altere, cle)).toThrow(CleSecretsError)
    expect(() => dechiffrer(v, randomBytes(32))).toThrow('autre clé')
    expect(() => dechiffrer(v, undefined)).toThrow('AIGUILLAGE_CLE_SECRETS')
  })
  it('la configuration lit une clé de 32 octets en base64 et refuse les autres', () => {
    expect(lireConfig({ AIGUILLAGE_CLE_SECRETS: cle.toString('base64') }).cleSecrets).toEqual(cle)
    expect(lireConfig({}).cleSecrets).toBeUndefined()
    expect(() => lireConfig({ AIGUILLAGE_CLE_SECRETS: 'trop-court' })).toThrow('32 octets')
  })
})
