/**
 * Imports a file of actors (CSV `;` or `,`, UTF-8 or windows-1252, with or without BOM, or
 * JSON) with the same rules as places: one file is one transaction and one row of `imports`
 * (`objets = 'acteurs'`); every row is validated (`domaine/validation.ts`) and every problem of
 * a rejected row goes to the report (`import_problemes`) with its line and column; the other
 * rows go in, kept as received; a record the source no longer lists is withdrawn (its actor is
 * withdrawn unless another source still lists it); two sources giving the same SIRET make one
 * actor, merged field by field with its provenance. Partnerships of the `partenariats` column
 * are linked once every row is written (a partner may come later in the file).
 */
import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Base, Db } from '../../../platform/db/database.ts'
import { imports } from '../../../platform/db/schema.ts'
import { causeRacine } from '../../../platform/erreurs.ts'
import { lireFichier, type Format } from '../../../places/io/lecture.ts'
import type { Encodage } from '../../../places/io/decodage.ts'
import type { LigneRapport as LigneDeRapport } from '../../../places/registry/examen.ts'
import { aujourdhuiParis } from '../../../places/validation/date-maj.ts'
import { canoniser } from '../../../places/validation/colonnes.ts'
import { sourceParNom } from '../../../places/registry/import.ts'
import { SOURCE_ESPACE } from '../../../places/registry/recomposition.ts'
import { enregistrerRapport } from '../../../places/registry/rapport.ts'
import type { Referentiel } from '../../../territories/referentiel.ts'
import { COLONNES_ACTEUR, lireActeur, type Acteur } from '../domaine/validation.ts'
import type { PartenariatDeclare } from '../domaine/partenariats.ts'
import { SOURCE_SAISIE } from '../domaine/fusion.ts'
import { ecrireEnregistrement, recomposer } from '../store/ecriture.ts'
import { ecrirePartenariatsImportes } from '../store/partenariats.ts'

export interface OptionsImportActeurs {
  source: string
  nomFichier: string
  octets: Uint8Array
  producteur?: string | undefined
  licence?: string | undefined
  fiable?: boolean | undefined
  demo?: boolean
  /** Keep the records the file no longer lists (a partial file). */
  conserverAbsents?: boolean
  /** Today, `YYYY-MM-DD` (tests); default: today in Europe/Paris. */
  aujourdhui?: string
}

export interface BilanActeurs {
  source: string
  importId: number
  fichier: string
  format: Format
  encodage: Encodage
  lus: number
  acceptes: number
  rejetes: number
  nouveaux: number
  modifies: number
  retires: number
  partenariats: number
  colonnesInconnues: string[]
  rapport: LigneDeRapport[]
}

interface RangeeAcceptee {
  recordId: string
  ligne: number
  brut: unknown
  acteur: Acteur
  partenariats: PartenariatDeclare[]
}

export class ImportActeursEchoueError extends Error {}

/** Reads and validates the file, without the database. */
export function examinerActeurs(options: OptionsImportActeurs, ref: Referentiel) {
  const lecture = lireFichier(options.nomFichier, options.octets)
  const aujourdhui = options.aujourdhui ?? aujourdhuiParis()
  const connues = new Set<string>(COLONNES_ACTEUR)
  const colonnesInconnues = lecture.colonnes.filter((c) => c !== '' && !connues.has(canoniser(c)))
  const acceptees: RangeeAcceptee[] = []
  const rejetes: string[] = []
  const rapport: LigneDeRapport[] = []
  const vus = new Set<string>()
  let lus = 0
  for (const rangee of lecture.rangees) {
    lus++
    const valeurs = Object.fromEntries(Object.entries(rangee.valeurs).map(([k, v]) => [canoniser(k), v]))
    const lu = lireActeur(valeurs, ref, aujourdhui)
    const problemes = [...lu.problemes]
    if (lu.id !== null && vus.has(lu.id)) {
      problemes.push({ niveau: 'erreur', champ: 'id', valeur: lu.id, message: `L’identifiant « ${lu.id} » est déjà celui d’une ligne plus haut dans le fichier : chaque acteur a un identifiant unique.` })
    }
    for (const p of problemes) rapport.push({ ligne: rangee.ligne, id: lu.id ?? '', ...p })
    if (lu.acteur && lu.id !== null && !vus.has(lu.id)) acceptees.push({ recordId: lu.id, ligne: rangee.ligne, brut: rangee.brut, acteur: lu.acteur, partenariats: lu.partenariats })
    else if (lu.id !== null) rejetes.push(lu.id)
    if (lu.id !== null) vus.add(lu.id)
  }
  return { format: lecture.format, encodage: lecture.encodage, colonnes: lecture.colonnes, colonnesInconnues, acceptees, rejetes, rapport, lus }
}

/** Sources of what is typed by hand: a file under these names would withdraw every entry it lacks. */
const SOURCES_RESERVEES: readonly string[] = [SOURCE_SAISIE, SOURCE_ESPACE]

