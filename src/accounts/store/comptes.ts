/**
 * Accounts in the database: creating one (invited, or the first administrator), reading it
 * with its roles (territories resolved against the official list), activating it with a
 * password, disabling it, listing the accounts an administrator or a coordinator may see.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { habilitations, utilisateurs } from '../../platform/db/schema.ts'
import { lieuxSitues } from '../../places/registry/queries.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { lireTerritoire, type Territoire } from '../../territories/territoire.ts'
import type { Compte, Habilitation, Role } from '../roles.ts'

export type StatutCompte = 'invite' | 'actif' | 'desactive'

export interface LigneCompte {
  id: number
  courriel: string
  nom: string
  statut: StatutCompte
  motDePasse: string | null
  totpSecret: string | null
  totpActif: boolean
  totpDernierPas: number | null
}

/** E-mails are compared in lower case, without surrounding spaces. */
export const normaliserCourriel = (courriel: string): string => courriel.trim().toLowerCase()

/** The territory written in a role (`departement:73`), or null when the official list no longer knows it. */
function territoireDe(code: string | null): Territoire | null {
  if (code === null) return null
  try {
    return lireTerritoire(code, referentiel())
  } catch {
    return null
  }
}

/** How a territory is written in a role: `departement:73`, `epci:200068674`. */
export const codeTerritoire = (t: Territoire): string => `${t.type}:${t.code}`

export async function compteParCourriel(db: Db, courriel: string): Promise<LigneCompte | undefined> {
  const [ligne] = await db.select().from(utilisateurs).where(eq(utilisateurs.courriel, normaliserCourriel(courriel))).limit(1)
  return ligne as LigneCompte | undefined
}

export async function compteParId(db: Db, id: number): Promise<LigneCompte | undefined> {
  const [ligne] = await db.select().from(utilisateurs).where(eq(utilisateurs.id, id)).limit(1)
  return ligne as LigneCompte | undefined
}

async function habilitationsDe(db: Db, ids: readonly number[]): Promise<Map<number, Habilitation[]>> {
  const par = new Map<number, Habilitation[]>()
  if (ids.length === 0) return par
  const lignes = await db.select().from(habilitations).where(inArray(habilitations.utilisateurId, [...ids])).orderBy(asc(habilitations.id))
  for (const h of lignes) {
    const liste = par.get(h.utilisateurId) ?? []
    liste.push({ id: h.id, role: h.role as Role, territoire: territoireDe(h.territoire), lieuUid: h.lieuUid })
    par.set(h.utilisateurId, liste)
  }
  return par
}

/** An active account with its roles, as the rules see it. */
export async function compteActif(db: Db, id: number): Promise<Compte | undefined> {
  const ligne = await compteParId(db, id)
  if (!ligne || ligne.statut !== 'actif') return undefined
  const roles = await habilitationsDe(db, [id])
  return { id: ligne.id, courriel: ligne.courriel, nom: ligne.nom, totpActif: ligne.totpActif, habilitations: roles.get(id) ?? [] }
}

/** A new invited account (no password yet), or the existing one of that e-mail. */
export async function creerOuRetrouver(db: Db, courriel: string, nom: string): Promise<LigneCompte> {
  const existant = await compteParCourriel(db, courriel)
  if (existant) return existant
  const [ligne] = await db
    .insert(utilisateurs)
    .values({ courriel: normaliserCourriel(courriel), nom: nom.trim() })
    .returning()
  return ligne as LigneCompte
}

/** A role as stored: the administrator, a coordinator of a territory (`departement:73`), a manager or mediator of a place. */
export type RoleDonne = { role: 'administrateur' } | { role: 'coordinateur'; territoire: string } | { role: 'gestionnaire' | 'mediateur'; lieuUid: number }

/** Gives a role (nothing when the account already has exactly it). Returns whether it was added. */
export async function ajouterRole(db: Db, utilisateurId: number, role: RoleDonne): Promise<boolean> {
  const territoire = role.role === 'coordinateur' ? role.territoire : null
  const lieuUid = role.role === 'gestionnaire' || role.role === 'mediateur' ? role.lieuUid : null
  const deja = await db
    .select({ id: habilitations.id })
    .from(habilitations)
    .where(
      and(
        eq(habilitations.utilisateurId, utilisateurId),
        eq(habilitations.role, role.role),
        territoire === null ? sql`${habilitations.territoire} is null` : eq(habilitations.territoire, territoire),
        lieuUid === null ? sql`${habilitations.lieuUid} is null` : eq(habilitations.lieuUid, lieuUid),
      ),
    )
    .limit(1)
  if (deja.length > 0) return false
  await db.insert(habilitations).values({ utilisateurId, role: role.role, territoire, lieuUid })
  return true
}

