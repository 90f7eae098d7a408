import { isValidUrl } from '@gouvfr-anct/lieux-de-mediation-numerique'
import { describe, expect, it } from 'vitest'
import { lireCourriel, lireCourriels, lireLien, lireSitesWeb, lireUrl } from './contacts.ts'
import { Constat } from './problems.ts'

describe('lireCourriels', () => {
  it.each([
    ['a@x.fr|b@x.fr'],
    ['a@x.fr;b@x.fr'],
    ['a@x.fr, b@x.fr'],
    ['a@x.fr b@x.fr'],
    ['a@x.fr ; b@x.fr'],
    ['a@x.fr\nb@x.fr'],
  ])('sépare %j en deux adresses', (brut) => {
    const constat = new Constat()
    expect(lireCourriels(brut, constat)).toEqual(['a@x.fr', 'b@x.fr'])
    expect(constat.problemes).toEqual([])
  })

  it('accepte un tableau et retire les doublons', () => {
    const constat = new Constat()
    expect(lireCourriels(['a@x.fr', 'a@x.fr|b@x.fr'], constat)).toEqual(['a@x.fr', 'b@x.fr'])
    expect(constat.problemes).toEqual([])
  })

  it('retire le préfixe mailto:', () => {
    const constat = new Constat()
    expect(lireCourriels('mailto:contact@mairie.fr|MAILTO:accueil@mairie.fr', constat)).toEqual(['contact@mairie.fr', 'accueil@mairie.fr'])
    expect(constat.problemes).toEqual([])
  })

  it('prend « - » (france-services-2022.csv) pour une adresse absente, sans rien dire', () => {
    const constat = new Constat()
    expect(lireCourriels('-', constat)).toEqual([])
    expect(lireCourriels('a@x.fr | - ', constat)).toEqual(['a@x.fr'])
    expect(constat.problemes).toEqual([])
  })

  it('écarte une à une les adresses invalides, avec un avertissement pour chacune', () => {
    const constat = new Constat()
    expect(lireCourriels('a@x.fr|pasunmail|b@|c@x.fr|@x.fr', constat)).toEqual(['a@x.fr', 'c@x.fr'])
    expect(constat.problemes).toHaveLength(3)
    expect(constat.problemes.every((p) => p.niveau === 'avertissement' && p.champ === 'courriels')).toBe(true)
    expect(constat.problemes.map((p) => p.valeur)).toEqual(['pasunmail', 'b@', '@x.fr'])
    expect(constat.problemes[0]?.message).toContain('pasunmail')
  })

  it('ajoute à la fin les adresses venues d’ailleurs (site web), sans doublon', () => {
    const constat = new Constat()
    expect(lireCourriels('a@x.fr', constat, ['b@x.fr', 'a@x.fr'])).toEqual(['a@x.fr', 'b@x.fr'])
  })

  it('ne dit rien d’un champ absent', () => {
    const constat = new Constat()
    expect(lireCourriels(undefined, constat)).toEqual([])
    expect(lireCourriels('', constat)).toEqual([])
    expect(constat.problemes).toEqual([])
  })
})

describe('lireCourriel', () => {
  it('valide une adresse isolée', () => {
    expect(lireCourriel('contact@mairie-chambery.fr')).toBe('contact@mairie-chambery.fr')
    expect(lireCourriel('mailto:contact@mairie.fr')).toBe('contact@mairie.fr')
    expect(lireCourriel('contact@mairie')).toBeNull()
    expect(lireCourriel('contact mairie.fr')).toBeNull()
  })
})

describe('lireSitesWeb', () => {
  it('complète « www.x.fr » en « https://www.x.fr » avec une correction', () => {
    const constat = new Constat()
    expect(lireSitesWeb('www.x.fr', constat)).toEqual({ sites: ['https://www.x.fr'], courriels: [] })
    expect(constat.problemes).toHaveLength(1)
    expect(constat.problemes[0]).toMatchObject({ niveau: 'correction', champ: 'site_web', valeur: 'www.x.fr' })
    expect(constat.problemes[0]?.message).toContain('https://www.x.fr')
  })

  it('complète aussi un domaine suivi d’un chemin', () => {
    const constat = new Constat()
    expect(lireSitesWeb('facebook.com/mediatheque', constat).sites).toEqual(['https://facebook.com/mediatheque'])
  })

  it('garde sans remarque des adresses complètes séparées par | ou par un espace', () => {
    const constat = new Constat()
    expect(lireSitesWeb('https://a.fr/|http://b.fr/page https://c.fr', constat).sites).toEqual(['https://a.fr/', 'http://b.fr/page', 'https://c.fr'])
    expect(constat.problemes).toEqual([])
  })

  it('déplace une adresse électronique écrite dans site_web vers courriels, avec une correction', () => {
    const constat = new Constat()
    expect(lireSitesWeb('contact@x.fr|https://x.fr', constat)).toEqual({ sites: ['https://x.fr'], courriels: ['contact@x.fr'] })
    expect(constat.problemes).toHaveLength(1)
    expect(constat.problemes[0]).toMatchObject({ niveau: 'correction', champ: 'site_web', valeur: 'contact@x.fr' })
    expect(constat.problemes[0]?.message).toMatch(/courriels/)
  })

  it('déplace aussi « mailto:… »', () => {
    const constat = new Constat()
    expect(lireSitesWeb('mailto:contact@x.fr', constat)).toEqual({ sites: [], courriels: ['contact@x.fr'] })
  })

  it('écarte une adresse invalide avec un avertissement et garde les autres', () => {
    const constat = new Constat()
    expect(lireSitesWeb('pas une url|https://ok.fr', constat).sites).toEqual(['https://ok.fr'])
    expect(constat.problemes).toHaveLength(1)
    expect(constat.problemes[0]).toMatchObject({ niveau: 'avertissement', champ: 'site_web', valeur: 'pas une url' })
  })

  it('refuse les protocoles autres que http et https', () => {
    const constat = new Constat()
    expect(lireSitesWeb('ftp://x.fr', constat).sites).toEqual([])
    expect(lireSitesWeb('javascript:alert(1)', constat).sites).toEqual([])
    expect(constat.problemes.every((p) => p.niveau === 'avertissement')).toBe(true)
  })

  it('ne rend jamais une adresse contenant une espace (encodée ou écartée)', () => {
    const constat = new Constat()
    const { sites } = lireSitesWeb('https://x.fr/mon site', constat)
    for (const site of sites) expect(site).not.toMatch(/\s/)
    expect(constat.problemes).toHaveLength(1)
  })

  it('retire les doublons', () => {
    const constat = new Constat()
    expect(lireSitesWeb(['https://x.fr', 'https://x.fr|www.x.fr'], constat).sites).toEqual(['https://x.fr', 'https://www.x.fr'])
  })
})

