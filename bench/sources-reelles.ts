/**
 * The real files of ../shared/data/lieux as a territory would declare them in its source
 * registry: source name, producer, licence and date of the data (for files that carry none).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const DOSSIER_LIEUX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/data/lieux')

export interface SourceReelle {
  fichier: string
  source: string
  producteur: string
  licence: string
  dateDonnees?: string
  /** Reader to force (`--format`) when the file cannot be told by its columns. */
  format?: string
}

export const SOURCES_REELLES: readonly SourceReelle[] = [
  { fichier: 'france-services-2022.csv', source: 'france-services', producteur: 'ANCT', licence: 'Licence Ouverte 2.0', dateDonnees: '2022-12-01' },
  { fichier: 'aidants-connect-2024.csv', source: 'aidants-connect', producteur: 'Aidants Connect (ANCT)', licence: 'inconnue', dateDonnees: '2024-01-01' },
  { fichier: 'data-inclusion-2023.json', source: 'data-inclusion', producteur: 'data·inclusion', licence: 'inconnue', dateDonnees: '2023-06-01', format: 'data-inclusion' },
  { fichier: 'hinaura-2023-standard-v0.json', source: 'hinaura', producteur: 'Hub Hinaura', licence: 'ODbL' },
  { fichier: 'hub-du-sud-2023-standard-v1.json', source: 'hub-du-sud', producteur: 'Hub du Sud', licence: 'Licence Ouverte 2.0' },
  { fichier: 'charente-2023-standard-v1.json', source: 'charente', producteur: 'Département de la Charente', licence: 'Licence Ouverte 2.0' },
  { fichier: 'nouvelle-caledonie-2024-standard-v1.json', source: 'nouvelle-caledonie', producteur: 'Nouvelle-Calédonie', licence: 'Licence Ouverte 2.0' },
  { fichier: 'le-havre-2024-dirty-v0.json', source: 'le-havre', producteur: 'Le Havre Seine Métropole', licence: 'inconnue' },
]
