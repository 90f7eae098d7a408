/**
 * Keeps an import's report in the registry (`import_problemes`): every rejected row with its
 * reasons, every warning and correction, so that coordinators can read and download them later.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import type { LigneRapport } from './examen.ts'

const TAILLE_LOT = 5000

export async function enregistrerRapport(db: Db, importId: number, rapport: readonly LigneRapport[]): Promise<void> {
  for (let debut = 0; debut < rapport.length; debut += TAILLE_LOT) {
    const lot = rapport.slice(debut, debut + TAILLE_LOT).map((l, i) => ({ rang: debut + i, ligne: l.ligne, record_id: l.id, champ: l.champ, valeur: l.valeur, message: l.message, niveau: l.niveau }))
    await db.execute(sql`
      insert into import_problemes (import_id, rang, ligne, record_id, champ, valeur, message, niveau)
      select ${importId}, u.rang, u.ligne, u.record_id, u.champ, u.valeur, u.message, u.niveau
      from json_to_recordset(${JSON.stringify(lot)}::json) as u(rang int4, ligne int4, record_id text, champ text, valeur text, message text, niveau text)`)
  }
}
