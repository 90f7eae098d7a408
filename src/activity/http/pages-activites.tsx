/**
 * The pages of a mediator's activities: « Mes activités » (most recent first, 50 a page, each
 * with its date, type, thematics, place, participants and its actions), the form of a new,
 * edited or duplicated activity, and the confirmation before deleting one. The confirmation
 * banner after saving offers to record the next one or to duplicate it.
 */
import type { OptionsPage } from '../../platform/http/page.ts'
import { Bandeau } from '../../platform/ui/avis.tsx'
import { TableauDefilant } from '../../platform/ui/donnees.tsx'
import { Bouton, ChampCache } from '../../platform/ui/formulaire.tsx'
import { Pagination } from '../../platform/ui/navigation.tsx'
import { formaterDate } from '../../workspace/format.ts'
import type { Activite } from '../domain/validation.ts'
import { libelle, THEMATIQUES, TYPES_ACTIVITE, TYPES_LIEU, type TypeActivite } from '../domain/vocabulaire.ts'
import { FormulaireActivite, type PropsFormulaireActivite } from './formulaire.tsx'
import { libelleDuree } from './formulaire-activite.ts'

export const CHEMIN = '/espace/activites'

/** One line of the list, as the route prepares it. */
export interface ActiviteListee {
  id: string
  activite: Activite
  /** « Médiathèque (Chambéry) », « À domicile — Cognin »… */
  lieu: string
}

/** What was just done (`?fait=`), with the activity concerned when it is still there. */
export interface Fait {
  cle: 'enregistre' | 'modifie' | 'supprime'
  type?: TypeActivite | undefined
  id?: string | undefined
}

export const nouvelle = (type: TypeActivite) => `${CHEMIN}/nouvelle?type=${type}`
const titreNouvelle = (type: TypeActivite) => (type === 'individuel' ? 'Nouvel accompagnement individuel' : 'Nouvel atelier collectif')
const nomDe = (type: TypeActivite) => (type === 'individuel' ? 'l’accompagnement' : 'l’atelier')

function participants(a: Activite): string {
  if (a.type === 'individuel') return a.beneficiaireSuivi !== undefined ? '1 bénéficiaire suivi' : '1 bénéficiaire anonyme'
  const n = a.participants.total + a.beneficiairesSuivis.length
  const dont = a.beneficiairesSuivis.length > 0 ? ` dont ${a.beneficiairesSuivis.length} suivi${a.beneficiairesSuivis.length > 1 ? 's' : ''}` : ''
  return `${n} participant${n > 1 ? 's' : ''}${dont}`
}

function BandeauFait({ fait }: { fait: Fait | undefined }) {
  if (!fait) return null
  if (fait.cle === 'supprime') {
    return (
      <Bandeau type="succes">
        <p role="status">L’activité est supprimée.</p>
      </Bandeau>
    )
  }
  const type = fait.type ?? 'individuel'
  const message = fait.cle === 'modifie' ? 'L’activité est modifiée.' : type === 'individuel' ? 'L’accompagnement est enregistré.' : 'L’atelier est enregistré.'
  return (
    <Bandeau type="succes">
      <p role="status">{message}</p>
      <p class="activite-suite">
        <a href={nouvelle(type)}>Enregistrer le suivant</a>
        {fait.id !== undefined && <a href={`${CHEMIN}/${fait.id}/dupliquer`}>Dupliquer</a>}
      </p>
    </Bandeau>
  )
}

