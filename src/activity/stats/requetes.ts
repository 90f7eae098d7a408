/**
 * The statistics of a scope, read from the database. Whole months without a thematic filter:
 * three narrow queries over the monthly rollups (the period's sums per dimension value — from
 * `stats_departements` for départements, régions or everything without a mediator, place or
 * commune filter, else from `stats_mensuelles` —, the `total` rows for the series, communes and filter choices, the places) —
 * no scan of the activities — plus the last 30 days from the activities (narrow: indexed by
 * (département | mediator | place | structure, date)). Otherwise (a period cut inside a month, a thematic filter) the exact
 * fallback reads the activities of the period and of the series and sums the same pure
 * `contributions()` the rollups are made of. Followed beneficiaries are always counted distinct
 * and live (activities ⨝ participants ⨝ beneficiaries), alongside the rest.
 */
import { inArray, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { lieux } from '../../platform/db/schema.ts'
import { aujourdhuiParis } from '../../places/validation/date-maj.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { activiteDeLigne, type LigneActivite } from '../store/activites.ts'
import { trancheAgeSql } from './age.ts'
import { type ActiviteStat, type Agregats, agregerActivites, ajouterA, type GroupeSuivis, type Jour, sommeDe } from './agregats.ts'
import { conditionsActivites, conditionsCumuls, conditionsDepartements, parDepartements } from './conditions.ts'
import { fenetres, type Fenetres, type Filtres, type Portee } from './filtres.ts'
import { presenter, type Statistiques } from './presentation.ts'

type Rangee = Record<string, unknown>
const rangees = async (db: Db, requete: ReturnType<typeof sql>): Promise<Rangee[]> => ((await db.execute(requete)) as unknown as { rows: Rangee[] }).rows
const nombre = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v))
const plusTot = (a: string, b: string): string => (a < b ? a : b)

/** A (mediator, place, commune) with activities in the period (the filter form's choices). */
export interface CleActivite {
  mediateur: number
  lieu: number
  commune: string
}

/**
 * The period's sums, the series, communes and places, from the rollups: three narrow queries run
 * together (per dimension value over the period; the `total` rows per month, commune, place and
 * mediator — which also give the keys with activities in the period; the channel « lieu
 * d'activité » per place).
 */
export async function lireCumuls(db: Db, portee: Portee, filtres: Filtres, f: Fenetres): Promise<{ agregats: Agregats; cles: CleActivite[] }> {
  const departementaux = parDepartements(portee, filtres)
  const [valeurs, totaux, parLieu] = await Promise.all([
    rangees(
      db,
      departementaux
        ? sql`select s.dimension, s.type, s.valeur, sum(s.accompagnements)::float8 as acc, sum(s.activites)::float8 as act
          from stats_departements s where ${conditionsDepartements(departementaux, filtres, f.mois.du, f.mois.au)}
          group by s.dimension, s.type, s.valeur`
        : sql`select s.dimension, s.type, s.valeur, sum(s.accompagnements)::float8 as acc, sum(s.activites)::float8 as act
          from stats_mensuelles s where ${conditionsCumuls(portee, filtres, f.mois.du, f.mois.au)}
          group by s.dimension, s.type, s.valeur`,
    ),
    rangees(
      db,
      sql`select s.mois::text as mois, s.code_insee as commune, s.lieu_uid::float8 as lieu, s.mediateur_id::float8 as mediateur,
          sum(s.accompagnements)::float8 as acc, sum(s.activites)::float8 as act
        from stats_mensuelles s where ${conditionsCumuls(portee, filtres, plusTot(f.mois.du, f.serie.du), f.mois.au)} and s.dimension = 'total'
        group by s.mois, s.code_insee, s.lieu_uid, s.mediateur_id`,
    ),
    rangees(
      db,
      sql`select s.lieu_uid::float8 as lieu, sum(s.accompagnements)::float8 as acc, sum(s.activites)::float8 as act
        from stats_mensuelles s where ${conditionsCumuls(portee, filtres, f.mois.du, f.mois.au)} and s.dimension = 'canal' and s.valeur = 'lieu_activite'
        group by s.lieu_uid`,
    ),
  ])
  const agregats: Agregats = { valeurs: [], mois: new Map(), communes: new Map(), lieux: new Map() }
  for (const l of valeurs) {
    const somme = { accompagnements: nombre(l['acc']), activites: nombre(l['act']) }
    if (somme.accompagnements !== 0 || somme.activites !== 0) agregats.valeurs.push({ dimension: String(l['dimension']), type: String(l['type']), valeur: String(l['valeur']), ...somme })
  }
  const cles = new Map<string, CleActivite>()
  for (const l of totaux) {
    const mois = String(l['mois'])
    const [acc, act] = [nombre(l['acc']), nombre(l['act'])]
    if (mois >= f.serie.du) ajouterA(agregats.mois, mois, acc, act)
    if (mois < f.mois.du || (acc === 0 && act === 0)) continue
    ajouterA(agregats.communes, String(l['commune']), acc, act)
    const cle = { mediateur: nombre(l['mediateur']), lieu: nombre(l['lieu']), commune: String(l['commune']) }
    if (act > 0) cles.set(`${cle.mediateur}|${cle.lieu}|${cle.commune}`, cle)
  }
  for (const [code, somme] of agregats.communes) if (somme.accompagnements === 0 && somme.activites === 0) agregats.communes.delete(code)
  for (const l of parLieu) {
    const somme = { accompagnements: nombre(l['acc']), activites: nombre(l['act']) }
    if (somme.accompagnements !== 0 || somme.activites !== 0) agregats.lieux.set(nombre(l['lieu']), somme)
  }
  return { agregats, cles: [...cles.values()] }
}

