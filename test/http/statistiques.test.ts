/**
 * The statistics pages and exports through the real server: a mediator sees their figures, a
 * coordinator their territory's (and one of another territory nothing of it, whatever the
 * filters), the GET filter form narrows them; the XLSX export (read back with exceljs) and the
 * CSV carry who exports (a role, not an e-mail), when, every filter and the figures; the
 * activities export names no beneficiary and shows notes to their author only; the public page
 * of a territory hides counts under 5, with the secondary suppression.
 */
import ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Acteur } from '../../src/audit/journal.ts'
import { validerActivite } from '../../src/activity/domain/validation.ts'
import { enregistrerActivite } from '../../src/activity/store/activites.ts'
import { structureDuLieu } from '../../src/activity/store/structures.ts'
import { nomDeCommune } from '../../src/activity/stats/requetes.ts'
import { beneficiaires } from '../../src/platform/db/schema.ts'
import { creerCompte, seConnecter, type Navigateur } from '../support/comptes.ts'
import { demarrer, texte, type ServeurDeTest } from './serveur-de-test.ts'

const ACTEUR: Acteur = { id: null, libelle: 'test', adresseIp: null }
const IDENTITE = { prenom: 'Zéphyrine', nom: 'Quincampoix' }
const NOTE = 'Note privée du médiateur 4417'

/** The rows of the first sheet of a workbook, as texts. */
async function lireClasseur(r: Response): Promise<string[][]> {
  const classeur = new ExcelJS.Workbook()
  await classeur.xlsx.load(Buffer.from(await r.arrayBuffer()) as never)
  const lignes: string[][] = []
  classeur.worksheets[0]?.eachRow({ includeEmpty: true }, (rangee) => {
    lignes.push((rangee.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))))
  })
  return lignes
}

