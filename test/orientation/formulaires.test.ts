/**
 * The two POST forms of orientation over real HTTP: « Signaler une erreur » (stored, redirected
 * to a confirmation, errors shown with status 400 and values kept, refused without our
 * anti-forgery token or from another site) and the orientation sheet (rendered for print, sent
 * `no-store`, and nothing typed ever reaches the log nor the database).
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signalements } from '../../src/platform/db/schema.ts'
import { feuilleEnLigne, texte } from '../http/serveur-de-test.ts'
import { demarrerOrientation, type ServeurOrientation } from './serveur.ts'

let serveur: ServeurOrientation
let uid: string

const formulaire = (valeurs: Record<string, string | string[]>) => {
  const corps = new URLSearchParams()
  for (const [nom, v] of Object.entries(valeurs)) for (const x of Array.isArray(v) ? v : [v]) corps.append(nom, x)
  return corps.toString()
}

const poster = (chemin: string, valeurs: Record<string, string | string[]>, entetes: Record<string, string> = {}) =>
  fetch(`${serveur.url}${chemin}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...entetes },
    body: formulaire(valeurs),
  })

/** The report form's token and cookie, as a browser gets them. */
async function ouvrirFormulaire(): Promise<{ jeton: string; cookie: string; html: string }> {
  const reponse = await fetch(`${serveur.url}/lieux/${uid}/signaler`)
  const html = await reponse.text()
  const entete = reponse.headers.get('set-cookie') ?? ''
  const cookie = entete.split(';')[0] ?? ''
  const jeton = html.match(/<input type="hidden" name="jeton" value="([^"]+)"/)?.[1] ?? ''
  return { jeton, cookie, html }
}

const compterSignalements = async () => (await serveur.base.db.select().from(signalements)).length

beforeAll(async () => {
  serveur = await demarrerOrientation({ nombre: 30, journal: true })
  const liste = await (await fetch(`${serveur.url}/lieux`)).text()
  uid = liste.match(/<a href="\/lieux\/(\d+)">/)?.[1] as string
})
afterAll(() => serveur?.fermer())

