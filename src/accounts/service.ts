/**
 * The accounts' journeys, without HTTP: signing in (password, then the TOTP code when the
 * account has one), forgotten password, invitations, password change, second factor set-up,
 * the first administrator. Answers never tell whether an e-mail has an account (same message,
 * same work: a dummy hash is verified for unknown e-mails; reset e-mails go only to existing
 * accounts but the page says the same thing). Every change is written to the audit log.
 */
import type { Db } from '../platform/db/database.ts'
import { inscrire, type Acteur } from '../audit/journal.ts'
import { deposerCourriel } from '../mail/boite.ts'
import type { Courriel } from '../mail/courriel.ts'
import { hacherMotDePasse, problemeMotDePasse, verifierMotDePasse, verifierSansCompte } from './secrets/mot-de-passe.ts'
import { nouveauSecretTotp, verifierTotp } from './secrets/totp.ts'
import { chiffrer, dechiffrer } from './secrets/chiffrement.ts'
import { LIBELLES_ROLES, type Compte } from './roles.ts'
import type { IdentiteExterne } from './identite.ts'
import {
  ajouterRole,
  compteParCourriel,
  compteParId,
  consommerPasTotp,
  creerOuRetrouver,
  definirMotDePasse,
  enregistrerTotp,
  noterConnexion,
  normaliserCourriel,
  type RoleDonne,
} from './store/comptes.ts'
import { consommerJeton, emettreJeton, lireJeton, DUREES_MS } from './store/jetons.ts'
import { attente, compter, effacer, REGLES } from './store/limites.ts'
import { fermerSession, fermerSessionsDe, ouvrirSession, type Session } from './store/sessions.ts'

export interface OptionsComptes {
  db: Db
  /** The platform's public address, for the links of e-mails (never the request's Host). */
  urlPublique: string
  nomTerritoire: string
  /** Called after an e-mail is deposited in the outbox (sends it when SMTP is configured). */
  courrielDepose?: () => void
  /** Key encrypting the TOTP secrets at rest (`AIGUILLAGE_CLE_SECRETS`); absent: stored as they are. */
  cleSecrets?: Buffer | undefined
}

export type ResultatConnexion =
  | { type: 'ouverte'; jeton: string; session: Session }
  | { type: 'refusee' }
  | { type: 'attente'; secondes: number }

export type ResultatFormulaire = { type: 'ok' } | { type: 'erreurs'; erreurs: Array<{ champ: string; message: string }> } | { type: 'attente'; secondes: number }

const MESSAGE_IDENTIFIANTS = 'Adresse électronique ou mot de passe incorrect.'
export { MESSAGE_IDENTIFIANTS }

/** How the audit log names an account acting from an address. */
export const acteurDe = (compte: { id: number; nom: string; courriel: string }, adresseIp: string | null): Acteur => ({
  id: compte.id,
  libelle: compte.nom ? `${compte.nom} <${compte.courriel}>` : compte.courriel,
  adresseIp,
})

export class Comptes {
  constructor(private readonly options: OptionsComptes) {}

  get db(): Db {
    return this.options.db
  }

  /** Deposits an e-mail; signals the postman only outside a transaction (the caller signals after its commit). */
  private async envoyer(courriel: Courriel, db: Db = this.db): Promise<void> {
    await deposerCourriel(db, courriel)
    if (db === this.db) this.options.courrielDepose?.()
  }

  private lien(chemin: string, jeton: string): string {
    return `${this.options.urlPublique}${chemin}?jeton=${jeton}`
  }

