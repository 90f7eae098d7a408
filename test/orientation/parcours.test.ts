/**
 * Orientation over real HTTP: the start page, results (nearest first, distances, opening
 * status, phone links), « Où ? » (a name, a postcode, several communes, none), free text
 * understood, filters, pagination keeping the state, widening links whose counts match the
 * pages they lead to, the place page's links, the widget's framing headers, and the weight of
 * the results page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BESOINS, GROUPES } from '../../src/orientation/besoins.ts'
import { origineTuiles } from '../../src/orientation/pages/routes.ts'
import { POLITIQUE_CONTENU } from '../../src/platform/http/entetes.ts'
import { texte, tous } from '../http/serveur-de-test.ts'
import { liens, octetsCompresses, resultats, total } from './outils.ts'
import { CHAMBERY, demarrerOrientation, type ServeurOrientation } from './serveur.ts'

let serveur: ServeurOrientation

const get = (chemin: string, init?: RequestInit) => fetch(`${serveur.url}${chemin}`, { redirect: 'manual', ...init })
const page = async (chemin: string, statut = 200) => {
  const reponse = await get(chemin)
  const html = await reponse.text()
  expect(reponse.status, chemin).toBe(statut)
  return { reponse, html }
}

const DEMARCHES = 'Aide aux démarches administratives'

function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(a))
}

/** Demo places offering a service, with their distance to Chambéry's centre, nearest first. */
function attendus(service: string) {
  return serveur.lieux
    .filter((l) => String(l.services).split('|').includes(service))
    .map((l) => ({ nom: String(l.nom), km: km(CHAMBERY.latitude, CHAMBERY.longitude, Number(l.latitude), Number(l.longitude)) }))
    .sort((a, b) => a.km - b.km)
}

beforeAll(async () => {
  serveur = await demarrerOrientation({ nombre: 150 })
})
afterAll(() => serveur?.fermer())

