/**
 * Writes a file shaped like La Coop's « Activités » export, from rows: XLSX laid out as La Coop
 * does (metadata rows « Informations export » and « Filtres », a blank row, then the table with
 * typographic apostrophes in its headers and dates as date cells), or the same sheet saved as CSV
 * by a spreadsheet (`;` or `,`, UTF-8 with BOM or windows-1252). For tests and for trying the
 * import; the rows are whatever the caller gives (fictional people only).
 */
import ExcelJS from 'exceljs'
import { stringify } from 'csv-stringify/sync'
import { type Colonne, COLONNES } from './colonnes.ts'

export type LigneCoop = Partial<Record<Colonne, string | number | Date>>

/** The columns of a mediator's own export (with « Bénéficiaire » and notes), in La Coop's order. */
export const COLONNES_AUTO_EXPORT: readonly Colonne[] = [
  'date', 'enregistreLe', 'modifieLe', 'type', 'participants', 'beneficiaire', 'canal', 'nomLieu', 'adresse', 'commune', 'codePostal', 'codeInsee',
  'duree', 'nomAtelier', 'materiel', 'thematiques', 'tags', 'demarche', 'niveau', 'reoriente', 'redirection', 'communeBeneficiaire',
  'codePostalBeneficiaire', 'codeInseeBeneficiaire', 'genre', 'trancheAge', 'statut', 'notes', 'idCra',
]

/** The columns of a coordinator's export of a mediator (mediator's name, no beneficiary nor notes). */
export const COLONNES_EQUIPE: readonly Colonne[] = [
  'date', 'enregistreLe', 'modifieLe', 'prenomMediateur', 'nomMediateur', 'role', 'idConum', 'type', 'participants', 'canal', 'nomLieu', 'adresse',
  'commune', 'codePostal', 'codeInsee', 'duree', 'nomAtelier', 'materiel', 'thematiques', 'tags', 'demarche', 'niveau', 'reoriente', 'redirection',
  'communeBeneficiaire', 'codePostalBeneficiaire', 'codeInseeBeneficiaire', 'genre', 'trancheAge', 'statut', 'idCra',
]

const METADONNEES: unknown[][] = [
  ['Informations export'],
  ['Nom', 'Exemple'],
  ['Prénom', 'Camille'],
  ['Rôle', 'Médiateur'],
  ['Date d’export', '02/06/2025'],
  ['Heure d’export', '10:15'],
  [],
  ['Filtres'],
  ['Début de période', '-'],
  ['Fin de période', '-'],
  [],
]

export async function exportXlsx(lignes: readonly LigneCoop[], colonnes: readonly Colonne[] = COLONNES_AUTO_EXPORT): Promise<Buffer> {
  const classeur = new ExcelJS.Workbook()
  const feuille = classeur.addWorksheet('Activités')
  feuille.addRows(METADONNEES)
  const debut = METADONNEES.length + 1
  feuille.addTable({
    name: 'Activites',
    ref: `A${debut}`,
    headerRow: true,
    columns: colonnes.map((c) => ({ name: COLONNES[c], filterButton: true })),
    rows: lignes.map((l) => colonnes.map((c) => l[c] ?? '')),
  })
  feuille.getColumn(1).eachCell((cellule, rang) => {
    if (rang > debut && cellule.value instanceof Date) cellule.numFmt = 'dd/mm/yyyy'
  })
  return Buffer.from(await classeur.xlsx.writeBuffer())
}

/** windows-1252's bytes 0x80–0x9F (the rest of Latin-1 is the same code). */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

export function enWindows1252(texte: string): Buffer {
  return Buffer.from(
    [...texte].map((c) => {
      const code = c.codePointAt(0) ?? 63
      const special = CP1252.indexOf(c)
      if (special >= 0 && (code < 0x80 || code > 0x9f)) return 0x80 + special
      return code <= 0xff ? code : 63
    }),
  )
}

const enTexte = (v: string | number | Date | undefined): string =>
  v instanceof Date ? v.toISOString().slice(0, 10).split('-').reverse().join('/') : v === undefined ? '' : String(v)

export function exportCsv(
  lignes: readonly LigneCoop[],
  options: { separateur?: ';' | ','; encodage?: 'utf-8' | 'windows-1252'; colonnes?: readonly Colonne[]; metadonnees?: boolean } = {},
): Buffer {
  const colonnes = options.colonnes ?? COLONNES_AUTO_EXPORT
  const rangees = [
    ...(options.metadonnees === false ? [] : METADONNEES.map((r) => colonnes.map((_, i) => String(r[i] ?? '')))),
    colonnes.map((c) => COLONNES[c]),
    ...lignes.map((l) => colonnes.map((c) => enTexte(l[c]))),
  ]
  const texte = stringify(rangees, { delimiter: options.separateur ?? ';', record_delimiter: '\r\n' })
  return options.encodage === 'windows-1252' ? enWindows1252(texte) : Buffer.from(`\uFEFF${texte}`, 'utf8')
}

