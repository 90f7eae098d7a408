/** The source registry: each source with its producer, licence, trust, last import and counts. */
import { sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import type { LigneDeRapport } from '../io/rapport.ts'

export interface SourceDuRegistre {
  nom: string
  producteur: string | null
  licence: string | null
  fiable: boolean
  demo: boolean
  enregistrements: number
  lieuxPublies: number
  derniereImportation: Date | null
  dernierImportId: number | null
  dernierFichier: string | null
  lecteur: string | null
  lus: number
  acceptes: number
  rejetes: number
}

export async function registreDesSources(db: Db): Promise<SourceDuRegistre[]> {
  const { rows } = (await db.execute(sql`
    select s.name, s.producteur, s.licence, s.fiable, s.demo, s.lecteur,
      (select count(*)::int from source_records r where r.source_id = s.id and not r.retire) as enregistrements,
      (select count(distinct r.lieu_uid)::int from source_records r join lieux l on l.uid = r.lieu_uid where r.source_id = s.id and not r.retire and l.statut = 'publie') as publies,
      i.id as import_id, i.finished_at, i.file_name, i.rows_read, i.rows_accepted, i.rows_rejected
    from sources s
    left join lateral (select * from imports i where i.source_id = s.id and i.objets = 'lieux' order by i.id desc limit 1) i on true
    order by s.name`)) as unknown as {
    rows: Array<{
      name: string; producteur: string | null; licence: string | null; fiable: boolean; demo: boolean; lecteur: string | null
      enregistrements: number; publies: number; import_id: number | null; finished_at: string | Date | null; file_name: string | null
      rows_read: number | null; rows_accepted: number | null; rows_rejected: number | null
    }>
  }
  return rows.map((r) => ({
    nom: r.name,
    producteur: r.producteur,
    licence: r.licence,
    fiable: r.fiable,
    demo: r.demo,
    enregistrements: r.enregistrements,
    lieuxPublies: r.publies,
    derniereImportation: r.finished_at ? new Date(r.finished_at) : null,
    dernierImportId: r.import_id,
    dernierFichier: r.file_name,
    lecteur: r.lecteur,
    lus: r.rows_read ?? 0,
    acceptes: r.rows_accepted ?? 0,
    rejetes: r.rows_rejected ?? 0,
  }))
}

export type ProblemeEnregistre = LigneDeRapport

/** The report of an import, rejected rows first (`niveau = erreur`) when `rejetsSeulement`. */
export async function rapportDeLImport(db: Db, importId: number, rejetsSeulement: boolean): Promise<ProblemeEnregistre[]> {
  const { rows } = (await db.execute(sql`
    select ligne, record_id as id, champ, valeur, message, niveau from import_problemes
    where import_id = ${importId} ${rejetsSeulement ? sql`and niveau = 'erreur'` : sql``}
    order by rang`)) as unknown as { rows: ProblemeEnregistre[] }
  return rows
}
