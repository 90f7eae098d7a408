/**
 * The diagnosis engine (pure, no I/O): for every commune, the nearest place offering each need,
 * the places within 5, 10 and 20 km, the weekly opening hours within 10 km, its IFN and its
 * activity. Never the communes × places loop: one kdbush tree of all places for the counts (a
 * 20 km box per commune, then great-circle distances), and one tree per service of the standard
 * for the nearest places (geokdbush walks it nearest first, k = 1): the nearest place of a need
 * is the nearest of the nearest places of its services. A place with several services sits in
 * several trees; a search never explores a tree for places it would reject.
 */
import KDBush from 'kdbush'
import { around, distance } from 'geokdbush'
import type { BesoinDiagnostic, EntreesDiagnostic, LieuDiagnostic, LigneDiagnostic, OptionsMoteur, PlusProche } from './types.ts'

const VIDE = { beneficiaires: 0, accompagnements: 0 } as const
export const RAYON_MAX_KM = 100

interface Arbre {
  arbre: KDBush
  lieux: LieuDiagnostic[]
}

function arbre(lieux: LieuDiagnostic[]): Arbre | undefined {
  if (lieux.length === 0) return undefined
  const a = new KDBush(lieux.length)
  for (const l of lieux) a.add(l.longitude, l.latitude)
  a.finish()
  return { arbre: a, lieux }
}

const arrondi = (km: number) => Math.round(km * 100) / 100

/** The rows of the diagnosis, one per commune, in the order of `entrees.communes`. */
export function calculerDiagnostic(entrees: EntreesDiagnostic, options: OptionsMoteur = {}): LigneDiagnostic[] {
  const rayonMax = options.rayonMaxKm ?? RAYON_MAX_KM
  const tous = arbre([...entrees.lieux])
  const services = [...new Set(entrees.besoins.flatMap((b) => b.services))]
  const parService = new Map<string, Arbre | undefined>()
  for (const s of services) parService.set(s, arbre(entrees.lieux.filter((l) => l.services.includes(s))))

  return entrees.communes.map((c): LigneDiagnostic => {
    const plusProches: Record<string, PlusProche | null> = {}
    let lieux5 = 0
    let lieux10 = 0
    let lieux20 = 0
    let heures = 0
    const p = c.position
    if (p) {
      const proches = new Map<string, PlusProche | null>()
      for (const [s, a] of parService) {
        const [item] = a ? around(a.arbre, p.longitude, p.latitude, 1, rayonMax) : []
        const l = item === undefined ? undefined : a?.lieux[item]
        proches.set(s, l ? { uid: l.uid, nom: l.nom, distanceKm: arrondi(distance(p.longitude, p.latitude, l.longitude, l.latitude)) } : null)
      }
      for (const b of entrees.besoins) plusProches[b.id] = plusProcheDe(b, proches)
      if (tous) {
        const dLat = 20 / 111.19
        const dLon = 20 / (111.19 * Math.max(0.01, Math.cos((p.latitude * Math.PI) / 180)))
        for (const item of tous.arbre.range(p.longitude - dLon, p.latitude - dLat, p.longitude + dLon, p.latitude + dLat)) {
          const l = tous.lieux[item] as LieuDiagnostic
          const km = distance(p.longitude, p.latitude, l.longitude, l.latitude)
          if (km > 20) continue
          lieux20++
          if (km <= 10) {
            lieux10++
            heures += l.heuresHebdo
            if (km <= 5) lieux5++
          }
        }
      }
    } else {
      for (const b of entrees.besoins) plusProches[b.id] = null
    }
    return {
      code: c.code,
      nom: c.nom,
      codeDepartement: c.codeDepartement,
      population: c.population,
      position: c.position,
      plusProches,
      lieux5,
      lieux10,
      lieux20,
      heuresHebdo10km: Math.round(heures * 10) / 10,
      ifn: entrees.ifn.get(c.code) ?? null,
      activite: entrees.activite.get(c.code) ?? VIDE,
    }
  })
}

/** The nearest of the nearest places of the need's services (ties: the smaller uid, for stable answers). */
function plusProcheDe(besoin: BesoinDiagnostic, proches: ReadonlyMap<string, PlusProche | null>): PlusProche | null {
  let meilleur: PlusProche | null = null
  for (const s of besoin.services) {
    const p = proches.get(s)
    if (p && (!meilleur || p.distanceKm < meilleur.distanceKm || (p.distanceKm === meilleur.distanceKm && p.uid < meilleur.uid))) meilleur = p
  }
  return meilleur
}
