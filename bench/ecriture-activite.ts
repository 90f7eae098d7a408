/**
 * The bulk writes of the activity benchmark's load: rows gathered column by column, sent as
 * `INSERT … SELECT FROM unnest($arrays)` (text arrays and JSON as text, cast in SQL), several
 * statements at once on a pool, each in a transaction that skips foreign-key triggers when the
 * role may (`session_replication_role = replica`) and does not wait for the disk
 * (`synchronous_commit = off`); and the secondary indexes of the big tables dropped during the
 * load, rebuilt after from their own definitions.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../src/platform/db/database.ts'

export const rangees = async (db: Db, requete: SQL): Promise<Array<Record<string, unknown>>> => ((await db.execute(requete)) as unknown as { rows: Array<Record<string, unknown>> }).rows

/** Rows kept as one array per column. */
export class Colonnes {
  private colonnes: unknown[][]
  constructor(private readonly n: number) {
    this.colonnes = Array.from({ length: n }, () => [])
  }
  get longueur(): number {
    return this.colonnes[0]?.length ?? 0
  }
  ajouter(...valeurs: unknown[]): void {
    for (let i = 0; i < this.n; i++) (this.colonnes[i] as unknown[]).push(valeurs[i])
  }
  vider(): unknown[][] {
    const c = this.colonnes
    this.colonnes = Array.from({ length: this.n }, () => [])
    return c
  }
}

/** Sends statements, `paralleles` at a time at most. */
export class Envoi {
  private readonly enVol = new Set<Promise<void>>()
  private constructor(
    private readonly db: Db,
    private readonly paralleles: number,
    private readonly sansDeclencheurs: boolean,
  ) {}

