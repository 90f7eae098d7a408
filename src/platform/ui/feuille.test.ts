import { describe, expect, it } from 'vitest'
import { compacterCss, FEUILLE } from './feuille.ts'

describe('compacterCss', () => {
  it('ôte commentaires et espaces inutiles, garde chaînes et combinateurs descendants', () => {
    const css = `/* l'en-tête */\n.fil li + li::before {\n  content: "›  /* pas un commentaire */";\n}\nnav a :focus { outline: 3px  solid; }\n.x::after { content: ' ; { '; }`
    expect(compacterCss(css)).toBe(`.fil li + li::before{content: "›  /* pas un commentaire */";}nav a :focus{outline: 3px solid;}.x::after{content: ' ; { ';}`)
  })

  it('la feuille de la plateforme garde ses règles d’impression et de focus', () => {
    expect(FEUILLE).not.toContain('/*')
    expect(FEUILLE).toMatch(/@media print\{\s*@page\{size: A4;/)
    expect(FEUILLE).toContain('--focus-dehors')
  })
})
