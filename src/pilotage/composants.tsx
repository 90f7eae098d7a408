/**
 * Pieces shared by the pilotage pages: a figure with its unit, an indicator's result (value,
 * detail or the reason it is missing, what it was computed from), progress towards a target
 * said in words with a hatched bar (readable without colour), and the territory chooser.
 */
import { nombreFrancais } from '../platform/ui/graphiques/texte.ts'
import type { Situation } from './feuille-de-route/domaine/regles.ts'
import type { ResultatIndicateur } from './indicateurs/catalogue/index.ts'

/** A number as written in French (`1 234`, `0,75`): the charts' writing, under the name the pilotage pages use. */
export const nombre = nombreFrancais
/** « 1 lieu », « 20 lieux », « 75,7 % »: a one-word plural unit loses its s or x at 0 and 1. */
const accorder = (v: number, unite: string): string => (Math.abs(v) < 2 && /^[a-zéèê]+[sx]$/i.test(unite) ? unite.slice(0, -1) : unite)
export const valeurAvecUnite = (v: number | null, unite: string): string => (v === null ? '—' : unite === '%' ? `${nombre(v)} %` : `${nombre(v)} ${accorder(v, unite)}`)

export function ResultatsIndicateurs({ resultats }: { resultats: readonly ResultatIndicateur[] }) {
  return (
    <ul class="chiffres-pilotage">
      {resultats.map((r) => (
        <li>
          <span>{r.libelle}</span>
          {r.valeur === null ? (
            <span class="valeur">Non calculable</span>
          ) : (
            <span class="valeur">{valeurAvecUnite(r.valeur, r.unite)}</span>
          )}
          {r.valeur === null ? <p>{r.raison}</p> : r.precision && <p>{r.precision}</p>}
          <p class="aide">{r.perimetre}</p>
        </li>
      ))}
    </ul>
  )
}

/** Where the value stands: a sentence, then the bar (hidden from screen readers: the sentence says it). */
export function Progression({ situation }: { situation: Situation }) {
  if (situation.atteinte === null) return <span>Pas de cible ou pas de valeur</span>
  return (
    <span>
      {situation.atteinte ? 'Cible atteinte' : 'Cible non atteinte'}
      {situation.progression !== null && (
        <>
          {' '}
          — {situation.progression} % du chemin depuis la référence
          {/* an SVG rectangle's width is an attribute: the page's CSP allows no inline style */}
          <svg class="progression" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect width={Math.max(0, Math.min(100, situation.progression))} height="10" />
          </svg>
        </>
      )}
    </span>
  )
}

/** A GET form to choose the territory (administrators, coordinators of several territories). */
export function ChoixTerritoire({ action, valeur, erreur }: { action: string; valeur?: string | undefined; erreur?: string | undefined }) {
  return (
    <form method="get" action={action} class="ne-pas-imprimer">
      <div class={erreur ? 'champ champ-en-erreur' : 'champ'}>
        <label for="territoire">Territoire</label>
        <span class="aide" id="territoire-aide">
          Par exemple departement:73, region:84, epci:200068674 ou commune:73065.
        </span>
        {erreur && (
          <span class="message-erreur" id="territoire-erreur">
            <span class="visuellement-cache">Erreur : </span>
            {erreur}
          </span>
        )}
        <input type="text" id="territoire" name="territoire" value={valeur ?? ''} aria-describedby={erreur ? 'territoire-aide territoire-erreur' : 'territoire-aide'} aria-invalid={erreur ? 'true' : undefined} />
      </div>
      <button type="submit" class="bouton bouton-secondaire">
        Afficher ce territoire
      </button>
    </form>
  )
}
