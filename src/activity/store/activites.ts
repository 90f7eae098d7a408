/**
 * Writing and reading activity reports (CRA). Each write is one transaction: the activity row,
 * its followed participants (with `premier`, their earliest accompaniment, recomputed), the
 * monthly rollups (old contributions subtracted, new ones added) and the audit line — which
 * names the activity, never a person. Deletion is soft (`supprime_le`): statistics forget the
 * activity, the row stays for the audit trail until the retention job.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { activites, activitesBeneficiaires, beneficiaires, lieux } from '../../platform/db/schema.ts'
import { inscrire, type Acteur } from '../../audit/journal.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { accompagnementsDe } from '../domain/comptage.ts'
import type { Activite, BeneficiaireAnonyme, ParticipantsAnonymes } from '../domain/validation.ts'
import { TYPES_LIEU_AVEC_COMMUNE, type Autonomie, type Materiel, type NiveauAtelier, type StructureDeRedirection, type Thematique, type ThematiqueDemarche, type TypeLieu } from '../domain/vocabulaire.ts'
import { changerCumuls, type CleCumul } from './cumuls.ts'
import { structureDuLieu } from './structures.ts'
import { recalculerSuivis } from './suivis.ts'

export interface SaisieActivite {
  activite: Activite
  mediateurId: number | null
  /** The mediator's place the activity is recorded for (where it happened for `lieu_activite`). */
  lieuUid: number
  source?: string
  idSource?: string
}

export class ActiviteRefuseeError extends Error {}

export type LigneActivite = typeof activites.$inferSelect

export interface ActiviteLue {
  ligne: LigneActivite
  activite: Activite
  suivis: string[]
}

/** An activity as stored, back to the domain's shape. */
export function activiteDeLigne(l: LigneActivite, suivis: readonly string[]): Activite {
  const typeLieu = l.typeLieu as TypeLieu
  const commune = {
    date: l.date,
    duree: l.duree,
    typeLieu,
    ...(typeLieu === 'lieu_activite' && l.lieuUid !== null && { lieu: String(l.lieuUid) }),
    ...(TYPES_LIEU_AVEC_COMMUNE.includes(typeLieu) && l.codeInsee !== null && { commune: l.codeInsee }),
    thematiques: l.thematiques as Thematique[],
    thematiquesDemarche: l.thematiquesDemarche as ThematiqueDemarche[],
    ...(l.precisionsDemarche !== null && { precisionsDemarche: l.precisionsDemarche }),
    materiel: l.materiel as Materiel[],
    ...(l.notes !== null && { notes: l.notes }),
  }
  if (l.type === 'individuel') {
    return {
      ...commune,
      type: 'individuel',
      ...(l.autonomie !== null && { autonomie: l.autonomie as Autonomie }),
      orienteVersStructure: l.orienteVersStructure,
      ...(l.structureRedirection !== null && { structureDeRedirection: l.structureRedirection as StructureDeRedirection }),
      ...(suivis[0] !== undefined ? { beneficiaireSuivi: suivis[0] } : { beneficiaireAnonyme: l.anonymes as BeneficiaireAnonyme }),
    }
  }
  return {
    ...commune,
    type: 'collectif',
    ...(l.titreAtelier !== null && { titreAtelier: l.titreAtelier }),
    ...(l.niveau !== null && { niveau: l.niveau as NiveauAtelier }),
    beneficiairesSuivis: [...suivis],
    participants: l.anonymes as ParticipantsAnonymes,
  }
}

export const suivisDe = (a: Activite): string[] => (a.type === 'individuel' ? (a.beneficiaireSuivi !== undefined ? [a.beneficiaireSuivi] : []) : [...new Set(a.beneficiairesSuivis)])

/** Where a place is, for an activity's commune and département. */
export interface LieuSituation {
  commune: string | null
  departement: string | null
}

