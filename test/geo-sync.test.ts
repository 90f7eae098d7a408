/**
 * `aiguillage geo sync` run as a user runs it, against a local HTTP server shaped like the geo
 * API: summary, stored rows, idempotent re-run, offline and HTTP errors (exit code 1, nothing
 * written). Then the storage and the loading of the chain, on PGlite and PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { asc, count } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { chargerPositions } from '../src/geo/chargement.ts'
import { compterPositions, enregistrerPositions, lirePositions } from '../src/geo/stockage.ts'
import { importer } from '../src/places/registry/import.ts'
import { ouvrirBase, type Base } from '../src/platform/db/database.ts'
import { communesPositions } from '../src/platform/db/schema.ts'
import { referentiel } from '../src/territories/referentiel.ts'
import { pourChaqueMoteur } from './support/bases.ts'
import { executer } from './support/cli.ts'

const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] })
/** Six items: four valid, one without centre, one code unknown to the referential. */
const FIXTURE = [
  { code: '73065', centre: point(5.9204, 45.5661) },
  { code: '73008', centre: point(5.9092, 45.6884) },
  { code: '75115', centre: point(2.2923, 48.8401) },
  { code: '2A004', centre: point(8.7386, 41.9264) },
  { code: '73031', centre: null },
  { code: '99999', centre: point(5, 45) },
]

let reponse: { statut: number; corps: unknown } = { statut: 200, corps: FIXTURE }
const demandes: string[] = []
let serveur: Server
let adresse: string

beforeAll(async () => {
  serveur = createServer((requete, res) => {
    demandes.push(requete.url ?? '')
    const url = new URL(requete.url ?? '/', 'http://x')
    const attendue = url.pathname === '/communes' && url.searchParams.get('fields') === 'code,centre' && url.searchParams.get('type') === 'commune-actuelle,arrondissement-municipal'
    res.writeHead(attendue ? reponse.statut : 404, { 'content-type': 'application/json' })
    res.end(JSON.stringify(attendue ? reponse.corps : { message: 'introuvable' }))
  })
  await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok))
  adresse = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((ok) => serveur.close(() => ok())))

