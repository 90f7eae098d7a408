/**
 * The widget (`/widget?territoire=73&…`): a compact search — one need, words, « Où ? » — and
 * its results, limited to a territory, without the site's header and footer, meant for an
 * `<iframe>` on a town hall's site; places open on the full site in a new tab. And the page
 * that explains how to embed it (`/widget/integrer`), with the `<iframe>` to copy.
 */
import type { OptionsPage } from '../../platform/http/page.ts'
import { ResumeErreurs } from '../../platform/ui/avis.tsx'
import type { ContextePage } from '../../platform/ui/contexte.ts'
import { Bouton, ChampTexte } from '../../platform/ui/formulaire.tsx'
import { PageCompacte } from '../../platform/ui/layout.tsx'
import { rendreDocument } from '../../platform/ui/rendu.ts'
import type { Territoire } from '../../territories/territoire.ts'
import { recherchePosee, urlEtat, type EtatRecherche } from './etat.ts'
import { FormulaireWidget } from './formulaires.tsx'
import type { DonneesResultats } from './preparation.ts'
import { ContenuResultats, type VueResultats } from './resultats.tsx'

export interface DonneesWidget {
  etat: EtatRecherche
  territoire: Territoire | undefined
  erreurTerritoire?: string | undefined
  resultats: DonneesResultats | undefined
}

export function documentWidget(contexte: ContextePage, d: DonneesWidget, vue: VueResultats & { scripts: readonly string[] }): string {
  const titre = d.territoire ? `Trouver de l’aide pour le numérique : ${d.territoire.nom}` : 'Trouver de l’aide pour le numérique'
  const complet = urlEtat('/recherche', { ...d.etat, territoire: '', page: 1 })
  return rendreDocument(
    PageCompacte({
      contexte,
      titre,
      enErreur: d.erreurTerritoire !== undefined,
      scripts: vue.scripts,
      children: (
        <>
          {d.erreurTerritoire !== undefined ? (
            <ResumeErreurs erreurs={[{ message: d.erreurTerritoire }]} titre="Ce module est mal configuré" />
          ) : (
            <>
              <FormulaireWidget etat={d.etat} lieu={d.resultats?.lieu} />
              {d.resultats && <ContenuResultats d={d.resultats} vue={{ ...vue, nouvelOnglet: true }} />}
            </>
          )}
          <p class="discret">
            <a href={recherchePosee(d.etat) ? complet : '/'} target="_blank" rel="noopener">
              Ouvrir le site complet (nouvel onglet)
            </a>
          </p>
        </>
      ),
    }),
  )
}

export function pageIntegrer(origine: string, territoire: string, erreur: string | undefined, nom: string | undefined): OptionsPage {
  const src = `${origine}/widget${territoire ? `?territoire=${encodeURIComponent(territoire)}` : ''}`
  const code = `<iframe src="${src}" title="Trouver un lieu d’aide au numérique${nom ? ` : ${nom}` : ''}" width="100%" height="700" loading="lazy" allow="geolocation"></iframe>`
  return {
    titre: 'Intégrer la recherche sur votre site',
    enErreur: erreur !== undefined,
    statut: erreur !== undefined ? 400 : 200,
    fil: [{ libelle: 'Accueil', lien: '/' }, { libelle: 'Intégrer la recherche' }],
    contenu: (
      <>
        <ResumeErreurs erreurs={erreur !== undefined ? [{ message: erreur, champ: 'territoire' }] : []} />
        <p>
          Une mairie, une intercommunalité ou une association peut montrer sur son site la recherche des lieux de médiation numérique,
          limitée à son territoire : les habitants choisissent leur besoin et voient les lieux les plus proches. La fiche complète
          d’un lieu s’ouvre sur ce site, dans un nouvel onglet.
        </p>
        <form class="recherche" method="get" action="/widget/integrer" aria-label="Choisir le territoire">
          <div class="ligne">
            <ChampTexte
              id="territoire"
              nom="territoire"
              libelle="Votre territoire"
              aide="Code INSEE d’une commune (73065), code d’un département (73), SIREN d’une intercommunalité, ou un nom"
              valeur={territoire}
              erreur={erreur}
              longueurMax={100}
            />
            <Bouton>Préparer le code</Bouton>
          </div>
        </form>
        <h2>Le code à copier dans votre page</h2>
        <p>Copiez ce code dans votre page web, à l’endroit où la recherche doit apparaître :</p>
        <pre class="code">
          <code>{code}</code>
        </pre>
        <p>
          <code>allow="geolocation"</code> permet le bouton « Autour de moi ». La hauteur peut être ajustée (700 pixels conviennent à un
          téléphone).
        </p>
        <h2>Aperçu</h2>
        <p>
          <a href={src}>Voir le module seul</a>
          {territoire && nom && <> (limité à {nom})</>}
        </p>
      </>
    ),
  }
}
