/**
 * The workspace's writes on both engines: an edit becomes the place (the manager's whole record
 * wins, what they removed stays removed) and is logged with what changed; a proposed place is
 * not public until a coordinator validates it; refusing keeps it out; reports change status;
 * reminders go to the managers at most once a week; and the audit log refuses UPDATE, DELETE
 * and TRUNCATE whatever the caller.
 */
import { afterEach, beforeEach, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { Base } from '../src/platform/db/database.ts'
import { historiqueDuLieu, type Acteur } from '../src/audit/journal.ts'
import { courrielsRecents } from '../src/mail/boite.ts'
import { lieuParUid } from '../src/places/registry/queries.ts'
import { versLieu } from '../src/places/registry/rows.ts'
import { ajouterRole, creerOuRetrouver } from '../src/accounts/store/comptes.ts'
import { deciderLieu, modifierLieu, proposerLieu } from '../src/workspace/ecriture.ts'
import { envoyerRappel, traiterSignalement } from '../src/workspace/actions.ts'
import { importerLieux, lieuxDemo } from './http/serveur-de-test.ts'
import { pourChaqueMoteur } from './support/bases.ts'

const ACTEUR: Acteur = { id: 1, libelle: 'Camille <camille@exemple.fr>', adresseIp: '192.0.2.10' }
const rangees = async <T>(base: Base, requete: ReturnType<typeof sql>) => ((await base.db.execute(requete)) as unknown as { rows: T[] }).rows

pourChaqueMoteur('espace professionnel : écritures et journal d’audit', (moteur) => {
  let base: Base
  let uid: number
  beforeEach(async () => {
    base = await moteur.ouvrir()
    await importerLieux(base, lieuxDemo(5), 'Démonstration', false)
    uid = Number((await rangees<{ uid: number }>(base, sql`select uid from lieux order by uid limit 1`))[0]?.uid)
  }, 60_000)
  afterEach(async () => {
    await base.fermer()
  })

  it('une modification devient le lieu, garde sa source « espace », et le journal dit ce qui a changé', async () => {
    const avant = versLieu((await lieuParUid(base.db, uid))!)
    const saisi = { ...avant, nom: 'Médiathèque des Halles', telephone: '+33479000001', services: avant.services.slice(0, 1), date_maj: '2026-11-22' }
    const changements = await modifierLieu(base, ACTEUR, uid, saisi)
    expect(Object.keys(changements).sort()).toEqual(['nom', 'telephone', ...(avant.services.length > 1 ? ['services'] : [])].sort())
    const apres = (await lieuParUid(base.db, uid))!
    expect(apres.nom).toBe('Médiathèque des Halles')
    expect(apres.services).toEqual(avant.services.slice(0, 1))
    expect(apres.sources.map((s) => s.nom)).toContain('espace')
    const [ligne] = await historiqueDuLieu(base.db, uid)
    expect(ligne).toMatchObject({ action: 'lieu.modifie', acteur: ACTEUR.libelle, adresseIp: ACTEUR.adresseIp })
    expect((ligne?.changements as Record<string, unknown>).nom).toEqual([avant.nom, 'Médiathèque des Halles'])
    // saving again without change writes nothing
    expect(await modifierLieu(base, ACTEUR, uid, saisi)).toEqual({})
    expect(await historiqueDuLieu(base.db, uid)).toHaveLength(1)
    // a re-import of the source (older data) does not bring back what the manager changed
    await importerLieux(base, lieuxDemo(5), 'Démonstration', false)
    expect((await lieuParUid(base.db, uid))!.nom).toBe('Médiathèque des Halles')
  })

  it('un lieu proposé attend la validation : invisible du public, puis publié ; un refus le garde hors de la publication', async () => {
    const modele = versLieu((await lieuParUid(base.db, uid))!)
    const propose = await proposerLieu(base, ACTEUR, { ...modele, nom: 'Nouveau point numérique' }, false)
    expect((await lieuParUid(base.db, propose))?.statut).toBe('a_valider')
    expect(await deciderLieu(base, ACTEUR, propose, 'valider')).toBe(true)
    expect((await lieuParUid(base.db, propose))?.statut).toBe('publie')
    expect(await deciderLieu(base, ACTEUR, propose, 'refuser')).toBe(false)
    const autre = await proposerLieu(base, ACTEUR, { ...modele, nom: 'Un lieu en double' }, false)
    expect(await deciderLieu(base, ACTEUR, autre, 'refuser', 'existe déjà')).toBe(true)
    expect((await lieuParUid(base.db, autre))?.statut).toBe('refuse')
    expect((await historiqueDuLieu(base.db, autre)).map((l) => l.action)).toEqual(['lieu.refuse', 'lieu.propose'])
  })

  it('un signalement change de statut avec une note ; un rappel part aux gestionnaires, pas deux fois dans la semaine', async () => {
    const [sig] = await rangees<{ id: number }>(base, sql`insert into signalements (lieu_uid, rubriques, message) values (${uid}, '{horaires}', 'Fermé le lundi') returning id`)
    expect(await traiterSignalement(base, ACTEUR, Number(sig?.id), 'corrige', 'Horaires corrigés')).toBe(true)
    expect((await rangees<{ statut: string; reponse: string }>(base, sql`select statut, reponse from signalements where id = ${sig?.id}`))[0]).toEqual({ statut: 'corrige', reponse: 'Horaires corrigés' })
    const lieu = { uid, nom: 'Médiathèque', dateMaj: '2024-01-01' }
    const options = { urlPublique: 'https://inclusion.exemple.fr', nomTerritoire: 'Savoie' }
    expect(await envoyerRappel(base, ACTEUR, lieu, options)).toEqual({ type: 'sans_gestionnaire' })
    const g = await creerOuRetrouver(base.db, 'gestion@exemple.fr', 'Gestion')
    await base.db.execute(sql`update utilisateurs set statut = 'actif' where id = ${g.id}`)
    await ajouterRole(base.db, g.id, { role: 'gestionnaire', lieuUid: uid })
    expect(await envoyerRappel(base, ACTEUR, lieu, options)).toEqual({ type: 'envoye', destinataires: 1 })
    const [courriel] = await courrielsRecents(base.db, { destinataire: 'gestion@exemple.fr' })
    expect(courriel?.texte).toContain(`https://inclusion.exemple.fr/espace/lieux/${uid}`)
    expect((await envoyerRappel(base, ACTEUR, lieu, options)).type).toBe('trop_tot')
  })

  it('le journal d’audit refuse toute modification et tout effacement', async () => {
    await traiterSignalement(base, ACTEUR, 999999, 'corrige', '')
    await base.db.execute(sql`insert into journal_audit (acteur, action, objet_type, objet_id) values ('x', 'essai', 'lieu', '1')`)
    for (const requete of [sql`update journal_audit set acteur = 'effacé'`, sql`delete from journal_audit`, sql`truncate journal_audit`]) {
      await expect(base.db.execute(requete)).rejects.toThrow()
    }
    expect((await rangees<{ n: number }>(base, sql`select count(*)::int as n from journal_audit where acteur = 'x'`))[0]?.n).toBe(1)
  })
})

pourChaqueMoteur('connexion par un fournisseur d’identité (couture OpenID Connect)', (moteur) => {
  it('une identité vérifiée ouvre le compte actif de son adresse, jamais un compte inconnu ni une adresse non vérifiée', async () => {
    const base = await moteur.ouvrir()
    try {
      const { Comptes } = await import('../src/accounts/service.ts')
      const comptes = new Comptes({ db: base.db, urlPublique: 'https://inclusion.exemple.fr', nomTerritoire: 'Savoie' })
      const c = await creerOuRetrouver(base.db, 'nadia@exemple.fr', 'Nadia')
      const identite = { fournisseur: 'proconnect', sujet: 'abc', courriel: 'Nadia@exemple.fr', courrielVerifie: true }
      expect((await comptes.connecterParIdentite(identite, '192.0.2.1')).type).toBe('refusee') // invited, not yet active
      await base.db.execute(sql`update utilisateurs set statut = 'actif' where id = ${c.id}`)
      const ouverte = await comptes.connecterParIdentite(identite, '192.0.2.1')
      expect(ouverte.type === 'ouverte' && ouverte.session.niveau).toBe('complet')
      expect((await comptes.connecterParIdentite({ ...identite, courrielVerifie: false }, '192.0.2.1')).type).toBe('refusee')
      expect((await comptes.connecterParIdentite({ ...identite, courriel: 'inconnu@exemple.fr' }, '192.0.2.1')).type).toBe('refusee')
      await base.db.execute(sql`update utilisateurs set totp_actif = true, totp_secret = 'JBSWY3DPEHPK3PXP' where id = ${c.id}`)
      const avecCode = await comptes.connecterParIdentite(identite, '192.0.2.1')
      expect(avecCode.type === 'ouverte' && avecCode.session.niveau).toBe('attente_code')
    } finally {
      await base.fermer()
    }
  })
})

pourChaqueMoteur('invitations de personnes déjà inscrites', (moteur) => {
  it('un compte actif reçoit le nouveau rôle et un courriel sans lien ; un compte désactivé reçoit le rôle, aucun courriel', async () => {
    const base = await moteur.ouvrir()
    try {
      const { Comptes } = await import('../src/accounts/service.ts')
      const comptes = new Comptes({ db: base.db, urlPublique: 'https://inclusion.exemple.fr', nomTerritoire: 'Savoie' })
      const actif = await creerOuRetrouver(base.db, 'pia@exemple.fr', 'Pia')
      const desactive = await creerOuRetrouver(base.db, 'quentin@exemple.fr', 'Quentin')
      await base.db.execute(sql`update utilisateurs set statut = 'actif', mot_de_passe = 'x' where id = ${actif.id}`)
      await base.db.execute(sql`update utilisateurs set statut = 'desactive', mot_de_passe = 'x' where id = ${desactive.id}`)
      for (const courriel of ['pia@exemple.fr', 'quentin@exemple.fr']) {
        expect(await comptes.inviter(ACTEUR, { courriel, nom: '' }, { role: 'coordinateur', territoire: 'departement:73' }, 'Savoie')).toEqual({ type: 'ok' })
      }
      const [pour] = await courrielsRecents(base.db, { destinataire: 'pia@exemple.fr' })
      expect(pour?.sujet).toContain('Nouveau rôle')
      expect(pour?.texte).not.toContain('jeton=')
      expect(await courrielsRecents(base.db, { destinataire: 'quentin@exemple.fr' })).toEqual([])
      const { rows } = (await base.db.execute(sql`select count(*)::int as n from habilitations where role = 'coordinateur'`)) as unknown as { rows: Array<{ n: number }> }
      expect(rows[0]?.n).toBe(2)
      // the same invitation again adds nothing and sends nothing
      await comptes.inviter(ACTEUR, { courriel: 'pia@exemple.fr', nom: '' }, { role: 'coordinateur', territoire: 'departement:73' }, 'Savoie')
      expect(await courrielsRecents(base.db, { destinataire: 'pia@exemple.fr' })).toHaveLength(1)
    } finally {
      await base.fermer()
    }
  })
})
