/**
 * The diagnosis pages through the real server: a coordinator sees their territory's communes,
 * sorted by the header links (`aria-sort`), filtered by the GET form; the CSV and XLSX exports,
 * read back, start with the territory, the date and the filters and hold every commune; the
 * white zones are ranked; the maps are drawn from every commune of the territory, not the page's;
 * a coordinator of another territory is refused; an unknown territory is an error next to its
 * field (400), as on the pilotage hub.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { creerCompte, seConnecter, type Navigateur } from '../support/comptes.ts'
import { demarrer, type ServeurDeTest } from './serveur-de-test.ts'

const COMMUNES_73 = 273

describe('diagnostic territorial par le serveur', () => {
  let s: ServeurDeTest
  let coord: Navigateur
  let autre: Navigateur
  beforeAll(async () => {
    s = await demarrer({ nombre: 30 })
    coord = await seConnecter(s.url, await creerCompte(s.base, 'coord73@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }]))
    autre = await seConnecter(s.url, await creerCompte(s.base, 'coord38@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:38' }]))
  }, 120_000)
  afterAll(async () => s?.fermer())

  it('le tableau du territoire du coordinateur, trié par les en-têtes, 100 lignes par page', async () => {
    const r = await coord.get('/pilotage/diagnostic?tri=population&ordre=desc')
    expect(r.status).toBe(200)
    const html = await r.text()
    expect(html).toContain('Savoie')
    expect(html).toMatch(/aria-sort="descending"[^>]*><a href="[^"]*tri=population&amp;ordre=asc/)
    const lignes = [...html.matchAll(/<tr><th scope="row">([^<]+) <span class="discret">\((\d{5})\)/g)].map((m) => m[2])
    expect(lignes).toHaveLength(100)
    expect(lignes[0]).toBe('73065') // Chambéry, the most populated
    expect(html).toContain('page 1 sur 3')
    // the maps: every commune of Savoie (not the page's 100), the département's share in its table
    expect(html.match(/<svg[^>]* role="img"/g)).toHaveLength(2)
    expect(html).toContain('Part de la population à plus de 10 km d’un lieu (Faire une démarche en ligne)')
    expect(html).toMatch(/<th scope="row">Savoie \(73\)<\/th><td>[\d,]+ %<\/td>/)
    expect(html).toContain(`sur ${COMMUNES_73}.`)
  })

  it('filtre par besoin et distance ; les zones blanches sont classées', async () => {
    const html = await (await coord.get('/pilotage/zones-blanches?besoin=impots&distance=5')).text()
    expect(html).toContain('Faire une démarche en ligne')
    expect(html).toMatch(/communes et [\d\s\u202f]+ habitants à plus de 5 km/)
    expect(html).toContain('aria-sort="descending"')
    // one map, of every commune; its full export is the diagnosis of all communes (no distance filter)
    expect(html).toContain('Population des communes')
    expect(html).not.toContain('Part de la population à plus de')
    expect(html).toContain('href="/pilotage/diagnostic.csv?territoire=departement%3A73&amp;besoin=demarches&amp;du=')
    expect(html).toMatch(/tri=population&amp;ordre=desc">Télécharger toutes les communes \(CSV\)/)
  })

  it('exports CSV et XLSX complets, avec territoire, date et filtres', async () => {
    const csv = await (await coord.get('/pilotage/diagnostic.csv?besoin=sante')).text()
    const lignes = csv.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lignes[0]).toBe('Diagnostic territorial')
    expect(csv).toContain('Coordinateur — Savoie (département)')
    expect(csv).toMatch(/Exporté le;\d/)
    expect(csv).toContain('Besoin;Faire une démarche en ligne')
    const entete = lignes.findIndex((l) => l.startsWith('Code INSEE;'))
    expect(lignes.length - entete - 1).toBe(COMMUNES_73)

    const r = await coord.get('/pilotage/zones-blanches.xlsx?distance=20')
    expect(r.headers.get('content-type')).toContain('spreadsheetml')
    const classeur = new ExcelJS.Workbook()
    await classeur.xlsx.load(Buffer.from(await r.arrayBuffer()) as never)
    const rangees: string[][] = []
    classeur.worksheets[0]?.eachRow((row) => rangees.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
    expect(rangees[0]?.[0]).toBe('Zones blanches')
    expect(rangees.some((l) => l[0] === 'Distance' && l[1]?.includes('20 km'))).toBe(true)
    expect(rangees.some((l) => l[0] === 'Rang')).toBe(true)
  })

  it('refuse un coordinateur d’un autre territoire ; un mauvais paramètre est signalé, pas une panne', async () => {
    expect((await autre.get('/pilotage/diagnostic?territoire=departement:73')).status).toBe(403)
    expect((await autre.get('/pilotage/diagnostic.csv?territoire=73')).status).toBe(403)
    expect((await coord.get('/pilotage/diagnostic?territoire=commune:73065')).status).toBe(200)
    const html = await (await coord.get('/pilotage/diagnostic?distance=7&du=2025-13&besoin=rien')).text()
    expect(html).toContain('Il y a un problème')
    expect(html).toContain('La distance doit valoir')
  })

  it('un territoire inconnu est signalé près du champ, comme sur l’accueil du pilotage (400)', async () => {
    for (const chemin of ['/pilotage/diagnostic', '/pilotage/zones-blanches', '/pilotage']) {
      const r = await coord.get(`${chemin}?territoire=nulle-part`)
      expect(r.status, chemin).toBe(400)
      const html = await r.text()
      expect(html, chemin).toContain('<title>Erreur : ')
      expect(html, chemin).toMatch(/id="territoire-erreur"[^>]*>[^]*?Territoire « nulle-part » inconnu/)
      expect(html, chemin).toMatch(/<input[^>]*id="territoire"[^>]*value="nulle-part"|<input[^>]*value="nulle-part"[^>]*id="territoire"/)
    }
    // the exports send back to the page, which says what is wrong
    const r = await coord.get('/pilotage/diagnostic.csv?territoire=nulle-part')
    expect(r.status).toBe(303)
    expect((await coord.get(r.headers.get('location') ?? '')).status).toBe(400)
  })
})
