/**
 * The design system's style sheet (aiguillage.css), written inside every page's `<head>` rather
 * than linked: on a slow mobile connection each request costs a round trip (2 s under Chromium's
 * « Slow 3G »), and a linked sheet blocks the first paint until it arrives. The Content Security
 * Policy allows this `<style>` element by the hash of its text, never inline styles at large.
 * The workspace's rules (espace.css) go in a second element, in the signed-in pages only.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

/**
 * CSS without comments and needless spaces (3.8 → 3.1 KB once compressed): strings are kept
 * as they are, spaces that may be descendant combinators (`nav a`, `a :focus`) are kept.
 */
export function compacterCss(css: string): string {
  // odd parts are strings or comments, read left to right (a quote inside a comment is no string)
  return css
    .split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\/\*[\s\S]*?\*\/)/)
    .map((partie, i) => (i % 2 === 0 ? partie.replace(/\s+/g, ' ').replace(/ ?([{};]) ?/g, '$1') : partie.startsWith('/*') ? '' : partie))
    .join('')
    .trim()
}

function lireFeuille(nom: string): string {
  const css = compacterCss(readFileSync(new URL(`./${nom}`, import.meta.url), 'utf8'))
  if (/<\/style/i.test(css)) throw new Error(`${nom} ne peut pas contenir « </style ».`)
  return css
}

const empreinte = (css: string) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`

/** The text of the style sheet, as put in `<style>`. */
export const FEUILLE = lireFeuille('aiguillage.css')

/** The workspace's additions (espace.css), in a second `<style>` of the signed-in pages only. */
export const FEUILLE_ESPACE = lireFeuille('espace.css')

/** The CSP sources allowing those `<style>` elements: `'sha256-…' 'sha256-…'`. */
export const EMPREINTE_FEUILLE = `${empreinte(FEUILLE)} ${empreinte(FEUILLE_ESPACE)}`
