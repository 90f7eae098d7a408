/** Debian's Chromium for the browser tests: where it is, whether it is there, how it is launched. */
import { existsSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { expect } from 'vitest'

export const CHROMIUM = '/usr/bin/chromium'
export const CHROMIUM_PRESENT = existsSync(CHROMIUM)

export const ARGUMENTS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export const lancerChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: ARGUMENTS })

/** The title of a browser test, saying why it is skipped when Chromium is absent. */
export const titreNavigateur = (titre: string): string => `${titre}${CHROMIUM_PRESENT ? '' : ` (ignoré : ${CHROMIUM} absent)`}`

/** Gives the browser context the cookies of a session opened by `seConnecter`. */
export async function avecSession(contexte: BrowserContext, url: string, cookie: string): Promise<void> {
  const cookies = cookie
    .split(';')
    .map((morceau) => morceau.trim())
    .filter((morceau) => morceau.includes('='))
    .map((morceau) => ({ name: morceau.slice(0, morceau.indexOf('=')), value: morceau.slice(morceau.indexOf('=') + 1), url }))
  await contexte.addCookies(cookies)
}


export const TAGS_WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** A fresh context (signed in with `cookie` when given) and its page, collecting CSP violations. */
export async function ouvrirPage(navigateur: Browser, url: string, options: Parameters<Browser['newContext']>[0] = {}, cookie?: string) {
  const contexte = await navigateur.newContext({ locale: 'fr-FR', ...options })
  if (cookie) await avecSession(contexte, url, cookie)
  const page = await contexte.newPage()
  const violationsCsp: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violationsCsp.push(m.text())
  })
  return { contexte, page, violationsCsp }
}

/**
 * axe finds no WCAG 2.1 A/AA violation, the page does not scroll sideways and, with `cibles`
 * (a selector), those controls are at least 44 px high.
 */
export async function verifierPage(page: Page, nom: string, cibles?: string): Promise<void> {
  const resultat = await new AxeBuilder({ page }).withTags(TAGS_WCAG).analyze()
  expect(resultat.violations.map((v) => `${v.id} : ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), nom).toEqual([])
  expect(resultat.passes.length, nom).toBeGreaterThan(10)
  const mesure = await page.evaluate(() => ({ defilement: document.documentElement.scrollWidth, largeur: document.documentElement.clientWidth }))
  expect(mesure.defilement, nom).toBeLessThanOrEqual(mesure.largeur)
  if (cibles === undefined) return
  const petites = await page.evaluate((selecteur) =>
    Array.from(document.querySelectorAll(selecteur))
      .map((e) => ({ element: e.outerHTML.slice(0, 80), hauteur: e.getBoundingClientRect().height }))
      .filter((e) => e.hauteur < 44), cibles)
  expect(petites, nom).toEqual([])
}
