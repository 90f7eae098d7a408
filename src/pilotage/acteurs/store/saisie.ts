/**
 * What a coordinator types: an actor created or edited in the pages is a record of the source
 * `saisie` (like any imported record), so that provenance and survivorship treat it like the
 * others — a coordinator's entry ranking first is the actor whole. One transaction writes the
 * record, recomposes the actor, links its structure and writes the audit line.
 */
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Db } from '../../../platform/db/database.ts'
import { inscrire, type Acteur as AuteurAudit } from '../../../audit/journal.ts'
import { sourceParNom } from '../../../places/registry/import.ts'
import { SOURCE_SAISIE } from '../domaine/fusion.ts'
import type { Acteur } from '../domaine/validation.ts'
import { ecrireEnregistrement, recomposer } from './ecriture.ts'
import { ajouterPartenariat, terminerPartenariat } from './partenariats.ts'
import type { PartenariatSaisi } from '../domaine/partenariats.ts'

/**
 * Creates (`acteurId` null) or edits an actor; `structureId` (undefined: unchanged; null:
 * unlinked) links it to the structure running its places. Returns the actor's id.
 */
export async function enregistrerSaisie(db: Db, auteur: AuteurAudit, acteurId: number | null, acteur: Acteur, structureId?: number | null): Promise<number> {
  return db.transaction(async (tx) => {
    const source = await sourceParNom(tx, { source: SOURCE_SAISIE, producteur: 'Coordination du territoire' })
    let recordId = `saisie-${randomUUID()}`
    if (acteurId !== null) {
      const existant = (await tx.execute(sql`select record_id from acteurs_enregistrements where source_id = ${source.id} and acteur_id = ${acteurId} limit 1`)) as unknown as {
        rows: Array<{ record_id: string }>
      }
      recordId = existant.rows[0]?.record_id ?? `acteur-${acteurId}`
    }
    const ecrit = await ecrireEnregistrement(tx, { id: source.id, demo: false }, null, { recordId, ligne: 0, brut: acteur, acteur }, acteurId ?? undefined)
    await recomposer(tx, ecrit.quitte === null ? [ecrit.acteurId] : [ecrit.acteurId, ecrit.quitte])
    if (structureId === null) await tx.execute(sql`update acteurs set structure_id = null where id = ${ecrit.acteurId}`)
    else if (structureId !== undefined) {
      await tx.execute(sql`update acteurs set structure_id = null where structure_id = ${structureId} and id <> ${ecrit.acteurId}`)
      await tx.execute(sql`update acteurs set structure_id = ${structureId} where id = ${ecrit.acteurId}`)
    }
    await inscrire(tx, auteur, {
      action: acteurId === null ? 'acteur.cree' : 'acteur.modifie',
      objetType: 'acteur',
      objetId: ecrit.acteurId,
      changements: { nom: acteur.nom, type: acteur.type, siret: acteur.siret, commune: acteur.code_insee, roles: acteur.roles, competences: acteur.competences, structure: structureId ?? null, ...(structureId === null && { structureDeliee: true }) },
    })
    return ecrit.acteurId
  })
}

export async function saisirPartenariat(db: Db, auteur: AuteurAudit, acteurId: number, partenaireId: number, p: PartenariatSaisi): Promise<number> {
  return db.transaction(async (tx) => {
    const id = await ajouterPartenariat(tx, acteurId, partenaireId, p)
    await inscrire(tx, auteur, { action: 'acteur.partenariat.ajoute', objetType: 'acteur', objetId: acteurId, changements: { partenariat: id, partenaire: partenaireId, nature: p.nature, debut: p.debut, fin: p.fin } })
    return id
  })
}

export async function finirPartenariat(db: Db, auteur: AuteurAudit, acteurId: number, partenariatId: number, fin: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await terminerPartenariat(tx, acteurId, partenariatId, fin))) return false
    await inscrire(tx, auteur, { action: 'acteur.partenariat.termine', objetType: 'acteur', objetId: acteurId, changements: { partenariat: partenariatId, fin } })
    return true
  })
}
