import { describe, expect, it } from 'vitest'
import { validerLigne } from '../places/validation/ligne.ts'
import { referentiel } from '../territories/referentiel.ts'
import { aleatoire, genererLieux } from './generator.ts'
import { communesSituees } from './positions.ts'

const ref = referentiel()
const communes = communesSituees(ref, ['73'])
const contexte = { aujourdhui: '2026-11-22', referentiel: ref }

const generer = (nombre: number, graine?: number, autres: { tauxDefauts?: number; prefixe?: string } = {}) =>
  [...genererLieux({ communes, nombre, ...(graine === undefined ? {} : { graine }), ...autres })]

describe('aleatoire', () => {
  it('est déterministe et reste dans [0, 1[', () => {
    const a = aleatoire(42)
    const b = aleatoire(42)
    const tirages = Array.from({ length: 1000 }, () => a())
    expect(Array.from({ length: 1000 }, () => b())).toEqual(tirages)
    expect(tirages.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(new Set(tirages).size).toBeGreaterThan(990)
  })
})

describe('genererLieux', () => {
  it('dispose de communes savoyardes situées', () => {
    expect(communes.length).toBeGreaterThan(20)
    expect(communes.every((c) => c.commune.departement === '73')).toBe(true)
  })

  it('produit le nombre de lieux demandé', () => {
    expect(generer(0)).toEqual([])
    expect(generer(1)).toHaveLength(1)
    expect(generer(137)).toHaveLength(137)
  })

  it('est déterministe : même graine et même nombre, mêmes lieux', () => {
    expect(generer(200, 7)).toEqual(generer(200, 7))
    expect(generer(50)).toEqual(generer(50))
  })

  it('les premiers lieux ne dépendent pas du nombre demandé', () => {
    expect(generer(100, 7).slice(0, 20)).toEqual(generer(20, 7))
  })

  it('une autre graine donne d’autres lieux', () => {
    expect(generer(50, 7)).not.toEqual(generer(50, 8))
  })

  it('donne des identifiants uniques, avec le préfixe demandé', () => {
    const lieux = generer(300, 3, { prefixe: 'demo-73' })
    const ids = lieux.map((l) => l.id)
    expect(new Set(ids).size).toBe(300)
    expect(ids[0]).toBe('demo-73-000001')
  })

  it('chaque lieu généré passe la validation sans erreur ni avertissement', () => {
    const lieux = generer(400, 11)
    for (const brut of lieux) {
      const { lieu, problemes } = validerLigne(brut, contexte)
      expect(problemes.filter((p) => p.niveau !== 'correction'), String(brut.id)).toEqual([])
      expect(lieu, String(brut.id)).not.toBeNull()
    }
  })

  it('chaque lieu généré passe la validation sans même une correction', () => {
    for (const brut of generer(200, 5)) {
      expect(validerLigne(brut, contexte).problemes, String(brut.id)).toEqual([])
    }
  })

  it('n’utilise que des numéros de fiction et des domaines .example', () => {
    for (const l of generer(200, 9)) {
      expect(String(l.telephone)).toMatch(/^\+3346571\d{4}$/)
      expect(String(l.courriels)).toMatch(/@[a-z0-9-]+\.example$/)
      expect(String(l.site_web)).toMatch(/^https:\/\/[a-z0-9-]+\.example\/$/)
    }
  })

  it('les lignes volontairement abîmées sont signalées, ou converties quand le défaut est une valeur v0.1', () => {
    let rejetees = 0
    for (const brut of generer(120, 13, { tauxDefauts: 1 })) {
      const { lieu, problemes } = validerLigne(brut, contexte)
      if (lieu === null) rejetees++
      if (problemes.length === 0) {
        // seul défaut silencieux : des services v0.1, convertis sans message
        expect(String(brut.services), String(brut.id)).toContain(';')
        expect(lieu?.services).toEqual(['Maîtrise des outils numériques du quotidien', 'Accès internet et matériel informatique'])
      }
    }
    expect(rejetees).toBeGreaterThan(0)
  })

  it('refuse une liste de communes vide', () => {
    expect(() => [...genererLieux({ communes: [], nombre: 1 })]).toThrow()
  })
})
