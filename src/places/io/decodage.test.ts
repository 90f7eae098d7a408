import { describe, expect, it } from 'vitest'
import { decoder } from './decodage.ts'

describe('decoder', () => {
  it('lit l’UTF-8 sans BOM', () => {
    expect(decoder(Buffer.from('id,nom\n1,Médiathèque de Chambéry – œuvre’s', 'utf8'))).toEqual({
      texte: 'id,nom\n1,Médiathèque de Chambéry – œuvre’s',
      encodage: 'utf-8',
    })
  })

  it('lit l’UTF-8 avec BOM et retire le BOM', () => {
    const octets = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id;nom\n1;Médiathèque', 'utf8')])
    expect(decoder(octets)).toEqual({ texte: 'id;nom\n1;Médiathèque', encodage: 'utf-8' })
  })

  it('ne retire qu’un BOM initial', () => {
    expect(decoder(Buffer.from('a\uFEFFb', 'utf8')).texte).toBe('a\uFEFFb')
  })

  it('lit l’ASCII pur comme de l’UTF-8', () => {
    expect(decoder(Buffer.from('id,nom\n1,Mairie', 'latin1'))).toEqual({ texte: 'id,nom\n1,Mairie', encodage: 'utf-8' })
  })

  it('lit un fichier vide', () => {
    expect(decoder(new Uint8Array())).toEqual({ texte: '', encodage: 'utf-8' })
  })

  it('reconnaît le windows-1252 (tableur français) et décode les lettres accentuées', () => {
    const texte = 'id;nom;commune\n1;Médiathèque à l’Hôtel de Ville;Chambéry\n2;Maison de quartier Çà et là;Évian-les-Bains'.replace('’', "'")
    const octets = Buffer.from(texte, 'latin1')
    expect(decoder(octets)).toEqual({ texte, encodage: 'windows-1252' })
  })

  it('décode les caractères propres au windows-1252 (octets 0x80–0x9F : ’ œ € … – « »)', () => {
    // « L’œuvre coûte 5 € … – fin » en windows-1252
    const octets = Uint8Array.from([
      0x4c, 0x92, 0x9c, 0x75, 0x76, 0x72, 0x65, 0x20, 0x63, 0x6f, 0xfb, 0x74, 0x65, 0x20, 0x35, 0x20, 0x80, 0x20, 0x85, 0x20, 0x96, 0x20, 0xab, 0xa0, 0x66, 0x69, 0x6e, 0xa0, 0xbb,
    ])
    expect(decoder(octets)).toEqual({ texte: 'L’œuvre coûte 5 € … – «\u00a0fin\u00a0»', encodage: 'windows-1252' })
  })

  it('ne confond pas un fichier UTF-8 avec du windows-1252', () => {
    expect(decoder(Buffer.from('Déficience visuelle – Surdité', 'utf8')).encodage).toBe('utf-8')
  })
})
