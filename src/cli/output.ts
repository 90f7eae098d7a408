/**
 * What the command line prints: French summaries, progress on standard error, and the import
 * report file (CSV: ligne, id, champ, valeur, message, niveau).
 */
import { writeFile } from 'node:fs/promises'
import { BOM, rapportCsv } from '../places/io/rapport.ts'
import type { Bilan, LigneRapport } from '../places/registry/import.ts'

export const nombre = (n: number): string => n.toLocaleString('fr-FR').replace(/\u202f/g, ' ')

export async function ecrireRapport(chemin: string, lignes: readonly LigneRapport[]): Promise<void> {
  await writeFile(chemin, `${BOM}${rapportCsv(lignes)}`, 'utf8')
}

export function resume(bilan: Bilan, ecrit: boolean): string {
  const lignes = [
    `Fichier ${bilan.fichier} (${bilan.format.toUpperCase()}, ${bilan.encodage}, ${bilan.lecteur === "standard" ? `schéma ${bilan.version}` : `lecteur ${bilan.lecteur}`}) → source « ${bilan.source} »`,
    `  lus         ${nombre(bilan.lus)}`,
    `  acceptés    ${nombre(bilan.acceptes)}${ecrit ? ` (${nombre(bilan.nouveaux)} nouveaux, ${nombre(bilan.misAJour)} mis à jour)` : ''}`,
    `  rejetés     ${nombre(bilan.rejetes)}`,
    `  avertissements ${nombre(bilan.avertissements)} · corrections ${nombre(bilan.corrections)}`,
  ]
  if (bilan.communesIntrouvables > 0) lignes.push(`  communes introuvables dans le référentiel : ${nombre(bilan.communesIntrouvables)}`)
  if (ecrit && bilan.retires > 0) lignes.push(`  retirés (absents du fichier) : ${nombre(bilan.retires)}`)
  if (bilan.colonnesInconnues.length > 0) lignes.push(`  colonnes ignorées : ${bilan.colonnesInconnues.join(', ')}`)
  if (!ecrit) lignes.push('  (vérification seule : rien n’a été enregistré)')
  return lignes.join('\n')
}

/** Progress on standard error for large files: a rewritten line on a terminal, each tenth otherwise. */
export function progression(tailleFichier: number): (traites: number, avancement: number) => void {
  let dernierDixieme = -1
  return (traites, avancement) => {
    if (tailleFichier < 2_000_000) return
    const pourcent = Math.floor(100 * avancement)
    if (process.stderr.isTTY) {
      process.stderr.write(`\r  ${nombre(traites)} lignes traitées (${pourcent} % du fichier)${avancement >= 1 ? '\n' : ''}`)
      return
    }
    const dixieme = Math.floor(10 * avancement)
    if (dixieme !== dernierDixieme) {
      dernierDixieme = dixieme
      process.stderr.write(`  ${nombre(traites)} lignes traitées (${dixieme * 10} %)\n`)
    }
  }
}