/** Accompaniments per day over the last 30 days of the period, from the activities. */
export async function lireJours(db: Db, portee: Portee, filtres: Filtres, f: Fenetres): Promise<Jour[]> {
  const lignes = await rangees(
    db,
    sql`select a.date::text as jour, sum(a.accompagnements)::float8 as accompagnements, count(*)::float8 as activites
      from activites a where ${conditionsActivites(portee, filtres, f.jours.du, f.jours.au)} group by a.date order by a.date`,
  )
  return lignes.map((l) => ({ jour: String(l['jour']), accompagnements: nombre(l['accompagnements']), activites: nombre(l['activites']) }))
}

/** The exact fallback: the activities of the period and of the series, summed like the rollups. */
export async function lireActivites(db: Db, portee: Portee, filtres: Filtres, f: Fenetres): Promise<{ agregats: Agregats; jours: Jour[] }> {
  const lignes = await rangees(
    db,
    sql`select a.date::text as date, a.type, a.duree, a.type_lieu as "typeLieu", a.code_insee as "codeInsee", a.lieu_uid::float8 as "lieuUid",
        a.thematiques, a.thematiques_demarche as "thematiquesDemarche", a.materiel, a.autonomie, a.oriente_vers_structure as "orienteVersStructure",
        a.structure_redirection as "structureRedirection", a.niveau, a.accompagnements, a.anonymes
      from activites a where ${conditionsActivites(portee, filtres, plusTot(f.periode.du, f.serie.du), f.periode.au)}`,
  )
  function* activites(): Generator<ActiviteStat> {
    for (const l of lignes) {
      const ligne = { ...l, notes: null, precisionsDemarche: null, titreAtelier: null, lieuUid: l['lieuUid'] === null ? null : nombre(l['lieuUid']) } as unknown as LigneActivite
      const anonymes = ligne.anonymes as { total?: number } | null
      // only how many followed participants matters here, not who
      const nbSuivis = ligne.type === 'individuel' ? (anonymes === null ? 1 : 0) : ligne.accompagnements - (anonymes?.total ?? 0)
      const suivis = Array.from({ length: Math.max(0, nbSuivis) }, (_, i) => `suivi-${i}`)
      yield { date: ligne.date, codeInsee: ligne.codeInsee, lieuUid: ligne.lieuUid, activite: activiteDeLigne(ligne, suivis) }
    }
  }
  return agregerActivites(activites(), f)
}