export async function retirerRole(db: Db, habilitationId: number): Promise<void> {
  await db.delete(habilitations).where(eq(habilitations.id, habilitationId))
}

export async function definirMotDePasse(db: Db, id: number, empreinte: string, nom?: string): Promise<void> {
  await db
    .update(utilisateurs)
    .set({ motDePasse: empreinte, statut: sql`case when ${utilisateurs.statut} = 'desactive' then 'desactive' else 'actif' end`, ...(nom !== undefined && { nom }) })
    .where(eq(utilisateurs.id, id))
}

export async function changerStatut(db: Db, id: number, statut: StatutCompte): Promise<void> {
  await db.update(utilisateurs).set({ statut }).where(eq(utilisateurs.id, id))
}

export async function noterConnexion(db: Db, id: number): Promise<void> {
  await db.update(utilisateurs).set({ derniereConnexion: new Date() }).where(eq(utilisateurs.id, id))
}

export async function enregistrerTotp(db: Db, id: number, valeurs: { totpSecret?: string | null; totpActif?: boolean; totpDernierPas?: number | null }): Promise<void> {
  await db.update(utilisateurs).set(valeurs).where(eq(utilisateurs.id, id))
}

/** Records the TOTP step just accepted, only if it is later than the last one (no replay, even between two servers). */
export async function consommerPasTotp(db: Db, id: number, pas: number): Promise<boolean> {
  const lignes = await db
    .update(utilisateurs)
    .set({ totpDernierPas: pas })
    .where(and(eq(utilisateurs.id, id), sql`coalesce(${utilisateurs.totpDernierPas}, -1) < ${pas}`))
    .returning({ id: utilisateurs.id })
  return lignes.length > 0
}

export interface CompteListe {
  id: number
  courriel: string
  nom: string
  statut: StatutCompte
  totpActif: boolean
  derniereConnexion: Date | null
  habilitations: Habilitation[]
  /** Names of the places of its place roles. */
  nomsLieux: Map<number, string>
}

/** Every account (administrators' view), or those with a role on the given places or territories. */
export async function listerComptes(db: Db, filtre?: (h: Habilitation, lieu: { communeResolue: string | null; codeDepartement: string | null; codeRegion: string | null } | undefined) => boolean): Promise<CompteListe[]> {
  const lignes = await db.select().from(utilisateurs).orderBy(asc(utilisateurs.courriel))
  const roles = await habilitationsDe(
    db,
    lignes.map((l) => l.id),
  )
  const uids = [...new Set([...roles.values()].flat().flatMap((h) => (h.lieuUid === null ? [] : [h.lieuUid])))]
  const situes = await lieuxSitues(db, uids)
  const parUid = new Map(situes.map((l) => [l.uid, l]))
  const resultat: CompteListe[] = []
  for (const l of lignes) {
    const hs = roles.get(l.id) ?? []
    if (filtre && !hs.some((h) => filtre(h, h.lieuUid === null ? undefined : parUid.get(h.lieuUid)))) continue
    resultat.push({
      id: l.id,
      courriel: l.courriel,
      nom: l.nom,
      statut: l.statut as StatutCompte,
      totpActif: l.totpActif,
      derniereConnexion: l.derniereConnexion,
      habilitations: hs,
      nomsLieux: new Map(hs.flatMap((h) => (h.lieuUid !== null && parUid.has(h.lieuUid) ? [[h.lieuUid, parUid.get(h.lieuUid)?.nom ?? ''] as const] : []))),
    })
  }
  return resultat
}

/** The active accounts that manage a place, to remind them. */
export async function gestionnairesDuLieu(db: Db, lieuUid: number): Promise<Array<{ id: number; courriel: string; nom: string }>> {
  return db
    .select({ id: utilisateurs.id, courriel: utilisateurs.courriel, nom: utilisateurs.nom })
    .from(habilitations)
    .innerJoin(utilisateurs, eq(utilisateurs.id, habilitations.utilisateurId))
    .where(and(eq(habilitations.lieuUid, lieuUid), eq(habilitations.role, 'gestionnaire'), eq(utilisateurs.statut, 'actif')))
}
