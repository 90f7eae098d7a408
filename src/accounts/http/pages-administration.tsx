/**
 * Pages of the team and of the administration: the accounts of my scope with their roles
 * (invite a coordinator, remove a role), every account (disable, re-enable, remove a lost
 * second factor), the outbox, the audit log.
 */
import type { OptionsPage } from '../../platform/http/page.ts'
import { ResumeErreurs, type ErreurFormulaire } from '../../platform/ui/avis.tsx'
import { TableauDefilant } from '../../platform/ui/donnees.tsx'
import { Bouton, BoutonsRadio, ChampCache, ChampTexte } from '../../platform/ui/formulaire.tsx'
import { LIBELLES_ACTIONS, type LigneJournal } from '../../audit/journal.ts'
import { estAdministrateur, type Compte } from '../roles.ts'
import type { CompteListe } from '../store/comptes.ts'
import { Confirmation } from './pages-communes.tsx'
import { libelleHabilitation } from './pages-compte.tsx'

const date = (d: Date | null) => (d ? d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }) : '—')
const STATUTS: Record<string, string> = { invite: 'Invitation envoyée', actif: 'Actif', desactive: 'Désactivé' }
const erreurDe = (erreurs: readonly ErreurFormulaire[], champ: string) => erreurs.find((e) => e.champ === champ)?.message

function Compte({ compte }: { compte: CompteListe }) {
  return (
    <>
      {compte.nom || '—'}
      <br />
      {compte.courriel}
    </>
  )
}

/** A one-button form that looks like a link, its full meaning said to screen readers. */
function BoutonEnLigne({ action, jeton, libelle, precision }: { action: string; jeton: string; libelle: string; precision: string }) {
  return (
    <form method="post" action={action} class="en-ligne">
      <ChampCache nom="jeton" valeur={jeton} />
      <button type="submit" class="lien-bouton">
        {libelle}
        <span class="visuellement-cache"> {precision}</span>
      </button>
    </form>
  )
}

export function pageEquipe(p: { compte: Compte; comptes: CompteListe[]; jeton: string; erreurs: readonly ErreurFormulaire[]; valeurs: Record<string, string>; message?: string | undefined }): OptionsPage {
  const admin = estAdministrateur(p.compte)
  return {
    titre: 'Équipe',
    enErreur: p.erreurs.length > 0,
    statut: p.erreurs.length > 0 ? 400 : 200,
    chapo: <p>Les comptes qui ont un rôle dans votre périmètre. Pour inviter le gestionnaire ou le médiateur d’un lieu, ouvrez la fiche du lieu.</p>,
    contenu: (
      <>
        <Confirmation message={p.message} />
        <ResumeErreurs erreurs={p.erreurs} />
        <TableauDefilant
          legende="Comptes de votre périmètre"
          legendeCachee
          entetes={['Compte', 'État', 'Rôles']}
          lignes={p.comptes.map((c) => ({
            entete: <Compte compte={c} />,
            cellules: [
              STATUTS[c.statut] ?? c.statut,
              <ul>
                {c.habilitations.map((h) => (
                  <li>
                    {libelleHabilitation(h, c.nomsLieux)}{' '}
                    {(admin || h.role !== 'administrateur') && c.id !== p.compte.id && (
                      <BoutonEnLigne action={`/espace/equipe/roles/${h.id}/retirer`} jeton={p.jeton} libelle="Retirer" precision={`le rôle ${libelleHabilitation(h, c.nomsLieux)} de ${c.courriel}`} />
                    )}
                  </li>
                ))}
              </ul>,
            ],
          }))}
        />
        <h2>Inviter {admin ? 'un coordinateur ou un administrateur' : 'un coordinateur d’une partie de votre territoire'}</h2>
        <form method="post" action="/espace/equipe/inviter" aria-label="Inviter">
          <ChampCache nom="jeton" valeur={p.jeton} />
          <ChampTexte id="courriel" nom="courriel" type="email" libelle="Adresse électronique" valeur={p.valeurs.courriel} requis erreur={erreurDe(p.erreurs, 'courriel')} />
          <ChampTexte id="nom" nom="nom" libelle="Prénom et nom (facultatif)" valeur={p.valeurs.nom} erreur={erreurDe(p.erreurs, 'nom')} />
          {admin && (
            <BoutonsRadio
              id="role"
              nom="role"
              legende="Rôle"
              valeur={p.valeurs.role ?? 'coordinateur'}
              options={[
                { valeur: 'coordinateur', libelle: 'Coordinateur d’un territoire' },
                { valeur: 'administrateur', libelle: 'Administrateur de la plateforme', aide: 'tous les droits ; double authentification obligatoire' },
              ]}
            />
          )}
          <ChampTexte
            id="territoire"
            nom="territoire"
            libelle="Territoire coordonné"
            aide="Un nom ou un code : « Savoie », « 73 », « departement:73 », « region:84 », une commune (73065) ou le SIREN d’un EPCI. Laissez vide pour un administrateur."
            valeur={p.valeurs.territoire}
            erreur={erreurDe(p.erreurs, 'territoire')}
          />
          <Bouton>Envoyer l’invitation</Bouton>
        </form>
      </>
    ),
  }
}

