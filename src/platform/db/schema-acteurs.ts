/**
 * Tables of the pilotage capability « acteurs » (issue 7): the cartography of the organisations
 * of the network beyond places, re-exported by `schema.ts` so that drizzle-kit and the typed
 * client see them. Migrations are generated from all schema files with `npm run db:generate`.
 *
 * - `acteurs`: one organisation (type, SIRET, commune and territory, contact of the
 *   organisation, roles in the network, compétences), composed from its source records like a
 *   place (`provenance`: field → sources and dates); `structure_id` links an actor that runs
 *   places to the existing `structures` row (its places are that structure's places).
 * - `acteurs_enregistrements`: each accepted row exactly as received, keyed by (source, id in
 *   the source), with the actor as validated: what survivorship merges. A separate table from
 *   `source_records` (which belong to places): an import of places from a source must not
 *   withdraw the actors of the same source, nor the reverse.
 * - `partenariats`: a partnership between two actors (nature, dates, description), entered by
 *   hand (`source_id` null) or imported (the source that listed it).
 *
 * Imports of actors are rows of `imports` with `objets = 'acteurs'`; their reports go to
 * `import_problemes`. Foreign keys towards tables of `schema.ts` (`sources`, `imports`,
 * `structures`) are written by hand in the migration: importing `schema.ts` here would make an
 * import cycle.
 */
import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, json, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'

const horodatage = (nom: string) => timestamp(nom, { withTimezone: true, mode: 'date' })
const liste = (nom: string) => text(nom).array().notNull().default(sql`'{}'::text[]`)

export const acteurs = pgTable(
  'acteurs',
  {
    id: serial('id').primaryKey(),
    nom: text('nom').notNull(),
    /** See `TYPES_ACTEUR` in `src/pilotage/acteurs/domaine/vocabulaire.ts`. */
    type: text('type').notNull(),
    siret: text('siret'),
    adresse: text('adresse'),
    codePostal: text('code_postal'),
    commune: text('commune').notNull(),
    /** The current commune found in the official list (the territory derives from it). */
    codeInsee: text('code_insee').notNull(),
    codeDepartement: text('code_departement').notNull(),
    codeRegion: text('code_region').notNull(),
    siteWeb: text('site_web'),
    courriel: text('courriel'),
    telephone: text('telephone'),
    roles: liste('roles'),
    competences: liste('competences'),
    description: text('description'),
    dateMaj: date('date_maj', { mode: 'string' }).notNull(),
    /** The `structures` row of an actor running places (null otherwise). */
    structureId: integer('structure_id'),
    /** `publie`; `retire` when no source lists it any more; `fusionne` when merged into `fusionne_dans`. */
    statut: text('statut').notNull().default('publie'),
    fusionneDans: integer('fusionne_dans'),
    /** Field → the sources that gave its value, with their dates (`[{ source, date }]`). */
    provenance: jsonb('provenance').notNull().default(sql`'{}'::jsonb`),
    /** Name and commune without case nor accents, for the search of the list page. */
    texteRecherche: text('texte_recherche').notNull().default(''),
    demo: boolean('demo').notNull().default(false),
    createdAt: horodatage('created_at').notNull().defaultNow(),
    updatedAt: horodatage('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // one actor per SIRET among those not merged away
    uniqueIndex('acteurs_siret_idx').on(t.siret).where(sql`siret is not null and statut <> 'fusionne'`),
    uniqueIndex('acteurs_structure_idx').on(t.structureId),
    index('acteurs_departement_idx').on(t.codeDepartement),
    index('acteurs_commune_idx').on(t.codeInsee),
    check('acteurs_statut_check', sql`${t.statut} in ('publie', 'retire', 'fusionne')`),
  ],
)

export const acteursEnregistrements = pgTable(
  'acteurs_enregistrements',
  {
    sourceId: integer('source_id').notNull(),
    /** The row's `id` in its source. */
    recordId: text('record_id').notNull(),
    acteurId: integer('acteur_id').notNull(),
    /** The row as received (`json`: key order and text kept). */
    raw: json('raw').notNull(),
    /** The actor as validated from this record. */
    acteur: json('acteur').notNull(),
    /** The last import of its source no longer lists it. */
    retire: boolean('retire').notNull().default(false),
    line: integer('line').notNull(),
    firstImportId: integer('first_import_id'),
    lastImportId: integer('last_import_id'),
    receivedAt: horodatage('received_at').notNull(),
  },
  (t) => [primaryKey({ name: 'acteurs_enregistrements_pk', columns: [t.sourceId, t.recordId] }), index('acteurs_enregistrements_acteur_idx').on(t.acteurId)],
)

export const partenariats = pgTable(
  'partenariats',
  {
    id: serial('id').primaryKey(),
    acteurId: integer('acteur_id').notNull(),
    partenaireId: integer('partenaire_id').notNull(),
    /** `convention`, `financement`, `co-portage`, `orientation`, `reseau`. */
    nature: text('nature').notNull(),
    debut: date('debut', { mode: 'string' }),
    fin: date('fin', { mode: 'string' }),
    description: text('description'),
    /** The source whose file listed it; null when entered by hand. */
    sourceId: integer('source_id'),
    lastImportId: integer('last_import_id'),
    createdAt: horodatage('created_at').notNull().defaultNow(),
    updatedAt: horodatage('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('partenariats_acteur_idx').on(t.acteurId),
    index('partenariats_partenaire_idx').on(t.partenaireId),
    uniqueIndex('partenariats_source_idx').on(t.sourceId, t.acteurId, t.partenaireId, t.nature).where(sql`source_id is not null`),
    check('partenariats_nature_check', sql`${t.nature} in ('convention', 'financement', 'co-portage', 'orientation', 'reseau')`),
    check('partenariats_distincts_check', sql`${t.acteurId} <> ${t.partenaireId}`),
  ],
)
