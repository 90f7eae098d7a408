/**
 * The scope and the filters of a statistics request as SQL conditions, for the activities
 * (`activites a`) and for the monthly rollups (`stats_mensuelles s`), which share the key
 * columns (mediateur_id, lieu_uid, structure_id, departement, code_insee, type). Each condition
 * leads with a column an index starts with: (departement, …) for a territory — a commune or an
 * EPCI also gives its départements —, mediateur_id, lieu_uid or structure_id otherwise. A filter
 * only narrows the scope: it never reaches beyond it.
 */
import { sql, type SQL } from 'drizzle-orm'
import { referentiel } from '../../territories/referentiel.ts'
import type { Territoire } from '../../territories/territoire.ts'
import type { Filtres, Portee } from './filtres.ts'
import { THEMATIQUES } from '../domain/vocabulaire.ts'

type Alias = 'a' | 's'

const liste = (valeurs: readonly (string | number)[]): SQL => sql.join(valeurs.map((v) => sql`${v}`), sql`, `)

/** The départements of a territory (a région's, or those of a commune's or an EPCI's communes). */
export function departementsDe(territoire: Territoire): string[] {
  const ref = referentiel()
  if (territoire.type === 'departement') return [territoire.code]
  if (territoire.type === 'region') return [...ref.departements.values()].filter((d) => d.region === territoire.code).map((d) => d.code)
  return [...new Set(territoire.communes.map((c) => ref.communeActuelle(c)?.departement).filter((d): d is string => d !== undefined && d !== ''))]
}

function conditionTerritoire(col: (nom: string) => SQL, territoire: Territoire): SQL[] {
  const departements = departementsDe(territoire)
  const dans = departements.length > 0 ? sql`${col('departement')} in (${liste(departements)})` : sql`false`
  if (territoire.type === 'departement' || territoire.type === 'region') return [dans]
  return [dans, territoire.communes.length > 0 ? sql`${col('code_insee')} in (${liste(territoire.communes)})` : sql`false`]
}

export function conditionsPortee(alias: Alias, portee: Portee): SQL[] {
  const col = (nom: string) => sql.raw(`${alias}.${nom}`)
  if ('mediateur' in portee) return [sql`${col('mediateur_id')} = ${portee.mediateur}`]
  if ('lieu' in portee) return [sql`${col('lieu_uid')} = ${portee.lieu}`]
  if ('lieux' in portee) return [portee.lieux.length > 0 ? sql`${col('lieu_uid')} in (${liste(portee.lieux)})` : sql`false`]
  if ('structure' in portee) return [sql`${col('structure_id')} = ${portee.structure}`]
  if ('territoire' in portee) return conditionTerritoire(col, portee.territoire)
  return []
}

/**
 * The filters but the period and the thematic (both tables): types, mediator, place, commune.
 * The commune's département is added so that a territory's index serves.
 */
export function conditionsFiltres(alias: Alias, filtres: Filtres): SQL[] {
  const col = (nom: string) => sql.raw(`${alias}.${nom}`)
  const c: SQL[] = []
  if (filtres.types && filtres.types.length === 1) c.push(sql`${col('type')} = ${filtres.types[0]}`)
  if (filtres.mediateur !== undefined) c.push(sql`${col('mediateur_id')} = ${filtres.mediateur}`)
  if (filtres.lieu !== undefined) c.push(sql`${col('lieu_uid')} = ${filtres.lieu}`)
  if (filtres.commune !== undefined) {
    const departement = referentiel().communeActuelle(filtres.commune)?.departement
    if (departement) c.push(sql`${col('departement')} = ${departement}`)
    c.push(sql`${col('code_insee')} = ${filtres.commune}`)
  }
  return c
}

/** The thematic filter, activities only (the rollups keep each thematic apart). */
export function conditionThematique(filtres: Filtres): SQL[] {
  const t = filtres.thematique
  if (t === undefined) return []
  return THEMATIQUES.some((x) => x.valeur === t) ? [sql`${t} = any(a.thematiques)`] : [sql`${t} = any(a.thematiques_demarche)`]
}

/** Every condition on the activities: not deleted, scope, filters, dates. */
export function conditionsActivites(portee: Portee, filtres: Filtres, du: string, au: string): SQL {
  const toutes = [sql`a.supprime_le is null`, ...conditionsPortee('a', portee), ...conditionsFiltres('a', filtres), ...conditionThematique(filtres), sql`a.date between ${du} and ${au}`]
  return sql.join(toutes, sql` and `)
}

/** Every condition on the rollups: scope, filters, months (first days). */
export function conditionsCumuls(portee: Portee, filtres: Filtres, moisDu: string, moisAu: string): SQL {
  const toutes = [...conditionsPortee('s', portee), ...conditionsFiltres('s', filtres), sql`s.mois between ${moisDu} and ${moisAu}`]
  return sql.join(toutes, sql` and `)
}

/**
 * The départements whose per-département rollups (`stats_departements`) answer this request
 * exactly: a département's or a région's scope, or everything (`null`: all), without a
 * mediator, place or commune filter; `undefined` when the finer rollups are needed.
 */
export function parDepartements(portee: Portee, filtres: Filtres): string[] | null | undefined {
  if (filtres.mediateur !== undefined || filtres.lieu !== undefined || filtres.commune !== undefined) return undefined
  if ('tout' in portee) return null
  if ('territoire' in portee && (portee.territoire.type === 'departement' || portee.territoire.type === 'region')) return departementsDe(portee.territoire)
  return undefined
}

/** Conditions on `stats_departements s`: départements (null: all), type, months. */
export function conditionsDepartements(departements: string[] | null, filtres: Filtres, moisDu: string, moisAu: string): SQL {
  const c: SQL[] = [sql`s.mois between ${moisDu} and ${moisAu}`]
  if (departements !== null) c.push(departements.length > 0 ? sql`s.departement in (${liste(departements)})` : sql`false`)
  if (filtres.types && filtres.types.length === 1) c.push(sql`s.type = ${filtres.types[0]}`)
  return sql.join(c, sql` and `)
}
