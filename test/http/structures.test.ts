/**
 * A place's structure through the real server: a place forms its own structure until attached
 * to another; a manager of two places groups them (their mediators then share the followed
 * beneficiaries whose consent allows it), but cannot join a structure none of whose places
 * they may edit; the name and SIRET are checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { peutVoirIdentite } from '../../src/activity/domain/acces.ts'
import { mediateurDe } from '../../src/activity/store/mediateur.ts'
import { structureDuLieu } from '../../src/activity/store/structures.ts'
import { compteActif } from '../../src/accounts/store/comptes.ts'
import { creerCompte, seConnecter, type Navigateur } from '../support/comptes.ts'
import { demarrer, texte, type ServeurDeTest } from './serveur-de-test.ts'

describe('structures des lieux', () => {
  let s: ServeurDeTest
  let gestion: Navigateur
  let lieux: number[]
  let mediateurB: number

  beforeAll(async () => {
    s = await demarrer({ nombre: 10 })
    const { rows } = (await s.base.db.execute(sql`select uid from lieux where statut = 'publie' order by uid limit 3`)) as unknown as { rows: Array<{ uid: number }> }
    lieux = rows.map((r) => Number(r.uid))
    gestion = await seConnecter(s.url, await creerCompte(s.base, 'gestion@exemple.fr', [{ role: 'gestionnaire', lieuUid: lieux[0] as number }, { role: 'gestionnaire', lieuUid: lieux[1] as number }]))
    mediateurB = (await creerCompte(s.base, 'med-b@exemple.fr', [{ role: 'mediateur', lieuUid: lieux[1] as number }])).id
    // a structure with a place the manager does not run
    await structureDuLieu(s.base.db, lieux[2] as number)
  }, 120_000)
  afterAll(async () => {
    await s?.fermer()
  })

  it('nommer la structure, avec un SIRET vérifié', async () => {
    const chemin = `/espace/lieux/${lieux[0]}/structure`
    const mauvais = await gestion.post(chemin, { action: 'renommer', nom: 'Association Clic', siret: '123' }, { depuis: chemin })
    expect(mauvais.status).toBe(400)
    expect(texte(await mauvais.text())).toContain('Le SIRET compte 14 chiffres.')
    const r = await gestion.post(chemin, { action: 'renommer', nom: 'Association Clic', siret: '123 456 789 00012' }, { depuis: chemin })
    expect(r.headers.get('location')).toBe(`${chemin}?fait=renommee`)
    expect(texte(await (await gestion.get(chemin)).text())).toContain('Lieux de la structure « Association Clic »')
  })

  it('regrouper deux lieux gérés : leurs médiateurs partagent alors la même structure', async () => {
    const structureA = await structureDuLieu(s.base.db, lieux[0] as number)
    const compteB = await compteActif(s.base.db, mediateurB)
    const avant = await mediateurDe(s.base.db, compteB!)
    const fiche = { structureId: structureA, creePar: 999, consentementPortee: 'structure', anonymiseLe: null }
    expect(peutVoirIdentite(avant, fiche)).toBe(false)

    const chemin = `/espace/lieux/${lieux[1]}/structure`
    const page = await (await gestion.get(chemin)).text()
    expect(page).toContain(`value="${structureA}"`)
    const r = await gestion.post(chemin, { action: 'rattacher', structure: String(structureA) }, { depuis: chemin })
    expect(r.headers.get('location')).toBe(`${chemin}?fait=rattache`)
    expect(await structureDuLieu(s.base.db, lieux[1] as number)).toBe(structureA)
    expect(peutVoirIdentite(await mediateurDe(s.base.db, compteB!), fiche)).toBe(true)
  })

  it('refuse de rejoindre une structure dont on ne gère aucun lieu', async () => {
    const etrangere = await structureDuLieu(s.base.db, lieux[2] as number)
    const chemin = `/espace/lieux/${lieux[0]}/structure`
    expect(await (await gestion.get(chemin)).text()).not.toContain(`value="${etrangere}"`)
    const r = await gestion.post(chemin, { action: 'rattacher', structure: String(etrangere) }, { depuis: chemin })
    expect(r.status).toBe(403)
    expect(await structureDuLieu(s.base.db, lieux[0] as number)).not.toBe(etrangere)
  })
})
