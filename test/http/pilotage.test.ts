/**
 * Pilotage over HTTP on a real server: the hub with the national dashboards' indicators; a
 * roadmap created, given an axis and actions (errors first, every one reported, then success),
 * its late action flagged « en retard » (derived, never stored); indicators added (a hand-entered
 * one needs its source) and measured; the evaluation report's contents and its XLSX read back
 * sheet by sheet; a coordinator of another territory refused everywhere; audit lines written.
 */
import ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aujourdhuiParis } from '../../src/places/validation/date-maj.ts'
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
  })
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
    const r = await savoie.get(`/pilotage/evaluation?${q}`)
    expect(r.status).toBe(200)
    const html = await r.text()
    expect(html).toContain('class="rapport-evaluation"')
    const texte = texteDe(html)
    expect(texte).toContain('Aidants formés Suit : Former 50 aidants 20 personnes 0 50 (doit monter) 30 Cible non atteinte — 40 % du chemin depuis la référence')
    expect(texte).toContain('Lieux de médiation numérique publiés Suit : Former 50 aidants 20 lieux 10 30 (doit monter) 10 Cible non atteinte — 50 %')
    expect(texte).toContain('2 actions : 1 en cours, 1 terminée, dont 1 en retard.')
    expect(texte).toContain('En cours — en retard')
    expect(html).toContain('<figure class="graphique carte">')
    expect((await savoie.get(`/pilotage/evaluation?territoire=departement:73&debut=2026-02-30&fin=2025-01-01`)).status).toBe(400)

    const xlsx = await savoie.get(`/pilotage/evaluation.xlsx?${q}`)
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml')
    const classeur = new ExcelJS.Workbook()
    await classeur.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer)
    expect(classeur.worksheets.map((w) => w.name)).toEqual(['Indicateurs', 'Actions', 'Tableau de bord national'])
    const lignes = (nom: string) => (classeur.getWorksheet(nom)?.getSheetValues() ?? []).map((l) => (Array.isArray(l) ? l.slice(1).map(String).join(' | ') : ''))
    expect(lignes('Indicateurs')).toContain('Territoire | Savoie (departement:73)')
    expect(lignes('Indicateurs')).toContain(`Aidants formés | personnes | 20 | 0 | 50 | 30 | 40 | non | Mesure du 15 janvier ${annee} — Bilan de janvier (saisie par Camille Savoie)`)
    expect(lignes('Actions').some((l) => l.includes('Former 50 aidants | Département de la Savoie | En cours — en retard | 60'))).toBe(true)
    expect(lignes('Tableau de bord national').some((l) => l.startsWith('Lieux France Services |'))).toBe(true)
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
})