  /** Step one: e-mail and password. Opens a complete session, or one waiting for the TOTP code. */
  async connecter(courriel: string, motDePasse: string, adresseIp: string): Promise<ResultatConnexion> {
    const cleCompte = normaliserCourriel(courriel)
    const secondes = Math.max(await attente(this.db, REGLES.connexionParAdresse, adresseIp), await attente(this.db, REGLES.connexionParCompte, cleCompte))
    if (secondes > 0) return { type: 'attente', secondes }
    const compte = cleCompte ? await compteParCourriel(this.db, cleCompte) : undefined
    const bon = compte?.motDePasse ? await verifierMotDePasse(compte.motDePasse, motDePasse) : await verifierSansCompte(motDePasse)
    if (!compte || !bon || compte.statut !== 'actif') {
      await compter(this.db, REGLES.connexionParAdresse, adresseIp)
      await compter(this.db, REGLES.connexionParCompte, cleCompte)
      return { type: 'refusee' }
    }
    await effacer(this.db, REGLES.connexionParCompte, cleCompte)
    const { jeton, session } = await ouvrirSession(this.db, compte.id, compte.totpActif ? 'attente_code' : 'complet')
    if (!compte.totpActif) await this.noterConnexion(compte, adresseIp)
    return { type: 'ouverte', jeton, session }
  }

  /**
   * Signs in with an identity checked by a provider (see identite.ts): the active account of
   * that verified e-mail, or nothing. Limited per address like a password.
   */
  async connecterParIdentite(identite: IdentiteExterne, adresseIp: string): Promise<ResultatConnexion> {
    const secondes = await attente(this.db, REGLES.connexionParAdresse, adresseIp)
    if (secondes > 0) return { type: 'attente', secondes }
    const compte = identite.courrielVerifie ? await compteParCourriel(this.db, identite.courriel) : undefined
    if (!compte || compte.statut !== 'actif') {
      await compter(this.db, REGLES.connexionParAdresse, adresseIp)
      return { type: 'refusee' }
    }
    const { jeton, session } = await ouvrirSession(this.db, compte.id, compte.totpActif ? 'attente_code' : 'complet')
    if (!compte.totpActif) await this.noterConnexion(compte, adresseIp)
    return { type: 'ouverte', jeton, session }
  }

  private async noterConnexion(compte: { id: number; nom: string; courriel: string }, adresseIp: string): Promise<void> {
    await noterConnexion(this.db, compte.id)
    await inscrire(this.db, acteurDe(compte, adresseIp), { action: 'session.connexion', objetType: 'session', objetId: compte.id })
  }

  /** Step two: the TOTP code. Replaces the waiting session by a complete one (new token). */
  async verifierCode(session: Session, code: string, adresseIp: string, maintenant = Date.now()): Promise<ResultatConnexion> {
    const cle = String(session.utilisateurId)
    const secondes = await attente(this.db, REGLES.codeParCompte, cle)
    if (secondes > 0) return { type: 'attente', secondes }
    const compte = await compteParId(this.db, session.utilisateurId)
    if (!compte || compte.statut !== 'actif' || !compte.totpActif || !compte.totpSecret) return { type: 'refusee' }
    const pas = verifierTotp(dechiffrer(compte.totpSecret, this.options.cleSecrets), code, maintenant, compte.totpDernierPas)
    if (pas === undefined || !(await consommerPasTotp(this.db, compte.id, pas))) {
      await compter(this.db, REGLES.codeParCompte, cle)
      return { type: 'refusee' }
    }
    await effacer(this.db, REGLES.codeParCompte, cle)
    await fermerSession(this.db, session.id)
    const ouverte = await ouvrirSession(this.db, compte.id, 'complet')
    await this.noterConnexion(compte, adresseIp)
    return { type: 'ouverte', ...ouverte }
  }

  /**
   * « Mot de passe oublié » : sends a reset link when an active account has this e-mail, and
   * nothing otherwise; the caller says the same thing in both cases. Limited per address and
   * per account (then nothing is sent, silently: the page still says the same).
   */
  async demanderReinitialisation(courriel: string, adresseIp: string): Promise<{ type: 'ok' } | { type: 'attente'; secondes: number }> {
    const secondes = await attente(this.db, REGLES.courrielParAdresse, adresseIp)
    if (secondes > 0) return { type: 'attente', secondes }
    await compter(this.db, REGLES.courrielParAdresse, adresseIp)
    const cle = normaliserCourriel(courriel)
    const compte = cle ? await compteParCourriel(this.db, cle) : undefined
    if (!compte || compte.statut !== 'actif') return { type: 'ok' }
    if ((await attente(this.db, REGLES.courrielParCompte, cle)) > 0) return { type: 'ok' }
    await compter(this.db, REGLES.courrielParCompte, cle)
    const jeton = await emettreJeton(this.db, 'reinitialisation', compte.id)
    await this.envoyer({
      destinataire: compte.courriel,
      sujet: `Réinitialiser votre mot de passe — ${this.options.nomTerritoire}`,
      texte: [
        'Bonjour,',
        '',
        `Quelqu’un (vous, sans doute) a demandé à réinitialiser le mot de passe de votre compte sur l’espace professionnel ${this.options.nomTerritoire} (Aiguillage).`,
        '',
        'Pour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure qui suit :',
        this.lien('/reinitialiser', jeton),
        '',
        'Ce lien ne sert qu’une fois. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.',
      ].join('\n'),
    })
    return { type: 'ok' }
  }

