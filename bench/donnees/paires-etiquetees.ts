/**
 * The hand-labelled pairs of shared/data/dedup and the records they point to: each source file
 * is read and judged by `examiner` (as `aiguillage import` does), its accepted rows become
 * `FicheComparee`s keyed `fichier:rang` (`rang` = the 0-based row index of pairs.csv). A row
 * `examiner` rejects (or a file no reader accepts yet) has no record: its pairs are left out of
 * the measures and counted apart. Reads files: used by the quality benchmark and its test.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { ficheDepuisLieu, type FicheComparee } from '../../src/dedup/rules/fiche.ts'
import { lirePaires, type PaireEtiquetee } from '../../src/dedup/rules/qualite.ts'
import { examiner } from '../../src/places/registry/examen.ts'

export interface LectureFichier {
  fichier: string
  /** The reader `examiner` chose (`standard`, `france-services`…). */
  lecteur: string
  acceptees: number
  rejetees: number
}

export interface JeuEtiquete {
  paires: PaireEtiquetee[]
  /** Accepted records, by `fichier:rang`. */
  fiches: Map<string, FicheComparee>
  fichiers: LectureFichier[]
}

/** `dossier`: shared/data (holding `dedup/pairs.csv` and `lieux/`). */
export function chargerJeuEtiquete(dossier: string, aujourdhui = '2026-11-22'): JeuEtiquete {
  const paires = lirePaires(readFileSync(path.join(dossier, 'dedup', 'pairs.csv'), 'utf8'))
  const fiches = new Map<string, FicheComparee>()
  const fichiers: LectureFichier[] = []
  for (const fichier of new Set(paires.flatMap((p) => [p.fichierA, p.fichierB]))) {
    const examen = examiner({ nomFichier: fichier, octets: readFileSync(path.join(dossier, 'lieux', fichier)), aujourdhui })
    let acceptees = 0
    let rejetees = 0
    for (const lot of examen.lots) {
      rejetees += lot.rejetes.length
      for (const a of lot.acceptees) {
        acceptees++
        const cle = `${fichier}:${a.rang}`
        fiches.set(cle, ficheDepuisLieu(a.lieu, fichier, cle, a.commune?.code ?? null))
      }
    }
    fichiers.push({ fichier, lecteur: examen.entete.lecteur, acceptees, rejetees })
  }
  return { paires, fiches, fichiers }
}

export const cleA = (p: PaireEtiquetee): string => `${p.fichierA}:${p.rangA}`
export const cleB = (p: PaireEtiquetee): string => `${p.fichierB}:${p.rangB}`
