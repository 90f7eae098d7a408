/**
 * The public pages over real HTTP: statuses, security headers, structure (lang, one h1, demo
 * banner, no script), list search and pagination, the place page, assets and `/sante`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lireTerritoire, TerritoireInconnuError } from '../../src/territories/territoire.ts'
import { referentiel } from '../../src/territories/referentiel.ts'
import { POLITIQUE_CONTENU } from '../../src/platform/http/entetes.ts'
import { createHash } from 'node:crypto'
import { demarrer, feuilleEnLigne, lieuxDemo, NOM_TERRITOIRE, texte, tous, type LigneDemo, type ServeurDeTest } from './serveur-de-test.ts'

let serveur: ServeurDeTest
let generes: LigneDemo[]

const get = (chemin: string, init?: RequestInit) => fetch(`${serveur.url}${chemin}`, { redirect: 'manual', ...init })
const page = async (chemin: string, statut = 200) => {
  const reponse = await get(chemin)
  expect(reponse.status, chemin).toBe(statut)
  return { reponse, html: await reponse.text() }
}

/** Names (`<h3>` links) of a list page. */
const noms = (html: string) => tous(html, /<h3><a href="\/lieux\/\d+">([^<]*)<\/a><\/h3>/g).map(texte)

beforeAll(async () => {
  serveur = await demarrer({ nombre: 60 })
  generes = lieuxDemo(60)
})
afterAll(() => serveur?.fermer())

