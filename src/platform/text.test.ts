import { describe, expect, it } from 'vitest'
import { cle, decoderEntites, distanceEdition, mots, nettoyerLigne, nettoyerTexte, plusProche, sansAccents } from './text.ts'

describe('cle', () => {
  it('ignore la casse, les accents, la ponctuation, les espaces et le pluriel', () => {
    expect(cle('Seniors (+ 65 ans)')).toBe(cle('seniors (+65 ans)'))
    // « ans » a 3 lettres : il garde son « s » (le commentaire d'en-tête de text.ts écrit `senior65an`).
    expect(cle('Seniors (+ 65 ans)')).toBe('senior65ans')
    expect(cle('Déficience visuelle')).toBe(cle('DEFICIENCE   VISUELLE'))
    expect(cle('Familles et/ou enfants')).toBe(cle('famille et ou enfant'))
    expect(cle("Point d'accès numérique CAF")).toBe(cle('Point d’accès numérique CAF'))
  })

  it('donne une clé faite uniquement de lettres minuscules sans accent et de chiffres', () => {
    expect(cle('Maîtrise des outils numériques du quotidien')).toMatch(/^[a-z0-9]+$/)
    expect(cle('Étapes numériques (La Poste)')).toBe('etapenumeriquelaposte')
  })

  it('déplie les ligatures œ et æ', () => {
    expect(cle('Œuvre')).toBe(cle('oeuvre'))
    expect(cle('Cæcum')).toBe(cle('caecum'))
  })

  it('ne retire le « s » final que des mots de 4 lettres ou plus', () => {
    expect(mots('Bus des ans')).toEqual(['bus', 'des', 'ans'])
    expect(mots('Gens Bois')).toEqual(['gen', 'boi'])
    expect(mots('Seniors Femmes')).toEqual(['senior', 'femme'])
  })

  it('distingue des valeurs réellement différentes', () => {
    expect(cle('Gratuit')).not.toBe(cle('Gratuit sous condition'))
    expect(cle('Langues étrangères (anglais)')).not.toBe(cle('Langues étrangères (autres)'))
  })

  it('renvoie une clé vide pour un texte sans lettre ni chiffre', () => {
    expect(cle(' - / () ')).toBe('')
  })
})

describe('sansAccents', () => {
  it('retire les diacritiques sans toucher au reste', () => {
    expect(sansAccents('Éàçîôü ÿ-Z')).toBe('Eaciou y-Z')
    expect(sansAccents('Chambéry')).toBe('Chambery')
  })
})

describe('decoderEntites', () => {
  it('décode les entités nommées, décimales et hexadécimales', () => {
    expect(decoderEntites('a &amp; b &lt;c&gt; l&#39;x l&#x27;y &eacute;t&eacute; &hellip;')).toBe("a & b <c> l'x l'y été …")
  })
  it('laisse intactes les entités inconnues ou hors plage', () => {
    expect(decoderEntites('&inconnue; &#99999999;')).toBe('&inconnue; &#99999999;')
  })
})

