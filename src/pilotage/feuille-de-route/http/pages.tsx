/**
 * The roadmap pages: a territory's roadmaps with the form to create one; a roadmap with its axes
 * (each with « Monter », « Descendre » and a link to rename or remove it) and actions (status
 * with « en retard » derived, progress, owner — linked to its page when it is an actor of the
 * cartography —, partners, budget and co-funding, dates, the indicators each follows), a quick
 * status form and a « move to another axis » form per action, links to change or remove it, and
 * the forms to add an axis or an action; the page to change an action.
 */
import type { OptionsPage } from '../../../platform/http/page.ts'
import { ResumeErreurs } from '../../../platform/ui/avis.tsx'
import { ChampCache, ChampTexte, ListeDeroulante } from '../../../platform/ui/formulaire.tsx'
import type { ActeurAuChoix } from './contexte.ts'
import { Confirmation } from '../../../accounts/http/pages-communes.tsx'
import type { Territoire } from '../../../territories/territoire.ts'
import { dateLongue } from '../../indicateurs/catalogue/index.ts'
import type { ErreurChamp } from '../domaine/formulaires.ts'
import { enRetard, euros, libelleStatut, STATUTS } from '../domaine/regles.ts'
import type { Action, FeuilleComplete, FeuilleDeRoute } from '../store.ts'
import { erreurDe, FormulaireAction, type Saisie } from './formulaire-action.tsx'

export const FIL = [
  { libelle: 'Pilotage', lien: '/pilotage' },
  { libelle: 'Feuilles de route', lien: '/pilotage/feuille-de-route' },
]
const texte = (v: unknown): string => (typeof v === 'string' ? v : '')
const periode = (f: { debut: string; fin: string }) => `du ${dateLongue(f.debut)} au ${dateLongue(f.fin)}`

export function pageFeuilles(p: { territoire: Territoire; cle: string; feuilles: readonly FeuilleDeRoute[]; jeton: string; saisie: Saisie; erreurs: readonly ErreurChamp[]; message?: string | undefined }): OptionsPage {
  const e = (c: string) => erreurDe(p.erreurs, `feuille-${c}`)
  return {
    titre: 'Feuilles de route',
    fil: FIL.slice(0, 1),
    enErreur: p.erreurs.length > 0,
    statut: p.erreurs.length > 0 ? 400 : 200,
    chapo: <p>Territoire : {p.territoire.nom}</p>,
    contenu: (
      <>
        <ResumeErreurs erreurs={p.erreurs} />
        <Confirmation message={p.message} />
        {p.feuilles.length === 0 ? (
          <p>Ce territoire n’a pas encore de feuille de route.</p>
        ) : (
          <ul>
            {p.feuilles.map((f) => (
              <li>
                <a href={`/pilotage/feuille-de-route/${f.id}`}>{f.titre}</a>, {periode(f)}
              </li>
            ))}
          </ul>
        )}
        <h2>Créer une feuille de route</h2>
        <form method="post" action="/pilotage/feuille-de-route" novalidate>
          <ChampCache nom="jeton" valeur={p.jeton} />
          <ChampCache nom="territoire" valeur={p.cle} />
          <ChampTexte id="feuille-titre" nom="titre" libelle="Titre" aide="Par exemple « Feuille de route France Numérique Ensemble 2025-2027 »." valeur={texte(p.saisie['titre'])} erreur={e('titre')} longueurMax={200} />
          <div class="activite-en-ligne">
            <ChampTexte id="feuille-debut" nom="debut" type="date" libelle="Début" aide="AAAA-MM-JJ" valeur={texte(p.saisie['debut'])} erreur={e('debut')} />
            <ChampTexte id="feuille-fin" nom="fin" type="date" libelle="Fin" aide="AAAA-MM-JJ" valeur={texte(p.saisie['fin'])} erreur={e('fin')} />
          </div>
          <button type="submit" class="bouton">
            Créer la feuille de route
          </button>
        </form>
      </>
    ),
  }
}

/** The owner: a link to the actor's page when it is one of the cartography, else its name. */
export const Porteur = ({ a }: { a: Action }) => (a.porteurActeur ? <a href={`/pilotage/acteurs/${a.porteurActeur.id}`}>{a.porteurActeur.nom}</a> : <>{a.porteur}</>)

/** The partners: actors of the cartography with a link to their page, then those written in words; nothing when none. */
export function Partenaires({ a }: { a: Action }) {
  if (a.partenairesActeurs.length === 0 && a.partenaires.length === 0) return null
  const elements = [...a.partenairesActeurs.map((p) => <a href={`/pilotage/acteurs/${p.id}`}>{p.nom}</a>), ...a.partenaires.map((p) => <>{p}</>)]
  return <> · partenaires : {elements.flatMap((el, i) => (i === 0 ? [el] : [<>, </>, el]))}</>
}