describe('chaque page', () => {
  const chemins: Array<[string, number]> = [
    ['/', 200],
    ['/lieux', 200],
    ['/lieux?q=zzzzzz', 200],
    ['/lieux?territoire=nulle-part', 400],
    ['/lieux/1', 200],
    ['/lieux/abc', 404],
    ['/lieux/999999', 404],
    ['/lieux/0', 404],
    ['/nexiste/pas', 404],
    ['/%E0%A4%A', 400],
  ]

  it.each(chemins)('%s : statut, en-têtes de sécurité, lang="fr", un seul h1, bandeau de démonstration, aucun script en ligne', async (chemin, statut) => {
    const { reponse, html } = await page(chemin, statut)
    expect(reponse.headers.get('content-security-policy')).toBe(POLITIQUE_CONTENU)
    expect(reponse.headers.get('x-content-type-options')).toBe('nosniff')
    expect(reponse.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    // « Autour de moi » asks for the position on the start page only
    expect(reponse.headers.get('permissions-policy')).toContain(chemin === '/' ? 'geolocation=(self)' : 'geolocation=()')
    expect(reponse.headers.get('cross-origin-opener-policy')).toBe('same-origin')
    expect(reponse.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(html.startsWith('<!doctype html><html lang="fr">')).toBe(true)
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
    expect(html).toContain('Données de démonstration : ces lieux sont fictifs.')
    expect(html).toContain(NOM_TERRITOIRE)
    expect(html).toContain('<a class="evitement" href="#contenu">Aller au contenu</a>')
    expect(html).toMatch(/<main id="contenu"/)
    expect(html).toContain('<a href="/api">données ouvertes et API</a>')
    // no inline script: only our own files from /assets (progressive enhancement)
    expect(html).not.toMatch(/<script(?![^>]*\ssrc="\/assets\/[\w.-]+\.js")/i)
    expect(html).not.toMatch(/\sstyle=/i)
    expect(html).not.toMatch(/\son[a-z]+=/i)
    // one <style> element, the design system, allowed by the hash of its text and by nothing wider
    // (the second hash is the workspace's sheet, written in the signed-in pages only)
    const empreinte = createHash('sha256').update(feuilleEnLigne(html), 'utf8').digest('base64')
    expect(POLITIQUE_CONTENU).toMatch(new RegExp(`style-src 'self' 'sha256-${empreinte.replace(/[+/]/g, '\\$&')}' 'sha256-[A-Za-z0-9+/=]+';`))
    expect(POLITIQUE_CONTENU).not.toContain('unsafe-inline')
    expect(html).not.toMatch(/<link rel="stylesheet"/)
  })

  it('les en-têtes de sécurité accompagnent aussi le JSON et les fichiers statiques', async () => {
    const { html } = await page('/')
    const js = html.match(/src="(\/assets\/aiguillage\.[0-9a-f]{12}\.js)"/)?.[1]
    expect(js).toBeDefined()
    for (const chemin of ['/sante', js as string]) {
      const reponse = await get(chemin)
      expect(reponse.status).toBe(200)
      expect(reponse.headers.get('content-security-policy')).toBe(POLITIQUE_CONTENU)
      expect(reponse.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })
})

describe('accueil', () => {
  it('dit ce qu’est le service, compte les lieux publiés et mène à la liste', async () => {
    const { html } = await page('/')
    expect(texte(html)).toContain('60 lieux publiés')
    expect(html).toContain('<a href="/lieux">Voir la liste des lieux</a>')
    expect(html).toContain('<form class="recherche" method="get" action="/lieux"')
  })
})

describe('liste des lieux', () => {
  it('affiche le total, 20 lieux par page et une pagination dont l’état est dans l’adresse', async () => {
    const { html } = await page('/lieux')
    expect(texte(html)).toContain('60 lieux')
    expect(texte(html)).toContain('Page 1 sur 3')
    expect(noms(html)).toHaveLength(20)
    expect(html).toContain('<a href="/lieux?page=2" rel="next">')
    expect(html).toContain('<a href="/lieux" aria-current="page" aria-label="Page 1">1</a>')
    const suite = await page('/lieux?page=3')
    expect(noms(suite.html)).toHaveLength(20)
    expect(suite.html).toContain('<a href="/lieux?page=2" rel="prev">')
    expect(suite.html).not.toContain('rel="next"')
    const tousLesNoms = [...noms(html), ...noms((await page('/lieux?page=2')).html), ...noms(suite.html)]
    expect(tousLesNoms.sort()).toEqual(generes.map((l) => String(l.nom)).sort())
  })

  it('une page au-delà de la fin mène à la dernière, une page illisible est la première', async () => {
    const loin = await get('/lieux?page=99')
    expect(loin.status).toBe(303)
    expect(loin.headers.get('location')).toBe('/lieux?page=3')
    for (const valeur of ['abc', '-2', '0', '1.5', '99999999999999999999', '']) {
      const { html } = await page(`/lieux?page=${encodeURIComponent(valeur)}`)
      expect(html, valeur).toContain('aria-current="page" aria-label="Page 1"')
    }
    const rien = await get('/lieux?q=zzzzzz&page=4')
    expect(rien.headers.get('location')).toBe('/lieux?q=zzzzzz')
  })

  it('la recherche par commune ne renvoie que les lieux de cette commune (ou qui la nomment)', async () => {
    const commune = String(generes[0]?.commune)
    const attendus = generes.filter(
      (l) => String(l.nom).toLowerCase().includes(commune.toLowerCase()) || String(l.commune).toLowerCase().includes(commune.toLowerCase()),
    )
    const { html } = await page(`/lieux?q=${encodeURIComponent(commune)}`)
    const trouves = noms(html)
    expect(trouves.length).toBe(Math.min(20, attendus.length))
    expect(trouves.sort()).toEqual(attendus.map((l) => String(l.nom)).sort().slice(0, 20))
    expect(texte(html)).toContain(`trouvé`)
    expect(texte(html)).toContain(`pour « ${commune} »`)
    const items = html.split('<li><h3>').slice(1)
    expect(items).toHaveLength(trouves.length)
    for (const item of items) expect(texte(item.split('</p>')[0] ?? '').toLowerCase()).toContain(commune.toLowerCase())
    expect(html).toContain(`value="${commune}"`)
  })

  it('la recherche par code postal et la pagination gardent la recherche dans les liens', async () => {
    const { html } = await page('/lieux?q=Association')
    const attendus = generes.filter((l) => String(l.nom).includes('Association'))
    expect(texte(html)).toContain(`${attendus.length} lieu`)
    const codePostal = String(generes[1]?.code_postal)
    const parCode = await page(`/lieux?q=${codePostal}`)
    expect(noms(parCode.html).length).toBe(Math.min(20, generes.filter((l) => l.code_postal === codePostal).length))
  })

  it('sans résultat : un état vide poli, pas une erreur', async () => {
    const { html } = await page('/lieux?q=zzzzzz')
    expect(texte(html)).toContain('Aucun lieu trouvé')
    expect(texte(html)).toContain('Aucun lieu ne correspond à « zzzzzz »')
    expect(html).toContain('<a href="/lieux">Voir tous les lieux</a>')
    expect(html).not.toContain('class="pagination"')
  })

  it('des caractères spéciaux dans la recherche ne cassent rien', async () => {
    for (const q of ['\\', '%', '_', "l'", '"><b>', 'a'.repeat(500)]) {
      const { html } = await page(`/lieux?q=${encodeURIComponent(q)}`)
      expect(html).not.toContain('"><b>')
    }
    await page('/lieux?q=a&q=b')
  })

  it('un territoire connu filtre ; un territoire inconnu donne un résumé des erreurs et le statut 400', async () => {
    const savoie = await page('/lieux?territoire=73')
    expect(texte(savoie.html)).toContain('60 lieux trouvés dans Savoie (département)')
    const ailleurs = await page('/lieux?territoire=01001')
    expect(texte(ailleurs.html)).toContain('Aucun lieu trouvé')

    let message = ''
    try {
      lireTerritoire('nulle-part', referentiel())
    } catch (erreur) {
      expect(erreur).toBeInstanceOf(TerritoireInconnuError)
      message = (erreur as Error).message
    }
    const { html } = await page('/lieux?territoire=nulle-part', 400)
    expect(html).toContain('class="resume-erreurs"')
    expect(texte(html)).toContain(texte(message))
    expect(html).toContain('<a href="#territoire">')
    expect(html).toContain('aria-invalid="true"')
    expect(html).toMatch(/<title>Erreur : /)
  })
})

describe('fiche d’un lieu', () => {
  it('montre le nom, le téléphone en lien tel:, le tableau de la semaine, la date et la source', async () => {
    const liste = await page('/lieux')
    const uid = liste.html.match(/<a href="\/lieux\/(\d+)">/)?.[1]
    const { html } = await page(`/lieux/${uid}`)
    const nom = texte(html.match(/<h1>(.*?)<\/h1>/)?.[1] ?? '')
    const lieu = generes.find((l) => l.nom === nom && html.includes(String(l.id)))
    expect(lieu).toBeDefined()
    const tel = String(lieu?.telephone)
    expect(html).toContain(`<a href="tel:${tel}">0${tel.slice(3, 4)} ${tel.slice(4, 6)} ${tel.slice(6, 8)} ${tel.slice(8, 10)} ${tel.slice(10, 12)}</a>`)
    expect(html).toContain('<table class="tableau">')
    const jours = tous(html, /<th scope="row">(.*?)<\/th>/g).map(texte)
    expect(jours.map((j) => j.split(' ')[0])).toEqual(['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'])
    expect(texte(html)).toMatch(/Mise à jour le (1er|\d{1,2}) [a-zéû]+ \d{4}\./)
    expect(texte(html)).toContain('Source : Démonstration')
    expect(html).toContain(`<nav class="fil" aria-label="Fil d'Ariane">`)
    expect(html).toContain('<a href="/lieux">Lieux de médiation numérique</a>')
  })
})

describe('fichiers statiques et santé', () => {
  it('la feuille de style est dans la page ; le script a une adresse à empreinte, un cache long, une version compressée et un ETag', async () => {
    const { html } = await page('/')
    expect(feuilleEnLigne(html)).toContain('--focus-dehors')
    const js = html.match(/src="(\/assets\/aiguillage\.[0-9a-f]{12}\.js)"/)?.[1] as string
    const reponse = await get(js, { headers: { 'accept-encoding': 'br' } })
    expect(reponse.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(reponse.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(reponse.headers.get('content-encoding')).toBe('br')
    expect(await reponse.text()).toContain('addEventListener')
    const etag = reponse.headers.get('etag') as string
    expect((await get(js, { headers: { 'if-none-match': etag } })).status).toBe(304)
    expect((await get('/assets/aiguillage.js')).status).toBe(404)
    expect((await get('/assets/aiguillage.000000000000.js')).status).toBe(404)
  })

  it('les pages sont compressées quand le navigateur l’accepte', async () => {
    const gz = await get('/lieux', { headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gz.headers.get('vary')).toContain('Accept-Encoding')
    expect(await gz.text()).toContain('<h1>Lieux de médiation numérique</h1>')
    // a browser offering both gets gzip (cheaper to make for each page); Brotli when it is the only one
    expect((await get('/lieux', { headers: { 'accept-encoding': 'gzip, deflate, br' } })).headers.get('content-encoding')).toBe('gzip')
    const br = await get('/lieux', { headers: { 'accept-encoding': 'br' } })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(await br.text()).toContain('<h1>Lieux de médiation numérique</h1>')
    const brut = await get('/lieux', { headers: { 'accept-encoding': 'identity' } })
    expect(brut.headers.get('content-encoding')).toBeNull()
  })

  it('GET /sante répond en JSON avec le moteur de la base', async () => {
    const reponse = await get('/sante')
    expect(reponse.status).toBe(200)
    expect(reponse.headers.get('content-type')).toContain('application/json')
    expect(await reponse.json()).toEqual({ statut: 'ok', moteur: 'pglite' })
  })
})
