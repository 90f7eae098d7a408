/**
 * Recording activities through the real server: a mediator records an individual accompaniment
 * and a workshop (a followed participant among them), finds them in « Mes activités », gets a
 * new form prefilled with the last-used values, sees every error next to its field and in the
 * summary with what was typed kept, edits, duplicates and deletes; an accompaniment oriented to
 * another structure leads to the referral form; another mediator gets 404 on someone else's
 * activity (nothing changes), a coordinator 403 on the recording pages.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aujourdhuiParis } from '../../src/places/validation/date-maj.ts'
import { activiteParId } from '../../src/activity/store/activites.ts'
import { structureDuLieu } from '../../src/activity/store/structures.ts'
import { creerCompte, seConnecter, type Navigateur } from '../support/comptes.ts'
import { demarrer, texte, type ServeurDeTest } from './serveur-de-test.ts'

const CHEMIN = '/espace/activites'
const lignes = async <T>(s: ServeurDeTest, requete: ReturnType<typeof sql>) => ((await s.base.db.execute(requete)) as unknown as { rows: T[] }).rows

async function lire(nav: Navigateur, chemin: string) {
  const reponse = await nav.get(chemin)
  return { statut: reponse.status, html: await reponse.text() }
}

/** The id of the activity in a redirect after saving. */
const idDe = (location: string | null) => /[?&]id=([0-9a-f-]{36})/.exec(location ?? '')?.[1] ?? ''
const coche = (html: string, nom: string, valeur: string) => new RegExp(`name="${nom}" value="${valeur}" checked`).test(html)
const valeurDe = (html: string, id: string) => new RegExp(`id="${id}" name="${id}" value="([^"]*)"`).exec(html)?.[1]

