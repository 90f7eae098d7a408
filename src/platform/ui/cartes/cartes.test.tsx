import { DOMParser, parseHTML } from 'linkedom'
import { render } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import { CarteCommunes, CarteDepartements } from './cartes.tsx'
import { choroplethDepartements, type ValeurDepartement } from './choroplethe.ts'
import { classeDe, libellesClasses, palette, seuilsQuantiles } from './classes.ts'
import { GEOMETRIE_DEPARTEMENTS } from './geometrie-departements.ts'
import { type CommuneSymbole, COULEURS_CATEGORIES, preparerSymboles, RAYON_MAX, symbolesCommunes } from './symboles.ts'
import { projeter } from './svg.ts'

function relire(svg: string): Element {
  const racine = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement as unknown as Element | null
  if (!racine) throw new Error('SVG illisible')
  return racine
}

function accessible(racine: Element, titre: string, description: string) {
  expect(racine.tagName.toLowerCase()).toBe('svg')
  expect(racine.getAttribute('role')).toBe('img')
  expect(racine.firstElementChild?.tagName.toLowerCase()).toBe('title')
  expect(racine.querySelector(`#${racine.getAttribute('aria-labelledby')}`)?.textContent).toBe(titre)
  expect(racine.querySelector(`#${racine.getAttribute('aria-describedby')}`)?.textContent).toBe(description)
  expect(racine.getAttribute('viewBox')).toMatch(/^0 0 400 \d+$/)
  expect(racine.hasAttribute('width')).toBe(false)
}

const SANS_RISQUE = (svg: string) => expect(svg).not.toMatch(/style=|<style|<script|href=|\bon[a-z]+=/i)

const AURA = ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74']
const FRANCE: ValeurDepartement[] = [...GEOMETRIE_DEPARTEMENTS.map((d, i) => ({ code: d.code, nom: d.nom, valeur: d.code === '48' ? null : i })), { code: '974', nom: 'La Réunion', valeur: 95 }]

describe('classes', () => {
  it('coupe en quantiles arrondis et classe chaque valeur', () => {
    expect(seuilsQuantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5)).toEqual([2.8, 4.6, 6.4, 8.2])
    expect(seuilsQuantiles([5, 5, 5], 5)).toEqual([])
    expect([0, 10, 19.9, 20, 99].map((v) => classeDe(v, [10, 20]))).toEqual([0, 1, 1, 2, 2])
    expect(libellesClasses([10, 20])).toEqual(['moins de 10', 'de 10 à moins de 20', '20 ou plus'])
    expect(() => palette(8)).toThrow(RangeError)
  })
})

