/**
 * The database schema (Drizzle). SQL migrations in /migrations are generated from this file
 * with `npm run db:generate` and committed; a test fails when the two disagree.
 *
 * - `sources`: who produces place data (a file's producer, the demo generator…), its licence,
 *   whether it is trusted (survivorship of merged places).
 * - `imports`: one row per file imported, with its counts.
 * - `source_records`: each accepted row exactly as received, keyed by (source, id in the source).
 * - `import_problemes`: every line of an import's report (rejected rows and warnings).
 * - `lieux`: the normalised places, on the 32 fields of the standard v1.0.2; a place merged into
 *   another keeps its row (`fusionne`, `fusionne_dans`) so that its address still leads somewhere.
 * - `fusions`, `paires`: merges of duplicates (undoable) and the pairs found by de-duplication,
 *   with the decisions of coordinators, keyed by source records so that every later import
 *   respects them.
 * - `communes_positions`: the centre of each commune, for orientation (see `src/geo`).
 * - `utilisateurs`, `habilitations`, `sessions`, `jetons`, `limites`: accounts, their roles on
 *   a territory or places, server-side sessions, single-use invitation and reset tokens (stored
 *   hashed), rate-limit counters (see `src/accounts`).
 * - `courriels`: the outbox (see `src/mail`); `journal_audit`: the append-only audit log (see
 *   `src/audit`), protected by a trigger that refuses UPDATE, DELETE and TRUNCATE.
 * - `structures`, `lieux_structures`: the organisations running places (a place belongs to one);
 *   `activites`, `beneficiaires`, `activites_beneficiaires`, `orientations`: activity reporting,
 *   followed beneficiaries with their consent, referrals between places; `stats_mensuelles`:
 *   monthly rollups of activities kept in step by every write; `taches`: the last run of the
 *   daily jobs (see `src/activity/store`).
 */
import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  real,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

const horodatage = (nom: string) => timestamp(nom, { withTimezone: true, mode: 'date' })
const liste = (nom: string) => text(nom).array().notNull().default(sql`'{}'::text[]`)

export const sources = pgTable('sources', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  /** Places of this source are demonstration data. */
  demo: boolean('demo').notNull().default(false),
  /** Who publishes the data, e.g. « ANCT », « Hub du Sud ». */
  producteur: text('producteur'),
  /** Licence of the data, e.g. « Licence Ouverte 2.0 ». */
  licence: text('licence'),
  /** Reader used by default for its files (`places/readers`). */
  lecteur: text('lecteur'),
  /** A trusted source's values win over an untrusted one's in merged places, whatever their dates. */
  fiable: boolean('fiable').notNull().default(true),
  createdAt: horodatage('created_at').notNull().defaultNow(),
})

