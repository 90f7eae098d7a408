/**
 * Partnerships between actors: the `partenariats` column of a file of actors (items
 * `<SIRET du partenaire>:<nature>[:<début>[:<fin>]]` separated by `|`) and the coordinator's
 * form (partner, nature, dates, description). Every problem is reported in French; a faulty
 * item of the column is dropped with a warning, the actor is kept. Pure.
 */
import { cle, nettoyerLigne, nettoyerTexte } from '../../../platform/text.ts'
import { versDateIso } from '../../../places/validation/date-maj.ts'
import { decouper } from '../../../places/validation/listes.ts'
import { cleSiretValide } from '../../../places/validation/identite.ts'
import type { Constat } from '../../../places/validation/problems.ts'
import { NATURES_PARTENARIAT, type NaturePartenariat } from './vocabulaire.ts'

export interface PartenariatDeclare {
  siret: string
  nature: NaturePartenariat
  debut: string | null
  fin: string | null
}

const NATURES = Object.keys(NATURES_PARTENARIAT).join(', ')

export function lireNature(texte: string): NaturePartenariat | undefined {
  const c = cle(texte)
  return (Object.entries(NATURES_PARTENARIAT) as Array<[NaturePartenariat, string]>).find(([code, libelle]) => cle(code) === c || cle(libelle) === c)?.[0]
}

/** The `partenariats` column of a row; `siretActeur` is the row's own SIRET (a partnership with oneself is refused). */
export function lirePartenariats(brut: unknown, siretActeur: string | null, constat: Constat): PartenariatDeclare[] {
  const retenus: PartenariatDeclare[] = []
  for (const morceau of decouper(brut)) {
    const [siretBrut = '', natureBrute = '', debutBrut = '', finBrut = ''] = morceau.split(':').map((m) => m.trim())
    const siret = siretBrut.replace(/[\s.]/g, '')
    const nature = lireNature(natureBrute)
    const debut = debutBrut === '' ? null : versDateIso(debutBrut)
    const fin = finBrut === '' ? null : versDateIso(finBrut)
    const raisons: string[] = []
    if (!/^\d{14}$/.test(siret) || !cleSiretValide(siret)) raisons.push(`« ${siretBrut} » n’est pas un SIRET valide`)
    else if (siret === siretActeur) raisons.push('un acteur n’est pas son propre partenaire')
    if (nature === undefined) raisons.push(`la nature « ${natureBrute} » n’est pas admise (${NATURES})`)
    if (debut === null && debutBrut !== '') raisons.push(`la date de début « ${debutBrut} » n’est pas une date`)
    if (fin === null && finBrut !== '') raisons.push(`la date de fin « ${finBrut} » n’est pas une date`)
    if (debut && fin && fin < debut) raisons.push('la fin précède le début')
    if (raisons.length > 0 || nature === undefined) {
      constat.avertissement('partenariats', morceau, `Partenariat « ${morceau} » ignoré : ${raisons.join(' ; ')} (forme attendue : SIRET:nature[:début[:fin]]).`)
      continue
    }
    if (!retenus.some((p) => p.siret === siret && p.nature === nature)) retenus.push({ siret, nature, debut, fin })
  }
  return retenus
}

export interface PartenariatSaisi {
  nature: NaturePartenariat
  debut: string | null
  fin: string | null
  description: string | null
}

export interface ErreurChamp {
  champ: string
  message: string
}

/** The form adding a partnership (the partner itself is checked by the route). */
export function lirePartenariatSaisi(corps: Readonly<Record<string, unknown>>): { partenariat: PartenariatSaisi | null; erreurs: ErreurChamp[] } {
  const erreurs: ErreurChamp[] = []
  const nature = lireNature(nettoyerLigne(corps.nature) ?? '')
  if (nature === undefined) erreurs.push({ champ: 'nature', message: 'Choisissez la nature du partenariat.' })
  const date = (champ: 'debut' | 'fin', nom: string): string | null => {
    const texte = nettoyerLigne(corps[champ])
    if (texte === null) return null
    const iso = versDateIso(texte)
    if (iso === null) erreurs.push({ champ, message: `La date de ${nom} n’est pas une date valide (AAAA-MM-JJ).` })
    return iso
  }
  const debut = date('debut', 'début')
  const fin = date('fin', 'fin')
  if (debut && fin && fin < debut) erreurs.push({ champ: 'fin', message: 'La date de fin précède la date de début.' })
  const description = nettoyerTexte(corps.description)
  if (description !== null && description.length > 1000) erreurs.push({ champ: 'description', message: 'La description dépasse 1 000 caractères.' })
  return { partenariat: nature && erreurs.length === 0 ? { nature, debut, fin, description } : null, erreurs }
}

/** A partnership is current when it has not ended by `aujourdhui`. */
export const enCours = (p: { fin: string | null }, aujourdhui: string): boolean => p.fin === null || p.fin >= aujourdhui
