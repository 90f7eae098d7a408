import { DOMParser } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { COULEURS, histogramme, idGraphique, type OptionsHistogramme } from './histogramme.ts'

const EXEMPLE: OptionsHistogramme = {
  titre: 'Répartition des lieux par score de qualité',
  description: 'La plupart des lieux ont un score de 0,6 ou plus.',
  unite: 'Nombre de lieux',
  barres: [
    { libelle: 'De 0 à 0,19', valeur: 3 },
    { libelle: 'De 0,2 à 0,39', valeur: 12 },
    { libelle: 'De 0,4 à 0,59', valeur: 40 },
    { libelle: 'De 0,6 à 0,79', valeur: 1234 },
    { libelle: 'De 0,8 à 1', valeur: 310 },
  ],
}

/** Parses the SVG back as XML: the root element, or a failure. */
function relire(svg: string): Element {
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml')
  const racine = document.documentElement as unknown as Element | null
  if (!racine) throw new Error('SVG illisible')
  return racine
}

/** Every tag opened is closed, in order: the text is well-formed XML as far as tags go. */
function balisesEquilibrees(svg: string): boolean {
  const pile: string[] = []
  for (const [balise, fermante, nom, autoFermee] of svg.matchAll(/<(\/)?([a-zA-Z][\w:-]*)(?:\s[^<>]*?)?(\/)?>/g)) {
    if (balise === undefined || nom === undefined) return false
    if (autoFermee) continue
    if (fermante) {
      if (pile.pop() !== nom) return false
    } else pile.push(nom)
  }
  return pile.length === 0 && !/<(?![a-zA-Z/])/.test(svg)
}