/** The columns of an activity (everything but ids and dates of the row), for its place and structure. */
export function valeursActivite(saisie: SaisieActivite, lieu: LieuSituation, structureId: number) {
  const { activite: a, lieuUid } = saisie
  if (a.typeLieu === 'lieu_activite' && a.lieu !== undefined && a.lieu !== String(lieuUid)) throw new ActiviteRefuseeError("Le lieu d'activité ne correspond pas au lieu choisi.")
  const ailleurs = TYPES_LIEU_AVEC_COMMUNE.includes(a.typeLieu) && a.commune !== undefined
  const communeDonnee = ailleurs ? referentiel().communeActuelle(a.commune as string) : undefined
  return {
    mediateurId: saisie.mediateurId,
    structureId,
    lieuUid,
    type: a.type,
    date: a.date,
    duree: a.duree,
    typeLieu: a.typeLieu,
    codeInsee: ailleurs ? (communeDonnee?.code ?? a.commune ?? null) : lieu.commune,
    departement: ailleurs ? (communeDonnee?.departement ?? null) : lieu.departement,
    thematiques: a.thematiques,
    thematiquesDemarche: a.thematiquesDemarche,
    precisionsDemarche: a.precisionsDemarche ?? null,
    materiel: a.materiel,
    notes: a.notes ?? null,
    autonomie: a.type === 'individuel' ? (a.autonomie ?? null) : null,
    orienteVersStructure: a.type === 'individuel' && a.orienteVersStructure,
    structureRedirection: a.type === 'individuel' ? (a.structureDeRedirection ?? null) : null,
    titreAtelier: a.type === 'collectif' ? (a.titreAtelier ?? null) : null,
    niveau: a.type === 'collectif' ? (a.niveau ?? null) : null,
    accompagnements: accompagnementsDe(a),
    anonymes: a.type === 'individuel' ? (a.beneficiaireAnonyme ?? null) : a.participants,
    source: saisie.source ?? 'saisie',
    idSource: saisie.idSource ?? null,
  }
}

/** The situation of places (one query), place → commune and département. */
export async function situerLieux(db: Db, uids: readonly number[]): Promise<Map<number, LieuSituation>> {
  if (uids.length === 0) return new Map()
  const lignes = await db.select({ uid: lieux.uid, commune: lieux.communeResolue, departement: lieux.codeDepartement }).from(lieux).where(inArray(lieux.uid, [...uids]))
  return new Map(lignes.map((l) => [l.uid, { commune: l.commune, departement: l.departement }]))
}

async function colonnes(db: Db, saisie: SaisieActivite) {
  const lieu = (await situerLieux(db, [saisie.lieuUid])).get(saisie.lieuUid)
  if (!lieu) throw new ActiviteRefuseeError(`Le lieu n° ${saisie.lieuUid} n’existe pas.`)
  return valeursActivite(saisie, lieu, await structureDuLieu(db, saisie.lieuUid))
}

export const cleDe = (c: { date: string; departement: string | null; codeInsee: string | null; structureId: number; lieuUid: number | null; mediateurId: number | null }): CleCumul => ({
  date: c.date,
  departement: c.departement,
  codeInsee: c.codeInsee,
  structureId: c.structureId,
  lieuUid: c.lieuUid,
  mediateurId: c.mediateurId,
})

/** Followed participants must be beneficiaries of the activity's structure, not anonymised. */
async function verifierSuivis(db: Db, ids: readonly string[], structureId: number): Promise<void> {
  if (ids.length === 0) return
  const trouves = await db
    .select({ id: beneficiaires.id })
    .from(beneficiaires)
    .where(and(inArray(beneficiaires.id, [...ids]), eq(beneficiaires.structureId, structureId), isNull(beneficiaires.anonymiseLe)))
  if (trouves.length !== ids.length) throw new ActiviteRefuseeError('Un bénéficiaire suivi est introuvable dans votre structure.')
}

/**
 * After these beneficiaries' participations changed: `premier` (each one's earliest
 * accompaniment, by date, then recording), then their rows of `stats_suivis`.
 */
async function recalculerPremiers(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  await db.execute(sql`
    update activites_beneficiaires ab set premier = coalesce(ab.activite_id = (
      select x.activite_id from activites_beneficiaires x join activites a on a.id = x.activite_id
      where x.beneficiaire_id = ab.beneficiaire_id and a.supprime_le is null
      order by a.date, a.cree_le, a.id limit 1), false)
    where ab.beneficiaire_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`)
  await recalculerSuivis(db, ids)
}

async function lier(db: Db, activiteId: string, suivis: readonly string[]): Promise<void> {
  if (suivis.length === 0) return
  await db.insert(activitesBeneficiaires).values(suivis.map((beneficiaireId) => ({ activiteId, beneficiaireId })))
  // an accompaniment keeps a followed person's file alive (retention counts from the last one)
  await db.update(beneficiaires).set({ misAJourLe: new Date() }).where(inArray(beneficiaires.id, [...suivis]))
}

