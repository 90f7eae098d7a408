/**
 * Imports La Coop's « Activités » export so that a territory brings its history: reads the file
 * (`lecture.ts`), turns rows into checked activities (`correspondance.ts`), leaves out those
 * already imported (same « ID CRA »: importing a file twice adds nothing), then writes the rest
 * in batches (`ecriture.ts`). The importing person chooses the place the history is recorded for
 * and, optionally, the mediator's account; a row whose « Nom du lieu » and « Code Insee » are
 * those of another place of the same structure is recorded for that place.
 */
import type { Db } from '../../platform/db/database.ts'
import { aujourdhuiParis } from '../../places/validation/date-maj.ts'
import { cle } from '../../platform/text.ts'
import type { Acteur } from '../../audit/journal.ts'
import { accompagnementsDe } from '../domain/comptage.ts'
import { type ActiviteRejetee, convertir } from './correspondance.ts'
import { type AEcrire, dejaImportees, ecrireLot, lieuxDeLaStructure } from './ecriture.ts'
import { lireExportCoop } from './lecture.ts'

export interface OptionsImportCoop {
  nomFichier: string
  octets: Uint8Array
  /** The place the history is recorded for (one of the importing person's places or of their territory). */
  lieuUid: number
  /** The mediator's account the history belongs to, or null. */
  mediateurId: number | null
  aujourdhui?: string
  /** Activities per transaction. */
  taillesLot?: number
  /** Called after each batch with the activities handled so far. */
  progression?: (faites: number, total: number) => void
}

export interface BilanImportCoop {
  fichier: string
  format: 'xlsx' | 'csv'
  encodage?: string
  /** Data rows read (one per accompaniment). */
  lignes: number
  /** Activities found (rows grouped by « ID CRA »). */
  activites: number
  importees: number
  accompagnementsImportes: number
  /** Activities already imported before (by their « ID CRA »), with their lines. */
  dejaImportees: Array<{ idCra: string; lignes: number[] }>
  rejetees: ActiviteRejetee[]
  /** Activities recorded for another place of the structure than the chosen one (recognised by name and commune). */
  autresLieux: number
  /** Places named in the file but not found in the structure: their activities went to the chosen place. */
  lieuxNonReconnus: string[]
  colonnesInconnues: string[]
}

export async function importerExportCoop(db: Db, acteur: Acteur, options: OptionsImportCoop): Promise<BilanImportCoop> {
  const lecture = await lireExportCoop(options.nomFichier, options.octets)
  const { lieux } = await lieuxDeLaStructure(db, options.lieuUid)
  const parCle = new Map(lieux.map((l) => [`${cle(l.nom)}|${l.codeInsee ?? ''}`, l.uid]))
  const nonReconnus = new Set<string>()
  const conversion = convertir(lecture.lignes, {
    aujourdhui: options.aujourdhui ?? aujourdhuiParis(),
    lieuDe: (nom, codeInsee) => {
      if (nom === undefined) return options.lieuUid
      const uid = parCle.get(`${cle(nom)}|${codeInsee ?? ''}`)
      if (uid === undefined) nonReconnus.add(codeInsee ? `${nom} (${codeInsee})` : nom)
      return uid ?? options.lieuUid
    },
  })

  const deja = await dejaImportees(db, conversion.activites.map((a) => a.idCra))
  const dejaImporteesListe = conversion.activites.filter((a) => deja.has(a.idCra)).map((a) => ({ idCra: a.idCra, lignes: a.lignes }))
  const aEcrire: Array<AEcrire & { lignes: number[] }> = conversion.activites
    .filter((a) => !deja.has(a.idCra))
    .map((a) => ({ idCra: a.idCra, lignes: a.lignes, activite: a.activite, lieuUid: a.activite.typeLieu === 'lieu_activite' && a.activite.lieu !== undefined ? Number(a.activite.lieu) : options.lieuUid }))

  const taille = options.taillesLot ?? 500
  const contexte = { mediateurId: options.mediateurId, lieux: new Map(lieux.map((l) => [l.uid, l])) }
  let importees = 0
  let accompagnements = 0
  for (let i = 0; i < aEcrire.length; i += taille) {
    const lot = aEcrire.slice(i, i + taille)
    const inserees = new Set(await ecrireLot(db, acteur, lot, contexte))
    for (const a of lot) {
      if (inserees.has(a.idCra)) {
        importees++
        accompagnements += accompagnementsDe(a.activite)
      } else dejaImporteesListe.push({ idCra: a.idCra, lignes: a.lignes }) // imported meanwhile by another import
    }
    options.progression?.(Math.min(i + taille, aEcrire.length), aEcrire.length)
  }

  return {
    fichier: options.nomFichier,
    format: lecture.format,
    ...(lecture.encodage !== undefined && { encodage: lecture.encodage }),
    lignes: lecture.lignes.length,
    activites: conversion.activites.length + conversion.rejetees.filter((r) => r.idCra !== undefined).length,
    importees,
    accompagnementsImportes: accompagnements,
    dejaImportees: dejaImporteesListe.sort((a, b) => (a.lignes[0] ?? 0) - (b.lignes[0] ?? 0)),
    rejetees: conversion.rejetees,
    autresLieux: aEcrire.filter((a) => a.lieuUid !== options.lieuUid).length,
    lieuxNonReconnus: [...nonReconnus].sort((a, b) => a.localeCompare(b, 'fr')),
    colonnesInconnues: lecture.colonnesInconnues,
  }
}
