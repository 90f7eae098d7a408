/**
 * A reader built from a declarative mapping file, for any other tabular source
 * (`aiguillage import --correspondance <fichier.json>`, format in docs/correspondance.md):
 * column → field, concatenations, constants, one column per weekday → OSM hours, and rules
 * turning a producer's words into the standard's values (exact or token match, case and accents
 * ignored, with exceptions). Values no rule recognises go to validation as they are, which reads
 * them with the standard's vocabulary or reports them.
 */
import { cle, mots } from '../../platform/text.ts'
import { joursVersOsm, type Jour } from '../validation/horaires-texte.ts'
import { CHAMPS, PIVOT_NON_RENSEIGNE } from '../standard/fields.ts'
import { cellules, contientColonnes, texte } from './cellules.ts'
import { JOURS_SEMAINE, lireDefinition, type Definition, type Regle, type Source } from './correspondance-definition.ts'
import type { Adaptation, ContexteLecteur, Lecteur } from './lecteur.ts'

const JOUR_OSM: Readonly<Record<(typeof JOURS_SEMAINE)[number], Jour>> = {
  lundi: 'Mo', mardi: 'Tu', mercredi: 'We', jeudi: 'Th', vendredi: 'Fr', samedi: 'Sa', dimanche: 'Su',
}

type Cellule = (entete: string) => unknown

/** Whether the words of `terme` appear, in order and side by side, among the words of `texte`. */
export function contientTerme(texteCellule: string, terme: string): boolean {
  const dans = mots(texteCellule)
  const cherches = mots(terme)
  if (cherches.length === 0) return false
  for (let i = 0; i + cherches.length <= dans.length; i++) {
    if (cherches.every((m, k) => dans[i + k] === m)) return true
  }
  return false
}

const liste = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v])

/** The items of a cell, for `egal`: split on the field's separator (default `|` and `;`). */
function elements(valeur: string, separateur: string | undefined): string[] {
  const morceaux = separateur === undefined ? valeur.split(/[|;]/) : valeur.split(separateur)
  return morceaux.map((m) => m.trim()).filter((m) => m !== '')
}

/** Whether a rule fires on a cell: `egal` (an item equals a term), `contient` (a term is among the words), none of `sauf`. */
export function regleDeclenchee(regle: Regle, valeur: string, separateur?: string): boolean {
  if (regle.sauf?.some((t) => contientTerme(valeur, t))) return false
  const egal = regle.egal === undefined ? undefined : elements(valeur, separateur).some((e) => regle.egal?.some((t) => cle(t) === cle(e)))
  const contient = regle.contient === undefined ? undefined : regle.contient.some((t) => contientTerme(valeur, t))
  if (egal === undefined && contient === undefined) return true
  return egal === true || contient === true
}

/** The raw value of a source: a column, a concatenation, a constant or weekday columns. */
function valeurSource(source: Source, cellule: Cellule): unknown {
  if (source.colonne !== undefined) return cellule(source.colonne)
  if (source.joindre !== undefined) {
    const morceaux = source.joindre.colonnes.map((c) => texte(cellule(c))).filter((m): m is string => m !== undefined)
    return morceaux.length > 0 ? morceaux.join(source.joindre.separateur ?? ' ') : undefined
  }
  if (source.valeur !== undefined) return source.valeur
  if (source.jours !== undefined) {
    const jours: Partial<Record<Jour, unknown>> = {}
    for (const [jour, colonne] of Object.entries(source.jours)) if (colonne) jours[JOUR_OSM[jour as keyof typeof JOUR_OSM]] = cellule(colonne)
    const { osm, illisibles } = joursVersOsm(jours)
    if (osm !== null || illisibles.length === 0) return osm ?? undefined
    // given as French text: validation tries it and, failing, reports it
    return Object.entries(source.jours)
      .flatMap(([jour, colonne]) => (colonne && texte(cellule(colonne)) ? [`${jour} : ${texte(cellule(colonne))}`] : []))
      .join(' ; ')
  }
  return undefined
}

/** An enumerated field: the values of the rules that fire; otherwise `sinon` (by default the value itself). */
function valeurEnumeree(source: Source, cellule: Cellule): unknown {
  const brut = valeurSource(source, cellule)
  if (!source.regles) return brut
  const retenues: string[] = []
  let vu = texte(brut) !== undefined
  for (const regle of source.regles) {
    const cellulesTestees = regle.colonnes ? regle.colonnes.map((c) => texte(cellule(c))) : [texte(brut)]
    for (const valeur of cellulesTestees) {
      if (valeur === undefined) continue
      vu = true
      if (regleDeclenchee(regle, valeur, source.separateur)) {
        for (const v of liste(regle.valeur)) if (!retenues.includes(v)) retenues.push(v)
      }
    }
  }
  if (retenues.length > 0 || !vu) return retenues.length > 0 ? retenues : undefined
  if (source.sinon === undefined || source.sinon === 'garder') return brut
  return source.sinon === 'ignorer' ? undefined : liste(source.sinon)
}

function adapter(definition: Definition, valeurs: Record<string, unknown>, contexte: ContexteLecteur): Adaptation {
  const cellule = cellules(valeurs)
  const ligne: Record<string, unknown> = {}
  for (const champ of CHAMPS) {
    const source = definition.champs[champ]
    if (source) ligne[champ] = valeurEnumeree(source, cellule)
  }
  if (definition.champs.pivot === undefined) ligne.pivot = PIVOT_NON_RENSEIGNE
  if (texte(ligne.date_maj) === undefined) ligne.date_maj = contexte.dateDonnees
  return { valeurs: ligne }
}

/** Every column a definition reads. */
export function colonnesLues(definition: Definition): string[] {
  const colonnes = new Set<string>()
  for (const source of Object.values(definition.champs)) {
    if (source.colonne) colonnes.add(source.colonne)
    for (const c of source.joindre?.colonnes ?? []) colonnes.add(c)
    for (const c of Object.values(source.jours ?? {})) if (c) colonnes.add(c)
    for (const r of source.regles ?? []) for (const c of r.colonnes ?? []) colonnes.add(c)
  }
  return [...colonnes]
}

/** The reader described by a mapping file; throws an Error listing, in French, every problem of the definition. */
export function lecteurCorrespondance(brut: unknown): Lecteur {
  const definition = lireDefinition(brut)
  const attendues = definition.reconnait ?? colonnesLues(definition)
  return {
    nom: definition.nom ?? 'correspondance',
    libelle: `Fichier décrit par une correspondance${definition.nom ? ` (${definition.nom})` : ''}`,
    reconnait: (colonnes) => contientColonnes(colonnes, attendues),
    adapter: (valeurs, contexte) => adapter(definition, valeurs, contexte),
  }
}
