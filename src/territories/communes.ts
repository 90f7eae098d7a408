/**
 * Finds the commune a place is in, from what the producer wrote: `code_insee`, `code_postal`
 * and `commune`. Confirms a coherent code, fills a missing one, corrects one that matches
 * neither the postcode nor the name, and resolves Paris, Lyon and Marseille to their
 * arrondissement when the postcode tells it. Pure: works on a `Referentiel`.
 */
import { distanceEdition } from '../platform/text.ts'
import { cleCommune, type Commune, type Referentiel } from './referentiel.ts'

export interface AdresseCommune {
  commune: string | null
  code_postal: string | null
  code_insee: string | null
}

export type Statut = 'confirmee' | 'completee' | 'corrigee' | 'incoherente' | 'introuvable'

export interface Resolution {
  statut: Statut
  /** The current commune or arrondissement found; absent when `introuvable`. */
  commune?: Commune
  /** Why the code was corrected or is doubtful, in French. */
  explication?: string
}

function correspond(ref: Referentiel, commune: Commune, cle: string): boolean {
  if (cle === '') return false
  if (commune.cle === cle) return true
  const parent = commune.parent ? ref.communes.get(commune.parent) : undefined
  return parent !== undefined && commune.type === 'arrondissement-municipal' && parent.cle === cle
}

function codePostalDe(ref: Referentiel, commune: Commune, cp: string): boolean {
  if (commune.codesPostaux.includes(cp)) return true
  const parent = commune.parent ? ref.communes.get(commune.parent) : undefined
  return parent?.codesPostaux.includes(cp) ?? false
}

/** An arrondissement of `commune` among `candidats`, when the postcode designates one. */
function preciser(commune: Commune, candidats: readonly Commune[]): Commune {
  return candidats.find((c) => c.parent === commune.code && c.type === 'arrondissement-municipal') ?? commune
}

/** The commune a postcode belongs to when it belongs to one only (its arrondissements aside). */
function uniqueCommuneDuCodePostal(ref: Referentiel, cp: string): Commune | undefined {
  const candidats = ref.parCodePostal.get(cp) ?? []
  const communes = candidats.filter((c) => c.type === 'commune-actuelle')
  return communes.length === 1 && communes[0] ? preciser(communes[0], candidats) : undefined
}

function plusPeuplee(communes: readonly Commune[]): Commune | undefined {
  return [...communes].sort((a, b) => b.population - a.population)[0]
}

/** Finds a commune from postcode and name only. */
function parCodePostalEtNom(ref: Referentiel, cp: string | null, cle: string): Commune | undefined {
  const candidats = cp ? (ref.parCodePostal.get(cp) ?? []) : []
  const memeNom = candidats.filter((c) => correspond(ref, c, cle))
  const trouvee = memeNom.find((c) => c.type === 'arrondissement-municipal') ?? plusPeuplee(memeNom)
  if (trouvee) return preciser(trouvee, candidats)
  if (cle === '') return candidats.length === 1 ? candidats[0] : undefined

  // A former commune (déléguée, associée) of the same name, or a commune of the same name in the postcode's département.
  const departements = cp ? ref.departementsDuCodePostal(cp) : undefined
  const homonymes = (ref.parNom.get(cle) ?? [])
    .map((c) => (c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal' ? c : ref.communeActuelle(c.code)))
    .filter((c): c is Commune => c !== undefined && (departements === undefined || departements.includes(c.departement)))
  const uniques = [...new Map(homonymes.map((c) => [c.code, c])).values()]
  if (uniques.length === 1 && uniques[0]) return preciser(uniques[0], candidats)

  // A typo in the name, among the communes of the postcode.
  const plafond = Math.max(2, Math.floor(cle.length * 0.2))
  const proches = candidats.filter((c) => distanceEdition(c.cle, cle, plafond) <= plafond)
  if (proches.length === 1 && proches[0]) return preciser(proches[0], candidats)

  // A shortened or lengthened name (« Chamonix » for Chamonix-Mont-Blanc), unique within the postcode.
  if (cle.length < 4) return undefined
  const contenant = candidats.filter((c) => c.cle.includes(cle) || cle.includes(c.cle))
  return contenant.length === 1 && contenant[0] ? preciser(contenant[0], candidats) : undefined
}

export function resoudreCommune(adresse: AdresseCommune, ref: Referentiel): Resolution {
  const cle = adresse.commune ? cleCommune(adresse.commune) : ''
  const cp = adresse.code_postal
  const code = adresse.code_insee

  if (code) {
    const commune = ref.communes.get(code)
    if (commune) {
      const cpOk = cp === null || codePostalDe(ref, commune, cp)
      const nomOk = cle === '' || correspond(ref, commune, cle)
      if (cpOk || nomOk) return { statut: 'confirmee', commune }
      const autre = parCodePostalEtNom(ref, cp, cle)
      if (autre && autre.code !== commune.code) {
        return {
          statut: 'corrigee',
          commune: autre,
          explication: `Le code INSEE ${code} (${commune.nom}) ne correspond ni au code postal ${cp} ni à la commune « ${adresse.commune} » : remplacé par ${autre.code} (${autre.nom}).`,
        }
      }
      return {
        statut: 'incoherente',
        commune,
        explication: `Le code INSEE ${code} (${commune.nom}) ne correspond ni au code postal ${cp} ni à la commune « ${adresse.commune} » : à vérifier.`,
      }
    }
    const actuelle = ref.communeActuelle(code)
    if (actuelle) {
      return {
        statut: 'corrigee',
        commune: actuelle,
        explication: `Le code INSEE ${code} est celui d'une ancienne commune : remplacé par celui de la commune actuelle, ${actuelle.code} (${actuelle.nom}).`,
      }
    }
  }

  const trouvee = parCodePostalEtNom(ref, cp, cle)
  const seule = cp ? uniqueCommuneDuCodePostal(ref, cp) : undefined
  if (!trouvee && seule && !code) {
    // « Montfavet » 84140: a district, not a commune; its postcode belongs to one commune only.
    return {
      statut: 'completee',
      commune: seule,
      explication: `« ${adresse.commune ?? ''} » n'est pas le nom d'une commune : le code postal ${cp} n'appartient qu'à la commune ${seule.nom} (${seule.code}), qui est retenue.`,
    }
  }
  if (trouvee) {
    if (!code) return { statut: 'completee', commune: trouvee }
    return {
      statut: 'corrigee',
      commune: trouvee,
      explication: `Le code INSEE ${code} n'existe pas : remplacé par ${trouvee.code} (${trouvee.nom}), d'après la commune et le code postal.`,
    }
  }
  return {
    statut: 'introuvable',
    explication: `Commune « ${adresse.commune ?? ''} » (code postal ${cp ?? 'absent'}${code ? `, code INSEE ${code}` : ''}) introuvable dans le référentiel officiel des communes.`,
  }
}