describe('nettoyerTexte', () => {
  it('transforme <br> en saut de ligne et retire les autres balises', () => {
    expect(nettoyerTexte('Bonjour<br>le <b>monde</b><br/>fin<BR />.')).toBe('Bonjour\nle monde\nfin\n.')
  })

  it('fait des fins de paragraphe HTML des sauts de ligne', () => {
    expect(nettoyerTexte('<p>Un</p><p>Deux</p>')).toBe('Un\nDeux')
  })

  it('décode les entités &amp; et &#39;', () => {
    expect(nettoyerTexte('Parents &amp; enfants : l&#39;atelier')).toBe("Parents & enfants : l'atelier")
  })

  it("ne redécode pas un texte qui était échappé deux fois et n'en fait pas une balise", () => {
    expect(nettoyerTexte('&lt;b&gt;gras&lt;/b&gt;')).toBe('<b>gras</b>')
  })

  it('défait les échappements markdown', () => {
    expect(nettoyerTexte('\\- premier point\n\\* second\\_terme')).toBe('- premier point\n* second_terme')
  })

  it('normalise \\r\\n et \\r en \\n', () => {
    expect(nettoyerTexte('un\r\ndeux\rtrois')).toBe('un\ndeux\ntrois')
  })

  it('réduit les lignes vides successives à une seule et retire les espaces en bord de ligne', () => {
    expect(nettoyerTexte('  un  \n\n\n\n   deux\t\tmots  \r\n\r\n\r\n\r\ntrois ')).toBe('un\n\ndeux mots\n\ntrois')
  })

  it('remplace les espaces insécables par des espaces ordinaires', () => {
    expect(nettoyerTexte('Tél\u00a0:\u202f04')).toBe('Tél : 04')
  })

  it('renvoie null pour un texte vide, blanc ou absent', () => {
    expect(nettoyerTexte('')).toBeNull()
    expect(nettoyerTexte('   \n\t ')).toBeNull()
    expect(nettoyerTexte('<p></p><br>')).toBeNull()
    expect(nettoyerTexte(null)).toBeNull()
    expect(nettoyerTexte(undefined)).toBeNull()
  })

  it('convertit les nombres en texte', () => {
    expect(nettoyerTexte(0)).toBe('0')
    expect(nettoyerTexte(73000)).toBe('73000')
  })

  it('laisse tels quels les chevrons qui ne forment pas une balise', () => {
    expect(nettoyerTexte('1 < 2 et 3 > 2')).toBe('1 < 2 et 3 > 2')
  })
})

describe('nettoyerLigne', () => {
  it('met le texte sur une seule ligne', () => {
    expect(nettoyerLigne('a<br/>b\n\n\nc')).toBe('a b c')
    expect(nettoyerLigne('12 rue\r\nde la Paix')).toBe('12 rue de la Paix')
  })
  it('renvoie null pour un texte vide', () => {
    expect(nettoyerLigne('  ')).toBeNull()
    expect(nettoyerLigne(null)).toBeNull()
  })
})

describe('distanceEdition', () => {
  it('calcule la distance de Levenshtein', () => {
    expect(distanceEdition('kitten', 'sitting')).toBe(3)
    expect(distanceEdition('chat', 'chats')).toBe(1)
    expect(distanceEdition('', 'abc')).toBe(3)
    expect(distanceEdition('abc', '')).toBe(3)
    expect(distanceEdition('', '')).toBe(0)
    expect(distanceEdition('identique', 'identique')).toBe(0)
  })

  it('est symétrique', () => {
    expect(distanceEdition('deficiance', 'deficience')).toBe(distanceEdition('deficience', 'deficiance'))
  })

  it('s’arrête au-delà du plafond en renvoyant plafond + 1', () => {
    expect(distanceEdition('abc', 'xyz', 1)).toBe(2)
    expect(distanceEdition('a', 'abcdefgh', 2)).toBe(3)
  })

  it('renvoie la distance exacte quand elle ne dépasse pas le plafond', () => {
    expect(distanceEdition('kitten', 'sitting', 3)).toBe(3)
  })
})

describe('plusProche', () => {
  const candidats = ['Jeunes', 'Étudiants', 'Familles et/ou enfants', 'Seniors', 'Femmes']

  it('trouve le candidat le plus proche d’une faute de frappe', () => {
    expect(plusProche('Senoirs', candidats)).toBe('Seniors')
    expect(plusProche('Etudiantes', candidats)).toBe('Étudiants')
  })

  it('ne propose rien pour un texte trop court', () => {
    expect(plusProche('Jeu', candidats)).toBeUndefined()
  })

  it('ne propose rien quand aucun candidat n’est assez proche', () => {
    expect(plusProche('Cuisine moléculaire', candidats)).toBeUndefined()
  })
})