describe('départ', () => {
  it('« / » demande le besoin : cases par thème avec exemples, texte libre, « Où ? », envoi en GET vers /recherche', async () => {
    const { reponse, html } = await page('/')
    expect(html).toContain('<h1>De quoi avez-vous besoin ?</h1>')
    expect(html).toContain('<form class="orientation" method="get" action="/recherche">')
    for (const groupe of GROUPES) expect(html).toContain(`<legend>${groupe.libelle}</legend>`)
    for (const besoin of BESOINS) {
      expect(html).toMatch(new RegExp(`<input type="checkbox" id="[^"]+" name="besoin" value="${besoin.id}"`))
      expect(texte(html)).toContain(texte(besoin.exemples))
    }
    expect(html).toContain('Ou décrivez votre besoin')
    expect(html).toContain('<h2>Où ?</h2>')
    expect(html).toMatch(/<input type="text" id="ou" name="ou"/)
    // « Autour de moi » needs JavaScript: hidden in the HTML, the script shows it
    expect(html).toMatch(/<button type="button" class="bouton bouton-secondaire" data-autour="true" hidden>Autour de moi<\/button>/)
    expect(html).toMatch(/<script src="\/assets\/aiguillage\.[0-9a-f]{12}\.js" defer><\/script>/)
    expect(html).not.toMatch(/<script(?![^>]*src="\/assets\/)/)
    expect(reponse.headers.get('permissions-policy')).toContain('geolocation=(self)')
    expect(reponse.headers.get('content-security-policy')).toBe(POLITIQUE_CONTENU)
    // the list of places stays one step away
    expect(html).toContain('<a href="/lieux">Voir la liste des lieux</a>')
  })

  it('« /orientation » mène au départ, avec la recherche ; le départ se remplit depuis l’adresse', async () => {
    const r = await get('/orientation?besoin=caf&ou=Chamb%C3%A9ry')
    expect(r.status).toBe(301)
    expect(r.headers.get('location')).toBe('/?besoin=caf&ou=Chamb%C3%A9ry')
    const { html } = await page('/?besoin=caf&ou=Chamb%C3%A9ry&q=imp%C3%B4ts')
    expect(html).toMatch(/name="besoin" value="caf" checked/)
    expect(html).toContain('value="Chambéry"')
    expect(html).toContain('value="impôts"')
  })
})

describe('résultats', () => {
  it('besoin + commune : les lieux du plus proche au plus éloigné, avec distance, horaires et téléphone', async () => {
    const { html } = await page('/recherche?besoin=impots&ou=Chamb%C3%A9ry')
    const rayon = Number(texte(html).match(/lieux? à moins de (\d+) km de Chambéry \(73\)/)?.[1])
    expect([5, 10, 20, 30, 50]).toContain(rayon)
    const proches = attendus(DEMARCHES).filter((a) => a.km <= rayon)
    expect(total(html)).toBe(proches.length)
    const lus = resultats(html)
    expect(lus).toHaveLength(Math.min(10, proches.length))
    expect(lus.map((r) => r.rang)).toEqual(lus.map((_, i) => i + 1))
    expect(lus.map((r) => r.nom).sort()).toEqual(proches.slice(0, lus.length).map((p) => p.nom).sort())
    lus.forEach((r, i) => {
      // Chambéry's official centre is known: exact distances, no « environ »
      expect(r.distance).toMatch(/^à \d+(,\d)? (km|m)$/)
      expect(Math.abs(r.km - (proches[i]?.km ?? 0))).toBeLessThan(0.06)
      expect(r.statut).toMatch(/^(Ouvert maintenant( · ferme .+)?|Fermé( · ouvre .+)?|Horaires non renseignés)$/)
      expect(r.telephone).toMatch(/^tel:\+33\d{9}$/)
      expect(r.lien).toMatch(/^\/lieux\/\d+\?lat=45\.5646&lon=5\.9178$/)
    })
    for (let i = 1; i < lus.length; i++) expect((lus[i]?.km ?? 0) + 0.06).toBeGreaterThanOrEqual(lus[i - 1]?.km ?? 0)
    expect(texte(html)).toContain('Votre besoin : Impôts')
    expect(texte(html)).toContain('Où : Chambéry (73)')
    // a map of the page's places, described in words; the list stays the content
    expect(html).toMatch(/<svg viewBox="0 0 400 240" role="img" aria-labelledby="carte-titre carte-description"/)
    expect(tous(html, /<text class="point-texte"[^>]*>(\d+)<\/text>/g).map(Number).sort((a, b) => a - b)).toEqual(lus.map((r) => r.rang))
    expect(html).not.toContain('data-tuiles')
  })

  it('un code postal : sa plus grande commune, les autres proposées ; les mêmes lieux que par le nom', async () => {
    const parNom = resultats((await page('/recherche?besoin=impots&ou=Chamb%C3%A9ry')).html)
    const { html } = await page('/recherche?besoin=impots&ou=73000')
    expect(texte(html)).toContain('Où : Chambéry (73) (autres communes du code postal 73000 : Barberaz, Bassens')
    expect(resultats(html).map((r) => r.nom)).toEqual(parNom.map((r) => r.nom))
    const barberaz = liens(html, /<a href="([^"]*commune=73029[^"]*)">Barberaz<\/a>/g)[0] as string
    const autre = await page(barberaz)
    expect(texte(autre.html)).toContain('Où : Barberaz (73)')
    // Barberaz has no official centre here: its position is approximate, so are distances
    for (const r of resultats(autre.html)) expect(r.distance).toMatch(/^à (environ \d+ km|moins d’1 km)$/)
  })

  it('plusieurs communes du même nom : la liste pour choisir, chaque lien garde la recherche', async () => {
    const { html } = await page('/recherche?besoin=caf&ou=Saint-Martin')
    expect(texte(html)).toContain('Plusieurs communes correspondent à « Saint-Martin »')
    const choix = liens(html, /<ul class="desambiguisation">(.*?)<\/ul>/gs)[0] ?? ''
    const adresses = liens(choix, /<a href="([^"]+)"/g)
    expect(adresses.length).toBeGreaterThanOrEqual(2)
    for (const a of adresses) {
      expect(a).toMatch(/^\/recherche\?besoin=caf&ou=[^&]+&commune=\d[\dAB]\d{3}$/)
    }
    expect(texte(choix)).toContain('Saint-Martin (65) — 65360')
    const suite = await page(adresses.find((a) => a.includes('commune=65392')) as string)
    expect(texte(suite.html)).toContain('Où : Saint-Martin (65)')
    expect(suite.html).not.toContain('Plusieurs communes correspondent')
  })

  it('une commune inconnue : résumé des erreurs, statut 400, lien vers le champ et retour au départ', async () => {
    const { html } = await page('/recherche?besoin=caf&ou=Zzyzxville', 400)
    expect(html).toContain('class="resume-erreurs"')
    expect(texte(html)).toContain('Nous ne trouvons pas de commune nommée « Zzyzxville »')
    expect(html).toContain('<a href="#ou">')
    expect(html).toContain('aria-invalid="true"')
    expect(html).toContain('<details class="affiner" open>')
    expect(html).toMatch(/<title>Erreur : /)
    expect(html).toContain('<a href="/?besoin=caf">Revenir au formulaire de départ</a>')
    const code = await page('/recherche?commune=99999', 400)
    expect(texte(code.html)).toContain('La commune demandée n’existe pas (ou plus)')
    const cp = await page('/recherche?ou=99999', 400)
    expect(texte(cp.html)).toContain('Aucune commune n’a le code postal « 99999 »')
  })

  it('le texte libre est compris et dit : « carte grise », « emaus », « médiathèque »', async () => {
    const grise = await page('/recherche?q=carte+grise&ou=Chamb%C3%A9ry')
    expect(texte(grise.html)).toContain('Vous avez écrit : « carte grise » — compris comme : « carte grise » → Papiers : identité, passeport, permis, carte grise')
    expect(total(grise.html)).toBeGreaterThan(0)
    for (const r of resultats(grise.html)) expect(r.statut).not.toBe('')

    const emaus = await page('/recherche?q=emaus&ou=Chamb%C3%A9ry')
    expect(texte(emaus.html)).toContain('« emaus » → Emmaüs Connect')

    const media = await page('/recherche?q=m%C3%A9diath%C3%A8que&ou=Chamb%C3%A9ry&rayon=50')
    expect(texte(media.html)).toContain('« mediatheque » → médiathèque ou bibliothèque')
    const lus = resultats(media.html)
    expect(lus.length).toBeGreaterThan(0)
    for (const r of lus) expect(r.nom).toMatch(/^Médiathèque /)

    const inconnu = await page('/recherche?q=impots+zorglub&ou=Chamb%C3%A9ry')
    expect(texte(inconnu.html)).toContain('Mots non utilisés (aucun lieu ne les a dans son nom) : « zorglub »')
  })

  it('les filtres restreignent : gratuit, ouvert maintenant, sans rendez-vous, publics', async () => {
    const base = '/recherche?besoin=ordinateur&ou=Chamb%C3%A9ry&rayon=50'
    const tous_ = total((await page(base)).html)
    expect(tous_).toBeGreaterThan(10)

    const gratuits = await page(`${base}&gratuit=1`)
    expect(total(gratuits.html)).toBeLessThan(tous_)
    for (const r of resultats(gratuits.html)) expect(r.gratuit).toBe(true)

    // whatever the time: every place shown is open now, and never more places than without the filter
    const ouverts = await page(`${base}&ouvert=maintenant`)
    expect(total(ouverts.html)).toBeLessThanOrEqual(tous_)
    for (const r of resultats(ouverts.html)) expect(r.statut).toMatch(/^Ouvert maintenant/)
    // the filters in use are said in plain words; the refine form stays folded, results come first
    expect(ouverts.html).toContain('<details class="affiner">')
    expect(ouverts.html).toMatch(/Seulement :<\/strong> [^<]*ouvert maintenant/)
    expect(ouverts.html).toMatch(/name="ouvert" value="maintenant" checked/)

    expect(total((await page(`${base}&sans_rdv=1`)).html)).toBeLessThan(tous_)
    const seniors = await page(`${base}&public=Seniors`)
    expect(total(seniors.html)).toBeLessThan(tous_)
    expect(seniors.html).toMatch(/name="public" value="Seniors" checked/)

    // a slot: Sunday night, nobody is open
    const nuit = await page(`${base}&ouvert=creneau&jour=7&de=22:00&a=23:00`)
    expect(total(nuit.html)).toBe(0)
    // a day chosen without ticking the slot button means that slot
    const jour = await page(`${base}&jour=7&de=22:00&a=23:00`)
    expect(total(jour.html)).toBe(0)
    expect(jour.html).toMatch(/name="ouvert" value="creneau" checked/)
    const illisible = await page(`${base}&ouvert=creneau&jour=3&de=midi`, 400)
    expect(texte(illisible.html)).toContain('Le créneau horaire n’est pas lisible')
    const loin = await page(`${base.replace('&rayon=50', '')}&rayon=500`, 400)
    expect(texte(loin.html)).toContain('La distance « 500 » n’est pas possible')
  })

  it('la pagination garde toute la recherche dans ses liens', async () => {
    const base = '/recherche?besoin=ordinateur&ou=Chamb%C3%A9ry&rayon=50&gratuit=1'
    const premiere = await page(base)
    const n = total(premiere.html)
    expect(n).toBeGreaterThan(20)
    const suivante = liens(premiere.html, /<a href="([^"]+)" rel="next">/g)[0]
    expect(suivante).toBe('/recherche?besoin=ordinateur&ou=Chamb%C3%A9ry&rayon=50&gratuit=1&page=2')
    const deuxieme = await page(suivante as string)
    const lus = resultats(deuxieme.html)
    expect(lus[0]?.rang).toBe(11)
    expect(deuxieme.html).toContain('<ol class="resultats resultats-orientation" start="11">')
    expect(liens(deuxieme.html, /<a href="([^"]+)" rel="prev">/g)[0]).toBe('/recherche?besoin=ordinateur&ou=Chamb%C3%A9ry&rayon=50&gratuit=1')
    expect(texte(deuxieme.html)).toContain(`Page 2 sur ${Math.ceil(n / 10)}`)
    // every page together: each place once, nearest first
    const noms: string[] = []
    let distances: number[] = []
    for (let p = 1; p <= Math.ceil(n / 10); p++) {
      const lus_ = resultats((await page(`${base}&page=${p}`)).html)
      noms.push(...lus_.map((r) => r.lien))
      distances = [...distances, ...lus_.map((r) => r.km)]
    }
    expect(new Set(noms).size).toBe(n)
    for (let i = 1; i < distances.length; i++) expect((distances[i] ?? 0) + 0.06).toBeGreaterThanOrEqual(distances[i - 1] ?? 0)
  })

  it('sans résultat : pourquoi, en clair, et chaque élargissement avec un nombre égal à celui de la page où il mène', async () => {
    const { html } = await page('/recherche?besoin=impots&ou=Chamb%C3%A9ry&rayon=5&gratuit=1&dispositif=La+Croix+Rouge&public=Femmes')
    expect(texte(html)).toContain('Aucun lieu trouvé')
    expect(texte(html)).toMatch(/Aucun lieu pour « Impôts » à moins de 5 km de Chambéry \(73\), gratuit, pour femmes et du programme La Croix Rouge\./)
    const propositions = [...html.matchAll(/<ul class="elargissements">(.*?)<\/ul>/gs)].map((m) => m[1] ?? '').join('')
    const elargissements = [...propositions.matchAll(/<a href="([^"]+)">(.*?)<\/a>/g)].map((m) => ({ url: (m[1] ?? '').replace(/&amp;/g, '&'), libelle: texte(m[2] ?? '') }))
    expect(elargissements.length).toBeGreaterThan(0)
    expect(elargissements.map((e) => e.libelle)).toContain(`Tous les programmes : ${elargissements.find((e) => e.libelle.startsWith('Tous les programmes'))?.libelle.split(' : ')[1]}`)
    for (const e of elargissements) {
      const annonce = Number(e.libelle.match(/ : (\d+) lieux?$/)?.[1])
      expect(annonce, e.libelle).toBeGreaterThan(0)
      const suite = await page(e.url)
      expect(total(suite.html), e.libelle).toBe(annonce)
    }
    const rayon = elargissements.find((e) => e.libelle.startsWith('Chercher jusqu’à'))
    if (rayon) expect(rayon.url).toMatch(/&rayon=(10|20|30|50|100)&/)
  })

  it('les liens des résultats portent la position ; la fiche du lieu montre la distance et ses liens', async () => {
    const { html } = await page('/recherche?besoin=impots&ou=Chamb%C3%A9ry')
    const premier = resultats(html)[0]
    expect(premier).toBeDefined()
    const fiche = await page(premier?.lien as string)
    const uid = premier?.lien.match(/^\/lieux\/(\d+)/)?.[1]
    expect(texte(fiche.html)).toContain(`${premier?.distance.replace(/^à/, 'À')} du lieu de votre recherche`)
    expect(fiche.html).toContain(`<a class="bouton" href="/lieux/${uid}/fiche">Préparer une fiche d’orientation</a>`)
    expect(fiche.html).toContain(`<a href="/lieux/${uid}/signaler">Signaler une erreur</a>`)
    expect(fiche.html).toContain(`value="${serveur.url}/lieux/${uid}" readonly`)
    const sms = fiche.html.match(/href="sms:\?body=([^"]+)"/)?.[1] as string
    const corps = decodeURIComponent(sms)
    expect(corps.split('\n')[0]).toBe(premier?.nom)
    expect(corps).toMatch(/Téléphone : 0\d( \d\d){4}/)
    expect(corps).toMatch(/Horaires : /)
    expect(corps.endsWith(`${serveur.url}/lieux/${uid}`)).toBe(true)
    const courriel = fiche.html.match(/href="mailto:\?subject=([^"&]+)&amp;body=([^"]+)"/)
    expect(decodeURIComponent(courriel?.[1] ?? '')).toBe(`Un lieu pour vous aider avec le numérique : ${premier?.nom}`)
    expect(decodeURIComponent(courriel?.[2] ?? '')).toContain('\r\n')
    // without a search, no distance
    expect(texte((await page(`/lieux/${uid}`)).html)).not.toContain('du lieu de votre recherche')
  })

  it('la page de résultats pèse au plus 30 Ko compressée (HTML et sa feuille de style, en ligne)', async () => {
    const pages = ['/recherche?besoin=impots&ou=Chamb%C3%A9ry', '/recherche?besoin=ordinateur&besoin=internet&q=imprimer&ou=73000&rayon=50&gratuit=1&public=Seniors&ouvert=creneau&jour=2&de=09:00&a=18:00']
    for (const chemin of pages) {
      const html = await octetsCompresses(`${serveur.url}${chemin}`)
      expect(html.statut).toBe(200)
      expect(html.encodage).toBe('gzip')
      expect(html.octets, chemin).toBeLessThanOrEqual(30 * 1024)
    }
  })
})

