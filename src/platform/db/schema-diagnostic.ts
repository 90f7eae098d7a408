/**
 * Tables of the pilotage capability « diagnostic » (issue 7), re-exported by `schema.ts` so that
 * drizzle-kit and the typed client see them. Migrations are generated from all schema files
 * with `npm run db:generate`.
 *
 * - `ifn`: the Indice de fragilité numérique of each commune and EPCI, as imported by
 *   `aiguillage ifn importer` (upsert by division and code; metrics 0–10, null when the file
 *   left the cell empty).
 * - `diagnostic_heures`: the weekly opening hours of an OSM `opening_hours` value in the reference
 *   week, keyed by the md5 of the value: computed once per distinct value, shared by every place
 *   with the same hours, never stale (the value alone determines the answer).
 */
import { sql } from 'drizzle-orm'
import { check, doublePrecision, pgTable, primaryKey, real, text, timestamp } from 'drizzle-orm/pg-core'

export const ifn = pgTable(
  'ifn',
  {
    /** `commune` or `epci`. */
    division: text('division').notNull(),
    /** INSEE code of a commune, SIREN of an EPCI. */
    code: text('code').notNull(),
    nom: text('nom').notNull(),
    sansThd: real('sans_thd'),
    sans4g: real('sans_4g'),
    pauvrete: real('pauvrete'),
    plus65: real('plus_65'),
    nonDiplomes: real('non_diplomes'),
    total: real('total'),
    /** File it came from (name only), and when. */
    fichier: text('fichier').notNull(),
    importeLe: timestamp('importe_le', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'ifn_pk', columns: [t.division, t.code] }), check('ifn_division_check', sql`${t.division} in ('commune', 'epci')`)],
)

export const diagnosticHeures = pgTable('diagnostic_heures', {
  /** md5 of the `opening_hours` value (`lieux.horaires`). */
  empreinte: text('empreinte').primaryKey(),
  /** Hours open in the reference week; 0 when the value cannot be read. */
  heures: doublePrecision('heures').notNull(),
})
