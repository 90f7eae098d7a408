/**
 * The figures a dashboard is built from, whichever path computed them (pure): sums of the
 * rollups' dimensions over the period, the monthly series, the accompaniments per commune and
 * per place of activity. The rollup query fills them from `stats_mensuelles`; the exact fallback
 * fills them from activities with `agregerActivites`, through the same pure `contributions()`
 * the rollups are made of — so both paths answer alike. Also the followed beneficiaries
 * (distinct, live) and the daily series.
 */
import { contributions, moisDe } from '../domain/cumuls.ts'
import type { Activite } from '../domain/validation.ts'
import type { Fenetres } from './filtres.ts'

export interface Somme {
  accompagnements: number
  activites: number
}

export interface SommeDimension extends Somme {
  dimension: string
  type: string
  valeur: string
}

export interface Agregats {
  /** Per (dimension, type, value), over the period. */
  valeurs: SommeDimension[]
  /** Dimension `total` per month (`YYYY-MM-01`) of the series. */
  mois: Map<string, Somme>
  /** Dimension `total` per commune of activity (`''`: unknown), over the period. */
  communes: Map<string, Somme>
  /** Channel `lieu_activite` per place (0: none or deleted), over the period. */
  lieux: Map<number, Somme>
}

/** Followed beneficiaries of the period, distinct, grouped by their socio-demographic data. */
export interface GroupeSuivis {
  genre: string
  trancheAge: string
  statutSocial: string
  /** Code INSEE, `''` when unknown. */
  residence: string
  nombre: number
  /** Of which their first accompaniment is in the period. */
  nouveaux: number
}

export interface Jour {
  jour: string
  accompagnements: number
  activites: number
}

export function ajouterA<K>(carte: Map<K, Somme>, cle: K, accompagnements: number, activites: number): void {
  const s = carte.get(cle)
  if (s) {
    s.accompagnements += accompagnements
    s.activites += activites
  } else carte.set(cle, { accompagnements, activites })
}

/** An activity as the exact path reads it: its date, keys and domain shape. */
export interface ActiviteStat {
  date: string
  codeInsee: string | null
  lieuUid: number | null
  activite: Activite
}

/**
 * The aggregates of activities read one by one (the exact path): each activity's contributions
 * go to the period's sums when its date is in the period, and its total to its month when in the
 * series — exactly what the rollups hold for whole months. Also the daily series.
 */
export function agregerActivites(activites: Iterable<ActiviteStat>, f: Fenetres): { agregats: Agregats; jours: Jour[] } {
  const valeurs = new Map<string, SommeDimension>()
  const agregats: Agregats = { valeurs: [], mois: new Map(), communes: new Map(), lieux: new Map() }
  const jours = new Map<string, Somme>()
  for (const { date, codeInsee, lieuUid, activite } of activites) {
    const dansPeriode = date >= f.periode.du && date <= f.periode.au
    const dansSerie = date >= f.serie.du && date <= f.serie.au
    if (!dansPeriode && !dansSerie) continue
    const liste = contributions(activite)
    for (const c of liste) {
      if (dansSerie && c.dimension === 'total') ajouterA(agregats.mois, moisDe(date), c.accompagnements, c.activites)
      if (!dansPeriode) continue
      const cle = `${c.dimension}\u0000${activite.type}\u0000${c.valeur}`
      const s = valeurs.get(cle)
      if (s) {
        s.accompagnements += c.accompagnements
        s.activites += c.activites
      } else valeurs.set(cle, { dimension: c.dimension, type: activite.type, valeur: c.valeur, accompagnements: c.accompagnements, activites: c.activites })
      if (c.dimension === 'total') ajouterA(agregats.communes, codeInsee ?? '', c.accompagnements, c.activites)
      if (c.dimension === 'canal' && c.valeur === 'lieu_activite') ajouterA(agregats.lieux, lieuUid ?? 0, c.accompagnements, c.activites)
      if (c.dimension === 'total' && date >= f.jours.du && date <= f.jours.au) ajouterA(jours, date, c.accompagnements, c.activites)
    }
  }
  agregats.valeurs = [...valeurs.values()]
  return { agregats, jours: [...jours].map(([jour, s]) => ({ jour, ...s })).sort((a, b) => a.jour.localeCompare(b.jour)) }
}

/** Sum of a dimension over its values (and types), optionally of one type or one value. */
export function sommeDe(agregats: Agregats, dimension: string, filtre: { type?: string; valeur?: string } = {}): Somme {
  const s: Somme = { accompagnements: 0, activites: 0 }
  for (const v of agregats.valeurs) {
    if (v.dimension !== dimension) continue
    if (filtre.type !== undefined && v.type !== filtre.type) continue
    if (filtre.valeur !== undefined && v.valeur !== filtre.valeur) continue
    s.accompagnements += v.accompagnements
    s.activites += v.activites
  }
  return s
}
