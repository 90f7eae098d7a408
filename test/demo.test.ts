/**
 * The demonstration territory of `npm start`: demo accounts (coordinator, manager, mediator)
 * created once, with a year of activity reports so that the statistics show something.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { ouvrirBase, type Base } from '../src/platform/db/database.ts'
import { semerSiVide } from '../src/demo/seed.ts'
import { comptesDeDemonstration } from '../src/demo/comptes.ts'

describe('territoire de démonstration', () => {
  let base: Base
  beforeAll(async () => {
    base = await ouvrirBase({})
    await semerSiVide(base, { departement: '73', nombre: 40 })
  }, 60_000)
  afterAll(async () => {
    await base?.fermer()
  })

  it('crée trois comptes et une année d’activités, une seule fois', async () => {
    const comptes = await comptesDeDemonstration(base, '73')
    expect(comptes.map((c) => c.courriel)).toEqual(['coordination@demo.invalid', 'gestion@demo.invalid', 'mediation@demo.invalid'])
    const { rows } = (await base.db.execute(
      sql`select count(*)::int as activites, count(mediateur_id)::int as du_mediateur, count(distinct lieu_uid)::int as lieux, min(date)::text as debut from activites`,
    )) as unknown as { rows: Array<{ activites: number; du_mediateur: number; lieux: number; debut: string }> }
    expect(rows[0]).toMatchObject({ activites: 600, du_mediateur: 300, lieux: 6 })
    const { rows: cumuls } = (await base.db.execute(sql`select sum(accompagnements)::int as n from stats_mensuelles where dimension = 'total'`)) as unknown as { rows: Array<{ n: number }> }
    expect(cumuls[0]?.n).toBeGreaterThan(600)
    expect(await comptesDeDemonstration(base, '73')).toEqual([])
    expect(await base.db.execute(sql`select count(*)::int as n from activites`)).toMatchObject({ rows: [{ n: 600 }] })
  }, 120_000)
})
