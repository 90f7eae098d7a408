/**
 * The readers Aiguillage knows, and how one is chosen for a file: the one named by
 * `--format`, a declarative mapping file (`--correspondance`), or the first that recognises
 * the file's columns; the standard otherwise.
 */
import { lecteurAidantsConnect } from './aidants-connect.ts'
import { lecteurDataInclusion } from './data-inclusion.ts'
import { lecteurFranceServices } from './france-services.ts'
import type { Lecteur } from './lecteur.ts'
import { lecteurStandard } from './standard.ts'

/** Readers tried in this order when none is named; the standard comes last (it accepts anything). */
export const LECTEURS: readonly Lecteur[] = [lecteurFranceServices, lecteurAidantsConnect, lecteurDataInclusion, lecteurStandard]

export const NOMS_LECTEURS = LECTEURS.map((l) => l.nom)

export class LecteurInconnuError extends Error {}

export function lecteurNomme(nom: string): Lecteur {
  const lecteur = LECTEURS.find((l) => l.nom === nom)
  if (!lecteur) throw new LecteurInconnuError(`Le format « ${nom} » est inconnu. Formats possibles : ${NOMS_LECTEURS.join(', ')}.`)
  return lecteur
}

/** The reader of a file: the one named, else the first that recognises its columns. */
export function choisirLecteur(colonnes: readonly string[], nom?: string): Lecteur {
  if (nom) return lecteurNomme(nom)
  return LECTEURS.find((l) => l !== lecteurStandard && l.reconnait(colonnes)) ?? lecteurStandard
}

/** Gives each reader that knows a document shape the chance to turn it into rows. */
export function rangeesDuDocument(donnees: unknown, nom?: string): unknown[] | undefined {
  const candidats = nom ? [lecteurNomme(nom)] : LECTEURS
  for (const lecteur of candidats) {
    const rangees = lecteur.document?.(donnees)
    if (rangees) return rangees
  }
  return undefined
}
