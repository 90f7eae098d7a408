/**
 * Importing the QPV list and the density grid (I/O): the file is read (CSV `;` or `,`, UTF-8 or
 * windows-1252, or JSON) by `src/places/io/`, checked row by row (`lecture.ts`), then written in
 * one transaction — the QPV list replaces the previous one (it is the official list), the density
 * levels are upserted. Rejected rows come back with their reasons; nothing is written when the
 * file lacks a needed column.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../../../platform/db/database.ts'
import { communesDensite, qpv } from '../../../platform/db/schema.ts'
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

export async function importerQpv(db: Db, nomFichier: string, octets: Uint8Array): Promise<BilanImport> {
  const fichier = lireFichier(nomFichier, octets)
  const lu = lireQpv(fichier.colonnes, fichier.rangees, communeConnue)
  if ('manquantes' in lu) throw new FichierIlisibleError(`Colonnes introuvables dans ${nomFichier} : ${lu.manquantes.join(' ; ')}.`)
  await db.transaction(async (tx) => {
    await tx.delete(qpv)
    for (let i = 0; i < lu.acceptees.length; i += LOT) await tx.insert(qpv).values(lu.acceptees.slice(i, i + LOT))
  })
  return bilan(lu)
}

export async function importerDensite(db: Db, nomFichier: string, octets: Uint8Array): Promise<BilanImport> {
  const fichier = lireFichier(nomFichier, octets)
  const lu = lireDensite(fichier.colonnes, fichier.rangees, communeConnue)
  if ('manquantes' in lu) throw new FichierIlisibleError(`Colonnes introuvables dans ${nomFichier} : ${lu.manquantes.join(' ; ')}.`)
  await db.transaction(async (tx) => {
    for (let i = 0; i < lu.acceptees.length; i += LOT) {
      await tx
        .insert(communesDensite)
        .values(lu.acceptees.slice(i, i + LOT))
        .onConflictDoUpdate({ target: communesDensite.codeCommune, set: { niveau: sql`excluded.niveau`, importeLe: sql`now()` } })
    }
  })
  return bilan(lu)
}
