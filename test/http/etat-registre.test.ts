/**
 * The counts pages show (published places, demo banner) are kept between requests and counted
 * again when the places change: `invalider`, called on a change notification, makes the next
 * read count, even when a count started before the change was still running.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EtatRegistre } from '../../src/places/pages/etat.ts'
import { ouvrirBase, type Base } from '../../src/platform/db/database.ts'
import { importerLieux, lieuxDemo } from './serveur-de-test.ts'

let base: Base
beforeAll(async () => {
  base = await ouvrirBase({})
})
afterAll(async () => {
  await base.fermer()
})

describe('EtatRegistre', () => {
  it('garde les comptes entre deux lectures, puis recompte après invalider()', async () => {
    const lieux = lieuxDemo(5)
    await importerLieux(base, lieux.slice(0, 3))
    const etat = new EtatRegistre(base.db)
    expect((await etat.lire()).publies).toBe(3)
    await importerLieux(base, lieux)
    expect((await etat.lire()).publies).toBe(3)
    etat.invalider()
    expect((await etat.lire()).publies).toBe(5)
  })

  it('ne tient pas pour à jour un compte commencé avant le changement', async () => {
    const etat = new EtatRegistre(base.db)
    const enCours = etat.lire()
    etat.invalider()
    const avant = (await enCours).publies
    await importerLieux(base, lieuxDemo(8, 99), 'Autre source')
    expect((await etat.lire()).publies).toBe(avant + 8)
  })
})