/** Followed beneficiaries of the period, distinct, by socio-demographic data (age recomputed this year). */
export async function lireSuivis(db: Db, portee: Portee, filtres: Filtres, f: Fenetres, anneeCourante: number): Promise<GroupeSuivis[]> {
  const departementaux = f.cumulable ? parDepartements(portee, filtres) : undefined
  const lignes = await rangees(
    db,
    departementaux !== undefined
      ? // whole months of départements: the per-month followed people (one covering index)
        sql`with suivis as (
          select s.beneficiaire_id, bool_or(s.premier) as nouveau, s.genre, s.annee_naissance, s.tranche_age, s.statut_social, s.commune_residence
          from stats_suivis s where ${conditionsDepartements(departementaux, filtres, f.mois.du, f.mois.au)}
          group by s.beneficiaire_id, s.genre, s.annee_naissance, s.tranche_age, s.statut_social, s.commune_residence
        )
        select b.genre, ${trancheAgeSql(anneeCourante)} as tranche, b.statut_social as statut, coalesce(b.commune_residence, '') as residence,
          count(*)::float8 as nombre, (count(*) filter (where b.nouveau))::float8 as nouveaux
        from suivis b group by 1, 2, 3, 4`
      : // Only activities without an anonymous beneficiary, or workshops, have followed participants
        // (partial index activites_suivis_idx). Their participants and files are then looked up by
        // primary key, one activity at a time (`offset 0` keeps the planner from hashing the whole
        // participant and beneficiary tables: see BENCHMARKS.md).
        sql`with choisies as (
          select a.id from activites a
          where ${conditionsActivites(portee, filtres, f.periode.du, f.periode.au)} and (a.anonymes is null or a.type = 'collectif')
        ), suivis as (
          select ab.beneficiaire_id as id, bool_or(ab.premier) as nouveau
          from choisies c cross join lateral (select x.beneficiaire_id, x.premier from activites_beneficiaires x where x.activite_id = c.id offset 0) ab
          group by ab.beneficiaire_id
        )
        select b.genre, ${trancheAgeSql(anneeCourante)} as tranche, b.statut_social as statut, coalesce(b.commune_residence, '') as residence,
          count(*)::float8 as nombre, (count(*) filter (where s.nouveau))::float8 as nouveaux
        from suivis s cross join lateral (select * from beneficiaires y where y.id = s.id offset 0) b
        group by 1, 2, 3, 4`,
  )
  return lignes.map((l) => ({
    genre: String(l['genre']),
    trancheAge: String(l['tranche']),
    statutSocial: String(l['statut']),
    residence: String(l['residence']),
    nombre: nombre(l['nombre']),
    nouveaux: nombre(l['nouveaux']),
  }))
}

export async function nomsDesLieux(db: Db, uids: readonly number[]): Promise<Map<number, string>> {
  const connus = uids.filter((u) => u > 0)
  if (connus.length === 0) return new Map()
  const lignes = await db.select({ uid: lieux.uid, nom: lieux.nom, commune: lieux.commune }).from(lieux).where(inArray(lieux.uid, connus))
  return new Map(lignes.map((l) => [l.uid, `${l.nom} (${l.commune})`]))
}

export function nomDeCommune(code: string): string {
  const ref = referentiel()
  const commune = ref.communes.get(code) ?? ref.anciennes.get(code)
  return commune ? `${commune.nom} (${commune.departement || code.slice(0, 2)})` : `Commune ${code}`
}

export interface OptionsStatistiques {
  /** Today (`YYYY-MM-DD`, Paris by default): the default period's end, the year of ages. */
  aujourdhui?: string
}

/**
 * Everything a dashboard shows for a scope and filters; with whole months, also the keys with
 * activities in the period (read by the same rollup query).
 */
export async function calculer(db: Db, portee: Portee, filtres: Filtres, options: OptionsStatistiques = {}): Promise<{ statistiques: Statistiques; cles?: CleActivite[] }> {
  const aujourdhui = options.aujourdhui ?? aujourdhuiParis()
  const f = fenetres(filtres, aujourdhui)
  const annee = Number(aujourdhui.slice(0, 4))
  // on PostgreSQL these run side by side (a pool of connections); PGlite takes them in turn
  const [{ agregats, jours, cles }, suivisLus] = await Promise.all([
    f.cumulable
      ? Promise.all([lireCumuls(db, portee, filtres, f), lireJours(db, portee, filtres, f)]).then(([c, jours]) => ({ ...c, jours }))
      : lireActivites(db, portee, filtres, f).then((r) => ({ ...r, cles: undefined })),
    lireSuivis(db, portee, filtres, f, annee),
  ])
  // followed participants gone from the period's figures (none recorded): nothing to show
  const suivis = sommeDe(agregats, 'suivis').accompagnements > 0 ? suivisLus : []
  const nomsLieux = await nomsDesLieux(db, [...agregats.lieux.keys()])
  const statistiques = presenter({
    agregats,
    suivis,
    jours,
    fenetres: f,
    noms: { lieu: (uid) => nomsLieux.get(uid) ?? (uid === 0 ? 'Lieu non renseigné' : `Lieu n° ${uid}`), commune: nomDeCommune },
  })
  return cles === undefined ? { statistiques } : { statistiques, cles }
}

/** Everything a dashboard shows for a scope and filters. */
export async function statistiques(db: Db, portee: Portee, filtres: Filtres, options: OptionsStatistiques = {}): Promise<Statistiques> {
  return (await calculer(db, portee, filtres, options)).statistiques
}