describe('signaler une erreur', () => {
  it('le formulaire : rubriques, message, contact facultatif et dit comme tel, jeton en champ caché et en cookie strict', async () => {
    const reponse = await fetch(`${serveur.url}/lieux/${uid}/signaler`)
    expect(reponse.status).toBe(200)
    const cookie = reponse.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^aiguillage_jeton=[A-Za-z0-9_-]{32}; Path=\/; HttpOnly; SameSite=Strict/)
    const html = await reponse.text()
    expect(html).toContain(`<form method="post" action="/lieux/${uid}/signaler"`)
    expect(html).toContain(`<input type="hidden" name="jeton" value="${cookie.split(';')[0]?.split('=')[1]}"/>`)
    for (const libelle of ['Les horaires', 'L’adresse ou l’accès', 'Le lieu n’existe plus ou a fermé']) expect(texte(html)).toContain(libelle)
    expect(texte(html)).toContain('Votre adresse électronique ou votre téléphone (facultatif)')
    expect(texte(html)).toContain('Il servira uniquement à vous répondre')
    expect(reponse.headers.get('cache-control')).toBe('no-store')
  })

  it('un signalement valide est enregistré, puis la personne est redirigée vers la confirmation', async () => {
    const { jeton, cookie } = await ouvrirFormulaire()
    const avant = await compterSignalements()
    const reponse = await poster(
      `/lieux/${uid}/signaler`,
      { jeton, rubriques: ['horaires', 'contacts'], message: 'Le lieu est maintenant ouvert le samedi matin.', contact: 'lecteur@exemple.example' },
      { cookie, origin: serveur.url, 'sec-fetch-site': 'same-origin' },
    )
    expect(reponse.status).toBe(303)
    expect(reponse.headers.get('location')).toBe(`/lieux/${uid}/signaler/merci`)
    const lignes = await serveur.base.db.select().from(signalements)
    expect(lignes).toHaveLength(avant + 1)
    const dernier = lignes[lignes.length - 1]
    expect(dernier).toMatchObject({ lieuUid: Number(uid), rubriques: ['horaires', 'contacts'], message: 'Le lieu est maintenant ouvert le samedi matin.', contact: 'lecteur@exemple.example', statut: 'nouveau' })
    const merci = await fetch(`${serveur.url}/lieux/${uid}/signaler/merci`)
    expect(merci.status).toBe(200)
    const html = await merci.text()
    expect(html).toContain('<h1>Merci, votre signalement est bien envoyé</h1>')
    expect(html).toContain(`<a href="/lieux/${uid}">`)
    // without a contact: stored with none
    const sans = await poster(`/lieux/${uid}/signaler`, { jeton, rubriques: 'ferme', message: 'Fermé depuis septembre.', contact: '  ' }, { cookie })
    expect(sans.status).toBe(303)
    const [, ...reste] = (await serveur.base.db.select().from(signalements)).reverse()
    expect(reste.length).toBe(avant + 1)
    expect((await serveur.base.db.select().from(signalements)).find((s) => s.message === 'Fermé depuis septembre.')?.contact).toBeNull()
  })

  it('un signalement incomplet : statut 400, résumé des erreurs en haut, message à chaque champ, valeurs gardées, rien d’enregistré', async () => {
    const { jeton, cookie } = await ouvrirFormulaire()
    const avant = await compterSignalements()
    const reponse = await poster(`/lieux/${uid}/signaler`, { jeton, message: 'ab', contact: 'moi@exemple.example' }, { cookie })
    expect(reponse.status).toBe(400)
    const html = await reponse.text()
    expect(html).toMatch(/<title>Erreur : /)
    const resume = html.match(/<div class="resume-erreurs".*?<\/div>/s)?.[0] ?? ''
    expect(resume).toContain('<a href="#rubriques">Choisissez au moins une chose qui est inexacte.</a>')
    expect(resume).toContain('<a href="#message">Décrivez l’erreur en quelques mots (5 caractères au moins).</a>')
    expect(html.indexOf('resume-erreurs')).toBeLessThan(html.indexOf('<form'))
    expect(html).toContain('id="rubriques-erreur"')
    expect(html).toContain('id="message-erreur"')
    expect(html).toMatch(/<textarea id="message" name="message"[^>]*aria-invalid="true"[^>]*>ab<\/textarea>/)
    expect(html).toContain('value="moi@exemple.example"')
    expect(html).toContain(`name="jeton" value="${jeton}"`)
    expect(reponse.headers.get('cache-control')).toBe('no-store')
    const inconnue = await poster(`/lieux/${uid}/signaler`, { jeton, rubriques: 'pirate', message: 'Une rubrique inventée.' }, { cookie })
    expect(inconnue.status).toBe(400)
    expect(texte(await inconnue.text())).toContain('Choisissez ce qui est inexact dans la liste.')
    expect(await compterSignalements()).toBe(avant)
  })

  it('sans le jeton du formulaire, ou venu d’un autre site : refusé (403), rien d’enregistré', async () => {
    const { jeton, cookie } = await ouvrirFormulaire()
    const avant = await compterSignalements()
    const valeurs = { rubriques: 'horaires', message: 'Tentative depuis un autre site.' }
    const essais: Array<[string, Record<string, string>, Record<string, string>]> = [
      ['sans cookie ni jeton', valeurs, {}],
      ['jeton sans cookie', { ...valeurs, jeton }, {}],
      ['cookie sans jeton', valeurs, { cookie }],
      ['jeton différent du cookie', { ...valeurs, jeton: 'A'.repeat(32) }, { cookie }],
      ['depuis un autre site (Sec-Fetch-Site)', { ...valeurs, jeton }, { cookie, 'sec-fetch-site': 'cross-site' }],
      ['depuis une autre origine (Origin)', { ...valeurs, jeton }, { cookie, origin: 'https://malveillant.example' }],
    ]
    for (const [nom, corps, entetes] of essais) {
      const reponse = await poster(`/lieux/${uid}/signaler`, corps, entetes)
      expect(reponse.status, nom).toBe(403)
      expect(texte(await reponse.text()), nom).toContain('Le formulaire n’a pas pu être envoyé')
    }
    expect(await compterSignalements()).toBe(avant)
    // the same, with the token and cookie: accepted
    expect((await poster(`/lieux/${uid}/signaler`, { ...valeurs, jeton }, { cookie })).status).toBe(303)
  })

  it('un lieu inconnu : 404', async () => {
    expect((await fetch(`${serveur.url}/lieux/999999/signaler`)).status).toBe(404)
    expect((await poster('/lieux/999999/signaler', { message: 'x' })).status).toBe(404)
    expect((await fetch(`${serveur.url}/lieux/abc/fiche`)).status).toBe(404)
  })
})

