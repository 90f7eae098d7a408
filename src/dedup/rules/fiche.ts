/**
 * What the duplicate rules need of a place: a `FicheComparee`, built from a `Lieu` of the
 * standard, the name of its source, a stable key chosen by the caller and the commune the
 * registry resolved. Also the identifiers derived from it: the commune used for blocking
 * (arrondissements of Paris, Lyon and Marseille folded into their city) and the SIRET / SIREN
 * (the placeholder 00000000000000 means « absent »).
 */
import { PIVOT_NON_RENSEIGNE, type Lieu } from '../../places/standard/fields.ts'

/** What the comparison needs of a place. */
export interface FicheComparee {
  /** Stable key given by the caller (e.g. `source:id`). */
  cle: string
  /** Source name: two places of one source need stronger evidence to be merged. */
  source: string
  nom: string
  adresse: string
  complement_adresse: string | null
  code_postal: string
  commune: string
  /** Resolved commune, possibly an arrondissement (75101…); folded by `communeDeBlocage`. */
  code_insee: string | null
  latitude: number | null
  longitude: number | null
  /** SIRET or RNA, or '' ; the placeholder 00000000000000 means absent. */
  pivot: string
  telephone: string | null
  courriels: readonly string[]
  site_web: readonly string[]
  typologie: readonly string[]
  dispositif_programmes_nationaux: readonly string[]
}

export function ficheDepuisLieu(lieu: Lieu, source: string, cle: string, codeCommune: string | null): FicheComparee {
  return {
    cle,
    source,
    nom: lieu.nom,
    adresse: lieu.adresse,
    complement_adresse: lieu.complement_adresse,
    code_postal: lieu.code_postal,
    commune: lieu.commune,
    code_insee: codeCommune ?? lieu.code_insee,
    latitude: lieu.latitude,
    longitude: lieu.longitude,
    pivot: lieu.pivot,
    telephone: lieu.telephone,
    courriels: lieu.courriels,
    site_web: lieu.site_web,
    typologie: lieu.typologie,
    dispositif_programmes_nationaux: lieu.dispositif_programmes_nationaux,
  }
}

/** Paris, Lyon and Marseille: arrondissement code → city code. */
export function communeDeBlocage(code: string | null): string | null {
  if (code === null || code === '') return null
  if (/^751(0[1-9]|1\d|20)$/.test(code)) return '75056'
  if (/^6938[1-9]$/.test(code)) return '69123'
  if (/^132(0[1-9]|1[0-6])$/.test(code)) return '13055'
  return code
}

/** A usable SIRET (14 digits, not the placeholder), else null. */
export function siret(fiche: FicheComparee): string | null {
  const pivot = fiche.pivot.trim()
  return /^\d{14}$/.test(pivot) && pivot !== PIVOT_NON_RENSEIGNE ? pivot : null
}

/** An RNA (W + 9 characters), else null. */
export function rna(fiche: FicheComparee): string | null {
  const pivot = fiche.pivot.trim().toUpperCase()
  return /^W[0-9A-Z]{9}$/.test(pivot) ? pivot : null
}

/** The SIREN (9 first digits of the SIRET): the organisation, not the site. */
export function siren(fiche: FicheComparee): string | null {
  return siret(fiche)?.slice(0, 9) ?? null
}

export function aDesCoordonnees(fiche: FicheComparee): fiche is FicheComparee & { latitude: number; longitude: number } {
  return fiche.latitude !== null && fiche.longitude !== null && Number.isFinite(fiche.latitude) && Number.isFinite(fiche.longitude)
}
