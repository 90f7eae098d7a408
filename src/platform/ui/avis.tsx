/**
 * Messages to the reader: a notice banner (information, warning, success) and the error
 * summary shown at the top of a page whose form or address holds errors, each error linking
 * to its field.
 */
import type { ComponentChildren } from 'preact'

export interface PropsBandeau {
  type?: 'info' | 'attention' | 'succes'
  titre?: string | undefined
  children: ComponentChildren
}

export function Bandeau({ type = 'info', titre, children }: PropsBandeau) {
  const classe = type === 'info' ? 'bandeau' : `bandeau bandeau-${type}`
  return (
    <div class={classe}>
      {titre !== undefined && <p><strong>{titre}</strong></p>}
      {children}
    </div>
  )
}

export interface ErreurFormulaire {
  message: string
  /** `id` of the field in error, linked from the summary. */
  champ?: string | undefined
}

export function ResumeErreurs({ erreurs, titre = 'Il y a un problème' }: { erreurs: readonly ErreurFormulaire[]; titre?: string }) {
  if (erreurs.length === 0) return null
  return (
    <div class="resume-erreurs" role="alert" aria-labelledby="resume-erreurs-titre">
      <h2 id="resume-erreurs-titre">{titre}</h2>
      <ul>
        {erreurs.map((e) => (
          <li>{e.champ !== undefined ? <a href={`#${e.champ}`}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  )
}
