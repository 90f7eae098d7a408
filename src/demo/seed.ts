/**
 * The demo territory: on an empty registry, generates plausible places from the real communes
 * of one département and imports them through the ordinary import path, as the source
 * « Démonstration » whose places every page marks « Données de démonstration » — then a
 * handful of actors of the network and their partnerships (`pilotage/acteurs/demo.ts`), and a
 * small roadmap with its tracked indicators (`pilotage.ts`).
 */
import type { Base } from '../platform/db/database.ts'
import { importer, type Bilan } from '../places/registry/import.ts'
import { statistiques } from '../places/registry/queries.ts'
import { referentiel } from '../territories/referentiel.ts'
import { genererLieux } from './generator.ts'
import { communesSituees } from './positions.ts'
import { importerActeurs } from '../pilotage/acteurs/index.ts'
import { acteursDemo, SOURCE_DEMO_ACTEURS } from '../pilotage/acteurs/demo.ts'
import { pilotageDeDemonstration } from './pilotage.ts'

export const SOURCE_DEMO = 'Démonstration'

export interface OptionsDemo {
  departement: string
  nombre: number
}

/** The places of the demo territory, as the content of a v1.0.2 JSON file. */
export function fichierDemo(options: OptionsDemo): Buffer {
  const ref = referentiel()
  if (!ref.departements.has(options.departement)) {
    throw new Error(`Département « ${options.departement} » inconnu pour les données de démonstration.`)
  }
  const communes = communesSituees(ref, [options.departement])
  const lieux = [...genererLieux({ communes, nombre: options.nombre, prefixe: `demo-${options.departement}` })]
  return Buffer.from(JSON.stringify(lieux, null, 1))
}

/** Seeds the demo territory if the registry holds no place at all; returns the import's summary, or null. */
export async function semerSiVide(base: Base, options: OptionsDemo): Promise<Bilan | null> {
  const { publies, retires } = await statistiques(base.db)
  if (publies + retires > 0) return null
  const bilan = await importer(base, {
    source: SOURCE_DEMO,
    demo: true,
    nomFichier: `demo-${options.departement}.json`,
    octets: fichierDemo(options),
  })
  // a handful of actors of the network and their partnerships (cartography of actors)
  const ref = referentiel()
  const acteurs = acteursDemo(ref, options.departement)
  if (acteurs.length > 0) {
    await importerActeurs(base, ref, { source: SOURCE_DEMO_ACTEURS, demo: true, nomFichier: `acteurs-demo-${options.departement}.json`, octets: Buffer.from(JSON.stringify(acteurs)) })
  }
  // a roadmap of the year and its tracked indicators (pilotage), owners among those actors
  await pilotageDeDemonstration(base, options.departement)
  return bilan
}
