/**
 * The public API `/api/v1` on a real server (loopback port, real database, PGlite and
 * PostgreSQL): the list of places walked by cursor exactly once, ETag and 304, territory filter,
 * one place, the search (criteria, distances against the haversine formula, opening, pages,
 * widening), its CSV export, commune suggestions, the OpenAPI document checked against the
 * routes really registered and against every body served, the readable page `/api`, CORS, and
 * absurd query strings. Every place is checked by the ANCT library's reader.
 */
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PARAMETRES_RECHERCHE, PARAMETRES_RECHERCHE_CSV } from '../../src/orientation/api/criteres.ts'
import type { DocumentOpenApi } from '../../src/orientation/api/openapi.ts'
import { PARAMETRES_LIEUX } from '../../src/orientation/api/curseur.ts'
import { DISPOSITIF_PROGRAMMES_NATIONAUX, MODALITES_ACCOMPAGNEMENT, PRISE_EN_CHARGE_SPECIFIQUE, PUBLICS_SPECIFIQUEMENT_ADRESSES, SERVICES } from '../../src/places/standard/enumerations.ts'
import { CHAMPS } from '../../src/places/standard/fields.ts'
import { horairesDe, ouvertA } from '../../src/orientation/index/ouverture.ts'
import { pourChaqueMoteur } from '../support/bases.ts'
import { importerLieux, lieuxDemo } from '../http/serveur-de-test.ts'
import { refusAnct, routesEnregistrees, validateur, type Validateur } from './outils.ts'
import { CHAMBERY, demarrerApi, haversine, lire, NOMBRE_ISERE, NOMBRE_SAVOIE, type ServeurApi } from './serveur-api.ts'

type Objet = Record<string, string | number>
interface PageLieux {
  data: Objet[]
  meta: { total: number; limite: number }
  links: { self: string; next: string | null }
}
interface Resultat {
  lieu: Objet
  distance: number | null
  distance_approximative: boolean
  ouverture: { ouvert: boolean | null; texte: string }
}
interface ReponseRecherche {
  data: Resultat[]
  meta: {
    total: number
    page: number
    pages: number
    par_page: number
    rayon_km: number | null
    comprehension?: { texte: string; compris: Array<{ expression: string; type: string; valeur: string }>; termes_ignores: string[] }
    elargissements?: Array<{ libelle: string; total: number; lien: string }>
  }
  links: { self: string; next: string | null; prev: string | null; csv: string }
}
interface Erreur {
  erreur: string
  problemes?: Array<{ parametre: string; message: string }>
}

