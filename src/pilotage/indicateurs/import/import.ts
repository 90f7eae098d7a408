/**
 * Importing the QPV list and the density grid (I/O): the file is read (CSV `;` or `,`, UTF-8 or
 * windows-1252, or JSON) by `src/places/io/`, checked row by row (`lecture.ts`), then written in
 * one transaction — the QPV list replaces the previous one (it is the official list), the density
 * levels are upserted. Rejected rows come back with their reasons; nothing is written when the
 * file lacks a needed column or when no row is accepted (`FichierIlisibleError`: a file of bad rows
 * never wipes the previous QPV list). The same transaction writes one audit line per file
 * (`qpv.importe`, `densite.importe`): who, the file's name and the counts (never the rows).
 */
import path from 'node:path'
import { sql } from 'drizzle-orm'
import type { Db } from '../../../platform/db/database.ts'
import { communesDensite, qpv } from '../../../platform/db/schema.ts'
import { type Acteur, inscrire, SYSTEME } from '../../../audit/journal.ts'
import { FichierIlisibleError, lireFichier } from '../../../places/io/lecture.ts'
import { referentiel } from '../../../territories/referentiel.ts'
import { lireDensite, lireQpv, type Rejet } from './lecture.ts'

export interface BilanImport {
  lues: number
  acceptees: number
  rejetees: number
  rejets: Rejet[]
}

const communeConnue = (code: string) => referentiel().communes.has(code)
const LOT = 500

function bilan(lu: { lues: number; acceptees: unknown[]; rejets: Rejet[] }): BilanImport {
  return { lues: lu.lues, acceptees: lu.acceptees.length, rejetees: new Set(lu.rejets.map((r) => r.ligne)).size, rejets: lu.rejets }
}

/** The rows read, or why the whole file is refused (a missing column, or no row accepted). */
function verifier<T>(nomFichier: string, lu: { acceptees: T[]; rejets: Rejet[]; lues: number } | { manquantes: string[] }): { acceptees: T[]; rejets: Rejet[]; lues: number } {
  if ('manquantes' in lu) throw new FichierIlisibleError(`Colonnes introuvables dans ${nomFichier} : ${lu.manquantes.join(' ; ')}.`)
  if (lu.acceptees.length === 0) {
    const exemple = lu.rejets[0]
    throw new FichierIlisibleError(
      `Aucune ligne valable dans ${nomFichier} (${lu.lues} lue${lu.lues > 1 ? 's' : ''}) : rien n’est enregistré, les données précédentes sont conservées.` +
        (exemple ? ` Par exemple, ligne ${exemple.ligne}, colonne ${exemple.colonne} : ${exemple.message}` : ''),
    )
  }
  return lu
}

const journaliser = (tx: Db, acteur: Acteur, action: string, nomFichier: string, b: BilanImport) =>
  inscrire(tx, acteur, { action, objetType: 'indicateur', objetId: path.basename(nomFichier), changements: { lues: b.lues, acceptees: b.acceptees, rejetees: b.rejetees } })

export async function importerQpv(db: Db, nomFichier: string, octets: Uint8Array, acteur: Acteur = SYSTEME): Promise<BilanImport> {
  const fichier = lireFichier(nomFichier, octets)
  const lu = verifier(nomFichier, lireQpv(fichier.colonnes, fichier.rangees, communeConnue))
  const b = bilan(lu)
  await db.transaction(async (tx) => {
    await tx.delete(qpv)
    for (let i = 0; i < lu.acceptees.length; i += LOT) await tx.insert(qpv).values(lu.acceptees.slice(i, i + LOT))
    await journaliser(tx, acteur, 'qpv.importe', nomFichier, b)
  })
  return b
}

export async function importerDensite(db: Db, nomFichier: string, octets: Uint8Array, acteur: Acteur = SYSTEME): Promise<BilanImport> {
  const fichier = lireFichier(nomFichier, octets)
  const lu = verifier(nomFichier, lireDensite(fichier.colonnes, fichier.rangees, communeConnue))
  const b = bilan(lu)
  await db.transaction(async (tx) => {
    for (let i = 0; i < lu.acceptees.length; i += LOT) {
      await tx
        .insert(communesDensite)
        .values(lu.acceptees.slice(i, i + LOT))
        .onConflictDoUpdate({ target: communesDensite.codeCommune, set: { niveau: sql`excluded.niveau`, importeLe: sql`now()` } })
    }
    await journaliser(tx, acteur, 'densite.importe', nomFichier, b)
  })
  return b
}