export async function importerActeurs(base: Base, ref: Referentiel, options: OptionsImportActeurs): Promise<BilanActeurs> {
  if (SOURCES_RESERVEES.includes(options.source.trim().toLowerCase())) {
    throw new ImportActeursEchoueError(
      `Le nom de source « ${options.source} » est réservé aux saisies faites à la main dans Aiguillage : choisissez un autre nom (par exemple celui du producteur du fichier). La base n’a pas été modifiée.`,
    )
  }
  const examen = examinerActeurs(options, ref)
  const bilan: BilanActeurs = {
    source: options.source,
    importId: 0,
    fichier: options.nomFichier,
    format: examen.format,
    encodage: examen.encodage,
    lus: examen.lus,
    acceptes: examen.acceptees.length,
    rejetes: examen.lus - examen.acceptees.length,
    nouveaux: 0,
    modifies: 0,
    retires: 0,
    partenariats: 0,
    colonnesInconnues: examen.colonnesInconnues,
    rapport: examen.rapport,
  }
  try {
    await base.db.transaction((tx) => enregistrer(tx, options, examen, bilan))
  } catch (erreur) {
    throw new ImportActeursEchoueError(`L’importation de « ${options.nomFichier} » a échoué : la base n’a pas été modifiée. Cause : ${causeRacine(erreur)}`, { cause: erreur })
  }
  return bilan
}

async function enregistrer(tx: Db, options: OptionsImportActeurs, examen: ReturnType<typeof examinerActeurs>, bilan: BilanActeurs): Promise<void> {
  const debut = new Date()
  const source = await sourceParNom(tx, { source: options.source, demo: options.demo ?? false, producteur: options.producteur, licence: options.licence, fiable: options.fiable })
  const [importation] = await tx
    .insert(imports)
    .values({
      sourceId: source.id,
      fileName: options.nomFichier,
      fileSha256: createHash('sha256').update(options.octets).digest('hex'),
      format: examen.format,
      schemaVersion: 'acteurs-1',
      encoding: examen.encodage,
      columns: examen.format === 'csv' ? examen.colonnes : null,
      objets: 'acteurs',
      startedAt: debut,
      finishedAt: debut,
      rowsRead: bilan.lus,
      rowsAccepted: bilan.acceptes,
      rowsRejected: bilan.rejetes,
      warnings: bilan.rapport.filter((l) => l.niveau === 'avertissement').length,
      corrections: bilan.rapport.filter((l) => l.niveau === 'correction').length,
      withdrawn: 0,
    })
    .returning({ id: imports.id })
  if (!importation) throw new Error('L’importation n’a pas pu être enregistrée.')
  bilan.importId = importation.id

  const touches = new Set<number>()
  const fusionsVers = new Map<number, number>()
  const acteurDe = new Map<string, number>()
  const crees = new Set<number>()
  for (const rangee of examen.acceptees) {
    const ecrit = await ecrireEnregistrement(tx, source, importation.id, rangee)
    touches.add(ecrit.acteurId)
    acteurDe.set(rangee.recordId, ecrit.acteurId)
    if (ecrit.nouveau) crees.add(ecrit.acteurId)
    if (ecrit.quitte !== null) {
      touches.add(ecrit.quitte)
      fusionsVers.set(ecrit.quitte, ecrit.acteurId)
    }
  }
  if (examen.rejetes.length > 0) {
    // a row rejected now keeps its previous accepted version: the source still lists it
    await tx.execute(sql`update acteurs_enregistrements set last_import_id = ${importation.id}
      where source_id = ${source.id} and record_id in (select jsonb_array_elements_text(${JSON.stringify(examen.rejetes)}::jsonb))`)
  }
  if (!options.conserverAbsents) {
    const absents = (await tx.execute(sql`update acteurs_enregistrements set retire = true
      where source_id = ${source.id} and not retire and (last_import_id is null or last_import_id <> ${importation.id}) returning acteur_id`)) as unknown as { rows: Array<{ acteur_id: number }> }
    for (const r of absents.rows) touches.add(r.acteur_id)
  }
  bilan.nouveaux = crees.size
  const { modifies, retires } = await recomposer(tx, touches, fusionsVers)
  bilan.modifies = modifies.filter((id) => !crees.has(id)).length
  bilan.retires = retires.length

  const { ecrits, problemes } = await ecrirePartenariatsImportes(
    tx,
    source.id,
    importation.id,
    examen.acceptees.flatMap((r) => {
      const acteurId = acteurDe.get(r.recordId)
      return acteurId === undefined ? [] : r.partenariats.map((p) => ({ ...p, acteurId, ligne: r.ligne, recordId: r.recordId }))
    }),
    examen.rejetes,
  )
  bilan.partenariats = ecrits
  bilan.rapport.push(...problemes)
  await enregistrerRapport(tx, importation.id, bilan.rapport)
  await tx.execute(sql`update imports set finished_at = now(), withdrawn = ${bilan.retires},
    warnings = ${bilan.rapport.filter((l) => l.niveau === 'avertissement').length} where id = ${importation.id}`)
}
