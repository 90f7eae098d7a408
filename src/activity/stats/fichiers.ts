/**
 * Writing export rows to the HTTP reply as they come: XLSX through exceljs' streaming
 * `WorkbookWriter` (each row committed, never the whole workbook in memory; one sheet or several) and CSV through
 * csv-stringify (`;`-separated, UTF-8 with BOM, decimal commas: what a French spreadsheet opens
 * as is; a text starting like a formula is prefixed with « ' »). A failure midway cuts the
 * download rather than sending a truncated file as complete.
 */
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { stringify } from 'csv-stringify'
import type { FastifyReply } from 'fastify'
import type { CelluleExport, LigneExport } from './export.ts'

export const TYPE_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export type Lignes = Iterable<LigneExport> | AsyncIterable<LigneExport>

function preparer(reply: FastifyReply, type: string, nomFichier: string): void {
  reply.type(type).header('content-disposition', `attachment; filename="${nomFichier}"`).header('cache-control', 'no-store')
}

/** Streams `lignes` as a one-sheet workbook. */
export function envoyerXlsx(reply: FastifyReply, nomFichier: string, feuille: string, lignes: Lignes, largeurs: readonly number[] = [48, 16, 12, 12]): Promise<FastifyReply> {
  return envoyerClasseur(reply, nomFichier, [{ nom: feuille, lignes, largeurs }])
}

export interface FeuilleXlsx {
  nom: string
  lignes: Lignes
  largeurs: readonly number[]
}

/** Streams a workbook of several sheets, one after the other. */
export async function envoyerClasseur(reply: FastifyReply, nomFichier: string, feuilles: readonly FeuilleXlsx[]): Promise<FastifyReply> {
  const flux = new PassThrough()
  preparer(reply, TYPE_XLSX, nomFichier)
  void reply.send(flux)
  try {
    const classeur = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: flux, useStyles: true, useSharedStrings: false })
    classeur.creator = 'Aiguillage'
    for (const feuille of feuilles) {
      const ws = classeur.addWorksheet(feuille.nom)
      ws.columns = feuille.largeurs.map((width) => ({ width }))
      for await (const l of feuille.lignes) {
        const rangee = ws.addRow(l.cellules)
        if (l.style) rangee.font = { bold: true, ...(l.style === 'titre' && { size: 14 }) }
        rangee.commit()
      }
      ws.commit()
    }
    await classeur.commit()
  } catch (erreur) {
    flux.destroy(erreur as Error)
  }
  return reply
}

const DECIMAL = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3, useGrouping: false })
/** A text a spreadsheet would take for a formula (`=`, `+`, `-`, `@`…) is kept as text. */
const enTexte = (c: CelluleExport): string => (typeof c === 'number' ? DECIMAL.format(c) : /^[=+\-@\t\r]/.test(c) ? `'${c}` : c)

/** Streams `lignes` as a `;`-separated CSV with BOM. */
export async function envoyerCsv(reply: FastifyReply, nomFichier: string, lignes: Lignes): Promise<FastifyReply> {
  const csv = stringify({ delimiter: ';', bom: true, record_delimiter: '\r\n' })
  preparer(reply, 'text/csv; charset=utf-8', nomFichier)
  void reply.send(csv)
  try {
    for await (const l of lignes) {
      if (!csv.write(l.cellules.map(enTexte))) await new Promise((fait) => csv.once('drain', fait))
    }
    csv.end()
  } catch (erreur) {
    csv.destroy(erreur as Error)
  }
  return reply
}
