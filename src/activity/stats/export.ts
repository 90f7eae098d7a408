/**
 * The statistics export as rows (pure), shared by the XLSX and CSV files: first the export's
 * metadata — what, who (a role and its scope, never an e-mail), when — and every filter applied
 * (La Coop's `addExportMetadata` and `addFilters`), then the general figures, the series and
 * each breakdown with its counts and shares.
 */
import { THEMATIQUES, THEMATIQUES_DEMARCHE, TYPES_ACTIVITE, libelle } from '../domain/vocabulaire.ts'
import type { Filtres } from './filtres.ts'
import { CLES_REPARTITIONS, type Statistiques } from './presentation.ts'

export type CelluleExport = string | number
export interface LigneExport {
  cellules: CelluleExport[]
  /** Shown in bold in the spreadsheet. */
  style?: 'titre' | 'section' | 'entete'
}

export interface MetaExport {
  titre: string
  /** The role and scope of whoever exports: « Coordinateur — Savoie ». */
  exportePar: string
  exporteLe: Date
  filtres: ReadonlyArray<readonly [string, string]>
}

export const NOTE_ATELIERS = 'Les ateliers collectifs comptent pour 1 accompagnement par participant'

const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' })
const HORODATAGE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' })
export const dateFrancaise = (iso: string): string => DATE.format(new Date(`${iso}T00:00:00Z`))

export interface NomsFiltres {
  perimetre: string
  mediateur?: string | undefined
  lieu?: string | undefined
  commune?: string | undefined
}

/** Every filter of a request, in words (the applied ones, « Tous » otherwise). */
export function descriptionFiltres(filtres: Filtres, periode: { du: string; au: string }, noms: NomsFiltres): Array<[string, string]> {
  const thematique = filtres.thematique === undefined ? undefined : (libelle(THEMATIQUES, filtres.thematique) ?? libelle(THEMATIQUES_DEMARCHE, filtres.thematique) ?? filtres.thematique)
  const types = filtres.types && filtres.types.length === 1 ? filtres.types.map((t) => libelle(TYPES_ACTIVITE, t) ?? t).join(', ') : 'Tous'
  return [
    ['Périmètre', noms.perimetre],
    ['Période', `du ${dateFrancaise(periode.du)} au ${dateFrancaise(periode.au)}`],
    ['Type d’activité', types],
    ['Médiateur', filtres.mediateur === undefined ? 'Tous' : (noms.mediateur ?? `n° ${filtres.mediateur}`)],
    ['Lieu d’activité', filtres.lieu === undefined ? 'Tous' : (noms.lieu ?? `n° ${filtres.lieu}`)],
    ['Commune', filtres.commune === undefined ? 'Toutes' : (noms.commune ?? filtres.commune)],
    ['Thématique', thematique ?? 'Toutes'],
  ]
}

/** The metadata rows that open every export. */
export function lignesMeta(meta: MetaExport): LigneExport[] {
  return [
    { cellules: [meta.titre], style: 'titre' },
    { cellules: ['Exporté par', meta.exportePar] },
    { cellules: ['Exporté le', HORODATAGE.format(meta.exporteLe)] },
    { cellules: [] },
    { cellules: ['Filtres appliqués'], style: 'section' },
    ...meta.filtres.map(([nom, valeur]) => ({ cellules: [nom, valeur] })),
    { cellules: [] },
  ]
}

export function lignesStatistiques(s: Statistiques, meta: MetaExport): LigneExport[] {
  const lignes: LigneExport[] = [...lignesMeta(meta)]
  const b = s.beneficiaires
  lignes.push(
    { cellules: ['Statistiques générales'], style: 'section' },
    { cellules: ['Accompagnements', s.accompagnements.total] },
    { cellules: ['dont accompagnements individuels', s.accompagnements.individuels] },
    { cellules: ['dont participations aux ateliers collectifs', s.accompagnements.collectifs] },
    { cellules: ['Activités', s.activites.total] },
    { cellules: ['dont accompagnements individuels', s.activites.individuelles] },
    { cellules: ['dont ateliers collectifs', s.activites.collectives] },
    { cellules: ['Bénéficiaires accompagnés', b.total] },
    { cellules: ['dont nouveaux bénéficiaires', b.nouveaux] },
    { cellules: ['dont bénéficiaires suivis', b.suivis] },
    { cellules: ['dont bénéficiaires anonymes', b.anonymes] },
    { cellules: [`Note : ${NOTE_ATELIERS}.`] },
    { cellules: [] },
    { cellules: ['Accompagnements par mois'], style: 'section' },
    { cellules: ['Mois', 'Accompagnements', 'Activités'], style: 'entete' },
    ...s.parMois.map((m) => ({ cellules: [m.libelle, m.accompagnements, m.activites] })),
    { cellules: [] },
    { cellules: ['Accompagnements par jour (30 derniers jours de la période)'], style: 'section' },
    { cellules: ['Jour', 'Accompagnements', 'Activités'], style: 'entete' },
    ...s.parJour.map((j) => ({ cellules: [dateFrancaise(j.jour), j.accompagnements, j.activites] })),
  )
  for (const cle of CLES_REPARTITIONS) {
    const r = s.repartitions[cle]
    lignes.push(
      { cellules: [] },
      { cellules: [r.titre], style: 'section' },
      { cellules: ['Libellé', r.unite, 'Part (%)', 'Part selon La Coop (%)'], style: 'entete' },
      ...r.parts.map((p) => ({ cellules: [p.libelle, p.nombre, p.pourcentage, p.pourcentageLaCoop] })),
    )
  }
  return lignes
}
