/**
 * The page shell: `<html lang="fr">`, head (title, viewport, hashed style sheet, no script),
 * skip link, header, optional breadcrumb, the page's only `h1`, content, footer. Every page
 * of the platform is rendered through `Page`.
 */
import type { ComponentChildren } from 'preact'
import type { ContextePage, Miette } from './contexte.ts'
import { EnTete, ID_CONTENU, LienEvitement, PiedDePage } from './entete.tsx'
import { FilAriane } from './navigation.tsx'

export interface PropsPage {
  contexte: ContextePage
  /** The page's `h1`. */
  titre: string
  /** The document title, when it should say more than the `h1` (page number, search). */
  titreDocument?: string | undefined
  /** The page shows an error (form, address): the document title says so first. */
  enErreur?: boolean | undefined
  fil?: readonly Miette[] | undefined
  /** Shown under the `h1`. */
  chapo?: ComponentChildren
  children?: ComponentChildren
}

export function Page({ contexte, titre, titreDocument, enErreur, fil, chapo, children }: PropsPage) {
  const titreComplet = `${enErreur ? 'Erreur : ' : ''}${titreDocument ?? titre} — ${contexte.nomTerritoire}`
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{titreComplet}</title>
        <link rel="stylesheet" href={contexte.feuilleDeStyle} />
        <link rel="icon" href="data:," />
      </head>
      <body>
        <LienEvitement />
        <EnTete contexte={contexte} />
        <main id={ID_CONTENU} tabIndex={-1}>
          <div class="conteneur">
            {fil && fil.length > 0 && <FilAriane miettes={fil} />}
            <h1>{titre}</h1>
            {chapo}
            {children}
          </div>
        </main>
        <PiedDePage contexte={contexte} />
      </body>
    </html>
  )
}
