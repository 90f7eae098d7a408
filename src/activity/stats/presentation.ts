/**
 * The statistics as a dashboard shows them (pure): headline figures, monthly and daily series,
 * and every breakdown with La Coop's labels and order, each value with its count and its share
 * — rounded to sum to exactly 100 (`pourcentagesArrondis`) and La Coop's own
 * (`pourcentagesLaCoop`). Breakdowns of activities are weighted by accompaniments; breakdowns of
 * beneficiaries count anonymous beneficiaries (rollups) plus distinct followed ones (live).
 */
import { pourcentagesArrondis, pourcentagesLaCoop } from '../domain/comptage.ts'
import {
  AUTONOMIES,
  GENRES,
  MATERIELS,
  NIVEAUX_ATELIER,
  STATUTS_SOCIAUX,
  STRUCTURES_REDIRECTION,
  type Terme,
  THEMATIQUES,
  THEMATIQUES_DEMARCHE,
  TRANCHES_AGE,
  TRANCHES_DUREE,
  TYPES_ACTIVITE,
  TYPES_LIEU,
} from '../domain/vocabulaire.ts'
import { type Agregats, type GroupeSuivis, type Jour, type Somme, sommeDe } from './agregats.ts'
import type { Fenetres, Intervalle } from './filtres.ts'

export interface Part {
  valeur: string
  libelle: string
  nombre: number
  /** One decimal, the breakdown's shares summing to exactly 100. */
  pourcentage: number
  /** La Coop's share (3 decimals, not corrected). */
  pourcentageLaCoop: number
}

export interface Repartition {
  titre: string
  /** What the numbers count: « Accompagnements », « Bénéficiaires ». */
  unite: string
  parts: Part[]
  /** Sum of the counts (the shares' denominator). */
  total: number
}

export const CLES_REPARTITIONS = [
  'type',
  'thematique',
  'demarche',
  'materiel',
  'canal',
  'duree',
  'autonomie',
  'niveau',
  'redirection',
  'lieux',
  'communes',
  'genre',
  'age',
  'statut',
  'residence',
] as const
export type CleRepartition = (typeof CLES_REPARTITIONS)[number]

export interface Statistiques {
  periode: Intervalle
  /** `cumuls`: read from the monthly rollups; `activites`: the exact fallback. */
  source: 'cumuls' | 'activites'
  accompagnements: { total: number; individuels: number; collectifs: number }
  activites: { total: number; individuelles: number; collectives: number; participantsAteliers: number }
  beneficiaires: { total: number; suivis: number; anonymes: number; nouveaux: number; nouveauxSuivis: number; nouveauxAnonymes: number }
  parMois: Array<{ mois: string; libelle: string; accompagnements: number; activites: number }>
  parJour: Array<{ jour: string; libelle: string; accompagnements: number; activites: number }>
  repartitions: Record<CleRepartition, Repartition>
}

export interface Noms {
  lieu(uid: number): string
  commune(code: string): string
}

export const ACCOMPAGNEMENTS = 'Accompagnements'
export const BENEFICIAIRES = 'Bénéficiaires'
const NON_COMMUNIQUE = 'Non communiqué'

/** Counts to parts, with both kinds of percentages. */
export function parts(lignes: ReadonlyArray<{ valeur: string; libelle: string; nombre: number }>): Part[] {
  const comptes = lignes.map((l) => l.nombre)
  const arrondis = pourcentagesArrondis(comptes, 1)
  const laCoop = pourcentagesLaCoop(comptes)
  return lignes.map((l, i) => ({ ...l, pourcentage: arrondis[i] ?? 0, pourcentageLaCoop: laCoop[i] ?? 0 }))
}

export function repartition(titre: string, unite: string, lignes: ReadonlyArray<{ valeur: string; libelle: string; nombre: number }>): Repartition {
  return { titre, unite, parts: parts(lignes), total: lignes.reduce((a, l) => a + l.nombre, 0) }
}

