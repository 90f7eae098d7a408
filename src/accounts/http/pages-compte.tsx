/**
 * « Mon compte »: who I am and my roles, changing my password, the second factor (set up with a
 * QR code or the key typed by hand, confirmed by a first code; mandatory for administrators),
 * and « se déconnecter partout ».
 */
import type { OptionsPage } from '../../platform/http/page.ts'
import { Bandeau, ResumeErreurs, type ErreurFormulaire } from '../../platform/ui/avis.tsx'
import { ListeDescriptions } from '../../platform/ui/donnees.tsx'
import { Bouton, ChampCache, ChampTexte } from '../../platform/ui/formulaire.tsx'
import { estAdministrateur, LIBELLES_ROLES, type Compte, type Habilitation } from '../roles.ts'
import { LONGUEUR_MIN } from '../secrets/mot-de-passe.ts'
import { Confirmation, NavigationEspace } from './pages-communes.tsx'
import { FormulaireCode } from './pages-connexion.tsx'

const erreurDe = (erreurs: readonly ErreurFormulaire[], champ: string) => erreurs.find((e) => e.champ === champ)?.message

export function libelleHabilitation(h: Habilitation, nomsLieux?: ReadonlyMap<number, string>): string {
  const role = LIBELLES_ROLES[h.role]
  if (h.territoire) return `${role} — ${h.territoire.nom}`
  if (h.lieuUid !== null) return `${role} — ${nomsLieux?.get(h.lieuUid) ?? `lieu n° ${h.lieuUid}`}`
  return role
}

export interface DonneesCompte {
  compte: Compte
  nomsLieux: ReadonlyMap<number, string>
  sessions: number
  jeton: string
  erreurs: readonly ErreurFormulaire[]
  message?: string | undefined
}

export function pageCompte(d: DonneesCompte): OptionsPage {
  const { compte } = d
  return {
    titre: 'Mon compte',
    enErreur: d.erreurs.length > 0,
    statut: d.erreurs.length > 0 ? 400 : 200,
    espace: true,
    avant: <NavigationEspace compte={compte} chemin="/compte" jeton={d.jeton} />,
    contenu: (
      <>
        <Confirmation message={d.message} />
        <ResumeErreurs erreurs={d.erreurs} />
        <ListeDescriptions
          elements={[
            { terme: 'Nom', definition: compte.nom || '—' },
            { terme: 'Adresse électronique', definition: compte.courriel },
            { terme: 'Rôles', definition: compte.habilitations.map((h) => libelleHabilitation(h, d.nomsLieux)).join(' ; ') || 'aucun' },
            { terme: 'Double authentification', definition: compte.totpActif ? 'activée' : 'non activée' },
            { terme: 'Sessions ouvertes', definition: String(d.sessions) },
          ]}
        />
        <h2>Changer de mot de passe</h2>
        <form method="post" action="/compte/mot-de-passe" aria-label="Changer de mot de passe">
          <ChampCache nom="jeton" valeur={d.jeton} />
          <ChampTexte id="actuel" nom="actuel" type="password" libelle="Mot de passe actuel" autocomplete="current-password" requis erreur={erreurDe(d.erreurs, 'actuel')} />
          <ChampTexte
            id="mot_de_passe"
            nom="mot_de_passe"
            type="password"
            libelle="Nouveau mot de passe"
            autocomplete="new-password"
            aide={`Au moins ${LONGUEUR_MIN} caractères ; les mots de passe trop courants sont refusés. Vos autres sessions seront fermées.`}
            requis
            erreur={erreurDe(d.erreurs, 'mot_de_passe')}
          />
          <ChampTexte id="confirmation" nom="confirmation" type="password" libelle="Le nouveau mot de passe, une seconde fois" autocomplete="new-password" requis erreur={erreurDe(d.erreurs, 'confirmation')} />
          <div class="actions">
            <Bouton>Changer le mot de passe</Bouton>
          </div>
        </form>
        <h2>Double authentification</h2>
        {compte.totpActif ? (
          <>
            <p>À chaque connexion, un code de votre application d’authentification vous est demandé.</p>
            {!estAdministrateur(compte) && (
              <form method="post" action="/compte/double-authentification/retirer">
                <ChampCache nom="jeton" valeur={d.jeton} />
                <Bouton secondaire>Retirer la double authentification</Bouton>
              </form>
            )}
          </>
        ) : (
          <p>
            <a href="/compte/double-authentification">Activer la double authentification</a> (recommandé : un code de votre téléphone en plus du mot de passe).
          </p>
        )}
        <h2>Sessions</h2>
        <form method="post" action="/compte/deconnexion-partout">
          <ChampCache nom="jeton" valeur={d.jeton} />
          <p>Un ordinateur partagé ou un téléphone perdu ? Fermez toutes vos sessions, y compris celle-ci.</p>
          <Bouton secondaire>Se déconnecter partout</Bouton>
        </form>
      </>
    ),
  }
}

export function pageDoubleAuthentification(p: { compte: Compte; secret: string; qr: string; obligatoire: boolean; jeton: string; erreurs: readonly ErreurFormulaire[] }): OptionsPage {
  const groupes = p.secret.match(/.{1,4}/g)?.join(' ') ?? p.secret
  return {
    titre: 'Activer la double authentification',
    espace: true,
    enErreur: p.erreurs.length > 0,
    statut: p.erreurs.length > 0 ? 400 : 200,
    contenu: (
      <>
        {p.obligatoire && (
          <Bandeau type="attention" titre="Étape obligatoire pour les administrateurs">
            <p>Votre compte administre la plateforme : il doit être protégé par un second facteur avant d’ouvrir les autres pages.</p>
          </Bandeau>
        )}
        <ResumeErreurs erreurs={p.erreurs} />
        <ol>
          <li>Installez une application d’authentification sur votre téléphone (par exemple FreeOTP, Aegis ou Google Authenticator).</li>
          <li>
            Scannez ce QR code avec l’application, ou saisissez-y la clé à la main.
            <div class="qr-code" dangerouslySetInnerHTML={{ __html: p.qr }} />
            <p>
              Clé : <code class="code">{groupes}</code>
            </p>
          </li>
          <li>Saisissez le code à 6 chiffres que l’application affiche.</li>
        </ol>
        <FormulaireCode action="/compte/double-authentification" titre="Confirmer la double authentification" bouton="Activer" jeton={p.jeton} erreur={erreurDe(p.erreurs, 'code')} />
        {p.obligatoire && (
          <form method="post" action="/deconnexion">
            <ChampCache nom="jeton" valeur={p.jeton} />
            <Bouton secondaire>Se déconnecter</Bouton>
          </form>
        )}
      </>
    ),
  }
}
