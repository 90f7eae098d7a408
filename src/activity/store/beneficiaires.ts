/**
 * Followed beneficiaries in the database: created and edited by a mediator of their structure,
 * listed and read ONLY where `peutVoirIdentite` (domain/acces.ts) allows — the rule is applied in
 * SQL (structure among the mediator's, scope `structure` or created by the mediator, not
 * anonymised) and checked again on the row read. Erasure (`effacerIdentite`, and the retention
 * job through `effacerIdentites`) wipes the identity, the notes of the person's activities and
 * what their referrals shared, but keeps genre, age bracket, social status, commune of residence
 * and the links to activities: the statistics do not move. Audit lines name the file by its id,
 * never a person. The person's history and the export of their data: ./beneficiaires-donnees.ts.
 */
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { beneficiaires } from '../../platform/db/schema.ts'
import { sansAccents } from '../../platform/text.ts'
import { inscrire, type Acteur } from '../../audit/journal.ts'
import { trancheAgeSql } from '../stats/age.ts'
import { peutVoirIdentite, type MediateurStructures, type PorteeConsentement, type RecueilConsentement } from '../domain/acces.ts'
import type { SaisieBeneficiaire } from '../domain/beneficiaire.ts'
import type { Genre, StatutSocial, TrancheAge } from '../domain/vocabulaire.ts'
import { recalculerSuivis } from './suivis.ts'

export class BeneficiaireRefuseError extends Error {}

export interface BeneficiaireListe {
  id: string
  prenom: string
  nom: string
  anneeNaissance: number | null
  communeResidence: string | null
  misAJourLe: Date
  structureId: number
}

/** A file as its mediators see it. */
export interface FicheBeneficiaire extends SaisieBeneficiaire {
  id: string
  structureId: number
  creePar: number | null
  creeLe: Date
  misAJourLe: Date
}

export const estIdentifiant = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)

/** The SQL form of `peutVoirIdentite`: files this mediator may see. */
function visibles(mediateur: MediateurStructures): SQL | undefined {
  if (mediateur.structures.length === 0) return undefined
  return and(
    isNull(beneficiaires.anonymiseLe),
    inArray(beneficiaires.structureId, [...mediateur.structures]),
    or(eq(beneficiaires.consentementPortee, 'structure'), eq(beneficiaires.creePar, mediateur.id)),
  )
}

/**
 * Lower case without accents, in SQL (no `unaccent` extension in PGlite; `lower()` may leave
 * accented capitals alone under the C locale, so they are translated too).
 */
const AVEC = 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸ'
const SANS = 'aaaaaaceeeeiiiinooooouuuuyyaaaaaaceeeeiiiinooooouuuuyy'
const nomSansAccents = sql`lower(replace(replace(replace(replace(translate(coalesce(${beneficiaires.prenom}, '') || ' ' || coalesce(${beneficiaires.nom}, ''), ${AVEC}, ${SANS}), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'))`