describe('fiche d’orientation', () => {
  const saisies = {
    aidant: 'Camille Aidante-Xq7',
    structure: 'CCAS de Zorglubville',
    prenom: 'Prénomunique-Kw3',
    note: 'Demandez Mme Ombrelune-Tz9 mardi matin.',
    demarche: 'impots',
  }

  it('le formulaire propose les démarches et dit que rien n’est enregistré', async () => {
    const reponse = await fetch(`${serveur.url}/lieux/${uid}/fiche`)
    expect(reponse.status).toBe(200)
    expect(reponse.headers.get('cache-control')).toBe('no-store')
    const html = await reponse.text()
    expect(html).toContain(`<form method="post" action="/lieux/${uid}/fiche"`)
    for (const id of ['caf', 'impots', 'sante', 'emploi', 'papiers', 'retraite']) expect(html).toMatch(new RegExp(`<input type="radio" id="[^"]+" name="demarche" value="${id}"`))
    expect(texte(html)).toContain('Rien de ce que vous écrivez n’est enregistré.')
  })

  it('envoyée : la fiche à imprimer, no-store ; rien de ce qui a été tapé n’atteint le journal ni la base', async () => {
    const debutJournal = serveur.journal.length
    const reponse = await poster(`/lieux/${uid}/fiche`, saisies)
    expect(reponse.status).toBe(200)
    expect(reponse.headers.get('cache-control')).toBe('no-store')
    const html = await reponse.text()
    const lu = texte(html)
    expect(html).toContain('<body class="feuille-a4">')
    expect(lu).toContain('Prénomunique-Kw3, voici le lieu où l’on peut vous aider pour : Impôts.')
    expect(html).toMatch(/<table class="tableau"><caption>Horaires de la semaine du /)
    expect(lu).toContain('Ce qu’il faut apporter')
    for (const chose of ['Votre numéro fiscal', 'Votre dernier avis d’impôt', 'Votre téléphone portable, chargé', 'Votre adresse électronique et vos mots de passe']) expect(lu).toContain(chose)
    expect(lu).not.toContain('carte Vitale')
    expect(lu).toContain('Demandez Mme Ombrelune-Tz9 mardi matin.')
    expect(lu).toMatch(/Camille Aidante-Xq7, CCAS de Zorglubville, le \d/)
    expect(html).toMatch(/<a href="tel:\+33\d{9}">/)

    // the log has the request, without anything typed
    const journal = serveur.journal.slice(debutJournal).join('')
    expect(journal).toContain('"route":"/lieux/:uid/fiche"')
    expect(journal).toContain('"methode":"POST"')
    // the database: no table holds any of the values
    const tables = (await serveur.base.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)) as unknown as { rows: Array<{ table_name: string }> }
    expect(tables.rows.length).toBeGreaterThan(3)
    let contenu = ''
    for (const { table_name } of tables.rows) {
      const lignes = (await serveur.base.db.execute(sql.raw(`select t::text as ligne from "${table_name}" t`))) as unknown as { rows: Array<{ ligne: string }> }
      contenu += lignes.rows.map((l) => l.ligne).join('\n')
    }
    expect(contenu.length).toBeGreaterThan(1000)
    // each value whole, and its unique marker alone (encodings aside)
    const morceaux = [...Object.entries(saisies).filter(([champ]) => champ !== 'demarche').map(([, v]) => v), 'Xq7', 'Kw3', 'Tz9', 'Zorglubville', 'Ombrelune']
    const toutLeJournal = serveur.journal.join('')
    for (const morceau of morceaux) {
      expect(toutLeJournal.includes(morceau), `journal : ${morceau}`).toBe(false)
      expect(contenu.includes(morceau), `base : ${morceau}`).toBe(false)
    }
    expect(journal).not.toContain('Prénomunique')
  })

  it('sans nom ni structure : 400, erreurs, valeurs gardées, toujours no-store', async () => {
    const reponse = await poster(`/lieux/${uid}/fiche`, { ...saisies, aidant: '', structure: ' ' })
    expect(reponse.status).toBe(400)
    expect(reponse.headers.get('cache-control')).toBe('no-store')
    const html = await reponse.text()
    expect(html).toContain('<a href="#aidant">')
    expect(html).toContain('<a href="#structure">')
    expect(html).toContain('value="Prénomunique-Kw3"')
    expect(html).toMatch(/name="demarche" value="impots" checked/)
  })

  it('la feuille de style met la fiche sur une page A4', async () => {
    const html = await (await fetch(`${serveur.url}/`)).text()
    const css = feuilleEnLigne(html)
    expect(css).toMatch(/@media print\{\s*@page\{size: A4;/)
    expect(css).toContain('.feuille-a4 .entete, .feuille-a4 .pied{display: none;}')
  })
})