describe('statistiques par le serveur', () => {
  let s: ServeurDeTest
  let lieu = 0
  let commune = ''
  const navs: Record<'mediateur' | 'coordinateur' | 'coordinateurAutre' | 'gestionnaire', Navigateur> = {} as never
  let mediateurId = 0

  beforeAll(async () => {
    s = await demarrer({ nombre: 20 })
    const db = s.base.db
    const { rows } = (await db.execute(
      sql`select uid, commune_resolue from lieux where statut = 'publie' and code_departement = '73' and commune_resolue is not null order by uid limit 1`,
    )) as unknown as { rows: Array<{ uid: number; commune_resolue: string }> }
    lieu = Number(rows[0]?.uid)
    commune = String(rows[0]?.commune_resolue)
    const mediateur = await creerCompte(s.base, 'mediatrice@exemple.fr', [{ role: 'mediateur', lieuUid: lieu }], { nom: 'Alix Médiatrice' })
    mediateurId = mediateur.id
    const comptes = {
      mediateur,
      coordinateur: await creerCompte(s.base, 'coord73@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }]),
      coordinateurAutre: await creerCompte(s.base, 'coord38@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:38' }]),
      gestionnaire: await creerCompte(s.base, 'gestion@exemple.fr', [{ role: 'gestionnaire', lieuUid: lieu }]),
    }
    for (const [k, c] of Object.entries(comptes)) navs[k as keyof typeof navs] = await seConnecter(s.url, c)
    const structureId = await structureDuLieu(db, lieu)
    const [suivi] = await db
      .insert(beneficiaires)
      .values({ structureId, ...IDENTITE, genre: 'feminin', consentementLe: '2025-01-01', consentementPortee: 'structure', consentementRecueil: 'oral' })
      .returning({ id: beneficiaires.id })
    const enregistrer = async (brut: Record<string, unknown>) => {
      const r = validerActivite({ duree: 45, thematiques: ['email'], typeLieu: 'lieu_activite', lieu: String(lieu), ...brut }, '2026-01-01')
      if ('erreurs' in r) throw new Error(JSON.stringify(r.erreurs))
      await enregistrerActivite(db, ACTEUR, { activite: r.activite, mediateurId, lieuUid: lieu })
    }
    // March 2025: 20 women on site, 3 men at a distance
    for (let i = 0; i < 20; i++) await enregistrer({ type: 'individuel', date: `2025-03-${String(1 + (i % 28)).padStart(2, '0')}`, beneficiaireAnonyme: { genre: 'feminin' } })
    for (let i = 0; i < 3; i++) await enregistrer({ type: 'individuel', date: '2025-03-15', typeLieu: 'a_distance', lieu: undefined, beneficiaireAnonyme: { genre: 'masculin' } })
    // April 2025: a workshop of 10, a followed person with notes
    await enregistrer({ type: 'collectif', date: '2025-04-10', duree: 120, thematiques: ['sante'], titreAtelier: '=1+1 atelier', participants: { total: 10, genre: { feminin: 5, masculin: 5 } } })
    await enregistrer({ type: 'individuel', date: '2025-04-11', beneficiaireSuivi: suivi!.id, notes: NOTE })
  }, 120_000)
  afterAll(async () => {
    await s?.fermer()
  })

  const PERIODE = 'du=2025-03-01&au=2025-04-30'

  it('un médiateur voit ses chiffres, chaque graphique avec son tableau, et la note sur les ateliers', async () => {
    const r = await navs.mediateur.get(`/espace/statistiques?${PERIODE}`)
    expect(r.status).toBe(200)
    const html = await r.text()
    const t = texte(html)
    expect(t).toContain('Accompagnements 34 (24 individuels, 10 en ateliers collectifs)')
    expect(t).toContain('Bénéficiaires accompagnés 34, dont 34 nouveaux (1 bénéficiaires suivis, 33 anonymes)')
    expect(t).toContain('Les ateliers collectifs comptent pour 1 accompagnement par participant')
    expect(html.match(/<svg[^>]*role="img"/g)?.length).toBeGreaterThan(10)
    expect(html.match(/<table/g)?.length).toBe(html.match(/<svg[^>]*role="img"/g)?.length)
    expect(html).not.toContain(IDENTITE.nom)
    expect(html).not.toContain('name="mediateur"') // a mediator does not pick mediators
  })

  it('le formulaire GET filtre : type, thématique (calcul exact), période coupée', async () => {
    const collectif = texte(await (await navs.mediateur.get(`/espace/statistiques?${PERIODE}&types=collectif`)).text())
    expect(collectif).toContain('Accompagnements 10 (0 individuels, 10 en ateliers collectifs)')
    const sante = texte(await (await navs.mediateur.get(`/espace/statistiques?${PERIODE}&thematique=sante`)).text())
    expect(sante).toContain('Accompagnements 10 ')
    expect(sante).toContain('recalculés à partir des activités')
    const coupee = texte(await (await navs.mediateur.get('/espace/statistiques?du=2025-03-15&au=2025-04-10')).text())
    expect(coupee).toContain('Accompagnements 19 (9 individuels, 10 en ateliers collectifs)')
    const erreur = await navs.mediateur.get('/espace/statistiques?du=2025-02-30')
    expect(texte(await erreur.text())).toMatch(/Erreur : La date « 2025-02-30 » n’est pas une date réelle/)
  })

  it('un coordinateur voit son territoire ; celui d’un autre territoire n’en voit rien, même en filtrant', async () => {
    const page = texte(await (await navs.coordinateur.get(`/espace/statistiques?${PERIODE}`)).text())
    expect(page).toContain('Accompagnements 34 ')
    expect(page).toContain('Alix Médiatrice')
    const autre = await navs.coordinateurAutre.get(`/espace/statistiques?${PERIODE}&commune=73065&lieu=${lieu}&mediateur=${mediateurId}`)
    expect(autre.status).toBe(200)
    const t = texte(await autre.text())
    expect(t).toContain('Accompagnements 0 ')
    expect(t).not.toContain('Alix Médiatrice')
    const gestion = texte(await (await navs.gestionnaire.get(`/espace/statistiques?${PERIODE}`)).text())
    expect(gestion).toContain('Accompagnements 34 ')
    // a scope the account does not hold falls back to its own
    const essai = texte(await (await navs.coordinateurAutre.get(`/espace/statistiques?${PERIODE}&perimetre=territoire-departement-73`)).text())
    expect(essai).toContain('Accompagnements 0 ')
  })

  it('l’export XLSX dit qui (un rôle), quand, chaque filtre, puis les chiffres', async () => {
    const r = await navs.coordinateur.get(`/espace/statistiques.xlsx?${PERIODE}&types=individuel&commune=${commune}`)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toContain('spreadsheetml')
    expect(r.headers.get('content-disposition')).toContain('statistiques-2025-03-01-2025-04-30.xlsx')
    const lignes = await lireClasseur(r)
    expect(lignes[0]).toEqual(['Statistiques d’accompagnement'])
    expect(lignes[1]).toEqual(['Exporté par', 'Coordinateur — Territoire : Savoie (département)'])
    expect(lignes[2]?.[0]).toBe('Exporté le')
    expect(lignes).toContainEqual(['Période', 'du 1 mars 2025 au 30 avril 2025'])
    expect(lignes).toContainEqual(['Type d’activité', 'Accompagnement individuel'])
    expect(lignes).toContainEqual(['Commune', nomDeCommune(commune)])
    expect(lignes).toContainEqual(['Thématique', 'Toutes'])
    expect(lignes).toContainEqual(['Accompagnements', '24'])
    expect(lignes).toContainEqual(['dont participations aux ateliers collectifs', '0'])
    expect(JSON.stringify(lignes)).not.toMatch(/@|Quincampoix|Zéphyrine/)
  })

  it('l’export CSV : point-virgule, BOM, filtres en tête, mêmes chiffres', async () => {
    const r = await navs.mediateur.get(`/espace/statistiques.csv?${PERIODE}`)
    expect(r.headers.get('content-type')).toContain('text/csv')
    const octets = new Uint8Array(await r.arrayBuffer())
    expect([...octets.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csv = new TextDecoder().decode(octets.slice(3))
    const lignes = csv.split('\r\n')
    expect(lignes[0]).toBe('Statistiques d’accompagnement')
    expect(lignes[1]).toBe('Exporté par;Médiateur / aidant — Mes accompagnements')
    expect(lignes).toContain('Période;du 1 mars 2025 au 30 avril 2025')
    expect(lignes).toContain('Accompagnements;34')
    expect(lignes).toContain('Genre des bénéficiaires')
    expect(csv).not.toMatch(/@|Quincampoix/)
  })

  it('l’export des activités : une ligne par activité, sans identité, notes à leur auteur seulement', async () => {
    const coordination = await lireClasseur(await navs.coordinateur.get(`/espace/activites.xlsx?${PERIODE}`))
    const entete = coordination.findIndex((l) => l[0] === 'Date')
    expect(entete).toBeGreaterThan(0)
    expect(coordination.length - entete - 1).toBe(25)
    expect(JSON.stringify(coordination)).not.toMatch(/Quincampoix|Zéphyrine|@/)
    expect(JSON.stringify(coordination)).not.toContain(NOTE)
    expect(coordination.some((l) => l.includes('Suivi'))).toBe(true)
    const auteur = await (await navs.mediateur.get(`/espace/activites.csv?${PERIODE}`)).text()
    expect(auteur).toContain(NOTE)
    expect(auteur).not.toMatch(/Quincampoix|Zéphyrine/)
    expect(auteur).toContain('Période;du 1 mars 2025 au 30 avril 2025')
    // a text that a spreadsheet would run as a formula stays text
    expect(auteur).toContain(";'=1+1 atelier;")
    expect(JSON.stringify(coordination)).toContain('"=1+1 atelier"')
  })

  it('la page publique d’un territoire masque les nombres sous 5, avec le secret secondaire', async () => {
    const r = await fetch(`${s.url}/statistiques/departement-73?du=2025-03&au=2025-03`)
    expect(r.status).toBe(200)
    const html = await r.text()
    const t = texte(html)
    expect(t).toContain('Accompagnements 23')
    expect(t).toContain('Nouveaux bénéficiaires 23 Bénéficiaires déjà accompagnés 0')
    // genre: 3 men → « moins de 5 », so the 20 women are hidden too (23 − 20 would give 3)
    expect(t).toMatch(/Masculin moins de 5/)
    expect(t).toMatch(/Féminin non diffusé/)
    expect(t).toMatch(/À distance moins de 5/)
    expect(t).toMatch(/Lieu d'activité non diffusé|Lieu d’activité non diffusé/)
    expect(t).toContain('Secret statistique')
    expect(html).not.toContain('Alix Médiatrice')
    expect(html).not.toMatch(/Féminin<\/th><td>20</)
  })

  it('adresse d’un territoire : un code mène à la page, un territoire inconnu n’existe pas', async () => {
    const r = await fetch(`${s.url}/statistiques/73`, { redirect: 'manual' })
    expect(r.status).toBe(301)
    expect(r.headers.get('location')).toBe('/statistiques/departement-73')
    expect((await fetch(`${s.url}/statistiques/departement-999`)).status).toBe(404)
    expect((await fetch(`${s.url}/statistiques/departement-73?du=n%27importe&au=quoi`)).status).toBe(200)
  })
})
