/**
 * « Où ? » of a search turned into a point: a commune chosen by its code, a name or a postcode
 * typed by the person (one clear commune, several to choose from, or none), or the person's
 * position (`lat`/`lon`, from « Autour de moi »). Offline, from the official list of communes.
 */
import { cleCommune, type Referentiel } from '../../territories/referentiel.ts'
import { chercherCommunes, type CommuneTrouvee } from '../../territories/recherche-communes.ts'
import type { Perimetre, Point } from '../recherche.ts'
import { pointDeLEtat, type EtatRecherche } from './etat.ts'

export type LieuRecherche =
  | { type: 'aucun' }
  | { type: 'position'; point: Point }
  | {
      type: 'commune'
      commune: CommuneTrouvee
      libelle: string
      /** null: the commune cannot be placed yet (no known position). */
      point: Point | null
      /** Other communes sharing the typed postcode, to refine. */
      autres: CommuneTrouvee[]
      codePostal: string
    }
  | { type: 'plusieurs'; communes: CommuneTrouvee[] }
  | { type: 'inconnu'; message: string; champ: 'ou' | 'commune' | 'lat' }

/** « Chambéry (73) »: the name and the département, as the suggestions show it too. */
export const libelleCommune = (c: { nom: string; departement: string }): string => `${c.nom} (${c.departement})`

function trouveeParCode(ref: Referentiel, code: string): CommuneTrouvee | undefined {
  const c = ref.communes.get(code)
  if (!c || (c.type !== 'commune-actuelle' && c.type !== 'arrondissement-municipal')) return undefined
  return { code: c.code, nom: c.nom, departement: c.departement, codesPostaux: c.codesPostaux, population: c.population }
}

/** Communes of a territory first, when some match (the widget of a département). */
function dansLePerimetre(communes: CommuneTrouvee[], perimetre: Perimetre | null, ref: Referentiel): CommuneTrouvee[] {
  if (!perimetre) return communes
  const dedans = communes.filter((c) => {
    if (perimetre.communes) return perimetre.communes.has(c.code)
    if (perimetre.departement) return c.departement === perimetre.departement
    if (perimetre.region) return ref.communes.get(c.code)?.region === perimetre.region
    return true
  })
  return dedans.length > 0 ? dedans : communes
}

export interface OptionsLieu {
  ref: Referentiel
  pointDeCommune: (code: string) => Point | undefined
  perimetre?: Perimetre | null | undefined
}

export function resoudreLieu(etat: EtatRecherche, { ref, pointDeCommune, perimetre = null }: OptionsLieu): LieuRecherche {
  const commune = (c: CommuneTrouvee, autres: CommuneTrouvee[] = [], codePostal = ''): LieuRecherche => ({
    type: 'commune',
    commune: c,
    libelle: libelleCommune(c),
    point: pointDeCommune(c.code) ?? null,
    autres,
    codePostal,
  })
  const ou = etat.ou.trim()
  if (etat.commune) {
    const choisie = trouveeParCode(ref, etat.commune)
    // the code wins unless the person typed another place over it
    if (choisie && (ou === '' || cleCommune(ou) === cleCommune(choisie.nom))) return commune(choisie)
    if (!choisie && ou === '') return { type: 'inconnu', message: 'La commune demandée n’existe pas (ou plus) : indiquez son nom ou son code postal.', champ: 'commune' }
  }
  if (ou !== '') {
    // « Chambéry (73) », as the suggestions write it
    const morceaux = ou.match(/^(.*\S)\s*\((\d[\dAB]|\d{3})\)$/i)
    const saisie = morceaux ? (morceaux[1] ?? ou) : ou
    const departement = morceaux?.[2]?.toUpperCase()
    let trouvees = chercherCommunes(saisie, ref, 20)
    if (departement) trouvees = trouvees.filter((c) => c.departement === departement)
    trouvees = dansLePerimetre(trouvees, perimetre, ref)
    if (trouvees.length === 0) {
      return {
        type: 'inconnu',
        champ: 'ou',
        message: /^\d+$/.test(saisie)
          ? `Aucune commune n’a le code postal « ${saisie} » : vérifiez les 5 chiffres, ou indiquez le nom de la commune.`
          : `Nous ne trouvons pas de commune nommée « ${saisie} » : vérifiez l’orthographe, ou indiquez le code postal.`,
      }
    }
    if (/^\d{5}$/.test(saisie)) {
      // a postcode: its largest commune, the others offered to refine
      const [premiere, ...autres] = trouvees
      return commune(premiere as CommuneTrouvee, autres, saisie)
    }
    const exactes = trouvees.filter((c) => cleCommune(c.nom) === cleCommune(saisie))
    if (exactes.length === 1) return commune(exactes[0] as CommuneTrouvee)
    if (exactes.length === 0 && trouvees.length === 1) return commune(trouvees[0] as CommuneTrouvee)
    return { type: 'plusieurs', communes: [...exactes, ...trouvees.filter((c) => !exactes.includes(c))].slice(0, 10) }
  }
  if (etat.lat || etat.lon) {
    const { point, erreur } = pointDeLEtat(etat)
    if (erreur !== undefined || !point) return { type: 'inconnu', message: erreur ?? 'Position illisible.', champ: 'lat' }
    return { type: 'position', point }
  }
  return { type: 'aucun' }
}
