/**
 * What is held about one followed beneficiary: the history of their accompaniments (for their
 * file) and, for a right-of-access request (RGPD art. 15), everything — identity, consent,
 * socio-demographic data, accompaniments, referrals with what was shared. Nothing about other
 * people: a workshop's other participants are never listed, and its notes, which concern the
 * group, are not reproduced. The routes call these only for a file the mediator may see.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { activites, activitesBeneficiaires, beneficiaires, lieux, orientations, structures } from '../../platform/db/schema.ts'
import { estIdentifiant } from './beneficiaires.ts'

export interface Accompagnement {
  activiteId: string
  date: string
  type: string
  duree: number
  typeLieu: string
  thematiques: string[]
  /** The place's name (the mediator's place the activity is recorded for). */
  lieu: string | null
  /** The person's first accompaniment (a « nouveau bénéficiaire » in the statistics). */
  premier: boolean
}

/** The person's accompaniments, most recent first (deleted activities left out). */
export async function historique(db: Db, id: string): Promise<Accompagnement[]> {
  if (!estIdentifiant(id)) return []
  const lignes = await db
    .select({
      activiteId: activites.id,
      date: activites.date,
      type: activites.type,
      duree: activites.duree,
      typeLieu: activites.typeLieu,
      thematiques: activites.thematiques,
      lieu: lieux.nom,
      premier: activitesBeneficiaires.premier,
    })
    .from(activitesBeneficiaires)
    .innerJoin(activites, eq(activites.id, activitesBeneficiaires.activiteId))
    .leftJoin(lieux, eq(lieux.uid, activites.lieuUid))
    .where(and(eq(activitesBeneficiaires.beneficiaireId, id), isNull(activites.supprimeLe)))
    .orderBy(desc(activites.date), desc(activites.creeLe))
  return lignes
}

export interface DonneesPersonne {
  exporteLe: string
  beneficiaire: {
    id: string
    structure: string | null
    identite: { prenom: string | null; nom: string | null; telephone: string | null; courriel: string | null; anneeNaissance: number | null; adresse: string | null }
    notes: string | null
    consentement: { le: string | null; portee: string | null; recueil: string | null }
    donneesSocioDemographiques: { genre: string; trancheAge: string; statutSocial: string; communeResidence: string | null }
    creeLe: string
    misAJourLe: string
    anonymiseLe: string | null
  }
  accompagnements: Array<{
    date: string
    type: string
    duree: number
    typeLieu: string
    lieu: string | null
    commune: string | null
    thematiques: string[]
    thematiquesDemarche: string[]
    precisionsDemarche: string | null
    materiel: string[]
    autonomie: string | null
    structureDeRedirection: string | null
    titreAtelier: string | null
    /** The activity's notes; those of a workshop concern the group and are not reproduced. */
    notes: string | null
  }>
  orientations: Array<{
    le: string
    versLieu: string | null
    deLieu: string | null
    besoin: string
    /** What the person agreed to share with the receiving place. */
    partage: unknown
    consentementLe: string | null
    consentementRecueil: string | null
    statut: string
    reponse: string | null
  }>
}

/** Everything held about the person, or undefined when the file does not exist. */
export async function exporterDonnees(db: Db, id: string, maintenant = new Date()): Promise<DonneesPersonne | undefined> {
  if (!estIdentifiant(id)) return undefined
  const [b] = await db
    .select({ b: beneficiaires, structure: structures.nom })
    .from(beneficiaires)
    .leftJoin(structures, eq(structures.id, beneficiaires.structureId))
    .where(eq(beneficiaires.id, id))
  if (!b) return undefined
  const l = b.b
  const accompagnements = await db
    .select({ a: activites, lieu: lieux.nom })
    .from(activitesBeneficiaires)
    .innerJoin(activites, eq(activites.id, activitesBeneficiaires.activiteId))
    .leftJoin(lieux, eq(lieux.uid, activites.lieuUid))
    .where(and(eq(activitesBeneficiaires.beneficiaireId, id), isNull(activites.supprimeLe)))
    .orderBy(activites.date, activites.creeLe)
  const refs = await db
    .select({
      o: orientations,
      vers: sql<string | null>`(select nom from lieux where uid = ${orientations.versLieu})`,
      de: sql<string | null>`(select nom from lieux where uid = ${orientations.deLieu})`,
    })
    .from(orientations)
    .where(eq(orientations.beneficiaireId, id))
    .orderBy(orientations.creeLe)
  return {
    exporteLe: maintenant.toISOString(),
    beneficiaire: {
      id: l.id,
      structure: b.structure,
      identite: { prenom: l.prenom, nom: l.nom, telephone: l.telephone, courriel: l.courriel, anneeNaissance: l.anneeNaissance, adresse: l.adresse },
      notes: l.notes,
      consentement: { le: l.consentementLe, portee: l.consentementPortee, recueil: l.consentementRecueil },
      donneesSocioDemographiques: { genre: l.genre, trancheAge: l.trancheAge, statutSocial: l.statutSocial, communeResidence: l.communeResidence },
      creeLe: l.creeLe.toISOString(),
      misAJourLe: l.misAJourLe.toISOString(),
      anonymiseLe: l.anonymiseLe?.toISOString() ?? null,
    },
    accompagnements: accompagnements.map(({ a, lieu }) => ({
      date: a.date,
      type: a.type,
      duree: a.duree,
      typeLieu: a.typeLieu,
      lieu,
      commune: a.codeInsee,
      thematiques: a.thematiques,
      thematiquesDemarche: a.thematiquesDemarche,
      precisionsDemarche: a.precisionsDemarche,
      materiel: a.materiel,
      autonomie: a.autonomie,
      structureDeRedirection: a.structureRedirection,
      titreAtelier: a.titreAtelier,
      notes: a.type === 'individuel' ? a.notes : null,
    })),
    orientations: refs.map(({ o, vers, de }) => ({
      le: o.creeLe.toISOString(),
      versLieu: vers,
      deLieu: de,
      besoin: o.besoin,
      partage: o.partage,
      consentementLe: o.consentementLe,
      consentementRecueil: o.consentementRecueil,
      statut: o.statut,
      reponse: o.reponse,
    })),
  }
}
