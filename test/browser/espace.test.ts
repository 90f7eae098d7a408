/**
 * The signed-in area in a real browser (Debian's Chromium driven by playwright-core): sign-in
 * and its error, forgotten password, the administrator's mandatory second factor with its SVG
 * QR code, the workspace (dashboard, places, a place's form with the opening-hours editor and
 * its error state, reports, team) and the administration (accounts, audit log) — no axe
 * violation of WCAG 2.1 A/AA, no Content Security Policy violation, no horizontal scrolling at
 * 320 px, 44 px targets in the workspace's bar. Then a place manager's journey with JavaScript
 * disabled: sign in, open the place, change its phone and Monday's hours, preview the hours,
 * save, and find the change on the public page and in the place's history.
 */
import type { Browser, Page } from 'playwright-core'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enregistrerSignalement } from '../../src/orientation/signalements.ts'
import { importer } from '../../src/places/registry/import.ts'
import { creerCompte, seConnecter, type CompteDeTest } from '../support/comptes.ts'
import { demarrer, type ServeurDeTest } from '../http/serveur-de-test.ts'
import { CHROMIUM_PRESENT, lancerChromium, ouvrirPage, titreNavigateur, verifierPage } from './chromium.ts'

/** The place the manager edits: no hours yet, so Monday's slot is the whole OSM value. */
const LIEU = {
  id: 'essai-1', nom: 'Médiathèque de l’Essai', commune: 'Chambéry', code_postal: '73000', adresse: '12 place Saint-Léger',
  latitude: 45.5646, longitude: 5.9203, date_maj: '2024-05-02', telephone: '+33479000001', services: 'Aide aux démarches administratives',
}