/** Moves an action to another axis of the roadmap (shown when there are several). */
function DeplacerAction({ a, feuille, jeton, erreur }: { a: Action; feuille: FeuilleComplete; jeton: string; erreur: string | undefined }) {
  const autres = feuille.axes.filter((x) => x.id !== a.axeId)
  if (autres.length === 0) return null
  return (
    <form method="post" action={`/pilotage/feuille-de-route/${feuille.id}/actions/${a.id}/deplacer`} class="activite-en-ligne">
      <ChampCache nom="jeton" valeur={jeton} />
      <ListeDeroulante id={`deplacer-${a.id}`} nom="axe" libelle="Déplacer vers l’axe" options={autres.map((x) => ({ valeur: String(x.id), libelle: x.titre }))} erreur={erreur} />
      <button type="submit" class="bouton bouton-secondaire">
        Déplacer <span class="visuellement-cache">« {a.titre} »</span>
      </button>
    </form>
  )
}

function DetailAction({ a, feuille, indicateurs, aujourdhui, jeton, erreurs }: { a: Action; feuille: FeuilleComplete; indicateurs: ReadonlyMap<number, string>; aujourdhui: string; jeton: string; erreurs: readonly ErreurChamp[] }) {
  const retard = enRetard(a, aujourdhui)
  const lien = `/pilotage/feuille-de-route/${feuille.id}/actions/${a.id}`
  return (
    <article class="action-pilotage" aria-labelledby={`action-${a.id}`}>
      <h4 id={`action-${a.id}`}>{a.titre}</h4>
      <p>
        Statut : {libelleStatut(a.statut)}
        {retard && <span class="en-retard"> — en retard (fin prévue le {dateLongue(a.fin as string)})</span>} · avancement {a.avancement} %
      </p>
      {a.description && <p>{a.description}</p>}
      <p>
        Porteur : <Porteur a={a} />
        <Partenaires a={a} />
      </p>
      <p>
        {a.debut ? `Début : ${dateLongue(a.debut)}` : 'Début non fixé'} · {a.fin ? `fin : ${dateLongue(a.fin)}` : 'fin non fixée'}
        {a.budgetCentimes !== null && <> · budget : {euros(a.budgetCentimes)}</>}
        {a.cofinancements.length > 0 && <> · co-financements : {a.cofinancements.map((c) => `${c.financeur} (${euros(c.montantCentimes)})`).join(', ')}</>}
      </p>
      {a.indicateurs.length > 0 && <p>Indicateurs : {a.indicateurs.map((id) => indicateurs.get(id) ?? `n° ${id}`).join(', ')}</p>}
      <form method="post" action={`${lien}/avancement`} class="activite-en-ligne">
        <ChampCache nom="jeton" valeur={jeton} />
        <ListeDeroulante id={`statut-${a.id}`} nom="statut" libelle="Statut" options={STATUTS} valeur={a.statut} />
        <ChampTexte id={`avancement-${a.id}`} nom="avancement" libelle="Avancement en %" modeSaisie="numeric" valeur={String(a.avancement)} court />
        <button type="submit" class="bouton bouton-secondaire">
          Mettre à jour <span class="visuellement-cache">« {a.titre} »</span>
        </button>
      </form>
      <DeplacerAction a={a} feuille={feuille} jeton={jeton} erreur={erreurDe(erreurs, `deplacer-${a.id}`)} />
      <p class="activite-suite">
        <a href={lien}>
          Modifier tous les champs<span class="visuellement-cache"> de « {a.titre} »</span>
        </a>
        <a href={`${lien}/supprimer`}>
          Supprimer l’action<span class="visuellement-cache"> « {a.titre} »</span>
        </a>
      </p>
    </article>
  )
}

/** An axis's tools: move it up or down (one click: nothing is lost), rename or remove it (on its page). */
function OutilsAxe({ feuille, axe, premier, dernier, jeton }: { feuille: number; axe: { id: number; titre: string }; premier: boolean; dernier: boolean; jeton: string }) {
  const chemin = `/pilotage/feuille-de-route/${feuille}/axes/${axe.id}`
  const bouton = (sens: 'monter' | 'descendre', libelle: string) => (
    <form method="post" action={`${chemin}/deplacer`}>
      <ChampCache nom="jeton" valeur={jeton} />
      <ChampCache nom="sens" valeur={sens} />
      <button type="submit" class="bouton bouton-secondaire">
        {libelle} <span class="visuellement-cache">l’axe « {axe.titre} »</span>
      </button>
    </form>
  )
  return (
    <div class="activite-suite">
      {!premier && bouton('monter', 'Monter')}
      {!dernier && bouton('descendre', 'Descendre')}
      <a href={chemin}>
        Renommer ou supprimer<span class="visuellement-cache"> l’axe « {axe.titre} »</span>
      </a>
    </div>
  )
}

