/**
 * The coordination pages on a real server, behind accounts: an anonymous visitor is sent to
 * sign in, a place manager is refused (403), a coordinator of the département sees the overview
 * with sources, the review queue, merges and quality; decisions are posted with the session's
 * anti-forgery token and refused without it; undoing a merge; rejected rows downloadable; a
 * coordinator of another territory may not decide on these places' pairs nor undo their merges.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dedoublonner } from '../../src/dedup/service.ts'
import { importer } from '../../src/places/registry/import.ts'
import { creerCompte, seConnecter, type Navigateur } from '../support/comptes.ts'
import { demarrer, type ServeurDeTest } from './serveur-de-test.ts'

const lieu = (id: string, nom: string, extra: Record<string, unknown> = {}) => ({
  id, pivot: '00000000000000', nom, commune: 'Chambéry', code_postal: '73000', adresse: '12 place Saint-Léger',
  latitude: 45.5646, longitude: 5.9203, date_maj: '2024-05-02', services: 'Aide aux démarches administratives', ...extra,
})

/** The page's HTML and status, read by a signed-in browser. */
async function lire(nav: Navigateur, chemin: string) {
  const reponse = await nav.get(chemin)
  return { statut: reponse.status, html: await reponse.text() }
}

const actionPaire = (html: string) => /action="(\/coordination\/doublons\/\d+)"/.exec(html)?.[1] ?? ''
const actionFusion = (html: string) => /action="(\/coordination\/fusions\/\d+\/annuler)"/.exec(html)?.[1] ?? ''

