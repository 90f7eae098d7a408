/**
 * Imports a file of places into the registry. One file is one transaction: every accepted row
 * is written, or — if anything fails, including the process being killed — none is. Rows are
 * upserted by (source, id): re-importing a source updates its places and never duplicates
 * them; places the source no longer lists are withdrawn from publication (not deleted).
 */
import { createHash } from 'node:crypto'
import { and, eq, inArray, isNull, ne, or } from 'drizzle-orm'
import type { Base, Db } from '../../platform/db/database.ts'
import { imports, lieux, sourceRecords, sources } from '../../platform/db/schema.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { lireFichier, type Format } from '../io/lecture.ts'
import type { Encodage } from '../io/decodage.ts'
import { detecterVersion, role, type Version } from '../validation/colonnes.ts'
import { aujourdhuiParis } from '../validation/date-maj.ts'
import { validerLigne, type ResultatLigne } from '../validation/ligne.ts'
import type { Niveau } from '../validation/problems.ts'
import { lireValeur } from '../standard/vocabulary.ts'
import { decouper } from '../validation/listes.ts'
import { ecrireLot } from './lots.ts'
import { situation } from './rows.ts'

export interface LigneRapport {
  ligne: number
  id: string
  champ: string
  valeur: string
  message: string
  niveau: Niveau
}

export interface Bilan {
  source: string
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
  /** Called as rows are processed. */
  progression?: (traites: number, total: number) => void
}

const TAILLE_LOT = 1000

interface Acceptee {
  ligne: number
  resultat: ResultatLigne & { lieu: NonNullable<ResultatLigne['lieu']> }
  brut: Record<string, unknown>
}

/** One row read and judged: the place if accepted, every problem for the report. */
interface Examen {
  ligne: number
  id: string
  brut: Record<string, unknown>
  resultat: ResultatLigne
  acceptee: boolean
}

/**
 * Reads and validates a whole file without writing anything: the rows one by one, and the
 * summary being filled (counts, report). Duplicated ids within the file are rejected.
 */
function* examiner(options: OptionsImport, { lecture, contexte }: Analyse, bilan: Bilan): Generator<Examen> {
  const lignesParId = new Map<string, number>()
  for (const [rang, rangee] of lecture.rangees.entries()) {
    const resultat = validerLigne(rangee.valeurs, contexte)
    const id = resultat.lieu?.id ?? String(rangee.valeurs.id ?? '').trim()
    const problemes = [...resultat.problemes]
    const premiere = id ? lignesParId.get(id) : undefined
    if (premiere !== undefined) {
      problemes.push({
        champ: 'id',
        valeur: id,
        niveau: 'erreur',
        message: `L'identifiant « ${id} » est déjà celui de la ligne ${premiere} : les identifiants doivent être uniques dans un fichier, cette ligne est ignorée.`,
      })
    } else if (id) lignesParId.set(id, rangee.ligne)
    for (const p of problemes) {
      bilan.rapport.push({ ligne: rangee.ligne, id, ...p })
      if (p.niveau === 'avertissement') bilan.avertissements++
      if (p.niveau === 'correction') bilan.corrections++
    }
    if (!resultat.localisation.commune) bilan.communesIntrouvables++
    const acceptee = resultat.lieu !== null && premiere === undefined
    if (acceptee) bilan.acceptes++
    else bilan.rejetes++
    yield { ligne: rangee.ligne, id, brut: rangee.valeurs, resultat, acceptee }
    if ((rang + 1) % 1000 === 0) options.progression?.(rang + 1, bilan.lus)
  }
  options.progression?.(bilan.lus, bilan.lus)
}

type Analyse = ReturnType<typeof analyser>

/** Reads the file and what it is made of: format, encoding, columns, version of the schema. */
function analyser(options: OptionsImport) {
  const lecture = lireFichier(options.nomFichier, options.octets)
  const contexte = { aujourdhui: options.aujourdhui ?? aujourdhuiParis(), referentiel: referentiel() }
  const colonnesInconnues = lecture.colonnes.filter((c) => role(c).type === 'inconnue' && !c.startsWith('__'))
  const servicesV0 = lecture.rangees.slice(0, 50).some((r) =>
    decouper(r.valeurs.services).some((v) => lireValeur('services', v)?.mode === 'conversion'),
  )
  return { lecture, contexte, colonnesInconnues, version: detecterVersion(lecture.colonnes, servicesV0) }
}
function nouveauBilan(options: OptionsImport, { lecture, colonnesInconnues, version }: Analyse): Bilan {
  return {
    source: options.source,
    fichier: options.nomFichier,
    format: lecture.format,
    encodage: lecture.encodage,
    version,
    lus: lecture.rangees.length,
    acceptes: 0,
    rejetes: 0,
    nouveaux: 0,
    misAJour: 0,
    retires: 0,
    avertissements: colonnesInconnues.length,
    corrections: 0,
    communesIntrouvables: 0,
    colonnesInconnues,
    rapport: colonnesInconnues.map((colonne) => ({
      ligne: 1,
      id: '',
      champ: colonne,
      valeur: '',
      message: `La colonne « ${colonne} » n'appartient pas au standard v1.0.2 : elle est ignorée (sa valeur reste dans l'enregistrement source).`,
      niveau: 'avertissement',
    })),
  }
}

