/**
 * The territorial diagnosis in a real browser (Debian's Chromium), signed in as a coordinator of
 * Savoie: `/pilotage/diagnostic` and `/pilotage/zones-blanches` have no axe violation of WCAG 2.1
 * A/AA, no Content Security Policy violation, no sideways scrolling at 320 px, 44 px controls;
 * each map is an SVG image named by its title, with its figures in a folded table. Without
 * JavaScript: a column header link sorts the table, the GET form changes the need and the
 * distance, and the maps follow.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { creerCompte, seConnecter } from '../support/comptes.ts'
import { demarrer, type ServeurDeTest } from '../http/serveur-de-test.ts'
import { CHROMIUM_PRESENT, lancerChromium, ouvrirPage, titreNavigateur, verifierPage } from './chromium.ts'

const CIBLES = 'main button, main select, main input:not([type=hidden]), main summary'

/** The titles of the page's SVG images. */
const titresDesImages = (page: Page) => page.locator('svg[role="img"]').evaluateAll((svgs) => svgs.map((s) => s.querySelector(':scope > title')?.textContent ?? ''))

describe.skipIf(!CHROMIUM_PRESENT)(titreNavigateur('diagnostic territorial dans Chromium'), () => {
  let serveur: ServeurDeTest
  let navigateur: Browser
  let cookie = ''

  beforeAll(async () => {
    serveur = await demarrer({ nombre: 30 })
    const compte = await creerCompte(serveur.base, 'diagnostic@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }], { nom: 'Dominique Diagnostic' })
    cookie = (await seConnecter(serveur.url, compte)).cookie
    navigateur = await lancerChromium()
  }, 120_000)
  afterAll(async () => {
    await navigateur?.close()
    await serveur?.fermer()
  })

  it('les deux pages, leurs cartes et leurs tableaux, sans violation, à 320 px', async () => {
    const { contexte, page, violationsCsp } = await ouvrirPage(navigateur, serveur.url, { viewport: { width: 320, height: 640 } }, cookie)
    for (const [chemin, cartes] of [
      ['/pilotage/diagnostic', ['Part de la population à plus de 10 km d’un lieu (Faire une démarche en ligne)', 'Population des communes']],
      ['/pilotage/zones-blanches', ['Population des communes']],
    ] as const) {
      expect((await page.goto(`${serveur.url}${chemin}`))?.status()).toBe(200)
      expect(await page.locator('h1').textContent()).toContain('Savoie')
      expect(await titresDesImages(page)).toEqual(cartes)
      // each map's figures: open its table (native <details>)
      for (const figure of await page.locator('figure.carte').all()) {
        await figure.locator('summary', { hasText: 'Voir les données de la carte' }).click()
        expect(await figure.locator('table tbody tr').count()).toBeGreaterThan(0)
      }
      await verifierPage(page, chemin, CIBLES)
    }
    expect(await page.getByRole('link', { name: 'Télécharger toutes les communes (CSV)' }).getAttribute('href')).toMatch(/^\/pilotage\/diagnostic\.csv\?territoire=departement%3A73&besoin=demarches&/)
    expect(violationsCsp).toEqual([])
    await contexte.close()
  })

  it('sans JavaScript : tri par l’en-tête, besoin et distance par le formulaire', async () => {
    const { contexte, page } = await ouvrirPage(navigateur, serveur.url, { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } }, cookie)
    await page.goto(`${serveur.url}/pilotage/diagnostic`)
    const tableau = page.locator('table.tableau', { has: page.locator('caption', { hasText: 'Diagnostic territorial —' }) })
    const entetePopulation = tableau.locator('thead th', { hasText: 'Population' })
    expect(await entetePopulation.getAttribute('aria-sort')).toBeNull()
    await Promise.all([page.waitForURL(/tri=population&ordre=desc/), entetePopulation.locator('a').click()])
    expect(await tableau.locator('thead th', { hasText: 'Population' }).getAttribute('aria-sort')).toBe('descending')
    expect(await tableau.locator('tbody th').first().textContent()).toContain('Chambéry')

    await page.getByLabel('Besoin').selectOption('materiel')
    await page.getByLabel('Communes à plus de').selectOption('5')
    await Promise.all([page.waitForURL(/besoin=materiel&distance=5/), page.getByRole('button', { name: 'Afficher' }).click()])
    expect(new URL(page.url()).searchParams.get('tri')).toBe('population')
    expect(await titresDesImages(page)).toEqual(['Part de la population à plus de 5 km d’un lieu (Avoir un ordinateur ou un téléphone à petit prix)', 'Population des communes'])
    expect(await page.locator('figure.carte svg[role="img"] text', { hasText: 'Lieu à moins de 5 km' }).count()).toBe(1)
    expect(await page.getByText(/communes et [\d\s\u202f]+ habitants à plus de 5 km d’un lieu pour « Avoir un ordinateur/).count()).toBe(1)

    await Promise.all([page.waitForURL(/\/pilotage\/zones-blanches\?.*besoin=materiel&distance=5/), page.getByRole('link', { name: 'Voir les zones blanches' }).click()])
    await page.getByLabel('Plus loin que').selectOption('20')
    await Promise.all([page.waitForURL(/distance=20/), page.getByRole('button', { name: 'Afficher' }).click()])
    expect(await page.getByLabel('Besoin').inputValue()).toBe('materiel')
    expect(await titresDesImages(page)).toEqual(['Population des communes'])
    expect(await page.locator('figure.carte svg[role="img"] text', { hasText: 'Lieu à moins de 20 km' }).count()).toBe(1)
    await contexte.close()
  })
})
