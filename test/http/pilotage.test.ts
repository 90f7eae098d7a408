/**
 * Pilotage over HTTP on a real server: the hub with the national dashboards' indicators; a
 * roadmap created, given an axis and actions (errors first, every one reported, then success),
 * its late action flagged « en retard » (derived, never stored); indicators added (a hand-entered
 * one needs its source) and measured; the evaluation report's contents and its XLSX read back
 * sheet by sheet; a coordinator of another territory refused everywhere; audit lines written.
 * Then the roadmap's frame: title and period changed (errors first), an owner chosen among the
 * territory's actors and shown with its link, an axis moved up, an action moved to another axis
 * and one removed after its confirmation page; the other territory's coordinator refused there.
 * An owner actor renamed shows its new name on the roadmap and in the report; a write whose
 * audit line fails is not kept (one transaction).
 */
import ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aujourdhuiParis } from '../../src/places/validation/date-maj.ts'
import { importerActeurs } from '../../src/pilotage/acteurs/index.ts'
import { acteursDemo } from '../../src/pilotage/acteurs/demo.ts'
import { referentiel } from '../../src/territories/referentiel.ts'
import { creerCompte, seConnecter, type Navigateur } from '../support/comptes.ts'
import { demarrer, texte as texteDe, type ServeurDeTest } from './serveur-de-test.ts'