  /** Whether a reset or invitation link is still usable (to show its form or a clear message). */
  async jetonValide(type: 'invitation' | 'reinitialisation', jeton: unknown): Promise<{ courriel: string; nom: string } | undefined> {
    const id = await lireJeton(this.db, type, jeton)
    const compte = id === undefined ? undefined : await compteParId(this.db, id)
    return compte && compte.statut !== 'desactive' ? { courriel: compte.courriel, nom: compte.nom } : undefined
  }

  /** Sets a new password from a reset link; ends every session of the account. */
  async reinitialiser(jeton: unknown, motDePasse: string, confirmation: string, adresseIp: string): Promise<ResultatFormulaire | { type: 'lien' }> {
    const avant = await this.jetonValide('reinitialisation', jeton)
    if (!avant) return { type: 'lien' }
    const erreurs = this.verifierNouveauMotDePasse(motDePasse, confirmation, avant)
    if (erreurs.length) return { type: 'erreurs', erreurs }
    const id = await consommerJeton(this.db, 'reinitialisation', jeton)
    const compte = id === undefined ? undefined : await compteParId(this.db, id)
    if (!compte) return { type: 'lien' }
    await definirMotDePasse(this.db, compte.id, await hacherMotDePasse(motDePasse))
    await fermerSessionsDe(this.db, compte.id)
    await effacer(this.db, REGLES.connexionParCompte, compte.courriel)
    await inscrire(this.db, acteurDe(compte, adresseIp), { action: 'compte.reinitialise', objetType: 'compte', objetId: compte.id })
    return { type: 'ok' }
  }

  private verifierNouveauMotDePasse(motDePasse: string, confirmation: string, contexte: { courriel: string; nom: string }) {
    const erreurs: Array<{ champ: string; message: string }> = []
    const probleme = problemeMotDePasse(motDePasse, contexte)
    if (probleme) erreurs.push({ champ: 'mot_de_passe', message: probleme })
    else if (motDePasse !== confirmation) erreurs.push({ champ: 'confirmation', message: 'Les deux mots de passe saisis sont différents.' })
    return erreurs
  }