/** Counts of a vocabulary, in its order with zeros, then any other value seen (imports). */
function selonVocabulaire(vocabulaire: readonly Terme[], comptes: Map<string, number>, autres: Record<string, string> = {}): Array<{ valeur: string; libelle: string; nombre: number }> {
  const connus = new Set(vocabulaire.map((t) => t.valeur))
  return [
    ...vocabulaire.map((t) => ({ valeur: t.valeur, libelle: t.libelle, nombre: comptes.get(t.valeur) ?? 0 })),
    ...[...comptes].filter(([v, n]) => !connus.has(v) && n !== 0).map(([valeur, nombre]) => ({ valeur, libelle: autres[valeur] ?? valeur, nombre })),
  ]
}

/** A dimension of the rollups: value → accompaniments (over both types). */
function parValeur(agregats: Agregats, dimension: string): Map<string, number> {
  const comptes = new Map<string, number>()
  for (const v of agregats.valeurs) if (v.dimension === dimension) comptes.set(v.valeur, (comptes.get(v.valeur) ?? 0) + v.accompagnements)
  return comptes
}

/** Largest first, then by label. */
function decroissant<T extends { nombre: number; libelle: string }>(lignes: T[]): T[] {
  return lignes.sort((a, b) => b.nombre - a.nombre || a.libelle.localeCompare(b.libelle, 'fr'))
}

const MOIS = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' })
const JOUR = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', timeZone: 'UTC' })
export const libelleMois = (mois: string): string => MOIS.format(new Date(`${mois}T00:00:00Z`))
export const libelleJour = (jour: string): string => JOUR.format(new Date(`${jour}T00:00:00Z`))

function demographie(agregats: Agregats, suivis: readonly GroupeSuivis[], dimension: string, champ: 'genre' | 'trancheAge' | 'statutSocial' | 'residence'): Map<string, number> {
  const comptes = parValeur(agregats, dimension)
  for (const g of suivis) comptes.set(g[champ], (comptes.get(g[champ]) ?? 0) + g.nombre)
  return comptes
}

