/** `aiguillage import https://…`: the file is downloaded from a real (loopback) HTTP server, then read like a local one. */
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lireEntree } from '../src/cli/commands/import.ts'

describe('importer depuis une adresse', () => {
  let serveur: Server
  let url = ''
  const contenu = JSON.stringify([{ id: '1', nom: 'Médiathèque' }])
  beforeAll(async () => {
    serveur = createServer((requete, reponse) => {
      if (requete.url === '/donnees/lieux%20publics.json') reponse.writeHead(200, { 'content-type': 'application/json' }).end(contenu)
      else reponse.writeHead(404).end()
    })
    await new Promise<void>((r) => serveur.listen(0, '127.0.0.1', r))
    const adresse = serveur.address()
    url = typeof adresse === 'object' && adresse ? `http://127.0.0.1:${adresse.port}` : ''
  })
  afterAll(() => new Promise<void>((r) => serveur.close(() => r())))

  it('télécharge le fichier et garde son nom', async () => {
    const { nom, octets } = await lireEntree(`${url}/donnees/lieux%20publics.json`)
    expect(nom).toBe('lieux publics.json')
    expect(Buffer.from(octets).toString('utf8')).toBe(contenu)
  })

  it('une adresse introuvable donne un message clair', async () => {
    await expect(lireEntree(`${url}/absent.json`)).rejects.toThrow(/le serveur a répondu 404/)
    await expect(lireEntree('http://127.0.0.1:1/rien.json')).rejects.toThrow(/Téléchargement de .* impossible/)
  })

  it('un fichier local absent donne un message clair', async () => {
    await expect(lireEntree('/nulle/part/lieux.csv')).rejects.toThrow(/n'existe pas/)
  })
})