/** A place as the export names it. */
export interface LieuExemple {
  nom: string
  codeInsee: string
}

const jour = (iso: string) => new Date(`${iso}T00:00:00Z`)

/**
 * A small realistic export (rows 13 to 22 of the sheet, the table starting on row 12): four
 * good activities — two individual ones, a 3-participant workshop in another place of the
 * structure, a followed beneficiary seen three times — then four bad ones: unknown thematic,
 * future date, duration « abc » with an unknown age bracket, missing date.
 */
export function lignesExemple(lieu: LieuExemple, autreLieu: LieuExemple): LigneCoop[] {
  const commun = { enregistreLe: '02/06/2025 à 10:00', adresse: '1 rue de la République', tags: '' }
  const atelier = {
    ...commun, date: jour('2025-03-01'), type: 'Atelier collectif', canal: 'Lieu d’activité', nomLieu: autreLieu.nom, codeInsee: autreLieu.codeInsee, duree: 120,
    nomAtelier: 'Découvrir sa boîte mail', materiel: 'Ordinateur', thematiques: 'E-mail\nPrévention en sécurité numérique', niveau: '1/3', idCra: 'cra-4',
  }
  return [
    {
      ...commun, date: jour('2025-03-14'), type: 'Accompagnement individuel', participants: 1, beneficiaire: 'Bénéficiaire anonyme', canal: 'Lieu d’activité',
      nomLieu: lieu.nom, codeInsee: lieu.codeInsee, duree: 45, materiel: 'Ordinateur\nTéléphone', thematiques: 'Aide aux démarches administratives\nSocial - Santé',
      demarche: 'Demande de carte Vitale', niveau: '2/3', reoriente: 'Oui', redirection: 'Structure d’aide sociale (maison des solidarités, centre social…)',
      codeInseeBeneficiaire: '73065', genre: 'Féminin', trancheAge: '60 - 69 ans', statut: 'Retraité', idCra: 'cra-1',
    },
    {
      ...commun, date: jour('2025-01-10'), type: 'Accompagnement individuel', participants: 1, beneficiaire: 'Jeanne Exemple', canal: 'À domicile', commune: 'Aix-les-Bains',
      codeInsee: '73008', duree: 30, materiel: 'Tablette', thematiques: 'E-mail', reoriente: 'Non', genre: 'Féminin', trancheAge: '70 ans et plus', statut: 'Retraité', idCra: 'cra-2',
    },
    { ...atelier, participants: '1/3', beneficiaire: 'Bénéficiaire anonyme', genre: 'Masculin', trancheAge: '25 - 39 ans', statut: 'En emploi' },
    { ...atelier, participants: '2/3', beneficiaire: 'Bénéficiaire anonyme', genre: 'Non communiqué', trancheAge: 'Non communiqué', statut: 'Non communiqué ou hétérogène' },
    { ...atelier, participants: '3/3', beneficiaire: 'Jeanne Exemple', genre: 'Féminin', trancheAge: '70 ans et plus', statut: 'Retraité' },
    {
      ...commun, date: jour('2025-02-20'), type: 'Accompagnement individuel', participants: 1, beneficiaire: 'Jeanne Exemple', canal: 'À distance', duree: 15,
      materiel: 'Téléphone', thematiques: 'Santé', niveau: '3/3', reoriente: 'Non', genre: 'Féminin', trancheAge: '70 ans et plus', statut: 'Retraité', idCra: 'cra-3',
    },
    { ...commun, date: jour('2025-04-02'), type: 'Accompagnement individuel', participants: 1, canal: 'Lieu d’activité', nomLieu: lieu.nom, codeInsee: lieu.codeInsee, duree: 60, thematiques: 'Navigation sur internet\nJardinage numérique', reoriente: 'Non', idCra: 'cra-5' },
    { ...commun, date: jour('2099-01-01'), type: 'Accompagnement individuel', participants: 1, canal: 'Lieu d’activité', nomLieu: lieu.nom, codeInsee: lieu.codeInsee, duree: 30, thematiques: 'Bureautique', reoriente: 'Non', idCra: 'cra-6' },
    { ...commun, date: jour('2025-04-03'), type: 'Accompagnement individuel', participants: 1, canal: 'Lieu d’activité', nomLieu: lieu.nom, codeInsee: lieu.codeInsee, duree: 'abc', thematiques: 'Bureautique', reoriente: 'Non', trancheAge: 'Ado', idCra: 'cra-7' },
    { ...commun, type: 'Accompagnement individuel', participants: 1, canal: 'Lieu d’activité', nomLieu: lieu.nom, codeInsee: lieu.codeInsee, duree: 30, thematiques: 'Bureautique', reoriente: 'Non', idCra: 'cra-8' },
  ]
}
