/**
 * The pages of the cartography of actors through the real server: list and filters, an actor's
 * page, the form (errors then success, with its audit line), a partnership added and ended, a
 * coordinator of another territory refused, the exports read back, the link to a structure kept
 * when nothing is chosen and removed by « Aucune structure (délier) ».
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { referentiel } from '../../src/territories/referentiel.ts'
import { importerActeurs } from '../../src/pilotage/acteurs/index.ts'
import { acteursDemo, siretFictif } from '../../src/pilotage/acteurs/demo.ts'
import { creerCompte, seConnecter, type Navigateur } from '../support/comptes.ts'
import { structureDuLieu } from '../../src/activity/store/structures.ts'
import { demarrer, importerLieux, lieuxDemo, type ServeurDeTest } from './serveur-de-test.ts'

describe('cartographie des acteurs (pages)', () => {
  let s: ServeurDeTest
  let coord: Navigateur
  let autre: Navigateur
  let ids: number[]
  const lire = async <T>(q: ReturnType<typeof sql>) => ((await s.base.db.execute(q)) as unknown as { rows: T[] }).rows

  beforeAll(async () => {
    s = await demarrer({ nombre: 0 })
    await importerActeurs(s.base, referentiel(), { source: 'hub', nomFichier: 'acteurs.json', octets: Buffer.from(JSON.stringify(acteursDemo(referentiel(), '73'))) })
    ids = (await lire<{ id: number }>(sql`select id from acteurs order by id`)).map((r) => r.id)
    coord = await seConnecter(s.url, await creerCompte(s.base, 'coord@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }]))
    autre = await seConnecter(s.url, await creerCompte(s.base, 'coord38@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:38' }]))
  }, 60_000)
  afterAll(async () => s?.fermer())

  it('liste les acteurs du territoire, avec les filtres du formulaire GET et les nombres par type', async () => {
    const page = await (await coord.get('/pilotage/acteurs')).text()
    expect(page).toContain('7 acteurs')
    expect(page).toContain('Ressourcerie informatique solidaire')
    const filtree = await (await coord.get('/pilotage/acteurs?role=finance&q=caisse')).text()
    expect(filtree).toContain('1 acteur<')
    expect(filtree).toContain('Caisse d’allocations familiales')
    expect(await (await autre.get('/pilotage/acteurs')).text()).toContain('0 acteur')
  })

  it('montre un acteur : rôles, partenariats dans les deux sens, provenance ; refuse un coordinateur d’ailleurs', async () => {
    const page = await (await coord.get(`/pilotage/acteurs/${ids[1]}`)).text()
    expect(page).toContain('Coordonne')
    expect(page).toContain('Association Clic et Lien') // its partner (declared by this actor)
    expect(page).toContain('Conseil départemental') // declared by the partner
    expect(page).toContain('D’où viennent ces informations')
    expect((await autre.get(`/pilotage/acteurs/${ids[1]}`)).status).toBe(403)
  })

  it('crée un acteur : erreurs à côté des champs, puis succès avec sa ligne d’audit', async () => {
    const r = await coord.post('/pilotage/acteurs/nouveau', { nom: '', type: 'banque', commune: 'Grenoble', courriel: 'pas une adresse', roles: ['forme'] }, { depuis: '/pilotage/acteurs/nouveau' })
    expect(r.status).toBe(400)
    const page = await r.text()
    expect(page).toContain('resume-erreurs')
    expect(page).toContain('Le nom de l’acteur est obligatoire.')
    expect(page).toContain('n’est pas dans votre territoire')
    expect(page).toMatch(/id="courriel-erreur"/)
    const ok = await coord.post('/pilotage/acteurs/nouveau', { nom: 'Tiers-lieu du Lac', type: 'association', commune: 'Aix-les-Bains', code_postal: '73100', roles: ['porte_lieux', 'forme'], competences: ['Formation'] }, { depuis: '/pilotage/acteurs/nouveau' })
    expect(ok.status).toBe(303)
    const id = Number(ok.headers.get('location')?.match(/acteurs\/(\d+)/)?.[1])
    expect(await (await coord.get(`/pilotage/acteurs/${id}`)).text()).toContain('saisie')
    expect(await lire(sql`select action from journal_audit where objet_type = 'acteur' and objet_id = ${String(id)}`)).toEqual([{ action: 'acteur.cree' }])
  })

  it('ajoute puis termine un partenariat', async () => {
    const depuis = `/pilotage/acteurs/${ids[4]}`
    const erreur = await coord.post(`${depuis}/partenariats`, { partenaire: '', nature: '' }, { depuis })
    expect(erreur.status).toBe(400)
    expect(await erreur.text()).toContain('Choisissez le partenaire.')
    const ok = await coord.post(`${depuis}/partenariats`, { partenaire: String(ids[6]), nature: 'financement', debut: '2025-01-01' }, { depuis })
    expect(ok.status).toBe(303)
    const [p] = await lire<{ id: number; fin: string | null }>(sql`select id, fin::text from partenariats where acteur_id = ${ids[4]} and partenaire_id = ${ids[6]}`)
    expect(p?.fin).toBeNull()
    expect((await coord.post(`${depuis}/partenariats/${p?.id}/fin`, {}, { depuis })).status).toBe(303)
    expect((await lire<{ fin: string | null }>(sql`select fin::text from partenariats where id = ${p?.id}`))[0]?.fin).not.toBeNull()
  })

  it('exporte les acteurs du territoire en CSV et en XLSX', async () => {
    const octets = Buffer.from(await (await coord.get('/pilotage/acteurs/export.csv?type=association')).arrayBuffer())
    expect([...octets.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csv = octets.toString('utf8')
    expect(csv).toContain('Nom;Type;SIRET')
    expect(csv).toContain('Association Clic et Lien')
    expect(csv).not.toContain('Conseil départemental')
    const r = await coord.get('/pilotage/acteurs/export.xlsx')
    const classeur = new ExcelJS.Workbook()
    await classeur.xlsx.load(Buffer.from(await r.arrayBuffer()) as never)
    const valeurs: string[] = []
    classeur.worksheets[0]?.eachRow((rangee) => valeurs.push(String(rangee.getCell(1).value)))
    expect(valeurs).toContain('Ressourcerie informatique solidaire de ' + (await lire<{ commune: string }>(sql`select commune from acteurs where type = 'entreprise'`))[0]?.commune)
  })

  it('relie un acteur à une structure, la garde quand on ne choisit rien, la délie par « Aucune structure »', async () => {
    await importerLieux(s.base, lieuxDemo(1))
    const [lieu] = await lire<{ uid: number }>(sql`select uid from lieux where statut = 'publie' limit 1`)
    const structure = await structureDuLieu(s.base.db, lieu?.uid as number)
    const champs = { nom: 'Espace numérique du Bourget', type: 'association', commune: 'Chambéry', code_postal: '73000' }
    const cree = await coord.post('/pilotage/acteurs/nouveau', { ...champs, structure: String(structure) }, { depuis: '/pilotage/acteurs/nouveau' })
    expect(cree.status).toBe(303)
    const id = Number(cree.headers.get('location')?.match(/acteurs\/(\d+)/)?.[1])
    const lien = async () => (await lire<{ structure_id: number | null }>(sql`select structure_id from acteurs where id = ${id}`))[0]?.structure_id
    expect(await lien()).toBe(structure)
    const formulaire = await (await coord.get(`/pilotage/acteurs/${id}/modifier`)).text()
    expect(formulaire).toContain('<option value="aucune">Aucune structure (délier)</option>')
    expect(formulaire).toContain(`<option value="${structure}" selected>`)
    expect((await coord.post(`/pilotage/acteurs/${id}/modifier`, { ...champs, structure: '' }, { depuis: `/pilotage/acteurs/${id}/modifier` })).status).toBe(303)
    expect(await lien()).toBe(structure)
    expect((await coord.post(`/pilotage/acteurs/${id}/modifier`, { ...champs, structure: 'aucune' }, { depuis: `/pilotage/acteurs/${id}/modifier` })).status).toBe(303)
    expect(await lien()).toBeNull()
    expect(await (await coord.get(`/pilotage/acteurs/${id}`)).text()).not.toContain('Structure de l’espace professionnel')
    const [audit] = await lire<{ changements: Record<string, unknown> }>(sql`select changements from journal_audit where objet_type = 'acteur' and objet_id = ${String(id)} order by id desc limit 1`)
    expect(audit?.changements).toMatchObject({ structure: null, structureDeliee: true })
    expect((await coord.post(`/pilotage/acteurs/${id}/modifier`, { ...champs, structure: '999999' }, { depuis: `/pilotage/acteurs/${id}/modifier` })).status).toBe(400)
  })

  it('modifie un acteur importé sans SIRET, puis lui donne un SIRET nouveau, sans créer de doublon', async () => {
    const sansSiret = acteursDemo(referentiel(), '73').slice(0, 2).map((r, i) => ({ ...r, id: `sans-siret-${i}`, nom: `Sans SIRET ${i}`, siret: '', partenariats: '' }))
    await importerActeurs(s.base, referentiel(), { source: 'sans-siret', nomFichier: 'acteurs.json', octets: Buffer.from(JSON.stringify(sansSiret)) })
    const [cible] = await lire<{ id: number; commune: string; code_postal: string }>(sql`select id, commune, code_postal from acteurs where nom = 'Sans SIRET 0'`)
    const nombre = async () => (await lire<{ n: number }>(sql`select count(*)::int as n from acteurs`))[0]?.n
    const avant = await nombre()
    const depuis = `/pilotage/acteurs/${cible?.id}/modifier`
    const champs = { type: 'association', commune: cible?.commune as string, code_postal: cible?.code_postal as string }
    const r = await coord.post(depuis, { ...champs, nom: 'Sans SIRET renommé' }, { depuis })
    expect(r.status).toBe(303)
    expect(r.headers.get('location')).toContain(`/pilotage/acteurs/${cible?.id}?`)
    expect(await nombre()).toBe(avant)
    expect((await lire<{ nom: string }>(sql`select nom from acteurs where id = ${cible?.id}`))[0]?.nom).toBe('Sans SIRET renommé')
    const siret = siretFictif('8880000000001')
    expect((await coord.post(depuis, { ...champs, nom: 'Avec SIRET', siret }, { depuis })).status).toBe(303)
    expect(await nombre()).toBe(avant)
    expect(await lire(sql`select nom, siret from acteurs where id = ${cible?.id}`)).toEqual([{ nom: 'Avec SIRET', siret }])
  })

  it('refuse d’écrire sur un acteur fusionné : renvoie vers l’acteur qui l’a absorbé', async () => {
    const [a, b] = ids as [number, number]
    await s.base.db.execute(sql`update acteurs set statut = 'fusionne', fusionne_dans = ${b} where id = ${a}`)
    try {
      const nom = async () => (await lire<{ nom: string }>(sql`select nom from acteurs where id = ${a}`))[0]?.nom
      const avant = await nom()
      const depuis = `/pilotage/acteurs/${a}`
      const modifier = await coord.post(`${depuis}/modifier`, { nom: 'Écrit sur un fusionné', type: 'association', commune: 'Chambéry', code_postal: '73000' }, { depuis })
      expect(modifier.status).toBe(303)
      expect(modifier.headers.get('location')).toBe(`/pilotage/acteurs/${b}`)
      expect(await nom()).toBe(avant)
      const partenariats = () => lire(sql`select id from partenariats where acteur_id = ${a} or partenaire_id = ${a} order by id`)
      const avantPartenariats = await partenariats()
      const partenariat = await coord.post(`${depuis}/partenariats`, { partenaire: String(ids[4]), nature: 'financement', debut: '2025-01-01' }, { depuis })
      expect(partenariat.status).toBe(303)
      expect(partenariat.headers.get('location')).toBe(`/pilotage/acteurs/${b}`)
      expect(await partenariats()).toEqual(avantPartenariats)
      expect((await coord.get(`${depuis}/modifier`)).headers.get('location')).toBe(`/pilotage/acteurs/${b}`)
    } finally {
      await s.base.db.execute(sql`update acteurs set statut = 'publie', fusionne_dans = null where id = ${a}`)
    }
  })
})