describe('saisie des activités par un médiateur', () => {
  let s: ServeurDeTest
  let lieu = 0
  let nomLieu = ''
  let mediateur: Navigateur
  let collegue: Navigateur
  let coordinateur: Navigateur
  let suivi = ''
  let autreStructure = ''
  const aujourdhui = aujourdhuiParis()
  /** Ids recorded during the tests, in order. */
  const ids = { individuel: '', atelier: '' }

  const INDIVIDUEL = {
    type: 'individuel', date: '2025-03-14', duree: '45', typeLieu: 'lieu_activite', lieu: '', thematiques: ['email', 'aide_aux_demarches_administratives'],
    thematiquesDemarche: 'social_sante', precisionsDemarche: 'Carte vitale', materiel: 'ordinateur', autonomie: 'autonome', orienteVersStructure: 'non',
    anonyme_genre: 'feminin', anonyme_trancheAge: 'soixante_dix_plus', anonyme_statutSocial: 'retraite', anonyme_communeResidence: 'Cognin (73160)',
    notes: 'Revenir avec le code.',
  }

  beforeAll(async () => {
    s = await demarrer({ nombre: 12 })
    const [premier, second] = await lignes<{ uid: number; nom: string }>(s, sql`select uid, nom from lieux where statut = 'publie' order by uid limit 2`)
    lieu = Number(premier?.uid)
    nomLieu = String(premier?.nom)
    INDIVIDUEL.lieu = String(lieu)
    const [a, b, c] = await Promise.all([
      creerCompte(s.base, 'mediatrice@exemple.fr', [{ role: 'mediateur', lieuUid: lieu }], { nom: 'Alice Médiatrice' }),
      creerCompte(s.base, 'collegue@exemple.fr', [{ role: 'mediateur', lieuUid: lieu }]),
      creerCompte(s.base, 'coordination@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }]),
    ])
    ;[mediateur, collegue, coordinateur] = await Promise.all([seConnecter(s.url, a), seConnecter(s.url, b), seConnecter(s.url, c)])
    const structure = await structureDuLieu(s.base.db, lieu)
    const ailleurs = await structureDuLieu(s.base.db, Number(second?.uid))
    const fiche = (structureId: number, prenom: string) => sql`insert into beneficiaires (structure_id, cree_par, prenom, nom, consentement_le, consentement_portee, consentement_recueil)
      values (${structureId}, ${a.id}, ${prenom}, 'Durand', '2025-01-02', 'structure', 'oral') returning id`
    suivi = String((await lignes<{ id: string }>(s, fiche(structure, 'Bernadette')))[0]?.id)
    autreStructure = String((await lignes<{ id: string }>(s, fiche(ailleurs, 'Hors')))[0]?.id)
  })
  afterAll(async () => {
    await s?.fermer()
  })

  it('enregistre un accompagnement individuel, puis le retrouve dans « Mes activités »', async () => {
    const formulaire = await lire(mediateur, `${CHEMIN}/nouvelle?type=individuel`)
    expect(formulaire.statut).toBe(200)
    expect(valeurDe(formulaire.html, 'date')).toBe(aujourdhui)
    expect(formulaire.html).toContain('Il est interdit de stocker des informations sensibles (données de santé, mots de passe, etc).')
    expect(formulaire.html).toContain('seulement avec Aide aux démarches administratives')
    expect(formulaire.html).toContain('Bernadette Durand')
    expect(formulaire.html).not.toContain('Hors Durand')

    const r = await mediateur.post(`${CHEMIN}/nouvelle`, INDIVIDUEL)
    expect(r.status).toBe(303)
    expect(r.headers.get('location')).toMatch(/^\/espace\/activites\?fait=enregistre&type=individuel&id=/)
    ids.individuel = idDe(r.headers.get('location'))
    const enregistree = await activiteParId(s.base.db, ids.individuel)
    expect(enregistree?.activite).toMatchObject({ date: '2025-03-14', duree: 45, thematiquesDemarche: ['social_sante'], beneficiaireAnonyme: { genre: 'feminin', communeResidence: '73087' } })

    const liste = await lire(mediateur, r.headers.get('location') ?? '')
    const t = texte(liste.html)
    expect(t).toContain('L’accompagnement est enregistré.')
    expect(liste.html).toContain(`href="${CHEMIN}/nouvelle?type=individuel">Enregistrer le suivant</a>`)
    expect(liste.html).toContain(`href="${CHEMIN}/${ids.individuel}/dupliquer">Dupliquer</a>`)
    expect(t).toMatch(/14\/03\/2025 Accompagnement individuel · 45 min E-mail, Aide aux démarches administratives .* 1 bénéficiaire anonyme/)
    expect(t).toContain(nomLieu)
    expect(liste.html).toContain('aria-current="page">Mes activités</a>')
  })

  it('enregistre un atelier collectif avec un participant suivi et des anonymes', async () => {
    const r = await mediateur.post(`${CHEMIN}/nouvelle`, {
      type: 'collectif', date: '2025-03-15', duree: 'personnaliser', duree_heures: '1', duree_minutes: '15', typeLieu: 'autre', lieu: String(lieu), commune: 'Chambéry (73000)',
      thematiques: 'intelligence_artificielle', titreAtelier: 'Café IA', niveau: 'debutant', participants_total: '5', participants_genre_feminin: '3', beneficiairesSuivis: suivi,
    })
    expect(r.status).toBe(303)
    ids.atelier = idDe(r.headers.get('location'))
    expect((await activiteParId(s.base.db, ids.atelier))?.suivis).toEqual([suivi])
    const t = texte((await lire(mediateur, r.headers.get('location') ?? '')).html)
    expect(t).toContain('L’atelier est enregistré.')
    expect(t).toMatch(/15\/03\/2025 Atelier collectif : Café IA · 1 h 15 Intelligence artificielle \(IA\) Autre lieu — Chambéry 6 participants dont 1 suivi/)
    expect(t).toContain('2 activités, la plus récente en premier.')
    // the most recent first
    expect(t.indexOf('15/03/2025')).toBeLessThan(t.indexOf('14/03/2025'))
  })

  it('un nouveau formulaire reprend le lieu, le type de lieu, la durée, le matériel et les thématiques de la dernière activité', async () => {
    const { html } = await lire(mediateur, `${CHEMIN}/nouvelle?type=individuel`)
    expect(coche(html, 'duree', '45')).toBe(true)
    expect(coche(html, 'thematiques', 'email')).toBe(true)
    expect(coche(html, 'materiel', 'ordinateur')).toBe(true)
    expect(coche(html, 'typeLieu', 'lieu_activite')).toBe(true)
    expect(coche(html, 'thematiquesDemarche', 'social_sante')).toBe(false)
    expect(html).toMatch(/<textarea id="notes" name="notes"[^>]*><\/textarea>/)
    expect(valeurDe(html, 'date')).toBe(aujourdhui)
    const atelier = await lire(mediateur, `${CHEMIN}/nouvelle?type=collectif`)
    expect(coche(atelier.html, 'duree', 'personnaliser')).toBe(true)
    expect(valeurDe(atelier.html, 'duree_minutes')).toBe('15')
    expect(coche(atelier.html, 'typeLieu', 'autre')).toBe(true)
  })

  it('chaque erreur près de son champ et dans le résumé, la saisie gardée : démarche sans sa thématique, date future', async () => {
    const r = await mediateur.post(`${CHEMIN}/nouvelle`, { ...INDIVIDUEL, date: '2099-01-01', thematiques: 'email' })
    expect(r.status).toBe(400)
    const html = await r.text()
    expect(html).toMatch(/<title>Erreur : /)
    expect(html).toContain('Il y a 3 erreurs dans le formulaire')
    for (const id of ['date', 'thematiquesDemarche', 'precisionsDemarche']) {
      expect(html).toContain(`href="#${id}"`)
      expect(html).toContain(`id="${id}-erreur"`)
    }
    expect(texte(html)).toContain(`La date ne peut pas être dans le futur (nous sommes le ${aujourdhui}).`)
    expect(texte(html)).toContain("Les thématiques de démarche administrative s'indiquent seulement si la thématique « Aide aux démarches administratives » est choisie.")
    expect(valeurDe(html, 'date')).toBe('2099-01-01')
    expect(valeurDe(html, 'precisionsDemarche')).toBe('Carte vitale')
    expect(coche(html, 'thematiquesDemarche', 'social_sante')).toBe(true)
    expect(valeurDe(html, 'anonyme_communeResidence')).toBe('Cognin (73160)')
    expect(html).toContain('Revenir avec le code.</textarea>')
  })

  it('un atelier sans participant est refusé avec le message de La Coop ; une commune ambiguë demande de préciser', async () => {
    const r = await mediateur.post(`${CHEMIN}/nouvelle`, { type: 'collectif', date: '2025-03-15', duree: '60', typeLieu: 'domicile', lieu: String(lieu), commune: '73000', thematiques: 'email', titreAtelier: 'Atelier vide', participants_total: '0' })
    expect(r.status).toBe(400)
    const html = await r.text()
    expect(html).toContain('href="#participants_total">Veuillez renseigner au moins un bénéficiaire suivi ou anonyme.</a>')
    expect(html).toContain('href="#commune">Plusieurs communes correspondent à « 73000 »')
    expect(valeurDe(html, 'titreAtelier')).toBe('Atelier vide')
    expect(valeurDe(html, 'participants_total')).toBe('0')
  })

  it('un bénéficiaire suivi d’une autre structure, un lieu qui n’est pas le sien : refusés', async () => {
    const r = await mediateur.post(`${CHEMIN}/nouvelle`, { ...INDIVIDUEL, beneficiaireSuivi: autreStructure, anonyme_genre: '', anonyme_trancheAge: '', anonyme_statutSocial: '', anonyme_communeResidence: '' })
    expect(r.status).toBe(400)
    expect(await r.text()).toContain('href="#beneficiaireSuivi">Ce bénéficiaire suivi ne fait pas partie de ceux que vous pouvez choisir.')
    const [autre] = await lignes<{ uid: number }>(s, sql`select uid from lieux where uid <> ${lieu} order by uid limit 1`)
    const r2 = await mediateur.post(`${CHEMIN}/nouvelle`, { ...INDIVIDUEL, lieu: String(autre?.uid) })
    expect(r2.status).toBe(400)
    expect(await r2.text()).toContain('href="#lieu">Ce lieu ne fait pas partie de vos lieux d’activité')
  })

  it('« orienté vers une autre structure » : après l’enregistrement, le formulaire d’orientation', async () => {
    const r = await mediateur.post(`${CHEMIN}/nouvelle`, { ...INDIVIDUEL, orienteVersStructure: 'oui', structureDeRedirection: 'aide_sociale' })
    expect(r.status).toBe(303)
    const id = /activite=([0-9a-f-]{36})$/.exec(r.headers.get('location') ?? '')?.[1] ?? ''
    expect(r.headers.get('location')).toBe(`/espace/orientations/nouvelle?activite=${id}`)
    expect((await activiteParId(s.base.db, id))?.activite).toMatchObject({ orienteVersStructure: true, structureDeRedirection: 'aide_sociale' })
  })

  it('modifie une activité', async () => {
    const { statut, html } = await lire(mediateur, `${CHEMIN}/${ids.individuel}`)
    expect(statut).toBe(200)
    expect(html).toContain(`action="${CHEMIN}/${ids.individuel}"`)
    expect(valeurDe(html, 'precisionsDemarche')).toBe('Carte vitale')
    expect(valeurDe(html, 'anonyme_communeResidence')).toBe('Cognin (73160)')
    const r = await mediateur.post(`${CHEMIN}/${ids.individuel}`, { ...INDIVIDUEL, duree: '60', notes: '' })
    expect(r.status).toBe(303)
    expect(r.headers.get('location')).toBe(`${CHEMIN}?fait=modifie&type=individuel&id=${ids.individuel}`)
    const modifiee = await activiteParId(s.base.db, ids.individuel)
    expect(modifiee?.activite.duree).toBe(60)
    expect(modifiee?.activite.notes).toBeUndefined()
    expect(texte((await lire(mediateur, r.headers.get('location') ?? '')).html)).toContain('L’activité est modifiée.')
  })

  it('duplique une activité : un nouveau formulaire reprenant tout, à la date du jour', async () => {
    const { statut, html } = await lire(mediateur, `${CHEMIN}/${ids.atelier}/dupliquer`)
    expect(statut).toBe(200)
    expect(html).toContain(`action="${CHEMIN}/nouvelle"`)
    expect(valeurDe(html, 'date')).toBe(aujourdhui)
    expect(valeurDe(html, 'titreAtelier')).toBe('Café IA')
    expect(valeurDe(html, 'participants_total')).toBe('5')
    expect(coche(html, 'beneficiairesSuivis', suivi)).toBe(true)
    const champs = Object.fromEntries([...html.matchAll(/<input type="(?:text|date|hidden)" id="[^"]*" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]))
    const r = await mediateur.post(`${CHEMIN}/nouvelle`, { ...champs, type: 'collectif', duree: 'personnaliser', typeLieu: 'autre', lieu: String(lieu), thematiques: 'intelligence_artificielle', niveau: 'debutant', beneficiairesSuivis: suivi })
    expect(r.status).toBe(303)
    const copie = await activiteParId(s.base.db, idDe(r.headers.get('location')))
    const original = await activiteParId(s.base.db, ids.atelier)
    expect(copie?.activite).toEqual({ ...original?.activite, date: aujourdhui })
  })

  it('un autre médiateur reçoit 404 sur l’activité d’un collègue, et rien ne change', async () => {
    for (const chemin of [`${CHEMIN}/${ids.atelier}`, `${CHEMIN}/${ids.atelier}/dupliquer`, `${CHEMIN}/${ids.atelier}/supprimer`, `${CHEMIN}/00000000-0000-0000-0000-000000000000`, `${CHEMIN}/pas-un-id`]) {
      expect((await lire(collegue, chemin)).statut, chemin).toBe(404)
    }
    expect((await collegue.post(`${CHEMIN}/${ids.atelier}`, { duree: '15' })).status).toBe(404)
    expect((await collegue.post(`${CHEMIN}/${ids.atelier}/supprimer`, {})).status).toBe(404)
    expect((await activiteParId(s.base.db, ids.atelier))?.activite.duree).toBe(75)
    expect(texte((await lire(collegue, CHEMIN)).html)).toContain('Aucune activité enregistrée pour le moment.')
  })

  it('supprime une activité après confirmation', async () => {
    const confirmation = await lire(mediateur, `${CHEMIN}/${ids.atelier}/supprimer`)
    expect(confirmation.statut).toBe(200)
    expect(texte(confirmation.html)).toContain('Supprimer l’atelier du 15/03/2025 ?')
    const r = await mediateur.post(`${CHEMIN}/${ids.atelier}/supprimer`, {})
    expect(r.status).toBe(303)
    expect(r.headers.get('location')).toBe(`${CHEMIN}?fait=supprime`)
    expect(await activiteParId(s.base.db, ids.atelier)).toBeUndefined()
    expect((await lire(mediateur, `${CHEMIN}/${ids.atelier}`)).statut).toBe(404)
    expect(texte((await lire(mediateur, `${CHEMIN}?fait=supprime`)).html)).toContain('L’activité est supprimée.')
  })

  it('un coordinateur n’atteint pas les pages de saisie (403) et n’a pas « Mes activités » dans sa navigation', async () => {
    for (const chemin of [CHEMIN, `${CHEMIN}/nouvelle?type=individuel`, `${CHEMIN}/${ids.individuel}`]) expect((await lire(coordinateur, chemin)).statut, chemin).toBe(403)
    expect((await coordinateur.post(`${CHEMIN}/nouvelle`, INDIVIDUEL)).status).toBe(403)
    expect((await lire(coordinateur, '/espace')).html).not.toContain('Mes activités')
    expect((await lire(mediateur, '/espace')).html).toContain(`href="${CHEMIN}"`)
  })
})
