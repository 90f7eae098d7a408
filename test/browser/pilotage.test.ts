/**
 * The roadmap form and the evaluation report in a real browser, signed in as a coordinator of
 * Savoie: no axe violation of WCAG 2.1 A/AA, no sideways scrolling at 320 px, 44 px buttons
 * (the roadmap with its owner chosen among actors, its title and period form, an axis's page,
 * a removal's confirmation); the roadmap's form filled and sent without JavaScript; printed (print media emulated), the
 * report hides the workspace navigation and writes its links out.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importerActeurs } from '../../src/pilotage/acteurs/index.ts'
import { acteursDemo } from '../../src/pilotage/acteurs/demo.ts'
import { ajouterAction, ajouterAxe, creerFeuille } from '../../src/pilotage/feuille-de-route/store.ts'
import { referentiel } from '../../src/territories/referentiel.ts'
import { creerIndicateur } from '../../src/pilotage/indicateurs/store.ts'
import { creerCompte, seConnecter } from '../support/comptes.ts'
import { demarrer, type ServeurDeTest } from '../http/serveur-de-test.ts'
import { CHROMIUM_PRESENT, lancerChromium, ouvrirPage, titreNavigateur, verifierPage } from './chromium.ts'

describe.skipIf(!CHROMIUM_PRESENT)(titreNavigateur('feuille de route et évaluation dans Chromium'), () => {
  let serveur: ServeurDeTest
  let navigateur: Browser
  let cookie = ''
  let feuille = 0
  let axe = 0
  let action = 0

  beforeAll(async () => {
    serveur = await demarrer({ nombre: 20 })
    const db = serveur.base.db
    feuille = await creerFeuille(db, { territoire: 'departement:73', titre: 'Feuille de route 2025-2027', debut: '2025-01-01', fin: '2027-12-31' })
    axe = await ajouterAxe(db, feuille, 'Former les aidants')
    await ajouterAxe(db, feuille, 'Ouvrir des lieux')
    const indicateur = await creerIndicateur(db, { territoire: 'departement:73', nature: 'saisi', libelle: 'Aidants formés', unite: 'personnes', source: 'Bilans', valeurReference: 0, valeurCible: 50 })
    await importerActeurs(serveur.base, referentiel(), { source: 'acteurs', nomFichier: 'acteurs.json', octets: Buffer.from(JSON.stringify(acteursDemo(referentiel(), '73'))) })
    action = await ajouterAction(db, { axe, titre: 'Former 50 aidants', description: '', porteur: 'Département', partenaires: ['CAF'], budgetCentimes: 1_250_000, cofinancements: [], debut: '2025-01-01', fin: '2025-06-30', statut: 'en_cours', avancement: 40 }, [indicateur])
    const compte = await creerCompte(serveur.base, 'pilotage@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }], { nom: 'Camille Pilotage' })
    cookie = (await seConnecter(serveur.url, compte)).cookie
    navigateur = await lancerChromium()
  })
  afterAll(async () => {
    await navigateur?.close()
    await serveur?.fermer()
  })

  it('la feuille de route, les indicateurs et le rapport passent axe à 320 px, erreurs comprises', async () => {
    const { contexte, page } = await ouvrirPage(navigateur, serveur.url, { viewport: { width: 320, height: 640 } }, cookie)
    const f = `/pilotage/feuille-de-route/${feuille}`
    for (const chemin of [f, `${f}/modifier`, `${f}/axes/${axe}`, `${f}/actions/${action}/supprimer`, '/pilotage/evaluation', '/pilotage/indicateurs']) {
      expect((await page.goto(`${serveur.url}${chemin}`))?.status(), chemin).toBe(200)
      await verifierPage(page, chemin, 'main button')
    }
    await page.goto(`${serveur.url}/pilotage/feuille-de-route/${feuille}`)
    await page.getByRole('button', { name: 'Ajouter l’action' }).click()
    expect(await page.locator('.resume-erreurs').innerText()).toContain('Indiquez le titre de l’action.')
    await verifierPage(page, 'erreurs de l’action')
    await contexte.close()
  })

  it('sans JavaScript, le formulaire d’action s’envoie et la page le confirme', async () => {
    const { contexte, page } = await ouvrirPage(navigateur, serveur.url, { javaScriptEnabled: false }, cookie)
    await page.goto(`${serveur.url}/pilotage/feuille-de-route/${feuille}`)
    await page.getByLabel('Titre de l’action').fill('Ouvrir un lieu à Modane')
    await page.getByLabel('Autre porteur').fill('Commune de Modane')
    await page.getByRole('button', { name: 'Ajouter l’action' }).click()
    expect(await page.locator('[role="status"]').innerText()).toBe('L’action est ajoutée.')
    expect(await page.locator('main').innerText()).toContain('Ouvrir un lieu à Modane')
    await contexte.close()
  })

  it('imprimé, le rapport cache la navigation et écrit ses liens', async () => {
    const { contexte, page } = await ouvrirPage(navigateur, serveur.url, {}, cookie)
    await page.goto(`${serveur.url}/pilotage/evaluation?territoire=departement:73&debut=2025-01-01&fin=2025-12-31`)
    expect(await page.locator('.barre-espace').isVisible()).toBe(true)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.barre-espace').isVisible()).toBe(false)
    expect(await page.locator('form[action="/pilotage/evaluation"]').isVisible()).toBe(false)
    expect(await page.locator('section.section-rapport').nth(1).evaluate((e) => getComputedStyle(e).breakBefore)).toBe('page')
    const lien = await page.locator('a[href^="/pilotage/feuille-de-route/"]').first().evaluate((e) => getComputedStyle(e, '::after').content)
    expect(lien).toContain('/pilotage/feuille-de-route/')
    expect(await page.locator('main').innerText()).toContain('En cours — en retard')
    await contexte.close()
  })
})
