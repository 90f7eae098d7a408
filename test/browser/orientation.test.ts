/**
 * Orientation in a real browser (Debian's Chromium driven by playwright-core): the keyboard
 * journey need → « Où ? » → results → place → orientation sheet, with JavaScript disabled and
 * enabled, at 360 px and 1280 px; axe (WCAG 2.1 A and AA) on every orientation page; one `h1`,
 * skip link, `lang="fr"`; no horizontal scrolling at 200 % zoom; « Autour de moi »; the tiled
 * map (Leaflet, tiles from a small local server) without CSP violation, and the SVG map without
 * tiles; the widget framed by another site, the other pages not.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { deflateSync } from 'node:zlib'
import { AxeBuilder } from '@axe-core/playwright'
import { type Browser, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM_PRESENT, lancerChromium, titreNavigateur } from './chromium.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demarrerOrientation, type ServeurOrientation } from '../orientation/serveur.ts'



const TABLE_CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(octets: Buffer): number {
  let c = 0xffffffff
  for (const o of octets) c = (TABLE_CRC[(c ^ o) & 0xff] as number) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function morceau(type: string, donnees: Buffer): Buffer {
  const corps = Buffer.concat([Buffer.from(type, 'ascii'), donnees])
  const longueur = Buffer.alloc(4)
  longueur.writeUInt32BE(donnees.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(corps))
  return Buffer.concat([longueur, corps, crc])
}
/** A 256×256 PNG of one light colour: a map tile. */
function tuilePng(): Buffer {
  const entete = Buffer.alloc(13)
  entete.writeUInt32BE(256, 0)
  entete.writeUInt32BE(256, 4)
  entete.set([8, 2, 0, 0, 0], 8)
  const ligne = Buffer.concat([Buffer.from([0]), Buffer.alloc(256 * 3, 0xe6)])
  const image = Buffer.concat(Array.from({ length: 256 }, () => ligne))
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), morceau('IHDR', entete), morceau('IDAT', deflateSync(image)), morceau('IEND', Buffer.alloc(0))])
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

