/**
 * Tables of the pilotage capabilities « feuille de route » and « indicateurs » (issue 7),
 * re-exported by `schema.ts` so that drizzle-kit and the typed client see them.
 *
 * - `feuilles_de_route`: a territory's roadmap (territory written like `habilitations.territoire`:
 *   `departement:73`), its title and period; `axes` (ordered) and their `actions` (owner,
 *   partners, budget and co-funding in euro cents, dates, status, progress). « En retard » is
 *   derived (end date passed, not finished), never stored.
 * - `indicateurs`: a territory's indicators — computed (a code of the catalogue
 *   `src/pilotage/indicateurs/catalogue/` and its parameters) or entered by hand (label, unit,
 *   mandatory source) — with baseline, target and direction; `mesures`: their dated values (a
 *   computed indicator's snapshots, or what a coordinator recorded), with source and author;
 *   `actions_indicateurs`: which indicators follow which actions; `actions_partenaires`: an
 *   action's partners chosen among the actors (`acteurs`; free-text ones in `actions.partenaires`).
 * - `qpv`: the official list of priority neighbourhoods (code, name, commune, centre);
 *   `communes_densite`: INSEE's « grille communale de densité » (levels 1 to 7), both imported
 *   by the command line (`aiguillage qpv importer`, `aiguillage densite importer`).
 */
import { sql } from 'drizzle-orm'
import { bigint, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'

import { acteurs } from './schema-acteurs.ts'

const horodatage = (nom: string) => timestamp(nom, { withTimezone: true, mode: 'date' })

export const feuillesDeRoute = pgTable(
  'feuilles_de_route',
  {
    id: serial('id').primaryKey(),
    territoire: text('territoire').notNull(),
    titre: text('titre').notNull(),
    debut: date('debut', { mode: 'string' }).notNull(),
    fin: date('fin', { mode: 'string' }).notNull(),
    creeLe: horodatage('cree_le').notNull().defaultNow(),
  },
  (t) => [index('feuilles_de_route_territoire_idx').on(t.territoire), check('feuilles_de_route_periode_check', sql`${t.debut} <= ${t.fin}`)],
)

export const axes = pgTable(
  'axes',
  {
    id: serial('id').primaryKey(),
    feuilleId: integer('feuille_id')
      .notNull()
      .references(() => feuillesDeRoute.id, { onDelete: 'cascade' }),
    titre: text('titre').notNull(),
    rang: integer('rang').notNull(),
  },
  (t) => [index('axes_feuille_idx').on(t.feuilleId, t.rang)],
)

/** A co-funder of an action and its amount in euro cents. */
export interface Cofinancement {
  financeur: string
  montantCentimes: number
}

export const actions = pgTable(
  'actions',
  {
    id: serial('id').primaryKey(),
    axeId: integer('axe_id')
      .notNull()
      .references(() => axes.id, { onDelete: 'cascade' }),
    titre: text('titre').notNull(),
    description: text('description').notNull().default(''),
    /** The owner in words (a structure, a service); `porteurActeurId` once the actors' directory knows it. */
    porteur: text('porteur').notNull(),
    porteurActeurId: integer('porteur_acteur_id'),
    partenaires: text('partenaires').array().notNull().default(sql`'{}'::text[]`),
    budgetCentimes: bigint('budget_centimes', { mode: 'number' }),
    cofinancements: jsonb('cofinancements').$type<Cofinancement[]>().notNull().default(sql`'[]'::jsonb`),
    debut: date('debut', { mode: 'string' }),
    fin: date('fin', { mode: 'string' }),
    statut: text('statut').notNull().default('a_lancer'),
    avancement: smallint('avancement').notNull().default(0),
    modifieLe: horodatage('modifie_le').notNull().defaultNow(),
  },
  (t) => [
    index('actions_axe_idx').on(t.axeId),
    check('actions_statut_check', sql`${t.statut} in ('a_lancer', 'en_cours', 'terminee', 'abandonnee')`),
    check('actions_avancement_check', sql`${t.avancement} between 0 and 100`),
  ],
)

export const indicateurs = pgTable(
  'indicateurs',
  {
    id: serial('id').primaryKey(),
    territoire: text('territoire').notNull(),
    /** `calcule` (from the data, by `code`) or `saisi` (entered by hand, with its `source`). */
    nature: text('nature').notNull(),
    code: text('code'),
    parametres: jsonb('parametres').$type<Record<string, string | number>>().notNull().default(sql`'{}'::jsonb`),
    libelle: text('libelle').notNull(),
    unite: text('unite').notNull(),
    source: text('source'),
    valeurReference: doublePrecision('valeur_reference'),
    dateReference: date('date_reference', { mode: 'string' }),
    valeurCible: doublePrecision('valeur_cible'),
    dateCible: date('date_cible', { mode: 'string' }),
    sens: text('sens').notNull().default('hausse'),
    creeLe: horodatage('cree_le').notNull().defaultNow(),
  },
  (t) => [
    index('indicateurs_territoire_idx').on(t.territoire),
    check('indicateurs_nature_check', sql`(${t.nature} = 'calcule' and ${t.code} is not null) or (${t.nature} = 'saisi' and ${t.source} is not null)`),
    check('indicateurs_sens_check', sql`${t.sens} in ('hausse', 'baisse')`),
  ],
)

export const mesures = pgTable(
  'mesures',
  {
    id: serial('id').primaryKey(),
    indicateurId: integer('indicateur_id')
      .notNull()
      .references(() => indicateurs.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    valeur: doublePrecision('valeur').notNull(),
    source: text('source').notNull(),
    /** Who recorded it — a role (« coordinateur », « administrateur »), never a name — or « calcul » for a computed snapshot. */
    auteur: text('auteur').notNull(),
    creeLe: horodatage('cree_le').notNull().defaultNow(),
  },
  (t) => [
    index('mesures_indicateur_idx').on(t.indicateurId, t.date),
    // one computed snapshot per indicator and day, whoever takes it (« Relever maintenant », the daily job)
    uniqueIndex('mesures_calcul_du_jour_idx').on(t.indicateurId, t.date).where(sql`${t.auteur} = 'calcul'`),
  ],
)

export const actionsIndicateurs = pgTable(
  'actions_indicateurs',
  {
    actionId: integer('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    indicateurId: integer('indicateur_id')
      .notNull()
      .references(() => indicateurs.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.indicateurId] }), index('actions_indicateurs_indicateur_idx').on(t.indicateurId)],
)

/** Partners of an action chosen among the actors (the free-text ones stay in `actions.partenaires`). */
export const actionsPartenaires = pgTable(
  'actions_partenaires',
  {
    actionId: integer('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    acteurId: integer('acteur_id')
      .notNull()
      .references(() => acteurs.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.acteurId] }), index('actions_partenaires_acteur_idx').on(t.acteurId)],
)

export const qpv = pgTable(
  'qpv',
  {
    code: text('code').primaryKey(),
    nom: text('nom').notNull(),
    codeCommune: text('code_commune').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    importeLe: horodatage('importe_le').notNull().defaultNow(),
  },
  (t) => [index('qpv_commune_idx').on(t.codeCommune)],
)

export const communesDensite = pgTable(
  'communes_densite',
  {
    codeCommune: text('code_commune').primaryKey(),
    niveau: smallint('niveau').notNull(),
    importeLe: horodatage('importe_le').notNull().defaultNow(),
  },
  (t) => [check('communes_densite_niveau_check', sql`${t.niveau} between 1 and 7`)],
)