describe('module à intégrer (widget)', () => {
  it('se laisse encadrer par tout site, lui seul ; n’a ni en-tête ni pied ; ouvre le site complet dans un nouvel onglet', async () => {
    const { reponse, html } = await page('/widget?territoire=73&besoin=caf&ou=Chamb%C3%A9ry')
    expect(reponse.headers.get('content-security-policy')).toContain('frame-ancestors *')
    expect(reponse.headers.get('x-frame-options')).toBeNull()
    expect(html).toMatch(/<html lang="fr">/)
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
    expect(texte(html)).toContain('Trouver de l’aide pour le numérique : Savoie')
    expect(html).not.toContain('class="entete"')
    expect(html).not.toContain('class="pied"')
    expect(html).toContain('<form class="recherche" method="get" action="/widget"')
    expect(html).toContain('<input type="hidden" name="territoire" value="73"/>')
    const lus = resultats(html)
    expect(lus.length).toBeGreaterThan(0)
    expect(html).toMatch(/<a href="\/lieux\/\d+\?lat=45\.5646&amp;lon=5\.9178" target="_blank" rel="noopener"/)
    expect(html).toContain('target="_blank" rel="noopener">Ouvrir le site complet (nouvel onglet)</a>')
    // pagination stays in the frame, with the territory
    for (const lien of liens(html, /<nav class="pagination"[^>]*>.*?<a href="([^"]+)"/gs)) expect(lien).toMatch(/^\/widget\?territoire=73&/)

    for (const chemin of ['/recherche?besoin=caf&ou=Chamb%C3%A9ry', '/', '/lieux', '/widget/integrer']) {
      const autre = await get(chemin)
      expect(autre.headers.get('content-security-policy'), chemin).toContain("frame-ancestors 'none'")
      expect(autre.headers.get('x-frame-options'), chemin).toBe('DENY')
    }
  })

  it('limité à son territoire ; un territoire inconnu est dit', async () => {
    const { html } = await page('/widget?territoire=73065&besoin=ordinateur')
    const lus = resultats(html)
    expect(lus.length).toBeGreaterThan(0)
    for (const item of html.split('<li><span class="rang">').slice(1)) expect(texte(item)).toMatch(/73\d{3} Chambéry/)
    const { html: erreur } = await page('/widget?territoire=nulle-part', 400)
    expect(texte(erreur)).toContain('Territoire « nulle-part » inconnu')
    const vide = await page('/widget?territoire=73')
    expect(resultats(vide.html)).toHaveLength(0)
  })

  it('la page « Intégrer » donne le code de l’iframe', async () => {
    const { html } = await page('/widget/integrer?territoire=73')
    expect(texte(html)).toContain(`<iframe src="${serveur.url}/widget?territoire=73" title="Trouver un lieu d’aide au numérique : Savoie"`)
    expect(texte(html)).toContain('allow="geolocation"')
    const faux = await page('/widget/integrer?territoire=nulle-part', 400)
    expect(faux.html).toContain('class="resume-erreurs"')
  })
})

describe('carte à tuiles', () => {
  it('l’origine des tuiles est ajoutée aux images permises, sous-domaines compris', () => {
    expect(origineTuiles('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org')
    expect(origineTuiles('https://{s}.tile.example.org:8443/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org:8443')
    expect(origineTuiles('javascript:alert(1)')).toBeUndefined()
    expect(origineTuiles('pas une adresse')).toBeUndefined()
  })
})
