/**
 * Followed beneficiaries on both engines: who sees an identity (same structure with scope
 * `structure` → every mediator of it; scope `mediateur` → its creator only; another structure →
 * never; a coordinator → never), filtered in SQL and equal to the pure rule; search by name
 * without accents; an erasure keeps the statistics identical (rollups, dashboard, followed
 * beneficiaries by genre, age and status) while the identity, the notes and what referrals
 * shared are gone; the export holds everything about the person and nothing about anyone else;
 * the audit log names no one.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { Base } from '../src/platform/db/database.ts'
import { peutVoirIdentite, type MediateurStructures } from '../src/activity/domain/acces.ts'
import { trancheAgeDeNaissance } from '../src/activity/domain/beneficiaire.ts'
import { trancheAgeDe, trancheAgeSql } from '../src/activity/stats/age.ts'
import { statistiques } from '../src/activity/stats/requetes.ts'
import { beneficiairesVisibles, beneficiaireVisible, creerBeneficiaire, effacerIdentite, modifierBeneficiaire, nombreBeneficiairesVisibles } from '../src/activity/store/beneficiaires.ts'
import { exporterDonnees, historique } from '../src/activity/store/beneficiaires-donnees.ts'
import { pourChaqueMoteur } from './support/bases.ts'
import { ACTEUR, atelier, individuel, orientation, preparerMonde, rangees, saisie, type Monde } from './support/beneficiaires.ts'

it('la tranche d’âge du formulaire et celle des statistiques suivent les mêmes seuils', () => {
  for (let annee = 1900; annee <= 2026; annee++) expect(trancheAgeDeNaissance(annee, 2026)).toBe(trancheAgeDe(annee, 2026, 'non_communique'))
})

pourChaqueMoteur('bénéficiaires suivis', (moteur) => {
  let base: Base
  let m: Monde
  beforeAll(async () => {
    base = await moteur.ouvrir()
    m = await preparerMonde(base)
  }, 60_000)
  afterAll(async () => base?.fermer())

  it('les structures des médiateurs viennent de leurs lieux ; un coordinateur n’en a aucune', () => {
    expect(m.m1.structures).toEqual([m.structures.ab])
    expect(m.m2.structures).toEqual([m.structures.ab])
    expect(m.m3.structures).toEqual([m.structures.c])
    expect(m.coordinateur.structures).toEqual([])
  })

  it('matrice de visibilité : en SQL comme selon la règle pure', async () => {
    const structure = await creerBeneficiaire(base.db, ACTEUR, m.m1, m.structures.ab, saisie({ nom: 'Structure' }))
    const prive = await creerBeneficiaire(base.db, ACTEUR, m.m1, m.structures.ab, saisie({ nom: 'Privé', consentement: { le: '2026-11-01', portee: 'mediateur', recueil: 'ecrit' } }))
    const ailleurs = await creerBeneficiaire(base.db, ACTEUR, m.m3, m.structures.c, saisie({ nom: 'Ailleurs' }))
    const efface = await creerBeneficiaire(base.db, ACTEUR, m.m1, m.structures.ab, saisie({ nom: 'Effacé' }))
    await effacerIdentite(base.db, ACTEUR, efface)
    const attendu: Array<[string, MediateurStructures, string[]]> = [
      ['m1 (créateur)', m.m1, [structure, prive]],
      ['m2 (même structure)', m.m2, [structure]],
      ['m3 (autre structure)', m.m3, [ailleurs]],
      ['coordinateur', m.coordinateur, []],
    ]
    const toutes = await rangees<{ id: string; structure_id: number; cree_par: number | null; consentement_portee: string | null; anonymise_le: Date | null }>(
      base,
      sql`select id, structure_id, cree_par, consentement_portee, anonymise_le from beneficiaires where id in (${structure}::uuid, ${prive}::uuid, ${ailleurs}::uuid, ${efface}::uuid)`,
    )
    for (const [qui, mediateur, ids] of attendu) {
      const vus = (await beneficiairesVisibles(base.db, mediateur, { limite: 100 })).map((b) => b.id).filter((id) => [structure, prive, ailleurs, efface].includes(id))
      expect(vus.sort(), qui).toEqual([...ids].sort())
      const selonLaRegle = toutes.filter((b) => peutVoirIdentite(mediateur, { structureId: b.structure_id, creePar: b.cree_par, consentementPortee: b.consentement_portee, anonymiseLe: b.anonymise_le ? new Date(b.anonymise_le) : null }))
      expect(selonLaRegle.map((b) => b.id).sort(), `${qui} (règle pure)`).toEqual([...ids].sort())
      for (const id of [structure, prive, ailleurs, efface]) expect(Boolean(await beneficiaireVisible(base.db, mediateur, id)), `${qui} → ${id}`).toBe(ids.includes(id))
    }
    // a mediator may not create a file in a structure that is not theirs, nor edit one they do not see
    await expect(creerBeneficiaire(base.db, ACTEUR, m.m3, m.structures.ab, saisie())).rejects.toThrow(/structure/)
    expect(await modifierBeneficiaire(base.db, ACTEUR, m.m2, prive, saisie())).toBeUndefined()
    expect(await beneficiaireVisible(base.db, m.m1, 'pas-un-identifiant')).toBeUndefined()
  })

  it('cherche par prénom ou nom, sans accents ni majuscules, et compte', async () => {
    const id = await creerBeneficiaire(base.db, ACTEUR, m.m2, m.structures.ab, saisie({ prenom: 'Zoé', nom: 'Œuvrard-Ngô' }))
    for (const q of ['zoe', 'ZOÉ oeuvrard', 'ngo', 'Oeuvr', ' zoe  ngô ']) {
      expect((await beneficiairesVisibles(base.db, m.m1, { q, limite: 10 })).map((b) => b.id), q).toEqual([id])
    }
    expect(await beneficiairesVisibles(base.db, m.m1, { q: 'zoe dupont', limite: 10 })).toEqual([])
    expect(await beneficiairesVisibles(base.db, m.m3, { q: 'zoe', limite: 10 })).toEqual([])
    expect(await beneficiairesVisibles(base.db, m.m1, { q: '100%_', limite: 10 })).toEqual([])
    expect(await nombreBeneficiairesVisibles(base.db, m.m1, 'zoé')).toBe(1)
    const [ligne] = await beneficiairesVisibles(base.db, m.m1, { q: 'zoe', limite: 10 })
    expect(ligne).toMatchObject({ prenom: 'Zoé', nom: 'Œuvrard-Ngô', anneeNaissance: 1957, communeResidence: '73065', structureId: m.structures.ab })
    const page = await beneficiairesVisibles(base.db, m.m1, { limite: 1, decalage: 1 })
    expect(page).toHaveLength(1)
  })

  it('modifier : les champs changés sont journalisés par leur nom, sans valeur', async () => {
    const id = await creerBeneficiaire(base.db, ACTEUR, m.m1, m.structures.ab, saisie())
    expect(await modifierBeneficiaire(base.db, ACTEUR, m.m2, id, saisie())).toEqual([])
    expect(await modifierBeneficiaire(base.db, ACTEUR, m.m2, id, saisie({ telephone: '+33698765432', notes: null }))).toEqual(['telephone', 'notes'])
    expect((await beneficiaireVisible(base.db, m.m1, id))?.telephone).toBe('+33698765432')
    const [ligne] = await rangees<{ changements: unknown }>(base, sql`select changements from journal_audit where action = 'beneficiaire.modifie' and objet_id = ${id}`)
    expect(ligne?.changements).toEqual({ champs: ['telephone', 'notes'] })
  })

  it('effacer une identité ne change AUCUNE statistique ; l’identité, les notes et le partage disparaissent', async () => {
    const personne = await creerBeneficiaire(base.db, ACTEUR, m.m1, m.structures.ab, saisie({ prenom: 'Gaston', nom: 'Effaçable', anneeNaissance: 1956, trancheAge: 'soixante_soixante_neuf' }))
    // a bracket recorded long ago: the erasure keeps the one the statistics show now
    await base.db.execute(sql`update beneficiaires set tranche_age = 'soixante_soixante_neuf' where id = ${personne}::uuid`)
    const autre = await creerBeneficiaire(base.db, ACTEUR, m.m1, m.structures.ab, saisie({ prenom: 'Irène', nom: 'Témoin', genre: 'masculin' }))
    const a1 = await individuel(base, m.m1.id, m.lieux.a, '2026-03-10', personne, 'Gaston a perdu son mot de passe')
    const a2 = await atelier(base, m.m1.id, m.lieux.a, '2026-04-02', [personne, autre])
    const a3 = await individuel(base, m.m1.id, m.lieux.a, '2026-05-05', autre, 'Notes d’Irène')
    const o1 = await orientation(base, m.lieux.a, m.lieux.c, m.m1.id, personne, { prenom: 'Gaston', telephone: '+33612345678' })
    const o2 = await orientation(base, m.lieux.a, m.lieux.c, m.m1.id, autre, { prenom: 'Irène' })

    const periode = { du: '2025-12-01', au: '2026-11-30' }
    const etat = async () => ({
      cumuls: await rangees(base, sql`select * from stats_mensuelles order by 1, 2, 3, 4, 5, 6, 7, 8, 9`),
      tout: await statistiques(base.db, { tout: true }, periode, { aujourdhui: '2026-11-22' }),
      structure: await statistiques(base.db, { structure: m.structures.ab }, periode, { aujourdhui: '2026-11-22' }),
      suivis: await rangees(
        base,
        sql`select b.genre, ${trancheAgeSql(2026)} as age, b.statut_social, b.commune_residence, count(distinct b.id)::int as n
          from activites_beneficiaires ab join activites a on a.id = ab.activite_id join beneficiaires b on b.id = ab.beneficiaire_id where a.supprime_le is null group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
      ),
    })
    const avant = await etat()
    expect(avant.tout.beneficiaires.suivis).toBeGreaterThanOrEqual(2)

    expect(await effacerIdentite(base.db, ACTEUR, personne, new Date('2026-11-22T10:00:00Z'))).toBe(true)
    expect(await effacerIdentite(base.db, ACTEUR, personne)).toBe(false)

    const apres = await etat()
    expect(apres.cumuls).toEqual(avant.cumuls)
    expect(apres.tout).toEqual(avant.tout)
    expect(apres.structure).toEqual(avant.structure)
    // the followed beneficiaries by genre, bracket (now frozen, no longer computed), status and commune
    expect(apres.suivis).toEqual(avant.suivis)

    const [b] = await rangees<Record<string, unknown>>(base, sql`select * from beneficiaires where id = ${personne}::uuid`)
    expect(b).toMatchObject({ prenom: null, nom: null, telephone: null, courriel: null, adresse: null, notes: null, annee_naissance: null, genre: 'feminin', tranche_age: 'soixante_dix_plus', statut_social: 'retraite', commune_residence: '73065' })
    expect(b?.['anonymise_le']).not.toBeNull()
    const notes = await rangees<{ id: string; notes: string | null }>(base, sql`select id, notes from activites where id in (${a1}::uuid, ${a2}::uuid, ${a3}::uuid)`)
    expect(Object.fromEntries(notes.map((n) => [n.id, n.notes]))).toEqual({ [a1]: null, [a2]: null, [a3]: 'Notes d’Irène' })
    const partages = await rangees<{ id: string; partage: unknown }>(base, sql`select id, partage from orientations where id in (${o1}::uuid, ${o2}::uuid)`)
    expect(Object.fromEntries(partages.map((p) => [p.id, p.partage]))).toEqual({ [o1]: null, [o2]: { prenom: 'Irène' } })
    expect(await rangees(base, sql`select 1 from activites_beneficiaires where beneficiaire_id = ${personne}::uuid`)).toHaveLength(2)
    for (const med of [m.m1, m.m2]) expect(await beneficiaireVisible(base.db, med, personne)).toBeUndefined()
  })

  it('l’export contient tout ce qui concerne la personne, et rien des autres', async () => {
    const personne = await creerBeneficiaire(base.db, ACTEUR, m.m1, m.structures.ab, saisie({ prenom: 'Lucie', nom: 'Exportée' }))
    const autre = await creerBeneficiaire(base.db, ACTEUR, m.m1, m.structures.ab, saisie({ prenom: 'Marcel', nom: 'Voisin', telephone: '+33700000000', courriel: 'marcel@exemple.fr' }))
    await individuel(base, m.m1.id, m.lieux.b, '2026-06-01', personne, 'Lucie veut payer en ligne')
    await atelier(base, m.m1.id, m.lieux.a, '2026-06-15', [personne, autre])
    await individuel(base, m.m1.id, m.lieux.a, '2026-06-20', autre, 'Notes de Marcel')
    await orientation(base, m.lieux.a, m.lieux.c, m.m1.id, personne, { prenom: 'Lucie', telephone: '+33612345678' })
    await orientation(base, m.lieux.a, m.lieux.c, m.m1.id, autre, { prenom: 'Marcel' })

    const donnees = await exporterDonnees(base.db, personne, new Date('2026-11-22T10:00:00Z'))
    expect(donnees?.beneficiaire).toMatchObject({
      id: personne,
      identite: { prenom: 'Lucie', nom: 'Exportée', telephone: '+33612345678', courriel: 'helene@exemple.fr', anneeNaissance: 1957, adresse: '3 rue des Écoles' },
      notes: 'Veut écrire à sa petite-fille.',
      consentement: { le: '2026-11-02', portee: 'structure', recueil: 'oral' },
      donneesSocioDemographiques: { genre: 'feminin', trancheAge: 'soixante_soixante_neuf', statutSocial: 'retraite', communeResidence: '73065' },
      anonymiseLe: null,
    })
    expect(donnees?.accompagnements.map((a) => [a.date, a.type, a.notes])).toEqual([
      ['2026-06-01', 'individuel', 'Lucie veut payer en ligne'],
      ['2026-06-15', 'collectif', null],
    ])
    expect(donnees?.accompagnements[0]).toMatchObject({ duree: 45, thematiques: ['email', 'aide_aux_demarches_administratives'], thematiquesDemarche: ['argent_impots'], materiel: ['ordinateur'] })
    expect(donnees?.orientations).toEqual([expect.objectContaining({ besoin: 'Déclarer ses impôts', partage: { prenom: 'Lucie', telephone: '+33612345678' }, statut: 'envoyee', consentementRecueil: 'oral' })])
    const texte = JSON.stringify(donnees)
    for (const ailleurs of ['Marcel', 'Voisin', '+33700000000', 'marcel@exemple.fr', autre, 'Notes de Marcel', 'Notes de l’atelier']) expect(texte, ailleurs).not.toContain(ailleurs)
    expect((await historique(base.db, personne)).map((a) => [a.date, a.type, a.premier])).toEqual([
      ['2026-06-15', 'collectif', false],
      ['2026-06-01', 'individuel', true],
    ])
    expect(await exporterDonnees(base.db, '00000000-0000-0000-0000-000000000000')).toBeUndefined()
  })

  it('le journal d’audit désigne les fiches par leur identifiant, jamais une personne', async () => {
    const lignes = await rangees<{ acteur: string; objet_id: string; changements: unknown }>(base, sql`select acteur, objet_id, changements from journal_audit where objet_type = 'beneficiaire'`)
    expect(lignes.length).toBeGreaterThan(5)
    const texte = JSON.stringify(lignes)
    for (const mot of ['Hélène', 'Lefèvre', 'Gaston', 'Lucie', 'Zoé', '+336', 'exemple.fr', 'Écoles', 'petite-fille']) expect(texte, mot).not.toContain(mot)
  })
})
