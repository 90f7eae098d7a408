/**
 * The columns of La Coop de la médiation numérique's « Activités » export (sheet « Activités »,
 * one row per accompaniment; coop-mediation-numerique `buildAccompagnementsWorksheet.ts`), as
 * La Coop writes them (typographic apostrophe ’), and how a header cell is recognised: by its
 * comparison key, so that ’ or ', case, accents and spaces do not matter.
 * Reference: shared/reference/activity-reporting-la-coop.md §7.
 */
import { cle } from '../../platform/text.ts'

export const COLONNES = {
  date: 'Date',
  enregistreLe: 'Enregistré le',
  modifieLe: 'Dernière modification le',
  prenomMediateur: 'Prénom du médiateur',
  nomMediateur: 'Nom du médiateur',
  role: 'Rôle',
  idConum: 'ID - Conum',
  type: 'Type',
  participants: 'Participants',
  beneficiaire: 'Bénéficiaire',
  canal: 'Canaux d’accompagnement',
  nomLieu: 'Nom du lieu',
  adresse: 'Adresse',
  commune: 'Commune',
  codePostal: 'Code postal',
  codeInsee: 'Code Insee',
  duree: 'Durée (min)',
  nomAtelier: 'Nom de l’atelier',
  materiel: 'Matériel numérique utilisé',
  thematiques: 'Thématique(s) d’accompagnement',
  tags: 'Tags',
  demarche: 'Nom de la démarche administrative',
  niveau: 'Niveau d’autonomie (ou de l’atelier)',
  reoriente: 'Bénéficiaire réorienté',
  redirection: 'Structure de redirection',
  communeBeneficiaire: 'Commune du bénéficiaire',
  codePostalBeneficiaire: 'Code postal du bénéficiaire',
  codeInseeBeneficiaire: 'Code Insee du bénéficiaire',
  genre: 'Genre du bénéficiaire',
  trancheAge: 'Tranche d’âge du bénéficiaire',
  statut: 'Statut du bénéficiaire',
  notes: 'Notes supplémentaires',
  sourceDonnee: 'Source de la donnée',
  idCra: 'ID CRA',
} as const

export type Colonne = keyof typeof COLONNES

/** Without these, a file is not an « Activités » export. */
export const OBLIGATOIRES: readonly Colonne[] = ['date', 'type', 'canal', 'duree', 'thematiques', 'idCra']

/**
 * Columns read but deliberately not imported: who the mediator was (the importing person
 * chooses the account), followed beneficiaries' names and the notes (personal data whose
 * consent is not known here), tags (no equivalent), timestamps and the data source.
 */
export const IGNOREES: readonly Colonne[] = ['enregistreLe', 'modifieLe', 'prenomMediateur', 'nomMediateur', 'role', 'idConum', 'adresse', 'commune', 'codePostal', 'tags', 'communeBeneficiaire', 'codePostalBeneficiaire', 'notes', 'sourceDonnee']

const PAR_CLE = new Map<string, Colonne>(Object.entries(COLONNES).map(([colonne, entete]) => [cle(entete), colonne as Colonne]))

/** The column a header cell names, if any. */
export const colonneDe = (entete: string): Colonne | undefined => PAR_CLE.get(cle(entete))

/** A cell as read from the file: text, a number, a date (XLSX) or nothing. */
export type Cellule = string | number | boolean | Date | undefined

/** One data row of the export: its line (row number in the sheet, or line in the CSV) and its cells. */
export interface LigneExport {
  ligne: number
  cellules: Partial<Record<Colonne, Cellule>>
}

/**
 * Whether a row is the header of the table: it names the activity id, the date and the type.
 * (An export starts with metadata and filter rows, then a blank row, then the table.)
 */
export function estEntete(cellules: readonly unknown[]): boolean {
  const presentes = new Set(cellules.map((c) => (typeof c === 'string' ? colonneDe(c) : undefined)))
  return presentes.has('idCra') && presentes.has('date') && presentes.has('type')
}

/** The position of each known column in a header row; unknown headers apart. */
export function positions(entete: readonly unknown[]): { positions: Map<number, Colonne>; inconnues: string[] } {
  const resultat = new Map<number, Colonne>()
  const inconnues: string[] = []
  const vues = new Set<Colonne>()
  entete.forEach((brut, i) => {
    const texte = typeof brut === 'string' ? brut.trim() : brut === undefined || brut === null ? '' : String(brut)
    if (texte === '') return
    const colonne = colonneDe(texte)
    if (colonne && !vues.has(colonne)) {
      vues.add(colonne)
      resultat.set(i, colonne)
    } else inconnues.push(texte)
  })
  return { positions: resultat, inconnues }
}

/** The required columns missing from a header, by their names in La Coop's export. */
export function manquantes(trouvees: Iterable<Colonne>): string[] {
  const presentes = new Set(trouvees)
  return OBLIGATOIRES.filter((c) => !presentes.has(c)).map((c) => COLONNES[c])
}