describe('lireUrl', () => {
  it('en mode souple, garde l’adresse telle quelle', () => {
    expect(lireUrl('https://fr.wikipedia.org/wiki/Lyon_(ville)', false)).toBe('https://fr.wikipedia.org/wiki/Lyon_(ville)')
  })
  it('refuse ce qui n’est pas une adresse web', () => {
    expect(lireUrl('bonjour', true)).toBeNull()
    expect(lireUrl('https://', true)).toBeNull()
  })
})

describe('lireLien (fiche_acces_libre, prise_rdv)', () => {
  it('garde sans remarque une adresse que la bibliothèque de l’ANCT accepte', () => {
    const constat = new Constat()
    const url = 'https://acceslibre.beta.gouv.fr/app/29-lampaul-plouarzel/a/bibliotheque-mediatheque/erp/mediatheque-13/'
    expect(lireLien('fiche_acces_libre', url, constat)).toBe(url)
    expect(constat.problemes).toEqual([])
    expect(isValidUrl(url)).toBe(true)
  })

  it('encode les parenthèses, refusées par la bibliothèque de l’ANCT, avec une correction', () => {
    const constat = new Constat()
    const brut = 'https://fr.wikipedia.org/wiki/Lyon_(ville)'
    expect(isValidUrl(brut)).toBe(false)
    const url = lireLien('prise_rdv', brut, constat)
    expect(url).toBe('https://fr.wikipedia.org/wiki/Lyon_%28ville%29')
    expect(isValidUrl(url as string)).toBe(true)
    expect(constat.problemes).toHaveLength(1)
    expect(constat.problemes[0]).toMatchObject({ niveau: 'correction', champ: 'prise_rdv', valeur: brut })
  })

  it.each([
    ["https://x.fr/l'atelier"],
    ['https://x.fr/rdv(1)'],
    ['https://x.fr/a*b!c'],
    ['https://x.fr/a$b'],
    ['https://x.fr/rdv?q=a b'],
    ['https://x.fr/médiathèque'],
  ])('rend %j acceptable pour isValidUrl en l’encodant', (brut) => {
    const constat = new Constat()
    const url = lireLien('prise_rdv', brut, constat)
    expect(url).not.toBeNull()
    expect(isValidUrl(url as string)).toBe(true)
    expect(decodeURI(url as string).replace(/%2A|%21|%24|%28|%29|%27/g, (c) => String.fromCharCode(parseInt(c.slice(1), 16)))).toBe(brut)
    expect(constat.problemes.map((p) => p.niveau)).toEqual(['correction'])
  })

  it('encode aussi une virgule dans la requête (« ?jours=lundi,mardi »), plutôt que d’abandonner le lien', () => {
    const constat = new Constat()
    const url = lireLien('prise_rdv', 'https://rdv.example.fr/reserver?jours=lundi,mardi', constat)
    expect(url).not.toBeNull()
    expect(isValidUrl(url as string)).toBe(true)
    expect(constat.problemes.map((p) => p.niveau)).toEqual(['correction'])
  })

  it('complète une adresse sans protocole, avec une correction', () => {
    const constat = new Constat()
    expect(lireLien('prise_rdv', 'www.rdv-solidarites.fr/x', constat)).toBe('https://www.rdv-solidarites.fr/x')
    expect(constat.problemes.map((p) => p.niveau)).toEqual(['correction'])
  })

  it('abandonne une adresse invalide avec un avertissement sur le bon champ', () => {
    const constat = new Constat()
    expect(lireLien('fiche_acces_libre', 'voir sur place', constat)).toBeNull()
    expect(constat.problemes).toHaveLength(1)
    expect(constat.problemes[0]).toMatchObject({ niveau: 'avertissement', champ: 'fiche_acces_libre', valeur: 'voir sur place' })
  })

  it('ne dit rien d’un lien absent', () => {
    const constat = new Constat()
    expect(lireLien('prise_rdv', undefined, constat)).toBeNull()
    expect(lireLien('prise_rdv', '', constat)).toBeNull()
    expect(constat.problemes).toEqual([])
  })
})