export const imports = pgTable(
  'imports',
  {
    id: serial('id').primaryKey(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    format: text('format').notNull(),
    schemaVersion: text('schema_version').notNull(),
    encoding: text('encoding').notNull(),
    /** Header of a CSV file: the names of the cells its source records keep. */
    columns: text('columns').array(),
    startedAt: horodatage('started_at').notNull(),
    finishedAt: horodatage('finished_at').notNull(),
    rowsRead: integer('rows_read').notNull(),
    rowsAccepted: integer('rows_accepted').notNull(),
    rowsRejected: integer('rows_rejected').notNull(),
    warnings: integer('warnings').notNull(),
    corrections: integer('corrections').notNull(),
    withdrawn: integer('withdrawn').notNull(),
    /** What the file holds: `lieux` (the registry of places) or `acteurs` (`src/pilotage/acteurs`). */
    objets: text('objets').notNull().default('lieux'),
  },
  (t) => [index('imports_source_idx').on(t.sourceId), check('imports_objets_check', sql`${t.objets} in ('lieux', 'acteurs')`)],
)

export const lieux = pgTable(
  'lieux',
  {
    uid: bigserial('uid', { mode: 'number' }).primaryKey(),
    id: text('id').notNull(),
    pivot: text('pivot').notNull(),
    nom: text('nom').notNull(),
    commune: text('commune').notNull(),
    code_postal: text('code_postal').notNull(),
    code_insee: text('code_insee'),
    adresse: text('adresse').notNull(),
    complement_adresse: text('complement_adresse'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    typologie: liste('typologie'),
    telephone: text('telephone'),
    courriels: liste('courriels'),
    site_web: liste('site_web'),
    horaires: text('horaires'),
    presentation_resume: text('presentation_resume'),
    presentation_detail: text('presentation_detail'),
    source: text('source'),
    itinerance: liste('itinerance'),
    structure_parente: text('structure_parente'),
    date_maj: date('date_maj', { mode: 'string' }).notNull(),
    services: liste('services'),
    publics_specifiquement_adresses: liste('publics_specifiquement_adresses'),
    prise_en_charge_specifique: liste('prise_en_charge_specifique'),
    frais_a_charge: liste('frais_a_charge'),
    dispositif_programmes_nationaux: liste('dispositif_programmes_nationaux'),
    formations_labels: liste('formations_labels'),
    autres_formations_labels: liste('autres_formations_labels'),
    modalites_acces: liste('modalites_acces'),
    modalites_accompagnement: liste('modalites_accompagnement'),
    fiche_acces_libre: text('fiche_acces_libre'),
    prise_rdv: text('prise_rdv'),
    /** Current commune (or arrondissement) found in the official list; null when unresolved. */
    communeResolue: text('commune_resolue'),
    codeDepartement: text('code_departement'),
    codeRegion: text('code_region'),
    /** Name, commune and postcode without case nor accents, for the simple search of the list page. */
    texteRecherche: text('texte_recherche').notNull().default(''),
    /**
     * `publie`; `retire` when no source lists it any more; `fusionne` when merged into the place
     * `fusionne_dans`; `a_valider` when proposed in the workspace and waiting for a coordinator,
     * `refuse` when the coordinator refused it.
     */
    statut: text('statut').notNull().default('publie'),
    fusionneDans: bigint('fusionne_dans', { mode: 'number' }),
    /**
     * For a place made of several source records: field → the sources that gave its value and
     * their dates (`[{ source, date }]`). Null when the place has a single record (all from it).
     */
    provenance: jsonb('provenance'),
    demo: boolean('demo').notNull().default(false),
    createdAt: horodatage('created_at').notNull().defaultNow(),
    updatedAt: horodatage('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('lieux_id_idx').on(t.id),
    index('lieux_departement_idx').on(t.codeDepartement),
    index('lieux_commune_idx').on(t.communeResolue),
    index('lieux_nom_idx').on(t.nom),
    check('lieux_statut_check', sql`${t.statut} in ('publie', 'retire', 'fusionne', 'a_valider', 'refuse')`),
  ],
)

export const sourceRecords = pgTable(
  'source_records',
  {
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    /** The row's `id` in its source. */
    recordId: text('record_id').notNull(),
    lieuUid: bigint('lieu_uid', { mode: 'number' }).references(() => lieux.uid, { onDelete: 'set null' }),
    /**
     * The row as received (`json`, not `jsonb`: key order and text kept): the item of a JSON
     * file, or the cells of a CSV row, named by `columns` of its last import.
     */
    raw: json('raw').notNull(),
    /** The place as validated from this record (the standard's 32 fields): what survivorship merges. */
    lieu: json('lieu'),
    /** The place this record created: where it goes back when a merge is undone. */
    lieuOrigine: bigint('lieu_origine', { mode: 'number' }),
    /** The last import of its source no longer lists it. */
    retire: boolean('retire').notNull().default(false),
    line: integer('line').notNull(),
    firstImportId: integer('first_import_id').references(() => imports.id),
    lastImportId: integer('last_import_id').references(() => imports.id),
    receivedAt: horodatage('received_at').notNull(),
  },
  (t) => [primaryKey({ name: 'source_records_pk', columns: [t.sourceId, t.recordId] }), index('source_records_lieu_idx').on(t.lieuUid)],
)

/**
 * `communes_positions`: the centre of each current commune or municipal arrondissement (INSEE
 * code), downloaded from an official source (`aiguillage geo sync`: the geo API), since the
 * official list of communes has no coordinates.
 */
export const communesPositions = pgTable('communes_positions', {
  code: text('code').primaryKey(),
  latitude: doublePrecision('latitude').notNull(),
  longitude: doublePrecision('longitude').notNull(),
  /** Where the position comes from, e.g. `api-geo`. */
  source: text('source').notNull(),
  updatedAt: horodatage('updated_at').notNull().defaultNow(),
})

/**
 * « Signaler une erreur » on a place page: what is wrong, for the place's managers (handled in
 * the workspace). No personal data but the optional contact the person chooses to leave.
 */
export const signalements = pgTable(
  'signalements',
  {
    id: serial('id').primaryKey(),
    lieuUid: bigint('lieu_uid', { mode: 'number' })
      .notNull()
      .references(() => lieux.uid, { onDelete: 'cascade' }),
    rubriques: text('rubriques').array().notNull(),
    message: text('message').notNull(),
    /** E-mail or phone, only if the person wants to be answered. */
    contact: text('contact'),
    statut: text('statut').notNull().default('nouveau'),
    createdAt: horodatage('created_at').notNull().defaultNow(),
    /** Who handled it last (an account), with their answer, and when. */
    traitePar: integer('traite_par'),
    reponse: text('reponse'),
    traiteLe: horodatage('traite_le'),
  },
  (t) => [index('signalements_lieu_idx').on(t.lieuUid), check('signalements_statut_check', sql`${t.statut} in ('nouveau', 'en_cours', 'corrige', 'rejete')`)],
)

/** Every line of an import's report: the rejected rows with their reasons, warnings, corrections. */
export const importProblemes = pgTable(
  'import_problemes',
  {
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    rang: integer('rang').notNull(),
    ligne: integer('ligne').notNull(),
    recordId: text('record_id').notNull(),
    champ: text('champ').notNull(),
    valeur: text('valeur').notNull(),
    message: text('message').notNull(),
    niveau: text('niveau').notNull(),
  },
  (t) => [primaryKey({ name: 'import_problemes_pk', columns: [t.importId, t.rang] })],
)

/** A merge of a place into another, with its reasons; undone by setting `annulee_le`. */
export const fusions = pgTable(
  'fusions',
  {
    id: serial('id').primaryKey(),
    lieuUid: bigint('lieu_uid', { mode: 'number' })
      .notNull()
      .references(() => lieux.uid),
    absorbeUid: bigint('absorbe_uid', { mode: 'number' })
      .notNull()
      .references(() => lieux.uid),
    /** `automatique` (score above the threshold) or `decision` (a coordinator said « même lieu »). */
    mode: text('mode').notNull(),
    score: real('score').notNull(),
    raisons: jsonb('raisons').notNull(),
    faiteLe: horodatage('faite_le').notNull().defaultNow(),
    annuleeLe: horodatage('annulee_le'),
  },
  (t) => [index('fusions_lieu_idx').on(t.lieuUid), index('fusions_absorbe_idx').on(t.absorbeUid)],
)

/**
 * A pair of source records found alike by de-duplication (keys `source:id`, `cle_a` < `cle_b`):
 * in the review queue (`a_examiner`), merged automatically (`fusion_auto`), or decided by a
 * coordinator (`meme_lieu`, `differents`). Decisions bind every later de-duplication.
 */
export const paires = pgTable(
  'paires',
  {
    id: serial('id').primaryKey(),
    cleA: text('cle_a').notNull(),
    cleB: text('cle_b').notNull(),
    score: real('score').notNull(),
    raisons: jsonb('raisons').notNull(),
    statut: text('statut').notNull(),
    decidePar: text('decide_par'),
    decideLe: horodatage('decide_le'),
    creeLe: horodatage('cree_le').notNull().defaultNow(),
    vueLe: horodatage('vue_le').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('paires_cles_idx').on(t.cleA, t.cleB),
    index('paires_statut_idx').on(t.statut),
    check('paires_statut_check', sql`${t.statut} in ('a_examiner', 'fusion_auto', 'meme_lieu', 'differents')`),
  ],
)

/**
 * An account: an e-mail (lower case, unique), a name, an argon2id password hash (null until the
 * invitation is accepted), `invite` → `actif` → `desactive`, and the optional TOTP second factor.
 */
export const utilisateurs = pgTable(
  'utilisateurs',
  {
    id: serial('id').primaryKey(),
    courriel: text('courriel').notNull(),
    nom: text('nom').notNull().default(''),
    motDePasse: text('mot_de_passe'),
    statut: text('statut').notNull().default('invite'),
    totpSecret: text('totp_secret'),
    totpActif: boolean('totp_actif').notNull().default(false),
    /** The last TOTP time step accepted: a code is never accepted twice. */
    totpDernierPas: bigint('totp_dernier_pas', { mode: 'number' }),
    creeLe: horodatage('cree_le').notNull().defaultNow(),
    derniereConnexion: horodatage('derniere_connexion'),
  },
  (t) => [uniqueIndex('utilisateurs_courriel_idx').on(t.courriel), check('utilisateurs_statut_check', sql`${t.statut} in ('invite', 'actif', 'desactive')`)],
)

/**
 * What an account may do: `administrateur` (the instance), `coordinateur` of a territory
 * (`territoire`, e.g. `departement:73`, `epci:200068674`), `gestionnaire` or `mediateur` of a
 * place (`lieu_uid`). An account may hold several.
 */
export const habilitations = pgTable(
  'habilitations',
  {
    id: serial('id').primaryKey(),
    utilisateurId: integer('utilisateur_id')
      .notNull()
      .references(() => utilisateurs.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    territoire: text('territoire'),
    lieuUid: bigint('lieu_uid', { mode: 'number' }).references(() => lieux.uid, { onDelete: 'cascade' }),
    creeLe: horodatage('cree_le').notNull().defaultNow(),
  },
  (t) => [
    index('habilitations_utilisateur_idx').on(t.utilisateurId),
    index('habilitations_lieu_idx').on(t.lieuUid),
    check(
      'habilitations_role_check',
      sql`(${t.role} = 'administrateur' and ${t.territoire} is null and ${t.lieuUid} is null) or (${t.role} = 'coordinateur' and ${t.territoire} is not null and ${t.lieuUid} is null) or (${t.role} in ('gestionnaire', 'mediateur') and ${t.lieuUid} is not null and ${t.territoire} is null)`,
    ),
  ],
)

/**
 * A signed-in browser. `id` is the SHA-256 of the cookie's token (the token itself is never
 * stored); `niveau` is `attente_code` between the password and the TOTP code, then `complet`.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    utilisateurId: integer('utilisateur_id')
      .notNull()
      .references(() => utilisateurs.id, { onDelete: 'cascade' }),
    niveau: text('niveau').notNull(),
    creeLe: horodatage('cree_le').notNull().defaultNow(),
    vuLe: horodatage('vu_le').notNull().defaultNow(),
    expireLe: horodatage('expire_le').notNull(),
  },
  (t) => [index('sessions_utilisateur_idx').on(t.utilisateurId), check('sessions_niveau_check', sql`${t.niveau} in ('attente_code', 'complet')`)],
)

/** Single-use, expiring links sent by e-mail (`invitation`, `reinitialisation`), stored as SHA-256. */
export const jetons = pgTable(
  'jetons',
  {
    empreinte: text('empreinte').primaryKey(),
    type: text('type').notNull(),
    utilisateurId: integer('utilisateur_id')
      .notNull()
      .references(() => utilisateurs.id, { onDelete: 'cascade' }),
    creeLe: horodatage('cree_le').notNull().defaultNow(),
    expireLe: horodatage('expire_le').notNull(),
    utiliseLe: horodatage('utilise_le'),
  },
  (t) => [index('jetons_utilisateur_idx').on(t.utilisateurId), check('jetons_type_check', sql`${t.type} in ('invitation', 'reinitialisation')`)],
)

/** Rate-limit counters shared by every server: a key (hashed address or account), attempts in the window. */
export const limites = pgTable('limites', {
  cle: text('cle').primaryKey(),
  essais: integer('essais').notNull(),
  debut: horodatage('debut').notNull(),
})

/**
 * The outbox: every e-mail the platform writes. Sent through SMTP when configured (its text is
 * then erased), otherwise kept here for the administrators to read.
 */
export const courriels = pgTable(
  'courriels',
  {
    id: serial('id').primaryKey(),
    destinataire: text('destinataire').notNull(),
    sujet: text('sujet').notNull(),
    texte: text('texte'),
    creeLe: horodatage('cree_le').notNull().defaultNow(),
    envoyeLe: horodatage('envoye_le'),
    tentatives: integer('tentatives').notNull().default(0),
    erreur: text('erreur'),
  },
  (t) => [index('courriels_envoi_idx').on(t.envoyeLe)],
)

/**
 * The audit log: who (`acteur_id`, and a label kept as it was), when, from which address, what
 * (`action` on `objet_type`/`objet_id`, the place if any) and the changes (field → [avant, après]).
 * Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE (migration 0005).
 */
export const journalAudit = pgTable(
  'journal_audit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    quand: horodatage('quand').notNull().defaultNow(),
    acteurId: integer('acteur_id'),
    acteur: text('acteur').notNull(),
    adresseIp: text('adresse_ip'),
    action: text('action').notNull(),
    objetType: text('objet_type').notNull(),
    objetId: text('objet_id').notNull(),
    lieuUid: bigint('lieu_uid', { mode: 'number' }),
    changements: jsonb('changements'),
  },
  (t) => [index('journal_audit_lieu_idx').on(t.lieuUid, t.id), index('journal_audit_objet_idx').on(t.objetType, t.objetId)],
)

/** An organisation running one or more places (association, commune, France Services…). */
export const structures = pgTable('structures', {
  id: serial('id').primaryKey(),
  nom: text('nom').notNull(),
  siret: text('siret'),
  creeLe: horodatage('cree_le').notNull().defaultNow(),
})

/** The structure of a place; a place without a row forms its own structure when first needed. */
export const lieuxStructures = pgTable(
  'lieux_structures',
  {
    lieuUid: bigint('lieu_uid', { mode: 'number' })
      .primaryKey()
      .references(() => lieux.uid, { onDelete: 'cascade' }),
    structureId: integer('structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
  },
  (t) => [index('lieux_structures_structure_idx').on(t.structureId)],
)

/**
 * A followed beneficiary (« bénéficiaire suivi »): an identity kept by a structure with the
 * person's consent (date, scope `mediateur` or `structure`, how it was given). Anonymised (identity
 * erased, socio-demographic data kept) on request or by the retention job: `anonymise_le` set.
 */
export const beneficiaires = pgTable(
  'beneficiaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    structureId: integer('structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
    creePar: integer('cree_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
    prenom: text('prenom'),
    nom: text('nom'),
    telephone: text('telephone'),
    courriel: text('courriel'),
    anneeNaissance: integer('annee_naissance'),
    adresse: text('adresse'),
    notes: text('notes'),
    genre: text('genre').notNull().default('non_communique'),
    trancheAge: text('tranche_age').notNull().default('non_communique'),
    statutSocial: text('statut_social').notNull().default('non_communique'),
    communeResidence: text('commune_residence'),
    consentementLe: date('consentement_le', { mode: 'string' }),
    consentementPortee: text('consentement_portee'),
    consentementRecueil: text('consentement_recueil'),
    creeLe: horodatage('cree_le').notNull().defaultNow(),
    misAJourLe: horodatage('mis_a_jour_le').notNull().defaultNow(),
    anonymiseLe: horodatage('anonymise_le'),
  },
  (t) => [
    index('beneficiaires_structure_idx').on(t.structureId),
    index('beneficiaires_conservation_idx').on(t.misAJourLe).where(sql`${t.anonymiseLe} is null`),
    check(
      'beneficiaires_consentement_check',
      sql`${t.anonymiseLe} is not null or (${t.consentementLe} is not null and ${t.consentementPortee} in ('mediateur', 'structure') and ${t.consentementRecueil} in ('oral', 'ecrit', 'numerique'))`,
    ),
  ],
)

/**
 * One activity report (CRA): an individual accompaniment or a workshop, with La Coop's fields.
 * `lieu_uid` is the mediator's place it is recorded for (where it happened for `lieu_activite`);
 * `code_insee`/`departement` the commune of the activity, for statistics. `anonymes` holds the
 * anonymous beneficiary of an individual activity or the anonymous counters of a workshop;
 * `accompagnements` = 1, or the workshop's participants. Soft-deleted (`supprime_le`).
 */
export const activites = pgTable(
  'activites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mediateurId: integer('mediateur_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
    structureId: integer('structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
    lieuUid: bigint('lieu_uid', { mode: 'number' }).references(() => lieux.uid, { onDelete: 'set null' }),
    type: text('type').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    duree: integer('duree').notNull(),
    typeLieu: text('type_lieu').notNull(),
    codeInsee: text('code_insee'),
    departement: text('departement'),
    thematiques: liste('thematiques'),
    thematiquesDemarche: liste('thematiques_demarche'),
    precisionsDemarche: text('precisions_demarche'),
    materiel: liste('materiel'),
    notes: text('notes'),
    autonomie: text('autonomie'),
    orienteVersStructure: boolean('oriente_vers_structure').notNull().default(false),
    structureRedirection: text('structure_redirection'),
    titreAtelier: text('titre_atelier'),
    niveau: text('niveau'),
    accompagnements: integer('accompagnements').notNull(),
    anonymes: jsonb('anonymes'),
    source: text('source').notNull().default('saisie'),
    idSource: text('id_source'),
    creeLe: horodatage('cree_le').notNull().defaultNow(),
    modifieLe: horodatage('modifie_le').notNull().defaultNow(),
    supprimeLe: horodatage('supprime_le'),
  },
  (t) => [
    index('activites_mediateur_idx').on(t.mediateurId, t.date),
    index('activites_departement_idx').on(t.departement, t.date),
    index('activites_lieu_idx').on(t.lieuUid, t.date),
    index('activites_structure_idx').on(t.structureId, t.date),
    // + activites_suivis_idx, written by hand in migration 0007 (drizzle-kit cannot write INCLUDE):
    // (departement, date) include (id) for the activities that may have followed participants
    uniqueIndex('activites_source_idx').on(t.source, t.idSource).where(sql`${t.idSource} is not null`),
    check('activites_type_check', sql`${t.type} in ('individuel', 'collectif')`),
    check('activites_accompagnements_check', sql`${t.accompagnements} >= 0`),
  ],
)

/** The followed beneficiaries of an activity; `premier`: their earliest accompaniment (a new beneficiary). */
export const activitesBeneficiaires = pgTable(
  'activites_beneficiaires',
  {
    activiteId: uuid('activite_id')
      .notNull()
      .references(() => activites.id, { onDelete: 'cascade' }),
    beneficiaireId: uuid('beneficiaire_id')
      .notNull()
      .references(() => beneficiaires.id, { onDelete: 'cascade' }),
    premier: boolean('premier').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.activiteId, t.beneficiaireId] }), index('activites_beneficiaires_beneficiaire_idx').on(t.beneficiaireId)],
)

/**
 * A referral: a mediator orients a person to another place of Aiguillage. `partage` holds only
 * what the person agreed to share (erased by the retention job once closed); the receiving place
 * accepts or declines it, then records the outcome; the referring mediator sees the status.
 */
export const orientations = pgTable(
  'orientations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deLieu: bigint('de_lieu', { mode: 'number' }).references(() => lieux.uid, { onDelete: 'set null' }),
    versLieu: bigint('vers_lieu', { mode: 'number' })
      .notNull()
      .references(() => lieux.uid, { onDelete: 'cascade' }),
    parMediateur: integer('par_mediateur').references(() => utilisateurs.id, { onDelete: 'set null' }),
    beneficiaireId: uuid('beneficiaire_id').references(() => beneficiaires.id, { onDelete: 'set null' }),
    activiteId: uuid('activite_id').references(() => activites.id, { onDelete: 'set null' }),
    besoin: text('besoin').notNull(),
    partage: jsonb('partage'),
    consentementLe: date('consentement_le', { mode: 'string' }),
    consentementRecueil: text('consentement_recueil'),
    statut: text('statut').notNull().default('envoyee'),
    reponse: text('reponse'),
    traiteePar: integer('traitee_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
    creeLe: horodatage('cree_le').notNull().defaultNow(),
    misAJourLe: horodatage('mis_a_jour_le').notNull().defaultNow(),
  },
  (t) => [
    index('orientations_vers_idx').on(t.versLieu, t.statut),
    index('orientations_de_idx').on(t.deLieu),
    index('orientations_mediateur_idx').on(t.parMediateur),
    check('orientations_statut_check', sql`${t.statut} in ('envoyee', 'acceptee', 'refusee', 'prise_en_charge', 'demarche_realisee', 'absente')`),
  ],
)

/**
 * Monthly rollups of activities, kept in step by every write (added, edited, deleted): for a
 * month and a (département, commune, structure, place, mediator, type), the accompaniments and
 * activities per dimension value (`total`, `thematique`, `materiel`, `canal`, `duree`, `genre`…,
 * see `src/activity/domain/cumuls.ts`). Dashboards read these instead of scanning activities.
 */
export const statsMensuelles = pgTable(
  'stats_mensuelles',
  {
    mois: date('mois', { mode: 'string' }).notNull(),
    departement: text('departement').notNull().default(''),
    codeInsee: text('code_insee').notNull().default(''),
    structureId: integer('structure_id').notNull(),
    lieuUid: bigint('lieu_uid', { mode: 'number' }).notNull().default(0),
    mediateurId: integer('mediateur_id').notNull().default(0),
    type: text('type').notNull(),
    dimension: text('dimension').notNull(),
    valeur: text('valeur').notNull().default(''),
    accompagnements: bigint('accompagnements', { mode: 'number' }).notNull().default(0),
    activites: bigint('activites', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.departement, t.mois, t.codeInsee, t.structureId, t.lieuUid, t.mediateurId, t.type, t.dimension, t.valeur] }),
    index('stats_mensuelles_mediateur_idx').on(t.mediateurId, t.mois),
    index('stats_mensuelles_structure_idx').on(t.structureId, t.mois),
    index('stats_mensuelles_lieu_idx').on(t.lieuUid, t.mois),
    // + by hand in migration 0010 (drizzle-kit cannot write INCLUDE): stats_mensuelles_total_idx
    // (departement, mois) include (…) where dimension = 'total', for the series, communes and the
    // filter choices; stats_mensuelles_lieu_activite_idx, the same for the channel « lieu
    // d'activité » per place
  ],
)

