/**
 * Who may do what: the roles of an account and the pure rules that answer « may this account
 * act on this place, this territory, this invitation? ». No I/O: the session loader gives the
 * account with its roles and resolved territories, the routes ask these functions.
 *
 * - `administrateur`: the whole instance (accounts, outbox, audit log, every place).
 * - `coordinateur`: the places of a territory (communes, EPCI, département or région): edit,
 *   validate new places, handle reports, remind managers, invite managers and mediators there.
 * - `gestionnaire`: edit the places they manage, propose new places, see their reports.
 * - `mediateur`: attached to places (for activity reporting); sees the workspace, edits nothing.
 */
import type { Referentiel } from '../territories/referentiel.ts'
import type { Territoire } from '../territories/territoire.ts'

export const ROLES = ['administrateur', 'coordinateur', 'gestionnaire', 'mediateur'] as const
export type Role = (typeof ROLES)[number]

export const LIBELLES_ROLES: Record<Role, string> = {
  administrateur: 'Administrateur',
  coordinateur: 'Coordinateur',
  gestionnaire: 'Gestionnaire de lieu',
  mediateur: 'Médiateur / aidant',
}

export interface Habilitation {
  id: number
  role: Role
  /** For a coordinator: the territory, as written (`departement:73`) and resolved. */
  territoire: Territoire | null
  /** For a manager or a mediator: the place. */
  lieuUid: number | null
}

export interface Compte {
  id: number
  courriel: string
  nom: string
  totpActif: boolean
  habilitations: readonly Habilitation[]
}

/** Where a place is: enough to know which territories hold it. */
export interface LieuSitue {
  uid: number
  communeResolue: string | null
  codeDepartement: string | null
  codeRegion: string | null
}

export const aLeRole = (compte: Compte, role: Role): boolean => compte.habilitations.some((h) => h.role === role)
export const estAdministrateur = (compte: Compte): boolean => aLeRole(compte, 'administrateur')

export function dansTerritoire(territoire: Territoire, lieu: LieuSitue): boolean {
  switch (territoire.type) {
    case 'departement':
      return lieu.codeDepartement === territoire.code
    case 'region':
      return lieu.codeRegion === territoire.code
    case 'commune':
    case 'epci':
      return lieu.communeResolue !== null && territoire.communes.includes(lieu.communeResolue)
  }
}

/** The territories an account coordinates. */
export const territoiresDe = (compte: Compte): Territoire[] =>
  compte.habilitations.flatMap((h) => (h.role === 'coordinateur' && h.territoire ? [h.territoire] : []))

/** The places an account manages (as `gestionnaire`). */
export const lieuxGeres = (compte: Compte): number[] => compte.habilitations.flatMap((h) => (h.role === 'gestionnaire' && h.lieuUid !== null ? [h.lieuUid] : []))

/** Coordinates the territory holding the place (or administers the instance). */
export const coordonneLieu = (compte: Compte, lieu: LieuSitue): boolean =>
  estAdministrateur(compte) || territoiresDe(compte).some((t) => dansTerritoire(t, lieu))

/** May edit the place: its manager, a coordinator of its territory, an administrator. */
export const peutModifierLieu = (compte: Compte, lieu: LieuSitue): boolean => coordonneLieu(compte, lieu) || lieuxGeres(compte).includes(lieu.uid)

/** May see the place's history: whoever may edit it. */
export const peutVoirHistorique = peutModifierLieu

/** May validate a proposed place, handle its reports' status, remind its managers. */
export const peutValiderLieu = coordonneLieu

/** May propose new places (they wait for a coordinator unless the author coordinates their territory). */
export const peutProposerLieu = (compte: Compte): boolean => compte.habilitations.some((h) => h.role !== 'mediateur')

/** What an invitation gives. */
export type Attribution = { role: 'administrateur' } | { role: 'coordinateur'; territoire: Territoire } | { role: 'gestionnaire' | 'mediateur'; lieu: LieuSitue }

/**
 * May give this role: administrators give any; a coordinator gives `gestionnaire` or
 * `mediateur` on a place of their territory, or `coordinateur` of a territory inside theirs
 * (a commune or EPCI of their département…). Nobody else invites.
 */
export function peutAttribuer(compte: Compte, attribution: Attribution, ref: Referentiel): boolean {
  if (estAdministrateur(compte)) return true
  switch (attribution.role) {
    case 'administrateur':
      return false
    case 'coordinateur':
      return territoiresDe(compte).some((t) => contientTerritoire(t, attribution.territoire, ref))
    case 'gestionnaire':
    case 'mediateur':
      return coordonneLieu(compte, attribution.lieu)
  }
}

/** Where a commune is, as a place would be. */
export function situerCommune(code: string, ref: Referentiel): LieuSitue {
  const commune = ref.communes.get(code)
  return { uid: 0, communeResolue: code, codeDepartement: commune?.departement ?? null, codeRegion: commune?.region ?? null }
}

/** `exterieur` covers all of `interieur` (the same territory, or a part of it). */
export function contientTerritoire(exterieur: Territoire, interieur: Territoire, ref: Referentiel): boolean {
  if (exterieur.type === interieur.type && exterieur.code === interieur.code) return true
  if (interieur.type === 'region') return false
  if (interieur.type === 'departement') return exterieur.type === 'region' && ref.departements.get(interieur.code)?.region === exterieur.code
  return interieur.communes.length > 0 && interieur.communes.every((c) => dansTerritoire(exterieur, situerCommune(c, ref)))
}