export function presenter(entree: { agregats: Agregats; suivis: readonly GroupeSuivis[]; jours: readonly Jour[]; fenetres: Fenetres; noms: Noms }): Statistiques {
  const { agregats: a, suivis, jours, fenetres: f, noms } = entree
  const total = sommeDe(a, 'total')
  const individuel = sommeDe(a, 'total', { type: 'individuel' })
  const collectif = sommeDe(a, 'total', { type: 'collectif' })
  const anonymes = sommeDe(a, 'anonymes').accompagnements
  const nouveauxAnonymes = sommeDe(a, 'nouveaux_anonymes').accompagnements
  const nbSuivis = suivis.reduce((s, g) => s + g.nombre, 0)
  const nouveauxSuivis = suivis.reduce((s, g) => s + g.nouveaux, 0)
  const zero: Somme = { accompagnements: 0, activites: 0 }
  const joursParDate = new Map(jours.map((j) => [j.jour, j]))
  const listeJours: string[] = []
  for (let j = f.jours.du; j <= f.jours.au; j = new Date(Date.parse(`${j}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) listeJours.push(j)

  const residence = demographie(a, suivis, 'residence', 'residence')
  const repartitions: Record<CleRepartition, Repartition> = {
    type: repartition('Types d’accompagnement', ACCOMPAGNEMENTS, selonVocabulaire(TYPES_ACTIVITE, new Map([['individuel', individuel.accompagnements], ['collectif', collectif.accompagnements]]))),
    thematique: repartition('Thématiques des accompagnements de médiation numérique', ACCOMPAGNEMENTS, selonVocabulaire(THEMATIQUES, parValeur(a, 'thematique'))),
    demarche: repartition('Thématiques des accompagnements de démarches administratives', ACCOMPAGNEMENTS, selonVocabulaire(THEMATIQUES_DEMARCHE, parValeur(a, 'demarche'))),
    materiel: repartition('Matériel utilisé lors des accompagnements', ACCOMPAGNEMENTS, selonVocabulaire(MATERIELS, parValeur(a, 'materiel'))),
    canal: repartition('Canaux des accompagnements', ACCOMPAGNEMENTS, selonVocabulaire(TYPES_LIEU, parValeur(a, 'canal'))),
    duree: repartition('Durée des accompagnements', ACCOMPAGNEMENTS, selonVocabulaire(TRANCHES_DUREE, parValeur(a, 'duree'))),
    autonomie: repartition('Niveau d’autonomie des bénéficiaires (accompagnements individuels)', ACCOMPAGNEMENTS, selonVocabulaire(AUTONOMIES, parValeur(a, 'autonomie'))),
    niveau: repartition('Niveau des ateliers', ACCOMPAGNEMENTS, selonVocabulaire(NIVEAUX_ATELIER, parValeur(a, 'niveau'))),
    redirection: repartition(
      'Orientations vers une autre structure',
      ACCOMPAGNEMENTS,
      selonVocabulaire(STRUCTURES_REDIRECTION, parValeur(a, 'redirection'), { non_precise: 'Structure non précisée' }),
    ),
    lieux: repartition(
      'Accompagnements par lieu d’activité',
      ACCOMPAGNEMENTS,
      decroissant([...a.lieux].filter(([, s]) => s.accompagnements !== 0).map(([uid, s]) => ({ valeur: String(uid), libelle: noms.lieu(uid), nombre: s.accompagnements }))),
    ),
    communes: repartition(
      'Accompagnements par commune',
      ACCOMPAGNEMENTS,
      decroissant([...a.communes].filter(([, s]) => s.accompagnements !== 0).map(([code, s]) => ({ valeur: code, libelle: code === '' ? NON_COMMUNIQUE : noms.commune(code), nombre: s.accompagnements }))),
    ),
    genre: repartition('Genre des bénéficiaires', BENEFICIAIRES, selonVocabulaire(GENRES, demographie(a, suivis, 'genre', 'genre'))),
    age: repartition('Tranches d’âge des bénéficiaires', BENEFICIAIRES, selonVocabulaire(TRANCHES_AGE, demographie(a, suivis, 'age', 'trancheAge'))),
    statut: repartition('Statut des bénéficiaires', BENEFICIAIRES, selonVocabulaire(STATUTS_SOCIAUX, demographie(a, suivis, 'statut', 'statutSocial'))),
    residence: repartition(
      'Commune de résidence des bénéficiaires',
      BENEFICIAIRES,
      decroissant([...residence].filter(([, n]) => n !== 0).map(([code, nombre]) => ({ valeur: code, libelle: code === '' ? NON_COMMUNIQUE : noms.commune(code), nombre }))),
    ),
  }

  return {
    periode: f.periode,
    source: f.cumulable ? 'cumuls' : 'activites',
    accompagnements: { total: total.accompagnements, individuels: individuel.accompagnements, collectifs: collectif.accompagnements },
    activites: { total: total.activites, individuelles: individuel.activites, collectives: collectif.activites, participantsAteliers: collectif.accompagnements },
    beneficiaires: { total: anonymes + nbSuivis, suivis: nbSuivis, anonymes, nouveaux: nouveauxAnonymes + nouveauxSuivis, nouveauxSuivis, nouveauxAnonymes },
    parMois: f.moisSerie.map((mois) => ({ mois, libelle: libelleMois(mois), ...(a.mois.get(mois) ?? zero) })),
    parJour: listeJours.map((jour) => ({ jour, libelle: libelleJour(jour), accompagnements: joursParDate.get(jour)?.accompagnements ?? 0, activites: joursParDate.get(jour)?.activites ?? 0 })),
    repartitions,
  }
}
