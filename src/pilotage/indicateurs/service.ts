/**
 * Computing indicators for a territory (I/O around the pure catalogue): loads once what the
 * asked indicators need, evaluates each, and snapshots the territory's computed indicators as
 * dated measures (once a day per indicator, author « calcul », the computation as source).
 */
import type { Db } from '../../platform/db/database.ts'
import type { Territoire } from '../../territories/territoire.ts'
import { besoinsDe, definitionDe, evaluer, NATIONAUX, type ResultatIndicateur } from './catalogue/index.ts'
import type { DefinitionIndicateur, Parametres, Periode } from './catalogue/types.ts'
import { chargerDonnees } from './donnees.ts'
import { ajouterReleves, type Indicateur, indicateursDuTerritoire, relevesDuJour } from './store.ts'

/** This year up to today: the period of « current » values. */
export const anneeEnCours = (aujourdhui: string): Periode => ({ du: `${aujourdhui.slice(0, 4)}-01-01`, au: aujourdhui })

export interface Demande {
  definition: DefinitionIndicateur
  parametres: Parametres
}

export async function calculer(db: Db, territoire: Territoire, periode: Periode, demandes: readonly Demande[], aujourdhui: string): Promise<ResultatIndicateur[]> {
  if (demandes.length === 0) return []
  const donnees = await chargerDonnees(db, territoire, periode, besoinsDe(demandes.map((d) => d.definition)), aujourdhui)
  return demandes.map((d) => evaluer(d.definition, donnees, d.parametres))
}

/** The national territorial dashboards' indicators of the territory, today. */
export const tableauNational = (db: Db, territoire: Territoire, periode: Periode, aujourdhui: string): Promise<ResultatIndicateur[]> =>
  calculer(db, territoire, periode, NATIONAUX.map((definition) => ({ definition, parametres: {} })), aujourdhui)

/** The catalogue request of a stored computed indicator (undefined for a hand-entered one or an unknown code). */
export function demandeDe(i: Indicateur): Demande | undefined {
  const definition = i.nature === 'calcule' && i.code !== null ? definitionDe(i.code) : undefined
  return definition ? { definition, parametres: i.parametres } : undefined
}

/**
 * Records today's value of each computed indicator of the territory that has none yet today.
 * Returns how many measures were written. Two snapshots at once (« Relever maintenant » and the
 * daily job) write one measure per indicator: the unique index decides, the other insert is skipped.
 */
export async function relever(db: Db, territoire: Territoire, cle: string, periode: Periode, aujourdhui: string): Promise<number> {
  const calcules = (await indicateursDuTerritoire(db, cle)).flatMap((i) => {
    const d = demandeDe(i)
    return d ? [{ i, d }] : []
  })
  const deja = await relevesDuJour(db, calcules.map((c) => c.i.id), aujourdhui)
  const aFaire = calcules.filter((c) => !deja.has(c.i.id))
  const resultats = await calculer(db, territoire, periode, aFaire.map((c) => c.d), aujourdhui)
  return ajouterReleves(
    db,
    resultats.flatMap((r, n) => {
      const c = aFaire[n]
      return c && r.valeur !== null ? [{ indicateurId: c.i.id, date: aujourdhui, valeur: r.valeur, source: `${c.d.definition.source} — ${r.perimetre}` }] : []
    }),
  )
}
