/**
 * The pages of signing in and out: sign-in (e-mail, password), second-factor code, forgotten
 * password and its answer (the same whether the e-mail has an account or not), new password
 * from a link, invitation acceptance, and the page of a link that no longer works.
 */
import type { OptionsPage } from '../../platform/http/page.ts'
import { Bandeau, ResumeErreurs, type ErreurFormulaire } from '../../platform/ui/avis.tsx'
import { Bouton, ChampCache, ChampTexte } from '../../platform/ui/formulaire.tsx'
import { LONGUEUR_MIN } from '../secrets/mot-de-passe.ts'

const erreurDe = (erreurs: readonly ErreurFormulaire[], champ: string) => erreurs.find((e) => e.champ === champ)?.message
const AIDE_MOT_DE_PASSE = `Au moins ${LONGUEUR_MIN} caractères. Une phrase de quelques mots est facile à retenir et difficile à deviner. Les mots de passe trop courants sont refusés.`

export function pageConnexion(p: { courriel: string; erreurs: readonly ErreurFormulaire[]; jeton: string; retour: string; message?: string | undefined }): OptionsPage {
  return {
    titre: 'Se connecter à l’espace professionnel',
    titreDocument: 'Se connecter',
    enErreur: p.erreurs.length > 0,
    statut: p.erreurs.length > 0 ? 401 : 200,
    chapo: <p>L’espace professionnel sert aux gestionnaires de lieux, aux médiateurs et aux coordinateurs du territoire. Les comptes sont créés sur invitation.</p>,
    contenu: (
      <>
        {p.message && (
          <Bandeau type="succes">
            <p role="status">{p.message}</p>
          </Bandeau>
        )}
        <ResumeErreurs erreurs={p.erreurs} />
        <form method="post" action="/connexion" aria-label="Se connecter">
          <ChampCache nom="jeton" valeur={p.jeton} />
          <ChampCache nom="retour" valeur={p.retour} />
          <ChampTexte id="courriel" nom="courriel" type="email" libelle="Adresse électronique" autocomplete="username" valeur={p.courriel} requis erreur={erreurDe(p.erreurs, 'courriel')} />
          <ChampTexte id="mot_de_passe" nom="mot_de_passe" type="password" libelle="Mot de passe" autocomplete="current-password" requis erreur={erreurDe(p.erreurs, 'mot_de_passe')} />
          <div class="actions">
            <Bouton>Se connecter</Bouton>
          </div>
        </form>
        <p>
          <a href="/mot-de-passe-oublie">Mot de passe oublié ?</a>
        </p>
      </>
    ),
  }
}

/** The form asking a 6-digit code of the authenticator app (sign-in and set-up). */
export function FormulaireCode({ action, titre, bouton, jeton, erreur }: { action: string; titre: string; bouton: string; jeton: string; erreur: string | undefined }) {
  return (
    <form method="post" action={action} aria-label={titre}>
      <ChampCache nom="jeton" valeur={jeton} />
      <ChampTexte id="code" nom="code" libelle="Code à 6 chiffres" autocomplete="one-time-code" court requis erreur={erreur} />
      <div class="actions">
        <Bouton>{bouton}</Bouton>
      </div>
    </form>
  )
}

export function pageCode(p: { erreurs: readonly ErreurFormulaire[]; jeton: string }): OptionsPage {
  return {
    titre: 'Code de vérification',
    enErreur: p.erreurs.length > 0,
    statut: p.erreurs.length > 0 ? 401 : 200,
    chapo: <p>Ouvrez votre application d’authentification (par exemple FreeOTP, Aegis, Google Authenticator) et saisissez le code à 6 chiffres affiché pour Aiguillage.</p>,
    contenu: (
      <>
        <ResumeErreurs erreurs={p.erreurs} />
        <FormulaireCode action="/connexion/code" titre="Code de vérification" bouton="Valider" jeton={p.jeton} erreur={erreurDe(p.erreurs, 'code')} />
        <form method="post" action="/deconnexion">
          <ChampCache nom="jeton" valeur={p.jeton} />
          <Bouton secondaire>Annuler et se déconnecter</Bouton>
        </form>
        <p>Téléphone perdu ? Demandez à un administrateur de retirer la double authentification de votre compte.</p>
      </>
    ),
  }
}