describe('pages de coordination', () => {
  let serveur: ServeurDeTest
  /** Coordinator of Savoie, where every place is. */
  let savoie: Navigateur
  /** Coordinator of Isère. */
  let isere: Navigateur
  /** Manager of one place of Savoie. */
  let gestionnaire: Navigateur

  beforeAll(async () => {
    serveur = await demarrer({ nombre: 0 })
    const imp = (source: string, lignes: object[]) =>
      importer(serveur.base, { source, nomFichier: `${source}.json`, octets: Buffer.from(JSON.stringify(lignes)), aujourdhui: '2026-11-22' })
    await imp('hub', [lieu('h1', 'France services de Chambéry', { telephone: '+33479000001' }), lieu('h2', 'Mairie de Chambéry', { adresse: '1 place de l’Hôtel de Ville', telephone: '+33479000099' }), { id: 'h3', nom: 'Sans adresse' }])
    await importer(serveur.base, { source: 'france-services', producteur: 'ANCT', nomFichier: 'fs.json', octets: Buffer.from('[]'), aujourdhui: '2026-11-22', conserverAbsents: true })
    await imp('france-services', [lieu('fs1', 'Espace France Services Chambéry', { telephone: '04 79 00 00 01' }), lieu('fs2', 'Espace numérique Chambéry', { adresse: '1 place de l’Hôtel de Ville' })])
    await dedoublonner(serveur.base)
    const { rows } = (await serveur.base.db.execute(sql`select uid from lieux where statut = 'publie' order by uid limit 1`)) as unknown as { rows: Array<{ uid: number }> }
    const [a, b, c] = await Promise.all([
      creerCompte(serveur.base, 'coordination.savoie@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }]),
      creerCompte(serveur.base, 'coordination.isere@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:38' }]),
      creerCompte(serveur.base, 'gestion@exemple.fr', [{ role: 'gestionnaire', lieuUid: Number(rows[0]?.uid) }]),
    ])
    ;[savoie, isere, gestionnaire] = await Promise.all([seConnecter(serveur.url, a), seConnecter(serveur.url, b), seConnecter(serveur.url, c)])
  })
  afterAll(async () => {
    await serveur?.fermer()
  })

  it('anonyme : vers la connexion ; gestionnaire : 403 ; coordinateur d’un autre territoire : ne voit pas les paires et fusions de la Savoie, 403 s’il les vise', async () => {
    const anonyme = await fetch(`${serveur.url}/coordination/doublons?page=1`, { redirect: 'manual' })
    expect(anonyme.status).toBe(303)
    expect(anonyme.headers.get('location')).toBe(`/connexion?retour=${encodeURIComponent('/coordination/doublons?page=1')}`)
    const post = await fetch(`${serveur.url}/coordination/doublons/1`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=differents' })
    expect(post.status).toBe(303)
    expect(post.headers.get('location')).toMatch(/^\/connexion\?retour=/)

    const refuse = await lire(gestionnaire, '/coordination')
    expect(refuse.statut).toBe(403)
    expect(refuse.html).toContain('Accès refusé')
    expect((await gestionnaire.get('/coordination/a-mettre-a-jour')).status).toBe(403)

    // the overview is readable without Savoie's pair and merge; aimed at directly, both are refused and nothing changes
    const page = await lire(isere, '/coordination')
    expect(page.statut).toBe(200)
    expect(page.html).toContain('Doublons à examiner (0)')
    expect(actionPaire(page.html)).toBe('')
    expect(actionFusion(page.html)).toBe('')
    expect((await lire(isere, '/coordination/doublons')).html).not.toContain('/coordination/doublons/')
    const savoieAvant = await lire(savoie, '/coordination')
    const [paire, fusion] = [actionPaire(savoieAvant.html), actionFusion(savoieAvant.html)]
    expect(paire).not.toBe('')
    expect(fusion).not.toBe('')
    const decision = await isere.post(paire, { decision: 'meme_lieu', retour: '/coordination' }, { depuis: '/coordination' })
    expect(decision.status).toBe(403)
    expect(await decision.text()).toContain('Accès refusé')
    expect((await isere.post(fusion, {}, { depuis: '/coordination' })).status).toBe(403)
    const apres = await lire(savoie, '/coordination')
    expect(apres.html).toContain('Doublons à examiner (1)')
    expect(actionFusion(apres.html)).toBe(fusion)
  })

  it('la page montre les sources, les rejets à télécharger, la file d’examen, les fusions et la qualité', async () => {
    const { html, statut } = await lire(savoie, '/coordination')
    expect(statut).toBe(200)
    expect(html).toContain('france-services')
    expect(html).toMatch(/href="\/coordination\/imports\/\d+\/rejets\.csv"/)
    expect(html).toContain('Doublons à examiner (1)')
    expect(html).toContain('Même lieu : fusionner')
    expect(html).toContain('Espace France Services Chambéry')
    expect(html).toContain('Annuler cette fusion')
    expect(html).toContain('Répartition des scores de qualité')
    expect(html).toContain('<svg')
    expect(html).toContain('class="barre-espace"')
  })

  it('la page publique d’un lieu fusionné dit ses sources et d’où vient chaque information ; l’adresse du lieu absorbé y mène', async () => {
    const { rows } = (await serveur.base.db.execute(sql`select lieu_uid, absorbe_uid from fusions where annulee_le is null order by id limit 1`)) as unknown as {
      rows: Array<{ lieu_uid: number; absorbe_uid: number }>
    }
    const fusion = rows[0]
    const html = await (await fetch(`${serveur.url}/lieux/${fusion?.lieu_uid}`)).text()
    expect(html).toMatch(/Source : france-services \(ANCT\), mis à jour le 2 mai 2024\./)
    expect(html).toMatch(/Source : hub, mis à jour le 2 mai 2024\./)
    expect(html).toMatch(/D(&#39;|')où vient chaque information ?/)
    const redirection = await fetch(`${serveur.url}/lieux/${fusion?.absorbe_uid}`, { redirect: 'manual' })
    expect(redirection.status).toBe(301)
    expect(redirection.headers.get('location')).toBe(`/lieux/${fusion?.lieu_uid}`)
  })

  it('les rejets d’une importation se téléchargent en CSV avec leurs raisons', async () => {
    const { html } = await lire(savoie, '/coordination')
    const lien = /href="(\/coordination\/imports\/\d+\/rejets\.csv)"/.exec(html)?.[1] ?? ''
    expect((await fetch(`${serveur.url}${lien}`, { redirect: 'manual' })).status).toBe(303)
    const csv = await savoie.get(lien)
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/)
    expect(csv.headers.get('cache-control')).toBe('no-store')
    const octets = Buffer.from(await csv.arrayBuffer())
    expect([...octets.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // BOM: spreadsheets read it as UTF-8
    const texte = octets.toString('utf8')
    expect(texte).toContain('ligne,id,champ,valeur,message,niveau')
    expect(texte).toMatch(/h3,.*adresse.*erreur/)
  })

  it('une décision sans jeton est refusée ; avec, « lieux différents » vide la file', async () => {
    const { html } = await lire(savoie, '/coordination')
    const action = actionPaire(html)
    expect((await savoie.post(action, { decision: 'differents' }, { jeton: null })).status).toBe(403)
    expect((await savoie.post(action, { decision: 'differents' }, { jeton: 'un-jeton-qui-ne-vient-pas-de-cette-session' })).status).toBe(403)
    expect((await lire(savoie, '/coordination')).html).toContain('Doublons à examiner (1)')
    const reponse = await savoie.post(action, { decision: 'differents', retour: '/coordination' }, { depuis: '/coordination' })
    expect(reponse.status).toBe(303)
    expect(reponse.headers.get('location')).toBe('/coordination?fait=distincts')
    const apres = await lire(savoie, '/coordination?fait=distincts')
    expect(apres.html).toContain('resteront distincts')
    expect(apres.html).toContain('Doublons à examiner (0)')
  })

  it('annuler une fusion depuis la page sépare de nouveau les deux lieux', async () => {
    const { html } = await lire(savoie, '/coordination')
    const action = actionFusion(html)
    expect((await savoie.post(action, {}, { jeton: null })).status).toBe(403)
    const reponse = await savoie.post(action, {}, { depuis: '/coordination' })
    expect(reponse.status).toBe(303)
    expect(reponse.headers.get('location')).toBe('/coordination?fait=annulee')
    const apres = await lire(savoie, '/coordination')
    expect(apres.html).toContain('Aucune fusion en vigueur.')
    // posting again: already done, said politely
    expect((await savoie.post(action, {}, { depuis: '/coordination' })).headers.get('location')).toBe('/coordination?fait=deja')
  })

  it('le score de qualité d’un lieu se lit critère par critère, avec les conseils', async () => {
    const { rows } = (await serveur.base.db.execute(sql`select uid from lieux where statut = 'publie' and horaires is null order by uid limit 1`)) as unknown as { rows: Array<{ uid: number }> }
    const uid = String(rows[0]?.uid)
    const page = await lire(savoie, `/coordination/lieux/${uid}`)
    expect(page.statut).toBe(200)
    expect(page.html).toMatch(/score de qualité/)
    expect(page.html).toContain('Ajoutez les horaires')
    const anonyme = await fetch(`${serveur.url}/coordination/lieux/${uid}`, { redirect: 'manual' })
    expect(anonyme.status).toBe(303)
    expect(anonyme.headers.get('location')).toBe(`/connexion?retour=${encodeURIComponent(`/coordination/lieux/${uid}`)}`)
  })
})
