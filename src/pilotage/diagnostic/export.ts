/**
 * The diagnosis and white-zones exports as rows (pure), written to XLSX or CSV by the
 * statistics' streaming writers (`src/activity/stats/fichiers.ts`), opened by the same metadata
 * lines (`lignesMeta`: what, who — a role and a territory, never an e-mail —, when, every
 * filter). Exports are complete (every commune, every need), whatever the page shows.
 */
import { lignesMeta, type LigneExport, type MetaExport } from '../../activity/stats/export.ts'
import { BESOINS_DIAGNOSTIC, besoinDiagnostic } from './domaine/besoins.ts'
import type { LigneDiagnostic, ZoneBlanche } from './domaine/types.ts'
import type { DemandeDiagnostic } from './requete.ts'

const MOIS = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' })
export const moisFrancais = (iso: string): string => MOIS.format(new Date(`${iso}T00:00:00Z`))
const arrondi = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d

/** The filters of a request in words, for the file's header and the page. */
export function descriptionDemande(d: DemandeDiagnostic, territoire: string, mode: 'diagnostic' | 'zones-blanches'): Array<[string, string]> {
  const besoin = besoinDiagnostic(d.besoin)?.libelle ?? d.besoin
  return [
    ['Territoire', territoire],
    ['Besoin', besoin],
    ['Distance', d.distance === undefined ? 'Toutes les communes' : `Communes à plus de ${d.distance} km d’un lieu pour ce besoin`],
    ['Période d’activité', `de ${moisFrancais(d.moisDu)} à ${moisFrancais(d.moisAu)} (mois entiers)`],
    ...(mode === 'zones-blanches' ? ([['Classement', 'population × indice de fragilité numérique (médiane de la liste quand il manque)']] as Array<[string, string]>) : []),
  ]
}

export function* lignesDiagnostic(lignes: readonly LigneDiagnostic[], meta: MetaExport): Generator<LigneExport> {
  yield* lignesMeta(meta)
  yield {
    cellules: [
      'Code INSEE',
      'Commune',
      'Département',
      'Population',
      'Position approchée',
      'Lieux à 5 km',
      'Lieux à 10 km',
      'Lieux à 20 km',
      'Heures d’ouverture hebdomadaires à 10 km',
      'IFN (total)',
      'IFN de',
      'Bénéficiaires résidents',
      'Accompagnements dans la commune',
      ...BESOINS_DIAGNOSTIC.flatMap((b) => [`${b.libelle} : lieu le plus proche`, `${b.libelle} : distance (km)`]),
    ],
    style: 'entete',
  }
  for (const l of lignes) {
    yield {
      cellules: [
        l.code,
        l.nom,
        l.codeDepartement,
        l.population,
        l.position === null ? 'inconnue' : l.position.approximative ? 'oui' : 'non',
        l.lieux5,
        l.lieux10,
        l.lieux20,
        l.heuresHebdo10km,
        l.ifn?.total == null ? '' : arrondi(l.ifn.total),
        l.ifn === null ? '' : l.ifn.source === 'epci' ? 'EPCI' : 'commune',
        l.activite.beneficiaires,
        l.activite.accompagnements,
        ...BESOINS_DIAGNOSTIC.flatMap((b) => {
          const p = l.plusProches[b.id]
          return p ? [p.nom, p.distanceKm] : ['aucun', '']
        }),
      ],
    }
  }
}

export function* lignesZonesBlanches(zones: readonly ZoneBlanche[], meta: MetaExport): Generator<LigneExport> {
  yield* lignesMeta(meta)
  yield { cellules: ['Rang', 'Code INSEE', 'Commune', 'Département', 'Population', 'Lieu le plus proche', 'Distance (km)', 'IFN (total)', 'IFN manquant', 'Priorité'], style: 'entete' }
  let rang = 0
  for (const z of zones) {
    const l = z.ligne
    rang++
    yield {
      cellules: [
        rang,
        l.code,
        l.nom,
        l.codeDepartement,
        l.population,
        z.plusProche?.nom ?? 'aucun à moins de 100 km',
        z.distanceKm ?? '',
        l.ifn?.total == null ? '' : arrondi(l.ifn.total),
        z.ifnManquant ? 'oui' : 'non',
        Math.round(z.priorite),
      ],
    }
  }
}
