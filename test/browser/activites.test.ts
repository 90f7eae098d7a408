/**
 * Recording activities in a real browser (Debian's Chromium driven by playwright-core): the list
 * « Mes activités », the individual form, the workshop form and a form in error — no axe
 * violation of WCAG 2.1 A/AA, no Content Security Policy violation, no horizontal scrolling at
 * 320 px, 44 px targets; the error summary's link leads to the field. Then a mediator's journey
 * with JavaScript disabled: sign in, open « Mes activités », record an individual accompaniment,
 * find it listed, duplicate it and save the copy.
 */
import type { Browser, Page } from 'playwright-core'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aujourdhuiParis } from '../../src/places/validation/date-maj.ts'
import { creerCompte, seConnecter, type CompteDeTest } from '../support/comptes.ts'
import { demarrer, type ServeurDeTest } from '../http/serveur-de-test.ts'
import { CHROMIUM_PRESENT, lancerChromium, ouvrirPage, titreNavigateur, verifierPage } from './chromium.ts'

describe.skipIf(!CHROMIUM_PRESENT)(titreNavigateur('saisie des activités dans Chromium'), () => {
  let serveur: ServeurDeTest
  let navigateur: Browser
  let mediateur: CompteDeTest
  let session = ''

  beforeAll(async () => {
    serveur = await demarrer({ nombre: 6 })
    const { rows } = (await serveur.base.db.execute(sql`select uid from lieux where statut = 'publie' order by uid limit 1`)) as unknown as { rows: Array<{ uid: number }> }
    mediateur = await creerCompte(serveur.base, 'mediation@exemple.fr', [{ role: 'mediateur', lieuUid: Number(rows[0]?.uid) }], { nom: 'Dominique Médiation' })
    session = (await seConnecter(serveur.url, mediateur)).cookie
    navigateur = await lancerChromium()
  })
  afterAll(async () => {
    await navigateur?.close()
    await serveur?.fermer()
  })

  const ouvrir = (options: Parameters<Browser['newContext']>[0] = {}, cookie?: string) => ouvrirPage(navigateur, serveur.url, options, cookie)
  /** axe, 320 px, and 44 px targets (the list's actions included). */
  const verifier = (page: Page, nom: string) => verifierPage(page, nom, '.barre-espace a, main button, main select, main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), .activite-actions a, .activite-suite a')

  async function visiter(page: Page, chemin: string, statut = 200): Promise<void> {
    const reponse = await page.goto(`${serveur.url}${chemin}`)
    expect(reponse?.status(), chemin).toBe(statut)
    await verifier(page, chemin)
  }

  it('sans JavaScript, un médiateur enregistre un accompagnement, le retrouve, le duplique', async () => {
    const { contexte, page, violationsCsp } = await ouvrir({ javaScriptEnabled: false })
    await page.goto(`${serveur.url}/connexion`)
    await page.getByLabel('Adresse électronique').fill(mediateur.courriel)
    await page.getByLabel('Mot de passe', { exact: true }).fill(mediateur.motDePasse)
    await Promise.all([page.waitForURL(/\/espace$/), page.getByRole('button', { name: 'Se connecter' }).click()])
    await Promise.all([page.waitForURL(/\/espace\/activites$/), page.locator('.barre-espace').getByRole('link', { name: 'Mes activités' }).click()])
    await Promise.all([page.waitForURL(/type=individuel$/), page.getByRole('link', { name: 'Nouvel accompagnement individuel' }).click()])

    expect(await page.getByLabel('Date de l’accompagnement').inputValue()).toBe(aujourdhuiParis())
    await page.getByLabel('Date de l’accompagnement').fill('2025-03-14')
    await page.getByRole('radio', { name: '45 min' }).check()
    await page.getByRole('checkbox', { name: /^Navigation sur internet/ }).check()
    await page.getByRole('checkbox', { name: /^Aide aux démarches administratives/ }).check()
    await page.getByRole('checkbox', { name: /^Logement/ }).check()
    await page.getByLabel('Préciser le nom de la démarche administrative réalisée').fill('Demande d’APL')
    await page.getByRole('checkbox', { name: 'Téléphone', exact: true }).check()
    await page.locator('summary', { hasText: 'Informations optionnelles sur le bénéficiaire' }).click()
    await page.getByRole('radio', { name: 'Féminin' }).check()
    await page.getByLabel('Tranche d’âge').selectOption('soixante_dix_plus')
    await page.getByLabel('Commune de résidence du bénéficiaire').fill('Chambéry (73000)')
    await Promise.all([page.waitForURL(/fait=enregistre/), page.getByRole('button', { name: 'Enregistrer l’accompagnement' }).click()])

    expect(await page.locator('.bandeau-succes').textContent()).toContain('L’accompagnement est enregistré.')
    const ligne = page.locator('tbody tr').first()
    expect(await ligne.textContent()).toMatch(/14\/03\/2025.*Navigation sur internet, Aide aux démarches administratives.*1 bénéficiaire anonyme/)

    await Promise.all([page.waitForURL(/\/dupliquer$/), page.locator('.bandeau-succes').getByRole('link', { name: 'Dupliquer' }).click()])
    expect(await page.getByLabel('Date de l’accompagnement').inputValue()).toBe(aujourdhuiParis())
    expect(await page.getByLabel('Préciser le nom de la démarche administrative réalisée').inputValue()).toBe('Demande d’APL')
    expect(await page.getByRole('radio', { name: 'Féminin' }).isChecked()).toBe(true)
    await Promise.all([page.waitForURL(/fait=enregistre/), page.getByRole('button', { name: 'Enregistrer l’accompagnement' }).click()])
    expect(await page.locator('tbody tr').count()).toBe(2)
    expect(violationsCsp).toEqual([])
    await contexte.close()
  })

  it('la liste, le formulaire individuel, le formulaire d’atelier : aucune violation, rien ne déborde à 320 px', async () => {
    const { contexte, page, violationsCsp } = await ouvrir({ viewport: { width: 320, height: 640 } }, session)
    for (const chemin of ['/espace/activites', '/espace/activites/nouvelle?type=individuel', '/espace/activites/nouvelle?type=collectif']) {
      await visiter(page, chemin)
      expect(await page.locator('.barre-espace').count(), chemin).toBe(1)
    }
    // every block folded by default, opened: still nothing too wide
    await page.locator('summary', { hasText: 'Répartition des bénéficiaires anonymes' }).click()
    await verifier(page, 'atelier, répartitions ouvertes')
    expect(violationsCsp).toEqual([])
    await contexte.close()
  })

  it('un atelier en erreur : le résumé, chaque erreur près de son champ, le lien du résumé mène au champ', async () => {
    const { contexte, page, violationsCsp } = await ouvrir({ viewport: { width: 320, height: 640 } }, session)
    await page.goto(`${serveur.url}/espace/activites/nouvelle?type=collectif`)
    await page.getByLabel('Titre de l’atelier').fill('Atelier sans personne')
    await page.getByLabel('Bénéficiaires anonymes').fill('0')
    // (the form may be prefilled with the thematics of the last activity)
    await page.getByRole('checkbox', { name: /^Aide aux démarches administratives/ }).uncheck()
    await page.getByRole('checkbox', { name: /^Logement/ }).check()
    const [reponse] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Enregistrer l’atelier' }).click()])
    expect(reponse.status()).toBe(400)
    await page.waitForLoadState()
    expect(await page.title()).toMatch(/^Erreur : /)
    const lien = page.locator('.resume-erreurs a', { hasText: 'au moins un bénéficiaire' })
    expect(await lien.getAttribute('href')).toBe('#participants_total')
    expect(await page.locator('.resume-erreurs a[href="#thematiquesDemarche"]').count()).toBe(1)
    const champ = page.locator('#participants_total')
    expect(await champ.getAttribute('aria-invalid')).toBe('true')
    expect(await champ.getAttribute('aria-describedby')).toContain('participants_total-erreur')
    expect(await page.getByLabel('Titre de l’atelier').inputValue()).toBe('Atelier sans personne')
    await verifier(page, 'atelier en erreur')
    await lien.focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/#participants_total$/)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('participants_total')
    expect(violationsCsp).toEqual([])
    await contexte.close()
  })
})
