/**
 * The « ouvert maintenant » preview of the hours editor: the status in plain French that the
 * orientation pages show for the same value (« Ouvert maintenant · ferme à 17 h »), computed
 * with the orientation index's parser and the public holidays of the place's région.
 */
import { horairesDe, statutOuverture } from '../../orientation/index/ouverture.ts'

/** `undefined` for an empty or unreadable value; `region` is the région's name (« Bretagne »). */
export function apercuOuverture(osm: string, maintenant: Date, region: string): string | undefined {
  const valeur = osm.trim()
  if (valeur === '') return undefined
  const statut = statutOuverture(horairesDe(valeur, region), maintenant)
  return statut.ouvert === null ? undefined : statut.texte
}
