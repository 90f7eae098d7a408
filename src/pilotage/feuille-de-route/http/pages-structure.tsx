/**
 * The pages that change a roadmap's frame: its title and period; an axis (rename it, link to
 * remove it); the confirmation asked before removing an axis (with its actions) or an action —
 * a page saying what will be lost, a button, and a way back: never a one-click removal.
 */
import type { OptionsPage } from '../../../platform/http/page.ts'
import { ResumeErreurs } from '../../../platform/ui/avis.tsx'
import { Bouton, ChampCache, ChampTexte } from '../../../platform/ui/formulaire.tsx'
import type { ErreurChamp } from '../domaine/formulaires.ts'
import type { Axe, FeuilleComplete } from '../store.ts'
import { erreurDe, type Saisie } from './formulaire-action.tsx'
import { FIL } from './pages.tsx'

const texte = (v: unknown): string => (typeof v === 'string' ? v : '')
const filDe = (feuille: FeuilleComplete) => [...FIL, { libelle: feuille.titre, lien: `/pilotage/feuille-de-route/${feuille.id}` }]

export function pageModifierFeuille(p: { feuille: FeuilleComplete; jeton: string; saisie: Saisie; erreurs: readonly ErreurChamp[] }): OptionsPage {
  const e = (c: string) => erreurDe(p.erreurs, `feuille-${c}`)
  const chemin = `/pilotage/feuille-de-route/${p.feuille.id}`
  return {
    titre: 'Modifier le titre et la période',
    fil: filDe(p.feuille),
    enErreur: p.erreurs.length > 0,
    statut: p.erreurs.length > 0 ? 400 : 200,
    contenu: (
      <>
        <ResumeErreurs erreurs={p.erreurs} />
        <form method="post" action={`${chemin}/modifier`} novalidate>
          <ChampCache nom="jeton" valeur={p.jeton} />
          <ChampTexte id="feuille-titre" nom="titre" libelle="Titre" valeur={texte(p.saisie['titre'])} erreur={e('titre')} longueurMax={200} />
          <div class="activite-en-ligne">
            <ChampTexte id="feuille-debut" nom="debut" type="date" libelle="Début" aide="AAAA-MM-JJ" valeur={texte(p.saisie['debut'])} erreur={e('debut')} />
            <ChampTexte id="feuille-fin" nom="fin" type="date" libelle="Fin" aide="AAAA-MM-JJ" valeur={texte(p.saisie['fin'])} erreur={e('fin')} />
          </div>
          <p>Les actions gardent leurs dates ; le rapport d’évaluation prend la feuille de route quand sa période recouvre celle du rapport.</p>
          <div class="activite-suite">
            <Bouton>Enregistrer</Bouton>
            <a href={chemin}>Annuler</a>
          </div>
        </form>
      </>
    ),
  }
}

export function pageAxe(p: { feuille: FeuilleComplete; axe: Axe & { actions: readonly unknown[] }; jeton: string; saisie: Saisie; erreurs: readonly ErreurChamp[] }): OptionsPage {
  const chemin = `/pilotage/feuille-de-route/${p.feuille.id}`
  return {
    titre: `Axe « ${p.axe.titre} »`,
    fil: filDe(p.feuille),
    enErreur: p.erreurs.length > 0,
    statut: p.erreurs.length > 0 ? 400 : 200,
    contenu: (
      <>
        <ResumeErreurs erreurs={p.erreurs} />
        <h2>Renommer l’axe</h2>
        <form method="post" action={`${chemin}/axes/${p.axe.id}`} novalidate>
          <ChampCache nom="jeton" valeur={p.jeton} />
          <ChampTexte id="axe-titre" nom="titre" libelle="Titre de l’axe" valeur={texte(p.saisie['titre'])} erreur={erreurDe(p.erreurs, 'axe-titre')} longueurMax={200} />
          <div class="activite-suite">
            <Bouton>Renommer l’axe</Bouton>
            <a href={`${chemin}#axe-${p.axe.id}`}>Annuler</a>
          </div>
        </form>
        <h2>Supprimer l’axe</h2>
        <p>
          {p.axe.actions.length === 0
            ? 'Cet axe n’a pas d’action.'
            : p.axe.actions.length === 1
              ? 'Son action serait supprimée avec lui : déplacez-la d’abord vers un autre axe pour la garder.'
              : `Ses ${p.axe.actions.length} actions seraient supprimées avec lui : déplacez d’abord celles à garder vers un autre axe.`}
        </p>
        <p>
          <a href={`${chemin}/axes/${p.axe.id}/supprimer`}>Supprimer l’axe « {p.axe.titre} »…</a>
        </p>
      </>
    ),
  }
}

/** « Remove X? »: what will be lost, the button that removes, and the way back. */
export function pageSupprimer(p: { feuille: FeuilleComplete; titre: string; explication: string; action: string; bouton: string; retour: string; jeton: string }): OptionsPage {
  return {
    titre: p.titre,
    fil: filDe(p.feuille),
    contenu: (
      <>
        <p>{p.explication}</p>
        <p>Cette suppression est définitive.</p>
        <form method="post" action={p.action} class="activite-suite">
          <ChampCache nom="jeton" valeur={p.jeton} />
          <Bouton>{p.bouton}</Bouton>
          <a href={p.retour}>Annuler</a>
        </form>
      </>
    ),
  }
}
