/**
 * Imports a file of places into the registry. One file is one transaction: every accepted row
 * is written, or — if anything fails, including the process being killed — none is. Rows are
 * upserted by (source, id): re-importing a source updates its places and never duplicates
 * them; places the source no longer lists are withdrawn from publication (not deleted).
 */
import { createHash } from 'node:crypto'
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Base, Db } from '../../platform/db/database.ts'
import { causeRacine } from '../../platform/erreurs.ts'
import { imports, sourceRecords, sources } from '../../platform/db/schema.ts'
import type { Encodage } from '../io/decodage.ts'
import type { Format } from '../io/lecture.ts'
import type { Version } from '../validation/colonnes.ts'
import { examiner, type EnTete, type LigneRapport, type LotExamine } from './examen.ts'
import { examinerEnParallele } from './examen-parallele.ts'
import { notifierChangement } from './changements.ts'
import { ecrireLot } from './lots.ts'
import { enregistrerRapport } from './rapport.ts'
import { lieuxMultiplesDeLImport, recomposer } from './recomposition.ts'
import { situation } from './rows.ts'

export type { LigneRapport } from './examen.ts'

export interface Bilan {
  source: string
  /** Id of the import in the registry (0 for a check without import). */
  importId: number
  /** The reader that read the file (`places/readers`). */
  lecteur: string
  fichier: string
  format: Format
  encodage: Encodage
  version: Version
  lus: number
  acceptes: number
  rejetes: number
  nouveaux: number
  misAJour: number
  retires: number
  avertissements: number
  corrections: number
  communesIntrouvables: number
  colonnesInconnues: string[]
  rapport: LigneRapport[]
}

export interface OptionsImport {
  /** Name of the source in the registry (created on first import). */
  source: string
  /** Shown in the report; the bytes come from `octets`. */
  nomFichier: string
  octets: Uint8Array
  /** Places of a demo source are marked « Données de démonstration ». */
  demo?: boolean
  /** Keep places the file no longer lists (a partial file) instead of withdrawing them. */
  conserverAbsents?: boolean
  /** Today, `YYYY-MM-DD` (tests); default: today in Europe/Paris. */
  aujourdhui?: string
  /** Reader to use (`--format`); by default the one that recognises the file. */
  lecteur?: string | undefined
  /** A declarative mapping (parsed `--correspondance` file). */
  correspondance?: unknown
  /** `date_maj` of rows whose source has none (`--date-donnees`). */
  dateDonnees?: string | undefined
  /** Registry facts about the source, recorded when given. */
  producteur?: string | undefined
  licence?: string | undefined
  fiable?: boolean | undefined
  /** Called as rows are processed: rows so far, share of the file read (0 to 1). */
  progression?: (traites: number, avancement: number) => void
}

function nouveauBilan(options: OptionsImport, entete: EnTete): Bilan {
  return {
    source: options.source,
    importId: 0,
    lecteur: entete.lecteur,
    fichier: options.nomFichier,
    format: entete.format,
    encodage: entete.encodage,
    version: entete.version,
    lus: 0,
    acceptes: 0,
    rejetes: 0,
    nouveaux: 0,
    misAJour: 0,
    retires: 0,
    avertissements: 0,
    corrections: 0,
    communesIntrouvables: 0,
    colonnesInconnues: entete.colonnesInconnues,
    rapport: [],
  }
}

function compter(bilan: Bilan, lot: LotExamine, options: OptionsImport): void {
  bilan.acceptes += lot.acceptees.length
  bilan.avertissements += lot.avertissements
  bilan.corrections += lot.corrections
  bilan.communesIntrouvables += lot.communesIntrouvables
  for (const ligne of lot.rapport) bilan.rapport.push(ligne)
  bilan.lus = lot.traites
  bilan.rejetes = lot.traites - bilan.acceptes
  options.progression?.(lot.traites, lot.avancement)
}

/** Validates a file and returns what an import would do, without touching the database. */
export function verifier(options: OptionsImport): Bilan {
  const { entete, lots } = examiner(parametresExamen(options))
  const bilan = nouveauBilan(options, entete)
  for (const lot of lots) compter(bilan, lot, options)
  return bilan
}

const parametresExamen = (options: OptionsImport) => ({
  nomFichier: options.nomFichier,
  octets: options.octets,
  aujourdhui: options.aujourdhui,
  lecteur: options.lecteur,
  ...(options.correspondance === undefined ? {} : { correspondance: options.correspondance }),
  dateDonnees: options.dateDonnees,
})

export class ImportEchoueError extends Error {}

