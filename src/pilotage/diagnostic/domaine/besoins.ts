/**
 * The needs of the diagnosis (pure): the orientation's needs (`src/orientation/besoins.ts`)
 * grouped by the set of services that answers them. Many needs share one set (the four « bases »
 * needs all ask for « Prise en main d'un équipement informatique », six démarches for « Accéder à
 * des droits »): their nearest place is the same, so the table shows one column per distinct set
 * — ten columns, not seventeen identical ones — named after the orientation's group when several
 * needs share it, after the need itself otherwise. Any need id of the orientation (`impots`)
 * leads to its column.
 */
import { GROUPES } from '../../../orientation/besoins.ts'
import type { BesoinDiagnostic } from './types.ts'

const cleServices = (services: readonly string[]) => [...services].sort().join('|')

function construire(): { colonnes: BesoinDiagnostic[]; parBesoin: Map<string, BesoinDiagnostic> } {
  const parCle = new Map<string, { groupe: string; groupeId: string; besoins: Array<{ id: string; libelle: string }>; services: readonly string[] }>()
  for (const g of GROUPES) {
    for (const b of g.besoins) {
      const cle = cleServices(b.services)
      const deja = parCle.get(cle)
      if (deja) deja.besoins.push({ id: b.id, libelle: b.libelle })
      else parCle.set(cle, { groupe: g.libelle, groupeId: g.id, besoins: [{ id: b.id, libelle: b.libelle }], services: b.services })
    }
  }
  const colonnes: BesoinDiagnostic[] = []
  const parBesoin = new Map<string, BesoinDiagnostic>()
  for (const c of parCle.values()) {
    const seul = c.besoins.length === 1 ? c.besoins[0] : undefined
    const colonne: BesoinDiagnostic = seul
      ? { id: seul.id, libelle: seul.libelle, groupe: c.groupe, services: c.services }
      : { id: c.groupeId, libelle: c.groupe, groupe: c.groupe, services: c.services }
    colonnes.push(colonne)
    parBesoin.set(colonne.id, colonne)
    for (const b of c.besoins) parBesoin.set(b.id, colonne)
  }
  return { colonnes, parBesoin }
}

const { colonnes, parBesoin } = construire()

/** The columns of the diagnosis, in the orientation's order. */
export const BESOINS_DIAGNOSTIC: readonly BesoinDiagnostic[] = colonnes

/** The column of a need id of the orientation (`impots` → « Faire une démarche en ligne ») or of a column id. */
export const besoinDiagnostic = (id: string): BesoinDiagnostic | undefined => parBesoin.get(id)
