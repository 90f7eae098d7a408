/**
 * Pages of the team and of the administration: the accounts of my scope with their roles
 * (invite a coordinator, remove a role), every account (disable, re-enable, remove a lost
 * second factor), the outbox, the audit log.
 */
import type { OptionsPage } from '../../platform/http/page.ts'
import { ResumeErreurs, type ErreurFormulaire } from '../../platform/ui/avis.tsx'
import { Bouton, BoutonsRadio, ChampCache, ChampTexte } from '../../platform/ui/formulaire.tsx'
import { LIBELLES_ACTIONS, type LigneJournal } from '../../audit/journal.ts'
import { estAdministrateur, type Compte } from '../roles.ts'
import type { CompteListe } from '../store/comptes.ts'
import { Confirmation } from './pages-communes.tsx'
import { libelleHabilitation } from './pages-compte.tsx'

const date = (d: Date | null) => (d ? d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }) : '—')
const STATUTS: Record<string, string> = { invite: 'Invitation envoyée', actif: 'Actif', desactive: 'Désactivé' }
const erreurDe = (erreurs: readonly ErreurFormulaire[], champ: string) => erreurs.find((e) => e.champ === champ)?.message

function CelluleCompte({ compte }: { compte: CompteListe }) {
  return (
    <td>
      {compte.nom || '—'}
      <br />
      {compte.courriel}
    </td>
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
        <div class="defilement" tabIndex={0} role="region" aria-label="Comptes">
          <table class="tableau">
            <caption class="visuellement-cache">Comptes de votre périmètre</caption>
            <thead>
              <tr>
                <th scope="col">Compte</th>
                <th scope="col">État</th>
                <th scope="col">Rôles</th>
              </tr>
            </thead>
            <tbody>
              {p.comptes.map((c) => (
                <tr>
                  <CelluleCompte compte={c} />
                  <td>{STATUTS[c.statut] ?? c.statut}</td>
                  <td>
                    <ul>
                      {c.habilitations.map((h) => (
                        <li>
                          {libelleHabilitation(h, c.nomsLieux)}{' '}
                          {(admin || h.role !== 'administrateur') && c.id !== p.compte.id && (
                            <form method="post" action={`/espace/equipe/roles/${h.id}/retirer`} class="en-ligne">
                              <ChampCache nom="jeton" valeur={p.jeton} />
                              <button type="submit" class="lien-bouton">
                                Retirer<span class="visuellement-cache"> le rôle {libelleHabilitation(h, c.nomsLieux)} de {c.courriel}</span>
                              </button>
                            </form>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
        Tous les comptes de la plateforme. Voir aussi <a href="/admin/courriels">la boîte d’envoi</a> et <a href="/admin/journal">le journal d’audit</a>.
      </p>
    ),
    contenu: (
      <>
        <Confirmation message={p.message} />
        <div class="defilement" tabIndex={0} role="region" aria-label="Comptes">
          <table class="tableau">
            <caption class="visuellement-cache">Comptes</caption>
            <thead>
              <tr>
                <th scope="col">Compte</th>
                <th scope="col">État</th>
                <th scope="col">Rôles</th>
                <th scope="col">Dernière connexion</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {p.comptes.map((c) => (
                <tr>
                  <CelluleCompte compte={c} />
                  <td>
                    {STATUTS[c.statut] ?? c.statut}
                    {p.invitations.has(c.id) && <> (lien valable jusqu’au {date(p.invitations.get(c.id) ?? null)})</>}
                    {c.totpActif && <> · double authentification</>}
                  </td>
                  <td>{c.habilitations.map((h) => libelleHabilitation(h, c.nomsLieux)).join(' ; ') || 'aucun'}</td>
                  <td>{date(c.derniereConnexion)}</td>
                  <td>
                    {c.id !== p.moi && (
                      <form method="post" action={`/admin/comptes/${c.id}/${c.statut === 'desactive' ? 'reactiver' : 'desactiver'}`} class="en-ligne">
                        <ChampCache nom="jeton" valeur={p.jeton} />
                        <button type="submit" class="lien-bouton">
                          {c.statut === 'desactive' ? 'Réactiver' : 'Désactiver'}
                          <span class="visuellement-cache"> {c.courriel}</span>
                        </button>
                      </form>
                    )}
                    {c.totpActif && c.id !== p.moi && (
                      <form method="post" action={`/admin/comptes/${c.id}/retirer-double-authentification`} class="en-ligne">
                        <ChampCache nom="jeton" valeur={p.jeton} />
                        <button type="submit" class="lien-bouton">
                          Retirer la double authentification<span class="visuellement-cache"> de {c.courriel}</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
        <div class="defilement" tabIndex={0} role="region" aria-label="Journal">
          <table class="tableau">
            <caption class="visuellement-cache">Journal d’audit</caption>
            <thead>
              <tr>
                <th scope="col">Quand</th>
                <th scope="col">Qui</th>
                <th scope="col">Adresse</th>
                <th scope="col">Quoi</th>
                <th scope="col">Sur</th>
              </tr>
            </thead>
            <tbody>
              {lignes.map((l) => (
                <tr>
                  <td>{date(l.quand)}</td>
                  <td>{l.acteur}</td>
                  <td>{l.adresseIp ?? '—'}</td>
                  <td>{LIBELLES_ACTIONS[l.action] ?? l.action}</td>
                  <td>{l.lieuUid !== null ? <a href={`/espace/lieux/${l.lieuUid}/historique`}>lieu n° {l.lieuUid}</a> : `${l.objetType} n° ${l.objetId}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {suivant && (
          <p>
            <a href={suivant}>Entrées plus anciennes</a>
          </p>
        )}
      </>
    ),
  }
}
