/** The checks of an e-mail before it enters the outbox: pure. */
import { describe, expect, it } from 'vitest'
import { adresseValide, CourrielInvalideError, normaliserCourriel } from './courriel.ts'

describe('courriel', () => {
  it('accepte une adresse seule, refuse les listes, les noms affichés et les sauts de ligne', () => {
    for (const a of ['marie@exemple.fr', 'jean-paul.o+aiguillage@mairie-chambery.fr', 'test@localhost']) expect(adresseValide(a)).toBe(true)
    for (const a of ['', 'marie', 'a@b.fr,c@d.fr', 'a@b.fr; c@d.fr', 'Marie <m@e.fr>', '"m"@e.fr', 'm@e.fr\nBcc:x@y.fr', 'a@@b.fr', `${'a'.repeat(250)}@b.fr`]) expect(adresseValide(a)).toBe(false)
  })

  it('met le sujet sur une ligne et le texte en fins de ligne Unix', () => {
    expect(normaliserCourriel({ destinataire: ' marie@exemple.fr\n', sujet: ' Votre\r\n\tinvitation  ', texte: 'a\r\nb\rc' })).toEqual({ destinataire: 'marie@exemple.fr', sujet: 'Votre invitation', texte: 'a\nb\nc' })
    expect(() => normaliserCourriel({ destinataire: 'x', sujet: 's', texte: '' })).toThrow(CourrielInvalideError)
    expect(() => normaliserCourriel({ destinataire: 'marie@exemple.fr', sujet: '\n', texte: '' })).toThrow('Le sujet du courriel est vide.')
  })
})
