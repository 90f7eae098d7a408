/**
 * The accounts' journeys over real HTTP, with the security bars of the issue: cookie flags,
 * no session fixation, no account enumeration, rate limits (429), reset and invitation links
 * single-use and expiring, the second factor (mandatory for administrators, codes never
 * accepted twice), « se déconnecter partout », idle expiry — and no password, token, e-mail
 * or TOTP secret in the server's log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { courrielsRecents } from '../../src/mail/boite.ts'
import { codeTotp, pasTotp } from '../../src/accounts/secrets/totp.ts'
import { creerCompte, jetonDeLaPage, MOT_DE_PASSE, navigateur, seConnecter } from '../support/comptes.ts'
import { demarrer, texte, type ServeurDeTest } from './serveur-de-test.ts'

const lienDuCourriel = (corps: string | null, chemin: string) => {
  const m = corps?.match(new RegExp(`https?://[^\\s]+${chemin}\\?jeton=([A-Za-z0-9_-]+)`))
  if (!m?.[1]) throw new Error(`pas de lien ${chemin} dans le courriel`)
  return m[1]
}

describe('comptes : connexion, sessions, liens, double authentification', () => {
  let s: ServeurDeTest
  let lieu: number
  const secrets: string[] = []

  beforeAll(async () => {
    s = await demarrer({ nombre: 10, journal: true, env: { AIGUILLAGE_URL_PUBLIQUE: 'https://inclusion.exemple.fr' } })
    const { rows } = (await s.base.db.execute(sql`select uid from lieux order by uid limit 1`)) as unknown as { rows: Array<{ uid: number }> }
    lieu = Number(rows[0]?.uid)
    secrets.push(MOT_DE_PASSE)
  }, 60_000)
  afterAll(async () => {
    await s?.fermer()
  })

  it('une connexion réussie pose un cookie HttpOnly, SameSite=Lax, Secure (adresse publique https), et un nouveau jeton : pas de fixation de session', async () => {
    const compte = await creerCompte(s.base, 'camille@exemple.fr', [{ role: 'gestionnaire', lieuUid: lieu }])
    const nav = navigateur(s.url, 'aiguillage_session=jetonchoisiparunattaquantaaaaaaaaaaaaaaaaaaaa')
    const r = await nav.post('/connexion', { courriel: 'Camille@Exemple.fr ', mot_de_passe: compte.motDePasse }, { depuis: '/connexion' })
    expect(r.status).toBe(303)
    const cookie = r.headers.getSetCookie().find((c) => c.startsWith('aiguillage_session='))
    expect(cookie).toMatch(/; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200; Secure$/)
    expect(nav.cookie).not.toContain('jetonchoisiparunattaquant')
    expect((await nav.get('/espace')).status).toBe(200)
    // the attacker's token opens nothing
    expect((await navigateur(s.url, 'aiguillage_session=jetonchoisiparunattaquantaaaaaaaaaaaaaaaaaaaa').get('/espace')).status).toBe(303)
  })

  it('mauvais mot de passe et adresse inconnue : même réponse, même message (pas d’énumération des comptes)', async () => {
    await creerCompte(s.base, 'dominique@exemple.fr', [{ role: 'gestionnaire', lieuUid: lieu }])
    const essai = async (courriel: string) => {
      const r = await navigateur(s.url).post('/connexion', { courriel, mot_de_passe: 'pas le bon mot de passe' }, { depuis: '/connexion' })
      const page = texte(await r.text())
      return { statut: r.status, message: page.match(/Adresse électronique ou mot de passe incorrect\./)?.[0], titre: page.slice(0, 40) }
    }
    const connu = await essai('dominique@exemple.fr')
    const inconnu = await essai('personne-de-connu@exemple.fr')
    expect(connu).toEqual(inconnu)
    expect(connu.statut).toBe(401)
    expect(connu.message).toBeDefined()
  })

  it('après 5 échecs sur un compte, même le bon mot de passe attend (429 et Retry-After)', async () => {
    const compte = await creerCompte(s.base, 'eden@exemple.fr', [{ role: 'gestionnaire', lieuUid: lieu }])
    const nav = navigateur(s.url)
    for (let i = 0; i < 5; i++) expect((await nav.post('/connexion', { courriel: compte.courriel, mot_de_passe: `faux ${i}` }, { depuis: '/connexion' })).status).toBe(401)
    const r = await nav.post('/connexion', { courriel: compte.courriel, mot_de_passe: compte.motDePasse }, { depuis: '/connexion' })
    expect(r.status).toBe(429)
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(800)
    expect(texte(await r.text())).toContain('Réessayez dans 15 minutes')
  })

  it('mot de passe oublié : même page pour une adresse connue ou non, un seul courriel, lien à usage unique qui ferme les sessions', async () => {
    const compte = await creerCompte(s.base, 'farah@exemple.fr', [{ role: 'gestionnaire', lieuUid: lieu }])
    const ancienne = await seConnecter(s.url, compte)
    const demande = async (courriel: string) => navigateur(s.url).post('/mot-de-passe-oublie', { courriel }, { depuis: '/mot-de-passe-oublie' })
    const [connue, inconnue] = [await demande('farah@exemple.fr'), await demande('inconnue@exemple.fr')]
    expect([connue.status, connue.headers.get('location')]).toEqual([inconnue.status, inconnue.headers.get('location')])
    const courriels = await courrielsRecents(s.base.db, { destinataire: 'farah@exemple.fr' })
    expect(courriels).toHaveLength(1)
    expect((await courrielsRecents(s.base.db, { destinataire: 'inconnue@exemple.fr' })).length).toBe(0)
    const lien = lienDuCourriel(courriels[0]?.texte ?? null, '/reinitialiser')
    expect(courriels[0]?.texte).toContain('https://inclusion.exemple.fr/reinitialiser?jeton=')
    secrets.push(lien)
    const nav = navigateur(s.url)
    const page = await nav.get(`/reinitialiser?jeton=${lien}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    const jeton = jetonDeLaPage(await page.text())
    const faible = await nav.post('/reinitialiser', { lien, mot_de_passe: 'motdepasse123', confirmation: 'motdepasse123' }, { jeton })
    expect(faible.status).toBe(400)
    expect(texte(await faible.text())).toContain('les plus courants')
    const nouveau = 'un nouveau mot de passe bien choisi'
    secrets.push(nouveau)
    const ok = await nav.post('/reinitialiser', { lien, mot_de_passe: nouveau, confirmation: nouveau }, { jeton })
    expect(ok.headers.get('location')).toBe('/connexion?fait=reinitialise')
    // single use; the old session is closed; the new password works
    expect((await nav.get(`/reinitialiser?jeton=${lien}`)).status).toBe(410)
    expect((await nav.post('/reinitialiser', { lien, mot_de_passe: 'encore un autre mot de passe', confirmation: 'encore un autre mot de passe' }, { jeton })).status).toBe(410)
    expect((await ancienne.get('/espace')).status).toBe(303)
    await seConnecter(s.url, { ...compte, motDePasse: nouveau })
  })

  it('un lien de réinitialisation expiré ne sert plus', async () => {
    await creerCompte(s.base, 'gael@exemple.fr', [{ role: 'gestionnaire', lieuUid: lieu }])
    await navigateur(s.url).post('/mot-de-passe-oublie', { courriel: 'gael@exemple.fr' }, { depuis: '/mot-de-passe-oublie' })
    const lien = lienDuCourriel((await courrielsRecents(s.base.db, { destinataire: 'gael@exemple.fr' }))[0]?.texte ?? null, '/reinitialiser')
    secrets.push(lien)
    await s.base.db.execute(sql`update jetons set expire_le = now() - interval '1 minute' where type = 'reinitialisation'`)
    expect((await navigateur(s.url).get(`/reinitialiser?jeton=${lien}`)).status).toBe(410)
  })

  it('invitation : un coordinateur invite le gestionnaire d’un lieu ; le lien crée le compte une seule fois ; le rôle est donné', async () => {
    const coordinateur = await creerCompte(s.base, 'hugo@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }])
    const nav = await seConnecter(s.url, coordinateur)
    const r = await nav.post(`/espace/lieux/${lieu}/inviter`, { courriel: 'ines@exemple.fr', nom: 'Inès', role: 'gestionnaire' }, { depuis: `/espace/lieux/${lieu}` })
    expect(r.headers.get('location')).toBe(`/espace/lieux/${lieu}?fait=invite`)
    const courriel = (await courrielsRecents(s.base.db, { destinataire: 'ines@exemple.fr' }))[0]
    expect(courriel?.sujet).toContain('Invitation')
    expect(courriel?.texte).toContain('gestionnaire de lieu')
    const lien = lienDuCourriel(courriel?.texte ?? null, '/invitation')
    secrets.push(lien)
    const invitee = navigateur(s.url)
    const page = await invitee.get(`/invitation?jeton=${lien}`)
    const html = await page.text()
    expect(texte(html)).toContain('ines@exemple.fr')
    const motDePasse = 'le jardin de la médiathèque en avril'
    secrets.push(motDePasse)
    const ok = await invitee.post('/invitation', { lien, nom: 'Inès Martin', mot_de_passe: motDePasse, confirmation: motDePasse }, { jeton: jetonDeLaPage(html) })
    expect(ok.headers.get('location')).toBe('/connexion?fait=cree')
    expect((await invitee.get(`/invitation?jeton=${lien}`)).status).toBe(410)
    const connectee = await seConnecter(s.url, { id: 0, courriel: 'ines@exemple.fr', motDePasse })
    const fiche = await connectee.get(`/espace/lieux/${lieu}`)
    expect(fiche.status).toBe(200)
    // the manager sees the place's quality score and what would improve it, and the workspace's navigation above the title
    const pageFiche = await fiche.text()
    expect(texte(pageFiche)).toMatch(/Qualité de la fiche : \d+ %/)
    expect(pageFiche.indexOf('class="barre-espace"')).toBeLessThan(pageFiche.indexOf('<h1>'))
    // the workspace's style sheet comes with its pages only (public pages carry one <style>)
    expect(pageFiche.match(/<style>/g)).toHaveLength(2)
  })

  it('un administrateur doit activer la double authentification ; ensuite le code est demandé et ne sert qu’une fois', async () => {
    const admin = await creerCompte(s.base, 'jade@exemple.fr', [{ role: 'administrateur' }])
    const nav = await seConnecter(s.url, admin)
    const bloque = await nav.get('/admin/comptes')
    expect(bloque.headers.get('location')).toBe('/compte/double-authentification')
    const page = await nav.get('/compte/double-authentification')
    const html = await page.text()
    expect(html).toContain('<svg')
    const secret = (await s.base.db.execute(sql`select totp_secret from utilisateurs where courriel = 'jade@exemple.fr'`)) as unknown as { rows: Array<{ totp_secret: string }> }
    const cle = secret.rows[0]?.totp_secret ?? ''
    secrets.push(cle)
    const maintenant = Date.now()
    const faux = await nav.post('/compte/double-authentification', { code: '000000' === codeTotp(cle, pasTotp(maintenant)) ? '111111' : '000000' }, { jeton: jetonDeLaPage(html) })
    expect(faux.status).toBe(400)
    const code = codeTotp(cle, pasTotp(maintenant))
    expect((await nav.post('/compte/double-authentification', { code }, { jeton: jetonDeLaPage(html) })).headers.get('location')).toBe('/compte?fait=totp')
    expect((await nav.get('/admin/comptes')).status).toBe(200)
    // a new sign-in asks for a code; the code just used is refused (replay); the waiting session opens nothing else
    const autre = navigateur(s.url)
    const r = await autre.post('/connexion', { courriel: admin.courriel, mot_de_passe: admin.motDePasse }, { depuis: '/connexion' })
    expect(r.headers.get('location')).toMatch(/^\/connexion\/code/)
    expect((await autre.get('/espace')).headers.get('location')).toBe('/connexion/code')
    const cookieEnAttente = autre.cookie
    const rejoue = await autre.post('/connexion/code', { code }, { depuis: '/connexion/code' })
    expect(rejoue.status).toBe(401)
    const suivant = codeTotp(cle, pasTotp(maintenant) + 1)
    expect((await autre.post('/connexion/code', { code: suivant }, { depuis: '/connexion/code' })).status).toBe(303)
    expect((await autre.get('/admin/comptes')).status).toBe(200)
    // the waiting session's token was replaced at the code step
    expect(autre.cookie).not.toBe(cookieEnAttente)
    expect((await navigateur(s.url, cookieEnAttente).get('/connexion/code')).headers.get('location')).toMatch(/^\/connexion\?retour=/)
  })

  it('un coordinateur relance d’un coup les gestionnaires des fiches à mettre à jour de son territoire', async () => {
    const coordinateur = await creerCompte(s.base, 'rose@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }])
    await creerCompte(s.base, 'sacha@exemple.fr', [{ role: 'gestionnaire', lieuUid: lieu }])
    await s.base.db.execute(sql`update lieux set date_maj = '2024-01-01' where uid = ${lieu}`)
    const nav = await seConnecter(s.url, coordinateur)
    const page = await nav.get('/espace/lieux?filtre=a_mettre_a_jour')
    expect(texte(await page.text())).toContain('Relancer les gestionnaires')
    const r = await nav.post('/espace/rappels', {}, { depuis: '/espace/lieux?filtre=a_mettre_a_jour' })
    const retour = r.headers.get('location') ?? ''
    expect(retour).toMatch(/^\/espace\/lieux\?filtre=a_mettre_a_jour&fait=relances&n=1-\d+-\d+-0$/)
    expect(texte(await (await nav.get(retour)).text())).toMatch(/1 fiche\(s\) relancée\(s\)/)
    expect((await courrielsRecents(s.base.db, { destinataire: 'sacha@exemple.fr' }))[0]?.sujet).toContain('Merci de vérifier la fiche')
    // a second round within the week reminds nobody again
    const encore = await nav.post('/espace/rappels', {}, { depuis: '/espace/lieux?filtre=a_mettre_a_jour' })
    expect(encore.headers.get('location')).toMatch(/&n=0-0-\d+-1$/)
  })

  it('« se déconnecter partout » ferme toutes les sessions du compte', async () => {
    const compte = await creerCompte(s.base, 'kim@exemple.fr', [{ role: 'gestionnaire', lieuUid: lieu }])
    const a = await seConnecter(s.url, compte)
    const b = await seConnecter(s.url, compte)
    expect((await a.post('/compte/deconnexion-partout', {}, { depuis: '/compte' })).headers.get('location')).toBe('/connexion?fait=partout')
    expect((await b.get('/espace')).headers.get('location')).toBe('/connexion?retour=%2Fespace')
  })

  it('une session inactive depuis plus de 2 heures est close', async () => {
    const compte = await creerCompte(s.base, 'lou@exemple.fr', [{ role: 'gestionnaire', lieuUid: lieu }])
    const nav = await seConnecter(s.url, compte)
    await s.base.db.execute(sql`update sessions set vu_le = now() - interval '121 minutes' where utilisateur_id = ${compte.id}`)
    expect((await nav.get('/espace')).status).toBe(303)
    const { rows } = (await s.base.db.execute(sql`select count(*)::int as n from sessions where utilisateur_id = ${compte.id}`)) as unknown as { rows: Array<{ n: number }> }
    expect(rows[0]?.n).toBe(0)
  })

  it('une adresse de retour vers un autre site est ignorée (pas de redirection ouverte)', async () => {
    const compte = await creerCompte(s.base, 'max@exemple.fr', [{ role: 'gestionnaire', lieuUid: lieu }])
    const nav = navigateur(s.url)
    const r = await nav.post('/connexion', { courriel: compte.courriel, mot_de_passe: compte.motDePasse, retour: '//exemple.com/piege' }, { depuis: '/connexion' })
    expect(r.headers.get('location')).toBe('/espace')
  })

  it('le journal du serveur ne contient ni mot de passe, ni jeton, ni adresse électronique, ni secret', () => {
    const journal = s.journal.join('\n')
    expect(journal.length).toBeGreaterThan(1000)
    for (const secret of secrets) expect(journal).not.toContain(secret)
    expect(journal).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/)
    expect(journal).not.toMatch(/jeton=/)
    expect(journal).not.toContain('aiguillage_session')
  })
})

describe('limite par adresse', () => {
  it('après 20 échecs depuis une même adresse, sur des comptes différents, même un bon mot de passe attend (429)', async () => {
    const s = await demarrer({ nombre: 0 })
    try {
      const compte = await creerCompte(s.base, 'nina@exemple.fr', [{ role: 'administrateur' }])
      const nav = navigateur(s.url)
      for (let i = 0; i < 20; i++) {
        const r = await nav.post('/connexion', { courriel: `personne${i}@exemple.fr`, mot_de_passe: 'essai au hasard' }, { depuis: '/connexion' })
        expect(r.status).toBe(401)
      }
      const r = await nav.post('/connexion', { courriel: compte.courriel, mot_de_passe: compte.motDePasse }, { depuis: '/connexion' })
      expect(r.status).toBe(429)
      expect(r.headers.get('retry-after')).toMatch(/^\d+$/)
      // the counters hold no e-mail and no address in clear
      const { rows } = (await s.base.db.execute(sql`select string_agg(cle, ' ') as cles from limites`)) as unknown as { rows: Array<{ cles: string }> }
      expect(rows[0]?.cles).not.toMatch(/@|127\.0\.0\.1/)
    } finally {
      await s.fermer()
    }
  })
})

describe('secrets TOTP chiffrés au repos (AIGUILLAGE_CLE_SECRETS)', () => {
  it('la base ne garde que le secret chiffré, et la connexion avec le code fonctionne', async () => {
    const s = await demarrer({ nombre: 0, env: { AIGUILLAGE_CLE_SECRETS: Buffer.alloc(32, 7).toString('base64') } })
    try {
      const admin = await creerCompte(s.base, 'olga@exemple.fr', [{ role: 'administrateur' }])
      const nav = await seConnecter(s.url, admin)
      const html = await (await nav.get('/compte/double-authentification')).text()
      const cle = (html.match(/<code class="code">([A-Z2-7 ]+)<\/code>/)?.[1] ?? '').replace(/ /g, '')
      expect(cle).toMatch(/^[A-Z2-7]{32}$/)
      const maintenant = Date.now()
      const r = await nav.post('/compte/double-authentification', { code: codeTotp(cle, pasTotp(maintenant)) }, { jeton: jetonDeLaPage(html) })
      expect(r.headers.get('location')).toBe('/compte?fait=totp')
      const { rows } = (await s.base.db.execute(sql`select totp_secret from utilisateurs where id = ${admin.id}`)) as unknown as { rows: Array<{ totp_secret: string }> }
      expect(rows[0]?.totp_secret).toMatch(/^v1:/)
      expect(rows[0]?.totp_secret).not.toContain(cle)
      await seConnecter(s.url, { ...admin, totpSecret: cle }, maintenant + 30_000)
    } finally {
      await s.fermer()
    }
  })
})