describe('histogramme', () => {
  const svg = histogramme(EXEMPLE)
  const racine = relire(svg)

  it('produit un SVG bien formé, relu par linkedom', () => {
    expect(racine.tagName.toLowerCase()).toBe('svg')
    expect(racine.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg')
    expect(balisesEquilibrees(svg)).toBe(true)
    expect(balisesEquilibrees('<svg><g></svg>')).toBe(false)
  })

  it('est une image nommée par son titre et décrite par sa description', () => {
    expect(racine.getAttribute('role')).toBe('img')
    const titre = racine.querySelector(`#${racine.getAttribute('aria-labelledby')}`)
    const description = racine.querySelector(`#${racine.getAttribute('aria-describedby')}`)
    expect(titre?.tagName.toLowerCase()).toBe('title')
    expect(titre?.textContent).toBe(EXEMPLE.titre)
    expect(description?.tagName.toLowerCase()).toBe('desc')
    expect(description?.textContent).toBe(EXEMPLE.description)
    // the title comes first, as SVG requires for its accessible name
    expect(racine.firstElementChild?.tagName.toLowerCase()).toBe('title')
  })

  it('dessine une barre par valeur, de longueur proportionnelle', () => {
    const barres = Array.from(racine.querySelectorAll(`g[fill="${COULEURS.barre}"] > rect`))
    expect(barres).toHaveLength(EXEMPLE.barres.length)
    const largeurs = barres.map((b) => Number(b.getAttribute('width')))
    expect(Math.max(...largeurs)).toBe(largeurs[3])
    expect(largeurs[4] ?? 0).toBeCloseTo(((largeurs[3] ?? 0) * 310) / 1234, -0.5)
  })

  it('écrit chaque libellé et chaque valeur à la française', () => {
    const textes = Array.from(racine.querySelectorAll('text')).map((t) => t.textContent)
    for (const b of EXEMPLE.barres) expect(textes).toContain(b.libelle)
    expect(textes).toContain('1\u202f234')
    expect(textes).toContain('Nombre de lieux')
  })

  it('ne contient rien que la politique de sécurité bloquerait', () => {
    expect(svg).not.toMatch(/style=/i)
    expect(svg).not.toMatch(/<style/i)
    expect(svg).not.toMatch(/<script/i)
    expect(svg).not.toMatch(/href=|url\(|@import/i)
    expect(svg).not.toMatch(/\bon[a-z]+=/i)
  })

  it('s’adapte à la largeur de l’écran : un viewBox, pas de taille fixe', () => {
    expect(racine.getAttribute('viewBox')).toMatch(/^0 0 400 \d+$/)
    expect(racine.hasAttribute('width')).toBe(false)
    expect(racine.hasAttribute('height')).toBe(false)
  })

  it('emploie la police du système et des couleurs contrastées sur fond blanc', () => {
    expect(racine.getAttribute('font-family')).toMatch(/^system-ui,/)
    expect(racine.getAttribute('fill')).toBe(COULEURS.texte)
    expect(racine.querySelector(`rect[fill="${COULEURS.fond}"]`)).not.toBeNull()
    expect(svg).not.toContain('currentColor')
  })

  it('échappe le texte reçu : une donnée ne devient jamais du balisage', () => {
    const piege = histogramme({ ...EXEMPLE, titre: '<script>alert(1)</script>', barres: [{ libelle: '"><img src=x onerror=alert(1)>', valeur: 1 }] })
    expect(piege).not.toMatch(/<script|<img/i)
    expect(relire(piege).querySelector('title')?.textContent).toBe('<script>alert(1)</script>')
  })

  it('coupe un long libellé en lignes (tspan) sans en perdre un mot', () => {
    const libelle = 'Acquisition de matériel informatique à prix solidaire pour les familles du quartier'
    const texte = Array.from(relire(histogramme({ ...EXEMPLE, barres: [{ libelle, valeur: 2 }] })).querySelectorAll('text')).find((t) => t.querySelector('tspan'))
    const lignes = texte ? Array.from(texte.querySelectorAll('tspan')).map((t) => t.textContent) : []
    expect(lignes.length).toBeGreaterThan(1)
    expect(lignes.join(' ')).toBe(libelle)
  })

  it('garde l’ordre des barres et les libellés répétés', () => {
    const barres = [
      { libelle: 'Zéro', valeur: 1 },
      { libelle: 'Alpha', valeur: 2 },
      { libelle: 'Alpha', valeur: 3 },
    ]
    const textes = Array.from(relire(histogramme({ ...EXEMPLE, barres })).querySelectorAll('text')).map((t) => t.textContent)
    expect(textes.filter((t) => t === 'Zéro' || t === 'Alpha')).toEqual(['Zéro', 'Alpha', 'Alpha'])
  })

  it('dit « Aucune donnée à afficher. » sans barre, et reste nommé', () => {
    const vide = relire(histogramme({ ...EXEMPLE, barres: [] }))
    expect(vide.querySelectorAll('rect')).toHaveLength(1) // the background only
    expect(vide.getAttribute('viewBox')).toMatch(/^0 0 400 \d+$/)
    expect(vide.textContent).toContain('Aucune donnée à afficher.')
    expect(vide.querySelector('title')?.textContent).toBe(EXEMPLE.titre)
  })

  it('accepte des valeurs toutes nulles', () => {
    const zero = relire(histogramme({ ...EXEMPLE, barres: [{ libelle: 'Rien', valeur: 0 }] }))
    expect(zero.querySelector(`g[fill="${COULEURS.barre}"] > rect`)?.getAttribute('width')).toBe('0')
  })

  it('refuse une valeur négative ou non finie, et un titre vide', () => {
    expect(() => histogramme({ ...EXEMPLE, barres: [{ libelle: 'A', valeur: -1 }] })).toThrow(/« A »/)
    expect(() => histogramme({ ...EXEMPLE, barres: [{ libelle: 'A', valeur: Number.NaN }] })).toThrow(RangeError)
    expect(() => histogramme({ ...EXEMPLE, titre: '  ' })).toThrow(/titre/)
  })

  it('prend l’identifiant donné pour deux graphiques de même titre', () => {
    const autre = relire(histogramme({ ...EXEMPLE, id: 'qualite-73' }))
    expect(autre.getAttribute('aria-labelledby')).toBe('qualite-73-titre')
    expect(autre.querySelector('#qualite-73-description')).not.toBeNull()
  })
})

describe('idGraphique', () => {
  it('fait un identifiant sans accents ni espaces', () => {
    expect(idGraphique('Répartition des lieux par score de qualité')).toBe('graphique-repartition-des-lieux-par-score-de-qualite')
  })
})
