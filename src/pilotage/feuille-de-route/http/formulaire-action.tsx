/**
 * The form of an action, to add one or change every field: axis, title, description, owner
 * (chosen among the territory's actors, or written when it is not in the cartography),
 * partners (actors ticked — in a `<details>` when the list is long — and/or one per line), budget and up to four co-funders (funder and amount), dates, status,
 * progress, and the territory's indicators that follow it. Shown back with what was typed and
 * each error next to its field.
 */
import { CasesACocher, ChampCache, ChampTexte, ListeDeroulante, ZoneTexte } from '../../../platform/ui/formulaire.tsx'
import { COFINANCEMENTS_MAX, type ErreurChamp } from '../domaine/formulaires.ts'
import { montantSaisi, STATUTS } from '../domaine/regles.ts'
import type { Action, Axe } from '../store.ts'

export type Saisie = Readonly<Record<string, unknown>>
const texte = (v: unknown): string => (typeof v === 'string' ? v : '')
export const erreurDe = (erreurs: readonly ErreurChamp[], champ: string): string | undefined => erreurs.find((e) => e.champ === champ)?.message

/** What the form shows for an existing action. */
export function saisieDeLAction(a: Action): Saisie {
  const s: Record<string, unknown> = {
    axe: String(a.axeId),
    titre: a.titre,
    description: a.description,
    // an owner actor no longer in the cartography falls back to its name in words
    porteurActeur: a.porteurActeur === null ? '' : String(a.porteurActeur.id),
    porteur: a.porteurActeur === null ? a.porteur : '',
    partenaires: a.partenaires.join('\n'),
    partenairesActeurs: a.partenairesActeurs.map((p) => String(p.id)),
    budget: montantSaisi(a.budgetCentimes),
    debut: a.debut ?? '',
    fin: a.fin ?? '',
    statut: a.statut,
    avancement: String(a.avancement),
    indicateurs: a.indicateurs.map(String),
  }
  a.cofinancements.forEach((c, i) => {
    s[`financeur${i + 1}`] = c.financeur
    s[`montant${i + 1}`] = montantSaisi(c.montantCentimes)
  })
  return s
}

export interface PropsFormulaireAction {
  action: string
  jeton: string
  axes: readonly Axe[]
  indicateurs: ReadonlyArray<{ id: number; libelle: string }>
  /** The actors that may own the action (the territory's published ones). */
  acteurs: ReadonlyArray<{ id: number; nom: string; commune: string }>
  saisie: Saisie
  erreurs: readonly ErreurChamp[]
  bouton: string
}

/** The owner: an actor of the cartography, or (when it is not there) in words. */
function Porteur({ acteurs, v, e }: { acteurs: PropsFormulaireAction['acteurs']; v: (nom: string) => string; e: (nom: string) => string | undefined }) {
  if (acteurs.length === 0) {
    return <ChampTexte id="action-porteur" nom="porteur" libelle="Porteur" aide="La structure ou le service qui mène l’action." valeur={v('porteur')} erreur={e('porteur')} longueurMax={200} />
  }
  const options = acteurs.map((a) => ({ valeur: String(a.id), libelle: a.commune ? `${a.nom} (${a.commune})` : a.nom }))
  return (
    <fieldset class="champ">
      <legend>Porteur</legend>
      <ListeDeroulante id="action-porteurActeur" nom="porteurActeur" libelle="Acteur du territoire" aide="La structure ou le service qui mène l’action, dans la cartographie des acteurs." options={options} optionVide="— Pas dans la liste : écrivez-le ci-dessous —" valeur={v('porteurActeur')} erreur={e('porteurActeur')} />
      <ChampTexte id="action-porteur" nom="porteur" libelle="Autre porteur" aide="Seulement s’il n’est pas dans la liste." valeur={v('porteur')} erreur={e('porteur')} longueurMax={200} />
    </fieldset>
  )
}

/** Beyond this many actors, the partner boxes are folded in a `<details>` (opened when some are ticked or in error). */
const PLIER_AU_DELA = 8