  /**
   * Invites someone (a new account, or a new role for an existing one) and e-mails them a link
   * valid 7 days. The caller has checked the author may give this role.
   */
  async inviter(auteur: Acteur, invite: { courriel: string; nom: string }, role: RoleDonne, libelleCible: string): Promise<ResultatFormulaire> {
    const courriel = normaliserCourriel(invite.courriel)
    const erreurs: Array<{ champ: string; message: string }> = []
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(courriel) || courriel.length > 254) erreurs.push({ champ: 'courriel', message: 'Indiquez une adresse électronique valide, par exemple prenom.nom@mairie.fr.' })
    if (invite.nom.trim().length > 120) erreurs.push({ champ: 'nom', message: 'Le nom ne doit pas dépasser 120 caractères.' })
    if (erreurs.length) return { type: 'erreurs', erreurs }
    if (auteur.id !== null && (await attente(this.db, REGLES.courrielParCompte, `invitations:${auteur.id}`)) > 0) {
      return { type: 'attente', secondes: await attente(this.db, REGLES.courrielParCompte, `invitations:${auteur.id}`) }
    }
    await this.db.transaction(async (tx) => {
      const compte = await creerOuRetrouver(tx, courriel, invite.nom)
      const ajoute = await ajouterRole(tx, compte.id, role)
      await inscrire(tx, auteur, {
        action: 'compte.invite',
        objetType: 'compte',
        objetId: compte.id,
        lieuUid: role.role === 'gestionnaire' || role.role === 'mediateur' ? role.lieuUid : null,
        changements: { role: role.role, cible: libelleCible, nouveau_role: ajoute },
      })
      const roleLibelle = `${LIBELLES_ROLES[role.role].toLowerCase()}${libelleCible ? ` (${libelleCible})` : ''}`
      if (compte.statut === 'invite') {
        const jeton = await emettreJeton(tx, 'invitation', compte.id)
        await this.envoyer(
          {
            destinataire: courriel,
            sujet: `Invitation à l’espace professionnel — ${this.options.nomTerritoire}`,
            texte: [
              'Bonjour,',
              '',
              `${auteur.libelle.replace(/\s*<[^>]*>$/, '')} vous invite à rejoindre l’espace professionnel ${this.options.nomTerritoire} (Aiguillage), en tant que ${roleLibelle}.`,
              '',
              `Pour créer votre compte, ouvrez ce lien dans les ${DUREES_MS.invitation / 86_400_000} jours :`,
              this.lien('/invitation', jeton),
              '',
              'Ce lien ne sert qu’une fois. Si vous ne vous attendiez pas à cette invitation, ignorez ce message.',
            ].join('\n'),
          },
          tx,
        )
      } else if (ajoute && compte.statut === 'actif') {
        await this.envoyer(
          {
            destinataire: courriel,
            sujet: `Nouveau rôle dans l’espace professionnel — ${this.options.nomTerritoire}`,
            texte: [
              'Bonjour,',
              '',
              `${auteur.libelle.replace(/\s*<[^>]*>$/, '')} vous a donné un nouveau rôle dans l’espace professionnel ${this.options.nomTerritoire} : ${roleLibelle}.`,
              '',
              `Connectez-vous : ${this.options.urlPublique}/connexion`,
            ].join('\n'),
          },
          tx,
        )
      }
    })
    this.options.courrielDepose?.()
    if (auteur.id !== null) await compter(this.db, REGLES.courrielParCompte, `invitations:${auteur.id}`)
    return { type: 'ok' }
  }

  /** Accepts an invitation: name and password; the account becomes active (then the person signs in). */
  async accepterInvitation(jeton: unknown, nom: string, motDePasse: string, confirmation: string, adresseIp: string): Promise<ResultatFormulaire | { type: 'lien' }> {
    const avant = await this.jetonValide('invitation', jeton)
    if (!avant) return { type: 'lien' }
    const erreurs = this.verifierNouveauMotDePasse(motDePasse, confirmation, { courriel: avant.courriel, nom })
    if (nom.trim() === '') erreurs.unshift({ champ: 'nom', message: 'Indiquez votre prénom et votre nom.' })
    else if (nom.trim().length > 120) erreurs.unshift({ champ: 'nom', message: 'Le nom ne doit pas dépasser 120 caractères.' })
    if (erreurs.length) return { type: 'erreurs', erreurs }
    const id = await consommerJeton(this.db, 'invitation', jeton)
    const compte = id === undefined ? undefined : await compteParId(this.db, id)
    if (!compte) return { type: 'lien' }
    await definirMotDePasse(this.db, compte.id, await hacherMotDePasse(motDePasse), nom.trim())
    await inscrire(this.db, acteurDe({ ...compte, nom: nom.trim() }, adresseIp), { action: 'compte.active', objetType: 'compte', objetId: compte.id })
    return { type: 'ok' }
  }

  /** Changes one's password (the current one asked again); ends the account's other sessions. */
  async changerMotDePasse(compte: Compte, session: Session, actuel: string, nouveau: string, confirmation: string, adresseIp: string): Promise<ResultatFormulaire> {
    const ligne = await compteParId(this.db, compte.id)
    const secondes = await attente(this.db, REGLES.connexionParCompte, compte.courriel)
    if (secondes > 0) return { type: 'attente', secondes }
    if (!ligne?.motDePasse || !(await verifierMotDePasse(ligne.motDePasse, actuel))) {
      await compter(this.db, REGLES.connexionParCompte, compte.courriel)
      return { type: 'erreurs', erreurs: [{ champ: 'actuel', message: 'Le mot de passe actuel est incorrect.' }] }
    }
    const erreurs = this.verifierNouveauMotDePasse(nouveau, confirmation, compte)
    if (erreurs.length) return { type: 'erreurs', erreurs }
    await definirMotDePasse(this.db, compte.id, await hacherMotDePasse(nouveau))
    await fermerSessionsDe(this.db, compte.id, session.id)
    await inscrire(this.db, acteurDe(compte, adresseIp), { action: 'compte.mot_de_passe', objetType: 'compte', objetId: compte.id })
    return { type: 'ok' }
  }

  /** A new TOTP secret waiting for its first code (not active until confirmed). */
  async preparerTotp(compte: Compte): Promise<string> {
    const ligne = await compteParId(this.db, compte.id)
    if (ligne?.totpSecret && !ligne.totpActif) return dechiffrer(ligne.totpSecret, this.options.cleSecrets)
    const secret = nouveauSecretTotp()
    await enregistrerTotp(this.db, compte.id, { totpSecret: chiffrer(secret, this.options.cleSecrets), totpActif: false, totpDernierPas: null })
    return secret
  }

  /** Confirms the set-up with a first code; the second factor is then required at each sign-in. */
  async activerTotp(compte: Compte, code: string, adresseIp: string, maintenant = Date.now()): Promise<boolean> {
    const ligne = await compteParId(this.db, compte.id)
    if (!ligne?.totpSecret || ligne.totpActif) return false
    const pas = verifierTotp(dechiffrer(ligne.totpSecret, this.options.cleSecrets), code, maintenant, null)
    if (pas === undefined) return false
    await enregistrerTotp(this.db, compte.id, { totpActif: true, totpDernierPas: pas })
    await inscrire(this.db, acteurDe(compte, adresseIp), { action: 'compte.totp_active', objetType: 'compte', objetId: compte.id })
    return true
  }

  /** Removes the second factor (not for administrators, for whom it is mandatory). */
  async retirerTotp(compte: Compte, adresseIp: string): Promise<boolean> {
    if (compte.habilitations.some((h) => h.role === 'administrateur')) return false
    await enregistrerTotp(this.db, compte.id, { totpSecret: null, totpActif: false, totpDernierPas: null })
    await inscrire(this.db, acteurDe(compte, adresseIp), { action: 'compte.totp_retire', objetType: 'compte', objetId: compte.id })
    return true
  }

  /** The first administrator (command line): active at once; the second factor is set up at the first sign-in. */
  async creerAdministrateur(courriel: string, nom: string, motDePasse: string): Promise<ResultatFormulaire> {
    const cle = normaliserCourriel(courriel)
    const erreurs: Array<{ champ: string; message: string }> = []
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(cle)) erreurs.push({ champ: 'courriel', message: 'Adresse électronique invalide.' })
    const probleme = problemeMotDePasse(motDePasse, { courriel: cle, nom })
    if (probleme) erreurs.push({ champ: 'mot_de_passe', message: probleme })
    if (erreurs.length) return { type: 'erreurs', erreurs }
    const empreinte = await hacherMotDePasse(motDePasse)
    await this.db.transaction(async (tx) => {
      const compte = await creerOuRetrouver(tx, cle, nom)
      await definirMotDePasse(tx, compte.id, empreinte, nom.trim() || compte.nom)
      await ajouterRole(tx, compte.id, { role: 'administrateur' })
      await inscrire(tx, { id: null, libelle: 'ligne de commande', adresseIp: null }, { action: 'compte.cree_admin', objetType: 'compte', objetId: compte.id })
    })
    return { type: 'ok' }
  }

  acteur(compte: Compte, adresseIp: string | null): Acteur {
    return acteurDe(compte, adresseIp)
  }
}