  static async ouvrir(db: Db, paralleles: number): Promise<Envoi> {
    let permis = true
    try {
      await db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`)
      })
    } catch {
      permis = false
    }
    return new Envoi(db, paralleles, permis)
  }

  private async envoyer(requete: SQL): Promise<void> {
    const travail = this.db.transaction(async (tx) => {
      if (this.sansDeclencheurs) await tx.execute(sql`set local session_replication_role = replica`)
      await tx.execute(sql`set local synchronous_commit = off`)
      await tx.execute(requete)
    })
    const p: Promise<void> = travail.finally(() => this.enVol.delete(p))
    p.catch(() => {}) // reported by the await below or by fin()
    this.enVol.add(p)
    if (this.enVol.size >= this.paralleles) await Promise.race(this.enVol)
  }

  activites(c: unknown[][]): Promise<void> {
    return this.envoyer(sql`
      insert into activites (id, mediateur_id, structure_id, lieu_uid, type, date, duree, type_lieu, code_insee, departement, thematiques, thematiques_demarche,
        precisions_demarche, materiel, autonomie, oriente_vers_structure, structure_redirection, titre_atelier, niveau, accompagnements, anonymes, source, cree_le, modifie_le)
      select id, med, st, lieu, ty, d, du, tl, insee, dep, th::text[], thd::text[], prec, mat::text[], aut, ori, red, tit, niv, acc, ano::jsonb, 'banc', cree, cree
      from unnest(${sql.param(c[0])}::uuid[], ${sql.param(c[1])}::int[], ${sql.param(c[2])}::int[], ${sql.param(c[3])}::int8[], ${sql.param(c[4])}::text[], ${sql.param(c[5])}::date[], ${sql.param(c[6])}::int[], ${sql.param(c[7])}::text[], ${sql.param(c[8])}::text[],
        ${sql.param(c[9])}::text[], ${sql.param(c[10])}::text[], ${sql.param(c[11])}::text[], ${sql.param(c[12])}::text[], ${sql.param(c[13])}::text[], ${sql.param(c[14])}::text[], ${sql.param(c[15])}::bool[], ${sql.param(c[16])}::text[], ${sql.param(c[17])}::text[],
        ${sql.param(c[18])}::text[], ${sql.param(c[19])}::int[], ${sql.param(c[20])}::text[], ${sql.param(c[21])}::timestamptz[])
        as t(id, med, st, lieu, ty, d, du, tl, insee, dep, th, thd, prec, mat, aut, ori, red, tit, niv, acc, ano, cree)`)
  }

  beneficiaires(c: unknown[][]): Promise<void> {
    return this.envoyer(sql`
      insert into beneficiaires (id, structure_id, cree_par, genre, tranche_age, statut_social, commune_residence, consentement_le, consentement_portee, consentement_recueil, cree_le, mis_a_jour_le)
      select id, st, par, g, a, s, res, le, 'structure', 'oral', cree, cree
      from unnest(${sql.param(c[0])}::uuid[], ${sql.param(c[1])}::int[], ${sql.param(c[2])}::int[], ${sql.param(c[3])}::text[], ${sql.param(c[4])}::text[], ${sql.param(c[5])}::text[], ${sql.param(c[6])}::text[], ${sql.param(c[7])}::date[], ${sql.param(c[8])}::timestamptz[])
        as t(id, st, par, g, a, s, res, le, cree)`)
  }

  liens(c: unknown[][]): Promise<void> {
    return this.envoyer(sql`insert into activites_beneficiaires (activite_id, beneficiaire_id, premier) select * from unnest(${sql.param(c[0])}::uuid[], ${sql.param(c[1])}::uuid[], ${sql.param(c[2])}::bool[])`)
  }

  cumuls(c: unknown[][]): Promise<void> {
    return this.envoyer(sql`
      insert into stats_mensuelles (mois, departement, code_insee, structure_id, lieu_uid, mediateur_id, type, dimension, valeur, accompagnements, activites)
      select * from unnest(${sql.param(c[0])}::date[], ${sql.param(c[1])}::text[], ${sql.param(c[2])}::text[], ${sql.param(c[3])}::int[], ${sql.param(c[4])}::int8[], ${sql.param(c[5])}::int[], ${sql.param(c[6])}::text[], ${sql.param(c[7])}::text[],
        ${sql.param(c[8])}::text[], ${sql.param(c[9])}::int8[], ${sql.param(c[10])}::int8[])`)
  }

  async fin(): Promise<void> {
    await Promise.all(this.enVol)
  }
}

const TABLES = ['activites', 'activites_beneficiaires', 'beneficiaires', 'stats_mensuelles']

/**
 * Drops the secondary indexes of the loaded tables (and the rollups' primary key, which no
 * foreign key uses); returns what rebuilds them, each from its own definition.
 */
export async function deposerIndex(db: Db, memoire = '512MB'): Promise<() => Promise<void>> {
  const index = await rangees(
    db,
    sql`select t.relname as table_nom, ic.relname as index_nom, pg_get_indexdef(i.indexrelid) as definition, c.conname as contrainte, pg_get_constraintdef(c.oid) as definition_contrainte
      from pg_index i join pg_class t on t.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
      left join pg_constraint c on c.conindid = i.indexrelid and c.conrelid = t.oid
      where t.relname in (${sql.join(TABLES.map((n) => sql`${n}`), sql`, `)}) and (not i.indisprimary or t.relname = 'stats_mensuelles')`,
  )
  for (const x of index) {
    if (x['contrainte']) await db.execute(sql.raw(`alter table ${String(x['table_nom'])} drop constraint ${String(x['contrainte'])}`))
    else await db.execute(sql.raw(`drop index ${String(x['index_nom'])}`))
  }
  return async () => {
    for (const x of index) {
      await db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local maintenance_work_mem = '${memoire}'`))
        if (x['contrainte']) await tx.execute(sql.raw(`alter table ${String(x['table_nom'])} add constraint ${String(x['contrainte'])} ${String(x['definition_contrainte'])}`))
        else await tx.execute(sql.raw(String(x['definition'])))
      })
    }
  }
}
