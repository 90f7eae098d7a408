/**
 * Closed-loop referrals through the real server: a mediator orients a person to another place,
 * sharing only what the person agreed to (with the consent's date and manner); the receiving
 * place is told by an e-mail that names no one, sees the shared details, accepts and records
 * the outcome; the referring mediator sees the status. Nobody else sees the referral, and the
 * steps follow the allowed order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { courrielsRecents } from '../../src/mail/boite.ts'
import { enregistrerActivite } from '../../src/activity/store/activites.ts'
import { structureDuLieu } from '../../src/activity/store/structures.ts'
import { creerCompte, seConnecter, type Navigateur } from '../support/comptes.ts'
import { demarrer, texte, type ServeurDeTest } from './serveur-de-test.ts'

describe('orientations avec suivi', () => {
  let s: ServeurDeTest
  let mediateur: Navigateur
  let accueil: Navigateur
  let curieux: Navigateur
  let coordinateur: Navigateur
  let lieuA: number
  let lieuB: number
  let nomB: string
  let mediatriceId: number

  beforeAll(async () => {
    s = await demarrer({ nombre: 20 })
    const { rows } = (await s.base.db.execute(sql`select uid, nom from lieux where statut = 'publie' order by uid limit 3`)) as unknown as { rows: Array<{ uid: number; nom: string }> }
    lieuA = Number(rows[0]?.uid)
    lieuB = Number(rows[1]?.uid)
    nomB = String(rows[1]?.nom)
    const mediatrice = await creerCompte(s.base, 'mediatrice@exemple.fr', [{ role: 'mediateur', lieuUid: lieuA }])
    mediatriceId = mediatrice.id
    mediateur = await seConnecter(s.url, mediatrice)
    accueil = await seConnecter(s.url, await creerCompte(s.base, 'accueil@exemple.fr', [{ role: 'gestionnaire', lieuUid: lieuB }]))
    curieux = await seConnecter(s.url, await creerCompte(s.base, 'autre@exemple.fr', [{ role: 'mediateur', lieuUid: Number(rows[2]?.uid) }]))
    coordinateur = await seConnecter(s.url, await creerCompte(s.base, 'coord@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }]))
  }, 120_000)
  afterAll(async () => {
    await s?.fermer()
  })

  it('le médiateur trouve le lieu par son nom, et ne peut pas s’orienter vers lui-même', async () => {
    const mot = nomB.split(/\s+/).find((m) => m.length > 3) ?? nomB
    const page = await (await mediateur.get(`/espace/orientations/nouvelle?q=${encodeURIComponent(mot)}`)).text()
    expect(page).toContain(`value="${lieuB}"`)
    const r = await mediateur.post('/espace/orientations/nouvelle', { vers: String(lieuA), besoin: 'Carte grise' }, { depuis: '/espace/orientations/nouvelle' })
    expect(r.status).toBe(400)
    expect(texte(await r.text())).toContain('Choisissez un autre lieu que le vôtre.')
  })

  it('partager sans l’accord daté de la personne est refusé, et ce qui a été saisi reste', async () => {
    const r = await mediateur.post('/espace/orientations/nouvelle', { vers: String(lieuB), besoin: 'Carte grise', partager: ['prenom', 'telephone'], prenom: 'Odette', telephone: '06 12' }, { depuis: '/espace/orientations/nouvelle' })
    expect(r.status).toBe(400)
    const html = await r.text()
    const t = texte(html)
    expect(t).toContain('Le numéro de téléphone doit compter 10 chiffres')
    expect(t).toContain('Veuillez indiquer la date à laquelle la personne a donné son accord')
    expect(t).toContain('Veuillez indiquer comment la personne a donné son accord')
    expect(html).toContain('value="Odette"')
    expect(await s.base.db.execute(sql`select count(*)::int as n from orientations`)).toMatchObject({ rows: [{ n: 0 }] })
  })

  it('la boucle se ferme : envoi, courriel sans nom, acceptation, suite donnée, statut vu par le médiateur', async () => {
    const r = await mediateur.post(
      '/espace/orientations/nouvelle',
      { vers: String(lieuB), besoin: 'Carte grise', partager: ['prenom', 'telephone'], prenom: 'Odette', nom: 'Non transmis', telephone: '06 12 34 56 78', consentement_le: '2026-11-20', consentement_recueil: 'oral' },
      { depuis: '/espace/orientations/nouvelle' },
    )
    expect(r.status).toBe(303)
    const adresse = r.headers.get('location') ?? ''
    expect(adresse).toMatch(/^\/espace\/orientations\/[0-9a-f-]{36}\?fait=envoyee$/)
    const chemin = adresse.split('?')[0] as string

    const [courriel] = await courrielsRecents(s.base.db, { destinataire: 'accueil@exemple.fr' })
    expect(courriel?.sujet).toContain(nomB)
    expect(courriel?.texte).toContain(chemin)
    expect(courriel?.texte).not.toMatch(/Odette|06 12|Carte grise/)

    const recue = texte(await (await accueil.get(chemin)).text())
    expect(recue).toContain('Odette')
    expect(recue).toContain('06 12 34 56 78')
    expect(recue).not.toContain('Non transmis')
    expect(recue).toContain('Donné le 2026-11-20')
    expect(texte(await (await accueil.get('/espace/orientations')).text())).toContain('Envoyée, en attente de réponse')

    // nobody else: another place's mediator, a coordinator
    expect((await curieux.get(chemin)).status).toBe(404)
    expect((await coordinateur.get(chemin)).status).toBe(403)
    expect((await curieux.post(`${chemin}/statut`, { statut: 'acceptee' })).status).toBe(404)
    // the sender follows, but does not answer for the place
    expect((await mediateur.post(`${chemin}/statut`, { statut: 'acceptee' })).status).toBe(404)

    // an outcome before accepting does not follow
    expect((await accueil.post(`${chemin}/statut`, { statut: 'demarche_realisee' })).headers.get('location')).toBe(`${chemin}?fait=deja`)
    expect((await accueil.post(`${chemin}/statut`, { statut: 'acceptee', reponse: 'Rendez-vous jeudi 10 h' })).headers.get('location')).toBe(`${chemin}?fait=statut`)
    expect((await accueil.post(`${chemin}/statut`, { statut: 'demarche_realisee' })).status).toBe(303)

    const suivi = texte(await (await mediateur.get(chemin)).text())
    expect(suivi).toContain('Démarche réalisée')
    expect(suivi).toContain('Rendez-vous jeudi 10 h')
    expect(suivi).not.toContain('Votre réponse')
    expect(texte(await (await mediateur.get('/espace/orientations')).text())).toContain('Démarche réalisée')

    const journal = (await s.base.db.execute(sql`select action, changements from journal_audit where objet_type = 'orientation' order by id`)) as unknown as { rows: Array<{ action: string; changements: unknown }> }
    expect(journal.rows.map((l) => l.action)).toEqual(['orientation.envoyee', 'orientation.statut', 'orientation.statut'])
    expect(JSON.stringify(journal.rows)).not.toMatch(/Odette|06 12/)
  })

  it('depuis un accompagnement d’une personne suivie : ses coordonnées sont proposées, non cochées, et l’orientation y est reliée', async () => {
    const structureId = await structureDuLieu(s.base.db, lieuA)
    const { rows } = (await s.base.db.execute(
      sql`insert into beneficiaires (structure_id, cree_par, prenom, nom, telephone, consentement_le, consentement_portee, consentement_recueil) values (${structureId}, ${mediatriceId}, 'Lucienne', 'Martin', '+33612345678', '2026-11-01', 'mediateur', 'oral') returning id`,
    )) as unknown as { rows: Array<{ id: string }> }
    const beneficiaire = String(rows[0]?.id)
    const activite = await enregistrerActivite(s.base.db, { id: null, libelle: 'test', adresseIp: null }, {
      mediateurId: mediatriceId,
      lieuUid: lieuA,
      activite: { type: 'individuel', date: '2026-11-20', duree: 30, typeLieu: 'a_distance', thematiques: ['sante'], thematiquesDemarche: [], materiel: [], orienteVersStructure: true, beneficiaireSuivi: beneficiaire },
    })
    const formulaire = await (await mediateur.get(`/espace/orientations/nouvelle?activite=${activite}`)).text()
    expect(formulaire).toContain('value="Lucienne"')
    expect(formulaire).not.toMatch(/value="prenom"[^>]*checked/)
    const r = await mediateur.post(`/espace/orientations/nouvelle?activite=${activite}`, { vers: String(lieuB), besoin: 'Mon espace santé', partager: 'prenom', prenom: 'Lucienne', consentement_le: '2026-11-20', consentement_recueil: 'oral' }, { depuis: '/espace/orientations/nouvelle' })
    expect(r.status).toBe(303)
    const { rows: liee } = (await s.base.db.execute(sql`select activite_id, beneficiaire_id, partage from orientations where besoin = 'Mon espace santé'`)) as unknown as { rows: Array<{ activite_id: string; beneficiaire_id: string; partage: unknown }> }
    expect(liee[0]).toEqual({ activite_id: activite, beneficiaire_id: beneficiaire, partage: { prenom: 'Lucienne' } })
    // someone else's activity gives nothing
    expect(await (await curieux.get(`/espace/orientations/nouvelle?activite=${activite}`)).text()).not.toContain('Lucienne')
  })

  it('sans compte au lieu choisi, le médiateur est prévenu de donner l’adresse à la personne', async () => {
    const { rows } = (await s.base.db.execute(sql`select uid from lieux where statut = 'publie' and uid not in (${lieuA}, ${lieuB}) and uid not in (select lieu_uid from habilitations where lieu_uid is not null) order by uid limit 1`)) as unknown as { rows: Array<{ uid: number }> }
    const r = await mediateur.post('/espace/orientations/nouvelle', { vers: String(rows[0]?.uid), besoin: 'Impôts en ligne' }, { depuis: '/espace/orientations/nouvelle' })
    expect(r.headers.get('location')).toMatch(/fait=envoyee_sans_compte$/)
    const page = texte(await (await mediateur.get(r.headers.get('location') ?? '')).text())
    expect(page).toContain('personne de ce lieu n’a encore de compte')
    expect(page).toContain('La personne n’a rien souhaité transmettre')
  })
})
