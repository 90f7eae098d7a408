/**
 * The demonstration territory of `npm start`: demo accounts (coordinator, manager, mediator)
 * created once, with a year of activity reports so that the statistics show something, and a
 * roadmap with tracked indicators that the demo coordinator's evaluation report shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { ouvrirBase, type Base } from '../src/platform/db/database.ts'
import { semerSiVide } from '../src/demo/seed.ts'
import { comptesDeDemonstration } from '../src/demo/comptes.ts'
import { AIDANTS_FORMES, pilotageDeDemonstration } from '../src/demo/pilotage.ts'
import { compteActif, compteParCourriel } from '../src/accounts/store/comptes.ts'
import { choisirTerritoire, cleTerritoire } from '../src/pilotage/acces.ts'
import { enRetard } from '../src/pilotage/feuille-de-route/domaine/regles.ts'
import { feuilleComplete, feuillesDuTerritoire } from '../src/pilotage/feuille-de-route/store.ts'
import { produireRapport } from '../src/pilotage/evaluation/rapport.ts'
import { aujourdhuiParis } from '../src/places/validation/date-maj.ts'

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

  it('donne au coordinateur une feuille de route, une seule fois, et des indicateurs suivis dans son rapport d’évaluation', async () => {
    expect(await semerSiVide(base, { departement: '73', nombre: 40 })).toBeNull()
    expect(await pilotageDeDemonstration(base, '73')).toBeNull()
    const compte = await compteActif(base.db, (await compteParCourriel(base.db, 'coordination@demo.invalid'))?.id ?? 0)
    const choix = compte ? choisirTerritoire(compte, undefined) : { refuse: true as const }
    if (!('territoire' in choix)) throw new Error('le coordinateur de démonstration n’a pas de territoire')
    const cle = cleTerritoire(choix.territoire)
    expect(cle).toBe('departement:73')

    const feuilles = await feuillesDuTerritoire(base.db, cle)
    expect(feuilles).toHaveLength(1)
    const feuille = await feuilleComplete(base.db, feuilles[0]?.id ?? 0)
    const actions = feuille?.axes.flatMap((a) => a.actions) ?? []
    const aujourdhui = aujourdhuiParis()
    expect(feuille?.axes.map((a) => a.titre)).toEqual(['Mailler le territoire', 'Former et outiller les aidants', 'Mesurer et évaluer'])
    expect(actions.filter((a) => enRetard(a, aujourdhui)).map((a) => a.titre)).toEqual(['Ouvrir trois permanences numériques dans les communes rurales'])
    expect(actions.filter((a) => a.porteurActeur !== null).map((a) => a.porteurActeur?.nom)).toEqual([
      expect.stringMatching(/^Centre communal d’action sociale de /),
      'Hub territorial pour un numérique inclusif',
      expect.stringMatching(/^Ressourcerie informatique solidaire de /),
    ])
    expect(actions.some((a) => a.cofinancements.length > 0 && a.budgetCentimes !== null)).toBe(true)
    const { rows: journal } = (await base.db.execute(
      sql`select objet_type, count(*)::int as n, min(acteur) as acteur from journal_audit where objet_type in ('feuille_de_route', 'indicateur') group by objet_type order by objet_type`,
    )) as unknown as { rows: Array<{ objet_type: string; n: number; acteur: string }> }
    expect(journal).toEqual([
      { objet_type: 'feuille_de_route', n: 1 + 3 + 6, acteur: 'ligne de commande' },
      { objet_type: 'indicateur', n: 4 + 2, acteur: 'ligne de commande' },
    ])

    const rapport = await produireRapport(base.db, choix.territoire, cle, { du: `${aujourdhui.slice(0, 4)}-01-01`, au: aujourdhui }, aujourdhui)
    expect(rapport.indicateurs.map((i) => i.libelle)).toEqual(['Lieux de médiation numérique publiés', 'Population à moins de 10 km d’un lieu', 'Accompagnements sur la période', AIDANTS_FORMES])
    expect(rapport.indicateurs.every((i) => i.valeurCible !== null && i.valeur !== null && i.actions.length > 0)).toBe(true)
    expect(rapport.indicateurs.find((i) => i.libelle === AIDANTS_FORMES)).toMatchObject({ valeur: 74, valeurReference: 0, valeurCible: 120, situation: { progression: 62 } })
    expect(rapport.indicateurs[0]).toMatchObject({ valeur: 40, valeurReference: 34, valeurCible: 45 })
    expect(rapport.bilanActions).toMatchObject({ total: 6, enRetard: 1 })
  }, 60_000)
})