describe.skipIf(!CHROMIUM_PRESENT)(titreNavigateur('orientation dans Chromium'), () => {
  let serveur: ServeurOrientation
  let avecTuiles: ServeurOrientation
  let autreSite: Server
  let autreUrl = ''
  let tuilesDemandees = 0
  let navigateur: Browser

  beforeAll(async () => {
    const png = tuilePng()
    autreSite = createServer((requete, reponse) => {
      const url = requete.url ?? ''
      if (/^\/\d+\/\d+\/\d+\.png$/.test(url)) {
        tuilesDemandees++
        reponse.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length })
        return reponse.end(png)
      }
      if (url.startsWith('/hote.html')) {
        const cible = decodeURIComponent(url.split('?cible=')[1] ?? '')
        reponse.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        return reponse.end(`<!doctype html><html lang="fr"><title>Mairie</title><iframe src="${cible}" title="Recherche" width="400" height="600"></iframe>`)
      }
      reponse.writeHead(404).end()
    })
    await new Promise<void>((fin) => autreSite.listen(0, '127.0.0.1', fin))
    autreUrl = `http://127.0.0.1:${(autreSite.address() as AddressInfo).port}`
    ;[serveur, avecTuiles] = await Promise.all([demarrerOrientation({ nombre: 120 }), demarrerOrientation({ nombre: 40, tuiles: `${autreUrl}/{z}/{x}/{y}.png` })])
    navigateur = await lancerChromium()
  })
  afterAll(async () => {
    await navigateur?.close()
    await Promise.all([serveur?.fermer(), avecTuiles?.fermer()])
    await new Promise((fin) => autreSite?.close(fin))
  })

  /** A fresh context and page, collecting CSP violations and script errors. */
  async function ouvrir(options: Parameters<Browser['newContext']>[0] = {}) {
    const contexte: BrowserContext = await navigateur.newContext({ locale: 'fr-FR', ...options })
    const page: Page = await contexte.newPage()
    const problemes: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problemes.push(m.text())
    })
    page.on('pageerror', (e) => problemes.push(`erreur de script : ${e.message}`))
    return { contexte, page, problemes }
  }

  async function axe(page: Page, nom: string) {
    const resultat = await new AxeBuilder({ page }).withTags(TAGS).analyze()
    expect(
      resultat.violations.map((v) => `${v.id} : ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      nom,
    ).toEqual([])
    expect(resultat.passes.length, nom).toBeGreaterThan(10)
  }

  /** One h1, lang="fr", and a skip link to the main content (except in the widget). */
  async function structure(page: Page, nom: string, evitement = true) {
    const s = await page.evaluate(() => ({
      h1: document.querySelectorAll('h1').length,
      lang: document.documentElement.lang,
      evitement: document.querySelector('a.evitement')?.getAttribute('href') ?? null,
      main: document.querySelector('main')?.id ?? null,
    }))
    expect(s.h1, nom).toBe(1)
    expect(s.lang, nom).toBe('fr')
    if (evitement) {
      expect(s.evitement, nom).toBe('#contenu')
      expect(s.main, nom).toBe('contenu')
    }
  }

  /** Presses Tab until the focused element passes `test` (at most `max` times). */
  async function tabulerJusqua(page: Page, test: string, max = 120): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab')
      // eslint-disable-next-line no-new-func
      if (await page.evaluate((t) => new Function('e', `return ${t}`)(document.activeElement), test)) return
    }
    throw new Error(`focus jamais atteint : ${test}`)
  }

  /** Acts, then waits for the navigation it causes — even to the same address (a form posted to itself). */
  async function aller(page: Page, action: () => Promise<unknown>, motif: RegExp) {
    const navigation = page.waitForEvent('framenavigated', { predicate: (cadre) => cadre === page.mainFrame() && motif.test(cadre.url()) })
    await action()
    await navigation
    await page.waitForLoadState('load')
  }

  for (const javaScript of [false, true]) {
    for (const largeur of [360, 1280]) {
      it(`au clavier seul, ${javaScript ? 'avec' : 'sans'} JavaScript, à ${largeur} px : besoin → « Où ? » → résultats → lieu → fiche d’orientation`, async () => {
        const { contexte, page, problemes } = await ouvrir({ javaScriptEnabled: javaScript, viewport: { width: largeur, height: 800 } })
        await page.goto(`${serveur.url}/`)
        await page.keyboard.press('Tab')
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu')
        await page.keyboard.press('Enter')
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu')
        // the need, with Space
        await tabulerJusqua(page, "e.name === 'besoin' && e.value === 'impots'")
        await page.keyboard.press('Space')
        expect(await page.locator('input[name=besoin][value=impots]').isChecked()).toBe(true)
        // « Où ? »
        await tabulerJusqua(page, "e.id === 'ou'")
        await page.keyboard.type('Chambéry')
        if (javaScript) {
          // the suggestions come from the API; if it does not answer, the text field is enough
          const liste = page.locator('#ou-suggestions')
          const proposees = await liste.waitFor({ state: 'visible', timeout: 3000 }).then(
            () => true,
            () => false,
          )
          if (proposees) {
            expect(await page.locator('#ou').getAttribute('aria-expanded')).toBe('true')
            await page.keyboard.press('ArrowDown')
            await page.keyboard.press('Enter')
            expect(await page.locator('#ou').inputValue()).toBe('Chambéry (73)')
            expect(await page.locator('input[type=hidden][name=commune]').inputValue()).toBe('73065')
          }
          // « Autour de moi » is offered with JavaScript
          expect(await page.getByRole('button', { name: 'Autour de moi' }).isVisible()).toBe(true)
        } else {
          expect(await page.getByRole('button', { name: 'Autour de moi' }).count()).toBe(0)
        }
        await tabulerJusqua(page, "e.type === 'submit' && e.textContent === 'Trouver un lieu'")
        await aller(page, () => page.keyboard.press('Enter'), /\/recherche\?/)
        const adresse = new URL(page.url())
        expect(adresse.searchParams.getAll('besoin')).toEqual(['impots'])
        expect(await page.locator('.resume-recherche').textContent()).toContain('Chambéry (73)')
        const premier = page.locator('.resultats-orientation h3 a').first()
        const nom = (await premier.textContent()) ?? ''
        expect(await page.locator('.resultats-orientation > li').count()).toBeGreaterThan(0)
        // the list is the content; the map is there too (SVG: no tiles on this server)
        expect(await page.locator('figure.carte svg[role=img]').isVisible()).toBe(true)
        expect(await page.locator('.leaflet-container').count()).toBe(0)
        await tabulerJusqua(page, "e.matches('.resultats-orientation h3 a')")
        await aller(page, () => page.keyboard.press('Enter'), /\/lieux\/\d+\?lat=/)
        expect(await page.locator('h1').textContent()).toBe(nom)
        expect(await page.locator('main').textContent()).toContain('du lieu de votre recherche')
        await tabulerJusqua(page, "e.textContent === 'Préparer une fiche d’orientation'")
        await aller(page, () => page.keyboard.press('Enter'), /\/lieux\/\d+\/fiche$/)
        await tabulerJusqua(page, "e.id === 'aidant'")
        await page.keyboard.type('Dominique Aidant')
        await page.keyboard.press('Tab')
        await page.keyboard.type('CCAS de Chambéry')
        await tabulerJusqua(page, "e.name === 'demarche'")
        for (let i = 0; i < 10 && (await page.evaluate(() => (document.activeElement as HTMLInputElement).value)) !== 'impots'; i++) await page.keyboard.press('ArrowDown')
        await tabulerJusqua(page, "e.type === 'submit'")
        await aller(page, () => page.keyboard.press('Enter'), /\/lieux\/\d+\/fiche$/)
        expect(await page.locator('h1').textContent()).toBe(nom)
        const fiche = (await page.locator('main').textContent()) ?? ''
        expect(fiche).toContain('Ce qu’il faut apporter')
        expect(fiche).toContain('Votre numéro fiscal')
        expect(fiche).toContain('Dominique Aidant, CCAS de Chambéry')
        expect(await page.getByRole('button', { name: 'Imprimer la fiche' }).isVisible()).toBe(javaScript)
        const mesure = await page.evaluate(() => ({ defilement: document.documentElement.scrollWidth, largeur: document.documentElement.clientWidth }))
        expect(mesure.defilement).toBeLessThanOrEqual(mesure.largeur)
        expect(problemes).toEqual([])
        await contexte.close()
      })
    }
  }

  it('axe ne trouve aucune violation sur chaque page de l’orientation ; un seul h1, lien d’évitement, lang="fr", aucune violation de CSP', async () => {
    const { contexte, page, problemes } = await ouvrir()
    const visiter = async (nom: string, chemin: string, evitement = true) => {
      await page.goto(`${serveur.url}${chemin}`)
      await structure(page, nom, evitement)
      await axe(page, nom)
    }
    await visiter('départ', '/')
    await visiter('résultats', '/recherche?besoin=impots&ou=Chamb%C3%A9ry')
    await page.locator('details.affiner summary').click()
    await axe(page, 'résultats, formulaire pour affiner ouvert')
    await visiter('sans résultat', '/recherche?besoin=impots&ou=Chamb%C3%A9ry&rayon=5&gratuit=1&dispositif=La+Croix+Rouge')
    expect(await page.locator('.elargissements a').count()).toBeGreaterThan(0)
    await visiter('plusieurs communes', '/recherche?besoin=caf&ou=Saint-Martin')
    await visiter('commune inconnue', '/recherche?besoin=caf&ou=Zzyzxville')
    await visiter('module', '/widget?territoire=73&besoin=caf&ou=Chamb%C3%A9ry', false)
    await visiter('intégrer le module', '/widget/integrer?territoire=73')

    await visiter('résultats', '/recherche?besoin=impots&ou=Chamb%C3%A9ry')
    const lieu = (await page.locator('.resultats-orientation h3 a').first().getAttribute('href')) ?? ''
    await visiter('fiche du lieu', lieu)
    const uid = lieu.match(/\/lieux\/(\d+)/)?.[1]
    await visiter('formulaire de la fiche d’orientation', `/lieux/${uid}/fiche`)
    await page.getByLabel('Votre nom').fill('Dominique')
    await page.getByLabel('Votre structure').fill('CCAS')
    await page.getByLabel('Impôts').check()
    await aller(page, () => page.getByRole('button', { name: 'Préparer la fiche' }).click(), /\/fiche$/)
    await structure(page, 'fiche d’orientation')
    await axe(page, 'fiche d’orientation')
    // printed: A4, no navigation
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.entete').isVisible()).toBe(false)
    expect(await page.locator('.pied').isVisible()).toBe(false)
    expect(await page.locator('h1').isVisible()).toBe(true)
    await page.emulateMedia({ media: null })
    // one A4 page (page.pdf uses the print styles)
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1')
    expect(pdf.match(/\/Type\s*\/Page[^s]/g), 'une seule page').toHaveLength(1)
    expect(pdf).toMatch(/\/MediaBox\s*\[0 0 59[45]\.\d+ 841\.\d+\]/)

    await visiter('signaler une erreur', `/lieux/${uid}/signaler`)
    await aller(page, () => page.getByRole('button', { name: 'Envoyer le signalement' }).click(), /\/signaler$/)
    expect(await page.locator('.resume-erreurs').isVisible()).toBe(true)
    expect(await page.title()).toMatch(/^Erreur : /)
    await structure(page, 'signaler une erreur, avec erreurs')
    await axe(page, 'signaler une erreur, avec erreurs')
    await page.locator('.resume-erreurs a[href="#message"]').click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('message')
    await page.getByLabel('Les horaires').check()
    await page.getByLabel('Décrivez l’erreur').fill('Ouvert aussi le samedi matin.')
    await aller(page, () => page.getByRole('button', { name: 'Envoyer le signalement' }).click(), /\/signaler\/merci$/)
    await structure(page, 'confirmation')
    await axe(page, 'confirmation')
    expect(problemes).toEqual([])
    await contexte.close()
  })

  it('aucun défilement horizontal à 360 px ni à 200 % de zoom', async () => {
    const chemins = ['/', '/recherche?besoin=impots&ou=Chamb%C3%A9ry', '/recherche?besoin=impots&ou=Chamb%C3%A9ry&rayon=5&gratuit=1&dispositif=La+Croix+Rouge', '/widget?territoire=73&besoin=caf&ou=Chamb%C3%A9ry', '/widget/integrer?territoire=73']
    for (const taille of [
      { viewport: { width: 360, height: 640 }, deviceScaleFactor: 1 },
      { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
    ]) {
      const { contexte, page } = await ouvrir(taille)
      for (const chemin of chemins) {
        await page.goto(`${serveur.url}${chemin}`)
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)))
        const mesure = await page.evaluate(() => ({ defilement: document.documentElement.scrollWidth, largeur: document.documentElement.clientWidth }))
        expect(mesure.defilement, `${chemin} à ${taille.viewport.width} px ×${taille.deviceScaleFactor}`).toBeLessThanOrEqual(mesure.largeur)
      }
      await contexte.close()
    }
  })

  it('« Autour de moi » : la position du navigateur remplit la recherche', async () => {
    const { contexte, page, problemes } = await ouvrir({ geolocation: { latitude: 45.5646, longitude: 5.9178 }, permissions: ['geolocation'] })
    await page.goto(`${serveur.url}/`)
    await page.getByLabel('Impôts').check()
    const bouton = page.getByRole('button', { name: 'Autour de moi' })
    await bouton.focus()
    await aller(page, () => page.keyboard.press('Enter'), /\/recherche\?.*lat=45\.565&lon=5\.918/)
    expect(await page.locator('.resume-recherche').textContent()).toContain('Où : votre position')
    expect(await page.locator('.resultats-orientation > li').count()).toBeGreaterThan(0)
    expect(problemes).toEqual([])
    await contexte.close()
  })

  it('avec des tuiles configurées et JavaScript, Leaflet montre la carte, sans violation de CSP ; sans JavaScript, le dessin SVG', async () => {
    const chemin = '/recherche?besoin=ordinateur&ou=Chamb%C3%A9ry&rayon=50'
    const { contexte, page, problemes } = await ouvrir()
    const avant = tuilesDemandees
    await page.goto(`${avecTuiles.url}${chemin}`)
    await page.locator('.leaflet-container').waitFor({ state: 'visible' })
    await expect.poll(() => page.locator('img.leaflet-tile-loaded').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    expect(tuilesDemandees).toBeGreaterThan(avant)
    const marqueurs = await page.locator('.leaflet-overlay-pane path.leaflet-interactive').count()
    expect(marqueurs).toBe((await page.locator('.resultats-orientation > li').count()) + 1)
    expect(await page.locator('figure.carte svg[role=img]').isVisible()).toBe(false)
    expect(await page.locator('.leaflet-tooltip.carte-rang').first().textContent()).toBe('1')
    await axe(page, 'résultats avec la carte à tuiles')
    expect(problemes).toEqual([])
    await contexte.close()

    const sansJs = await ouvrir({ javaScriptEnabled: false })
    await sansJs.page.goto(`${avecTuiles.url}${chemin}`)
    expect(await sansJs.page.locator('figure.carte svg[role=img]').isVisible()).toBe(true)
    expect(await sansJs.page.locator('.leaflet-container').count()).toBe(0)
    await sansJs.contexte.close()
  })

  it('un autre site peut encadrer le module, pas les autres pages', async () => {
    const { contexte, page } = await ouvrir()
    await page.goto(`${autreUrl}/hote.html?cible=${encodeURIComponent(`${serveur.url}/widget?territoire=73&besoin=caf&ou=Chamb%C3%A9ry`)}`)
    const module = page.frameLocator('iframe')
    await expect.poll(() => module.locator('h1').textContent({ timeout: 5000 }).catch(() => null)).toBe('Trouver de l’aide pour le numérique : Savoie')
    expect(await module.locator('.resultats-orientation a[target=_blank]').count()).toBeGreaterThan(0)

    await page.goto(`${autreUrl}/hote.html?cible=${encodeURIComponent(`${serveur.url}/recherche?besoin=caf&ou=Chamb%C3%A9ry`)}`)
    await page.waitForTimeout(300)
    // the browser refuses to show it (frame-ancestors 'none'): an error page instead of ours
    const cadre = page.frames().find((f) => f !== page.mainFrame())
    expect(cadre).toBeDefined()
    const contenu = await cadre?.evaluate(() => document.body?.textContent ?? '').catch(() => '')
    expect(contenu).not.toContain('Lieux qui peuvent vous aider')
    expect(cadre?.url().startsWith(serveur.url)).toBe(false)
    await contexte.close()
  })
})
