import { describe, expect, it } from 'vitest'
import { cellules, contientColonnes, decoderEchappements, oui, reparerMojibake, texte, texteRepare } from './cellules.ts'

describe('cellules', () => {
  it('lit une cellule par son en-tête, quelle que soit la casse ou les espaces', () => {
    const cellule = cellules({ ' Is Active ': 'true', Name: 'Espace numérique' })
    expect(cellule('is active')).toBe('true')
    expect(cellule('Name')).toBe('Espace numérique')
    expect(cellule('absente')).toBeUndefined()
  })

  it('reconnaît un jeu de colonnes', () => {
    expect(contientColonnes(['\uFEFFid_fs', 'lib_fs', 'H_LUNDI'], ['id_fs', 'h_lundi'])).toBe(true)
    expect(contientColonnes(['id', 'nom'], ['id_fs'])).toBe(false)
  })
})

describe('texte, oui', () => {
  it('donne un texte sans espaces autour, ou rien', () => {
    expect(texte('  a ')).toBe('a')
    expect(texte('   ')).toBeUndefined()
    expect(texte(null)).toBeUndefined()
    expect(texte(12)).toBe('12')
  })

  it.each([['true', true], ['Oui', true], ['1', true], ['false', false], ['Non', false], ['0', false], ['peut-être', undefined], ['', undefined], [true, true]])(
    'lit %j comme %j',
    (brut, attendu) => {
      expect(oui(brut)).toBe(attendu)
    },
  )
})

describe('réparations de texte', () => {
  it('répare un texte UTF-8 relu en Latin-1 (« Fresnes-LÃ©guillon », france-services-2022.csv)', () => {
    expect(reparerMojibake('Fresnes-LÃ©guillon')).toBe('Fresnes-Léguillon')
    expect(reparerMojibake('Trie-ChÃ¢teau')).toBe('Trie-Château')
  })

  it('laisse un texte correct tel quel, même avec un « Ã » légitime', () => {
    expect(reparerMojibake('Château')).toBe('Château')
    expect(reparerMojibake('Ã la carte ’')).toBe('Ã la carte ’')
  })

  it('décode les échappements \\xNN d’un texte copié d’un programme', () => {
    expect(decoderEchappements('La\\x20France\\x20itin\\xE9rante')).toBe('La France itinérante')
    expect(texteRepare(' C\\xF4tes d\\x27Armor ')).toBe("Côtes d'Armor")
  })
})
