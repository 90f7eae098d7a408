/**
 * The statistics pages in a real browser (Debian's Chromium): the coordinator's dashboard and a
 * territory's public page — no axe violation of WCAG 2.1 A/AA, no Content Security Policy
 * violation, no horizontal scrolling at 320 px, each chart an SVG image named by its title —
 * then the filter form used without JavaScript: ticking « Atelier collectif » and sending
 * changes the address and the figures.
 */
import type { Browser, Page } from 'playwright-core'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validerActivite } from '../../src/activity/domain/validation.ts'
import { enregistrerActivite } from '../../src/activity/store/activites.ts'
import { creerCompte, seConnecter } from '../support/comptes.ts'
import { demarrer, type ServeurDeTest } from '../http/serveur-de-test.ts'
import { CHROMIUM_PRESENT, lancerChromium, ouvrirPage, titreNavigateur, verifierPage } from './chromium.ts'


describe.skipIf(!CHROMIUM_PRESENT)(titreNavigateur('statistiques dans Chromium'), () => {
  let serveur: ServeurDeTest
  let navigateur: Browser
  let cookie = ''

  beforeAll(async () => {
    serveur = await demarrer({ nombre: 12 })
    const db = serveur.base.db
    const { rows } = (await db.execute(sql`select uid from lieux where statut = 'publie' order by uid limit 1`)) as unknown as { rows: Array<{ uid: number }> }
    const lieu = Number(rows[0]?.uid)
    const mediateur = await creerCompte(serveur.base, 'mediation@exemple.fr', [{ role: 'mediateur', lieuUid: lieu }], { nom: 'Alix Médiation' })
    const coordinateur = await creerCompte(serveur.base, 'coordination@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }], { nom: 'Camille Coordination' })
    for (let i = 0; i < 24; i++) {
      const r = validerActivite(
        {
          type: i % 4 === 0 ? 'collectif' : 'individuel',
          date: `2025-${String(1 + (i % 12)).padStart(2, '0')}-1${i % 9}`,
          duree: [15, 45, 90, 150][i % 4],
          typeLieu: i % 3 === 0 ? 'a_distance' : 'lieu_activite',
          ...(i % 3 !== 0 && { lieu: String(lieu) }),
          thematiques: [['email', 'sante', 'bureautique'][i % 3]],
          materiel: ['ordinateur'],
          ...(i % 4 === 0 ? { participants: { total: 3 + i, genre: { feminin: 2 } } } : { beneficiaireAnonyme: { genre: i % 2 ? 'feminin' : 'masculin', trancheAge: 'soixante_dix_plus' } }),
        },
        '2026-01-01',
      )
      if ('erreurs' in r) throw new Error(JSON.stringify(r.erreurs))
      await enregistrerActivite(db, { id: null, libelle: 'test', adresseIp: null }, { activite: r.activite, mediateurId: mediateur.id, lieuUid: lieu })
    }
    cookie = (await seConnecter(serveur.url, coordinateur)).cookie
    navigateur = await lancerChromium()
  }, 120_000)
  afterAll(async () => {
    await navigateur?.close()
    await serveur?.fermer()
  })

  const ouvrir = (options: Parameters<Browser['newContext']>[0], session: boolean) => ouvrirPage(navigateur, serveur.url, options, session ? cookie : undefined)

  async function verifier(page: Page, nom: string): Promise<void> {
    await verifierPage(page, nom)
    const images = await page.locator('svg[role="img"]').evaluateAll((svgs) => svgs.map((s) => s.querySelector('title')?.textContent ?? ''))
    expect(images.length, nom).toBeGreaterThan(5)
    expect(images.every((t) => t.length > 0), nom).toBe(true)
  }

  it('le tableau de bord d’un coordinateur, sans violation, à 320 px et sur grand écran', async () => {
    for (const viewport of [{ width: 320, height: 640 }, { width: 1280, height: 900 }]) {
      const { contexte, page, violationsCsp } = await ouvrir({ viewport }, true)
      const reponse = await page.goto(`${serveur.url}/espace/statistiques?du=2025-01-01&au=2025-12-31`)
      expect(reponse?.status()).toBe(200)
      await verifier(page, `/espace/statistiques à ${viewport.width} px`)
      expect(await page.getByText('Les ateliers collectifs comptent pour 1 accompagnement par participant', { exact: false }).count()).toBeGreaterThan(0)
      expect(violationsCsp).toEqual([])
      await contexte.close()
    }
  })

  it('le formulaire de filtres marche sans JavaScript', async () => {
    const { contexte, page } = await ouvrir({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } }, true)
    await page.goto(`${serveur.url}/espace/statistiques?du=2025-01-01&au=2025-12-31`)
    const avant = await page.locator('dl.descriptions dd').first().textContent()
    await page.getByLabel('Atelier collectif').check()
    await Promise.all([page.waitForURL(/types=collectif/), page.getByRole('button', { name: 'Afficher les statistiques' }).click()])
    const apres = await page.locator('dl.descriptions dd').first().textContent()
    expect(apres).toMatch(/^\d+ \(0 individuels, \d+ en ateliers collectifs\)$/)
    expect(apres).not.toBe(avant)
    await contexte.close()
  })

  it('la page publique d’un territoire, sans violation, à 320 px', async () => {
    const { contexte, page, violationsCsp } = await ouvrir({ viewport: { width: 320, height: 640 } }, false)
    const reponse = await page.goto(`${serveur.url}/statistiques/departement-73?du=2025-01&au=2025-12`)
    expect(reponse?.status()).toBe(200)
    await verifier(page, '/statistiques/departement-73')
    expect(await page.getByText('moins de 5').count()).toBeGreaterThan(0)
    expect(violationsCsp).toEqual([])
    await contexte.close()
  })
})
