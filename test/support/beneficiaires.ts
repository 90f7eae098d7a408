/**
 * Fixtures for the followed-beneficiary tests: three demo places — A and B in one structure, C
 * in another —, mediators of A, B and C and a coordinator (real accounts, as the routes see
 * them through `mediateurDe`), a valid entry, activities and referrals for a person.
 */
import { sql } from 'drizzle-orm'
import type { Base } from '../../src/platform/db/database.ts'
import type { Acteur } from '../../src/audit/journal.ts'
import { compteActif } from '../../src/accounts/store/comptes.ts'
import type { SaisieBeneficiaire } from '../../src/activity/domain/beneficiaire.ts'
import { enregistrerActivite } from '../../src/activity/store/activites.ts'
import { mediateurDe, type Mediateur } from '../../src/activity/store/mediateur.ts'
import { rattacherLieu, structureDuLieu } from '../../src/activity/store/structures.ts'
import { importerLieux, lieuxDemo } from '../http/serveur-de-test.ts'
import { creerCompte } from './comptes.ts'

export const ACTEUR: Acteur = { id: null, libelle: 'test', adresseIp: null }

export const rangees = async <T>(base: Base, requete: ReturnType<typeof sql>): Promise<T[]> => ((await base.db.execute(requete)) as unknown as { rows: T[] }).rows

export function saisie(autres: Partial<SaisieBeneficiaire> = {}): SaisieBeneficiaire {
  return {
    prenom: 'Hélène',
    nom: 'Lefèvre',
    telephone: '+33612345678',
    courriel: 'helene@exemple.fr',
    anneeNaissance: 1957,
    trancheAge: 'soixante_soixante_neuf',
    genre: 'feminin',
    statutSocial: 'retraite',
    communeResidence: '73065',
    adresse: '3 rue des Écoles',
    notes: 'Veut écrire à sa petite-fille.',
    consentement: { le: '2026-11-02', portee: 'structure', recueil: 'oral' },
    ...autres,
  }
}

export interface Monde {
  lieux: { a: number; b: number; c: number }
  structures: { ab: number; c: number }
  /** As the routes see them: the mediator's structures, from its places. */
  m1: Mediateur
  m2: Mediateur
  m3: Mediateur
  coordinateur: Mediateur
}

export async function preparerMonde(base: Base): Promise<Monde> {
  await importerLieux(base, lieuxDemo(6))
  const uids = (await rangees<{ uid: number }>(base, sql`select uid from lieux order by uid limit 3`)).map((l) => Number(l.uid))
  const [a, b, c] = uids as [number, number, number]
  const ab = await structureDuLieu(base.db, a)
  await rattacherLieu(base.db, b, ab)
  const structureC = await structureDuLieu(base.db, c)
  const comptes = await Promise.all([
    creerCompte(base, 'm1@exemple.fr', [{ role: 'mediateur', lieuUid: a }]),
    creerCompte(base, 'm2@exemple.fr', [{ role: 'mediateur', lieuUid: b }]),
    creerCompte(base, 'm3@exemple.fr', [{ role: 'mediateur', lieuUid: c }]),
    creerCompte(base, 'coord@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }]),
  ])
  const [m1, m2, m3, coordinateur] = await Promise.all(
    comptes.map(async (c) => {
      const compte = await compteActif(base.db, c.id)
      if (!compte) throw new Error('compte introuvable')
      return mediateurDe(base.db, compte)
    }),
  )
  return { lieux: { a, b, c }, structures: { ab, c: structureC }, m1: m1 as Mediateur, m2: m2 as Mediateur, m3: m3 as Mediateur, coordinateur: coordinateur as Mediateur }
}

const ANONYME = { genre: 'masculin', trancheAge: 'vingt_cinq_trente_neuf', statutSocial: 'en_emploi', dejaAccompagne: false } as const

/** An individual accompaniment of a followed person (or an anonymous one), with notes. */
export function individuel(base: Base, mediateurId: number, lieu: number, date: string, suivi?: string, notes = 'Notes de l’accompagnement') {
  return enregistrerActivite(base.db, ACTEUR, {
    mediateurId,
    lieuUid: lieu,
    activite: {
      type: 'individuel', date, duree: 45, typeLieu: 'lieu_activite', lieu: String(lieu), thematiques: ['email', 'aide_aux_demarches_administratives'], thematiquesDemarche: ['argent_impots'],
      materiel: ['ordinateur'], notes, orienteVersStructure: false, ...(suivi ? { beneficiaireSuivi: suivi } : { beneficiaireAnonyme: ANONYME }),
    },
  })
}

/** A workshop with followed participants and 3 anonymous ones. */
export function atelier(base: Base, mediateurId: number, lieu: number, date: string, suivis: string[]) {
  return enregistrerActivite(base.db, ACTEUR, {
    mediateurId,
    lieuUid: lieu,
    activite: {
      type: 'collectif', date, duree: 120, typeLieu: 'lieu_activite', lieu: String(lieu), thematiques: ['navigation_sur_internet'], thematiquesDemarche: [], materiel: [],
      notes: 'Notes de l’atelier (le groupe)', titreAtelier: 'Découvrir internet', beneficiairesSuivis: suivis,
      participants: {
        total: 3, dejaAccompagne: 1,
        genre: { masculin: 1, feminin: 2, non_communique: 0 },
        trancheAge: { moins_de_douze: 0, douze_dix_huit: 0, dix_huit_vingt_quatre: 0, vingt_cinq_trente_neuf: 1, quarante_cinquante_neuf: 1, soixante_soixante_neuf: 1, soixante_dix_plus: 0, non_communique: 0 },
        statutSocial: { scolarise: 0, sans_emploi: 1, en_emploi: 1, retraite: 1, non_communique: 0 },
      },
    },
  })
}

/** A referral of the person from one place to another, with what they agreed to share. */
export async function orientation(base: Base, de: number, vers: number, par: number, beneficiaire: string | null, partage: Record<string, string>): Promise<string> {
  const [l] = await rangees<{ id: string }>(
    base,
    sql`insert into orientations (de_lieu, vers_lieu, par_mediateur, beneficiaire_id, besoin, partage, consentement_le, consentement_recueil)
      values (${de}, ${vers}, ${par}, ${beneficiaire}, 'Déclarer ses impôts', ${JSON.stringify(partage)}::jsonb, '2026-11-02', 'oral') returning id`,
  )
  return String(l?.id)
}