export interface PropsPageFeuille {
  feuille: FeuilleComplete
  indicateurs: ReadonlyArray<{ id: number; libelle: string }>
  acteurs: readonly ActeurAuChoix[]
  aujourdhui: string
  jeton: string
  /** Which form the errors belong to. */
  formulaire?: 'axe' | 'action' | 'avancement' | undefined
  saisie: Saisie
  erreurs: readonly ErreurChamp[]
  message?: string | undefined
}

export function pageFeuille(p: PropsPageFeuille): OptionsPage {
  const { feuille } = p
  const noms = new Map(p.indicateurs.map((i) => [i.id, i.libelle]))
  const actions = feuille.axes.flatMap((a) => a.actions)
  const enRetards = actions.filter((a) => enRetard(a, p.aujourdhui)).length
  return {
    titre: feuille.titre,
    fil: FIL,
    enErreur: p.erreurs.length > 0,
    statut: p.erreurs.length > 0 ? 400 : 200,
    chapo: (
      <p>
        {periode(feuille)} · {actions.length} action{actions.length > 1 ? 's' : ''}
        {enRetards > 0 && `, dont ${enRetards} en retard`} ·{' '}
        <a href={`/pilotage/evaluation?territoire=${encodeURIComponent(feuille.territoire)}&debut=${feuille.debut}&fin=${feuille.fin}`}>Rapport d’évaluation</a> ·{' '}
        <a href={`/pilotage/feuille-de-route/${feuille.id}/modifier`}>Modifier le titre et la période</a>
      </p>
    ),
    contenu: (
      <>
        <ResumeErreurs erreurs={p.erreurs} />
        <Confirmation message={p.message} />
        {feuille.axes.length === 0 && <p>Commencez par ajouter un axe, puis ses actions.</p>}
        {feuille.axes.map((axe, i) => (
          <section aria-labelledby={`axe-${axe.id}`}>
            <h2 id={`axe-${axe.id}`}>
              Axe {i + 1} : {axe.titre}
            </h2>
            <OutilsAxe feuille={feuille.id} axe={axe} premier={i === 0} dernier={i === feuille.axes.length - 1} jeton={p.jeton} />
            {axe.actions.length === 0 ? <p>Aucune action dans cet axe.</p> : axe.actions.map((a) => <DetailAction a={a} feuille={feuille} indicateurs={noms} aujourdhui={p.aujourdhui} jeton={p.jeton} erreurs={p.erreurs} />)}
          </section>
        ))}
        <h2>Ajouter un axe</h2>
        <form method="post" action={`/pilotage/feuille-de-route/${feuille.id}/axes`} novalidate>
          <ChampCache nom="jeton" valeur={p.jeton} />
          <ChampTexte id="axe-titre" nom="titre" libelle="Titre de l’axe" valeur={p.formulaire === 'axe' ? texte(p.saisie['titre']) : ''} erreur={erreurDe(p.erreurs, 'axe-titre')} longueurMax={200} />
          <button type="submit" class="bouton">
            Ajouter l’axe
          </button>
        </form>
        {feuille.axes.length > 0 && (
          <>
            <h2>Ajouter une action</h2>
            <FormulaireAction
              action={`/pilotage/feuille-de-route/${feuille.id}/actions`}
              jeton={p.jeton}
              axes={feuille.axes}
              indicateurs={p.indicateurs}
              acteurs={p.acteurs}
              saisie={p.formulaire === 'action' ? p.saisie : {}}
              erreurs={p.formulaire === 'action' ? p.erreurs : []}
              bouton="Ajouter l’action"
            />
          </>
        )}
      </>
    ),
  }
}

export function pageAction(p: { feuille: FeuilleComplete; action: Action; indicateurs: ReadonlyArray<{ id: number; libelle: string }>; acteurs: readonly ActeurAuChoix[]; jeton: string; saisie: Saisie; erreurs: readonly ErreurChamp[] }): OptionsPage {
  return {
    titre: `Modifier l’action « ${p.action.titre} »`,
    fil: [...FIL, { libelle: p.feuille.titre, lien: `/pilotage/feuille-de-route/${p.feuille.id}` }],
    enErreur: p.erreurs.length > 0,
    statut: p.erreurs.length > 0 ? 400 : 200,
    contenu: (
      <>
        <ResumeErreurs erreurs={p.erreurs} />
        <p>
          Enregistré : porteur <Porteur a={p.action} />
          <Partenaires a={p.action} />
        </p>
        <FormulaireAction
          action={`/pilotage/feuille-de-route/${p.feuille.id}/actions/${p.action.id}`}
          jeton={p.jeton}
          axes={p.feuille.axes}
          indicateurs={p.indicateurs}
          acteurs={p.acteurs}
          saisie={p.saisie}
          erreurs={p.erreurs}
          bouton="Enregistrer l’action"
        />
        <p>
          <a href={`/pilotage/feuille-de-route/${p.feuille.id}/actions/${p.action.id}/supprimer`}>Supprimer cette action</a>
        </p>
      </>
    ),
  }
}
