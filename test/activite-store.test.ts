/**
 * The activity store on both engines: recording, editing and deleting activities keeps the
 * monthly rollups equal to La Coop's counting recomputed from the activities themselves (a
 * seeded random series of writes); rebuilding the rollups gives the same table; followed
 * participants get their `premier` accompaniment right; the audit log names no person.
 */
import { afterEach, beforeEach, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { Base } from '../src/platform/db/database.ts'
import type { Acteur } from '../src/audit/journal.ts'
import { activiteParId, enregistrerActivite, modifierActivite, supprimerActivite } from '../src/activity/store/activites.ts'
import { enregistrerEnMasse, reconstruireCumuls } from '../src/activity/store/masse.ts'
import { structureDuLieu } from '../src/activity/store/structures.ts'
import { beneficiaires } from '../src/platform/db/schema.ts'
import { contributions, moisDe } from '../src/activity/domain/cumuls.ts'
import type { Activite } from '../src/activity/domain/validation.ts'
import { validerActivite } from '../src/activity/domain/validation.ts'
import { MATERIELS, THEMATIQUES, THEMATIQUES_DEMARCHE, TYPES_LIEU } from '../src/activity/domain/vocabulaire.ts'
import { aleatoire, type Aleatoire } from '../src/demo/activites.ts'
import { importerLieux, lieuxDemo } from './http/serveur-de-test.ts'
import { pourChaqueMoteur } from './support/bases.ts'

const ACTEUR: Acteur = { id: null, libelle: 'test', adresseIp: null }
const rangees = async <T>(base: Base, requete: ReturnType<typeof sql>) => ((await base.db.execute(requete)) as unknown as { rows: T[] }).rows

function activiteAuHasard(h: Aleatoire, lieu: number): Activite {
  const typeLieu = h.parmi(TYPES_LIEU).valeur
  const thematiques = [...new Set([h.parmi(THEMATIQUES).valeur, h.parmi(THEMATIQUES).valeur])]
  const brut: Record<string, unknown> = {
    type: h.suivant() < 0.7 ? 'individuel' : 'collectif',
    date: `2025-${String(1 + h.entier(12)).padStart(2, '0')}-${String(1 + h.entier(28)).padStart(2, '0')}`,
    duree: h.parmi([15, 30, 45, 60, 90, 120, 150]),
    typeLieu,
    ...(typeLieu === 'lieu_activite' && { lieu: String(lieu) }),
    ...((typeLieu === 'domicile' || typeLieu === 'autre') && { commune: '73065' }),
    thematiques,
    ...(thematiques.includes('aide_aux_demarches_administratives') && { thematiquesDemarche: [h.parmi(THEMATIQUES_DEMARCHE).valeur] }),
    materiel: h.suivant() < 0.8 ? [h.parmi(MATERIELS).valeur] : [],
  }
  if (brut.type === 'individuel') {
    brut.beneficiaireAnonyme = { genre: h.parmi(['feminin', 'masculin', 'non_communique']), trancheAge: h.parmi(['soixante_dix_plus', 'non_communique']), dejaAccompagne: h.suivant() < 0.3 }
  } else {
    const total = 1 + h.entier(12)
    const f = h.entier(total + 1)
    brut.participants = { total, dejaAccompagne: h.entier(total + 1), genre: { feminin: f, masculin: h.entier(total - f + 1) } }
  }
  const r = validerActivite(brut, '2026-11-22')
  if ('erreurs' in r) throw new Error(JSON.stringify(r.erreurs))
  return r.activite
}

/** The rollups recomputed in memory from the stored activities. */
async function attendu(base: Base): Promise<Map<string, number>> {
  const ids = await rangees<{ id: string }>(base, sql`select id from activites where supprime_le is null`)
  const resultat = new Map<string, number>()
  for (const { id } of ids) {
    const lue = await activiteParId(base.db, id)
    if (!lue) continue
    for (const c of contributions(lue.activite)) {
      const k = `${moisDe(lue.activite.date)}|${lue.activite.type}|${c.dimension}|${c.valeur}`
      resultat.set(k, (resultat.get(k) ?? 0) + c.accompagnements)
    }
  }
  for (const [k, n] of resultat) if (n === 0) resultat.delete(k)
  return resultat
}

async function cumuls(base: Base): Promise<Map<string, number>> {
  const lignes = await rangees<{ k: string; n: string }>(
    base,
    sql`select to_char(mois, 'YYYY-MM-DD') || '|' || type || '|' || dimension || '|' || valeur as k, sum(accompagnements)::text as n from stats_mensuelles group by 1 having sum(accompagnements) <> 0`,
  )
  return new Map(lignes.map((l) => [l.k, Number(l.n)]))
}

pourChaqueMoteur('activités : enregistrement et cumuls mensuels', (moteur) => {
  let base: Base
  let uid: number
  beforeEach(async () => {
    base = await moteur.ouvrir()
    await importerLieux(base, lieuxDemo(3), 'Démonstration', false)
    uid = Number((await rangees<{ uid: number }>(base, sql`select uid from lieux order by uid limit 1`))[0]?.uid)
  }, 60_000)
  afterEach(async () => {
    await base.fermer()
  })

  it('les cumuls suivent chaque écriture et égalent le recompte à la façon de La Coop', async () => {
    const h = aleatoire(42)
    const ids: string[] = []
    for (let i = 0; i < 60; i++) {
      const action = ids.length > 5 ? h.suivant() : 0
      if (action < 0.7) ids.push(await enregistrerActivite(base.db, ACTEUR, { activite: activiteAuHasard(h, uid), mediateurId: null, lieuUid: uid }))
      else if (action < 0.9) await modifierActivite(base.db, ACTEUR, h.parmi(ids), { activite: activiteAuHasard(h, uid), mediateurId: null, lieuUid: uid })
      else await supprimerActivite(base.db, ACTEUR, h.parmi(ids))
    }
    const incremental = await cumuls(base)
    expect(incremental).toEqual(await attendu(base))
    expect(incremental.size).toBeGreaterThan(20)
    await reconstruireCumuls(base.db)
    expect(await cumuls(base)).toEqual(incremental)
  }, 120_000)

  it('un atelier compte un accompagnement par participant ; le premier accompagnement d’un bénéficiaire suivi est marqué', async () => {
    const structureId = await structureDuLieu(base.db, uid)
    const [b] = await base.db
      .insert(beneficiaires)
      .values({ structureId, prenom: 'A', nom: 'B', consentementLe: '2025-01-01', consentementPortee: 'mediateur', consentementRecueil: 'oral' })
      .returning({ id: beneficiaires.id })
    const atelier = validerActivite({ type: 'collectif', date: '2025-03-10', duree: 90, typeLieu: 'lieu_activite', lieu: String(uid), thematiques: ['email'], beneficiairesSuivis: [b!.id], participants: { total: 9 } }, '2026-11-22')
    const individuel = validerActivite({ type: 'individuel', date: '2025-02-01', duree: 30, typeLieu: 'a_distance', thematiques: ['sante'], beneficiaireSuivi: b!.id }, '2026-11-22')
    if ('erreurs' in atelier || 'erreurs' in individuel) throw new Error('saisie invalide')
    const idAtelier = await enregistrerActivite(base.db, ACTEUR, { activite: atelier.activite, mediateurId: null, lieuUid: uid })
    const [total] = await rangees<{ n: string }>(base, sql`select sum(accompagnements)::text as n from stats_mensuelles where dimension = 'total'`)
    expect(Number(total?.n)).toBe(10)
    let premiers = await rangees<{ activite_id: string }>(base, sql`select activite_id from activites_beneficiaires where premier`)
    expect(premiers.map((p) => p.activite_id)).toEqual([idAtelier])
    const idIndividuel = await enregistrerActivite(base.db, ACTEUR, { activite: individuel.activite, mediateurId: null, lieuUid: uid })
    premiers = await rangees<{ activite_id: string }>(base, sql`select activite_id from activites_beneficiaires where premier`)
    expect(premiers.map((p) => p.activite_id)).toEqual([idIndividuel])
    await supprimerActivite(base.db, ACTEUR, idIndividuel)
    premiers = await rangees<{ activite_id: string }>(base, sql`select activite_id from activites_beneficiaires where premier`)
    expect(premiers.map((p) => p.activite_id)).toEqual([idAtelier])
    // the person's only remaining accompaniment deleted: no « premier » left, and no error
    await supprimerActivite(base.db, ACTEUR, idAtelier)
    expect(await rangees(base, sql`select count(*)::int as n from activites_beneficiaires where premier`)).toEqual([{ n: 0 }])
    const journal = await rangees<{ changements: unknown }>(base, sql`select changements from journal_audit where objet_type = 'activite'`)
    expect(journal).toHaveLength(4)
    expect(JSON.stringify(journal)).not.toMatch(/"A"|"B"/)
  }, 60_000)

  it('l’enregistrement en masse saute ce qui est déjà là et garde les cumuls justes', async () => {
    const h = aleatoire(7)
    const saisies = Array.from({ length: 40 }, (_, i) => ({ activite: activiteAuHasard(h, uid), mediateurId: null, lieuUid: uid, source: 'coop', idSource: `cra-${i}` }))
    expect(await enregistrerEnMasse(base.db, ACTEUR, saisies.slice(0, 25))).toHaveLength(25)
    const secondes = await enregistrerEnMasse(base.db, ACTEUR, saisies)
    expect(secondes.map((l) => l.idSource).sort()).toEqual(saisies.slice(25).map((s) => s.idSource).sort())
    expect(await rangees(base, sql`select count(*)::int as n from activites`)).toEqual([{ n: 40 }])
    expect(await cumuls(base)).toEqual(await attendu(base))
    const journal = await rangees<{ action: string }>(base, sql`select action from journal_audit where objet_type = 'activite'`)
    expect(journal).toEqual([{ action: 'activites.importees' }, { action: 'activites.importees' }])
  }, 60_000)

  it('refuse un bénéficiaire d’une autre structure', async () => {
    const autre = Number((await rangees<{ uid: number }>(base, sql`select uid from lieux order by uid desc limit 1`))[0]?.uid)
    const structureAutre = await structureDuLieu(base.db, autre)
    const [b] = await base.db
      .insert(beneficiaires)
      .values({ structureId: structureAutre, prenom: 'A', nom: 'B', consentementLe: '2025-01-01', consentementPortee: 'structure', consentementRecueil: 'ecrit' })
      .returning({ id: beneficiaires.id })
    const r = validerActivite({ type: 'individuel', date: '2025-02-01', duree: 30, typeLieu: 'a_distance', thematiques: ['sante'], beneficiaireSuivi: b!.id }, '2026-11-22')
    if ('erreurs' in r) throw new Error('saisie invalide')
    await expect(enregistrerActivite(base.db, ACTEUR, { activite: r.activite, mediateurId: null, lieuUid: uid })).rejects.toThrow(/introuvable dans votre structure/)
  }, 60_000)
})
