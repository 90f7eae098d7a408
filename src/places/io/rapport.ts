/**
 * An import's report as a CSV file: `ligne,id,champ,valeur,message,niveau`, `;` and quotes
 * escaped, preceded by a BOM so that spreadsheets read it as UTF-8. Written by the command line
 * and downloaded from the coordination page.
 */

export interface LigneDeRapport {
  ligne: number
  id: string
  champ: string
  valeur: string
  message: string
  niveau: string
}

const cellule = (v: string | number): string => {
  const texte = String(v)
  return /[",\r\n;]/.test(texte) ? `"${texte.replace(/"/g, '""')}"` : texte
}

/** The report's CSV text, without BOM. */
export function rapportCsv(lignes: readonly LigneDeRapport[]): string {
  const entete = 'ligne,id,champ,valeur,message,niveau\r\n'
  return entete + lignes.map((l) => [l.ligne, l.id, l.champ, l.valeur, l.message, l.niveau].map(cellule).join(',')).join('\r\n') + (lignes.length ? '\r\n' : '')
}

export const BOM = '\uFEFF'
