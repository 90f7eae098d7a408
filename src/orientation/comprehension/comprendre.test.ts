import { describe, expect, it } from 'vitest'
import { comprendre, memeMot } from './comprendre.ts'
import { raciner } from './racinisation.ts'

describe('raciner', () => {
  it('rapproche pluriels, féminins et suffixes fréquents', () => {
    expect(raciner('demarches')).toBe(raciner('demarche'))
    expect(raciner('mediatheques')).toBe(raciner('mediatheque'))
    expect(raciner('impots')).toBe(raciner('impot'))
    expect(raciner('numeriques')).toBe(raciner('numerique'))
    expect(raciner('ordinateurs')).toBe(raciner('ordinateur'))
    expect(raciner('caf')).toBe('caf')
  })
})

describe('memeMot', () => {
  it('tolère une faute à partir de 5 lettres, deux à partir de 8, aucune en dessous', () => {
    expect(memeMot('emaus', 'emmaus')).toBe(true)
    expect(memeMot(raciner('mediateque'), raciner('mediatheque'))).toBe(true)
    expect(memeMot('cad', 'caf')).toBe(false)
    expect(memeMot('rse', 'rsa')).toBe(false)
    expect(memeMot('smartfone', 'smartphone')).toBe(true)
  })
})

describe('comprendre', () => {
  const sens = (texte: string) => comprendre(texte)
  it.each([
    ['impots', ['impots']],
    ['Impôts', ['impots']],
    ['déclaration de revenus', ['impots']],
    ['carte grise', ['papiers']],
    ['ameli', ['sante']],
    ['pole emploi', ['emploi']],
    ['apprendre le smartphone', ['smartphone']],
    ['envoyer un mail', ['courriel']],
    ['aide pour mon dossier CAF', ['autres-demarches', 'caf']],
  ])('« %s » → besoins %j', (texte, besoins) => {
    expect(sens(texte).besoins).toEqual(besoins)
  })

  it('reconnaît un programme national malgré une faute (« emaus »)', () => {
    expect(sens('emaus')).toMatchObject({ dispositifs: ['Emmaüs Connect'], termes: [] })
  })

  it('reconnaît un type de lieu (« médiathèque », « bibliotheque ») et garde le reste pour les noms', () => {
    expect(sens('médiathèque Mitterrand')).toMatchObject({ typologies: ['BIB'], termes: [raciner('mitterrand')] })
    expect(sens('bibliotheque').typologies).toEqual(['BIB'])
  })

  it('dit ce qu’il a compris, dans l’ordre du texte', () => {
    expect(sens('carte grise et impôts à la mairie').compris.map((c) => c.expression)).toEqual(['carte grise', 'impots', 'mairie'])
  })

  it('ignore les mots vides et rend un texte vide sans sens', () => {
    expect(sens('je cherche de l’aide')).toEqual({ besoins: [], typologies: [], dispositifs: [], termes: [], compris: [] })
    expect(sens('')).toEqual({ besoins: [], typologies: [], dispositifs: [], termes: [], compris: [] })
  })
})