/** Validates a file and returns what an import would do, without touching the database. */
export function verifier(options: OptionsImport): Bilan {
  const analyse = analyser(options)
  const bilan = nouveauBilan(options, analyse)
  for (const _examen of examiner(options, analyse, bilan)) {
    // counting only
  }
  return bilan
}

export async function importer(base: Base, options: OptionsImport): Promise<Bilan> {
  const analyse = analyser(options)
  const bilan = nouveauBilan(options, analyse)
  try {
    await enregistrer(base, options, analyse, bilan)
  } catch (erreur) {
    throw new ImportEchoueError(
      `L'importation de « ${options.nomFichier} » a échoué : la base n'a pas été modifiée. Cause : ${causeRacine(erreur)}`,
      { cause: erreur },
    )
  }
  return bilan
}

export class ImportEchoueError extends Error {}

/** The innermost message of an error chain (Drizzle wraps driver errors with the whole query). */
function causeRacine(erreur: unknown): string {
  let courante: unknown = erreur
  while (courante instanceof Error && courante.cause instanceof Error) courante = courante.cause
  const message = courante instanceof Error ? courante.message : String(courante)
  return message.length > 300 ? `${message.slice(0, 299)}…` : message
}

async function enregistrer(base: Base, options: OptionsImport, analyse: Analyse, bilan: Bilan): Promise<void> {
  const { lecture, version } = analyse
  const debut = new Date()
  const empreinte = createHash('sha256').update(options.octets).digest('hex')
  await base.db.transaction(async (tx) => {
    const source = await sourceParNom(tx, options.source, options.demo ?? false)
    const [importation] = await tx
      .insert(imports)
      .values({
        sourceId: source.id,
        fileName: options.nomFichier,
        fileSha256: empreinte,
        format: lecture.format,
        schemaVersion: version,
        encoding: lecture.encodage,
        startedAt: debut,
        finishedAt: debut,
        rowsRead: bilan.lus,
        rowsAccepted: 0,
        rowsRejected: 0,
        warnings: 0,
        corrections: 0,
        withdrawn: 0,
      })
      .returning({ id: imports.id })
    if (!importation) throw new Error("L'importation n'a pas pu être enregistrée.")

    // Writing a batch overlaps with validating the next one: at most one write in flight, and
    // on one connection the database runs them in order.
    let lot: Acceptee[] = []
    let rejetesConnus: string[] = []
    let enVol: Promise<void> | undefined
    const ecrire = async (acceptees: Acceptee[], rejetes: string[]) => {
      if (acceptees.length > 0) {
        const nouveaux = await ecrireLot(
          tx,
          source,
          importation.id,
          acceptees.map((a) => ({ lieu: a.resultat.lieu, situation: situation(a.resultat.lieu, a.resultat.localisation.commune, source.demo), brut: a.brut, ligne: a.ligne })),
        )
        bilan.nouveaux += nouveaux
        bilan.misAJour += acceptees.length - nouveaux
      }
      if (rejetes.length > 0) {
        // A row rejected now keeps its previous accepted version: the source still lists it.
        await tx
          .update(sourceRecords)
          .set({ lastImportId: importation.id })
          .where(and(eq(sourceRecords.sourceId, source.id), inArray(sourceRecords.recordId, rejetes)))
      }
    }
    const vider = async () => {
      if (enVol) await enVol
      enVol = ecrire(lot, rejetesConnus)
      enVol.catch(() => {}) // surfaced by the next await
      lot = []
      rejetesConnus = []
    }

    for (const examen of examiner(options, analyse, bilan)) {
      if (examen.acceptee) lot.push({ ligne: examen.ligne, resultat: examen.resultat as Acceptee['resultat'], brut: examen.brut })
      else if (examen.id) rejetesConnus.push(examen.id)
      if (lot.length >= TAILLE_LOT || rejetesConnus.length >= TAILLE_LOT) await vider()
    }
    await vider()
    await enVol

    if (!options.conserverAbsents) {
      const absents = tx
        .select({ uid: sourceRecords.lieuUid })
        .from(sourceRecords)
        .where(
          and(
            eq(sourceRecords.sourceId, source.id),
            or(isNull(sourceRecords.lastImportId), ne(sourceRecords.lastImportId, importation.id)),
          ),
        )
      const retires = await tx
        .update(lieux)
        .set({ statut: 'retire', updatedAt: new Date() })
        .where(and(eq(lieux.statut, 'publie'), inArray(lieux.uid, absents)))
        .returning({ uid: lieux.uid })
      bilan.retires = retires.length
    }

    await tx
      .update(imports)
      .set({
        finishedAt: new Date(),
        rowsAccepted: bilan.acceptes,
        rowsRejected: bilan.rejetes,
        warnings: bilan.avertissements,
        corrections: bilan.corrections,
        withdrawn: bilan.retires,
      })
      .where(eq(imports.id, importation.id))
  })
}

async function sourceParNom(db: Db, nom: string, demo: boolean): Promise<{ id: number; name: string; demo: boolean }> {
  await db.insert(sources).values({ name: nom, demo }).onConflictDoNothing({ target: sources.name })
  const [source] = await db.select({ id: sources.id, name: sources.name, demo: sources.demo }).from(sources).where(eq(sources.name, nom))
  if (!source) throw new Error(`La source « ${nom} » n'a pas pu être créée.`)
  return source
}

