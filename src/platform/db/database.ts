/**
 * Opens the database: embedded PGlite in a data folder by default, PostgreSQL when a connection
 * string is given. Both speak the same SQL through Drizzle; migrations are applied on opening.
 */
import { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { verrouiller } from './lock.ts'
import { ecouterPglite, ecouterPostgres, type Ecoute, type Rappel } from './notifications.ts'
import { migrer } from './migrate.ts'
import * as schema from './schema.ts'

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>

export interface Base {
  db: Db
  moteur: 'pglite' | 'postgresql'
  /** Where the data is, for messages: the folder, or the server without credentials. */
  emplacement: string
  /** Migrations this opening applied (empty when the schema was up to date). */
  migrationsAppliquees: string[]
  /**
   * Listens to a notification channel (`pg_notify`); `perdu` is called when notifications may
   * have been missed (connection lost then restored).
   */
  ecouter(canal: string, rappel: Rappel, perdu?: () => void): Promise<Ecoute>
  fermer(): Promise<void>
}

export interface OptionsBase {
  /** PostgreSQL connection string; absent → PGlite. */
  url?: string | undefined
  /** PGlite data folder; absent (with no url) → in memory, for tests. */
  dossier?: string | undefined
  /** Apply migrations (default true). */
  migrer?: boolean
}

/** A connection string without its password, for logs and messages. */
export function sansSecret(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'postgresql://…'
  }
}

export async function ouvrirBase(options: OptionsBase): Promise<Base> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 })
    pool.on('error', () => {
      // an idle client lost its connection: the pool replaces it; queries report their own errors
    })
    let migrationsAppliquees: string[] = []
    if (options.migrer !== false) {
      const client = await pool.connect()
      try {
        migrationsAppliquees = await migrer(client)
      } finally {
        client.release()
      }
    }
    return {
      db: drizzlePg(pool, { schema }) as unknown as Db,
      moteur: 'postgresql',
      emplacement: sansSecret(options.url),
      migrationsAppliquees,
      ecouter: (canal, rappel, perdu = () => {}) => ecouterPostgres(options.url as string, canal, rappel, perdu),
      fermer: () => pool.end(),
    }
  }
  const liberer = options.dossier ? verrouiller(options.dossier) : () => {}
  try {
    const pglite = await PGlite.create(options.dossier ? { dataDir: options.dossier } : {})
    const migrationsAppliquees = options.migrer !== false ? await migrer(pglite) : []
    return {
      db: drizzlePglite(pglite, { schema }) as unknown as Db,
      moteur: 'pglite',
      emplacement: options.dossier ?? 'mémoire',
      migrationsAppliquees,
      ecouter: (canal, rappel) => ecouterPglite(pglite, canal, rappel),
      fermer: async () => {
        await pglite.close()
        liberer()
      },
    }
  } catch (erreur) {
    liberer()
    throw erreur
  }
}
