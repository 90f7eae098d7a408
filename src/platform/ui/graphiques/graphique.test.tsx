import { parseHTML } from 'linkedom'
import { render } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import { DonneesGraphique, Graphique } from './graphique.tsx'

const BARRES = [
  { libelle: 'De 0 à 0,19', valeur: 4 },
  { libelle: 'De 0,8 à 1', valeur: 1234 },
  { libelle: 'Moyenne', valeur: 0.5 },
]

/** Reads rendered HTML back as a document. */
function page(html: string) {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document
}

describe('Graphique', () => {
  const html = render(<Graphique titre="Lieux par score" description="Un lieu sur deux a plus de 0,8." unite="Nombre de lieux" colonne="Score" barres={BARRES} />)
  const document = page(html)

  it('montre le titre en légende, le SVG accessible, puis le tableau replié', () => {
    const figure = document.querySelector('figure.graphique')
    expect(figure?.querySelector('figcaption')?.textContent).toBe('Lieux par score')
    const svg = figure?.querySelector('svg')
    expect(svg?.getAttribute('role')).toBe('img')
    expect(svg?.getAttribute('aria-labelledby')).toBe('graphique-lieux-par-score-titre')
    const details = figure?.querySelector('details')
    expect(details?.querySelector('summary')?.textContent).toBe('Voir les données du graphique')
    expect(details?.hasAttribute('open')).toBe(false)
  })

  it('met chaque valeur dans le tableau, écrite à la française', () => {
    const lignes = Array.from(document.querySelectorAll('details tbody tr')).map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent])
    expect(lignes).toEqual([
      ['De 0 à 0,19', '4'],
      ['De 0,8 à 1', '1\u202f234'],
      ['Moyenne', '0,5'],
    ])
    expect(Array.from(document.querySelectorAll('thead th')).map((th) => th.textContent)).toEqual(['Score', 'Nombre de lieux'])
    expect(document.querySelector('caption')?.textContent).toBe('Lieux par score')
  })

  it('n’a ni style en ligne ni script', () => {
    expect(html).not.toMatch(/style=|<style|<script/i)
  })

  it('échappe les libellés dans le tableau comme dans le SVG', () => {
    const piege = render(<Graphique titre="T" description="D" unite="U" barres={[{ libelle: '<b>gras</b>', valeur: 1 }]} />)
    expect(piege).not.toContain('<b>')
    expect(page(piege).querySelector('tbody th')?.textContent).toBe('<b>gras</b>')
  })
})

describe('DonneesGraphique', () => {
  it('dit qu’il n’y a aucune donnée plutôt que de montrer un tableau vide', () => {
    const document = page(render(<DonneesGraphique titre="T" unite="U" barres={[]} />))
    expect(document.querySelector('table')).toBeNull()
    expect(document.querySelector('details p')?.textContent).toBe('Aucune donnée à afficher.')
  })

  it('nomme la première colonne « Libellé » par défaut', () => {
    const document = page(render(<DonneesGraphique titre="T" unite="Lieux" barres={BARRES} />))
    expect(document.querySelector('thead th')?.textContent).toBe('Libellé')
  })
})
