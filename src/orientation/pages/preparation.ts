/**
 * What a results page (full site or widget) shows, computed from the URL state: where the
 * search is (resolved « Où ? »), the criteria, the errors to show, the search's answer and the
 * URL of each widening. No rendering here.
 */
import type { Referentiel } from '../../territories/referentiel.ts'
import type { Criteres, Perimetre, Reponse } from '../recherche.ts'
import type { Orientation } from '../service.ts'
import { etatElargi, urlEtat, versCriteres, type ErreurParametre, type EtatRecherche } from './etat.ts'
import { resoudreLieu, type LieuRecherche } from './lieu.ts'

export interface Elargissement {
  libelle: string
  total: number
  url: string
}

export interface DonneesResultats {
  /** `/recherche` or `/widget`: where links of this page lead. */
  chemin: string
  etat: EtatRecherche
  lieu: LieuRecherche
  criteres: Criteres
  erreurs: ErreurParametre[]
  /** null when the search could not run (several or no commune). */
  reponse: Reponse | null
  elargissements: Elargissement[]
  /** The commune has no known position: the search is limited to its département, without distances. */
  communeSansPosition: boolean
}

export interface OptionsPreparation {
  chemin: string
  orientation: Orientation
  ref: Referentiel
  perimetre?: Perimetre | null | undefined
  maintenant?: Date | undefined
}

export function preparerRecherche(etat: EtatRecherche, options: OptionsPreparation): DonneesResultats {
  const perimetre = options.perimetre ?? null
  const lieu = resoudreLieu(etat, { ref: options.ref, pointDeCommune: (code) => options.orientation.pointDeCommune(code), perimetre })
  const position = lieu.type === 'position' ? lieu.point : lieu.type === 'commune' ? lieu.point : null
  const { criteres: lus, erreurs } = versCriteres(etat, position)
  const communeSansPosition = lieu.type === 'commune' && lieu.point === null
  const criteres: Criteres = {
    ...lus,
    perimetre: communeSansPosition && lieu.type === 'commune' && !perimetre ? { departement: lieu.commune.departement } : perimetre,
  }
  const base = { chemin: options.chemin, etat, lieu, criteres, communeSansPosition }
  if (lieu.type === 'plusieurs' || lieu.type === 'inconnu') return { ...base, erreurs, reponse: null, elargissements: [] }
  const reponse = options.orientation.rechercher(criteres, options.maintenant)
  const elargissements = reponse.elargissements.map((e) => ({
    libelle: e.libelle,
    total: e.total,
    url: urlEtat(options.chemin, etatElargi(etat, criteres, e.criteres)),
  }))
  return { ...base, erreurs, reponse, elargissements }
}
