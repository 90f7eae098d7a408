/**
 * Followed beneficiaries through the real server: a mediator creates a file — without the
 * person's consent the form answers 400 with every error next to its field and what was typed
 * kept —, finds it in the list, edits it; a mediator of the same structure sees it, one of
 * another structure gets 404 (as for a file that does not exist), a coordinator 403 everywhere;
 * the export (page and JSON) is never cached; the erasure asks for confirmation, then the file
 * is gone; the administration shows the retention rules in force and the last run. A server
 * started with its daily job runs it shortly after start, and stops it when it closes.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rattacherLieu, structureDuLieu } from '../../src/activity/store/structures.ts'
import { derniereExecution } from '../../src/activity/store/tache-quotidienne.ts'
import { lireConfig } from '../../src/platform/config.ts'
import { ouvrirBase } from '../../src/platform/db/database.ts'
import { creerServeur } from '../../src/platform/http/server.ts'
import { Orientation } from '../../src/orientation/service.ts'
import { creerCompte, seConnecter, type Navigateur } from '../support/comptes.ts'
import { demarrer, texte, type ServeurDeTest } from './serveur-de-test.ts'

const CHEMIN = '/espace/beneficiaires'
const lignes = async <T>(s: ServeurDeTest, requete: ReturnType<typeof sql>) => ((await s.base.db.execute(requete)) as unknown as { rows: T[] }).rows

async function lire(nav: Navigateur, chemin: string) {
  const reponse = await nav.get(chemin)
  return { statut: reponse.status, html: await reponse.text(), entetes: reponse.headers }
}
const valeurDe = (html: string, id: string) => new RegExp(`id="${id}" name="${id}" value="([^"]*)"`).exec(html)?.[1]

const FICHE = {
  prenom: 'Hélène',
  nom: 'Lefèvre',
  telephone: '06 12 34 56 78',
  courriel: 'helene@exemple.fr',
  annee_naissance: '1950',
  genre: 'feminin',
  statut_social: 'retraite',
  commune_residence: 'Chambéry',
  notes: 'Souhaite écrire à sa famille.',
}
const ACCORD = { consentement_le: '2026-11-02', consentement_portee: 'structure', consentement_recueil: 'oral' }

describe('bénéficiaires suivis, par le serveur', () => {
  let s: ServeurDeTest
  let mediateur: Navigateur
  let collegue: Navigateur
  let ailleurs: Navigateur
  let coordinateur: Navigateur
  let administrateur: Navigateur
  let id = ''

  beforeAll(async () => {
    s = await demarrer({ nombre: 12, env: { AIGUILLAGE_CONSERVATION_IDENTITES_JOURS: '400' } })
    const [a, b, c] = (await lignes<{ uid: number }>(s, sql`select uid from lieux where statut = 'publie' order by uid limit 3`)).map((l) => Number(l.uid)) as [number, number, number]
    await rattacherLieu(s.base.db, b, await structureDuLieu(s.base.db, a))
    const comptes = await Promise.all([
      creerCompte(s.base, 'mediatrice@exemple.fr', [{ role: 'mediateur', lieuUid: a }], { nom: 'Alice Médiatrice' }),
      creerCompte(s.base, 'collegue@exemple.fr', [{ role: 'mediateur', lieuUid: b }]),
      creerCompte(s.base, 'ailleurs@exemple.fr', [{ role: 'mediateur', lieuUid: c }]),
      creerCompte(s.base, 'coordination@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }]),
      creerCompte(s.base, 'admin@exemple.fr', [{ role: 'administrateur' }], { totp: true }),
    ])
    ;[mediateur, collegue, ailleurs, coordinateur, administrateur] = (await Promise.all(comptes.map((c) => seConnecter(s.url, c)))) as [Navigateur, Navigateur, Navigateur, Navigateur, Navigateur]
  }, 60_000)
  afterAll(async () => s?.fermer())

  it('la liste, vide, et le formulaire avec le texte à lire à la personne', async () => {
    const liste = await lire(mediateur, CHEMIN)
    expect(liste.statut).toBe(200)
    expect(liste.entetes.get('cache-control')).toBe('no-store')
    expect(texte(liste.html)).toContain('Aucun bénéficiaire suivi pour le moment.')
    expect(liste.html).toMatch(/<a href="\/espace\/beneficiaires" aria-current="page">Bénéficiaires<\/a>/)
    const formulaire = texte((await lire(mediateur, `${CHEMIN}/nouveau`)).html)
    expect(formulaire).toContain('À lire à la personne avant d’enregistrer sa fiche')
    expect(formulaire).toMatch(/Votre identité est effacée automatiquement 400 jours après la dernière mise à jour de votre fiche/)
    expect(formulaire).toContain('demander à voir ces informations, en recevoir une copie, les faire corriger ou les faire effacer')
    expect(formulaire).toContain('Aucune donnée sensible')
  })

  it('sans l’accord de la personne, rien n’est enregistré : 400, chaque erreur à son champ, la saisie gardée', async () => {
    const r = await mediateur.post(`${CHEMIN}/nouveau`, { ...FICHE, commune_residence: 'Ville-qui-n-existe-pas', annee_naissance: '3000' }, { depuis: `${CHEMIN}/nouveau` })
    expect(r.status).toBe(400)
    const html = await r.text()
    expect(html).toMatch(/<title>Erreur : /)
    const resume = /<div class="resume-erreurs"[\s\S]*?<\/div>/.exec(html)?.[0] ?? ''
    for (const champ of ['annee_naissance', 'commune_residence', 'consentement_le', 'consentement_portee', 'consentement_recueil']) {
      expect(resume, champ).toContain(`href="#${champ}"`)
      expect(html, champ).toContain(`id="${champ}-erreur"`)
    }
    expect(texte(resume)).toContain('Veuillez indiquer comment la personne a donné son accord.')
    expect(valeurDe(html, 'prenom')).toBe('Hélène')
    expect(valeurDe(html, 'telephone')).toBe('06 12 34 56 78')
    expect(html).toContain('Souhaite écrire à sa famille.</textarea>')
    expect(await lignes(s, sql`select 1 from beneficiaires`)).toHaveLength(0)
  })

  it('avec l’accord, la fiche est créée (commune résolue, téléphone normalisé) et listée', async () => {
    const r = await mediateur.post(`${CHEMIN}/nouveau`, { ...FICHE, ...ACCORD }, { depuis: `${CHEMIN}/nouveau` })
    expect(r.status).toBe(303)
    id = /\/espace\/beneficiaires\/([0-9a-f-]{36})\?fait=cree$/.exec(r.headers.get('location') ?? '')?.[1] ?? ''
    expect(id).not.toBe('')
    const [ligne] = await lignes<Record<string, unknown>>(s, sql`select telephone, commune_residence, tranche_age, consentement_portee from beneficiaires where id = ${id}::uuid`)
    expect(ligne).toEqual({ telephone: '+33612345678', commune_residence: '73065', tranche_age: 'soixante_dix_plus', consentement_portee: 'structure' })
    const fiche = await lire(mediateur, `${CHEMIN}/${id}?fait=cree`)
    expect(fiche.statut).toBe(200)
    const t = texte(fiche.html)
    for (const attendu of ['Hélène Lefèvre', 'La fiche est enregistrée.', '06 12 34 56 78', 'Chambéry', '70 ans et plus', 'Les médiateurs de la structure', 'À l’oral, devant le médiateur', 'Aucun accompagnement enregistré']) {
      expect(t, attendu).toContain(attendu)
    }
    expect(valeurDe(fiche.html, 'commune_residence')).toBe('Chambéry (73000)')
    expect(texte((await lire(mediateur, `${CHEMIN}?q=helene`)).html)).toContain('Lefèvre Hélène')
  })

  it('modifier : erreurs à côté des champs, puis enregistrement', async () => {
    const erreur = await mediateur.post(`${CHEMIN}/${id}`, { ...FICHE, ...ACCORD, prenom: '' }, { depuis: `${CHEMIN}/${id}` })
    expect(erreur.status).toBe(400)
    expect(await erreur.text()).toContain('Veuillez indiquer le prénom de la personne.')
    const r = await mediateur.post(`${CHEMIN}/${id}`, { ...FICHE, ...ACCORD, commune_residence: 'Chambéry (73000)', telephone: '0698765432' }, { depuis: `${CHEMIN}/${id}` })
    expect(r.headers.get('location')).toBe(`${CHEMIN}/${id}?fait=modifie`)
    const meme = await mediateur.post(`${CHEMIN}/${id}`, { ...FICHE, ...ACCORD, commune_residence: '73065', telephone: '06 98 76 54 32' }, { depuis: `${CHEMIN}/${id}` })
    expect(meme.headers.get('location')).toBe(`${CHEMIN}/${id}?fait=inchange`)
  })

  it('un médiateur de la même structure voit la fiche ; d’une autre structure : 404, comme une fiche inconnue ; un coordinateur : 403', async () => {
    expect((await lire(collegue, `${CHEMIN}/${id}`)).statut).toBe(200)
    expect(texte((await lire(collegue, CHEMIN)).html)).toContain('Lefèvre Hélène')
    for (const chemin of [`${CHEMIN}/${id}`, `${CHEMIN}/${id}/export`, `${CHEMIN}/${id}/export?format=json`, `${CHEMIN}/${id}/effacer`]) {
      const inconnu = chemin.replace(id, '00000000-0000-4000-8000-000000000000')
      const [vu, absent] = [await lire(ailleurs, chemin), await lire(ailleurs, inconnu)]
      expect([vu.statut, absent.statut], chemin).toEqual([404, 404])
      expect(vu.html, chemin).not.toContain('Lefèvre')
      expect(texte(vu.html).replace(id, ''), chemin).toBe(texte(absent.html).replace('00000000-0000-4000-8000-000000000000', ''))
      expect((await lire(coordinateur, chemin)).statut, chemin).toBe(403)
    }
    expect(texte((await lire(ailleurs, CHEMIN)).html)).not.toContain('Lefèvre')
    const r = await ailleurs.post(`${CHEMIN}/${id}/effacer`, {}, { depuis: CHEMIN })
    expect(r.status).toBe(404)
    expect((await coordinateur.post(`${CHEMIN}/${id}/effacer`, {}, { depuis: '/espace' })).status).toBe(403)
    expect((await lignes(s, sql`select 1 from beneficiaires where anonymise_le is null`)).length).toBe(1)
  })

  it('l’export : page imprimable et JSON téléchargé, jamais en cache', async () => {
    const page = await lire(mediateur, `${CHEMIN}/${id}/export`)
    expect(page.statut).toBe(200)
    expect(page.entetes.get('cache-control')).toBe('no-store')
    expect(texte(page.html)).toContain('Tout ce qu’Aiguillage garde sur cette personne')
    expect(texte(page.html)).toContain('06 98 76 54 32')
    const json = await mediateur.get(`${CHEMIN}/${id}/export?format=json`)
    expect(json.status).toBe(200)
    expect(json.headers.get('cache-control')).toBe('no-store')
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(json.headers.get('content-disposition')).toBe(`attachment; filename="donnees-beneficiaire-${id}.json"`)
    const donnees = (await json.json()) as { beneficiaire: { identite: Record<string, unknown> } }
    expect(donnees.beneficiaire.identite).toMatchObject({ prenom: 'Hélène', nom: 'Lefèvre', telephone: '+33698765432' })
    expect(await lignes(s, sql`select 1 from journal_audit where action = 'beneficiaire.exporte' and objet_id = ${id}`)).toHaveLength(2)
  })

  it('l’effacement : une confirmation qui dit ce qui reste dans les statistiques, puis la fiche disparaît', async () => {
    // a forged form (no anti-forgery token) erases nothing
    expect((await mediateur.post(`${CHEMIN}/${id}/effacer`, {}, { jeton: null })).status).toBe(403)
    expect((await lire(mediateur, `${CHEMIN}/${id}`)).statut).toBe(200)
    const confirmation = texte((await lire(mediateur, `${CHEMIN}/${id}/effacer`)).html)
    expect(confirmation).toContain('Vos statistiques ne changent pas')
    expect(confirmation).toContain('genre, tranche d’âge, statut social et commune de résidence')
    const r = await mediateur.post(`${CHEMIN}/${id}/effacer`, {}, { depuis: `${CHEMIN}/${id}/effacer` })
    expect(r.status).toBe(303)
    expect(r.headers.get('location')).toBe(`${CHEMIN}?fait=efface`)
    expect(texte((await lire(mediateur, `${CHEMIN}?fait=efface`)).html)).toContain('L’identité de la personne est effacée')
    expect((await lire(mediateur, `${CHEMIN}/${id}`)).statut).toBe(404)
    expect((await mediateur.post(`${CHEMIN}/${id}/effacer`, {}, { depuis: CHEMIN })).status).toBe(404)
    const [ligne] = await lignes<Record<string, unknown>>(s, sql`select prenom, nom, genre, tranche_age, commune_residence from beneficiaires where id = ${id}::uuid`)
    expect(ligne).toEqual({ prenom: null, nom: null, genre: 'feminin', tranche_age: 'soixante_dix_plus', commune_residence: '73065' })
  })

  it('l’administration montre les règles en vigueur et la dernière exécution de la tâche quotidienne', async () => {
    const avant = texte((await lire(administrateur, '/admin/conservation')).html)
    expect(avant).toContain('Identité des bénéficiaires suivis effacées 400 jours après')
    expect(avant).toContain('Notes des activités effacées 365 jours (1 an) après')
    expect(avant).toContain('La tâche quotidienne n’a pas encore tourné.')
    expect(await s.app.tacheQuotidienne.essayer()).toEqual({ identites: 0, notes: 0, orientations: 0 })
    expect(await s.app.tacheQuotidienne.essayer()).toBeUndefined()
    const apres = texte((await lire(administrateur, '/admin/conservation')).html)
    expect(apres).toMatch(/Dernière exécution Le \d{2}\/\d{2}\/\d{4} à/)
    expect(apres).toContain('0 identité(s) de bénéficiaires effacée(s)')
    expect((await lire(mediateur, '/admin/conservation')).statut).toBe(403)
  })
})

describe('la tâche quotidienne du serveur', () => {
  it('tourne peu après le démarrage, puis s’arrête avec le serveur', async () => {
    const base = await ouvrirBase({})
    const orientation = await Orientation.demarrer(base)
    const app = await creerServeur({ base, orientation, config: lireConfig({}), journal: false, tacheQuotidienne: { delaiInitialMs: 1 } })
    try {
      let derniere = await derniereExecution(base.db)
      for (let essai = 0; derniere === undefined && essai < 1500; essai++) {
        await new Promise((r) => setTimeout(r, 20))
        derniere = await derniereExecution(base.db)
      }
      expect(derniere?.bilan).toEqual({ identites: 0, notes: 0, orientations: 0 })
    } finally {
      await app.close()
      await orientation.arreter()
      await base.fermer()
    }
  })
})