/** Records an activity; returns its id. */
export async function enregistrerActivite(db: Db, acteur: Acteur, saisie: SaisieActivite): Promise<string> {
  return db.transaction(async (tx) => {
    const valeurs = await colonnes(tx, saisie)
    const suivis = suivisDe(saisie.activite)
    await verifierSuivis(tx, suivis, valeurs.structureId)
    const [ligne] = await tx
      .insert(activites)
      .values(valeurs)
      .returning({ id: activites.id })
    if (!ligne) throw new Error('L’activité n’a pas pu être enregistrée.')
    await lier(tx, ligne.id, suivis)
    await recalculerPremiers(tx, suivis)
    await changerCumuls(tx, undefined, { cle: cleDe(valeurs), activite: saisie.activite })
    await inscrire(tx, acteur, { action: 'activite.creee', objetType: 'activite', objetId: ligne.id, lieuUid: saisie.lieuUid, changements: { type: saisie.activite.type, date: saisie.activite.date } })
    return ligne.id
  })
}

/** The followed participants of activities, activity → beneficiaries. */
export async function lireSuivis(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  const resultat = new Map<string, string[]>()
  if (ids.length === 0) return resultat
  const liens = await db.select().from(activitesBeneficiaires).where(inArray(activitesBeneficiaires.activiteId, [...ids]))
  for (const l of liens) resultat.set(l.activiteId, [...(resultat.get(l.activiteId) ?? []), l.beneficiaireId])
  return resultat
}

/** A stored, not deleted activity. */
export async function activiteParId(db: Db, id: string): Promise<ActiviteLue | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const [ligne] = await db.select().from(activites).where(and(eq(activites.id, id), isNull(activites.supprimeLe)))
  if (!ligne) return undefined
  const suivis = (await lireSuivis(db, [id])).get(id) ?? []
  return { ligne, activite: activiteDeLigne(ligne, suivis), suivis }
}

/** Replaces an activity by a new version (same id); the rollups move from the old to the new. */
export async function modifierActivite(db: Db, acteur: Acteur, id: string, saisie: SaisieActivite): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from activites where id = ${id}::uuid for update`)
    const avant = await activiteParId(tx, id)
    if (!avant) throw new ActiviteRefuseeError('Cette activité n’existe pas ou a été supprimée.')
    const valeurs = await colonnes(tx, saisie)
    const suivis = suivisDe(saisie.activite)
    await verifierSuivis(tx, suivis.filter((s) => !avant.suivis.includes(s)), valeurs.structureId)
    const { source: _source, idSource: _idSource, ...modifiables } = valeurs
    await tx.update(activites).set({ ...modifiables, modifieLe: new Date() }).where(eq(activites.id, id))
    await tx.delete(activitesBeneficiaires).where(eq(activitesBeneficiaires.activiteId, id))
    await lier(tx, id, suivis)
    await recalculerPremiers(tx, [...new Set([...avant.suivis, ...suivis])])
    await changerCumuls(tx, { cle: cleDe(avant.ligne), activite: avant.activite }, { cle: cleDe(valeurs), activite: saisie.activite })
    await inscrire(tx, acteur, { action: 'activite.modifiee', objetType: 'activite', objetId: id, lieuUid: saisie.lieuUid, changements: { type: saisie.activite.type, date: [avant.activite.date, saisie.activite.date] } })
  })
}

/** Soft-deletes an activity: it leaves the statistics. Returns false when it was already gone. */
export async function supprimerActivite(db: Db, acteur: Acteur, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from activites where id = ${id}::uuid for update`)
    const avant = await activiteParId(tx, id)
    if (!avant) return false
    await tx.update(activites).set({ supprimeLe: new Date() }).where(eq(activites.id, id))
    await recalculerPremiers(tx, avant.suivis)
    await changerCumuls(tx, { cle: cleDe(avant.ligne), activite: avant.activite }, undefined)
    await inscrire(tx, acteur, { action: 'activite.supprimee', objetType: 'activite', objetId: id, lieuUid: avant.ligne.lieuUid, changements: { type: avant.activite.type, date: avant.activite.date } })
    return true
  })
}

/** A mediator's activities, most recent first. */
export async function activitesDuMediateur(db: Db, mediateurId: number, options: { limite: number; decalage?: number }): Promise<ActiviteLue[]> {
  const lignes = await db
    .select()
    .from(activites)
    .where(and(eq(activites.mediateurId, mediateurId), isNull(activites.supprimeLe)))
    .orderBy(desc(activites.date), desc(activites.creeLe))
    .limit(options.limite)
    .offset(options.decalage ?? 0)
  const suivis = await lireSuivis(db, lignes.map((l) => l.id))
  return lignes.map((ligne) => ({ ligne, suivis: suivis.get(ligne.id) ?? [], activite: activiteDeLigne(ligne, suivis.get(ligne.id) ?? []) }))
}

export async function nombreActivitesDuMediateur(db: Db, mediateurId: number): Promise<number> {
  const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(activites).where(and(eq(activites.mediateurId, mediateurId), isNull(activites.supprimeLe)))
  return n?.n ?? 0
}
