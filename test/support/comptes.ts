/**
 * Accounts for the tests: created directly in the database (argon2id hash, roles), then signed
 * in through the real HTTP forms (`seConnecter`), which returns the session cookie and the
 * session's anti-forgery token — or the failure.
 */
import type { Base } from '../../src/platform/db/database.ts'
import { hacherMotDePasse } from '../../src/accounts/secrets/mot-de-passe.ts'
import { codeTotp, nouveauSecretTotp, pasTotp } from '../../src/accounts/secrets/totp.ts'
import { ajouterRole, creerOuRetrouver, definirMotDePasse, enregistrerTotp, type RoleDonne } from '../../src/accounts/store/comptes.ts'

export const MOT_DE_PASSE = 'une phrase assez longue pour les tests'

export interface CompteDeTest {
  id: number
  courriel: string
  motDePasse: string
  totpSecret?: string
}

export async function creerCompte(base: Base, courriel: string, roles: readonly RoleDonne[], options: { totp?: boolean; nom?: string } = {}): Promise<CompteDeTest> {
  const compte = await creerOuRetrouver(base.db, courriel, options.nom ?? courriel.split('@')[0] ?? '')
  await definirMotDePasse(base.db, compte.id, await hacherMotDePasse(MOT_DE_PASSE))
  for (const role of roles) await ajouterRole(base.db, compte.id, role)
  const resultat: CompteDeTest = { id: compte.id, courriel, motDePasse: MOT_DE_PASSE }
  if (options.totp) {
    const secret = nouveauSecretTotp()
    await enregistrerTotp(base.db, compte.id, { totpSecret: secret, totpActif: true, totpDernierPas: null })
    resultat.totpSecret = secret
  }
  return resultat
}

/** The cookies a response sets, as a Cookie header value merged into `avant`. */
export function cookiesApres(reponse: Response, avant = ''): string {
  const jar = new Map<string, string>()
  for (const morceau of avant.split(';')) {
    const i = morceau.indexOf('=')
    if (i > 0) jar.set(morceau.slice(0, i).trim(), morceau.slice(i + 1).trim())
  }
  for (const entete of reponse.headers.getSetCookie()) {
    const [paire] = entete.split(';')
    const i = paire?.indexOf('=') ?? -1
    if (!paire || i <= 0) continue
    const nom = paire.slice(0, i).trim()
    const valeur = paire.slice(i + 1).trim()
    if (valeur === '' || /max-age=0/i.test(entete)) jar.delete(nom)
    else jar.set(nom, valeur)
  }
  return [...jar].map(([n, v]) => `${n}=${v}`).join('; ')
}

/** The value of the hidden anti-forgery field of a page. */
export function jetonDeLaPage(html: string): string {
  const m = html.match(/name="jeton" value="([^"]+)"/)
  if (!m?.[1]) throw new Error('pas de jeton dans la page')
  return m[1]
}

export interface Navigateur {
  cookie: string
  get(chemin: string): Promise<Response>
  /** Posts a form with this browser's cookies and the anti-forgery token of `depuis` (a page), unless `jeton` is given. */
  post(chemin: string, champs: Record<string, string | string[]>, options?: { jeton?: string | null; depuis?: string }): Promise<Response>
}

export function navigateur(url: string, cookie = ''): Navigateur {
  const nav: Navigateur = {
    cookie,
    async get(chemin) {
      const r = await fetch(url + chemin, { redirect: 'manual', headers: nav.cookie ? { cookie: nav.cookie } : {} })
      nav.cookie = cookiesApres(r, nav.cookie)
      return r
    },
    async post(chemin, champs, options = {}) {
      let jeton = options.jeton
      if (jeton === undefined) {
        const page = await nav.get(options.depuis ?? '/espace')
        jeton = jetonDeLaPage(await page.text())
      }
      const corps = new URLSearchParams()
      for (const [k, v] of Object.entries(champs)) for (const x of Array.isArray(v) ? v : [v]) corps.append(k, x)
      if (jeton !== null) corps.set('jeton', jeton)
      const r = await fetch(url + chemin, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(nav.cookie ? { cookie: nav.cookie } : {}) },
        body: corps.toString(),
      })
      nav.cookie = cookiesApres(r, nav.cookie)
      return r
    },
  }
  return nav
}

/** Signs in through the forms (password, then the TOTP code when the account has one). */
export async function seConnecter(url: string, compte: CompteDeTest, maintenant = Date.now()): Promise<Navigateur> {
  const nav = navigateur(url)
  const r = await nav.post('/connexion', { courriel: compte.courriel, mot_de_passe: compte.motDePasse }, { depuis: '/connexion' })
  if (r.status !== 303) throw new Error(`connexion refusée (${r.status})`)
  if (r.headers.get('location')?.startsWith('/connexion/code')) {
    if (!compte.totpSecret) throw new Error('code demandé sans secret')
    const code = codeTotp(compte.totpSecret, pasTotp(maintenant))
    const r2 = await nav.post('/connexion/code', { code }, { depuis: '/connexion/code' })
    if (r2.status !== 303) throw new Error(`code refusé (${r2.status})`)
  }
  return nav
}