/**
 * The same rollups summed per département and month only (no place, mediator nor commune): a
 * département's or a région's dashboard reads ~150 rows a month here instead of thousands.
 * Kept in step by the same writes as `stats_mensuelles`.
 */
export const statsDepartements = pgTable(
  'stats_departements',
  {
    departement: text('departement').notNull().default(''),
    mois: date('mois', { mode: 'string' }).notNull(),
    type: text('type').notNull(),
    dimension: text('dimension').notNull(),
    valeur: text('valeur').notNull().default(''),
    accompagnements: bigint('accompagnements', { mode: 'number' }).notNull().default(0),
    activites: bigint('activites', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.departement, t.mois, t.type, t.dimension, t.valeur] })],
)

/**
 * The followed beneficiaries of each month, département and type of activity, with their
 * socio-demographic data (copied from `beneficiaires`): a département's or a région's dashboard
 * counts distinct followed people by reading one covering index instead of joining activities,
 * participants and files. `premier`: the person's earliest accompaniment is among them. Rebuilt
 * per person by every write that changes their participations or their data
 * (`src/activity/store/suivis.ts`).
 */
export const statsSuivis = pgTable(
  'stats_suivis',
  {
    beneficiaireId: uuid('beneficiaire_id')
      .notNull()
      .references(() => beneficiaires.id, { onDelete: 'cascade' }),
    departement: text('departement').notNull().default(''),
    mois: date('mois', { mode: 'string' }).notNull(),
    type: text('type').notNull(),
    premier: boolean('premier').notNull().default(false),
    genre: text('genre').notNull(),
    anneeNaissance: integer('annee_naissance'),
    trancheAge: text('tranche_age').notNull(),
    statutSocial: text('statut_social').notNull(),
    communeResidence: text('commune_residence'),
  },
  // + stats_suivis_couvrant_idx, by hand in its migration: (departement, mois) include (the rest)
  (t) => [primaryKey({ columns: [t.beneficiaireId, t.departement, t.mois, t.type] })],
)

/** The last run of each daily job (retention…), so that several servers run it once a day. */
export const taches = pgTable('taches', {
  nom: text('nom').primaryKey(),
  derniereExecution: horodatage('derniere_execution').notNull(),
  bilan: jsonb('bilan'),
})

// Pilotage (issue 7): one file per capability, so that they can change independently.
export * from './schema-diagnostic.ts'
export * from './schema-acteurs.ts'
export * from './schema-feuille-de-route.ts'
