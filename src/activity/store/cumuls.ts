/**
 * Keeps the monthly rollups (`stats_mensuelles`, and per département `stats_departements`) in step with the activities: every write adds
 * the pure `contributions()` of the new version and subtracts those of the old one, in the same
 * transaction; bulk loads add many activities' contributions summed in memory; `reconstruireCumuls`
 * rebuilds the whole table from the activities (repair, or after a load that bypassed the store).
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { contributions, moisDe, retrait, type Contribution } from '../domain/cumuls.ts'
import type { Activite } from '../domain/validation.ts'

/** Where an activity's figures go: its month and the keys the dashboards filter on. */
export interface CleCumul {
  date: string
  departement: string | null
  codeInsee: string | null
  structureId: number
  lieuUid: number | null
  mediateurId: number | null
}

type Ligne = [string, string, string, number, number, number, string, string, string, number, number]

const cleTexte = (l: Ligne) => l.slice(0, 9).join('\u0000')

function lignes(cle: CleCumul, type: string, liste: readonly Contribution[]): Ligne[] {
  return liste.map((c) => [moisDe(cle.date), cle.departement ?? '', cle.codeInsee ?? '', cle.structureId, cle.lieuUid ?? 0, cle.mediateurId ?? 0, type, c.dimension, c.valeur, c.accompagnements, c.activites])
}

/** Sums lines with the same key (one statement may not touch a row twice). */
function regrouper(toutes: Iterable<Ligne>): Ligne[] {
  const parCle = new Map<string, Ligne>()
  for (const l of toutes) {
    const k = cleTexte(l)
    const deja = parCle.get(k)
    if (deja) {
      deja[9] += l[9]
      deja[10] += l[10]
    } else parCle.set(k, [...l] as Ligne)
  }
  return [...parCle.values()].filter((l) => l[9] !== 0 || l[10] !== 0)
}

const PAQUET = 2000

/** The same lines per département and month only (`stats_departements`). */
function parDepartement(liste: readonly Ligne[]): Array<[string, string, string, string, string, number, number]> {
  const parCle = new Map<string, [string, string, string, string, string, number, number]>()
  for (const l of liste) {
    const k = [l[1], l[0], l[6], l[7], l[8]].join('\u0000')
    const deja = parCle.get(k)
    if (deja) {
      deja[5] += l[9]
      deja[6] += l[10]
    } else parCle.set(k, [l[1], l[0], l[6], l[7], l[8], l[9], l[10]])
  }
  return [...parCle.values()].filter((l) => l[5] !== 0 || l[6] !== 0)
}

async function ecrire(db: Db, liste: readonly Ligne[]): Promise<void> {
  for (let i = 0; i < liste.length; i += PAQUET) {
    const json = JSON.stringify(liste.slice(i, i + PAQUET))
    await db.execute(sql`
      insert into stats_mensuelles (mois, departement, code_insee, structure_id, lieu_uid, mediateur_id, type, dimension, valeur, accompagnements, activites)
      select (l->>0)::date, l->>1, l->>2, (l->>3)::int, (l->>4)::int8, (l->>5)::int, l->>6, l->>7, l->>8, (l->>9)::int8, (l->>10)::int8
      from jsonb_array_elements(${json}::jsonb) as l
      on conflict (departement, mois, code_insee, structure_id, lieu_uid, mediateur_id, type, dimension, valeur)
      do update set accompagnements = stats_mensuelles.accompagnements + excluded.accompagnements, activites = stats_mensuelles.activites + excluded.activites`)
  }
  const grossieres = parDepartement(liste)
  for (let i = 0; i < grossieres.length; i += PAQUET) {
    const json = JSON.stringify(grossieres.slice(i, i + PAQUET))
    await db.execute(sql`
      insert into stats_departements (departement, mois, type, dimension, valeur, accompagnements, activites)
      select l->>0, (l->>1)::date, l->>2, l->>3, l->>4, (l->>5)::int8, (l->>6)::int8
      from jsonb_array_elements(${json}::jsonb) as l
      on conflict (departement, mois, type, dimension, valeur)
      do update set accompagnements = stats_departements.accompagnements + excluded.accompagnements, activites = stats_departements.activites + excluded.activites`)
  }
}

/** One activity's change: `avant` subtracted (edited or deleted), `apres` added (new or edited). */
export async function changerCumuls(
  db: Db,
  avant: { cle: CleCumul; activite: Activite } | undefined,
  apres: { cle: CleCumul; activite: Activite } | undefined,
): Promise<void> {
  const toutes: Ligne[] = []
  if (avant) toutes.push(...lignes(avant.cle, avant.activite.type, retrait(contributions(avant.activite))))
  if (apres) toutes.push(...lignes(apres.cle, apres.activite.type, contributions(apres.activite)))
  await ecrire(db, regrouper(toutes))
}

/** Adds the contributions of many activities at once (imports, benchmarks). */
export async function cumulerEnMasse(db: Db, activites: Iterable<{ cle: CleCumul; activite: Activite }>): Promise<void> {
  function* toutes() {
    for (const a of activites) yield* lignes(a.cle, a.activite.type, contributions(a.activite))
  }
  await ecrire(db, regrouper(toutes()))
}