function recherche(q: string | undefined): SQL | undefined {
  const mots = sansAccents((q ?? '').toLowerCase()).replace(/œ/g, 'oe').replace(/æ/g, 'ae').split(/[^a-z0-9'-]+/).filter((m) => m !== '').slice(0, 5)
  if (mots.length === 0) return undefined
  return and(...mots.map((m) => sql`${nomSansAccents} like ${`%${m.replace(/[\\%_]/g, '\\$&')}%`}`))
}

/**
 * The files a mediator may see, by name (`q`: words of the first or last name, accents and case
 * ignored), sorted by last then first name.
 */
export async function beneficiairesVisibles(db: Db, mediateur: MediateurStructures, options: { q?: string; limite: number; decalage?: number }): Promise<BeneficiaireListe[]> {
  const condition = visibles(mediateur)
  if (!condition) return []
  const lignes = await db
    .select({
      id: beneficiaires.id,
      prenom: beneficiaires.prenom,
      nom: beneficiaires.nom,
      anneeNaissance: beneficiaires.anneeNaissance,
      communeResidence: beneficiaires.communeResidence,
      misAJourLe: beneficiaires.misAJourLe,
      structureId: beneficiaires.structureId,
    })
    .from(beneficiaires)
    .where(and(condition, recherche(options.q)))
    .orderBy(sql`lower(${beneficiaires.nom})`, sql`lower(${beneficiaires.prenom})`, beneficiaires.id)
    .limit(options.limite)
    .offset(options.decalage ?? 0)
  return lignes.map((l) => ({ ...l, prenom: l.prenom ?? '', nom: l.nom ?? '' }))
}

export async function nombreBeneficiairesVisibles(db: Db, mediateur: MediateurStructures, q?: string): Promise<number> {
  const condition = visibles(mediateur)
  if (!condition) return 0
  const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(beneficiaires).where(and(condition, recherche(q)))
  return n?.n ?? 0
}

type Ligne = typeof beneficiaires.$inferSelect

function ficheDe(l: Ligne): FicheBeneficiaire {
  return {
    id: l.id,
    structureId: l.structureId,
    creePar: l.creePar,
    creeLe: l.creeLe,
    misAJourLe: l.misAJourLe,
    prenom: l.prenom ?? '',
    nom: l.nom ?? '',
    telephone: l.telephone,
    courriel: l.courriel,
    anneeNaissance: l.anneeNaissance,
    trancheAge: l.trancheAge as TrancheAge,
    genre: l.genre as Genre,
    statutSocial: l.statutSocial as StatutSocial,
    communeResidence: l.communeResidence,
    adresse: l.adresse,
    notes: l.notes,
    consentement: { le: l.consentementLe ?? '', portee: l.consentementPortee as PorteeConsentement, recueil: l.consentementRecueil as RecueilConsentement },
  }
}

/** A file the mediator may see, or undefined (unknown, anonymised or not allowed: the same answer). */
export async function beneficiaireVisible(db: Db, mediateur: MediateurStructures, id: string): Promise<FicheBeneficiaire | undefined> {
  const condition = visibles(mediateur)
  if (!condition || !estIdentifiant(id)) return undefined
  const [l] = await db.select().from(beneficiaires).where(and(eq(beneficiaires.id, id), condition))
  // the pure rule, once more, on what was read
  if (!l || !peutVoirIdentite(mediateur, { structureId: l.structureId, creePar: l.creePar, consentementPortee: l.consentementPortee, anonymiseLe: l.anonymiseLe })) return undefined
  return ficheDe(l)
}

const colonnes = (s: SaisieBeneficiaire) => ({
  prenom: s.prenom,
  nom: s.nom,
  telephone: s.telephone,
  courriel: s.courriel,
  anneeNaissance: s.anneeNaissance,
  trancheAge: s.trancheAge,
  genre: s.genre,
  statutSocial: s.statutSocial,
  communeResidence: s.communeResidence,
  adresse: s.adresse,
  notes: s.notes,
  consentementLe: s.consentement.le,
  consentementPortee: s.consentement.portee,
  consentementRecueil: s.consentement.recueil,
})

/** Records a followed beneficiary in one of the mediator's structures; returns its id. */
export async function creerBeneficiaire(db: Db, acteur: Acteur, mediateur: MediateurStructures, structureId: number, saisie: SaisieBeneficiaire): Promise<string> {
  if (!mediateur.structures.includes(structureId)) throw new BeneficiaireRefuseError('Vous ne suivez pas de bénéficiaires dans cette structure.')
  return db.transaction(async (tx) => {
    const [ligne] = await tx
      .insert(beneficiaires)
      .values({ ...colonnes(saisie), structureId, creePar: mediateur.id })
      .returning({ id: beneficiaires.id })
    if (!ligne) throw new Error('Le bénéficiaire n’a pas pu être enregistré.')
    await inscrire(tx, acteur, { action: 'beneficiaire.cree', objetType: 'beneficiaire', objetId: ligne.id })
    return ligne.id
  })
}

/**
 * Replaces the file's identity, data and consent. Returns the names of the fields that changed
 * (logged without their values), or undefined when the mediator may not see the file.
 */
export async function modifierBeneficiaire(db: Db, acteur: Acteur, mediateur: MediateurStructures, id: string, saisie: SaisieBeneficiaire): Promise<string[] | undefined> {
  return db.transaction(async (tx) => {
    if (!estIdentifiant(id)) return undefined
    await tx.execute(sql`select 1 from beneficiaires where id = ${id}::uuid for update`)
    const avant = await beneficiaireVisible(tx, mediateur, id)
    if (!avant) return undefined
    const nouvelles = colonnes(saisie)
    const anciennes = colonnes(avant)
    const champs = (Object.keys(nouvelles) as Array<keyof typeof nouvelles>).filter((c) => nouvelles[c] !== anciennes[c])
    if (champs.length === 0) return []
    await tx.update(beneficiaires).set({ ...nouvelles, misAJourLe: new Date() }).where(eq(beneficiaires.id, id))
    await recalculerSuivis(tx, [id])
    await inscrire(tx, acteur, { action: 'beneficiaire.modifie', objetType: 'beneficiaire', objetId: id, changements: { champs } })
    return champs
  })
}

export interface BilanEffacement {
  identites: number
  notes: number
  orientations: number
}

/**
 * THE erasure of identities, for a request and for the retention job (one piece of code): the
 * files matching `condition` (over `b`, the beneficiaries) lose their identity — the age
 * bracket is frozen at this year's — and are marked anonymised; the notes of their activities
 * and what their referrals shared are erased. Genre, bracket, status, commune and the links to
 * activities stay, so the statistics are unchanged.
 */
export async function effacerIdentites(db: Db, condition: SQL, maintenant: Date): Promise<BilanEffacement> {
  const annee = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', year: 'numeric' }).format(maintenant))
  const resultat = (await db.execute(sql`
    with cibles as (
      update beneficiaires b set
        tranche_age = ${trancheAgeSql(annee)},
        prenom = null, nom = null, telephone = null, courriel = null, adresse = null, notes = null, annee_naissance = null,
        anonymise_le = ${maintenant.toISOString()}::timestamptz
      where b.anonymise_le is null and (${condition})
      returning b.id, b.tranche_age
    ), suivis as (
      update stats_suivis s set tranche_age = c.tranche_age, annee_naissance = null
      from cibles c where s.beneficiaire_id = c.id
      returning s.beneficiaire_id
    ), notes as (
      update activites a set notes = null
      from activites_beneficiaires ab
      where ab.activite_id = a.id and ab.beneficiaire_id in (select id from cibles) and a.notes is not null
      returning a.id
    ), partages as (
      update orientations o set partage = null
      where o.beneficiaire_id in (select id from cibles) and o.partage is not null
      returning o.id
    )
    select (select count(*) from cibles)::int as identites, (select count(distinct id) from notes)::int as notes, (select count(*) from partages)::int as orientations`)) as unknown as { rows: Array<BilanEffacement> }
  const ligne = resultat.rows[0]
  return { identites: Number(ligne?.identites ?? 0), notes: Number(ligne?.notes ?? 0), orientations: Number(ligne?.orientations ?? 0) }
}

/** Erases one person's identity on request (the route checked the mediator may see the file). */
export async function effacerIdentite(db: Db, acteur: Acteur, id: string, maintenant = new Date()): Promise<boolean> {
  if (!estIdentifiant(id)) return false
  return db.transaction(async (tx) => {
    const bilan = await effacerIdentites(tx, sql`b.id = ${id}::uuid`, maintenant)
    if (bilan.identites === 0) return false
    await inscrire(tx, acteur, { action: 'beneficiaire.efface', objetType: 'beneficiaire', objetId: id, changements: { notes: bilan.notes, orientations: bilan.orientations } })
    return true
  })
}