describe('pilotage : feuille de route, indicateurs, évaluation', () => {
  let serveur: ServeurDeTest
  let savoie: Navigateur
  let isere: Navigateur
  let feuille = ''
  const annee = aujourdhuiParis().slice(0, 4)

  beforeAll(async () => {
    serveur = await demarrer({ nombre: 20 })
    const [a, b] = await Promise.all([
      creerCompte(serveur.base, 'pilotage.savoie@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }], { nom: 'Camille Savoie' }),
      creerCompte(serveur.base, 'pilotage.isere@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:38' }]),
    ])
    ;[savoie, isere] = await Promise.all([seConnecter(serveur.url, a), seConnecter(serveur.url, b)])
    await importerActeurs(serveur.base, referentiel(), { source: 'acteurs', nomFichier: 'acteurs.json', octets: Buffer.from(JSON.stringify(acteursDemo(referentiel(), '73'))) })
  })
  const lignes = async <T,>(requete: ReturnType<typeof sql>) => ((await serveur.base.db.execute(requete)) as unknown as { rows: T[] }).rows
  afterAll(() => serveur?.fermer())

  it('le tableau de bord du pilotage montre les indicateurs nationaux du territoire', async () => {
    const r = await savoie.get('/pilotage')
    const texte = texteDe(await r.text())
    expect(r.status).toBe(200)
    expect(texte).toContain('Territoire : Savoie')
    expect(texte).toContain('Indicateurs des tableaux de bord nationaux')
    expect(texte).toContain('Lieux de médiation numérique publiés 20 lieux')
    expect(texte).toContain('Données QPV non importées')
    expect(texte).toMatch(/Population rurale à moins de 10 km d’un lieu [\d,]+ %/)
  })

  it('crée une feuille de route, un axe et des actions, erreurs d’abord', async () => {
    const erreur = await savoie.post('/pilotage/feuille-de-route', { territoire: 'departement:73', titre: '', debut: '2024-01-01', fin: '2023-12-31' }, { depuis: '/pilotage/feuille-de-route' })
    expect(erreur.status).toBe(400)
    const texte = texteDe(await erreur.text())
    expect(texte).toContain('Indiquez le titre de la feuille de route.')
    const creee = await savoie.post('/pilotage/feuille-de-route', { territoire: 'departement:73', titre: 'Feuille de route 2024-2027', debut: '2024-01-01', fin: '2027-12-31' }, { depuis: '/pilotage/feuille-de-route' })
    expect(creee.status).toBe(303)
    feuille = creee.headers.get('location')?.split('?')[0] ?? ''
    expect(feuille).toMatch(/^\/pilotage\/feuille-de-route\/\d+$/)
    expect((await savoie.post(`${feuille}/axes`, { titre: 'Former les aidants' }, { depuis: feuille })).status).toBe(303)
    const page = await (await savoie.get(feuille)).text()
    const axe = /<option value="(\d+)"[^>]*>Former les aidants/.exec(page)?.[1] ?? ''

    const mauvaise = await savoie.post(`${feuille}/actions`, { axe, titre: 'Former 50 aidants', porteur: '', budget: 'cher', statut: 'en_cours', avancement: '150' }, { depuis: feuille })
    expect(mauvaise.status).toBe(400)
    const erreurs = texteDe(await mauvaise.text())
    for (const m of ['Indiquez le porteur de l’action.', 'Le budget doit être un montant en euros', 'L’avancement est un pourcentage entier de 0 à 100.']) expect(erreurs).toContain(m)

    const champs = { axe, titre: 'Former 50 aidants', porteur: 'Département de la Savoie', partenaires: 'CAF\nMSA', budget: '12 500', financeur1: 'État', montant1: '5 000', debut: '2024-01-01', fin: '2024-06-30', statut: 'en_cours', avancement: '40' }
    expect((await savoie.post(`${feuille}/actions`, champs, { depuis: feuille })).status).toBe(303)
    expect((await savoie.post(`${feuille}/actions`, { ...champs, titre: 'Ouvrir un lieu à Modane', fin: '2024-03-31', statut: 'terminee', avancement: '100' }, { depuis: feuille })).status).toBe(303)
    const detail = texteDe(await (await savoie.get(feuille)).text())
    expect(detail).toContain('Former 50 aidants')
    expect(detail).toContain('en retard (fin prévue le 30 juin 2024)')
    expect(detail).toContain('2 actions, dont 1 en retard')
    expect(detail).toContain('budget : 12 500,00 € · co-financements : État (5 000,00 €)')
    const { rows } = (await serveur.base.db.execute(sql`select statut from actions order by id`)) as unknown as { rows: Array<{ statut: string }> }
    expect(rows.map((r) => r.statut)).toEqual(['en_cours', 'terminee'])
  })

  it('ajoute des indicateurs (la source d’un indicateur saisi est obligatoire), les mesure et les relie aux actions', async () => {
    const sansSource = await savoie.post('/pilotage/indicateurs', { territoire: 'departement:73', nature: 'saisi', libelle: 'Aidants formés', unite: 'personnes', source: '', cible: '50', sens: 'hausse' }, { depuis: '/pilotage/indicateurs' })
    expect(sansSource.status).toBe(400)
    expect(texteDe(await sansSource.text())).toContain('Indiquez la source de la valeur')
    expect((await savoie.post('/pilotage/indicateurs', { territoire: 'departement:73', nature: 'saisi', libelle: 'Aidants formés', unite: 'personnes', source: 'Bilans des formateurs', reference: '0', cible: '50', sens: 'hausse' }, { depuis: '/pilotage/indicateurs' })).status).toBe(303)
    expect((await savoie.post('/pilotage/indicateurs', { territoire: 'departement:73', nature: 'calcule', code: 'lieux_publies', parametre: '', reference: '10', cible: '30', sens: 'hausse' }, { depuis: '/pilotage/indicateurs' })).status).toBe(303)
    const page = await (await savoie.get('/pilotage/indicateurs')).text()
    const mesure = /action="(\/pilotage\/indicateurs\/\d+\/mesures)"/.exec(page)?.[1] ?? ''
    expect((await savoie.post(mesure, { date: `${annee}-01-15`, valeur: 'vingt', source: '' }, { depuis: '/pilotage/indicateurs' })).status).toBe(400)
    expect((await savoie.post(mesure, { date: `${annee}-01-15`, valeur: '20', source: 'Bilan de janvier' }, { depuis: '/pilotage/indicateurs' })).status).toBe(303)

    const action = /href="(\/pilotage\/feuille-de-route\/\d+\/actions\/\d+)"/.exec(await (await savoie.get(feuille)).text())?.[1] ?? ''
    const formulaire = await (await savoie.get(action)).text()
    const ids = [...formulaire.matchAll(/name="indicateurs" value="(\d+)"/g)].map((m) => m[1] ?? '')
    expect(ids).toHaveLength(2)
    const axe = /<option value="(\d+)" selected/.exec(formulaire)?.[1] ?? ''
    const r = await savoie.post(action, { axe, titre: 'Former 50 aidants', porteur: 'Département de la Savoie', budget: '12 500', debut: '2024-01-01', fin: '2024-06-30', statut: 'en_cours', avancement: '60', indicateurs: ids }, { depuis: action })
    expect(r.status).toBe(303)
  })

  it('produit le rapport d’évaluation de la période, et son XLSX', async () => {
    const q = `territoire=departement:73&debut=${annee}-01-01&fin=${aujourdhuiParis()}`
    const nombreDeMesures = async () => ((await serveur.base.db.execute(sql`select count(*)::int as n from mesures`)) as unknown as { rows: Array<{ n: number }> }).rows[0]?.n
    const avant = await nombreDeMesures()
    const r = await savoie.get(`/pilotage/evaluation?${q}`)
    expect(r.status).toBe(200)
    // a GET only reads: today's value of a computed indicator is computed for display, not stored
    expect(await nombreDeMesures()).toBe(avant)
    const html = await r.text()
    expect(html).toContain('class="rapport-evaluation"')
    const texte = texteDe(html)
    expect(texte).toContain('Aidants formés Suit : Former 50 aidants 20 personnes 0 50 (doit monter) 30 Cible non atteinte — 40 % du chemin depuis la référence')
    expect(texte).toContain('Lieux de médiation numérique publiés Suit : Former 50 aidants 20 lieux 10 30 (doit monter) 10 Cible non atteinte — 50 %')
    expect(texte).toMatch(/Lieux de médiation numérique publiés Suit : Former 50 aidants 20 lieux [^]*?Valeur du jour, calculée — /)
    expect(texte).toContain('2 actions : 1 en cours, 1 terminée, dont 1 en retard.')
    expect(texte).toContain('En cours — en retard')
    // two maps: the départements' share of population beyond 10 km, and the communes
    expect(html.match(/<figure class="graphique carte">/g)).toHaveLength(2)
    expect(texte).toMatch(/Part de la population à plus de 10 km de tout lieu, par département — Savoie[^]*Savoie \(73\) \d+(,\d+)? %/)
    expect((await savoie.get(`/pilotage/evaluation?territoire=departement:73&debut=2026-02-30&fin=2025-01-01`)).status).toBe(400)

    const xlsx = await savoie.get(`/pilotage/evaluation.xlsx?${q}`)
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml')
    const classeur = new ExcelJS.Workbook()
    await classeur.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer)
    expect(classeur.worksheets.map((w) => w.name)).toEqual(['Indicateurs', 'Actions', 'Tableau de bord national'])
    const lignes = (nom: string) => (classeur.getWorksheet(nom)?.getSheetValues() ?? []).map((l) => (Array.isArray(l) ? l.slice(1).map(String).join(' | ') : ''))
    expect(lignes('Indicateurs')).toContain('Territoire | Savoie (departement:73)')
    expect(lignes('Indicateurs')).toContain(`Aidants formés | personnes | 20 | 0 | 50 | 30 | 40 | non | Mesure du 15 janvier ${annee} — Bilan de janvier (saisie par un coordinateur)`)
    expect(lignes('Actions').some((l) => l.includes('Former 50 aidants | Département de la Savoie | En cours — en retard | 60'))).toBe(true)
    expect(lignes('Tableau de bord national').some((l) => l.startsWith('Lieux France Services |'))).toBe(true)
    expect(await nombreDeMesures()).toBe(avant)
  })

  it('refuse un coordinateur d’un autre territoire et journalise les écritures', async () => {
    expect((await isere.get(feuille)).status).toBe(403)
    expect((await isere.get('/pilotage/evaluation?territoire=departement:73')).status).toBe(403)
    expect((await isere.get('/pilotage?territoire=departement:73')).status).toBe(403)
    const action = /action="(\/pilotage\/feuille-de-route\/\d+\/actions\/\d+\/avancement)"/.exec(await (await savoie.get(feuille)).text())?.[1] ?? ''
    expect((await isere.post(action, { statut: 'terminee', avancement: '100' }, { depuis: '/pilotage' })).status).toBe(403)
    expect((await isere.post('/pilotage/feuille-de-route', { territoire: 'departement:73', titre: 'Intrusion', debut: '2024-01-01', fin: '2024-12-31' }, { depuis: '/pilotage' })).status).toBe(403)
    const { rows } = (await serveur.base.db.execute(sql`select action from journal_audit where objet_type in ('feuille_de_route', 'indicateur') order by id`)) as unknown as { rows: Array<{ action: string }> }
    expect(rows.map((r) => r.action)).toEqual([
      'feuille_de_route.creee',
      'feuille_de_route.axe_ajoute',
      'feuille_de_route.action_ajoutee',
      'feuille_de_route.action_ajoutee',
      'indicateur.cree',
      'indicateur.cree',
      'indicateur.mesure',
      'feuille_de_route.action_modifiee',
    ])
  })

  it('modifie le titre et la période de la feuille de route, erreurs d’abord', async () => {
    const formulaire = await savoie.get(`${feuille}/modifier`)
    expect(formulaire.status).toBe(200)
    expect(await formulaire.text()).toContain('value="Feuille de route 2024-2027"')
    const erreur = await savoie.post(`${feuille}/modifier`, { titre: ' ', debut: '2024-13-01', fin: '2027-12-31' }, { depuis: `${feuille}/modifier` })
    expect(erreur.status).toBe(400)
    const html = await erreur.text()
    const resume = /<div class="resume-erreurs"[\s\S]*?<\/div>/.exec(html)?.[0] ?? ''
    for (const [champ, message] of [['feuille-titre', 'Indiquez le titre de la feuille de route.'], ['feuille-debut', 'Indiquez la date de début au format AAAA-MM-JJ']]) {
      expect(resume).toContain(`href="#${champ}"`)
      expect(texteDe(resume)).toContain(message)
      expect(html).toMatch(new RegExp(`id="${champ}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="${champ}"`))
    }
    const ok = await savoie.post(`${feuille}/modifier`, { titre: 'Feuille de route 2024-2028', debut: '2024-01-01', fin: '2028-12-31' }, { depuis: `${feuille}/modifier` })
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).toBe(`${feuille}?fait=feuille`)
    const page = texteDe(await (await savoie.get(`${feuille}?fait=feuille`)).text())
    expect(page).toContain('Le titre et la période de la feuille de route sont enregistrés.')
    expect(page).toContain('Feuille de route 2024-2028')
    expect(page).toContain('au 31 décembre 2028')
  })

  it('choisit le porteur d’une action parmi les acteurs du territoire et le montre avec son lien', async () => {
    const [acteur] = await lignes<{ id: number; nom: string }>(sql`select id, nom from acteurs where statut = 'publie' and code_departement = '73' order by nom limit 1`)
    if (!acteur) throw new Error('aucun acteur de démonstration')
    const page = await (await savoie.get(feuille)).text()
    expect(page).toContain(`<option value="${acteur.id}">`)
    const axe = /<option value="(\d+)"[^>]*>Former les aidants/.exec(page)?.[1] ?? ''
    const champs = { axe, titre: 'Accueillir les aidants', porteurActeur: String(acteur.id), porteur: 'Mairie', statut: 'a_lancer', avancement: '0' }
    const lesDeux = await savoie.post(`${feuille}/actions`, champs, { depuis: feuille })
    expect(lesDeux.status).toBe(400)
    expect(texteDe(await lesDeux.text())).toContain('Choisissez le porteur parmi les acteurs ou écrivez-le, pas les deux')
    expect((await savoie.post(`${feuille}/actions`, { ...champs, porteur: '' }, { depuis: feuille })).status).toBe(303)
    const [ligne] = await lignes<{ porteur: string; porteur_acteur_id: number }>(sql`select porteur, porteur_acteur_id from actions where titre = 'Accueillir les aidants'`)
    // the actor's name is not copied: its current one is read from the actor
    expect(ligne).toEqual({ porteur: '', porteur_acteur_id: acteur.id })
    const detail = await (await savoie.get(feuille)).text()
    expect(detail).toMatch(new RegExp(`Porteur : <a href="/pilotage/acteurs/${acteur.id}">[^<]+</a>`))
    const formulaire = await (await savoie.get(/href="(\/pilotage\/feuille-de-route\/\d+\/actions\/\d+)"[^>]*>Modifier tous les champs<span class="visuellement-cache"> de « Accueillir/.exec(detail)?.[1] ?? '')).text()
    expect(formulaire).toContain(`<option value="${acteur.id}" selected>`)
  })

  it('choisit des partenaires parmi les acteurs (liens, rapport, fiche de l’acteur), les retire en décochant ; refuse un acteur d’ailleurs', async () => {
    const acteurs = await lignes<{ id: number; nom: string }>(sql`select id, nom from acteurs where statut = 'publie' and code_departement = '73' order by nom limit 2`)
    const [a1, a2] = acteurs
    if (!a1 || !a2) throw new Error('acteurs de démonstration manquants')
    await importerActeurs(serveur.base, referentiel(), { source: 'acteurs-38', nomFichier: 'acteurs-38.json', octets: Buffer.from(JSON.stringify(acteursDemo(referentiel(), '38'))) })
    const [ailleurs] = await lignes<{ id: number }>(sql`select id from acteurs where code_departement = '38' limit 1`)
    const page = await (await savoie.get(feuille)).text()
    const lien = /href="(\/pilotage\/feuille-de-route\/\d+\/actions\/\d+)"[^>]*>Modifier tous les champs<span class="visuellement-cache"> de « Former 50 aidants/.exec(page)?.[1] ?? ''
    const formulaire = await (await savoie.get(lien)).text()
    expect(formulaire).toContain(`name="partenairesActeurs" value="${a1.id}"`)
    expect(formulaire).not.toContain(`name="partenairesActeurs" value="${ailleurs?.id}"`)
    const axe = /<option value="(\d+)" selected/.exec(formulaire)?.[1] ?? ''
    const champs = { axe, titre: 'Former 50 aidants', porteur: 'Département de la Savoie', partenaires: 'CAF\nMSA', budget: '12 500', debut: '2024-01-01', fin: '2024-06-30', statut: 'en_cours', avancement: '60' }

    const refusee = await savoie.post(lien, { ...champs, partenairesActeurs: [String(a1.id), String(ailleurs?.id)] }, { depuis: lien })
    expect(refusee.status).toBe(400)
    const html = await refusee.text()
    expect(html).toMatch(/id="action-partenairesActeurs-erreur"[^>]*>[^]*?Choisissez les partenaires parmi les acteurs du territoire proposés\./)
    expect(await lignes(sql`select 1 from actions_partenaires`)).toHaveLength(0)

    expect((await savoie.post(lien, { ...champs, partenairesActeurs: [String(a1.id), String(a2.id)] }, { depuis: lien })).status).toBe(303)
    const [action] = await lignes<{ id: number }>(sql`select id from actions where titre = 'Former 50 aidants'`)
    expect(await lignes(sql`select acteur_id from actions_partenaires where action_id = ${action?.id} order by acteur_id`)).toEqual([a1, a2].map((a) => ({ acteur_id: a.id })).sort((x, y) => x.acteur_id - y.acteur_id))
    const detail = await (await savoie.get(feuille)).text()
    for (const a of [a1, a2]) expect(detail).toContain(`<a href="/pilotage/acteurs/${a.id}">`)
    expect(texteDe(detail)).toContain(`partenaires : ${a1.nom}, ${a2.nom}, CAF, MSA`)
    const pageAction = await (await savoie.get(lien)).text()
    expect(pageAction).toContain(`<a href="/pilotage/acteurs/${a2.id}">`)
    expect(pageAction).toMatch(new RegExp(`name="partenairesActeurs" value="${a1.id}" checked`))
    const rapport = texteDe(await (await savoie.get(`/pilotage/evaluation?territoire=departement:73&debut=2024-01-01&fin=2024-12-31`)).text())
    expect(rapport).toContain(`${a1.nom}, ${a2.nom}, CAF, MSA`)
    const xlsx = await savoie.get(`/pilotage/evaluation.xlsx?territoire=departement:73&debut=2024-01-01&fin=2024-12-31`)
    const classeur = new ExcelJS.Workbook()
    await classeur.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer)
    const feuilleActions = (classeur.getWorksheet('Actions')?.getSheetValues() ?? []).map((l) => (Array.isArray(l) ? l.slice(1).map(String).join(' | ') : ''))
    expect(feuilleActions.some((l) => l.startsWith('Feuille de route') && l.endsWith(`| ${a1.nom} ; ${a2.nom} ; CAF ; MSA`))).toBe(true)
    const fiche = texteDe(await (await savoie.get(`/pilotage/acteurs/${a2.id}`)).text())
    expect(fiche).toMatch(/Actions de feuille de route Former 50 aidants \([^)]+\) — partenaire/)

    expect((await savoie.post(lien, { ...champs, partenairesActeurs: String(a1.id) }, { depuis: lien })).status).toBe(303)
    expect(await lignes(sql`select acteur_id from actions_partenaires where action_id = ${action?.id}`)).toEqual([{ acteur_id: a1.id }])
    expect((await savoie.post(lien, champs, { depuis: lien })).status).toBe(303)
    expect(await lignes(sql`select 1 from actions_partenaires`)).toHaveLength(0)
    expect(await (await savoie.get(feuille)).text()).not.toContain(`<a href="/pilotage/acteurs/${a2.id}">`)
  })

  it('monte un axe, déplace une action dans un autre axe', async () => {
    expect((await savoie.post(`${feuille}/axes`, { titre: 'Ouvrir des lieux' }, { depuis: feuille })).status).toBe(303)
    const page = await (await savoie.get(feuille)).text()
    const axe = /<option value="(\d+)"[^>]*>Ouvrir des lieux/.exec(page)?.[1] ?? ''
    expect(texteDe(page)).toMatch(/Axe 1 : Former les aidants[\s\S]*Axe 2 : Ouvrir des lieux/)
    const monte = await savoie.post(`${feuille}/axes/${axe}/deplacer`, { sens: 'monter' }, { depuis: feuille })
    expect(monte.status).toBe(303)
    const action = /id="action-(\d+)">Ouvrir un lieu à Modane/.exec(page)?.[1] ?? ''
    expect((await savoie.post(`${feuille}/actions/${action}/deplacer`, { axe }, { depuis: feuille })).status).toBe(303)
    const apres = texteDe(await (await savoie.get(feuille)).text())
    expect(apres).toMatch(/Axe 1 : Ouvrir des lieux Descendre l’axe « Ouvrir des lieux » [\s\S]*Ouvrir un lieu à Modane[\s\S]*Axe 2 : Former les aidants Monter l’axe/)
    const [ligne] = await lignes<{ axe_id: number }>(sql`select axe_id from actions where id = ${Number(action)}`)
    expect(ligne?.axe_id).toBe(Number(axe))
  })

  it('supprime une action après une page de confirmation, et refuse l’autre territoire', async () => {
    const page = await (await savoie.get(feuille)).text()
    const action = /id="action-(\d+)">Accueillir les aidants/.exec(page)?.[1] ?? ''
    const confirmation = await savoie.get(`${feuille}/actions/${action}/supprimer`)
    expect(confirmation.status).toBe(200)
    const html = await confirmation.text()
    expect(texteDe(html)).toContain('Supprimer l’action « Accueillir les aidants » ?')
    expect(html).toContain(`<form method="post" action="${feuille}/actions/${action}/supprimer"`)
    expect(await lignes(sql`select id from actions where id = ${Number(action)}`)).toHaveLength(1)

    const axe = /<option value="(\d+)"[^>]*>Ouvrir des lieux/.exec(page)?.[1] ?? ''
    for (const chemin of [`${feuille}/modifier`, `${feuille}/axes/${axe}`, `${feuille}/axes/${axe}/supprimer`, `${feuille}/actions/${action}/supprimer`]) expect((await isere.get(chemin)).status, chemin).toBe(403)
    for (const [chemin, corps] of [[`${feuille}/actions/${action}/supprimer`, {}], [`${feuille}/modifier`, { titre: 'Intrusion', debut: '2024-01-01', fin: '2024-12-31' }], [`${feuille}/axes/${axe}/deplacer`, { sens: 'descendre' }], [`${feuille}/axes/${axe}/supprimer`, {}]] as const) {
      expect((await isere.post(chemin, corps, { depuis: '/pilotage' })).status, chemin).toBe(403)
    }
    expect(await lignes(sql`select id from actions where id = ${Number(action)}`)).toHaveLength(1)

    const supprimee = await savoie.post(`${feuille}/actions/${action}/supprimer`, {}, { depuis: `${feuille}/actions/${action}/supprimer` })
    expect(supprimee.status).toBe(303)
    expect(await lignes(sql`select id from actions where id = ${Number(action)}`)).toHaveLength(0)
    const apres = texteDe(await (await savoie.get(supprimee.headers.get('location') ?? '')).text())
    expect(apres).toContain('L’action est supprimée.')
    expect(apres).not.toContain('Accueillir les aidants')
    expect(apres).toContain('Feuille de route 2024-2028')

    const journal = await lignes<{ action: string }>(sql`select action from journal_audit where objet_type = 'feuille_de_route' and action not in ('feuille_de_route.creee', 'feuille_de_route.action_modifiee') order by id`)
    expect(journal.map((r) => r.action).slice(-6)).toEqual([
      'feuille_de_route.modifiee',
      'feuille_de_route.action_ajoutee',
      'feuille_de_route.axe_ajoute',
      'feuille_de_route.axe_deplace',
      'feuille_de_route.action_deplacee',
      'feuille_de_route.action_supprimee',
    ])
  })

  it('montre le nom actuel de l’acteur porteur, sur la feuille de route et dans le rapport d’évaluation', async () => {
    const [acteur] = await lignes<{ id: number; nom: string }>(sql`select id, nom from acteurs where statut = 'publie' and code_departement = '73' order by nom desc limit 1`)
    if (!acteur) throw new Error('aucun acteur de démonstration')
    const [axe] = await lignes<{ id: number }>(sql`select id from axes where feuille_id = ${Number(feuille.split('/').pop())} order by id limit 1`)
    const champs = { axe: String(axe?.id), titre: 'Animer le réseau des aidants', porteurActeur: String(acteur.id), porteur: '', debut: '2024-02-01', fin: '2024-11-30', statut: 'en_cours', avancement: '10' }
    expect((await savoie.post(`${feuille}/actions`, champs, { depuis: feuille })).status).toBe(303)
    const nouveau = 'Association renommée des aidants'
    await serveur.base.db.execute(sql`update acteurs set nom = ${nouveau} where id = ${acteur.id}`)
    try {
      expect(await (await savoie.get(feuille)).text()).toContain(`<a href="/pilotage/acteurs/${acteur.id}">${nouveau}</a>`)
      const rapport = texteDe(await (await savoie.get(`/pilotage/evaluation?territoire=departement:73&debut=2024-01-01&fin=2024-12-31`)).text())
      expect(rapport).toMatch(new RegExp(`Animer le réseau des aidants[^]*?${nouveau}`))
      expect(rapport).not.toContain(acteur.nom)
    } finally {
      await serveur.base.db.execute(sql`update acteurs set nom = ${acteur.nom} where id = ${acteur.id}`)
    }
  })

  it('une écriture et sa ligne de journal vont ensemble : sans journal, rien n’est écrit', async () => {
    const [axe] = await lignes<{ id: number; titre: string }>(sql`select id, titre from axes where feuille_id = ${Number(feuille.split('/').pop())} order by id limit 1`)
    if (!axe) throw new Error('aucun axe')
    // the audit log refuses this one line, as a full disk or a lost connection would
    await serveur.base.db.execute(sql.raw(`create function test_journal_refuse() returns trigger language plpgsql as $$ begin raise exception 'journal indisponible'; end $$`))
    await serveur.base.db.execute(sql.raw(`create trigger test_journal_refuse before insert on journal_audit for each row when (new.action = 'feuille_de_route.axe_renomme') execute function test_journal_refuse()`))
    try {
      const r = await savoie.post(`${feuille}/axes/${axe.id}`, { titre: 'Jamais enregistré' }, { depuis: `${feuille}/axes/${axe.id}` })
      expect(r.status).toBe(500)
      expect(await lignes(sql`select titre from axes where id = ${axe.id}`)).toEqual([{ titre: axe.titre }])
    } finally {
      await serveur.base.db.execute(sql.raw('drop trigger test_journal_refuse on journal_audit'))
      await serveur.base.db.execute(sql.raw('drop function test_journal_refuse()'))
    }
    expect((await savoie.post(`${feuille}/axes/${axe.id}`, { titre: axe.titre }, { depuis: `${feuille}/axes/${axe.id}` })).status).toBe(303)
  })

  it('une mesure saisie garde le rôle de son auteur, jamais son nom : ni la page d’évaluation ni le XLSX ne nomment le compte', async () => {
    expect(await lignes(sql`select distinct auteur from mesures where auteur <> 'calcul'`)).toEqual([{ auteur: 'coordinateur' }])
    const q = `territoire=departement:73&debut=${annee}-01-01&fin=${aujourdhuiParis()}`
    const html = await (await savoie.get(`/pilotage/evaluation?${q}`)).text()
    // the report itself (the signed-in account's own name in the navigation bar is expected)
    const principal = html.slice(html.indexOf('<h1>'))
    expect(principal).toContain('saisie par un coordinateur')
    expect(principal).not.toContain('Camille Savoie')
    const classeur = new ExcelJS.Workbook()
    await classeur.xlsx.load(Buffer.from(await (await savoie.get(`/pilotage/evaluation.xlsx?${q}`)).arrayBuffer()) as unknown as ArrayBuffer)
    const tout = classeur.worksheets.flatMap((w) => (w.getSheetValues() ?? []).flatMap((l) => (Array.isArray(l) ? l.map(String) : []))).join('\n')
    expect(tout).toContain('saisie par un coordinateur')
    expect(tout).not.toContain('Camille')
  })
})
