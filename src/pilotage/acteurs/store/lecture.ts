/**
 * Reading actors: the list of a scope (territories of a coordinator, or everything) with its
 * filters and counts, one actor with its provenance, structure and places run, the rows of the
 * export, and the summary other helpers use (`compterActeurs`). A territory holds an actor when
 * the actor's commune is in it.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../../platform/db/database.ts'
import type { Territoire } from '../../../territories/territoire.ts'
import { sansAccents } from '../../../platform/text.ts'
import type { ProvenanceActeur } from '../domaine/fusion.ts'
import type { Acteur } from '../domaine/validation.ts'

/** The form of `texte_recherche` (written from the name and commune, compared with a search): lower case, no accents, words apart. */
export const texteCherchable = (texte: string): string => sansAccents(texte.toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim()

type Lignes<T> = { rows: T[] }
const lignes = async <T>(db: Db, requete: SQL): Promise<T[]> => ((await db.execute(requete)) as unknown as Lignes<T>).rows

/** `tout` for an administrator; otherwise the territories coordinated. */
export type Portee = 'tout' | readonly Territoire[]

function dansUnTerritoire(t: Territoire, alias: string): SQL {
  // the places' table names its commune `commune_resolue`
  const col = (nom: string) => sql.raw(`${alias}.${alias === 'l' && nom === 'code_insee' ? 'commune_resolue' : nom}`)
  switch (t.type) {
    case 'departement':
      return sql`${col('code_departement')} = ${t.code}`
    case 'region':
      return sql`${col('code_region')} = ${t.code}`
    case 'commune':
    case 'epci':
      return t.communes.length === 0 ? sql`false` : sql`${col('code_insee')} in (${sql.join(t.communes.map((c) => sql`${c}`), sql`, `)})`
  }
}

export function conditionPortee(portee: Portee, alias = 'a'): SQL {
  if (portee === 'tout') return sql`true`
  if (portee.length === 0) return sql`false`
  return sql`(${sql.join(portee.map((t) => dansUnTerritoire(t, alias)), sql` or `)})`
}

export interface Filtres {
  type?: string | undefined
  role?: string | undefined
  competence?: string | undefined
  /** INSEE code of the commune. */
  commune?: string | undefined
  q?: string | undefined
  /** Also withdrawn and merged actors. */
  tous?: boolean | undefined
}

function conditions(portee: Portee, f: Filtres): SQL {
  const c: SQL[] = [conditionPortee(portee)]
  if (!f.tous) c.push(sql`a.statut = 'publie'`)
  if (f.type) c.push(sql`a.type = ${f.type}`)
  if (f.role) c.push(sql`${f.role} = any(a.roles)`)
  if (f.competence) c.push(sql`${f.competence} = any(a.competences)`)
  if (f.commune) c.push(sql`a.code_insee = ${f.commune}`)
  const q = f.q ? texteCherchable(f.q) : ''
  if (q !== '') c.push(sql`a.texte_recherche like ${`%${q.replace(/[%_\\]/g, '')}%`}`)
  return sql.join(c, sql` and `)
}

export interface ActeurListe {
  id: number
  nom: string
  type: string
  commune: string
  codeInsee: string
  roles: string[]
  competences: string[]
  statut: string
  lieux: number
  partenariats: number
}

const COLONNES_LISTE = sql`a.id, a.nom, a.type, a.commune, a.code_insee, a.roles, a.competences, a.statut,
  (select count(*)::int from lieux_structures ls join lieux l on l.uid = ls.lieu_uid where ls.structure_id = a.structure_id and l.statut = 'publie') as lieux,
  (select count(*)::int from partenariats p where (p.acteur_id = a.id or p.partenaire_id = a.id) and (p.fin is null or p.fin >= current_date)) as partenariats`

const versListe = (r: Record<string, unknown>): ActeurListe => ({
  id: Number(r.id),
  nom: String(r.nom),
  type: String(r.type),
  commune: String(r.commune),
  codeInsee: String(r.code_insee),
  roles: r.roles as string[],
  competences: r.competences as string[],
  statut: String(r.statut),
  lieux: Number(r.lieux),
  partenariats: Number(r.partenariats),
})

export async function listerActeurs(db: Db, portee: Portee, filtres: Filtres, limite = 500): Promise<{ acteurs: ActeurListe[]; total: number; parType: Record<string, number> }> {
  const ou = conditions(portee, filtres)
  const rows = await lignes<Record<string, unknown>>(db, sql`select ${COLONNES_LISTE} from acteurs a where ${ou} order by a.nom, a.id limit ${limite}`)
  const comptes = await lignes<{ type: string; n: number }>(db, sql`select a.type, count(*)::int as n from acteurs a where ${ou} group by a.type`)
  return { acteurs: rows.map(versListe), total: comptes.reduce((t, c) => t + c.n, 0), parType: Object.fromEntries(comptes.map((c) => [c.type, c.n])) }
}

/** The communes where the scope has actors (for the filter), by name. */
export async function communesDesActeurs(db: Db, portee: Portee): Promise<Array<{ code: string; nom: string }>> {
  return lignes(db, sql`select distinct a.code_insee as code, a.commune as nom from acteurs a where ${conditionPortee(portee)} and a.statut = 'publie' order by nom`)
}

export interface FicheActeur extends Acteur {
  id: number
  statut: string
  fusionneDans: number | null
  provenance: ProvenanceActeur
  structureId: number | null
  demo: boolean
  sources: Array<{ source: string; recordId: string; retire: boolean; recuLe: string }>
}

export async function acteurParId(db: Db, id: number): Promise<FicheActeur | undefined> {
  const [r] = await lignes<Record<string, unknown>>(
    db,
    sql`select a.*, a.date_maj::text as date_maj_texte from acteurs a where a.id = ${id}`,
  )
  if (!r) return undefined
  const sources = await lignes<{ source: string; record_id: string; retire: boolean; received_at: string | Date }>(
    db,
    sql`select s.name as source, e.record_id, e.retire, e.received_at from acteurs_enregistrements e join sources s on s.id = e.source_id where e.acteur_id = ${id} order by s.name, e.record_id`,
  )
  return {
    id: Number(r.id),
    nom: String(r.nom),
    type: r.type as Acteur['type'],
    siret: (r.siret as string | null) ?? null,
    adresse: (r.adresse as string | null) ?? null,
    code_postal: (r.code_postal as string | null) ?? null,
    commune: String(r.commune),
    code_insee: String(r.code_insee),
    code_departement: String(r.code_departement),
    code_region: String(r.code_region),
    site_web: (r.site_web as string | null) ?? null,
    courriel: (r.courriel as string | null) ?? null,
    telephone: (r.telephone as string | null) ?? null,
    roles: r.roles as string[],
    competences: r.competences as string[],
    description: (r.description as string | null) ?? null,
    date_maj: String(r.date_maj_texte),
    statut: String(r.statut),
    fusionneDans: r.fusionne_dans === null ? null : Number(r.fusionne_dans),
    provenance: (r.provenance ?? {}) as ProvenanceActeur,
    structureId: r.structure_id === null ? null : Number(r.structure_id),
    demo: Boolean(r.demo),
    sources: sources.map((s) => ({ source: s.source, recordId: s.record_id, retire: s.retire, recuLe: new Date(s.received_at).toISOString() })),
  }
}

/**
 * The published places an actor runs: those of its structure (`lieux_structures`) and those
 * whose pivot is its SIRET (the standard's « SIRET de la structure »).
 */
export async function lieuxDeLActeur(db: Db, acteur: { structureId: number | null; siret: string | null }): Promise<Array<{ id: string; nom: string; commune: string }>> {
  if (acteur.structureId === null && acteur.siret === null) return []
  return lignes(
    db,
    sql`select l.id, l.nom, l.commune from lieux l where l.statut = 'publie' and (
      l.uid in (select lieu_uid from lieux_structures where structure_id = ${acteur.structureId ?? -1}) or l.pivot = ${acteur.siret ?? '-'})
      order by l.nom limit 500`,
  )
}

/** Actors of a scope to choose from (partner of a partnership). */
export async function acteursAuChoix(db: Db, portee: Portee, sauf: number): Promise<Array<{ id: number; nom: string; commune: string }>> {
  return lignes(db, sql`select a.id, a.nom, a.commune from acteurs a where ${conditionPortee(portee)} and a.statut = 'publie' and a.id <> ${sauf} order by a.nom limit 1000`)
}

/** Structures running a published place of the scope (to link an actor to), by name. */
export async function structuresDeLaPortee(db: Db, portee: Portee): Promise<Array<{ id: number; nom: string }>> {
  return lignes(
    db,
    sql`select distinct s.id, s.nom from structures s join lieux_structures ls on ls.structure_id = s.id join lieux l on l.uid = ls.lieu_uid
      where l.statut = 'publie' and ${conditionPortee(portee, 'l')} order by s.nom limit 500`,
  )
}

export async function acteurParSiret(db: Db, siret: string): Promise<{ id: number } | undefined> {
  const [r] = await lignes<{ id: number }>(db, sql`select id from acteurs where siret = ${siret} and statut <> 'fusionne' limit 1`)
  return r
}

/** The rows of the export of a scope (no personal data: the organisation's own contacts only). */
export async function lignesExport(db: Db, portee: Portee, filtres: Filtres): Promise<Array<Record<string, unknown>>> {
  return lignes(
    db,
    sql`select a.id, a.nom, a.type, a.siret, a.adresse, a.code_postal, a.commune, a.code_insee, a.code_departement, a.site_web, a.courriel, a.telephone,
        a.roles, a.competences, a.description, a.date_maj::text as date_maj, a.statut,
        (select count(*)::int from partenariats p where (p.acteur_id = a.id or p.partenaire_id = a.id) and (p.fin is null or p.fin >= current_date)) as partenariats
      from acteurs a where ${conditions(portee, filtres)} order by a.nom, a.id`,
  )
}

export interface ResumeActeurs {
  total: number
  parType: Record<string, number>
  parRole: Record<string, number>
  /** Current partnerships with at least one side in the territory. */
  partenariats: number
}

/** Counts of the published actors of a territory (or everything), by type and role, and their partnerships. */
export async function compterActeurs(db: Db, territoire: Territoire | null): Promise<ResumeActeurs> {
  const portee: Portee = territoire ? [territoire] : 'tout'
  const ou = sql`${conditionPortee(portee)} and a.statut = 'publie'`
  const types = await lignes<{ type: string; n: number }>(db, sql`select a.type, count(*)::int as n from acteurs a where ${ou} group by a.type`)
  const roles = await lignes<{ role: string; n: number }>(db, sql`select r as role, count(*)::int as n from acteurs a, unnest(a.roles) r where ${ou} group by r`)
  const [p] = await lignes<{ n: number }>(
    db,
    sql`select count(*)::int as n from partenariats p where (p.fin is null or p.fin >= current_date) and exists (
      select 1 from acteurs a where (a.id = p.acteur_id or a.id = p.partenaire_id) and ${ou})`,
  )
  return {
    total: types.reduce((t, c) => t + c.n, 0),
    parType: Object.fromEntries(types.map((c) => [c.type, c.n])),
    parRole: Object.fromEntries(roles.map((c) => [c.role, c.n])),
    partenariats: p?.n ?? 0,
  }
}
