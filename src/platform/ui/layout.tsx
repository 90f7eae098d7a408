/**
 * The page shells: `Page`, for every page of the site — `<html lang="fr">`, head (title,
 * viewport, the style sheet inline (ui/feuille.ts), optional deferred scripts from our own files), skip link,
 * header, optional breadcrumb, the page's only `h1`, content, footer — and `PageCompacte`, for
 * a page shown inside another site's frame (the widget): the same head, no header nor footer.
 */
import type { ComponentChildren } from 'preact'
import type { ContextePage, Miette } from './contexte.ts'
import { BandeauDemo, EnTete, ID_CONTENU, LienEvitement, PiedDePage } from './entete.tsx'
import { FEUILLE, FEUILLE_ESPACE } from './feuille.ts'
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
  /** Shown above the `h1`, inside the main content (the workspace's navigation). */
  avant?: ComponentChildren
  /** A page of the workspace: its style sheet too (espace.css). */
  espace?: boolean | undefined
  /** URLs of progressive-enhancement scripts (hashed assets), loaded with `defer`. */
  scripts?: readonly string[] | undefined
  /** Class of `<body>`, for a page with its own print layout (`feuille-a4`). */
  classe?: string | undefined
  children?: ComponentChildren
}

function Tete({ titre, scripts, espace }: { titre: string; scripts?: readonly string[] | undefined; espace?: boolean | undefined }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content="light" />
      <title>{titre}</title>
      <style dangerouslySetInnerHTML={{ __html: FEUILLE }} />
      {espace && <style dangerouslySetInnerHTML={{ __html: FEUILLE_ESPACE }} />}
      <link rel="icon" href="data:," />
      {scripts?.map((src) => <script src={src} defer />)}
    </head>
  )
}

export function Page({ contexte, titre, titreDocument, enErreur, fil, chapo, avant, espace, scripts, classe, children }: PropsPage) {
  const titreComplet = `${enErreur ? 'Erreur : ' : ''}${titreDocument ?? titre} — ${contexte.nomTerritoire}`
  return (
    <html lang="fr">
      <Tete titre={titreComplet} scripts={scripts} espace={espace} />
      <body class={classe}>
        <LienEvitement />
        <EnTete contexte={contexte} />
        <main id={ID_CONTENU} tabIndex={-1}>
          <div class="conteneur">
            {avant}
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

export type PropsPageCompacte = Omit<PropsPage, 'fil' | 'classe'>

/** A page meant for an `<iframe>`: no header, navigation nor footer; the demo banner stays. */
export function PageCompacte({ contexte, titre, titreDocument, enErreur, chapo, scripts, children }: PropsPageCompacte) {
  const titreComplet = `${enErreur ? 'Erreur : ' : ''}${titreDocument ?? titre} — ${contexte.nomTerritoire}`
  return (
    <html lang="fr">
      <Tete titre={titreComplet} scripts={scripts} />
      <body class="compacte">
        {contexte.demo && <BandeauDemo />}
        <main id={ID_CONTENU}>
          <div class="conteneur">
            <h1>{titre}</h1>
            {chapo}
            {children}
          </div>
        </main>
      </body>
    </html>
  )
}