export async function importer(base: Base, options: OptionsImport): Promise<Bilan> {
  const examen = await examinerEnParallele(parametresExamen(options))
  const bilan = nouveauBilan(options, examen.entete)
  try {
    await enregistrer(base, options, examen.entete, examen.lots, bilan)
  } catch (erreur) {
    await examen.lots.return(undefined)
    throw new ImportEchoueError(
      `L'importation de « ${options.nomFichier} » a échoué : la base n'a pas été modifiée. Cause : ${causeRacine(erreur)}`,
      { cause: erreur },
    )
  }
  return bilan
}

async function enregistrer(base: Base, options: OptionsImport, entete: EnTete, lots: AsyncGenerator<LotExamine>, bilan: Bilan): Promise<void> {
  const debut = new Date()
  const empreinte = createHash('sha256').update(options.octets).digest('hex')
  await base.db.transaction(async (tx) => {
    const source = await sourceParNom(tx, options)
    const [importation] = await tx
      .insert(imports)
      .values({
        sourceId: source.id,
        fileName: options.nomFichier,
        fileSha256: empreinte,
        format: entete.format,
        schemaVersion: entete.version,
        encoding: entete.encodage,
        columns: entete.format === 'csv' ? entete.colonnes : null,
        startedAt: debut,
        finishedAt: debut,
        rowsRead: 0,
        rowsAccepted: 0,
        rowsRejected: 0,
        warnings: 0,
        corrections: 0,
        withdrawn: 0,
      })
      .returning({ id: imports.id })
    if (!importation) throw new Error("L'importation n'a pas pu être enregistrée.")

    const ecrire = async (lot: LotExamine) => {
      if (lot.acceptees.length > 0) {
        const nouveaux = await ecrireLot(
          tx,
          source,
          importation.id,
          lot.acceptees.map((a) => ({ lieu: a.lieu, situation: situation(a.lieu, a.commune, source.demo), brut: a.brut, ligne: a.ligne })),
        )
        bilan.nouveaux += nouveaux
        bilan.misAJour += lot.acceptees.length - nouveaux
      }
      if (lot.rejetes.length > 0) {
        // A row rejected now keeps its previous accepted version: the source still lists it.
        await tx
          .update(sourceRecords)
          .set({ lastImportId: importation.id })
          .where(and(eq(sourceRecords.sourceId, source.id), inArray(sourceRecords.recordId, lot.rejetes)))
      }
    }
    for await (const lot of lots) {
      compter(bilan, lot, options)
      await ecrire(lot)
    }

    if (!options.conserverAbsents) {
      // records the file no longer lists: their places are withdrawn, or recomposed from the
      // records of other sources when they were merged
      const absents = (await tx.execute(sql`
        update source_records set retire = true
        where source_id = ${source.id} and not retire and (last_import_id is null or last_import_id <> ${importation.id})
        returning lieu_uid`)) as unknown as { rows: Array<{ lieu_uid: number | null }> }
      const uids = absents.rows.flatMap((r) => (r.lieu_uid === null ? [] : [Number(r.lieu_uid)]))
      bilan.retires = (await recomposer(tx, uids)).retires
    }
    await recomposer(tx, await lieuxMultiplesDeLImport(tx, importation.id))
    await enregistrerRapport(tx, importation.id, bilan.rapport)
    bilan.importId = importation.id

    await notifierChangement(tx, { source: source.id })
    await tx
      .update(imports)
      .set({
        finishedAt: new Date(),
        rowsRead: bilan.lus,
        rowsAccepted: bilan.acceptes,
        rowsRejected: bilan.rejetes,
        warnings: bilan.avertissements,
        corrections: bilan.corrections,
        withdrawn: bilan.retires,
      })
      .where(eq(imports.id, importation.id))
  })
}

/** The source named `options.source`, created on first use; the registry facts given are recorded (also used by the import of actors). */
export async function sourceParNom(
  db: Db,
  options: Pick<OptionsImport, 'source' | 'demo' | 'producteur' | 'licence' | 'fiable' | 'lecteur'>,
): Promise<{ id: number; name: string; demo: boolean }> {
  const faits = {
    ...(options.producteur === undefined ? {} : { producteur: options.producteur }),
    ...(options.licence === undefined ? {} : { licence: options.licence }),
    ...(options.fiable === undefined ? {} : { fiable: options.fiable }),
    ...(options.lecteur === undefined ? {} : { lecteur: options.lecteur }),
  }
  await db
    .insert(sources)
    .values({ name: options.source, demo: options.demo ?? false, ...faits })
    .onConflictDoNothing({ target: sources.name })
  if (Object.keys(faits).length > 0) await db.update(sources).set(faits).where(eq(sources.name, options.source))
  const [source] = await db.select({ id: sources.id, name: sources.name, demo: sources.demo }).from(sources).where(eq(sources.name, options.source))
  if (!source) throw new Error(`La source « ${options.source} » n'a pas pu être créée.`)
  return source
}
