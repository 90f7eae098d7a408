/**
 * What the command line prints: French summaries, progress on standard error, and the import
 * report file (CSV: ligne, id, champ, valeur, message, niveau).
 */
import { writeFile } from 'node:fs/promises'
import type { Bilan, LigneRapport } from '../places/registry/import.ts'

export const nombre = (n: number): string => n.toLocaleString('fr-FR').replace(/\u202f/g, ' ')

const celluleCsv = (v: string | number): string => {
  const texte = String(v)
  return /[",\r\n;]/.test(texte) ? `"${texte.replace(/"/g, '""')}"` : texte
}

export function rapportCsv(lignes: readonly LigneRapport[]): string {
  const entete = 'ligne,id,champ,valeur,message,niveau\r\n'
  return entete + lignes.map((l) => [l.ligne, l.id, l.champ, l.valeur, l.message, l.niveau].map(celluleCsv).join(',')).join('\r\n') + (lignes.length ? '\r\n' : '')
}

export async function ecrireRapport(chemin: string, lignes: readonly LigneRapport[]): Promise<void> {
  await writeFile(chemin, `\uFEFF${rapportCsv(lignes)}`, 'utf8')
}

export function resume(bilan: Bilan, ecrit: boolean): string {
  const lignes = [
    `Fichier ${bilan.fichier} (${bilan.format.toUpperCase()}, ${bilan.encodage}, schéma ${bilan.version}) → source « ${bilan.source} »`,
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

/** Progress on standard error for files of more than 5,000 rows: a rewritten line on a terminal, tenths otherwise. */
export function progression(): (traites: number, total: number) => void {
  let dernierDixieme = -1
  return (traites, total) => {
    if (total < 5000) return
    if (process.stderr.isTTY) {
      process.stderr.write(`\r  ${nombre(traites)} / ${nombre(total)} lignes (${Math.floor((100 * traites) / total)} %)${traites === total ? '\n' : ''}`)
      return
    }
    const dixieme = Math.floor((10 * traites) / total)
    if (dixieme !== dernierDixieme) {
      dernierDixieme = dixieme
      process.stderr.write(`  ${nombre(traites)} / ${nombre(total)} lignes (${dixieme * 10} %)\n`)
    }
  }
}
