/**
 * Pieces of the place-editing form: the error summary (first in the form, focusable, each
 * error a link to its input), a group of fields (`fieldset` with its legend), a checkbox list
 * of a closed vocabulary — folded in a `<details>` saying how many boxes are checked when the
 * list is long, unfolded when it holds an error so that the summary's link reaches it —, and
 * the form's buttons, which send `action`.
 */
import type { ComponentChildren } from 'preact'
import { LIBELLES_CHAMPS } from '../../places/standard/fields.ts'
import { CasesACocher } from '../../platform/ui/formulaire.tsx'
import { OPTIONS, type ChampACocher } from './champs.ts'
import type { ErreurChamp } from './lecture.ts'

export const titreResume = (n: number): string => `Il y a ${n} ${n > 1 ? 'erreurs' : 'erreur'} dans le formulaire`

/** The summary of the errors, same look as the design system's (`.resume-erreurs`), focusable. */
export function ResumeErreursFiche({ erreurs }: { erreurs: readonly ErreurChamp[] }) {
  if (erreurs.length === 0) return null
  return (
    <div class="resume-erreurs" id="resume-erreurs" role="alert" tabindex={-1} aria-labelledby="resume-erreurs-titre">
      <h2 id="resume-erreurs-titre">{titreResume(erreurs.length)}</h2>
      <ul>
        {erreurs.map((e) => (
          <li>{e.champ !== '' ? <a href={`#${e.champ}`}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  )
}

export function Groupe({ legende, children }: { legende: string; children: ComponentChildren }) {
  return (
    <fieldset class="fiche-groupe">
      <legend>{legende}</legend>
      {children}
    </fieldset>
  )
}

/** Lists longer than this are folded. */
const LONGUEUR_REPLIEE = 6

const compteCoches = (n: number): string => (n === 0 ? 'aucun choix coché' : n === 1 ? '1 choix coché' : `${n} choix cochés`)

export interface PropsListeACocher {
  champ: ChampACocher
  valeurs: readonly string[]
  erreur?: string | undefined
  aide?: string | undefined
}

/** The checkbox list of a closed vocabulary; the first box's id is the field name. */
export function ListeACocher({ champ, valeurs, erreur, aide }: PropsListeACocher) {
  const options = OPTIONS[champ]
  const legende = LIBELLES_CHAMPS[champ]
  const cases = (
    <CasesACocher id={champ} nom={champ} legende={legende} aide={aide} erreur={erreur} options={options} valeurs={valeurs} enLigne={options.length <= 3} />
  )
  if (options.length <= LONGUEUR_REPLIEE) return cases
  const cochees = valeurs.filter((v) => options.some((o) => o.valeur === v)).length
  return (
    <details open={erreur !== undefined}>
      <summary>
        {legende} ({compteCoches(cochees)})
      </summary>
      {cases}
    </details>
  )
}

/** « Enregistrer » first (the button Enter presses), then the hours preview, which saves nothing. */
export function BoutonsFiche({ titre }: { titre: string }) {
  return (
    <div class="fiche-boutons">
      <button type="submit" class="bouton" name="action" value="enregistrer">
        {titre}
      </button>
      <button type="submit" class="bouton bouton-secondaire" name="action" value="apercu">
        Voir l’aperçu des horaires
      </button>
    </div>
  )
}
