/**
 * Form fields, each with its visible label, optional hint and error message tied to the
 * control by `aria-describedby`: text input, select, checkbox list, button. Plain HTML forms
 * that work without JavaScript.
 */
import type { ComponentChildren } from 'preact'

interface BaseChamp {
  /** `id` of the control (the error summary links to it). */
  id: string
  nom: string
  libelle: string
  aide?: string | undefined
  erreur?: string | undefined
}

function decrit(id: string, aide: string | undefined, erreur: string | undefined): string | undefined {
  const ids = [aide !== undefined ? `${id}-aide` : null, erreur !== undefined ? `${id}-erreur` : null].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

function AideEtErreur({ id, aide, erreur }: { id: string; aide?: string | undefined; erreur?: string | undefined }) {
  return (
    <>
      {aide !== undefined && (
        <span class="aide" id={`${id}-aide`}>
          {aide}
        </span>
      )}
      {erreur !== undefined && (
        <span class="message-erreur" id={`${id}-erreur`}>
          <span class="visuellement-cache">Erreur : </span>
          {erreur}
        </span>
      )}
    </>
  )
}

export interface PropsChampTexte extends BaseChamp {
  valeur?: string | undefined
  type?: 'text' | 'search' | 'email' | 'tel'
  autocomplete?: string | undefined
  requis?: boolean | undefined
  longueurMax?: number | undefined
}

export function ChampTexte(p: PropsChampTexte) {
  return (
    <div class={p.erreur !== undefined ? 'champ champ-en-erreur' : 'champ'}>
      <label for={p.id}>{p.libelle}</label>
      <AideEtErreur id={p.id} aide={p.aide} erreur={p.erreur} />
      <input
        type={p.type ?? 'text'}
        id={p.id}
        name={p.nom}
        value={p.valeur ?? ''}
        autocomplete={p.autocomplete}
        required={p.requis}
        maxLength={p.longueurMax}
        aria-invalid={p.erreur !== undefined ? 'true' : undefined}
        aria-describedby={decrit(p.id, p.aide, p.erreur)}
      />
    </div>
  )
}

export interface Option {
  valeur: string
  libelle: string
}

export interface PropsListeDeroulante extends BaseChamp {
  options: readonly Option[]
  valeur?: string | undefined
  /** Label of a first, empty choice (« Tous »). */
  optionVide?: string | undefined
}

export function ListeDeroulante(p: PropsListeDeroulante) {
  return (
    <div class={p.erreur !== undefined ? 'champ champ-en-erreur' : 'champ'}>
      <label for={p.id}>{p.libelle}</label>
      <AideEtErreur id={p.id} aide={p.aide} erreur={p.erreur} />
      <select
        id={p.id}
        name={p.nom}
        aria-invalid={p.erreur !== undefined ? 'true' : undefined}
        aria-describedby={decrit(p.id, p.aide, p.erreur)}
      >
        {p.optionVide !== undefined && <option value="">{p.optionVide}</option>}
        {p.options.map((o) => (
          <option value={o.valeur} selected={o.valeur === p.valeur}>
            {o.libelle}
          </option>
        ))}
      </select>
    </div>
  )
}

export interface PropsCasesACocher extends Omit<BaseChamp, 'libelle'> {
  legende: string
  options: readonly Option[]
  valeurs?: readonly string[] | undefined
}

/** A `fieldset` of checkboxes; `id` is the first box's (the error summary links to it). */
export function CasesACocher(p: PropsCasesACocher) {
  const cochees = new Set(p.valeurs ?? [])
  return (
    <fieldset
      class={p.erreur !== undefined ? 'champ champ-en-erreur' : 'champ'}
      aria-describedby={decrit(p.id, p.aide, p.erreur)}
    >
      <legend>{p.legende}</legend>
      <AideEtErreur id={p.id} aide={p.aide} erreur={p.erreur} />
      {p.options.map((o, i) => {
        const id = i === 0 ? p.id : `${p.id}-${i + 1}`
        return (
          <div class="case">
            <input type="checkbox" id={id} name={p.nom} value={o.valeur} checked={cochees.has(o.valeur)} />
            <label for={id}>{o.libelle}</label>
          </div>
        )
      })}
    </fieldset>
  )
}

export function Bouton({ children, secondaire, type = 'submit' }: { children: ComponentChildren; secondaire?: boolean; type?: 'submit' | 'button' | 'reset' }) {
  return (
    <button type={type} class={secondaire ? 'bouton bouton-secondaire' : 'bouton'}>
      {children}
    </button>
  )
}