describe.skipIf(!CHROMIUM_PRESENT)(titreNavigateur('espace professionnel dans Chromium'), () => {
  let serveur: ServeurDeTest
  let navigateur: Browser
  let uid = 0
  let coordinateur: CompteDeTest
  let administrateur: CompteDeTest
  let administrateurSansCode: CompteDeTest
  let gestionnaire: CompteDeTest
  /** Session cookies of the coordinator and of the administrator (whose TOTP code serves once). */
  let sessions: { coordination: string; administration: string }

  beforeAll(async () => {
    serveur = await demarrer({ nombre: 12 })
    const rapport = await importer(serveur.base, { source: 'essai', nomFichier: 'essai.json', octets: Buffer.from(JSON.stringify([LIEU])), conserverAbsents: true })
    expect(rapport.acceptes).toBe(1)
    const { rows } = (await serveur.base.db.execute(sql`select uid from lieux where nom = ${LIEU.nom}`)) as unknown as { rows: Array<{ uid: number }> }
    uid = Number(rows[0]?.uid)
    await enregistrerSignalement(serveur.base.db, uid, { rubriques: ['horaires'], message: 'Le lieu est fermé le mardi matin depuis septembre.', contact: null })
    ;[coordinateur, administrateur, administrateurSansCode, gestionnaire] = await Promise.all([
      creerCompte(serveur.base, 'coordination@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }], { nom: 'Camille Martin-Dupont' }),
      creerCompte(serveur.base, 'administration@exemple.fr', [{ role: 'administrateur' }], { totp: true, nom: 'Alex Admin' }),
      creerCompte(serveur.base, 'nouvel.admin@exemple.fr', [{ role: 'administrateur' }], { nom: 'Sam Nouveau' }),
      creerCompte(serveur.base, 'gestion@exemple.fr', [{ role: 'gestionnaire', lieuUid: uid }], { nom: 'Dominique Gestion' }),
    ])
    const [coordination, administration] = await Promise.all([seConnecter(serveur.url, coordinateur), seConnecter(serveur.url, administrateur)])
    sessions = { coordination: coordination.cookie, administration: administration.cookie }
    navigateur = await lancerChromium()
  })
  afterAll(async () => {
    await navigateur?.close()
    await serveur?.fermer()
  })

  const ouvrir = (options: Parameters<Browser['newContext']>[0] = {}, cookie?: string) => ouvrirPage(navigateur, serveur.url, options, cookie)

  /** Opens `chemin`, expects it there with `statut`, then checks it. */
  async function visiter(page: Page, chemin: string, statut = 200): Promise<void> {
    const reponse = await page.goto(`${serveur.url}${chemin}`)
    expect(reponse?.status(), chemin).toBe(statut)
    expect(new URL(page.url()).pathname, chemin).toBe(chemin.split('?')[0])
    await verifierPage(page, chemin)
  }

  /** The form controls, buttons, and links of the workspace's bar, lower than 44 px. */
  const petitesCibles = (page: Page) =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('.barre-espace a, main button, main select, main input:not([type=hidden]):not([type=checkbox]):not([type=radio])'))
        .map((e) => ({ element: e.outerHTML.slice(0, 80), hauteur: e.getBoundingClientRect().height }))
        .filter((e) => e.hauteur < 44),
    )

  it('connexion (et son erreur), mot de passe oublié : sans violation à 320 px', async () => {
    const { contexte, page, violationsCsp } = await ouvrir({ viewport: { width: 320, height: 640 } })
    await visiter(page, '/connexion')
    await page.getByLabel('Adresse électronique').fill(coordinateur.courriel)
    await page.getByLabel('Mot de passe', { exact: true }).fill('pas le bon mot de passe')
    const [reponse] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Se connecter' }).click()])
    expect(reponse.status()).toBe(401)
    await page.waitForLoadState()
    expect(await page.title()).toMatch(/^Erreur : /)
    expect(await page.locator('.resume-erreurs a').getAttribute('href')).toBe('#courriel')
    await verifierPage(page, '/connexion en erreur')
    expect(await petitesCibles(page)).toEqual([])
    await visiter(page, '/mot-de-passe-oublie')
    expect(violationsCsp).toEqual([])
    await contexte.close()
  })

  it('un administrateur sans double authentification est conduit à l’activer ; le QR code est un SVG qui tient dans l’écran', async () => {
    const session = await seConnecter(serveur.url, administrateurSansCode)
    const { contexte, page, violationsCsp } = await ouvrir({ viewport: { width: 320, height: 640 } }, session.cookie)
    await page.goto(`${serveur.url}/espace`)
    expect(new URL(page.url()).pathname).toBe('/compte/double-authentification')
    await verifierPage(page, '/compte/double-authentification')
    expect(await petitesCibles(page)).toEqual([])
    const qr = page.locator('.qr-code svg')
    expect(await qr.getAttribute('role')).toBe('img')
    expect(await qr.getAttribute('aria-label')).toMatch(/QR code/)
    const cadre = await page.locator('.qr-code').boundingBox()
    expect(cadre?.width).toBeGreaterThan(100)
    expect(cadre?.width).toBeLessThanOrEqual(240)
    expect(await page.locator('.qr-code').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 255, 255)')
    expect(violationsCsp).toEqual([])
    await contexte.close()
  })

  it('l’espace et l’administration : aucune violation, aucun défilement horizontal à 320 px, des cibles de 44 px', async () => {
    for (const [cookie, chemins] of [
      [sessions.coordination, ['/espace', '/espace/lieux', `/espace/lieux/${uid}`, `/espace/lieux/${uid}/historique`, '/espace/signalements', '/espace/equipe']],
      [sessions.administration, ['/admin/comptes', '/admin/journal']],
    ] as const) {
      const { contexte, page, violationsCsp } = await ouvrir({ viewport: { width: 320, height: 640 } }, cookie)
      for (const chemin of chemins) {
        await visiter(page, chemin)
        expect(await page.locator('.barre-espace').count(), chemin).toBe(1)
        expect(await petitesCibles(page), chemin).toEqual([])
      }
      expect(violationsCsp).toEqual([])
      await contexte.close()
    }
  })

  it('la fiche d’un lieu en erreur : un créneau qui finit avant de commencer, signalé dans le résumé, dont le lien mène au champ', async () => {
    const { contexte, page, violationsCsp } = await ouvrir({ viewport: { width: 320, height: 640 } }, sessions.coordination)
    await page.goto(`${serveur.url}/espace/lieux/${uid}`)
    await page.getByLabel('Lundi, créneau 1, de').fill('14:00')
    await page.getByLabel('Lundi, créneau 1, à').fill('09:00')
    const [reponse] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Enregistrer' }).click()])
    expect(reponse.status()).toBe(400)
    await page.waitForLoadState()
    expect(await page.title()).toMatch(/^Erreur : /)
    const lien = page.locator('.resume-erreurs a', { hasText: 'l’heure de fin' })
    expect(await lien.count()).toBe(1)
    expect(await lien.getAttribute('href')).toBe('#horaires_j1_c1_a')
    const champ = page.locator('#horaires_j1_c1_a')
    expect(await champ.getAttribute('aria-invalid')).toBe('true')
    expect(await champ.getAttribute('aria-describedby')).toBe('horaires_j1_c1_a-erreur')
    await verifierPage(page, 'fiche en erreur')
    // the summary's link, followed from the keyboard, puts the focus in the field, scrolled into view
    await lien.focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/#horaires_j1_c1_a$/)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('horaires_j1_c1_a')
    // (a sub-pixel above the top edge counts as in view)
    expect(await champ.evaluate((e) => { const r = e.getBoundingClientRect(); return r.top > -1 && r.bottom <= window.innerHeight })).toBe(true)
    expect(violationsCsp).toEqual([])
    await contexte.close()
  })

  it('sans JavaScript, un gestionnaire change le téléphone et les horaires du lundi, voit l’aperçu, enregistre ; la page publique et l’historique le disent', async () => {
    const { contexte, page, violationsCsp } = await ouvrir({ javaScriptEnabled: false })
    await page.goto(`${serveur.url}/connexion`)
    await page.getByLabel('Adresse électronique').fill(gestionnaire.courriel)
    await page.getByLabel('Mot de passe', { exact: true }).fill(gestionnaire.motDePasse)
    await Promise.all([page.waitForURL(/\/espace$/), page.getByRole('button', { name: 'Se connecter' }).click()])
    expect(await page.locator('.barre-espace').textContent()).toContain('Dominique Gestion')

    await Promise.all([page.waitForURL(/\/espace\/lieux$/), page.locator('.barre-espace').getByRole('link', { name: 'Lieux' }).click()])
    await Promise.all([page.waitForURL(new RegExp(`/espace/lieux/${uid}$`)), page.getByRole('link', { name: LIEU.nom }).click()])
    await page.getByLabel('Téléphone', { exact: true }).fill('04 79 12 34 56')
    await page.getByLabel('Lundi, créneau 1, de').fill('09:00')
    await page.getByLabel('Lundi, créneau 1, à').fill('12:00')

    // the preview is posted to the page's own address: wait for that navigation, not for the address
    const apercu = page.waitForEvent('framenavigated', { predicate: (cadre) => cadre === page.mainFrame() })
    await page.getByRole('button', { name: 'Voir l’aperçu des horaires' }).click()
    await apercu
    await page.waitForLoadState()
    expect(await page.locator('.horaires-apercu').textContent()).toMatch(/^Aperçu : (Ouvert|Fermé)/)
    expect(await page.locator('.horaires .discret code').textContent()).toBe('Mo 09:00-12:00')
    expect(await page.getByLabel('Téléphone', { exact: true }).inputValue()).toBe('04 79 12 34 56')
    expect(await page.getByLabel('Lundi, créneau 1, de').inputValue()).toBe('09:00')

    await Promise.all([page.waitForURL(/fait=enregistre/), page.getByRole('button', { name: 'Enregistrer' }).click()])
    expect(await page.locator('.bandeau-succes').textContent()).toContain('La fiche est enregistrée')
    expect(await page.getByLabel('Téléphone', { exact: true }).inputValue()).toMatch(/^(\+33479123456|04 79 12 34 56)$/)

    await page.goto(`${serveur.url}/lieux/${uid}`)
    expect(await page.locator('a[href="tel:+33479123456"]').count()).toBeGreaterThan(0)
    expect(await page.locator('main').textContent()).toContain('04 79 12 34 56')

    await page.goto(`${serveur.url}/espace/lieux/${uid}/historique`)
    const historique = (await page.locator('.historique').textContent()) ?? ''
    expect(historique).toContain('Dominique Gestion')
    expect(historique).toMatch(/Téléphone : \+33479000001 → \+33479123456/)
    expect(historique).toMatch(/Horaires[^:]* : \(vide\) → Mo 09:00-12:00/)
    expect(violationsCsp).toEqual([])
    await contexte.close()
  })
})
