/**
 * Which statistics an account may read (pure): an administrator everything, a coordinator each
 * of their territories, a manager their places, a mediator their own activities, both the
 * structures of their places (aggregates only). The page shows
 * the first by default and offers the others; a filter never widens the chosen scope. Exports
 * name the role and scope of whoever exports, never their e-mail. Territories of the public
 * page are written `departement-73`, `region-84`, `commune-73065`, `epci-200068674`.
 */
import { LIBELLES_ROLES, type Compte, type Role } from '../../accounts/roles.ts'
import type { Territoire } from '../../territories/territoire.ts'
import type { Portee } from './filtres.ts'

export interface PerimetreCompte {
  cle: string
  libelle: string
  portee: Portee
  role: Role
}

const LIBELLES_TERRITOIRES: Record<Territoire['type'], string> = { commune: 'commune', epci: 'intercommunalité', departement: 'département', region: 'région' }

export const nomDuTerritoire = (t: Territoire): string => `${t.nom} (${LIBELLES_TERRITOIRES[t.type]})`
export const slugTerritoire = (t: Territoire): string => `${t.type}-${t.code}`

/** `departement-73` → `departement:73` (what `lireTerritoire` reads), or undefined. */
export function lireSlug(slug: string): string | undefined {
  const m = /^(commune|departement|region|epci)-([0-9AB]{2,9})$/i.exec(slug)
  return m ? `${(m[1] ?? '').toLowerCase()}:${(m[2] ?? '').toUpperCase()}` : undefined
}

/** A structure of the account's places (as manager or mediator), named. */
export interface StructureDuCompte {
  id: number
  nom: string
  role: 'gestionnaire' | 'mediateur'
}

export function perimetresDe(compte: Compte, structures: readonly StructureDuCompte[] = []): PerimetreCompte[] {
  const perimetres: PerimetreCompte[] = []
  const roles = new Set(compte.habilitations.map((h) => h.role))
  if (roles.has('administrateur')) perimetres.push({ cle: 'tout', libelle: 'Toute la plateforme', portee: { tout: true }, role: 'administrateur' })
  for (const h of compte.habilitations) {
    if (h.role === 'coordinateur' && h.territoire && !perimetres.some((p) => p.cle === `territoire-${slugTerritoire(h.territoire as Territoire)}`)) {
      perimetres.push({ cle: `territoire-${slugTerritoire(h.territoire)}`, libelle: `Territoire : ${nomDuTerritoire(h.territoire)}`, portee: { territoire: h.territoire }, role: 'coordinateur' })
    }
  }
  const geres = [...new Set(compte.habilitations.flatMap((h) => (h.role === 'gestionnaire' && h.lieuUid !== null ? [h.lieuUid] : [])))]
  if (geres.length > 0) perimetres.push({ cle: 'lieux', libelle: geres.length > 1 ? 'Les lieux que je gère' : 'Le lieu que je gère', portee: { lieux: geres }, role: 'gestionnaire' })
  if (roles.has('mediateur')) perimetres.push({ cle: 'mediateur', libelle: 'Mes accompagnements', portee: { mediateur: compte.id }, role: 'mediateur' })
  for (const st of structures) {
    if (!perimetres.some((p) => p.cle === `structure-${st.id}`)) perimetres.push({ cle: `structure-${st.id}`, libelle: `Structure : ${st.nom}`, portee: { structure: st.id }, role: st.role })
  }
  return perimetres
}

/** The scope asked for (`?perimetre=`), or the account's first. */
export function perimetreChoisi(perimetres: readonly PerimetreCompte[], cle: string | undefined): PerimetreCompte | undefined {
  return perimetres.find((p) => p.cle === cle) ?? perimetres[0]
}

/** Who exports, as the file says it: a role and its scope. */
export const exportePar = (p: PerimetreCompte): string => `${LIBELLES_ROLES[p.role]} — ${p.libelle}`