const DEMARCHES = 'Aide aux démarches administratives'
const TOTAL_PUBLIES = NOMBRE_SAVOIE + NOMBRE_ISERE + 1
const liste = (valeur: string | number | undefined) => (typeof valeur === 'string' ? valeur.split('|') : [])
const requete = (parametres: Record<string, string | string[]>) => {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(parametres)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x)
  return p.toString()
}
/** The next Tuesday at 10:00, Paris time (the test process runs in Europe/Paris). */
function mardiProchain(heure = '10:00'): string {
  const d = new Date()
  d.setDate(d.getDate() + (((2 - d.getDay() + 7) % 7) || 7))
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}T${heure}`
}

pourChaqueMoteur('API publique /api/v1', (moteur) => {
  let serveur: ServeurApi
  let document: DocumentOpenApi
  let valider: Validateur
  /** Every published place, walked through the API. */
  let tous: Objet[]

  beforeAll(async () => {
    serveur = await demarrerApi(moteur)
    document = (await lire<DocumentOpenApi>(serveur, '/api/v1/openapi.json')).json
    valider = validateur(document)
  })
  afterAll(async () => serveur?.fermer())

  /** Walks a paginated address through its `next` links; returns the pages. */
  async function parcourir<T extends { links: { next: string | null } }>(depart: string): Promise<T[]> {
    const pages: T[] = []
    let lien: string | null = depart
    while (lien !== null) {
      const r: { statut: number; json: T } = await lire<T>(serveur, lien)
      expect(r.statut, lien).toBe(200)
      pages.push(r.json)
      lien = r.json.links.next
      expect(pages.length).toBeLessThan(1000)
    }
    return pages
  }

  it('une adresse mal formée sous /api/v1 répond en JSON français, lisible de partout', async () => {
    for (const chemin of ['/api/v1/lieux/%E0%A4%A', `/api/v1/lieux/${'x'.repeat(150)}`]) {
      const reponse = await fetch(`${serveur.url}${chemin}`)
      expect([400, 404]).toContain(reponse.status)
      expect(reponse.headers.get('content-type')).toMatch(/application\/json/)
      expect(reponse.headers.get('access-control-allow-origin')).toBe('*')
      expect(((await reponse.json()) as { erreur: string }).erreur).toMatch(/[a-zé]/)
    }
  })

  describe('GET /api/v1/lieux', () => {
    it('la pagination par curseur donne chaque lieu publié exactement une fois, dans l’ordre du registre', async () => {
      const pages = await parcourir<PageLieux>('/api/v1/lieux?limite=37')
      tous = pages.flatMap((p) => p.data)
      const ids = tous.map((l) => String(l.id))
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids).toEqual(serveur.publies.map((l) => String(l.id)))
      expect(ids.length).toBe(TOTAL_PUBLIES)
      for (const retire of serveur.retires) expect(ids).not.toContain(retire)
      expect(pages.length).toBe(Math.ceil(TOTAL_PUBLIES / 37))
      for (const page of pages) {
        expect(page.meta).toEqual({ total: TOTAL_PUBLIES, limite: 37 })
        expect(valider('PageDeLieux', page)).toEqual([])
      }
      expect(pages.slice(0, -1).every((p) => p.data.length === 37)).toBe(true)
      expect(pages.at(-1)?.links.next).toBeNull()
    })

    it('chaque objet a les champs du standard seulement, dans son ordre, et la bibliothèque de l’ANCT l’accepte', () => {
      const refus = tous.map(refusAnct).filter(Boolean)
      expect(refus).toEqual([])
      for (const lieu of tous) {
        const cles = Object.keys(lieu)
        expect(cles.every((c) => (CHAMPS as readonly string[]).includes(c))).toBe(true)
        expect(cles).toEqual(CHAMPS.filter((c) => c in lieu))
        expect(Object.values(lieu).every((v) => v !== '' && v !== null)).toBe(true)
      }
    })

    it('le lien next est aussi dans l’en-tête Link ; la limite vaut 100 par défaut, 1000 au plus', async () => {
      const r = await lire<PageLieux>(serveur, '/api/v1/lieux')
      expect(r.json.meta.limite).toBe(100)
      expect(r.json.data.length).toBe(100)
      expect(r.json.links.self).toBe('/api/v1/lieux')
      expect(r.entetes.get('link')).toBe(`<${r.json.links.next}>; rel="next"`)
      const mille = await lire<PageLieux>(serveur, '/api/v1/lieux?limite=1000')
      expect(mille.json.data.length).toBe(TOTAL_PUBLIES)
      expect(mille.json.links.next).toBeNull()
      expect(mille.entetes.get('link')).toBeNull()
      expect((await lire<PageLieux>(serveur, '/api/v1/lieux?limite=1')).json.data.length).toBe(1)
      for (const limite of ['0', '1001', '-1', 'abc', '1.5', '1e3', '99999999999']) {
        const mauvais = await lire<Erreur>(serveur, `/api/v1/lieux?limite=${limite}`)
        expect(mauvais.statut, limite).toBe(400)
        expect(mauvais.json.erreur).toContain('limite')
        expect(mauvais.json.erreur).toContain('entre 1 et 1000')
        expect(valider('Erreur', mauvais.json)).toEqual([])
      }
      expect((await lire(serveur, '/api/v1/lieux?limite=10&limite=20')).statut).toBe(400)
    })

    it('un curseur qui n’est pas le nôtre est refusé', async () => {
      for (const curseur of ['abc', 'bDA', '%00', 'x'.repeat(60), Buffer.from('l12x').toString('base64url')]) {
        const r = await lire<Erreur>(serveur, `/api/v1/lieux?apres=${encodeURIComponent(curseur)}`)
        expect(r.statut, curseur).toBe(400)
        expect(r.json.erreur).toContain('curseur')
      }
    })

    it('ETag : If-None-Match donne 304 sans corps ; cache public d’une minute', async () => {
      const r = await lire(serveur, '/api/v1/lieux?limite=50')
      const etag = r.entetes.get('etag')
      expect(etag).toMatch(/^W\/"[\w-]+"$/)
      expect(r.entetes.get('cache-control')).toBe('public, max-age=60')
      const pareil = await lire(serveur, '/api/v1/lieux?limite=50', { 'if-none-match': etag ?? '' })
      expect(pareil.statut).toBe(304)
      expect(pareil.texte).toBe('')
      expect(pareil.entetes.get('etag')).toBe(etag)
      expect((await lire(serveur, '/api/v1/lieux?limite=50', { 'if-none-match': `"autre", ${etag}` })).statut).toBe(304)
      expect((await lire(serveur, '/api/v1/lieux?limite=50', { 'if-none-match': '"autre"' })).statut).toBe(200)
      expect((await lire(serveur, '/api/v1/lieux?limite=51')).entetes.get('etag')).not.toBe(etag)
    })

    it('filtre par territoire, comme aiguillage export --territoire', async () => {
      const savoie = (await lire<PageLieux>(serveur, '/api/v1/lieux?territoire=73&limite=1000')).json
      expect(savoie.meta.total).toBe(NOMBRE_SAVOIE)
      expect(savoie.data.every((l) => String(l.code_insee).startsWith('73'))).toBe(true)
      const isere = (await lire<PageLieux>(serveur, '/api/v1/lieux?territoire=Isère&limite=1000')).json
      expect(isere.meta.total).toBe(NOMBRE_ISERE + 1)
      expect(isere.data.every((l) => String(l.code_insee).startsWith('38'))).toBe(true)
      expect((await lire<PageLieux>(serveur, '/api/v1/lieux?territoire=region:84')).json.meta.total).toBe(TOTAL_PUBLIES)
      const chambery = await parcourir<PageLieux>('/api/v1/lieux?territoire=73065&limite=2')
      const ids = chambery.flatMap((p) => p.data.map((l) => l.id))
      expect(ids).toEqual(tous.filter((l) => l.code_insee === '73065').map((l) => l.id))
      expect(ids.length).toBeGreaterThan(2)
      for (const territoire of ['zzz', '84', 'pays:1']) {
        const r = await lire<Erreur>(serveur, `/api/v1/lieux?territoire=${encodeURIComponent(territoire)}`)
        expect(r.statut, territoire).toBe(400)
        expect(r.json.erreur).toMatch(/territoire|ambigu/i)
      }
    })
  })

  describe('GET /api/v1/lieux/{id}', () => {
    it('donne le lieu publié au standard ; 404 en JSON et en français sinon', async () => {
      const premier = tous[0] as Objet
      const r = await lire<Objet>(serveur, `/api/v1/lieux/${encodeURIComponent(String(premier.id))}`)
      expect(r.statut).toBe(200)
      expect(r.json).toEqual(premier)
      expect(valider('Lieu', r.json)).toEqual([])
      expect(r.entetes.get('etag')).toBeTruthy()
      for (const id of [...serveur.retires, 'inconnu', 'a/b', '%C3%A9t%C3%A9 ?', 'x'.repeat(100)]) {
        const absent = await lire<Erreur>(serveur, `/api/v1/lieux/${encodeURIComponent(id)}`)
        expect(absent.statut, id).toBe(404)
        expect(absent.entetes.get('content-type')).toContain('application/json')
        expect(absent.json.erreur).toMatch(/^Aucun lieu publié/)
        expect(absent.entetes.get('access-control-allow-origin')).toBe('*')
        expect(absent.entetes.get('cache-control')).toBe('no-store')
      }
      // beyond Fastify's 100 characters per path parameter: its French 400 page, never a crash
      expect((await lire(serveur, `/api/v1/lieux/${'x'.repeat(400)}`)).statut).toBe(400)
    })
  })

  describe('GET /api/v1/recherche', () => {
    it('services + commune + rayon : les lieux du service, les plus proches d’abord, distances en mètres exactes à 1 %', async () => {
      const r = await lire<ReponseRecherche>(serveur, `/api/v1/recherche?${requete({ services: DEMARCHES, commune: CHAMBERY.code, rayon: '20', par_page: '100' })}`)
      expect(r.statut).toBe(200)
      expect(valider('ReponseRecherche', r.json)).toEqual([])
      const { data, meta } = r.json
      expect(meta.rayon_km).toBe(20)
      expect(data.length).toBe(meta.total)
      expect(meta.total).toBeGreaterThan(5)
      const distances = data.map((d) => d.distance as number)
      expect(distances).toEqual([...distances].sort((a, b) => a - b))
      for (const { lieu, distance, distance_approximative } of data) {
        expect(liste(lieu.services)).toContain(DEMARCHES)
        expect(Number.isInteger(distance)).toBe(true)
        expect(distance).toBeLessThanOrEqual(20_000)
        expect(distance_approximative).toBe(false) // the official centre of Chambéry is stored, and demo places have coordinates
        const attendu = haversine(CHAMBERY.latitude, CHAMBERY.longitude, Number(lieu.latitude), Number(lieu.longitude))
        expect(Math.abs((distance as number) - attendu)).toBeLessThanOrEqual(Math.max(1, attendu * 0.01))
      }
      // the same count, computed independently from the list of places
      const autour = (km: number) =>
        tous.filter((l) => liste(l.services).includes(DEMARCHES) && haversine(CHAMBERY.latitude, CHAMBERY.longitude, Number(l.latitude), Number(l.longitude)) <= km * 1000).length
      expect(meta.total).toBeGreaterThanOrEqual(autour(19.9))
      expect(meta.total).toBeLessThanOrEqual(autour(20.1))
      for (const d of data) expect(refusAnct(d.lieu)).toBeUndefined()
    })

    it('lat et lon : distances depuis la position, triées', async () => {
      const point = { lat: 45.6755, lon: 6.3925 } // Albertville
      const r = await lire<ReponseRecherche>(serveur, `/api/v1/recherche?lat=${point.lat}&lon=${point.lon}&rayon=30&par_page=100`)
      expect(r.statut).toBe(200)
      expect(r.json.meta.total).toBeGreaterThan(0)
      let precedente = 0
      for (const { lieu, distance, distance_approximative } of r.json.data) {
        expect(distance).toBeGreaterThanOrEqual(precedente)
        precedente = distance as number
        expect(distance_approximative).toBe(false)
        const attendu = haversine(point.lat, point.lon, Number(lieu.latitude), Number(lieu.longitude))
        expect(Math.abs((distance as number) - attendu)).toBeLessThanOrEqual(Math.max(1, attendu * 0.01))
        expect(attendu).toBeLessThanOrEqual(30_100)
      }
    })

    it('une commune sans centre officiel : distances marquées approximatives', async () => {
      const autre = tous.find((l) => typeof l.code_insee === 'string' && l.code_insee.startsWith('73') && l.code_insee !== CHAMBERY.code)
      const r = await lire<ReponseRecherche>(serveur, `/api/v1/recherche?commune=${autre?.code_insee}&rayon=10`)
      expect(r.statut).toBe(200)
      expect(r.json.data.length).toBeGreaterThan(0)
      expect(r.json.data.every((d) => d.distance_approximative && d.distance !== null)).toBe(true)
    })

    it('ouvert=maintenant : chaque résultat est ouvert ; une date ISO filtre aussi', async () => {
      const sans = (await lire<ReponseRecherche>(serveur, '/api/v1/recherche?par_page=1')).json.meta.total
      expect(sans).toBe(TOTAL_PUBLIES)
      const pages = await parcourir<ReponseRecherche>('/api/v1/recherche?ouvert=maintenant&par_page=100')
      const resultats = pages.flatMap((p) => p.data)
      expect(resultats.length).toBe(pages[0]?.meta.total)
      expect(resultats.length).toBeLessThan(sans)
      for (const r of resultats) expect(r.ouverture.ouvert).toBe(true)
      const mardi = (await lire<ReponseRecherche>(serveur, `/api/v1/recherche?ouvert=${mardiProchain()}&par_page=100`)).json
      expect(mardi.meta.total).toBeGreaterThan(0)
      expect(mardi.meta.total).toBeLessThan(sans)
      // exactly the places whose hours say open then (opening_hours, holidays of Auvergne-Rhône-Alpes)
      const instant = new Date(mardiProchain())
      const ouverts = tous.filter((l) => typeof l.horaires === 'string' && ouvertA(horairesDe(l.horaires, 'Auvergne-Rhône-Alpes'), instant))
      expect(mardi.meta.total).toBe(ouverts.length)
      const nuit = (await lire<ReponseRecherche>(serveur, `/api/v1/recherche?ouvert=${mardiProchain('03:00')}`)).json
      expect(nuit.meta.total).toBe(0)
      // a weekly slot: Tuesday 9h–12h
      const creneau = (await lire<ReponseRecherche>(serveur, '/api/v1/recherche?jour=mardi&de=9h&a=12h')).json
      expect(creneau.meta.total).toBeGreaterThanOrEqual(mardi.meta.total)
    })

    it('quand rien ne correspond, des élargissements avec leur nombre de lieux et un lien qui le donne', async () => {
      const r = await lire<ReponseRecherche>(serveur, `/api/v1/recherche?commune=${CHAMBERY.code}&rayon=5&ouvert=${mardiProchain('03:00')}`)
      expect(r.json.meta.total).toBe(0)
      expect(r.json.data).toEqual([])
      const elargissements = r.json.meta.elargissements ?? []
      expect(elargissements.map((e) => e.libelle)).toContain('Sans condition d’horaires')
      for (const e of elargissements) {
        const suite = await lire<ReponseRecherche>(serveur, e.lien)
        expect(suite.statut, e.lien).toBe(200)
        expect(suite.json.meta.total, e.libelle).toBe(e.total)
      }
    })

    it('pages : chaque résultat une fois, liens next et prev, page au-delà vide', async () => {
      const pages = await parcourir<ReponseRecherche>(`/api/v1/recherche?${requete({ services: DEMARCHES, par_page: '7' })}`)
      const ids = pages.flatMap((p) => p.data.map((d) => d.lieu.id))
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids.length).toBe(pages[0]?.meta.total)
      expect(ids.length).toBe(tous.filter((l) => liste(l.services).includes(DEMARCHES)).length)
      expect(pages.length).toBe(pages[0]?.meta.pages)
      expect(pages[0]?.links.prev).toBeNull()
      expect(pages[1]?.links.prev).toContain('page=1')
      const loin = await lire<ReponseRecherche>(serveur, `/api/v1/recherche?${requete({ services: DEMARCHES, page: '999' })}`)
      expect(loin.statut).toBe(200)
      expect(loin.json.data).toEqual([])
      expect(loin.json.meta.page).toBe(999)
      for (const parPage of ['0', '101', 'x']) expect((await lire(serveur, `/api/v1/recherche?par_page=${parPage}`)).statut).toBe(400)
      expect((await lire(serveur, '/api/v1/recherche?page=0')).statut).toBe(400)
    })

    it('critères des énumérations du standard : répétés ou séparés par « | », majuscules et accents tolérés', async () => {
      const total = async (q: string) => (await lire<ReponseRecherche>(serveur, `/api/v1/recherche?${q}`)).json.meta.total
      const a = SERVICES[0]
      const b = SERVICES[1]
      const deux = await total(requete({ services: [a, b] }))
      expect(await total(requete({ services: `${a}|${b}` }))).toBe(deux)
      expect(deux).toBe(tous.filter((l) => liste(l.services).some((s) => s === a || s === b)).length)
      expect(await total(requete({ services: 'aide aux DEMARCHES administratives' }))).toBe(await total(requete({ services: a })))
      const combinaisons: Array<[string, readonly string[]]> = [
        ['publics_specifiquement_adresses', PUBLICS_SPECIFIQUEMENT_ADRESSES],
        ['prise_en_charge_specifique', PRISE_EN_CHARGE_SPECIFIQUE],
        ['modalites_accompagnement', MODALITES_ACCOMPAGNEMENT],
        ['dispositif_programmes_nationaux', DISPOSITIF_PROGRAMMES_NATIONAUX],
      ]
      for (const [champ, valeurs] of combinaisons) {
        const valeur = valeurs[0] as string
        const r = (await lire<ReponseRecherche>(serveur, `/api/v1/recherche?${requete({ [champ]: valeur, par_page: '100' })}`)).json
        expect(r.meta.total, champ).toBe(tous.filter((l) => liste(l[champ]).includes(valeur)).length)
        for (const d of r.data) expect(liste(d.lieu[champ])).toContain(valeur)
      }
      const gratuits = (await lire<ReponseRecherche>(serveur, '/api/v1/recherche?frais_a_charge=Gratuit&par_page=100')).json
      expect(gratuits.meta.total).toBe(tous.filter((l) => liste(l.frais_a_charge).includes('Gratuit')).length)
      const payant = await lire<Erreur>(serveur, '/api/v1/recherche?frais_a_charge=Payant')
      expect(payant.statut).toBe(400)
      expect(payant.json.erreur).toContain('« Gratuit »')
    })

    it('une valeur hors énumération : 400 qui la nomme, et propose la plus proche', async () => {
      const r = await lire<Erreur>(serveur, `/api/v1/recherche?${requete({ services: ['Aide aux démarches administratives', 'Aide aux démarches administrativs', 'Cuisine'] })}`)
      expect(r.statut).toBe(400)
      expect(r.json.erreur).toContain('« Aide aux démarches administrativs »')
      expect(r.json.erreur).toContain('« Cuisine »')
      expect(r.json.erreur).toContain('Vouliez-vous dire « Aide aux démarches administratives » ?')
      expect(r.json.problemes?.map((p) => p.parametre)).toEqual(['services', 'services'])
      const dispositif = await lire<Erreur>(serveur, '/api/v1/recherche?dispositif_programmes_nationaux=France%20Service%20Plus')
      expect(dispositif.statut).toBe(400)
      expect(dispositif.json.erreur).toContain('France Service Plus')
    })

    it('texte libre : la réponse dit ce qui a été compris', async () => {
      const r = (await lire<ReponseRecherche>(serveur, `/api/v1/recherche?q=impots&commune=${CHAMBERY.code}`)).json
      expect(r.meta.comprehension?.texte).toBe('impots')
      expect(r.meta.comprehension?.compris[0]).toMatchObject({ expression: 'impots', type: 'besoin' })
      expect(r.meta.total).toBeGreaterThan(0)
      expect((await lire<ReponseRecherche>(serveur, '/api/v1/recherche')).json.meta.comprehension).toBeUndefined()
    })

    it('territoire limite la recherche', async () => {
      const r = (await lire<ReponseRecherche>(serveur, '/api/v1/recherche?territoire=38&par_page=100')).json
      expect(r.meta.total).toBe(NOMBRE_ISERE + 1)
      expect(r.data.every((d) => String(d.lieu.code_insee).startsWith('38'))).toBe(true)
    })
  })

  describe('GET /api/v1/recherche.csv', () => {
    it('tous les résultats, dans l’ordre de la recherche, aux 32 colonnes du standard', async () => {
      const criteres = requete({ services: DEMARCHES, commune: CHAMBERY.code, rayon: '30' })
      const json = await parcourir<ReponseRecherche>(`/api/v1/recherche?${criteres}&par_page=9`)
      const r = await lire(serveur, `/api/v1/recherche.csv?${criteres}`)
      expect(r.statut).toBe(200)
      expect(r.entetes.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(r.entetes.get('content-disposition')).toMatch(/^attachment; filename="lieux-[\w-]+\.csv"$/)
      expect(r.entetes.get('access-control-allow-origin')).toBe('*')
      expect(r.texte.split('\r\n')[0]).toBe(CHAMPS.join(','))
      const lignes = parse(r.texte, { columns: true }) as Array<Record<string, string>>
      expect(lignes.length).toBe(json[0]?.meta.total)
      expect(lignes.map((l) => l.id)).toEqual(json.flatMap((p) => p.data.map((d) => d.lieu.id)))
      for (const ligne of lignes) {
        const objet: Record<string, unknown> = Object.fromEntries(Object.entries(ligne).filter(([, v]) => v !== ''))
        for (const champ of ['latitude', 'longitude']) if (objet[champ] !== undefined) objet[champ] = Number(objet[champ])
        expect(refusAnct(objet)).toBeUndefined()
        expect(objet).toEqual(tous.find((l) => l.id === ligne.id))
      }
      const toutes = await lire(serveur, '/api/v1/recherche.csv')
      expect(toutes.texte.trim().split('\r\n').length).toBe(TOTAL_PUBLIES + 1)
      const lien = (await lire<ReponseRecherche>(serveur, `/api/v1/recherche?${criteres}&page=2&par_page=3`)).json.links.csv
      expect((await lire(serveur, lien)).texte).toBe(r.texte)
    })

    it('mêmes erreurs que la recherche ; pas de pages', async () => {
      const r = await lire<Erreur>(serveur, '/api/v1/recherche.csv?services=Cuisine')
      expect(r.statut).toBe(400)
      expect(r.json.erreur).toContain('Cuisine')
      expect((await lire(serveur, '/api/v1/recherche.csv?page=2')).statut).toBe(400)
    })
  })

  describe('GET /api/v1/communes', () => {
    it('q=73000 et q=chamb : Chambéry d’abord, au format attendu par la page', async () => {
      for (const q of ['73000', 'chamb', 'Chambéry', 'CHAMBERY']) {
        const r = await lire<Array<Record<string, unknown>>>(serveur, `/api/v1/communes?q=${encodeURIComponent(q)}`)
        expect(r.statut, q).toBe(200)
        expect(r.json[0], q).toEqual({ code: '73065', nom: 'Chambéry', departement: '73', codesPostaux: ['73000'] })
        expect(r.json.length).toBeLessThanOrEqual(10)
        for (const c of r.json) {
          expect(Object.keys(c)).toEqual(['code', 'nom', 'departement', 'codesPostaux'])
          expect(valider('Commune', c)).toEqual([])
        }
      }
      expect((await lire<unknown[]>(serveur, '/api/v1/communes?q=chamb')).json.length).toBe(10)
      expect((await lire(serveur, '/api/v1/communes')).json).toEqual([])
      expect((await lire(serveur, '/api/v1/communes?q=')).json).toEqual([])
      expect((await lire(serveur, '/api/v1/communes?q=zzzzzz')).json).toEqual([])
      expect((await lire(serveur, '/api/v1/communes?q=a&q=b')).statut).toBe(400)
      expect((await lire(serveur, `/api/v1/communes?q=${'a'.repeat(101)}`)).statut).toBe(400)
    })
  })

  describe('GET /api/v1/openapi.json', () => {
    it('un document OpenAPI 3.1 qui décrit exactement les adresses servies', async () => {
      const r = await lire(serveur, '/api/v1/openapi.json')
      expect(r.statut).toBe(200)
      expect(() => JSON.parse(r.texte)).not.toThrow()
      expect(document.openapi).toBe('3.1.0')
      expect(document.servers[0]?.url).toBe('/api/v1')
      const documentees = Object.keys(document.paths).map((p) => `GET /api/v1${p.replace(/\{(\w+)\}/g, ':$1')}`).sort()
      const servies = routesEnregistrees(serveur.app)
        .filter((route) => route.startsWith('GET /api/v1/'))
        .sort()
      expect(servies).toEqual(documentees)
    })

    it('les paramètres documentés sont ceux que chaque adresse accepte', () => {
      const noms = (chemin: string) => (document.paths[chemin]?.get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)
      expect(noms('/lieux')).toEqual([...PARAMETRES_LIEUX])
      expect(noms('/lieux/{id}')).toEqual([])
      expect(noms('/recherche').sort()).toEqual([...PARAMETRES_RECHERCHE].sort())
      expect(noms('/recherche.csv').sort()).toEqual([...PARAMETRES_RECHERCHE_CSV].sort())
      expect(noms('/communes')).toEqual(['q'])
      expect(noms('/openapi.json')).toEqual([])
      const services = document.paths['/recherche']?.get.parameters.find((p) => p.name === 'services')
      expect((services?.schema.items as { enum: string[] }).enum).toEqual([...SERVICES])
    })

    it('le schéma du lieu a les 32 champs du standard ; toute référence se résout', () => {
      const lieu = document.components.schemas.Lieu as { properties: Record<string, unknown>; additionalProperties: boolean }
      expect(Object.keys(lieu.properties)).toEqual([...CHAMPS])
      expect(lieu.additionalProperties).toBe(false)
      const texte = JSON.stringify(document)
      for (const [, cible] of texte.matchAll(/"\$ref":"#\/([^"]+)"/g)) {
        let noeud: unknown = document
        for (const morceau of (cible ?? '').split('/')) noeud = (noeud as Record<string, unknown> | undefined)?.[morceau]
        expect(noeud, cible).toBeDefined()
      }
      for (const [chemin, { get }] of Object.entries(document.paths)) {
        expect(get.summary, chemin).toBeTruthy()
        expect(get.responses['200'], chemin).toBeDefined()
        for (const p of get.parameters) expect(p.description.length, `${chemin} ${p.name}`).toBeGreaterThan(10)
      }
    })
  })

  describe('page /api, CORS, robustesse', () => {
    it('la page /api explique chaque adresse, avec des exemples qui fonctionnent', async () => {
      const r = await lire(serveur, '/api')
      expect(r.statut).toBe(200)
      expect(r.entetes.get('content-type')).toContain('text/html')
      expect(r.texte).toContain('<html lang="fr"')
      expect(r.texte.match(/<h1[\s>]/g)?.length).toBe(1)
      expect(r.texte).toContain('href="/api/v1/openapi.json"')
      for (const chemin of Object.keys(document.paths)) expect(r.texte).toContain(`GET /api/v1${chemin}`)
      const exemples = [...r.texte.matchAll(/href="(\/api\/v1\/[^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'))
      expect(exemples.length).toBeGreaterThan(8)
      for (const exemple of new Set(exemples)) expect((await lire(serveur, exemple)).statut, exemple).toBe(200)
    })

    it('CORS : toute réponse de /api/v1 est lisible depuis un autre site ; préflight accepté', async () => {
      for (const chemin of ['/api/v1/lieux?limite=1', '/api/v1/recherche?services=x', '/api/v1/inconnu', '/api/v1/openapi.json', '/api/v1/communes?q=73']) {
        const r = await lire(serveur, chemin, { origin: 'https://ailleurs.example' })
        expect(r.entetes.get('access-control-allow-origin'), chemin).toBe('*')
        expect(r.entetes.get('access-control-expose-headers')).toContain('ETag')
      }
      const preflight = await fetch(`${serveur.url}/api/v1/lieux`, {
        method: 'OPTIONS',
        headers: { origin: 'https://ailleurs.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
      })
      expect(preflight.status).toBe(204)
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
      expect(preflight.headers.get('access-control-allow-headers')).toBe('if-none-match')
      expect(preflight.headers.get('access-control-allow-methods')).toContain('GET')
      const tete = await fetch(`${serveur.url}/api/v1/lieux?limite=2`, { method: 'HEAD' })
      expect(tete.status).toBe(200)
      expect(await tete.text()).toBe('')
    })

    it('aucune chaîne de requête ne fait tomber le serveur : 200 ou 400 en JSON, en français', async () => {
      const absurdes = [
        'page=abc',
        'page=1&page=2',
        'page=-1',
        'lat=abc&lon=1',
        'lat=91&lon=0',
        'lat=45',
        'lon=5',
        'lat=1e400&lon=0',
        'lat=45.5&lon=5.9&lat=45.6',
        'rayon=0&commune=73065',
        'rayon=101&commune=73065',
        'rayon=abc&commune=73065',
        'rayon=5',
        'commune=99999',
        'commune=abc',
        'commune=73065&lat=1&lon=1',
        'commune=73065&commune=73008',
        'ouvert=hier',
        'ouvert=creneau',
        'ouvert=2026-02-30T10:00',
        'ouvert=maintenant&jour=2',
        'jour=9',
        'jour=lundi&de=25h',
        'jour=lundi&de=12h&a=9h',
        'de=9h',
        `q=${'x'.repeat(201)}`,
        `services=${'x'.repeat(600)}`,
        Array.from({ length: 40 }, () => `services=${encodeURIComponent(DEMARCHES)}`).join('&'),
        'services=',
        'services=%7C%7C%7C',
        'services',
        '__proto__=x',
        '__proto__[x]=1',
        'constructor=1',
        'toString=1',
        'hasOwnProperty=1',
        'q[]=x',
        '%00=1',
        '=1',
        'q=%00%01',
        'q=%E0%A4%A',
        'q=%',
        'territoire=84',
        'territoire=zzz',
        'territoire=',
        'par_page=1e2',
        'par_page=100000000000000000000000',
        'frais_a_charge=Gratuit&frais_a_charge=gratuit',
        'modalites_acces=Se%20pr%C3%A9senter',
        'modalites_acces=T%C3%A9l%C3%A9phoner',
        'lat=%20%2045.5%20&lon=5.9',
        'lat=-0&lon=0&rayon=1',
        'q=%F0%9F%98%80%20impots%20%3Cscript%3E',
      ]
      const codes = new Map<string, number>()
      for (const chemin of ['/api/v1/recherche', '/api/v1/recherche.csv', '/api/v1/lieux', '/api/v1/communes', '/api/v1/openapi.json']) {
        for (const q of absurdes) {
          const r = await lire<Erreur>(serveur, `${chemin}?${q}`)
          expect([200, 400], `${chemin}?${q}`).toContain(r.statut)
          expect(r.entetes.get('access-control-allow-origin')).toBe('*')
          if (r.statut === 400) {
            expect(r.json.erreur.length, `${chemin}?${q}`).toBeGreaterThan(10)
            expect(r.json.erreur).not.toMatch(/undefined|NaN|\[object|Error/)
            expect(r.entetes.get('cache-control')).toBe('no-store')
          }
          if (chemin === '/api/v1/recherche') codes.set(q, r.statut)
        }
      }
      // what must be refused is refused
      for (const q of ['page=abc', 'lat=91&lon=0', 'lat=45', 'rayon=5', 'commune=99999', 'commune=73065&lat=1&lon=1', 'ouvert=hier', 'de=9h', '__proto__=x', 'territoire=84', 'modalites_acces=T%C3%A9l%C3%A9phoner']) {
        expect(codes.get(q), q).toBe(400)
      }
      for (const q of ['services=', 'services=%7C%7C%7C', 'modalites_acces=Se%20pr%C3%A9senter', 'lat=%20%2045.5%20&lon=5.9', 'frais_a_charge=Gratuit&frais_a_charge=gratuit']) {
        expect(codes.get(q), q).toBe(200)
      }
      expect((await lire(serveur, '/sante')).statut).toBe(200)
    })

    it('l’ETag change quand les lieux changent', async () => {
      const avant = await lire<PageLieux>(serveur, '/api/v1/lieux?limite=1000')
      const nouveau = { ...lieuxDemo(1)[0], id: 'nouveau-1', nom: 'Espace numérique nouveau' }
      await importerLieux(serveur.base, [nouveau], 'Nouveaux', false)
      const apres = await lire<PageLieux>(serveur, '/api/v1/lieux?limite=1000', { 'if-none-match': avant.entetes.get('etag') ?? '' })
      expect(apres.statut).toBe(200)
      expect(apres.json.meta.total).toBe(avant.json.meta.total + 1)
      expect(apres.json.data.at(-1)?.id).toBe('nouveau-1')
    })
  })
})