export function pageActivites(p: { activites: readonly ActiviteListee[]; total: number; page: number; pages: number; fait?: Fait | undefined; sansLieu: boolean }): OptionsPage {
  return {
    titre: 'Mes activités',
    titreDocument: `Mes activités${p.page > 1 ? ` — page ${p.page}` : ''}`,
    contenu: (
      <>
        <BandeauFait fait={p.fait} />
        {p.sansLieu ? (
          <p>Votre compte n’est rattaché à aucun lieu d’activité : demandez au coordinateur ou au gestionnaire de votre lieu de vous y inviter comme médiateur.</p>
        ) : (
          <p class="activite-suite">
            <a class="bouton" href={nouvelle('individuel')}>
              Nouvel accompagnement individuel
            </a>
            <a class="bouton bouton-secondaire" href={nouvelle('collectif')}>
              Nouvel atelier collectif
            </a>
          </p>
        )}
        <p>{p.total === 0 ? 'Aucune activité enregistrée pour le moment.' : `${p.total} activité${p.total > 1 ? 's' : ''}, la plus récente en premier.`}</p>
        {p.activites.length > 0 && (
          <TableauDefilant
            legende="Mes activités"
            legendeCachee
            entetes={['Date', 'Type', 'Thématiques', 'Lieu', 'Participants', 'Actions']}
            lignes={p.activites.map(({ id, activite: a, lieu }) => {
              const quoi = `${libelle(TYPES_ACTIVITE, a.type) ?? a.type} du ${formaterDate(a.date)}`
              return {
                entete: formaterDate(a.date),
                cellules: [
                  <>
                    {libelle(TYPES_ACTIVITE, a.type)}
                    {a.type === 'collectif' && a.titreAtelier !== undefined && <> : {a.titreAtelier}</>}
                    <span class="discret"> · {libelleDuree(a.duree)}</span>
                  </>,
                  a.thematiques.map((t) => libelle(THEMATIQUES, t) ?? t).join(', '),
                  lieu,
                  participants(a),
                  <ul class="activite-actions">
                    <li>
                      <a href={`${CHEMIN}/${id}`}>
                        Modifier<span class="visuellement-cache"> : {quoi}</span>
                      </a>
                    </li>
                    <li>
                      <a href={`${CHEMIN}/${id}/dupliquer`}>
                        Dupliquer<span class="visuellement-cache"> : {quoi}</span>
                      </a>
                    </li>
                    <li>
                      <a href={`${CHEMIN}/${id}/supprimer`}>
                        Supprimer<span class="visuellement-cache"> : {quoi}</span>
                      </a>
                    </li>
                  </ul>,
                ],
              }
            })}
          />
        )}
        <Pagination page={p.page} pages={p.pages} lien={(n) => `${CHEMIN}?page=${n}`} />
      </>
    ),
  }
}

export type FormulaireDePage = Omit<PropsFormulaireActivite, 'titreBouton'>

/** A new activity (empty, prefilled with the last-used values, or duplicated). */
export function pageNouvelleActivite(f: FormulaireDePage, duplique: boolean): OptionsPage {
  const enErreur = f.erreurs.length > 0
  return {
    titre: titreNouvelle(f.type),
    enErreur,
    statut: enErreur ? 400 : 200,
    fil: [{ libelle: 'Mes activités', lien: CHEMIN }, { libelle: titreNouvelle(f.type) }],
    chapo: duplique ? <p>Les informations de l’activité dupliquée sont reprises, à la date d’aujourd’hui : vérifiez-les avant d’enregistrer.</p> : undefined,
    contenu: <FormulaireActivite {...f} titreBouton={f.type === 'individuel' ? 'Enregistrer l’accompagnement' : 'Enregistrer l’atelier'} />,
  }
}

export function pageModifierActivite(f: FormulaireDePage, date: string): OptionsPage {
  const enErreur = f.erreurs.length > 0
  const titre = `Modifier ${nomDe(f.type)} du ${formaterDate(date)}`
  return {
    titre,
    enErreur,
    statut: enErreur ? 400 : 200,
    fil: [{ libelle: 'Mes activités', lien: CHEMIN }, { libelle: titre }],
    contenu: <FormulaireActivite {...f} titreBouton="Enregistrer les modifications" />,
  }
}

export function pageSupprimerActivite(p: { id: string; activite: Activite; lieu: string; jeton: string }): OptionsPage {
  const a = p.activite
  const titre = `Supprimer ${nomDe(a.type)} du ${formaterDate(a.date)} ?`
  return {
    titre,
    fil: [{ libelle: 'Mes activités', lien: CHEMIN }, { libelle: 'Supprimer' }],
    contenu: (
      <>
        <p>
          {libelle(TYPES_ACTIVITE, a.type)} du {formaterDate(a.date)} ({libelleDuree(a.duree)}, {libelle(TYPES_LIEU, a.typeLieu)?.toLowerCase()} : {p.lieu}) —{' '}
          {a.thematiques.map((t) => libelle(THEMATIQUES, t) ?? t).join(', ')} — {participants(a)}.
        </p>
        <p>L’activité ne comptera plus dans les statistiques. Cette suppression est définitive.</p>
        <form method="post" action={`${CHEMIN}/${p.id}/supprimer`} class="activite-suite">
          <ChampCache nom="jeton" valeur={p.jeton} />
          <Bouton>Supprimer l’activité</Bouton>
          <a href={CHEMIN}>Annuler</a>
        </form>
      </>
    ),
  }
}
