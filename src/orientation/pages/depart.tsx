/**
 * The start of orientation, served at `/`: « De quoi avez-vous besoin ? » with the needs as
 * large boxes grouped by theme, free text and « Où ? »; below, the way to the list of places
 * for someone who knows the place's name. The form may arrive filled (« Changer de besoin ou de
 * lieu » from the results keeps the search in the URL).
 */
import { compte } from '../../places/pages/format.ts'
import { FormulaireRecherche } from '../../places/pages/recherche.tsx'
import type { OptionsPage } from '../../platform/http/page.ts'
import type { EtatRecherche } from './etat.ts'
import { FormulaireDepart } from './formulaires.tsx'

export function pageDepart(etat: EtatRecherche, publies: number, scripts: readonly string[]): OptionsPage {
  return {
    titre: 'De quoi avez-vous besoin ?',
    titreDocument: 'Trouver de l’aide pour le numérique près de chez vous',
    scripts,
    chapo: (
      <p>
        Cochez ce qui vous concerne, ou décrivez-le avec vos mots, puis dites-nous où vous êtes : nous vous montrons les lieux les plus
        proches où l’on peut vous accompagner, souvent gratuitement.
      </p>
    ),
    contenu: (
      <>
        <FormulaireDepart etat={etat} />
        <section class="fiche-section">
          <h2>Vous connaissez le nom du lieu ?</h2>
          {publies > 0 ? (
            <p>
              <strong>{compte(publies, 'lieu publié', 'lieux publiés')}</strong> sur ce territoire. <a href="/lieux">Voir la liste des lieux</a>
            </p>
          ) : (
            <p>Aucun lieu n'est encore publié sur ce territoire.</p>
          )}
          <FormulaireRecherche />
        </section>
      </>
    ),
  }
}
