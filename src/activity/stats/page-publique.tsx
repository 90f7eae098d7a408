/**
 * The public statistics page of a territory (`/statistiques/departement-73`): aggregates only,
 * under the statistical secret (secret.ts) — counts from 1 to 4 written « moins de 5 », one
 * more value hidden where a single hidden one could be recomputed from a total — whole months
 * only, no place nor mediator, communes at most. The rule is explained on the page.
 */
import type { OptionsPage } from '../../platform/http/page.ts'
import { ResumeErreurs } from '../../platform/ui/avis.tsx'
import { ListeDescriptions } from '../../platform/ui/donnees.tsx'
import { Bouton } from '../../platform/ui/formulaire.tsx'
import type { Territoire } from '../../territories/territoire.ts'
import { BlocPublic, BlocRepartitionPublique, NOTE_ATELIERS_PAGE } from './composants.tsx'
import { dateFrancaise } from './export.ts'
import type { ErreurFiltre } from './filtres.ts'
import { nomDuTerritoire, slugTerritoire } from './perimetres.ts'
import { MOINS_DE_5, NON_DIFFUSE, SEUIL_SECRET, type StatistiquesPubliques } from './secret.ts'

function ChampMois({ id, libelle, valeur }: { id: string; libelle: string; valeur: string }) {
  return (
    <div class="champ">
      <label for={id}>{libelle}</label>
      <span class="aide" id={`${id}-aide`}>
        Au format AAAA-MM, par exemple 2025-03.
      </span>
      <input type="month" id={id} name={id} value={valeur} min="2020-01" pattern="\d{4}-\d{2}" aria-describedby={`${id}-aide`} />
    </div>
  )
}

export function ReglesDuSecret() {
  return (
    <section aria-labelledby="titre-secret">
      <h2 id="titre-secret">Secret statistique</h2>
      <p>Pour que personne ne puisse être reconnu, ces chiffres suivent deux règles :</p>
      <ul>
        <li>
          un nombre compris entre 1 et {SEUIL_SECRET - 1} est affiché « {MOINS_DE_5} » (zéro reste affiché : il ne désigne personne) ;
        </li>
        <li>
          quand les valeurs d’une répartition s’additionnent en un total publié (types, canaux, durées, communes, mois, genre, âge, statut, bénéficiaires suivis ou anonymes, nouveaux ou déjà accompagnés) et qu’une seule
          d’entre elles est masquée, la plus petite des autres valeurs non nulles l’est aussi (« {NON_DIFFUSE} ») : le total ne permet alors pas de retrouver la valeur masquée.
        </li>
      </ul>
      <p>Les thématiques et le matériel, où un accompagnement compte dans plusieurs valeurs, suivent la première règle. Aucune part en pourcentage, aucun lieu ni médiateur n’est publié ; les périodes sont des mois entiers.</p>
    </section>
  )
}

export function pagePublique(p: { territoire: Territoire; stats: StatistiquesPubliques; erreurs: readonly ErreurFiltre[] }): OptionsPage {
  const { stats: s, territoire } = p
  const nom = nomDuTerritoire(territoire)
  const r = s.repartitions
  return {
    titre: `Statistiques de l’accompagnement — ${territoire.nom}`,
    titreDocument: `Statistiques de l’accompagnement — ${nom}`,
    enErreur: p.erreurs.length > 0,
    chapo: (
      <p>
        Ce que les médiateurs numériques de {nom} ont déclaré du {dateFrancaise(s.periode.du)} au {dateFrancaise(s.periode.au)}, compté selon les règles de La Coop de la médiation numérique.
      </p>
    ),
    contenu: (
      <>
        <ResumeErreurs erreurs={p.erreurs.map((e) => ({ message: e.message, champ: e.champ }))} />
        <form method="get" action={`/statistiques/${slugTerritoire(territoire)}`} class="recherche" aria-label="Choisir la période">
          <ChampMois id="du" libelle="Du mois" valeur={s.periode.du.slice(0, 7)} />
          <ChampMois id="au" libelle="Au mois (inclus)" valeur={s.periode.au.slice(0, 7)} />
          <Bouton>Afficher</Bouton>
        </form>
        <section aria-labelledby="titre-chiffres">
          <h2 id="titre-chiffres">Chiffres clés</h2>
          <ListeDescriptions
            elements={[
              { terme: s.accompagnements.libelle, definition: s.accompagnements.affichage },
              { terme: s.activites.libelle, definition: s.activites.affichage },
              { terme: s.beneficiaires.libelle, definition: s.beneficiaires.affichage },
              ...s.nouveauxConnus.map((c) => ({ terme: c.libelle, definition: c.affichage })),
              ...s.suivisAnonymes.map((c) => ({ terme: c.libelle, definition: c.affichage })),
            ]}
          />
          <p class="aide">{NOTE_ATELIERS_PAGE}</p>
        </section>
        <ReglesDuSecret />
        <h2>Accompagnements</h2>
        <BlocPublic id="public-par-mois" titre="Accompagnements par mois (12 mois jusqu’à la fin de la période)" unite="Accompagnements" colonne="Mois" cellules={s.parMois} />
        {(['type', 'thematique', 'demarche', 'materiel', 'canal', 'duree', 'communes'] as const).map((cle) => (
          <BlocRepartitionPublique id={`public-${cle}`} r={r[cle]} />
        ))}
        <h2>Bénéficiaires</h2>
        {(['genre', 'age', 'statut'] as const).map((cle) => (
          <BlocRepartitionPublique id={`public-${cle}`} r={r[cle]} />
        ))}
      </>
    ),
  }
}
