/**
 * The activities export: one row per activity of the scope and filters, with La Coop's columns
 * where they apply (« Date », « Enregistré le », … « ID CRA »), read in pages of 1,000 by
 * (date, id) so that a territory's years of activity stream out without filling memory. Never a
 * beneficiary's identity: a followed person is « Suivi », without socio-demographic data; an
 * anonymous one's data as recorded; a workshop's anonymous counters summed up. Notes only on
 * the exporter's own activities.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import type { BeneficiaireAnonyme, ParticipantsAnonymes } from '../domain/validation.ts'
import {
  AUTONOMIES,
  GENRES,
  libelle,
  MATERIELS,
  NIVEAUX_ATELIER,
  STATUTS_SOCIAUX,
  STRUCTURES_REDIRECTION,
  type Terme,
  THEMATIQUES,
  THEMATIQUES_DEMARCHE,
  TRANCHES_AGE,
  TYPES_ACTIVITE,
  TYPES_LIEU,
} from '../domain/vocabulaire.ts'
import { conditionsActivites } from './conditions.ts'
import { type LigneExport, lignesMeta, type MetaExport } from './export.ts'
import type { Filtres, Portee } from './filtres.ts'
import { nomDeCommune } from './requetes.ts'

export const COLONNES_ACTIVITES = [
  'Date',
  'Enregistré le',
  'Dernière modification le',
  'Médiateur',
  'Type',
  'Participants',
  'Bénéficiaire',
  'Canaux d’accompagnement',
  'Nom du lieu',
  'Commune',
  'Code Insee',
  'Durée (min)',
  'Nom de l’atelier',
  'Matériel numérique utilisé',
  'Thématique(s) d’accompagnement',
  'Thématique(s) de la démarche administrative',
  'Nom de la démarche administrative',
  'Niveau d’autonomie (ou de l’atelier)',
  'Bénéficiaire réorienté',
  'Structure de redirection',
  'Commune du bénéficiaire',
  'Code Insee du bénéficiaire',
  'Genre du bénéficiaire',
  'Tranche d’âge du bénéficiaire',
  'Statut du bénéficiaire',
  'Notes supplémentaires',
  'Source de la donnée',
  'ID CRA',
] as const

const PAQUET = 1000
const HORODATAGE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' })
const horodatage = (secondes: unknown) => HORODATAGE.format(new Date(Number(secondes) * 1000))
const dateCourte = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
const libelles = (vocabulaire: readonly Terme[], valeurs: unknown): string => ((valeurs as string[] | null) ?? []).map((v) => libelle(vocabulaire, v) ?? v).join(', ')
const etoiles = (vocabulaire: ReadonlyArray<Terme & { etoiles: number }>, valeur: unknown) => {
  const t = vocabulaire.find((x) => x.valeur === valeur)
  return t ? `${t.etoiles}/3` : ''
}
/** « Féminin : 3, Masculin : 2 » from a workshop's counters. */
const comptes = (vocabulaire: readonly Terme[], c: Record<string, number> | undefined) =>
  vocabulaire
    .filter((t) => (c?.[t.valeur] ?? 0) > 0)
    .map((t) => `${t.libelle} : ${c?.[t.valeur]}`)
    .join(', ')

type Rangee = Record<string, unknown>

