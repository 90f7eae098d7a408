/**
 * The export of the actors of a scope (CSV and XLSX, written by `activity/stats/fichiers.ts`):
 * who exports and when, the filters, then one row per actor with its labels in French. Only the
 * organisation's own contacts, no personal data.
 */
import type { Db } from '../../../platform/db/database.ts'
import { lignesMeta, type LigneExport } from '../../../activity/stats/export.ts'
import { ROLES_ACTEUR, STATUTS_ACTEUR, TYPES_ACTEUR, libelle } from '../domaine/vocabulaire.ts'
import { lignesExport, type Filtres, type Portee } from '../store/lecture.ts'

export const ENTETES_EXPORT = ['Nom', 'Type', 'SIRET', 'Adresse', 'Code postal', 'Commune', 'Code INSEE', 'Site web', 'Courriel', 'Téléphone', 'Rôles', 'Compétences', 'Mise à jour', 'Statut', 'Partenariats en cours']

export async function lignesExportActeurs(db: Db, portee: Portee, filtres: Filtres, exportePar: string): Promise<LigneExport[]> {
  const rangees = await lignesExport(db, portee, filtres)
  const filtresDecrits: Array<[string, string]> = [
    ['Type', filtres.type ? libelle(TYPES_ACTEUR, filtres.type) : 'tous'],
    ['Rôle', filtres.role ? libelle(ROLES_ACTEUR, filtres.role) : 'tous'],
    ['Compétence', filtres.competence ?? 'toutes'],
    ['Commune', filtres.commune ?? 'toutes'],
    ['Recherche', filtres.q ?? '—'],
  ]
  const texte = (v: unknown) => (v === null || v === undefined ? '' : String(v))
  return [
    ...lignesMeta({ titre: 'Cartographie des acteurs', exportePar, exporteLe: new Date(), filtres: filtresDecrits }),
    { cellules: ENTETES_EXPORT, style: 'section' },
    ...rangees.map((r) => ({
      cellules: [
        texte(r.nom),
        libelle(TYPES_ACTEUR, texte(r.type)),
        texte(r.siret),
        texte(r.adresse),
        texte(r.code_postal),
        texte(r.commune),
        texte(r.code_insee),
        texte(r.site_web),
        texte(r.courriel),
        texte(r.telephone),
        (r.roles as string[]).map((c) => libelle(ROLES_ACTEUR, c)).join(' | '),
        (r.competences as string[]).join(' | '),
        texte(r.date_maj),
        libelle(STATUTS_ACTEUR, texte(r.statut)),
        Number(r.partenariats),
      ],
    })),
  ]
}
