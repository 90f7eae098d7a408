/**
 * The report of an import of La Coop's activities, in French: what was read, imported, already
 * there, and every error of each rejected activity with its line(s) and column. Shared by the
 * command line and any page that shows an import's result.
 */
import type { BilanImportCoop } from './import.ts'

const nombre = (n: number): string => n.toLocaleString('fr-FR').replace(/\u202f/g, ' ')
const pluriel = (n: number, mot: string, motPluriel = `${mot}s`) => `${nombre(n)} ${n > 1 ? motPluriel : mot}`

/** « ligne 7 », « lignes 7 à 9 », « lignes 7, 9 et 12 ». */
export function lignesEnTexte(lignes: readonly number[]): string {
  const triees = [...new Set(lignes)].sort((a, b) => a - b)
  if (triees.length === 1) return `ligne ${triees[0]}`
  const premiere = triees[0] ?? 0
  const derniere = triees.at(-1) ?? 0
  if (derniere - premiere === triees.length - 1) return `lignes ${premiere} à ${derniere}`
  return `lignes ${triees.slice(0, -1).join(', ')} et ${derniere}`
}

const majuscule = (texte: string) => texte.charAt(0).toUpperCase() + texte.slice(1)

/** The whole report; `limiteDeja` already imported activities are listed (the count is always given). */
export function rapportImportCoop(bilan: BilanImportCoop, limiteDeja = 10): string {
  const sortie = [
    `Fichier ${bilan.fichier} (${bilan.format.toUpperCase()}${bilan.encodage ? `, ${bilan.encodage}` : ''}) — export « Activités » de La Coop de la médiation numérique`,
    `  lignes lues      ${nombre(bilan.lignes)} (une par accompagnement)`,
    `  activités        ${nombre(bilan.activites)}`,
    `  importées        ${nombre(bilan.importees)} (${pluriel(bilan.accompagnementsImportes, 'accompagnement')})`,
    `  déjà importées   ${nombre(bilan.dejaImportees.length)}`,
    `  rejetées         ${nombre(bilan.rejetees.length)}`,
  ]
  if (bilan.autresLieux > 0) sortie.push(`  ${pluriel(bilan.autresLieux, 'activité enregistrée', 'activités enregistrées')} pour un autre lieu de la structure, reconnu par son nom et sa commune`)
  if (bilan.lieuxNonReconnus.length > 0) {
    sortie.push(`  lieux du fichier absents de la structure (leurs activités vont au lieu choisi) : ${bilan.lieuxNonReconnus.join(', ')}`)
  }
  if (bilan.colonnesInconnues.length > 0) sortie.push(`  colonnes ignorées : ${bilan.colonnesInconnues.join(', ')}`)

  if (bilan.dejaImportees.length > 0) {
    sortie.push('', `Déjà importées (même « ID CRA ») : ${pluriel(bilan.dejaImportees.length, 'activité')}, laissée${bilan.dejaImportees.length > 1 ? 's' : ''} telle${bilan.dejaImportees.length > 1 ? 's' : ''} quelle${bilan.dejaImportees.length > 1 ? 's' : ''}.`)
    for (const d of bilan.dejaImportees.slice(0, limiteDeja)) sortie.push(`  ${majuscule(lignesEnTexte(d.lignes))} (ID CRA ${d.idCra}) : déjà importée.`)
    if (bilan.dejaImportees.length > limiteDeja) sortie.push(`  … et ${nombre(bilan.dejaImportees.length - limiteDeja)} autres.`)
  }
  if (bilan.rejetees.length > 0) {
    sortie.push('', 'Activités rejetées (aucune de leurs lignes n’a été importée ; corrigez-les puis importez le fichier à nouveau) :')
    for (const r of bilan.rejetees) {
      sortie.push(`  ${majuscule(lignesEnTexte(r.lignes))}${r.idCra !== undefined ? ` (ID CRA ${r.idCra})` : ''} :`)
      for (const e of r.erreurs) {
        const ou = e.lignes.length < r.lignes.length ? `${lignesEnTexte(e.lignes)}, ` : ''
        sortie.push(`    - ${ou}${e.colonne ? `colonne « ${e.colonne} » : ` : ''}${e.message}`)
      }
    }
  }
  sortie.push('', 'Les noms des bénéficiaires suivis et les notes ne sont pas importés : les accompagnements sont enregistrés avec des bénéficiaires anonymes (genre, tranche d’âge, statut, commune de résidence).')
  return sortie.join('\n')
}
