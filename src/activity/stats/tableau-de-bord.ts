/**
 * Everything the statistics page (`/espace/statistiques`) reads, in one call: the statistics of
 * the scope under the filters, and the choices of the filter form — the mediators, places and
 * communes that have activities in the scope over the period's months (from the rollups: no
 * scan of the activities; without filters, from the statistics' own query). Mediators are named
 * by their account's name, never their e-mail.
 */
import { inArray, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { utilisateurs } from '../../platform/db/schema.ts'
import { aujourdhuiParis } from '../../places/validation/date-maj.ts'
import { conditionsCumuls } from './conditions.ts'
import { fenetres, type Filtres, type Portee } from './filtres.ts'
import type { Statistiques } from './presentation.ts'
import { calculer, type CleActivite, nomDeCommune, nomsDesLieux, type OptionsStatistiques } from './requetes.ts'

export interface Choix {
  valeur: string
  libelle: string
}

export interface TableauDeBord {
  statistiques: Statistiques
  choix: { mediateurs: Choix[]; lieux: Choix[]; communes: Choix[] }
}

const parLibelle = (a: Choix, b: Choix) => a.libelle.localeCompare(b.libelle, 'fr')

/** The choices' names, from the keys with activities. */
async function nommer(db: Db, cles: readonly CleActivite[]): Promise<TableauDeBord['choix']> {
  const mediateurs = [...new Set(cles.map((c) => c.mediateur).filter((id) => id > 0))]
  const lieux = [...new Set(cles.map((c) => c.lieu).filter((uid) => uid > 0))]
  const communes = [...new Set(cles.map((c) => c.commune).filter((c) => c !== ''))]
  const noms =
    mediateurs.length === 0 ? [] : await db.select({ id: utilisateurs.id, nom: utilisateurs.nom }).from(utilisateurs).where(inArray(utilisateurs.id, mediateurs))
  const nomsLieux = await nomsDesLieux(db, lieux)
  return {
    mediateurs: mediateurs.map((id) => ({ valeur: String(id), libelle: noms.find((n) => n.id === id)?.nom || `Médiateur n° ${id}` })).sort(parLibelle),
    lieux: lieux.map((uid) => ({ valeur: String(uid), libelle: nomsLieux.get(uid) ?? `Lieu n° ${uid}` })).sort(parLibelle),
    communes: communes.map((code) => ({ valeur: code, libelle: nomDeCommune(code) })).sort(parLibelle),
  }
}

/** The mediators, places and communes with activities in the scope over the period's months (filters aside). */
export async function choixDuPerimetre(db: Db, portee: Portee, filtres: Filtres, aujourdhui: string): Promise<TableauDeBord['choix']> {
  const f = fenetres(filtres, aujourdhui)
  const { rows } = (await db.execute(
    sql`select distinct s.mediateur_id::float8 as mediateur, s.lieu_uid::float8 as lieu, s.code_insee as commune
      from stats_mensuelles s where ${conditionsCumuls(portee, {}, f.mois.du, f.mois.au)} and s.dimension = 'total' and s.activites > 0`,
  )) as unknown as { rows: Array<{ mediateur: number | string; lieu: number | string; commune: string }> }
  return nommer(db, rows.map((r) => ({ mediateur: Number(r.mediateur), lieu: Number(r.lieu), commune: r.commune })))
}

const sansFiltre = (f: Filtres) => f.types === undefined && f.mediateur === undefined && f.lieu === undefined && f.commune === undefined && f.thematique === undefined

/**
 * The statistics and the filter form's choices of a scope (what /espace/statistiques shows).
 * Without filters but the period, the choices come from the statistics' own rollup query;
 * otherwise from one more (the choices ignore the filters, so that one can change them).
 */
export async function tableauDeBord(db: Db, portee: Portee, filtres: Filtres, options: OptionsStatistiques = {}): Promise<TableauDeBord> {
  const aujourdhui = options.aujourdhui ?? aujourdhuiParis()
  if (sansFiltre(filtres)) {
    const { statistiques, cles } = await calculer(db, portee, filtres, { aujourdhui })
    return { statistiques, choix: cles ? await nommer(db, cles) : await choixDuPerimetre(db, portee, filtres, aujourdhui) }
  }
  const [stats, choix] = await Promise.all([calculer(db, portee, filtres, { aujourdhui }), choixDuPerimetre(db, portee, filtres, aujourdhui)])
  return { statistiques: stats.statistiques, choix }
}