describe('aiguillage geo sync', () => {
  const dossier = mkdtempSync(path.join(tmpdir(), 'aiguillage-geo-'))
  const donnees = path.join(dossier, 'donnees')
  const env = { AIGUILLAGE_DATA_DIR: donnees, DATABASE_URL: '', AIGUILLAGE_GEO_API: '' }
  afterAll(() => rmSync(dossier, { recursive: true, force: true }))
  beforeEach(() => {
    reponse = { statut: 200, corps: FIXTURE }
  })

  /** The stored rows (the CLI has exited: the embedded database is free). */
  async function lignes(dossierBase = donnees) {
    const base = await ouvrirBase({ dossier: dossierBase })
    try {
      return await base.db.select().from(communesPositions).orderBy(asc(communesPositions.code))
    } finally {
      await base.fermer()
    }
  }

  it('enregistre les positions valides et résume en français', async () => {
    const { code, stdout, stderr } = await executer(['geo', 'sync', '--url', adresse], env)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toContain(`source « api-geo » (${adresse})`)
    expect(stdout).toMatch(/enregistrées\s+4 \(4 nouvelles, 0 mises à jour\)/)
    expect(stdout).toMatch(/ignorées\s+2 \(1 invalide\(s\), 1 code\(s\) inconnu\(s\) du référentiel, 0 en double\)/)
    const sansPosition = /sans position officielle : ([\d ]+) /.exec(stdout)?.[1]?.replace(/ /g, '')
    expect(Number(sansPosition)).toBe(referentiel().communes.size - 4)
    expect(demandes.at(-1)).toBe('/communes?fields=code,centre&format=json&type=commune-actuelle,arrondissement-municipal')
    expect((await lignes()).map(({ code, latitude, longitude, source }) => ({ code, latitude, longitude, source }))).toEqual([
      { code: '2A004', latitude: 41.9264, longitude: 8.7386, source: 'api-geo' },
      { code: '73008', latitude: 45.6884, longitude: 5.9092, source: 'api-geo' },
      { code: '73065', latitude: 45.5661, longitude: 5.9204, source: 'api-geo' },
      { code: '75115', latitude: 48.8401, longitude: 2.2923, source: 'api-geo' },
    ])
  })

  it('relancée (adresse lue dans AIGUILLAGE_GEO_API), met à jour sans doublon', async () => {
    reponse.corps = FIXTURE.map((item) => (item.code === '73065' ? { code: '73065', centre: point(5.92, 45.57) } : item))
    const { code, stdout } = await executer(['geo', 'sync'], { ...env, AIGUILLAGE_GEO_API: adresse })
    expect(code).toBe(0)
    expect(stdout).toMatch(/enregistrées\s+4 \(0 nouvelles, 4 mises à jour\)/)
    const stockees = await lignes()
    expect(stockees).toHaveLength(4)
    expect(stockees.find((l) => l.code === '73065')).toMatchObject({ latitude: 45.57, longitude: 5.92 })
  })

  it('hors ligne ou en erreur HTTP : message français, code 1, rien d’écrit', async () => {
    const avant = await lignes()
    reponse = { statut: 500, corps: { message: 'panne' } }
    const enPanne = await executer(['geo', 'sync', '--url', adresse], env)
    expect(enPanne.code).toBe(1)
    expect(enPanne.stderr).toMatch(/^Erreur : Impossible d'obtenir les positions des communes auprès de http:\/\/127\.0\.0\.1:\d+ : le serveur a répondu 500 Internal Server Error\. Rien n'a été enregistré\./)
    expect(enPanne.stdout).toBe('')

    reponse = { statut: 200, corps: { erreur: 'pas une liste' } }
    const bizarre = await executer(['geo', 'sync', '--url', adresse], env)
    expect(bizarre.code).toBe(1)
    expect(bizarre.stderr).toMatch(/la réponse n'est pas une liste de communes/)

    const ferme = createServer()
    await new Promise<void>((ok) => ferme.listen(0, '127.0.0.1', ok))
    const port = (ferme.address() as AddressInfo).port
    await new Promise<void>((ok) => ferme.close(() => ok()))
    const horsLigne = await executer(['geo', 'sync', '--url', `http://127.0.0.1:${port}`], env)
    expect(horsLigne.code).toBe(1)
    expect(horsLigne.stderr).toMatch(/Erreur : Impossible d'obtenir les positions des communes auprès de http:\/\/127\.0\.0\.1:\d+ : connexion refusée\. Rien n'a été enregistré\./)

    expect(await lignes()).toEqual(avant)
  })

  it('une réponse sans aucune position utilisable n’écrit rien, pas même la base', async () => {
    reponse.corps = [{ code: '99999', centre: point(5, 45) }]
    const neuve = path.join(dossier, 'neuve')
    const { code, stderr } = await executer(['geo', 'sync', '--url', adresse], { ...env, AIGUILLAGE_DATA_DIR: neuve })
    expect(code).toBe(1)
    expect(stderr).toMatch(/aucune position utilisable : rien n'a été enregistré/)
    expect(await lignes(neuve)).toEqual([])
  })

  it('a une aide en français', async () => {
    for (const args of [['geo', '--help'], ['geo', 'sync', '--help']]) {
      const { code, stdout } = await executer(args, env)
      expect(code).toBe(0)
      expect(stdout).toMatch(/^Usage: aiguillage geo/)
      expect(stdout).toMatch(/affiche l'aide/)
    }
    const inconnue = await executer(['geo', 'sync', '--nimporte'], env)
    expect(inconnue.code).toBe(2)
    expect(inconnue.stderr).toMatch(/Erreur : option inconnue : --nimporte/)
  })
})

pourChaqueMoteur('positions des communes en base', (moteur) => {
  let base: Base
  beforeEach(async () => {
    base = await moteur.ouvrir()
  })
  afterEach(async () => base.fermer())

  const chambery = { code: '73065', latitude: 45.5661, longitude: 5.9204 }

  it('insère puis met à jour par code, sans doublon', async () => {
    expect(await enregistrerPositions(base.db, [chambery, { code: '73008', latitude: 45.69, longitude: 5.91 }], 'api-geo')).toEqual({ ecrites: 2, nouvelles: 2 })
    expect(await enregistrerPositions(base.db, [{ ...chambery, latitude: 45.57 }], 'manuel')).toEqual({ ecrites: 1, nouvelles: 0 })
    expect(await compterPositions(base.db)).toBe(2)
    const [ligne] = await base.db.select().from(communesPositions).orderBy(asc(communesPositions.code)).offset(1)
    expect(ligne).toMatchObject({ code: '73065', latitude: 45.57, longitude: 5.9204, source: 'manuel' })
    expect(ligne?.updatedAt).toBeInstanceOf(Date)
  })

  it('tout ou rien : une erreur dans le dernier lot laisse la table telle qu’elle était', async () => {
    await enregistrerPositions(base.db, [chambery], 'api-geo')
    const beaucoup = Array.from({ length: 4_500 }, (_, i) => ({ code: `X${String(i).padStart(4, '0')}`, latitude: 45, longitude: 5 }))
    beaucoup.push({ code: 'X4499', latitude: 46, longitude: 6 }) // same code twice in one statement: PostgreSQL refuses it
    await expect(enregistrerPositions(base.db, beaucoup, 'api-geo')).rejects.toThrow()
    expect(await compterPositions(base.db)).toBe(1)
    expect(await lirePositions(base.db)).toEqual(new Map([['73065', { lat: 45.5661, lon: 5.9204 }]]))
  })

  it('charge la chaîne depuis la base : centres enregistrés, centroïdes des lieux publiés situés', async () => {
    await enregistrerPositions(base.db, [{ code: '75115', latitude: 48.8401, longitude: 2.2923 }], 'api-geo')
    const lieu = (id: string, latitude: number | '', longitude: number | '') => ({
      id,
      pivot: '00000000000000',
      nom: `Lieu ${id}`,
      commune: 'Chambéry',
      code_postal: '73000',
      adresse: '1 place de la Mairie',
      date_maj: '2024-05-02',
      latitude,
      longitude,
    })
    const lignes = [lieu('a', 45.56, 5.91), lieu('b', 45.58, 5.93), lieu('c', '', '')]
    const importerLignes = (l: object[]) => importer(base, { source: 'hub', nomFichier: 'hub.json', octets: Buffer.from(JSON.stringify(l)), aujourdhui: '2026-11-22' })
    await importerLignes([...lignes, lieu('d', 45.9, 6.3)])
    await importerLignes(lignes) // d is withdrawn: its position no longer counts

    const positions = await chargerPositions(base.db)
    expect(positions.position('75115')).toEqual({ latitude: 48.8401, longitude: 2.2923, approximative: false, origine: 'api-geo' })
    expect(positions.position('73065')).toEqual({ latitude: expect.closeTo(45.57, 10), longitude: expect.closeTo(5.92, 10), approximative: true, origine: 'lieux' })
    expect(positions.position('73031')?.origine).toBe('code-postal') // Bassens, 73000 like Chambéry
    expect(positions.position('75056')?.origine).toBe('api-geo') // Paris, from its 15th arrondissement
    expect((await base.db.select({ n: count() }).from(communesPositions))[0]?.n).toBe(1)
  })
})
