/**
 * The referral and structure pages in a real browser: the list, the form with places found and
 * in its error state, a received referral with its answer form, and a place's structure page —
 * no axe violation of WCAG 2.1 A/AA, no CSP violation, no horizontal scrolling at 320 px, 44 px
 * targets. Then, with JavaScript disabled, the receiving place accepts a referral.
 */
import type { Browser, Page } from 'playwright-core'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { creerCompte, seConnecter } from '../support/comptes.ts'
import { demarrer, type ServeurDeTest } from '../http/serveur-de-test.ts'
import { CHROMIUM_PRESENT, lancerChromium, ouvrirPage, titreNavigateur, verifierPage } from './chromium.ts'

const CIBLES = '.barre-espace a, main button, main select, main input:not([type=hidden]):not([type=checkbox]):not([type=radio])'

describe.skipIf(!CHROMIUM_PRESENT)(titreNavigateur('orientations et structures dans Chromium'), () => {
  let serveur: ServeurDeTest
  let navigateur: Browser
  let mediation = ''
  let accueil = ''
  let orientation = ''
  let lieuB = 0
  let nomB = ''

  beforeAll(async () => {
    serveur = await demarrer({ nombre: 8 })
    const { rows } = (await serveur.base.db.execute(sql`select uid, nom from lieux where statut = 'publie' order by uid limit 2`)) as unknown as { rows: Array<{ uid: number; nom: string }> }
    const lieuA = Number(rows[0]?.uid)
    lieuB = Number(rows[1]?.uid)
    nomB = String(rows[1]?.nom)
    const mediatrice = await creerCompte(serveur.base, 'mediatrice@exemple.fr', [{ role: 'mediateur', lieuUid: lieuA }], { nom: 'Alice Médiatrice' })
    const gestion = await creerCompte(serveur.base, 'accueil@exemple.fr', [{ role: 'gestionnaire', lieuUid: lieuB }], { nom: 'Bruno Accueil' })
    const { rows: o } = (await serveur.base.db.execute(
      sql`insert into orientations (de_lieu, vers_lieu, par_mediateur, besoin, partage, consentement_le, consentement_recueil) values (${lieuA}, ${lieuB}, ${mediatrice.id}, 'Carte grise', '{"prenom": "Odette"}'::jsonb, '2026-11-20', 'oral') returning id`,
    )) as unknown as { rows: Array<{ id: string }> }
    orientation = String(o[0]?.id)
    mediation = (await seConnecter(serveur.url, mediatrice)).cookie
    accueil = (await seConnecter(serveur.url, gestion)).cookie
    navigateur = await lancerChromium()
  })
  afterAll(async () => {
    await navigateur?.close()
    await serveur?.fermer()
  })

  const verifier = (page: Page, nom: string) => verifierPage(page, nom, CIBLES)

  it('aucune violation, aucun défilement horizontal à 320 px, des cibles de 44 px', async () => {
    const mot = nomB.split(/\s+/).find((m) => m.length > 3) ?? nomB
    const pages: Array<[string, string]> = [
      [mediation, '/espace/orientations'],
      [mediation, `/espace/orientations/nouvelle?q=${encodeURIComponent(mot)}`],
      [accueil, `/espace/orientations/${orientation}`],
      [accueil, `/espace/lieux/${lieuB}/structure`],
    ]
    for (const [cookie, chemin] of pages) {
      const { contexte, page, violationsCsp } = await ouvrirPage(navigateur, serveur.url, { viewport: { width: 320, height: 640 } }, cookie)
      const r = await page.goto(serveur.url + chemin)
      expect(r?.status(), chemin).toBe(200)
      await verifier(page, chemin)
      expect(violationsCsp, chemin).toEqual([])
      await contexte.close()
    }
    // the form in error: the summary's link leads to the field
    const { contexte, page } = await ouvrirPage(navigateur, serveur.url, { viewport: { width: 320, height: 640 } }, mediation)
    await page.goto(`${serveur.url}/espace/orientations/nouvelle?q=${encodeURIComponent(mot)}`)
    await page.locator('#telephone').fill('06 12')
    await page.locator('input[name="partager"][value="telephone"]').check()
    await Promise.all([page.waitForEvent('framenavigated'), page.getByRole('button', { name: 'Envoyer l’orientation' }).click()])
    await verifier(page, 'formulaire en erreur')
    await page.locator('.resume-erreurs a[href="#telephone"]').click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('telephone')
    await contexte.close()
  })

  it('sans JavaScript, le lieu qui reçoit accepte l’orientation', async () => {
    const { contexte, page } = await ouvrirPage(navigateur, serveur.url, { javaScriptEnabled: false }, accueil)
    await page.goto(`${serveur.url}/espace/orientations/${orientation}`)
    expect(await page.locator('main').innerText()).toContain('Odette')
    await page.getByLabel('Acceptée par le lieu').check()
    await Promise.all([page.waitForURL(/fait=statut/), page.getByRole('button', { name: 'Enregistrer' }).click()])
    expect(await page.locator('main').innerText()).toContain('Acceptée par le lieu')
    await contexte.close()
  })
})
