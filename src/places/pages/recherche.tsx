/**
 * The search form of the place registry (GET `/lieux`, state in the URL): words of a name,
 * commune or postcode, and an optional territory in a disclosure. Shared by the home page and
 * the list.
 */
import { Bouton, ChampTexte } from '../../platform/ui/formulaire.tsx'

export const LONGUEUR_MAX_RECHERCHE = 100

export interface PropsRecherche {
  q?: string | undefined
  territoire?: string | undefined
  erreurTerritoire?: string | undefined
}

export function FormulaireRecherche({ q, territoire, erreurTerritoire }: PropsRecherche) {
  const ouvert = Boolean(territoire) || erreurTerritoire !== undefined
  return (
    <form class="recherche" method="get" action="/lieux" role="search" aria-label="Recherche de lieux">
      <div class="ligne">
        <ChampTexte
          id="q"
          nom="q"
          type="search"
          libelle="Rechercher un lieu"
          aide="Nom du lieu, commune ou code postal"
          valeur={q}
          longueurMax={LONGUEUR_MAX_RECHERCHE}
        />
        <Bouton>Rechercher</Bouton>
      </div>
      <details open={ouvert}>
        <summary>Limiter à un territoire</summary>
        <ChampTexte
          id="territoire"
          nom="territoire"
          libelle="Territoire (facultatif)"
          aide="Code ou nom d'une commune, d'un département, d'une région ou d'une intercommunalité, par exemple 73 ou Chambéry"
          valeur={territoire}
          erreur={erreurTerritoire}
          longueurMax={LONGUEUR_MAX_RECHERCHE}
        />
      </details>
    </form>
  )
}
