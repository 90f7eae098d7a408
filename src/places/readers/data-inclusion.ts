/**
 * data·inclusion, in its two shapes.
 *
 * - **v1** (`{ "structures": […], "services": […] }`, or an array of structures that embed their
 *   `services`): each structure and its services (joined on `structure_id`) becomes one row
 *   `{ id, structure, services }`, recognised automatically (`data-inclusion-v1.ts` maps it).
 * - **The 2023 export converted to the old standard** (an array of v0.1 rows, like
 *   `data-inclusion-2023.json`, chosen with `--format data-inclusion`): rows are already in the
 *   standard, but it aggregates several sources whose local ids collide (3,811 records, 3,571
 *   ids; every collision is between two sources). Each id is therefore qualified by its source,
 *   as data·inclusion itself writes them: `siao--1003`, `Hinaura--1003`. The rule is stable
 *   (it does not depend on the order of the rows, nor on which ids collide in this file); two
 *   records of the same source with the same id are still rejected by the registry, with the
 *   line of the first one.
 */
import { adapterStructure, estObjet } from './data-inclusion-v1.ts'
import { texte } from './cellules.ts'
import type { Adaptation, ContexteLecteur, Lecteur } from './lecteur.ts'

type Objet = Record<string, unknown>

const estStructure = (v: unknown): v is Objet => estObjet(v) && texte(v.id) !== undefined && 'nom' in v
const servicesEmbarques = (v: Objet): Objet[] | undefined => (Array.isArray(v.services) && v.services.every(estObjet) ? (v.services as Objet[]) : undefined)

/** The rows of a data·inclusion v1 document, or `undefined` when the document has another shape. */
export function rangeesDataInclusion(donnees: unknown): unknown[] | undefined {
  if (estObjet(donnees) && Array.isArray(donnees.structures) && (donnees.services === undefined || Array.isArray(donnees.services))) {
    const parStructure = new Map<string, Objet[]>()
    for (const service of (donnees.services ?? []) as unknown[]) {
      if (!estObjet(service)) continue
      const id = texte(service.structure_id)
      if (id === undefined) continue
      parStructure.set(id, [...(parStructure.get(id) ?? []), service])
    }
    return donnees.structures.map((structure: unknown) => {
      const id = estObjet(structure) ? texte(structure.id) : undefined
      return { id, structure, services: id === undefined ? [] : (parStructure.get(id) ?? []) }
    })
  }
  if (Array.isArray(donnees) && donnees.length > 0 && donnees.every(estStructure) && donnees.some((s) => servicesEmbarques(s) !== undefined)) {
    return donnees.map((structure) => ({ id: texte(structure.id), structure }))
  }
  return undefined
}

const COLONNES_V1 = new Set(['id', 'structure', 'services'])

/** `source--id`, the id qualified by its source (data·inclusion's own form), unless it already is. */
export function idQualifie(id: string, source: string | undefined): string {
  if (source === undefined || id.startsWith(`${source}--`)) return id
  return `${source.replace(/\s+/g, '-')}--${id}`
}

function adapter(valeurs: Record<string, unknown>, contexte: ContexteLecteur): Adaptation {
  if (estObjet(valeurs.structure)) {
    const structure = valeurs.structure
    const services = Array.isArray(valeurs.services) ? valeurs.services.filter(estObjet) : (servicesEmbarques(structure) ?? [])
    return adapterStructure(structure, services, contexte)
  }
  const id = texte(valeurs.id)
  if (id === undefined) return { valeurs }
  return { valeurs: { ...valeurs, id: idQualifie(id, texte(valeurs.source)) } }
}

export const lecteurDataInclusion: Lecteur = {
  nom: 'data-inclusion',
  libelle: 'data·inclusion (schéma v1, ou export 2023 converti au standard v0.1)',
  reconnait: (colonnes) => colonnes.includes('structure') && colonnes.every((c) => COLONNES_V1.has(c)),
  document: rangeesDataInclusion,
  adapter,
}
