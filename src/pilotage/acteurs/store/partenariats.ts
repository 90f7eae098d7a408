/**
 * Partnerships between actors: those an import lists (upserted by source, actor, partner and
 * nature; those the source no longer lists are removed, except for its rows rejected this
 * time), those a coordinator enters or ends, and the partnerships of an actor in both
 * directions.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../../../platform/db/database.ts'
import type { LigneRapport as LigneDeRapport } from '../../../places/registry/examen.ts'
import type { PartenariatDeclare, PartenariatSaisi } from '../domaine/partenariats.ts'

type Lignes<T> = { rows: T[] }
const lignes = async <T>(db: Db, requete: ReturnType<typeof sql>): Promise<T[]> => ((await db.execute(requete)) as unknown as Lignes<T>).rows

export interface PartenariatImporte extends PartenariatDeclare {
  acteurId: number
  ligne: number
  recordId: string
}

export async function ecrirePartenariatsImportes(
  db: Db,
  sourceId: number,
  importId: number,
  declares: readonly PartenariatImporte[],
  rejetes: readonly string[],
): Promise<{ ecrits: number; problemes: LigneDeRapport[] }> {
  const problemes: LigneDeRapport[] = []
  let ecrits = 0
  for (const p of declares) {
    const [partenaire] = await lignes<{ id: number }>(db, sql`select id from acteurs where siret = ${p.siret} and statut <> 'fusionne' limit 1`)
    if (!partenaire || partenaire.id === p.acteurId) {
      problemes.push({
        ligne: p.ligne,
        id: p.recordId,
        champ: 'partenariats',
        valeur: `${p.siret}:${p.nature}`,
        message: partenaire ? 'Un acteur n’est pas son propre partenaire : partenariat ignoré.' : `Aucun acteur n’a le SIRET ${p.siret} : partenariat ignoré (importez d’abord le partenaire, ou ajoutez-le dans le même fichier).`,
        niveau: 'avertissement',
      })
      continue
    }
    await db.execute(sql`
      insert into partenariats (acteur_id, partenaire_id, nature, debut, fin, source_id, last_import_id)
      values (${p.acteurId}, ${partenaire.id}, ${p.nature}, ${p.debut}, ${p.fin}, ${sourceId}, ${importId})
      on conflict (source_id, acteur_id, partenaire_id, nature) where source_id is not null do update set
        last_import_id = excluded.last_import_id, debut = excluded.debut, fin = excluded.fin,
        updated_at = case when (partenariats.debut, partenariats.fin) is distinct from (excluded.debut, excluded.fin) then now() else partenariats.updated_at end`)
    ecrits++
  }
  // what the source no longer lists, except for its rows rejected this time (they keep their previous version)
  await db.execute(sql`
    delete from partenariats p where p.source_id = ${sourceId} and p.last_import_id <> ${importId}
      and not exists (select 1 from acteurs_enregistrements r where r.source_id = ${sourceId} and r.acteur_id = p.acteur_id
        and r.record_id in (select jsonb_array_elements_text(${JSON.stringify(rejetes)}::jsonb)))`)
  return { ecrits, problemes }
}

export interface Partenariat {
  id: number
  nature: string
  debut: string | null
  fin: string | null
  description: string | null
  /** The other actor, seen from the actor asked about. */
  autre: { id: number; nom: string; codeDepartement: string; codeInsee: string; commune: string }
  /** `sortant`: the actor asked about declared it; `entrant`: the other one did. */
  sens: 'sortant' | 'entrant'
  source: string | null
}

/** The partnerships of an actor, both directions, current first. */
export async function partenariatsDe(db: Db, acteurId: number): Promise<Partenariat[]> {
  const rows = await lignes<{
    id: number; nature: string; debut: string | null; fin: string | null; description: string | null; sens: 'sortant' | 'entrant'; source: string | null
    autre_id: number; autre_nom: string; autre_departement: string; autre_insee: string; autre_commune: string
  }>(
    db,
    sql`select p.id, p.nature, p.debut::text as debut, p.fin::text as fin, p.description, s.name as source,
        case when p.acteur_id = ${acteurId} then 'sortant' else 'entrant' end as sens,
        a.id as autre_id, a.nom as autre_nom, a.code_departement as autre_departement, a.code_insee as autre_insee, a.commune as autre_commune
      from partenariats p
      join acteurs a on a.id = case when p.acteur_id = ${acteurId} then p.partenaire_id else p.acteur_id end
      left join sources s on s.id = p.source_id
      where p.acteur_id = ${acteurId} or p.partenaire_id = ${acteurId}
      order by (p.fin is not null), a.nom, p.id`,
  )
  return rows.map((r) => ({
    id: r.id,
    nature: r.nature,
    debut: r.debut,
    fin: r.fin,
    description: r.description,
    sens: r.sens,
    source: r.source,
    autre: { id: r.autre_id, nom: r.autre_nom, codeDepartement: r.autre_departement, codeInsee: r.autre_insee, commune: r.autre_commune },
  }))
}

export async function ajouterPartenariat(db: Db, acteurId: number, partenaireId: number, p: PartenariatSaisi): Promise<number> {
  const [cree] = await lignes<{ id: number }>(
    db,
    sql`insert into partenariats (acteur_id, partenaire_id, nature, debut, fin, description) values (${acteurId}, ${partenaireId}, ${p.nature}, ${p.debut}, ${p.fin}, ${p.description}) returning id`,
  )
  if (!cree) throw new Error('Le partenariat n’a pas pu être enregistré.')
  return cree.id
}

/** Ends a partnership of `acteurId` (either side) on `fin`; false when it is not one of its partnerships. */
export async function terminerPartenariat(db: Db, acteurId: number, partenariatId: number, fin: string): Promise<boolean> {
  const r = await lignes<{ id: number }>(
    db,
    sql`update partenariats set fin = ${fin}, updated_at = now() where id = ${partenariatId} and (acteur_id = ${acteurId} or partenaire_id = ${acteurId}) returning id`,
  )
  return r.length > 0
}