describe('choroplethDepartements', () => {
  const options = { titre: 'Part de la population loin d’un lieu', description: 'Le sud-ouest est le plus loin.', unite: 'Part (%)', valeurs: FRANCE, seuils: [20, 50, 80] }
  const svg = choroplethDepartements(options)
  const racine = relire(svg)

  it('est une image accessible, sans rien que la CSP bloquerait, légère', () => {
    accessible(racine, options.titre, options.description)
    SANS_RISQUE(svg)
    expect(svg.length).toBeLessThan(150_000)
  })

  it('trace chaque département métropolitain une fois, de la couleur de sa classe', () => {
    const formes = Array.from(racine.querySelectorAll('svg svg > g:not([fill]) > path'))
    expect(formes).toHaveLength(96)
    const couleurs = palette(4)
    const savoie = GEOMETRIE_DEPARTEMENTS.find((d) => d.code === '73')
    const valeurSavoie = FRANCE.find((v) => v.code === '73')?.valeur ?? -1
    expect(formes.find((f) => f.getAttribute('d') === savoie?.d)?.getAttribute('fill')).toBe(couleurs[classeDe(valeurSavoie, [20, 50, 80])])
    const lozere = GEOMETRIE_DEPARTEMENTS.find((d) => d.code === '48')
    expect(formes.find((f) => f.getAttribute('d') === lozere?.d)?.getAttribute('fill')).toMatch(/^url\(#carte-.*-sans-donnee-carte\)$/)
  })

  it('met l’outre-mer en carrés nommés et écrit la légende en mots, « Pas de donnée » compris', () => {
    const textes = Array.from(racine.querySelectorAll('text')).map((t) => t.textContent)
    expect(textes).toContain('Outre-mer')
    expect(textes).toContain('974')
    expect(textes).toEqual(expect.arrayContaining(['Part (%)', 'moins de 20', 'de 20 à moins de 50', 'de 50 à moins de 80', '80 ou plus', 'Pas de donnée']))
    expect(textes.some((t) => t?.includes('CC BY 4.0'))).toBe(true)
  })

  it('cadre le territoire donné : une région montre ses départements, les voisins en pâle', () => {
    const region = relire(choroplethDepartements({ ...options, valeurs: FRANCE.filter((v) => AURA.includes(v.code)) }))
    const pleins = Array.from(region.querySelectorAll('svg svg > g:not([fill]) > path'))
    expect(pleins).toHaveLength(AURA.length)
    expect(region.querySelectorAll('svg svg > g[fill="#f2f2f2"] > path').length).toBeGreaterThan(5)
    const [, , largeur] = (region.querySelector('svg svg')?.getAttribute('viewBox') ?? '').split(' ').map(Number)
    expect(largeur).toBeLessThan(300) // of 613 for France
    // a département's map writes each code
    expect(Array.from(region.querySelectorAll('text')).map((t) => t.textContent)).toEqual(expect.arrayContaining(AURA))
    expect(region.textContent).not.toContain('Outre-mer')
  })

  it('est déterministe et refuse une valeur non finie', () => {
    expect(choroplethDepartements(options)).toBe(svg)
    expect(() => choroplethDepartements({ ...options, valeurs: [{ code: '73', nom: 'Savoie', valeur: Number.NaN }] })).toThrow(/Savoie/)
    expect(() => choroplethDepartements({ ...options, seuils: [3, 2] })).toThrow(/croissants/)
  })

  it('accompagne la carte d’un tableau de chaque département', () => {
    const { document } = parseHTML(`<!doctype html><html><body>${render(<CarteDepartements {...options} />)}</body></html>`)
    expect(document.querySelector('figure figcaption')?.textContent).toBe(options.titre)
    const lignes = Array.from(document.querySelectorAll('details tbody tr'))
    expect(lignes).toHaveLength(97)
    const lozere = lignes.find((l) => l.querySelector('th')?.textContent === 'Lozère (48)')
    expect(Array.from(lozere?.querySelectorAll('td') ?? []).map((td) => td.textContent)).toEqual(['Pas de donnée', 'Pas de donnée'])
  })
})

describe('symbolesCommunes', () => {
  const communes: CommuneSymbole[] = [
    { code: '73065', nom: 'Chambéry', lat: 45.566, lon: 5.921, valeur: 60_000, categorie: 'Lieu à moins de 10 km' },
    { code: '73008', nom: 'Aix-les-Bains', lat: 45.688, lon: 5.915, valeur: 30_000, categorie: 'Lieu à moins de 10 km' },
    { code: '73290', nom: 'Val-Cenis', lat: 45.25, lon: 6.9, valeur: 2_400, categorie: 'Zone blanche' },
    { code: '73999', nom: 'Sans habitant', lat: 45.5, lon: 6.5, valeur: 0, categorie: 'Zone blanche' },
    { code: '97411', nom: 'Saint-Denis', lat: -20.88, lon: 55.45, valeur: 150_000 },
  ]
  const options = { titre: 'Population des communes', description: 'Les villes sont dans la cluse.', unite: 'Population', communes, cadre: ['73'], categories: [{ nom: 'Lieu à moins de 10 km' }, { nom: 'Zone blanche' }] }
  const svg = symbolesCommunes(options)
  const racine = relire(svg)
  const cercles = Array.from(racine.querySelectorAll('svg svg circle'))

  it('est une image accessible, sur le fond des départements', () => {
    accessible(racine, options.titre, options.description)
    SANS_RISQUE(svg)
    expect(racine.querySelectorAll('svg svg path').length).toBeGreaterThan(3)
  })

  it('dessine la plus grande d’abord, d’aire proportionnelle à la valeur, sans les valeurs nulles ni l’outre-mer', () => {
    expect(cercles).toHaveLength(3)
    const rayons = cercles.map((c) => Number(c.getAttribute('r')))
    expect(rayons).toEqual([...rayons].sort((a, b) => b - a))
    expect(((rayons[1] ?? 0) / (rayons[0] ?? 1)) ** 2).toBeCloseTo(0.5, 2)
    expect(((rayons[2] ?? 0) / (rayons[0] ?? 1)) ** 2).toBeCloseTo(0.04, 2)
    const [x, y] = projeter(5.921, 45.566)
    expect([Number(cercles[0]?.getAttribute('cx')), Number(cercles[0]?.getAttribute('cy'))]).toEqual([Math.round(x * 10) / 10, Math.round(y * 10) / 10])
    expect(racine.textContent).toContain('1 communes hors de la carte')
  })

  it('colore par catégorie, avec la légende des couleurs et des tailles', () => {
    expect(cercles.map((c) => c.parentElement?.getAttribute('fill'))).toEqual([COULEURS_CATEGORIES[0], COULEURS_CATEGORIES[0], COULEURS_CATEGORIES[1]])
    const textes = Array.from(racine.querySelectorAll('text')).map((t) => t.textContent)
    expect(textes).toEqual(expect.arrayContaining(['Population', '60\u202f000', '10\u202f000', 'Lieu à moins de 10 km', 'Zone blanche']))
    const tailleMax = Array.from(racine.querySelectorAll('circle[fill="none"]')).map((c) => Number(c.getAttribute('r')))
    expect(tailleMax[0]).toBe(RAYON_MAX)
  })

  it('regroupe les communes voisines au-delà du seuil, sans perdre de total', () => {
    const nombreuses: CommuneSymbole[] = Array.from({ length: 400 }, (_, i) => ({ code: String(i), nom: `C${i}`, lat: 45 + (i % 20) * 0.01, lon: 5 + Math.floor(i / 20) * 0.01, valeur: 10 }))
    const p = preparerSymboles({ ...options, communes: nombreuses, cadre: AURA, categories: undefined, regroupement: 100 })
    expect(p.regroupe).toBe(true)
    expect(p.symboles.length).toBeLessThan(100)
    expect(p.symboles.reduce((s, x) => s + x.valeur, 0)).toBe(4000)
    expect(symbolesCommunes({ ...options, communes: nombreuses, cadre: AURA, regroupement: 100 })).toContain('regroupées par carré')
    expect(preparerSymboles({ ...options, communes: nombreuses, cadre: AURA }).regroupe).toBe(false)
  })

  it('cadre l’outre-mer sur lui-même quand il est seul, et dit « Aucune donnée » sans commune', () => {
    expect(relire(symbolesCommunes({ ...options, communes: communes.slice(4), cadre: undefined })).querySelectorAll('svg svg circle')).toHaveLength(1)
    expect(relire(symbolesCommunes({ ...options, communes: [] })).textContent).toContain('Aucune donnée à afficher.')
  })

  it('montre les plus fortes valeurs en tableau, et dit combien il en laisse', () => {
    const html = render(<CarteCommunes {...options} lignes={2} export={{ href: '/export.csv', libelle: 'Toutes les communes (CSV)' }} />)
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
    expect(Array.from(document.querySelectorAll('tbody th')).map((th) => th.textContent)).toEqual(['Saint-Denis (97411)', 'Chambéry (73065)'])
    expect(document.querySelector('details p')?.textContent).toContain('Les 2 communes aux valeurs les plus fortes, sur 5.')
    expect(document.querySelector('details p a')?.getAttribute('href')).toBe('/export.csv')
  })
})
