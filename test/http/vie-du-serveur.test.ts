/**
 * The server over time: demo data imported while it runs shows its banner, the log holds no
 * query string or personal data, a failing database gives the French 500 page (no stack
 * trace) and a 503 on `/sante`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POLITIQUE_CONTENU } from '../../src/platform/http/entetes.ts'
import { demarrer, importerLieux, lieuxDemo, texte, type ServeurDeTest } from './serveur-de-test.ts'

const BANDEAU = 'Données de démonstration : ces lieux sont fictifs.'
const serveurs: ServeurDeTest[] = []
afterAll(async () => {
  for (const s of serveurs) await s.fermer()
})

async function nouveau(options: Parameters<typeof demarrer>[0]) {
  const serveur = await demarrer(options)
  serveurs.push(serveur)
  return serveur
}

describe('bandeau de démonstration', () => {
  it('apparaît après une importation de démonstration faite pendant que le serveur tourne', async () => {
    const serveur = await nouveau({ nombre: 0 })
    const avant = await (await fetch(`${serveur.url}/`)).text()
    expect(avant).not.toContain(BANDEAU)
    expect(texte(avant)).toContain("Aucun lieu n'est encore publié")

    await importerLieux(serveur.base, lieuxDemo(25))
    // the import's notification refreshes the counts at once (the cache otherwise lasts a minute)
    const limite = Date.now() + 5000
    let html = ''
    while (Date.now() < limite) {
      html = await (await fetch(`${serveur.url}/lieux`)).text()
      if (html.includes(BANDEAU)) break
      await new Promise((r) => setTimeout(r, 200))
    }
    expect(html).toContain(BANDEAU)
    expect(texte(html)).toContain('25 lieux')
    expect(texte(await (await fetch(`${serveur.url}/`)).text())).toContain('25 lieux publiés')
  })
})

describe('journal, puis base de données en panne (même serveur, dans cet ordre)', () => {
  let serveur: ServeurDeTest
  beforeAll(async () => {
    serveur = await nouveau({ nombre: 5, journal: true })
  })

  it('la toute première page servie, même introuvable, montre le bandeau de démonstration', async () => {
    const reponse = await fetch(`${serveur.url}/nexiste/pas`)
    expect(reponse.status).toBe(404)
    expect(await reponse.text()).toContain(BANDEAU)
    serveur.journal.length = 0
  })

  it('une ligne par requête : méthode, route, statut, durée ; jamais la chaîne de requête', async () => {
    const secret = 'jeanne.martin@example.org'
    await fetch(`${serveur.url}/lieux?q=${encodeURIComponent(secret)}&page=0612345678`)
    await fetch(`${serveur.url}/lieux?territoire=${encodeURIComponent(secret)}`)
    await fetch(`${serveur.url}/lieux/1?telephone=0612345678`)
    await fetch(`${serveur.url}/nexiste/${encodeURIComponent(secret)}`)
    await new Promise((r) => setTimeout(r, 100))
    const journal = serveur.journal.join('')
    expect(journal).not.toContain('jeanne')
    expect(journal).not.toContain('0612345678')
    expect(journal).not.toContain('?')
    const lignes = serveur.journal.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'requête traitée')
    expect(lignes).toHaveLength(4)
    expect(lignes[0]).toMatchObject({ methode: 'GET', route: '/lieux', chemin: '/lieux', statut: 200 })
    expect(lignes[1]).toMatchObject({ route: '/lieux', statut: 400 })
    expect(lignes[2]).toMatchObject({ chemin: '/lieux/1', statut: 200 })
    expect(lignes[3]).toMatchObject({ route: null, statut: 404 })
    expect(typeof lignes[0]?.duree).toBe('number')
    for (const l of lignes) expect(Object.keys(l).sort()).toEqual(expect.arrayContaining(['methode', 'route', 'statut', 'duree']))
  })

  it('page 500 en français sans détail technique, /sante en 503, en-têtes de sécurité présents', async () => {
    expect((await fetch(`${serveur.url}/lieux`)).status).toBe(200)
    await serveur.base.fermer()
    const reponse = await fetch(`${serveur.url}/lieux?q=jeanne.martin%40example.org`)
    expect(reponse.status).toBe(500)
    expect(reponse.headers.get('content-security-policy')).toBe(POLITIQUE_CONTENU)
    const html = await reponse.text()
    expect(html).toContain('<h1>Le service rencontre un problème</h1>')
    expect(html).toContain('lang="fr"')
    // the page's own style sheet aside (it styles `select` fields), no trace of the failure
    expect(html.replace(/<style>[\s\S]*?<\/style>/, '')).not.toMatch(/at .*\.ts|Error|stack|select|PGlite/i)
    const sante = await fetch(`${serveur.url}/sante`)
    expect(sante.status).toBe(503)
    expect(await sante.json()).toEqual({ statut: 'indisponible', moteur: 'pglite' })
    const erreurs = serveur.journal.filter((l) => l.includes('"level":50'))
    expect(erreurs.length).toBeGreaterThan(0)
    expect(serveur.journal.join('')).not.toContain('jeanne')
    expect(erreurs.join('')).toContain('Failed query: select')
  })
})