/** Partners chosen among the actors (checkboxes), then those written in words. */
function Partenaires({ acteurs, saisie, v, e }: { acteurs: PropsFormulaireAction['acteurs']; saisie: Saisie; v: (nom: string) => string; e: (nom: string) => string | undefined }) {
  const cochees = ([] as unknown[]).concat(saisie['partenairesActeurs'] ?? []).map(String)
  const libre = <ZoneTexte id="action-partenaires" nom="partenaires" libelle={acteurs.length > 0 ? 'Autres partenaires (facultatif)' : 'Partenaires (facultatif)'} aide="Un partenaire par ligne." valeur={v('partenaires')} erreur={e('partenaires')} lignes={3} />
  if (acteurs.length === 0) return libre
  const cases = (
    <CasesACocher
      id="action-partenairesActeurs"
      nom="partenairesActeurs"
      legende="Partenaires parmi les acteurs du territoire (facultatif)"
      options={acteurs.map((a) => ({ valeur: String(a.id), libelle: a.commune ? `${a.nom} (${a.commune})` : a.nom }))}
      valeurs={cochees}
      erreur={e('partenairesActeurs')}
    />
  )
  return (
    <>
      {acteurs.length > PLIER_AU_DELA ? (
        <details open={cochees.length > 0 || e('partenairesActeurs') !== undefined}>
          <summary>Partenaires parmi les acteurs du territoire ({acteurs.length} acteurs{cochees.length > 0 ? `, ${cochees.length} choisis` : ''})</summary>
          {cases}
        </details>
      ) : (
        cases
      )}
      {libre}
    </>
  )
}

export function FormulaireAction({ action, jeton, axes, indicateurs, acteurs, saisie, erreurs, bouton }: PropsFormulaireAction) {
  const v = (nom: string) => texte(saisie[nom])
  const e = (nom: string) => erreurDe(erreurs, `action-${nom}`)
  const liees = ([] as unknown[]).concat(saisie['indicateurs'] ?? []).map(String)
  return (
    <form method="post" action={action} novalidate>
      <ChampCache nom="jeton" valeur={jeton} />
      <ListeDeroulante id="action-axe" nom="axe" libelle="Axe" options={axes.map((a) => ({ valeur: String(a.id), libelle: a.titre }))} valeur={v('axe')} erreur={e('axe')} />
      <ChampTexte id="action-titre" nom="titre" libelle="Titre de l’action" valeur={v('titre')} erreur={e('titre')} longueurMax={200} />
      <ZoneTexte id="action-description" nom="description" libelle="Description (facultatif)" valeur={v('description')} erreur={e('description')} lignes={3} />
      <Porteur acteurs={acteurs} v={v} e={e} />
      <Partenaires acteurs={acteurs} saisie={saisie} v={v} e={e} />
      <ChampTexte id="action-budget" nom="budget" libelle="Budget en euros (facultatif)" aide="Par exemple 12 500 ou 1 200,50." valeur={v('budget')} erreur={e('budget')} court />
      <fieldset class="champ">
        <legend>Co-financements (facultatif)</legend>
        {Array.from({ length: COFINANCEMENTS_MAX }, (_, n) => n + 1).map((i) => (
          <div class="activite-en-ligne">
            <ChampTexte id={`action-financeur${i}`} nom={`financeur${i}`} libelle={`Financeur ${i}`} valeur={v(`financeur${i}`)} erreur={e(`financeur${i}`)} />
            <ChampTexte id={`action-montant${i}`} nom={`montant${i}`} libelle={`Montant ${i} en euros`} valeur={v(`montant${i}`)} erreur={e(`montant${i}`)} court />
          </div>
        ))}
      </fieldset>
      <div class="activite-en-ligne">
        <ChampTexte id="action-debut" nom="debut" type="date" libelle="Début (facultatif)" aide="AAAA-MM-JJ" valeur={v('debut')} erreur={e('debut')} />
        <ChampTexte id="action-fin" nom="fin" type="date" libelle="Fin (facultatif)" aide="AAAA-MM-JJ" valeur={v('fin')} erreur={e('fin')} />
      </div>
      <ListeDeroulante id="action-statut" nom="statut" libelle="Statut" aide="« En retard » est ajouté de lui-même quand la date de fin est passée." options={STATUTS} valeur={v('statut') || 'a_lancer'} erreur={e('statut')} />
      <ChampTexte id="action-avancement" nom="avancement" libelle="Avancement en %" modeSaisie="numeric" valeur={v('avancement') || '0'} erreur={e('avancement')} court />
      {indicateurs.length > 0 ? (
        <CasesACocher id="action-indicateurs" nom="indicateurs" legende="Indicateurs qui suivent cette action (facultatif)" options={indicateurs.map((i) => ({ valeur: String(i.id), libelle: i.libelle }))} valeurs={liees} />
      ) : (
        <p>
          Aucun indicateur pour ce territoire : <a href="/pilotage/indicateurs">créez-en</a> pour les relier aux actions.
        </p>
      )}
      <button type="submit" class="bouton">
        {bouton}
      </button>
    </form>
  )
}
