/**
 * Activities in bulk: recording many at once in one transaction (imports, the demonstration,
 * benchmarks) and rebuilding every rollup from the activities (repair, after a load that
 * bypassed the store). Same columns, rollups and audit as one activity (activites.ts).
 */
import { and, asc, gt, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { activites } from '../../platform/db/schema.ts'
import { inscrire, type Acteur } from '../../audit/journal.ts'
import { accompagnementsDe } from '../domain/comptage.ts'
import { ActiviteRefuseeError, activiteDeLigne, cleDe, lireSuivis, situerLieux, suivisDe, valeursActivite, type SaisieActivite } from './activites.ts'
import { cumulerEnMasse } from './cumuls.ts'
import { reconstruireSuivis } from './suivis.ts'
import { structuresDesLieux } from './structures.ts'

/**
 * Records many activities without followed beneficiaries in one transaction (imports, the
 * demonstration, benchmarks): one insert, the rollups of the rows really inserted (an activity
 * whose `source`/`idSource` is already there is skipped) and one audit line. Returns the ids
 * of the inserted rows with their `idSource`.
 */
export async function enregistrerEnMasse(db: Db, acteur: Acteur, saisies: readonly SaisieActivite[], action = 'activites.importees'): Promise<Array<{ id: string; idSource: string | null }>> {
  if (saisies.length === 0) return []
  if (saisies.some((s) => suivisDe(s.activite).length > 0)) throw new ActiviteRefuseeError('Un enregistrement en masse ne peut pas porter de bénéficiaire suivi.')
  return db.transaction(async (tx) => {
    const uids = [...new Set(saisies.map((s) => s.lieuUid))]
    const situations = await situerLieux(tx, uids)
    const structures = await structuresDesLieux(tx, uids)
    const lignes = saisies.map((s) => {
      const lieu = situations.get(s.lieuUid)
      if (!lieu) throw new ActiviteRefuseeError(`Le lieu n° ${s.lieuUid} n’existe pas.`)
      return valeursActivite(s, lieu, structures.get(s.lieuUid) as number)
    })
    const inserees: Array<{ id: string; idSource: string | null }> = []
    for (let i = 0; i < lignes.length; i += 1000) {
      inserees.push(
        ...(await tx
          .insert(activites)
          .values(lignes.slice(i, i + 1000))
          .onConflictDoNothing({ target: [activites.source, activites.idSource], where: sql`${activites.idSource} is not null` })
          .returning({ id: activites.id, idSource: activites.idSource })),
      )
    }
    // rows come back in insertion order; a skipped one is absent: match by idSource, else by position
    const gardees = new Set(inserees.map((l) => l.idSource))
    const retenues = lignes.flatMap((l, i) => (l.idSource === null || gardees.has(l.idSource) ? [{ cle: cleDe(l), activite: (saisies[i] as SaisieActivite).activite }] : []))
    await cumulerEnMasse(tx, retenues)
    if (retenues.length > 0) {
      await inscrire(tx, acteur, {
        action,
        objetType: 'activite',
        objetId: inserees[0]?.id ?? '',
        lieuUid: saisies[0]?.lieuUid ?? null,
        changements: { activites: retenues.length, accompagnements: retenues.reduce((n, r) => n + accompagnementsDe(r.activite), 0) },
      })
    }
    return inserees
  })
}

/** Rebuilds every rollup from the activities, in one transaction (repair, after bulk loads). */
export async function reconstruireCumuls(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`delete from stats_mensuelles`)
    await tx.execute(sql`delete from stats_departements`)
    await reconstruireSuivis(tx)
    let apres = '00000000-0000-0000-0000-000000000000'
    let total = 0
    for (;;) {
      const lignes = await tx.select().from(activites).where(and(isNull(activites.supprimeLe), gt(activites.id, apres))).orderBy(asc(activites.id)).limit(5000)
      const last = lignes.at(-1)
      if (!last) return total
      const suivis = await lireSuivis(tx, lignes.map((l) => l.id))
      await cumulerEnMasse(tx, lignes.map((l) => ({ cle: cleDe(l), activite: activiteDeLigne(l, suivis.get(l.id) ?? []) })))
      total += lignes.length
      apres = last.id
    }
  })
}
