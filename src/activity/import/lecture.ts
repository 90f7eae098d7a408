/**
 * Reads La Coop's « Activités » export into rows: XLSX (sheet « Activités », loaded whole
 * with exceljs) or CSV (the same sheet saved by a spreadsheet: `;` or `,`, UTF-8 with or without
 * BOM or windows-1252 — decoded and split by the places' readers, `places/io`). The export starts
 * with metadata and filter rows: the table starts at the row that names its columns. Each row
 * keeps its number as a spreadsheet shows it (sheet row; for a CSV, the record's rank, not the
 * line of the file, since cells with several values span several lines) for the report.
 */
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { decoder, type Encodage } from '../../places/io/decodage.ts'
import { detecterSeparateur, FichierIlisibleError } from '../../places/io/lecture.ts'
import { type Cellule, type Colonne, COLONNES, estEntete, type LigneExport, manquantes, positions } from './colonnes.ts'

export interface LectureExport {
  format: 'xlsx' | 'csv'
  encodage?: Encodage
  lignes: LigneExport[]
  /** Headers of the table that are not La Coop's (ignored). */
  colonnesInconnues: string[]
}

/** The table's header is looked for in the first rows only. */
const LIGNES_AVANT_ENTETE = 100

const AIDE = `Exportez vos activités depuis La Coop (« Mes activités » → « Exporter ») et importez le fichier XLSX tel quel, ou enregistré en CSV. Colonnes attendues : ${Object.values(COLONNES).join(', ')}.`

/** An exceljs cell value as text, number, boolean or date. */
function valeurCellule(v: unknown): Cellule {
  if (v === null || v === undefined) return undefined
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown }
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('')
    if ('result' in o) return valeurCellule(o.result)
    if (o.text !== undefined) return valeurCellule(o.text)
    if (o.error !== undefined) return String(o.error)
  }
  return String(v)
}

const vide = (cellules: readonly unknown[]): boolean => cellules.every((c) => c === undefined || c === null || (typeof c === 'string' && c.trim() === ''))

/** Builds the rows of the table once its header is known. */
class Table {
  private colonnes?: Map<number, Colonne>
  readonly lignes: LigneExport[] = []
  inconnues: string[] = []

  get trouvee(): boolean {
    return this.colonnes !== undefined
  }

  /** Feeds one row (cells from position 0); returns false once it is clear the header is absent. */
  ajouter(numero: number, cellules: readonly Cellule[]): boolean {
    if (!this.colonnes) {
      if (estEntete(cellules)) {
        const { positions: p, inconnues } = positions(cellules)
        const absentes = manquantes(p.values())
        if (absentes.length > 0) throw new FichierIlisibleError(`Colonnes absentes de l’export « Activités » : ${absentes.join(', ')}. ${AIDE}`)
        this.colonnes = p
        this.inconnues = inconnues
      }
      return this.colonnes !== undefined || numero <= LIGNES_AVANT_ENTETE
    }
    if (vide(cellules)) return true
    const ligne: LigneExport = { ligne: numero, cellules: {} }
    for (const [i, colonne] of this.colonnes) {
      const valeur = cellules[i]
      if (valeur !== undefined && !(typeof valeur === 'string' && valeur.trim() === '')) ligne.cellules[colonne] = valeur
    }
    this.lignes.push(ligne)
    return true
  }
}

async function lireXlsx(octets: Uint8Array): Promise<LectureExport> {
  // The whole workbook is loaded (the file is in memory already): exceljs' streaming reader
  // loses `xl/workbook.xml` now and then when it comes after the sheets, as in La Coop's files.
  const classeur = new ExcelJS.Workbook()
  try {
    await classeur.xlsx.load(Buffer.from(octets) as unknown as ArrayBuffer)
  } catch (erreur) {
    throw new FichierIlisibleError(`Le fichier XLSX est illisible : ${(erreur as Error).message}`)
  }
  for (const feuille of classeur.worksheets) {
    const table = new Table()
    let abandonnee = false
    feuille.eachRow((rangee, numero) => {
      if (abandonnee) return
      // exceljs' row values start at index 1
      const cellules = (rangee.values as unknown[]).slice(1).map(valeurCellule)
      abandonnee = !table.ajouter(numero, cellules)
    })
    if (table.trouvee) return { format: 'xlsx', lignes: table.lignes, colonnesInconnues: table.inconnues }
  }
  throw new FichierIlisibleError(`Aucune feuille du classeur n’a le tableau des activités de La Coop (ligne d’en-tête avec « Date », « Type » et « ID CRA »). ${AIDE}`)
}

function lireCsv(octets: Uint8Array): LectureExport {
  const { texte, encodage } = decoder(octets)
  // the separator of the header line (metadata lines before it may have none)
  const ligneEntete = texte.split(/\r\n|\r|\n/).find((l) => /id\s*cra/i.test(l))
  const separateur = detecterSeparateur(ligneEntete ?? texte)
  let enregistrements: string[][]
  try {
    enregistrements = parse(texte, { delimiter: separateur, relax_quotes: true, relax_column_count: true, skip_empty_lines: false })
  } catch (erreur) {
    throw new FichierIlisibleError(`Le fichier CSV est illisible : ${(erreur as Error).message}`)
  }
  const table = new Table()
  // rows numbered as a spreadsheet shows them (La Coop's cells often span several lines of the file)
  for (const [i, record] of enregistrements.entries()) if (!table.ajouter(i + 1, record)) break
  if (!table.trouvee) throw new FichierIlisibleError(`Le fichier n’a pas le tableau des activités de La Coop (ligne d’en-tête avec « Date », « Type » et « ID CRA »). ${AIDE}`)
  return { format: 'csv', encodage, lignes: table.lignes, colonnesInconnues: table.inconnues }
}

/** An XLSX file is a zip archive: it starts with `PK\x03\x04`. */
const estXlsx = (nomFichier: string, octets: Uint8Array): boolean =>
  /\.xlsx$/i.test(nomFichier) || (octets[0] === 0x50 && octets[1] === 0x4b && octets[2] === 0x03 && octets[3] === 0x04)

export async function lireExportCoop(nomFichier: string, octets: Uint8Array): Promise<LectureExport> {
  if (octets.length === 0) throw new FichierIlisibleError('Le fichier est vide.')
  return estXlsx(nomFichier, octets) ? lireXlsx(octets) : lireCsv(octets)
}
