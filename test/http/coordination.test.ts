/**
 * The coordination pages on a real server: absent without a password, 401 without the right
 * one, the overview with sources, the review queue, merges and quality; decisions posted with
 * the anti-forgery token and refused without it; undoing a merge; rejected rows downloadable.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dedoublonner } from '../../src/dedup/service.ts'
import { importer } from '../../src/places/registry/import.ts'
import { demarrer, type ServeurDeTest } from './serveur-de-test.ts'

const MOT_DE_PASSE = 'un mot de passe assez long'
const auth = (mdp = MOT_DE_PASSE) => ({ authorization: `Basic ${Buffer.from(`Camille:${mdp}`).toString('base64')}` })
const lieu = (id: string, nom: string, extra: Record<string, unknown> = {}) => ({
  id, pivot: '00000000000000', nom, commune: 'Chambéry', code_postal: '73000', adresse: '12 place Saint-Léger',
  latitude: 45.5646, longitude: 5.9203, date_maj: '2024-05-02', services: 'Aide aux démarches administratives', ...extra,
})

async function formulaire(url: string, page: string) {
  const reponse = await fetch(`${url}${page}`, { headers: auth() })
  const cookie = (reponse.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const html = await reponse.text()
  const jeton = /name="jeton" value="([^"]+)"/.exec(html)?.[1] ?? ''
  return { html, cookie, jeton, statut: reponse.status }
}

const poster = (url: string, chemin: string, corps: Record<string, string>, cookie: string) =>
  fetch(`${url}${chemin}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...auth(), cookie, 'content-type': 'application/x-www-form-urlencoded', origin: url },
    body: new URLSearchParams(corps).toString(),
  })

describe('pages de coordination', () => {
  let serveur: ServeurDeTest
  let sansMotDePasse: ServeurDeTest
  beforeAll(async () => {
    serveur = await demarrer({ nombre: 0, env: { AIGUILLAGE_COORDINATION_MOT_DE_PASSE: MOT_DE_PASSE } })
    sansMotDePasse = await demarrer({ nombre: 0 })
    const imp = (source: string, lignes: object[]) =>
      importer(serveur.base, { source, nomFichier: `${source}.json`, octets: Buffer.from(JSON.stringify(lignes)), aujourdhui: '2026-11-22' })
    await imp('hub', [lieu('h1', 'France services de Chambéry', { telephone: '+33479000001' }), lieu('h2', 'Mairie de Chambéry', { adresse: '1 place de l’Hôtel de Ville', telephone: '+33479000099' }), { id: 'h3', nom: 'Sans adresse' }])
    await importer(serveur.base, { source: 'france-services', producteur: 'ANCT', nomFichier: 'fs.json', octets: Buffer.from('[]'), aujourdhui: '2026-11-22', conserverAbsents: true })
    await imp('france-services', [lieu('fs1', 'Espace France Services Chambéry', { telephone: '04 79 00 00 01' }), lieu('fs2', 'Espace numérique Chambéry', { adresse: '1 place de l’Hôtel de Ville' })])
    await dedoublonner(serveur.base)
  })
  afterAll(async () => {
    await serveur.fermer()
    await sansMotDePasse.fermer()
  })

  it('sans mot de passe configuré, les pages n’existent pas ; avec, elles demandent une identification', async () => {
    expect((await fetch(`${sansMotDePasse.url}/coordination`)).status).toBe(404)
    const sans = await fetch(`${serveur.url}/coordination`)
    expect(sans.status).toBe(401)
    expect(sans.headers.get('www-authenticate')).toMatch(/^Basic /)
    expect((await fetch(`${serveur.url}/coordination`, { headers: auth('mauvais mot de passe') })).status).toBe(401)
  })

  it('la page montre les sources, les rejets à télécharger, la file d’examen, les fusions et la qualité', async () => {
    const { html, statut } = await formulaire(serveur.url, '/coordination')
    expect(statut).toBe(200)
    expect(html).toContain('france-services')
    expect(html).toMatch(/href="\/coordination\/imports\/\d+\/rejets\.csv"/)
    expect(html).toContain('Doublons à examiner (1)')
    expect(html).toContain('Même lieu : fusionner')
    expect(html).toContain('Espace France Services Chambéry')
    expect(html).toContain('Annuler cette fusion')
    expect(html).toContain('Répartition des scores de qualité')
    expect(html).toContain('<svg')
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
    const { html } = await formulaire(serveur.url, '/coordination')
    const lien = /href="(\/coordination\/imports\/\d+\/rejets\.csv)"/.exec(html)?.[1] ?? ''
    const csv = await fetch(`${serveur.url}${lien}`, { headers: auth() })
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/)
    const octets = Buffer.from(await csv.arrayBuffer())
    expect([...octets.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // BOM: spreadsheets read it as UTF-8
    const texte = octets.toString('utf8')
    expect(texte).toContain('ligne,id,champ,valeur,message,niveau')
    expect(texte).toMatch(/h3,.*adresse.*erreur/)
  })

  it('une décision sans jeton est refusée ; avec, « lieux différents » vide la file', async () => {
    const { html, cookie, jeton } = await formulaire(serveur.url, '/coordination')
    const id = /action="\/coordination\/doublons\/(\d+)"/.exec(html)?.[1] ?? ''
    expect((await poster(serveur.url, `/coordination/doublons/${id}`, { decision: 'differents' }, cookie)).status).toBe(403)
    const reponse = await poster(serveur.url, `/coordination/doublons/${id}`, { decision: 'differents', jeton, retour: '/coordination' }, cookie)
    expect(reponse.status).toBe(303)
    expect(reponse.headers.get('location')).toBe('/coordination?fait=distincts')
    const apres = await formulaire(serveur.url, '/coordination?fait=distincts')
    expect(apres.html).toContain('resteront distincts')
    expect(apres.html).toContain('Doublons à examiner (0)')
  })

  it('annuler une fusion depuis la page sépare de nouveau les deux lieux', async () => {
    const { html, cookie, jeton } = await formulaire(serveur.url, '/coordination')
    const action = /action="(\/coordination\/fusions\/\d+\/annuler)"/.exec(html)?.[1] ?? ''
    const reponse = await poster(serveur.url, action, { jeton }, cookie)
    expect(reponse.headers.get('location')).toBe('/coordination?fait=annulee')
    const apres = await formulaire(serveur.url, '/coordination')
    expect(apres.html).toContain('Aucune fusion en vigueur.')
    // posting again: already done, said politely
    expect((await poster(serveur.url, action, { jeton }, cookie)).headers.get('location')).toBe('/coordination?fait=deja')
  })

  it('le score de qualité d’un lieu se lit critère par critère, avec les conseils', async () => {
    const { rows } = (await serveur.base.db.execute(sql`select uid from lieux where statut = 'publie' and horaires is null order by uid limit 1`)) as unknown as { rows: Array<{ uid: number }> }
    const uid = String(rows[0]?.uid)
    const page = await formulaire(serveur.url, `/coordination/lieux/${uid}`)
    expect(page.statut).toBe(200)
    expect(page.html).toMatch(/score de qualité/)
    expect(page.html).toContain('Ajoutez les horaires')
    expect((await fetch(`${serveur.url}/coordination/lieux/${uid}`)).status).toBe(401)
  })

  it('après 10 mauvais mots de passe, même le bon est refusé un moment (429, Retry-After)', async () => {
    const autre = await demarrer({ nombre: 0, env: { AIGUILLAGE_COORDINATION_MOT_DE_PASSE: MOT_DE_PASSE } })
    try {
      for (let i = 0; i < 10; i++) expect((await fetch(`${autre.url}/coordination`, { headers: auth(`essai ${i} incorrect`) })).status).toBe(401)
      const bloque = await fetch(`${autre.url}/coordination`, { headers: auth() })
      expect(bloque.status).toBe(429)
      expect(Number(bloque.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(await bloque.text()).toMatch(/Trop d’essais/)
    } finally {
      await autre.fermer()
    }
  })
})
