/** The home page: what the service is, how many places it lists, the way to the list. */
import type { OptionsPage } from '../../platform/http/page.ts'
import { compte } from './format.ts'
import { FormulaireRecherche } from './recherche.tsx'

export function pageAccueil(publies: number): OptionsPage {
  return {
    titre: "Trouver de l'aide pour le numérique près de chez vous",
    titreDocument: 'Accueil',
    contenu: (
      <>
        <p>
          Aiguillage recense les lieux où l'on peut se faire accompagner, souvent gratuitement, pour utiliser un ordinateur, un
          téléphone ou internet et pour faire ses démarches en ligne.
        </p>
        {publies > 0 ? (
          <p>
            <strong>{compte(publies, 'lieu publié', 'lieux publiés')}</strong> sur ce territoire.{' '}
            <a href="/lieux">Voir la liste des lieux</a>
          </p>
        ) : (
          <p>Aucun lieu n'est encore publié sur ce territoire.</p>
        )}
        <FormulaireRecherche />
      </>
    ),
  }
}
