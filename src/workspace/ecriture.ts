/**
 * Writing places from the workspace, each change in one transaction with its audit line and
 * the notification that updates the search index of every server:
 * - an edit is a source record of the `espace` source (the person's whole place, kept as
 *   typed), and the place is recomposed from its records: the edit wins as the most recent,
 *   trusted, direct entry (see `saisieDirecte` in places/merge/survie.ts) and the place page
 *   says « Source : espace »;
 * - a proposed place is a new place `a_valider` (not public) with its `espace` record, or
 *   published at once when its author coordinates its territory;
 * - validating publishes it, refusing marks it `refuse` (kept, not public).
 */
import { and, eq, sql } from 'drizzle-orm'
import type { Base, Db } from '../platform/db/database.ts'
import { lieux, sourceRecords, sources } from '../platform/db/schema.ts'
import { inscrire, type Acteur } from '../audit/journal.ts'
import { differences } from '../audit/differences.ts'
import { notifierChangement } from '../places/registry/changements.ts'
import { recomposer, SOURCE_ESPACE } from '../places/registry/recomposition.ts'
import { versLieu, versLigne } from '../places/registry/rows.ts'
import { CHAMPS, type Lieu } from '../places/standard/fields.ts'
import { referentiel } from '../territories/referentiel.ts'

export class LieuIntrouvableError extends Error {}

async function sourceEspace(db: Db): Promise<number> {
  await db
    .insert(sources)
    .values({ name: SOURCE_ESPACE, producteur: 'Espace professionnel (gestionnaires et coordinateurs)', fiable: true, lecteur: 'standard' })
    .onConflictDoNothing({ target: sources.name })
  const [source] = await db.select({ id: sources.id }).from(sources).where(eq(sources.name, SOURCE_ESPACE))
  if (!source) throw new Error('La source « espace » n’a pas pu être créée.')
  return source.id
}

async function enregistrerSaisie(db: Db, uid: number, lieu: Lieu, origine: boolean): Promise<void> {
  const sourceId = await sourceEspace(db)
  const texte = JSON.stringify(lieu)
  await db
    .insert(sourceRecords)
    .values({ sourceId, recordId: `lieu-${uid}`, lieuUid: uid, lieuOrigine: origine ? uid : null, raw: sql`${texte}::json`, lieu: sql`${texte}::json`, retire: false, line: 0, receivedAt: new Date() })
    .onConflictDoUpdate({
      target: [sourceRecords.sourceId, sourceRecords.recordId],
      set: { lieuUid: uid, raw: sql`${texte}::json`, lieu: sql`${texte}::json`, retire: false, receivedAt: new Date() },
    })
}

const commune = (lieu: Lieu) => (lieu.code_insee ? (referentiel().communeActuelle(lieu.code_insee) ?? null) : null)

/** Saves an edit of a place (published or waiting); returns what changed (empty: nothing written). */
export async function modifierLieu(base: Base, acteur: Acteur, uid: number, saisi: Lieu): Promise<Record<string, [unknown, unknown]>> {
  return base.db.transaction(async (tx) => {
    const [ligne] = await tx.select().from(lieux).where(eq(lieux.uid, uid)).for('update').limit(1)
    if (!ligne || (ligne.statut !== 'publie' && ligne.statut !== 'a_valider')) throw new LieuIntrouvableError(`Le lieu n° ${uid} n’est pas modifiable.`)
    const avant = versLieu(ligne)
    const lieu: Lieu = { ...saisi, id: ligne.id }
    const changements = differences(avant as unknown as Record<string, unknown>, lieu as unknown as Record<string, unknown>, CHAMPS.filter((c) => c !== 'date_maj'))
    if (Object.keys(changements).length === 0 && avant.date_maj === lieu.date_maj) return {}
    await enregistrerSaisie(tx, uid, lieu, false)
    if (ligne.statut === 'publie') await recomposer(tx, [uid])
    else await tx.update(lieux).set({ ...versLigne(lieu, commune(lieu), ligne.demo), statut: 'a_valider' }).where(eq(lieux.uid, uid))
    await inscrire(tx, acteur, { action: 'lieu.modifie', objetType: 'lieu', objetId: uid, lieuUid: uid, changements })
    if (ligne.statut === 'publie') await notifierChangement(tx, { lieux: [uid] })
    return changements
  })
}

/** A new place from the workspace: waiting for validation, or published when `publier`. Returns its uid. */
export async function proposerLieu(base: Base, acteur: Acteur, saisi: Lieu, publier: boolean): Promise<number> {
  return base.db.transaction(async (tx) => {
    const { rows } = (await tx.execute(sql`select nextval(pg_get_serial_sequence('lieux', 'uid'))::int8 as uid`)) as unknown as { rows: Array<{ uid: number | string }> }
    const uid = Number(rows[0]?.uid)
    const lieu: Lieu = { ...saisi, id: `espace-${uid}` }
    await tx.insert(lieux).values({ ...versLigne(lieu, commune(lieu), false), uid, statut: publier ? 'publie' : 'a_valider' })
    await enregistrerSaisie(tx, uid, lieu, true)
    await inscrire(tx, acteur, { action: publier ? 'lieu.cree' : 'lieu.propose', objetType: 'lieu', objetId: uid, lieuUid: uid, changements: { nom: [null, lieu.nom] } })
    if (publier) await notifierChangement(tx, { lieux: [uid] })
    return uid
  })
}

/** Publishes (`valider`) or refuses a proposed place. Returns false when it was not waiting. */
export async function deciderLieu(base: Base, acteur: Acteur, uid: number, decision: 'valider' | 'refuser', motif?: string): Promise<boolean> {
  return base.db.transaction(async (tx) => {
    const statut = decision === 'valider' ? 'publie' : 'refuse'
    const faits = await tx
      .update(lieux)
      .set({ statut, updatedAt: new Date() })
      .where(and(eq(lieux.uid, uid), eq(lieux.statut, 'a_valider')))
      .returning({ uid: lieux.uid })
    if (faits.length === 0) return false
    await inscrire(tx, acteur, {
      action: decision === 'valider' ? 'lieu.valide' : 'lieu.refuse',
      objetType: 'lieu',
      objetId: uid,
      lieuUid: uid,
      changements: { statut: ['a_valider', statut], ...(motif ? { motif } : {}) },
    })
    if (decision === 'valider') await notifierChangement(tx, { lieux: [uid] })
    return true
  })
}
