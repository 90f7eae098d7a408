/**
 * What the workspace reads: the places an account may see (all for an administrator, its
 * territories' for a coordinator, its own for a manager), filtered (waiting for validation, not
 * updated for 6 months, a name); a place's situation for the permission rules; the reports
 * on those places.
 */
import { and, asc, count, desc, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../platform/db/database.ts'
import { lieux, signalements } from '../platform/db/schema.ts'
import { conditionTerritoire } from '../places/registry/queries.ts'
import { texteDeRecherche } from '../places/registry/rows.ts'
import { estAdministrateur, lieuxGeres, territoiresDe, type Compte, type LieuSitue } from '../accounts/roles.ts'

export interface LieuDeLEspace extends LieuSitue {
  nom: string
  commune: string
  statut: string
  dateMaj: string
}

const COLONNES = {
  uid: lieux.uid,
  nom: lieux.nom,
  commune: lieux.commune,
  statut: lieux.statut,
  dateMaj: lieux.date_maj,
  communeResolue: lieux.communeResolue,
  codeDepartement: lieux.codeDepartement,
  codeRegion: lieux.codeRegion,
}

/** The places of an account's scope, as SQL (undefined: every place). */
export function perimetre(compte: Compte): SQL | undefined {
  if (estAdministrateur(compte)) return undefined
  const parts: SQL[] = territoiresDe(compte).flatMap((t) => {
    const c = conditionTerritoire(t)
    return c ? [c] : []
  })
  const geres = lieuxGeres(compte)
  if (geres.length > 0) parts.push(inArray(lieux.uid, geres))
  return parts.length > 0 ? or(...parts) : sql`false`
}

export async function situerLieu(db: Db, uid: number): Promise<LieuDeLEspace | undefined> {
  const [ligne] = await db.select(COLONNES).from(lieux).where(eq(lieux.uid, uid)).limit(1)
  return ligne
}

/** Six months before `aujourdhui` (`YYYY-MM-DD`): a place updated before is « à mettre à jour ». */
export function seuilMiseAJour(aujourdhui: string): string {
  const [a, m, j] = aujourdhui.split('-').map(Number) as [number, number, number]
  const d = new Date(Date.UTC(a, m - 1 - 6, j))
  return d.toISOString().slice(0, 10)
}

export type FiltreLieux = 'tous' | 'a_valider' | 'a_mettre_a_jour'

export async function lieuxVisibles(
  db: Db,
  compte: Compte,
  options: { filtre: FiltreLieux; q?: string; page: number; parPage: number; aujourdhui: string },
): Promise<{ total: number; lieux: LieuDeLEspace[] }> {
  const conditions: SQL[] = []
  const p = perimetre(compte)
  if (p) conditions.push(p)
  if (options.filtre === 'a_valider') conditions.push(eq(lieux.statut, 'a_valider'))
  else conditions.push(inArray(lieux.statut, ['publie', 'a_valider']))
  if (options.filtre === 'a_mettre_a_jour') conditions.push(lt(lieux.date_maj, seuilMiseAJour(options.aujourdhui)))
  const q = texteDeRecherche(options.q ?? '')
  if (q) conditions.push(ilike(lieux.texteRecherche, `%${q.replace(/[%_\\]/g, '')}%`))
  const ou = and(...conditions)
  const [total] = await db.select({ n: count() }).from(lieux).where(ou)
  const lignes = await db
    .select(COLONNES)
    .from(lieux)
    .where(ou)
    .orderBy(options.filtre === 'a_mettre_a_jour' ? asc(lieux.date_maj) : asc(lieux.nom), asc(lieux.uid))
    .limit(options.parPage)
    .offset((options.page - 1) * options.parPage)
  return { total: total?.n ?? 0, lieux: lignes }
}

/** Counts for the dashboard. */
export async function compteurs(db: Db, compte: Compte, aujourdhui: string): Promise<{ lieux: number; aValider: number; aMettreAJour: number; signalements: number }> {
  const p = perimetre(compte)
  const [r] = await db
    .select({
      lieux: sql<number>`count(*) filter (where ${lieux.statut} = 'publie')`.mapWith(Number),
      aValider: sql<number>`count(*) filter (where ${lieux.statut} = 'a_valider')`.mapWith(Number),
      aMettreAJour: sql<number>`count(*) filter (where ${lieux.statut} = 'publie' and ${lieux.date_maj} < ${seuilMiseAJour(aujourdhui)})`.mapWith(Number),
    })
    .from(lieux)
    .where(p)
  const [s] = await db
    .select({ n: count() })
    .from(signalements)
    .innerJoin(lieux, eq(lieux.uid, signalements.lieuUid))
    .where(and(p, inArray(signalements.statut, ['nouveau', 'en_cours'])))
  return { lieux: r?.lieux ?? 0, aValider: r?.aValider ?? 0, aMettreAJour: r?.aMettreAJour ?? 0, signalements: s?.n ?? 0 }
}

export const STATUTS_SIGNALEMENT = { nouveau: 'Nouveau', en_cours: 'En cours', corrige: 'Corrigé', rejete: 'Rejeté' } as const
export type StatutSignalement = keyof typeof STATUTS_SIGNALEMENT

export interface SignalementVu {
  id: number
  lieuUid: number
  nomLieu: string
  commune: string
  rubriques: string[]
  message: string
  contact: string | null
  statut: StatutSignalement
  reponse: string | null
  createdAt: Date
}

export async function signalementsVisibles(db: Db, compte: Compte, statuts: readonly StatutSignalement[], limite = 100): Promise<SignalementVu[]> {
  const lignes = await db
    .select({
      id: signalements.id,
      lieuUid: signalements.lieuUid,
      nomLieu: lieux.nom,
      commune: lieux.commune,
      rubriques: signalements.rubriques,
      message: signalements.message,
      contact: signalements.contact,
      statut: signalements.statut,
      reponse: signalements.reponse,
      createdAt: signalements.createdAt,
    })
    .from(signalements)
    .innerJoin(lieux, eq(lieux.uid, signalements.lieuUid))
    .where(and(perimetre(compte), inArray(signalements.statut, [...statuts])))
    .orderBy(desc(signalements.createdAt), desc(signalements.id))
    .limit(limite)
  return lignes as SignalementVu[]
}

export async function signalementParId(db: Db, id: number): Promise<{ id: number; lieuUid: number; statut: string } | undefined> {
  const [ligne] = await db.select({ id: signalements.id, lieuUid: signalements.lieuUid, statut: signalements.statut }).from(signalements).where(eq(signalements.id, id)).limit(1)
  return ligne
}