export function pageComptes(p: { comptes: CompteListe[]; invitations: ReadonlyMap<number, Date>; jeton: string; moi: number; message?: string | undefined }): OptionsPage {
  return {
    titre: 'Administration : comptes',
    chapo: (
      <p>
        Tous les comptes de la plateforme. Voir aussi <a href="/admin/courriels">la boîte d’envoi</a>, <a href="/admin/journal">le journal d’audit</a> et <a href="/admin/conservation">la conservation des données personnelles</a>.
      </p>
    ),
    contenu: (
      <>
        <Confirmation message={p.message} />
        <TableauDefilant
          legende="Comptes"
          legendeCachee
          entetes={['Compte', 'État', 'Rôles', 'Dernière connexion', 'Actions']}
          lignes={p.comptes.map((c) => ({
            entete: <Compte compte={c} />,
            cellules: [
              <>
                {STATUTS[c.statut] ?? c.statut}
                {p.invitations.has(c.id) && <> (lien valable jusqu’au {date(p.invitations.get(c.id) ?? null)})</>}
                {c.totpActif && <> · double authentification</>}
              </>,
              c.habilitations.map((h) => libelleHabilitation(h, c.nomsLieux)).join(' ; ') || 'aucun',
              date(c.derniereConnexion),
              c.id === p.moi ? (
                '—'
              ) : (
                <>
                  <BoutonEnLigne
                    action={`/admin/comptes/${c.id}/${c.statut === 'desactive' ? 'reactiver' : 'desactiver'}`}
                    jeton={p.jeton}
                    libelle={c.statut === 'desactive' ? 'Réactiver' : 'Désactiver'}
                    precision={c.courriel}
                  />
                  {c.totpActif && <BoutonEnLigne action={`/admin/comptes/${c.id}/retirer-double-authentification`} jeton={p.jeton} libelle="Retirer la double authentification" precision={`de ${c.courriel}`} />}
                </>
              ),
            ],
          }))}
        />
      </>
    ),
  }
}

export function pageCourriels(courriels: ReadonlyArray<{ id: number; destinataire: string; sujet: string; texte: string | null; creeLe: Date; envoyeLe: Date | null; erreur: string | null }>, smtp: boolean): OptionsPage {
  return {
    titre: 'Administration : boîte d’envoi',
    chapo: (
      <p>
        {smtp
          ? 'Les courriels partent par le serveur SMTP configuré ; le texte d’un courriel envoyé est effacé (il peut contenir un lien personnel).'
          : 'Aucun serveur SMTP n’est configuré (AIGUILLAGE_SMTP_URL) : les courriels restent ici. Transmettez un lien à son destinataire par un autre moyen si besoin.'}
      </p>
    ),
    contenu:
      courriels.length === 0 ? (
        <p>Aucun courriel.</p>
      ) : (
        courriels.map((c) => (
          <details class="fiche-section">
            <summary>
              {date(c.creeLe)} — {c.destinataire} — {c.sujet} — {c.envoyeLe ? 'envoyé' : c.erreur ? `en échec : ${c.erreur}` : 'en attente'}
            </summary>
            {c.texte !== null ? <pre class="texte-libre">{c.texte}</pre> : <p>Texte effacé après l’envoi.</p>}
          </details>
        ))
      ),
  }
}

export function pageJournal(lignes: readonly LigneJournal[], suivant: string | undefined): OptionsPage {
  return {
    titre: 'Administration : journal d’audit',
    chapo: <p>Toutes les modifications faites sur la plateforme, la plus récente en premier. Personne, pas même un administrateur, ne peut modifier ou effacer ce journal.</p>,
    contenu: (
      <>
        <TableauDefilant
          legende="Journal d’audit"
          legendeCachee
          entetes={['Quand', 'Qui', 'Adresse', 'Quoi', 'Sur']}
          lignes={lignes.map((l) => ({
            entete: date(l.quand),
            cellules: [
              l.acteur,
              l.adresseIp ?? '—',
              LIBELLES_ACTIONS[l.action] ?? l.action,
              l.lieuUid !== null ? <a href={`/espace/lieux/${l.lieuUid}/historique`}>lieu n° {l.lieuUid}</a> : `${l.objetType} n° ${l.objetId}`,
            ],
          }))}
        />
        {suivant && (
          <p>
            <a href={suivant}>Entrées plus anciennes</a>
          </p>
        )}
      </>
    ),
  }
}
