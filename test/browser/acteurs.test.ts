/**
 * The cartography of actors in a real browser, signed in as a coordinator of the département:
 * the list (with its filters), an actor's page and the form, shown with errors after sending it
 * empty (a plain form post) — no axe violation (WCAG 2.1 A/AA), no CSP violation, no sideways
 * scrolling at 320 px, controls at least 44 px high.
 */
import type { Browser } from 'playwright-core'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { referentiel } from '../../src/territories/referentiel.ts'
import { importerActeurs } from '../../src/pilotage/acteurs/index.ts'
import { acteursDemo } from '../../src/pilotage/acteurs/demo.ts'
import { creerCompte, seConnecter } from '../support/comptes.ts'
import { demarrer, type ServeurDeTest } from '../http/serveur-de-test.ts'
import { CHROMIUM_PRESENT, lancerChromium, ouvrirPage, titreNavigateur, verifierPage } from './chromium.ts'

describe.skipIf(!CHROMIUM_PRESENT)(titreNavigateur('cartographie des acteurs dans Chromium'), () => {
  let serveur: ServeurDeTest
  let navigateur: Browser
  let cookie = ''
  let id = 0

  beforeAll(async () => {
    serveur = await demarrer({ nombre: 0 })
    await importerActeurs(serveur.base, referentiel(), { source: 'hub', nomFichier: 'acteurs.json', octets: Buffer.from(JSON.stringify(acteursDemo(referentiel(), '73'))) })
    const { rows } = (await serveur.base.db.execute(sql`select id from acteurs where type = 'reseau'`)) as unknown as { rows: Array<{ id: number }> }
    id = Number(rows[0]?.id)
    cookie = (await seConnecter(serveur.url, await creerCompte(serveur.base, 'coord@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }]))).cookie
    navigateur = await lancerChromium()
  }, 60_000)
  afterAll(async () => {
    await navigateur?.close()
    await serveur?.fermer()
  })

  it('liste, fiche et formulaire avec ses erreurs sont accessibles à 320 px', async () => {
    const { contexte, page, violationsCsp } = await ouvrirPage(navigateur, serveur.url, { viewport: { width: 320, height: 640 } }, cookie)
    for (const chemin of ['/pilotage/acteurs?role=coordonne', `/pilotage/acteurs/${id}`]) {
      expect((await page.goto(`${serveur.url}${chemin}`))?.status(), chemin).toBe(200)
      await verifierPage(page, chemin, 'main button, main select, main input:not([type=checkbox]):not([type=hidden])')
    }
    await page.goto(`${serveur.url}/pilotage/acteurs/nouveau`)
    await page.getByRole('button', { name: 'Ajouter l’acteur' }).click()
    await page.waitForLoadState()
    expect(await page.locator('.resume-erreurs').textContent()).toContain('Le nom de l’acteur est obligatoire.')
    await verifierPage(page, 'formulaire en erreur', 'main button, main select, main input:not([type=checkbox]):not([type=hidden])')
    expect(violationsCsp).toEqual([])
    await contexte.close()
  }, 120_000)
})
