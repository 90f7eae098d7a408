/** Paths to the shared real data (read in place, never copied into the repository). */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const DOSSIER_PARTAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data')
export const partageDisponible = existsSync(DOSSIER_PARTAGE)

export const cheminPartage = (relatif: string): string => path.join(DOSSIER_PARTAGE, relatif)
export const lirePartage = (relatif: string): Buffer => readFileSync(cheminPartage(relatif))
