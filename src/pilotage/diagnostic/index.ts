/**
 * The territorial diagnosis — public API for the pages and the other pilotage capabilities
 * (feuille de route, indicateurs):
 *
 * - `diagnostiquer(db, territoire, options)` → one `LigneDiagnostic` per commune of the territory
 *   (all of France when `territoire` is null): population, position (approximate or not), the
 *   nearest place per need column (`BESOINS_DIAGNOSTIC`) with its distance, places within 5/10/20
 *   km, weekly opening hours within 10 km, IFN, activity of the period;
 * - `zonesBlanches(lignes, besoin, distanceKm)` (pure) → the communes beyond that distance of
 *   any place offering the need, ranked by population × IFN;
 * - `besoinDiagnostic(id)` resolves an orientation need id (`impots`) or a column id to its column;
 * - `couverture(lignes, besoin, distanceKm)` (pure) → the share of the population within that
 *   distance of a place offering the need; `couvertureSelon(lignes, couverte)` the same for any
 *   rule of a covered commune (the coverage indicators);
 * - `communesDuTerritoire(territoire, ref)` → the current communes of a territory;
 *   `heuresEnCache(db, lignes)` → weekly opening hours through the `diagnostic_heures` cache;
 * - `horsDistance(ligne, colonne, distanceKm)` (pure): the rule of a white zone for one row;
 * - `communesDeLaCarte` and `partHorsDistanceParDepartement` (pure) → the data of the maps
 *   (communes coloured white zone or not, share of the population beyond the distance).
 */
import type { Db } from '../../platform/db/database.ts'
import { referentiel, type Referentiel } from '../../territories/referentiel.ts'
import type { Territoire } from '../../territories/territoire.ts'
import { ajouterMois, premierDuMois } from '../../activity/stats/filtres.ts'
import { aujourdhuiParis } from '../../places/validation/date-maj.ts'
import { BESOINS_DIAGNOSTIC } from './domaine/besoins.ts'
import { calculerDiagnostic } from './domaine/moteur.ts'
import type { LigneDiagnostic } from './domaine/types.ts'
import { communesDuTerritoire, lireActivite, lireCommunes, lireIfnDesCommunes, lireLieux } from './lecture.ts'

export { communesDuTerritoire, heuresEnCache } from './lecture.ts'

export type { ActiviteCommune, BesoinDiagnostic, CommuneDiagnostic, Ifn, LieuDiagnostic, LigneDiagnostic, PlusProche, ZoneBlanche } from './domaine/types.ts'
export { BESOINS_DIAGNOSTIC, besoinDiagnostic } from './domaine/besoins.ts'
export { calculerDiagnostic, RAYON_MAX_KM } from './domaine/moteur.ts'
export { DISTANCE_PAR_DEFAUT, DISTANCES_ZONES_BLANCHES, horsDistance, zonesBlanches } from './domaine/zones-blanches.ts'
export { communesDeLaCarte, communesEnCercles, type CommuneCarte, type DepartementCarte, lieuAMoinsDe, partHorsDistanceParDepartement, partParDepartement, ZONE_BLANCHE } from './domaine/cartes.ts'
export { couverture, couvertureSelon, type Couverture } from './domaine/couverture.ts'
export { heuresHebdomadaires, SEMAINE_DE_REFERENCE } from './domaine/heures.ts'

export interface OptionsDiagnostic {
  /** Whole months of the activity: first days `YYYY-MM-01`; by default the 12 months up to this one. */
  moisDu?: string
  moisAu?: string
  /** Today (`YYYY-MM-DD`, Paris), for the default period. */
  aujourdhui?: string
  ref?: Referentiel
}

/** The default activity period: the 12 whole months up to the current one. */
export function periodeParDefaut(aujourdhui: string = aujourdhuiParis()): { moisDu: string; moisAu: string } {
  const moisAu = premierDuMois(aujourdhui)
  return { moisDu: ajouterMois(moisAu, -11), moisAu }
}

/** The diagnosis of a territory (null: every commune of France), one row per commune sorted by code. */
export async function diagnostiquer(db: Db, territoire: Territoire | null, options: OptionsDiagnostic = {}): Promise<LigneDiagnostic[]> {
  const ref = options.ref ?? referentiel()
  const defaut = periodeParDefaut(options.aujourdhui)
  const tout = territoire === null
  const codes = communesDuTerritoire(territoire, ref)
  const communes = await lireCommunes(db, codes, ref)
  const [lieux, ifn] = await Promise.all([lireLieux(db, communes, tout), lireIfnDesCommunes(db, codes, ref, tout)])
  const departements = tout ? undefined : [...new Set([...communes.map((c) => c.codeDepartement), ...lieux.flatMap((l) => l.codeDepartement ?? [])])].filter((d) => d !== '')
  const activite = await lireActivite(db, departements, options.moisDu ?? defaut.moisDu, options.moisAu ?? defaut.moisAu)
  return calculerDiagnostic({ communes, lieux, besoins: BESOINS_DIAGNOSTIC, ifn, activite })
}