export function pageMotDePasseOublie(p: { courriel: string; erreurs: readonly ErreurFormulaire[]; jeton: string }): OptionsPage {
  return {
    titre: 'Mot de passe oublié',
    enErreur: p.erreurs.length > 0,
    statut: p.erreurs.length > 0 ? 400 : 200,
    chapo: <p>Indiquez l’adresse électronique de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.</p>,
    contenu: (
      <>
        <ResumeErreurs erreurs={p.erreurs} />
        <form method="post" action="/mot-de-passe-oublie" aria-label="Mot de passe oublié">
          <ChampCache nom="jeton" valeur={p.jeton} />
          <ChampTexte id="courriel" nom="courriel" type="email" libelle="Adresse électronique" autocomplete="username" valeur={p.courriel} requis erreur={erreurDe(p.erreurs, 'courriel')} />
          <div class="actions">
            <Bouton>Recevoir un lien</Bouton>
          </div>
        </form>
        <p>
          <a href="/connexion">Revenir à la connexion</a>
        </p>
      </>
    ),
  }
}

export function pageDemandeEnvoyee(): OptionsPage {
  return {
    titre: 'Vérifiez votre messagerie',
    contenu: (
      <>
        <p role="status">Si un compte existe pour cette adresse, un courriel vient de lui être envoyé avec un lien valable une heure.</p>
        <p>Rien reçu après quelques minutes ? Regardez dans les courriers indésirables, puis recommencez ou demandez de l’aide à votre coordinateur.</p>
        <p>
          <a href="/connexion">Revenir à la connexion</a>
        </p>
      </>
    ),
  }
}

function ChampsNouveauMotDePasse({ erreurs }: { erreurs: readonly ErreurFormulaire[] }) {
  return (
    <>
      <ChampTexte id="mot_de_passe" nom="mot_de_passe" type="password" libelle="Nouveau mot de passe" autocomplete="new-password" aide={AIDE_MOT_DE_PASSE} requis erreur={erreurDe(erreurs, 'mot_de_passe')} />
      <ChampTexte id="confirmation" nom="confirmation" type="password" libelle="Le même mot de passe, une seconde fois" autocomplete="new-password" requis erreur={erreurDe(erreurs, 'confirmation')} />
    </>
  )
}

export function pageReinitialiser(p: { lien: string; courriel: string; erreurs: readonly ErreurFormulaire[]; jeton: string }): OptionsPage {
  return {
    titre: 'Choisir un nouveau mot de passe',
    enErreur: p.erreurs.length > 0,
    statut: p.erreurs.length > 0 ? 400 : 200,
    chapo: <p>Pour le compte {p.courriel}. Une fois le mot de passe changé, toutes les sessions ouvertes avec l’ancien sont fermées.</p>,
    contenu: (
      <>
        <ResumeErreurs erreurs={p.erreurs} />
        <form method="post" action="/reinitialiser" aria-label="Nouveau mot de passe">
          <ChampCache nom="jeton" valeur={p.jeton} />
          <ChampCache nom="lien" valeur={p.lien} />
          <ChampsNouveauMotDePasse erreurs={p.erreurs} />
          <div class="actions">
            <Bouton>Enregistrer le mot de passe</Bouton>
          </div>
        </form>
      </>
    ),
  }
}

export function pageInvitation(p: { lien: string; courriel: string; nom: string; erreurs: readonly ErreurFormulaire[]; jeton: string }): OptionsPage {
  return {
    titre: 'Créer votre compte',
    enErreur: p.erreurs.length > 0,
    statut: p.erreurs.length > 0 ? 400 : 200,
    chapo: <p>Vous avez été invité à l’espace professionnel avec l’adresse {p.courriel}. Choisissez votre mot de passe.</p>,
    contenu: (
      <>
        <ResumeErreurs erreurs={p.erreurs} />
        <form method="post" action="/invitation" aria-label="Créer votre compte">
          <ChampCache nom="jeton" valeur={p.jeton} />
          <ChampCache nom="lien" valeur={p.lien} />
          <ChampTexte id="nom" nom="nom" libelle="Prénom et nom" autocomplete="name" valeur={p.nom} requis longueurMax={120} erreur={erreurDe(p.erreurs, 'nom')} />
          <ChampsNouveauMotDePasse erreurs={p.erreurs} />
          <div class="actions">
            <Bouton>Créer mon compte</Bouton>
          </div>
        </form>
      </>
    ),
  }
}

export function pageLienInvalide(type: 'invitation' | 'reinitialisation'): OptionsPage {
  return {
    titre: 'Ce lien ne fonctionne plus',
    statut: 410,
    contenu: (
      <>
        <p>
          {type === 'invitation'
            ? 'Ce lien d’invitation a déjà servi ou a expiré (il est valable 7 jours). Demandez à la personne qui vous a invité de vous envoyer une nouvelle invitation.'
            : 'Ce lien de réinitialisation a déjà servi ou a expiré (il est valable une heure). Vous pouvez en demander un nouveau.'}
        </p>
        <p>{type === 'invitation' ? <a href="/connexion">Aller à la connexion</a> : <a href="/mot-de-passe-oublie">Demander un nouveau lien</a>}</p>
      </>
    ),
  }
}
