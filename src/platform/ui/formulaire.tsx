/**
 * Form fields, each with its visible label, optional hint and error message tied to the
 * control by `aria-describedby`: text input, text area, select, checkbox list (each box may
 * have its own hint), radio buttons, hidden field, button. Plain HTML forms that work without
 * JavaScript.
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
  type?: 'text' | 'search' | 'email' | 'tel' | 'time' | 'url' | 'password' | 'date'
  autocomplete?: string | undefined
  /** The phone's keyboard: `numeric` for a count typed as text (a number input would drop what it cannot read). */
  modeSaisie?: 'numeric' | undefined
  requis?: boolean | undefined
  longueurMax?: number | undefined
  /** Read-only (a value to copy). */
  lectureSeule?: boolean | undefined
  /** Narrow field (a time, a postcode). */
  court?: boolean | undefined
}

export function ChampTexte(p: PropsChampTexte) {
  return (
    <div class={`${p.erreur !== undefined ? 'champ champ-en-erreur' : 'champ'}${p.court ? ' champ-court' : ''}`}>
      <label for={p.id}>{p.libelle}</label>
      <AideEtErreur id={p.id} aide={p.aide} erreur={p.erreur} />
      <input
        type={p.type ?? 'text'}
        id={p.id}
        name={p.nom}
        value={p.valeur ?? ''}
        autocomplete={p.autocomplete}
        inputMode={p.modeSaisie}
        required={p.requis}
        maxLength={p.longueurMax}
        readOnly={p.lectureSeule}
        aria-invalid={p.erreur !== undefined ? 'true' : undefined}
        aria-describedby={decrit(p.id, p.aide, p.erreur)}
      />
    </div>
  )
}

export interface PropsZoneTexte extends BaseChamp {
  valeur?: string | undefined
  longueurMax?: number | undefined
  lignes?: number | undefined
}

export function ZoneTexte(p: PropsZoneTexte) {
  return (
    <div class={p.erreur !== undefined ? 'champ champ-en-erreur' : 'champ'}>
      <label for={p.id}>{p.libelle}</label>
      <AideEtErreur id={p.id} aide={p.aide} erreur={p.erreur} />
      <textarea
        id={p.id}
        name={p.nom}
        rows={p.lignes ?? 5}
        maxLength={p.longueurMax}
        aria-invalid={p.erreur !== undefined ? 'true' : undefined}
        aria-describedby={decrit(p.id, p.aide, p.erreur)}
      >
        {p.valeur ?? ''}
      </textarea>
    </div>
  )
}

export interface Option {
  valeur: string
  libelle: string
  /** A hint for this choice only (checkboxes and radio buttons). */
  aide?: string | undefined
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
  /** Large boxes, one per line, each with its hint (the needs of the start page). */
  larges?: boolean | undefined
  /** Several choices on a line when there is room (short labels). */
  enLigne?: boolean | undefined
}

function Choix({ type, id, nom, option, coche }: { type: 'checkbox' | 'radio'; id: string; nom: string; option: Option; coche: boolean }) {
  return (
    <div class="case">
      <input type={type} id={id} name={nom} value={option.valeur} checked={coche} aria-describedby={option.aide !== undefined ? `${id}-aide` : undefined} />
      <label for={id}>
        {option.libelle}
        {option.aide !== undefined && (
          <span class="aide" id={`${id}-aide`}>
            {option.aide}
          </span>
        )}
      </label>
    </div>
  )
}

function classeGroupe(p: { erreur?: string | undefined; larges?: boolean | undefined; enLigne?: boolean | undefined }): string {
  return ['champ', p.erreur !== undefined && 'champ-en-erreur', p.larges && 'cases-larges', p.enLigne && 'cases-en-ligne'].filter(Boolean).join(' ')
}

/** A `fieldset` of checkboxes; `id` is the first box's (the error summary links to it). */
export function CasesACocher(p: PropsCasesACocher) {
  const cochees = new Set(p.valeurs ?? [])
  return (
    <fieldset class={classeGroupe(p)} aria-describedby={decrit(p.id, p.aide, p.erreur)}>
      <legend>{p.legende}</legend>
      <AideEtErreur id={p.id} aide={p.aide} erreur={p.erreur} />
      <div class="choix">
        {p.options.map((o, i) => (
          <Choix type="checkbox" id={i === 0 ? p.id : `${p.id}-${i + 1}`} nom={p.nom} option={o} coche={cochees.has(o.valeur)} />
        ))}
      </div>
    </fieldset>
  )
}

export interface PropsBoutonsRadio extends Omit<BaseChamp, 'libelle'> {
  legende: string
  options: readonly Option[]
  valeur?: string | undefined
  enLigne?: boolean | undefined
}

/** A `fieldset` of radio buttons; `id` is the first button's. */
export function BoutonsRadio(p: PropsBoutonsRadio) {
  return (
    <fieldset class={classeGroupe(p)} aria-describedby={decrit(p.id, p.aide, p.erreur)}>
      <legend>{p.legende}</legend>
      <AideEtErreur id={p.id} aide={p.aide} erreur={p.erreur} />
      <div class="choix">
        {p.options.map((o, i) => (
          <Choix type="radio" id={i === 0 ? p.id : `${p.id}-${i + 1}`} nom={p.nom} option={o} coche={o.valeur === (p.valeur ?? '')} />
        ))}
      </div>
    </fieldset>
  )
}

/** One checkbox on its own (« Gratuit »), sending `nom=valeur` when ticked. */
export function CaseACocher({ id, nom, valeur = '1', libelle, aide, coche }: { id: string; nom: string; valeur?: string; libelle: string; aide?: string | undefined; coche: boolean }) {
  return <Choix type="checkbox" id={id} nom={nom} option={{ valeur, libelle, aide }} coche={coche} />
}

/** A value the form sends back unchanged (the state of a search, a token). */
export function ChampCache({ nom, valeur, id }: { nom: string; valeur: string; id?: string | undefined }) {
  return <input type="hidden" name={nom} value={valeur} id={id} />
}

export function Bouton({ children, secondaire, type = 'submit' }: { children: ComponentChildren; secondaire?: boolean; type?: 'submit' | 'button' | 'reset' }) {
  return (
    <button type={type} class={secondaire ? 'bouton bouton-secondaire' : 'bouton'}>
      {children}
    </button>
  )
}
