/**
 * The coordination pages in a real browser, signed in with a coordinator account of the
 * département: no axe violation of WCAG 2.1 A/AA, no CSP violation, no horizontal scrolling at
 * 320 px, and, with JavaScript disabled, signing in through the form then answering the review
 * queue.
 */
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser } from 'playwright-core'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dedoublonner } from '../../src/dedup/service.ts'
import { importer } from '../../src/places/registry/import.ts'
import { creerCompte, seConnecter, type CompteDeTest } from '../support/comptes.ts'
import { demarrer, type ServeurDeTest } from '../http/serveur-de-test.ts'
import { CHROMIUM_PRESENT, lancerChromium, titreNavigateur, avecSession } from './chromium.ts'

const lieu = (id: string, nom: string, extra: Record<string, unknown> = {}) => ({
  id, nom, commune: 'Chambéry', code_postal: '73000', adresse: '12 place Saint-Léger', latitude: 45.5646, longitude: 5.9203,
  date_maj: '2024-05-02', services: 'Aide aux démarches administratives', ...extra,
})

describe.skipIf(!CHROMIUM_PRESENT)(titreNavigateur('coordination dans Chromium'), () => {
  let serveur: ServeurDeTest
  let navigateur: Browser
  let coordinateur: CompteDeTest
  let uid = ''

  beforeAll(async () => {
    serveur = await demarrer({ nombre: 0 })
    const imp = (source: string, lignes: object[]) =>
      importer(serveur.base, { source, nomFichier: `${source}.json`, octets: Buffer.from(JSON.stringify(lignes)), aujourdhui: '2026-11-22' })
    await imp('hub', [lieu('h1', 'France services de Chambéry', { telephone: '+33479000001' }), lieu('h2', 'Mairie de Chambéry', { adresse: '1 place de l’Hôtel de Ville', telephone: '+33479000099', date_maj: '2023-01-02' }), { id: 'h3', nom: 'Sans adresse' }])
    await imp('france-services', [lieu('fs1', 'Espace France Services Chambéry', { telephone: '04 79 00 00 01' }), lieu('fs2', 'Espace numérique Chambéry', { adresse: '1 place de l’Hôtel de Ville' })])
    await dedoublonner(serveur.base)
    const { rows } = (await serveur.base.db.execute(sql`select uid from lieux where statut = 'publie' order by uid limit 1`)) as unknown as { rows: Array<{ uid: number }> }
    uid = String(rows[0]?.uid)
    coordinateur = await creerCompte(serveur.base, 'coordination@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }], { nom: 'Camille Coordination' })
    navigateur = await lancerChromium()
  })
  afterAll(async () => {
    await navigateur?.close()
    await serveur?.fermer()
  })

  const ouvrir = async (options: Parameters<Browser['newContext']>[0] = {}) => {
    const contexte = await navigateur.newContext({ locale: 'fr-FR', ...options })
    const page = await contexte.newPage()
    const violationsCsp: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violationsCsp.push(m.text())
    })
    return { contexte, page, violationsCsp }
  }

  it('axe ne trouve aucune violation ; ni violation de CSP ni défilement horizontal à 320 px', async () => {
    const { contexte, page, violationsCsp } = await ouvrir({ viewport: { width: 320, height: 640 } })
    await avecSession(contexte, serveur.url, (await seConnecter(serveur.url, coordinateur)).cookie)
    for (const chemin of ['/coordination', '/coordination/doublons', '/coordination/a-mettre-a-jour', `/coordination/lieux/${uid}`]) {
      const reponse = await page.goto(`${serveur.url}${chemin}`)
      expect(reponse?.status(), chemin).toBe(200)
      expect(new URL(page.url()).pathname, chemin).toBe(chemin)
      const resultat = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
      expect(resultat.violations.map((v) => `${v.id} : ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), chemin).toEqual([])
      const mesure = await page.evaluate(() => ({ defilement: document.documentElement.scrollWidth, largeur: document.documentElement.clientWidth }))
      expect(mesure.defilement, chemin).toBeLessThanOrEqual(mesure.largeur)
    }
    expect(violationsCsp).toEqual([])
    await contexte.close()
  })

  it('sans JavaScript, on se connecte par le formulaire, puis « Lieux différents » enregistre la décision et le dit', async () => {
    const { contexte, page } = await ouvrir({ javaScriptEnabled: false })
    await page.goto(`${serveur.url}/coordination`)
    expect(new URL(page.url()).pathname).toBe('/connexion')
    await page.getByLabel('Adresse électronique').fill(coordinateur.courriel)
    await page.getByLabel('Mot de passe', { exact: true }).fill(coordinateur.motDePasse)
    await Promise.all([page.waitForURL(/\/coordination$/), page.getByRole('button', { name: 'Se connecter' }).click()])
    await expect.poll(() => page.locator('h2', { hasText: 'Doublons à examiner (1)' }).count()).toBe(1)
    await page.getByRole('button', { name: 'Lieux différents' }).first().click()
    await page.waitForURL(/fait=distincts/)
    expect(await page.locator('.bandeau-succes').textContent()).toContain('resteront distincts')
    expect(await page.locator('h2', { hasText: 'Doublons à examiner (0)' }).count()).toBe(1)
    await contexte.close()
  })
})