function versLigne(r: Rangee, exportateur: number): LigneExport {
  const individuel = r['type'] === 'individuel'
  const anonyme = individuel ? (r['anonymes'] as BeneficiaireAnonyme | null) : null
  const atelier = individuel ? null : (r['anonymes'] as ParticipantsAnonymes | null)
  const participants = Number(r['accompagnements'])
  const suivis = individuel ? (anonyme ? 0 : 1) : participants - (atelier?.total ?? 0)
  const beneficiaire = individuel ? (anonyme ? 'Anonyme' : 'Suivi') : `${suivis} suivi(s), ${atelier?.total ?? 0} anonyme(s)`
  const codeInsee = (r['code_insee'] as string | null) ?? ''
  const residence = anonyme?.communeResidence ?? ''
  return {
    cellules: [
      dateCourte(String(r['date'])),
      horodatage(r['cree']),
      horodatage(r['modifie']),
      (r['mediateur'] as string | null) || '',
      libelle(TYPES_ACTIVITE, String(r['type'])) ?? String(r['type']),
      participants,
      beneficiaire,
      libelle(TYPES_LIEU, String(r['type_lieu'])) ?? String(r['type_lieu']),
      r['type_lieu'] === 'lieu_activite' ? ((r['nom_lieu'] as string | null) ?? '') : '',
      codeInsee === '' ? '' : nomDeCommune(codeInsee),
      codeInsee,
      Number(r['duree']),
      (r['titre_atelier'] as string | null) ?? '',
      libelles(MATERIELS, r['materiel']),
      libelles(THEMATIQUES, r['thematiques']),
      libelles(THEMATIQUES_DEMARCHE, r['thematiques_demarche']),
      (r['precisions_demarche'] as string | null) ?? '',
      individuel ? etoiles(AUTONOMIES, r['autonomie']) : etoiles(NIVEAUX_ATELIER, r['niveau']),
      individuel ? (r['oriente_vers_structure'] ? 'Oui' : 'Non') : '',
      libelle(STRUCTURES_REDIRECTION, String(r['structure_redirection'])) ?? '',
      residence === '' ? '' : nomDeCommune(residence),
      residence,
      anonyme ? (libelle(GENRES, anonyme.genre) ?? '') : comptes(GENRES, atelier?.genre),
      anonyme ? (libelle(TRANCHES_AGE, anonyme.trancheAge) ?? '') : comptes(TRANCHES_AGE, atelier?.trancheAge),
      anonyme ? (libelle(STATUTS_SOCIAUX, anonyme.statutSocial) ?? '') : comptes(STATUTS_SOCIAUX, atelier?.statutSocial),
      Number(r['mediateur_id']) === exportateur && exportateur > 0 ? ((r['notes'] as string | null) ?? '') : '',
      r['source'] === 'coop' ? 'La Coop de la médiation numérique' : 'Aiguillage',
      String(r['id']),
    ],
  }
}

/**
 * The rows of the activities export: metadata and filters, the header, then each activity of
 * the period (oldest first). `exportateur`: the account exporting (its own notes only).
 */
export async function* lignesActivites(db: Db, portee: Portee, filtres: Filtres, periode: { du: string; au: string }, meta: MetaExport, exportateur: number): AsyncGenerator<LigneExport> {
  yield* lignesMeta(meta)
  yield { cellules: [...COLONNES_ACTIVITES], style: 'entete' }
  let apres: { date: string; id: string } | undefined
  for (;;) {
    const suite = apres ? sql` and (a.date, a.id) > (${apres.date}::date, ${apres.id}::uuid)` : sql``
    const { rows } = (await db.execute(sql`
      select a.id::text as id, a.date::text as date, extract(epoch from a.cree_le)::float8 as cree, extract(epoch from a.modifie_le)::float8 as modifie,
        a.mediateur_id::float8 as mediateur_id, u.nom as mediateur, a.type, a.accompagnements, a.type_lieu, l.nom as nom_lieu, a.code_insee, a.duree,
        a.titre_atelier, a.materiel, a.thematiques, a.thematiques_demarche, a.precisions_demarche, a.autonomie, a.niveau,
        a.oriente_vers_structure, a.structure_redirection, a.anonymes, a.notes, a.source
      from activites a left join utilisateurs u on u.id = a.mediateur_id left join lieux l on l.uid = a.lieu_uid
      where ${conditionsActivites(portee, filtres, periode.du, periode.au)}${suite}
      order by a.date, a.id limit ${PAQUET}`)) as unknown as { rows: Rangee[] }
    for (const r of rows) yield versLigne(r, exportateur)
    const derniere = rows.at(-1)
    if (!derniere || rows.length < PAQUET) return
    apres = { date: String(derniere['date']), id: String(derniere['id']) }
  }
}
