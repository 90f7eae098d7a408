/**
 * The followed-beneficiary pages in a real browser, signed in as a mediator: the list, the new
 * file's form, its error state (the summary's links lead to the fields) and a file with its
 * history — no axe violation of WCAG 2.1 A/AA, no CSP violation, no horizontal scrolling at
 * 320 px, 44 px targets. Then, with JavaScript disabled, a file created through the form.
 */
import type { Browser, Page } from 'playwright-core'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { creerBeneficiaire } from '../../src/activity/store/beneficiaires.ts'
import { structureDuLieu } from '../../src/activity/store/structures.ts'
import { creerCompte, seConnecter, type CompteDeTest } from '../support/comptes.ts'
import { ACTEUR, individuel, saisie } from '../support/beneficiaires.ts'
import { demarrer, type ServeurDeTest } from '../http/serveur-de-test.ts'
import { CHROMIUM_PRESENT, lancerChromium, ouvrirPage, titreNavigateur, verifierPage } from './chromium.ts'

describe.skipIf(!CHROMIUM_PRESENT)(titreNavigateur('bénéficiaires suivis dans Chromium'), () => {
  let serveur: ServeurDeTest
  let navigateur: Browser
  let mediateur: CompteDeTest
  let cookie = ''
  let id = ''

  beforeAll(async () => {
    serveur = await demarrer({ nombre: 6 })
    const { rows } = (await serveur.base.db.execute(sql`select uid from lieux where statut = 'publie' order by uid limit 1`)) as unknown as { rows: Array<{ uid: number }> }
    const lieu = Number(rows[0]?.uid)
    mediateur = await creerCompte(serveur.base, 'mediatrice@exemple.fr', [{ role: 'mediateur', lieuUid: lieu }], { nom: 'Alice Médiatrice' })
    const structure = await structureDuLieu(serveur.base.db, lieu)
    id = await creerBeneficiaire(serveur.base.db, ACTEUR, { id: mediateur.id, structures: [structure] }, structure, saisie())
    await individuel(serveur.base, mediateur.id, lieu, '2026-10-01', id)
    cookie = (await seConnecter(serveur.url, mediateur)).cookie
    navigateur = await lancerChromium()
  })
  afterAll(async () => {
    await navigateur?.close()
    await serveur?.fermer()
  })

  const ouvrir = (options: Parameters<Browser['newContext']>[0] = {}, avecCookie = true) => ouvrirPage(navigateur, serveur.url, options, avecCookie ? cookie : undefined)
  const verifier = (page: Page, nom: string) => verifierPage(page, nom, '.barre-espace a, main button, main select, main input:not([type=hidden]):not([type=checkbox]):not([type=radio])')

  it('la liste, le formulaire, la fiche et l’export : aucune violation à 320 px', async () => {
    const { contexte, page, violationsCsp } = await ouvrir({ viewport: { width: 320, height: 640 } })
    for (const chemin of ['/espace/beneficiaires', '/espace/beneficiaires/nouveau', `/espace/beneficiaires/${id}`, `/espace/beneficiaires/${id}/export`, `/espace/beneficiaires/${id}/effacer`]) {
      const reponse = await page.goto(`${serveur.url}${chemin}`)
      expect(reponse?.status(), chemin).toBe(200)
      await verifier(page, chemin)
    }
    expect(violationsCsp).toEqual([])
    await contexte.close()
  })

  it('le formulaire en erreur : résumé en tête, liens vers les champs, erreurs liées aux champs', async () => {
    const { contexte, page, violationsCsp } = await ouvrir({ viewport: { width: 320, height: 640 } })
    await page.goto(`${serveur.url}/espace/beneficiaires/nouveau`)
    await page.getByLabel('Prénom', { exact: true }).fill('Camille')
    await page.getByLabel('Année de naissance (facultatif)').fill('3000')
    const [reponse] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Enregistrer la fiche' }).click()])
    expect(reponse.status()).toBe(400)
    await page.waitForLoadState()
    expect(await page.title()).toMatch(/^Erreur : /)
    const liens = await page.locator('.resume-erreurs a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    expect(liens).toEqual(['#nom', '#annee_naissance', '#consentement_portee', '#consentement_recueil'])
    expect(await page.locator('#nom').getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#nom').getAttribute('aria-describedby')).toBe('nom-erreur')
    expect(await page.getByLabel('Prénom', { exact: true }).inputValue()).toBe('Camille')
    await verifier(page, 'formulaire en erreur')
    expect(violationsCsp).toEqual([])
    await contexte.close()
  })

  it('sans JavaScript, une médiatrice se connecte, crée une fiche avec l’accord de la personne et la retrouve', async () => {
    const { contexte, page, violationsCsp } = await ouvrir({ javaScriptEnabled: false }, false)
    await page.goto(`${serveur.url}/connexion`)
    await page.getByLabel('Adresse électronique').fill(mediateur.courriel)
    await page.getByLabel('Mot de passe', { exact: true }).fill(mediateur.motDePasse)
    await Promise.all([page.waitForURL(/\/espace$/), page.getByRole('button', { name: 'Se connecter' }).click()])
    await Promise.all([page.waitForURL(/\/espace\/beneficiaires$/), page.locator('.barre-espace').getByRole('link', { name: 'Bénéficiaires' }).click()])
    await Promise.all([page.waitForURL(/\/nouveau$/), page.getByRole('link', { name: 'Ajouter un bénéficiaire suivi' }).click()])
    await page.getByLabel('Prénom', { exact: true }).fill('Joseph')
    await page.getByLabel('Nom', { exact: true }).fill('Ancelin')
    await page.getByLabel('Commune de résidence (facultatif)').fill('Chambéry')
    await page.getByLabel('Les médiateurs de la structure').check()
    await page.getByLabel('Par écrit (formulaire signé)').check()
    await Promise.all([page.waitForURL(/fait=cree/), page.getByRole('button', { name: 'Enregistrer la fiche' }).click()])
    expect(await page.locator('h1').textContent()).toBe('Joseph Ancelin')
    expect(await page.locator('main').textContent()).toContain('Chambéry')
    await page.goto(`${serveur.url}/espace/beneficiaires?q=ancelin`)
    expect(await page.getByRole('link', { name: 'Ancelin Joseph' }).count()).toBe(1)
    expect(violationsCsp).toEqual([])
    await contexte.close()
  })
})
