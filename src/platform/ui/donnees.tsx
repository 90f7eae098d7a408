/**
 * Showing data: a list of short tags, a key/value description list and a table with a caption
 * and row headers. Empty values are left out by the callers' `null`s, never shown blank.
 */
import type { ComponentChildren } from 'preact'

export function Etiquettes({ elements, libelle }: { elements: readonly string[]; libelle?: string | undefined }) {
  if (elements.length === 0) return null
  return (
    <ul class="etiquettes" aria-label={libelle}>
      {elements.map((e) => (
        <li>{e}</li>
      ))}
    </ul>
  )
}

export interface Description {
  terme: string
  definition: ComponentChildren
}

/** Entries that are `null`, `false` or `undefined` are left out. */
export function ListeDescriptions({ elements }: { elements: ReadonlyArray<Description | null | false | undefined> }) {
  const presents = elements.filter((e): e is Description => Boolean(e))
  if (presents.length === 0) return null
  return (
    <dl class="descriptions">
      {presents.map((e) => (
        <>
          <dt>{e.terme}</dt>
          <dd>{e.definition}</dd>
        </>
      ))}
    </dl>
  )
}

export interface LigneTableau {
  entete: ComponentChildren
  cellules: readonly ComponentChildren[]
  /** Highlighted row (e.g. today), also said in words by the caller. */
  actuelle?: boolean | undefined
}

export interface PropsTableau {
  legende: ComponentChildren
  /** The caption is read by screen readers only (the page's title already says it). */
  legendeCachee?: boolean | undefined
  /** Column headers; the first one heads the row headers. */
  entetes: readonly string[]
  lignes: readonly LigneTableau[]
}

export function Tableau({ legende, legendeCachee, entetes, lignes }: PropsTableau) {
  return (
    <table class="tableau">
      <caption class={legendeCachee ? 'visuellement-cache' : undefined}>{legende}</caption>
      <thead>
        <tr>
          {entetes.map((e) => (
            <th scope="col">{e}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lignes.map((l) => (
          <tr class={l.actuelle ? 'actuel' : undefined}>
            <th scope="row">{l.entete}</th>
            {l.cellules.map((c) => (
              <td>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A table that scrolls inside its own focusable region on a narrow screen, not the page. */
export function TableauDefilant(props: PropsTableau & { legende: string }) {
  return (
    <div class="defilement" tabindex={0} role="region" aria-label={`${props.legende} (défilable)`}>
      <Tableau {...props} />
    </div>
  )
}
