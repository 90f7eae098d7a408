/**
 * The evaluation report as spreadsheet rows (pure), one sheet per section — indicators against
 * targets, actions, national dashboards — each opening with the same header: territory, period,
 * date of production (the statistics export's `lignesMeta`).
 */
import { lignesMeta, type LigneExport } from '../../activity/stats/export.ts'
import { dateLongue } from '../indicateurs/catalogue/index.ts'
import { euros } from '../feuille-de-route/domaine/regles.ts'
import type { Rapport } from './rapport.ts'

export interface FeuilleRapport {
  nom: string
  lignes: LigneExport[]
  largeurs: number[]
}

const vide = (v: number | string | null | undefined): string | number => v ?? ''

function entete(r: Rapport, section: string, exportePar: string, le: Date): LigneExport[] {
  return lignesMeta({
    titre: `Évaluation — ${section}`,
    exportePar,
    exporteLe: le,
    filtres: [
      ['Territoire', `${r.territoire.nom} (${r.cle})`],
      ['Période', `du ${dateLongue(r.periode.du)} au ${dateLongue(r.periode.au)}`],
      ['Rapport produit le', dateLongue(r.produitLe)],
    ],
  })
}

export function feuillesDuRapport(r: Rapport, exportePar: string, le: Date): FeuilleRapport[] {
  return [
    {
      nom: 'Indicateurs',
      largeurs: [44, 14, 14, 14, 14, 14, 14, 16, 60],
      lignes: [
        ...entete(r, 'indicateurs et cibles', exportePar, le),
        { cellules: ['Indicateur', 'Unité', 'Valeur', 'Référence', 'Cible', 'Écart à la cible', 'Progression (%)', 'Cible atteinte', 'Origine de la valeur'], style: 'entete' },
        ...r.indicateurs.map((i) => ({
          cellules: [
            i.libelle,
            i.unite,
            vide(i.valeur),
            vide(i.valeurReference),
            vide(i.valeurCible),
            vide(i.situation.ecart),
            vide(i.situation.progression),
            i.situation.atteinte === null ? '' : i.situation.atteinte ? 'oui' : 'non',
            i.origine,
          ],
        })),
      ],
    },
    {
      nom: 'Actions',
      largeurs: [30, 30, 40, 24, 22, 14, 12, 12, 16, 40, 40],
      lignes: [
        ...entete(r, 'avancement des actions', exportePar, le),
        { cellules: ['Actions', r.bilanActions.total] },
        { cellules: ['dont en retard', r.bilanActions.enRetard] },
        { cellules: [] },
        { cellules: ['Feuille de route', 'Axe', 'Action', 'Porteur', 'Statut', 'Avancement (%)', 'Début', 'Fin', 'Budget', 'Co-financements', 'Partenaires'], style: 'entete' },
        ...r.actions.map((a) => ({
          cellules: [
            a.feuille,
            a.axe,
            a.titre,
            a.porteur,
            a.statutAffiche,
            a.avancement,
            vide(a.debut),
            vide(a.fin),
            a.budgetCentimes === null ? '' : euros(a.budgetCentimes),
            a.cofinancements.map((c) => `${c.financeur} : ${euros(c.montantCentimes)}`).join(' ; '),
            a.partenaires.join(' ; '),
          ],
        })),
      ],
    },
    {
      nom: 'Tableau de bord national',
      largeurs: [50, 14, 14, 70],
      lignes: [
        ...entete(r, 'indicateurs des tableaux de bord nationaux', exportePar, le),
        { cellules: ['Indicateur', 'Valeur', 'Unité', 'Précision ou raison'], style: 'entete' },
        ...r.nationaux.map((n) => ({ cellules: [n.libelle, vide(n.valeur), n.unite, n.raison ?? n.precision ?? ''] })),
      ],
    },
  ]
}
