/**
 * The pages in a real browser (Debian's Chromium driven by playwright-core): no axe violation
 * of WCAG 2.1 A/AA, keyboard access (skip link, visible focus), no horizontal scrolling at
 * 320 px nor at 200 % zoom, no Content Security Policy violation, and everything works with
 * JavaScript disabled.
 */
import { AxeBuilder } from '@axe-core/playwright'
import { type Browser, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM_PRESENT, lancerChromium, titreNavigateur } from './chromium.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POLITIQUE_CONTENU } from '../../src/platform/http/entetes.ts'
import { demarrer, lieuxDemo, type ServeurDeTest } from '../http/serveur-de-test.ts'
import { catalogue } from './catalogue.tsx'



describe.skipIf(!CHROMIUM_PRESENT)(titreNavigateur('pages dans Chromium'), () => {
  let serveur: ServeurDeTest
  let navigateur: Browser
  let uid: string
  let commune: string

  /** Pages to check: home, list, list without result, place, 404, territory error. */
  const pages = () => ({
    accueil: '/',
    liste: '/lieux',
    'liste sans résultat': '/lieux?q=zzzzzz',
    'liste en erreur': '/lieux?territoire=nulle-part',
    fiche: `/lieux/${uid}`,
    'page introuvable': '/nexiste/pas',
  })

  beforeAll(async () => {
    serveur = await demarrer({ nombre: 45 })
    commune = String(lieuxDemo(45)[0]?.commune)
    const html = await (await fetch(`${serveur.url}/lieux`)).text()
    uid = html.match(/<a href="\/lieux\/(\d+)">/)?.[1] ?? '1'
    navigateur = await lancerChromium()
  })
  afterAll(async () => {
    await navigateur?.close()
    await serveur?.fermer()
  })

  /** Opens a page in a fresh context and collects CSP violations reported by the browser. */
  async function ouvrir(chemin: string, options: Parameters<Browser['newContext']>[0] = {}) {
    const contexte: BrowserContext = await navigateur.newContext({ locale: 'fr-FR', ...options })
    const page: Page = await contexte.newPage()
    const violationsCsp: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violationsCsp.push(message.text())
    })
    await page.goto(`${serveur.url}${chemin}`)
    return { contexte, page, violationsCsp }
  }

  it('axe ne trouve aucune violation WCAG 2.1 A et AA, et le navigateur aucune violation de CSP', async () => {
    const { contexte, page, violationsCsp } = await ouvrir('/')
    for (const [nom, chemin] of Object.entries(pages())) {
      await page.goto(`${serveur.url}${chemin}`)
      const resultat = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
      const violations = resultat.violations.map((v) => `${v.id} : ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
      expect(violations, nom).toEqual([])
      expect(resultat.passes.length, nom).toBeGreaterThan(10)
      expect(violationsCsp, nom).toEqual([])
    }
    // The checks can fail: a page without lang, and markup with an inline style, are caught.
    await page.evaluate(() => {
      document.documentElement.removeAttribute('lang')
      document.body.insertAdjacentHTML('beforeend', '<p style="color: red">essai</p>')
    })
    const casse = await new AxeBuilder({ page }).withTags(['wcag2a']).analyze()
    expect(casse.violations.map((v) => v.id)).toContain('html-has-lang')
    await expect.poll(() => violationsCsp.length).toBeGreaterThan(0)
    await contexte.close()
  })

  it('les composants du système de conception (champs, erreurs, avis, tableau…) passent axe, à 320 px aussi', async () => {
    const html = catalogue()
    expect(html).not.toMatch(/<script|\sstyle=/i)
    const { contexte, page, violationsCsp } = await ouvrir('/', { viewport: { width: 320, height: 640 } })
    await page.route(`${serveur.url}/catalogue`, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': POLITIQUE_CONTENU } }))
    await page.goto(`${serveur.url}/catalogue`)
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('system-ui')
    const resultat = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(resultat.violations.map((v) => `${v.id} : ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
    const mesure = await page.evaluate(() => ({ defilement: document.documentElement.scrollWidth, largeur: document.documentElement.clientWidth }))
    expect(mesure.defilement).toBeLessThanOrEqual(mesure.largeur)
    const petites = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main input:not([type=checkbox]), main select, main button, .pagination a, .navigation a'))
        .map((e) => ({ nom: e.outerHTML.slice(0, 60), hauteur: e.getBoundingClientRect().height }))
        .filter((e) => e.hauteur < 44),
    )
    expect(petites).toEqual([])
    expect(violationsCsp).toEqual([])
    await contexte.close()
  })

  it('au clavier, la première tabulation atteint « Aller au contenu », qui mène au contenu principal', async () => {
    const { contexte, page } = await ouvrir('/lieux')
    await page.keyboard.press('Tab')
    const premier = await page.evaluate(() => {
      const actif = document.activeElement as HTMLElement
      const style = getComputedStyle(actif)
      const cadre = actif.getBoundingClientRect()
      return { texte: actif.textContent, outline: style.outlineStyle, largeur: style.outlineWidth, ombre: style.boxShadow, haut: cadre.top }
    })
    expect(premier.texte).toBe('Aller au contenu')
    expect(premier.haut).toBeGreaterThanOrEqual(0)
    expect(premier.outline).toBe('solid')
    expect(premier.largeur).toBe('3px')
    expect(premier.ombre).toContain('rgb(255, 211, 61)')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true)
    await contexte.close()
  })

  it('aucun défilement horizontal à 320 px ni à 200 % de zoom', async () => {
    const tailles = [
      { nom: '320 px', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
      { nom: '200 % (écran de 1280 px)', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
    ]
    for (const taille of tailles) {
      const { contexte, page } = await ouvrir('/', { viewport: taille.viewport, deviceScaleFactor: taille.deviceScaleFactor })
      for (const [nom, chemin] of Object.entries(pages())) {
        await page.goto(`${serveur.url}${chemin}`)
        const mesure = await page.evaluate(() => ({ defilement: document.documentElement.scrollWidth, largeur: document.documentElement.clientWidth }))
        expect(mesure.largeur).toBe(taille.viewport.width)
        expect(mesure.defilement, `${nom} à ${taille.nom}`).toBeLessThanOrEqual(mesure.largeur)
      }
      await contexte.close()
    }
  })

  it('sans JavaScript, le formulaire de recherche envoie en GET et montre les résultats', async () => {
    const { contexte, page } = await ouvrir('/', { javaScriptEnabled: false })
    await page.getByRole('searchbox', { name: 'Rechercher un lieu' }).fill(commune)
    await Promise.all([page.waitForURL(/\/lieux\?q=/), page.getByRole('button', { name: 'Rechercher' }).click()])
    expect(new URL(page.url()).searchParams.get('q')).toBe(commune)
    const titre = (await page.getByRole('heading', { level: 2 }).first().textContent())?.replace(/\u00a0/g, ' ')
    expect(titre).toContain(`pour « ${commune} »`)
    const resultats = await page.locator('.resultats > li').count()
    expect(resultats).toBeGreaterThan(0)
    await page.locator('.resultats h3 a').first().click()
    await page.waitForURL(/\/lieux\/\d+$/)
    expect(await page.locator('table caption').textContent()).toMatch(/^Horaires de la semaine du /)
    await page.goto(`${serveur.url}/lieux`)
    await page.locator('summary').click()
    await page.getByLabel('Territoire (facultatif)').fill('73')
    await Promise.all([page.waitForURL(/territoire=73/), page.getByRole('button', { name: 'Rechercher' }).click()])
    expect(await page.locator('h2').first().textContent()).toContain('dans Savoie')
    await contexte.close()
  })
})
