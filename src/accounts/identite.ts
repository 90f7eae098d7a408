/**
 * The seam for signing in through an identity provider (OpenID Connect: ProConnect, the
 * State's identity federation for professionals). A provider's routes (`/connexion/<nom>` →
 * the provider, `/connexion/<nom>/retour` ← the code) would do the OpenID Connect exchange
 * (state, nonce, PKCE, ID token checked) and hand the verified identity to
 * `Comptes.connecterParIdentite`, which opens the same kind of session as a password does.
 *
 * Accounts stay invitation-only: an identity opens an existing active account whose e-mail the
 * provider has verified, never creates one; the second factor of the platform is still asked
 * when the account has one (administrators always do).
 */
export interface IdentiteExterne {
  /** The provider, e.g. `proconnect`. */
  fournisseur: string
  /** The provider's stable identifier of the person (`sub`). */
  sujet: string
  courriel: string
  /** The provider vouches for the e-mail (`email_verified`). */
  courrielVerifie: boolean
}

export interface FournisseurIdentite {
  nom: string
  /** « Se connecter avec ProConnect » */
  libelle: string
  /** Where to send the browser, with the state and nonce to keep in a short-lived cookie. */
  adresseDeConnexion(retour: string): Promise<{ url: string; etat: string }>
  /** Exchanges the code of the callback for the verified identity (throws when anything does not check). */
  identifier(parametres: Readonly<Record<string, string>>, etat: string): Promise<IdentiteExterne>
}
