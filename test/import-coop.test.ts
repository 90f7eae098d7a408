/**
 * Import of La Coop's « Activités » export, on both engines: a realistic XLSX export (metadata
 * rows, a 3-participant workshop, a followed beneficiary, bad rows) then the same rows as a
 * windows-1252 `;` CSV; counts, French reasons with their lines, attribution to the structure's
 * places, idempotence, rollups equal to a recomputation, and the command line's report.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEME } from '../src/audit/journal.ts'
import { ajouterRole, creerOuRetrouver } from '../src/accounts/store/comptes.ts'
import { exportCsv, exportXlsx, lignesExemple, type LieuExemple } from '../src/activity/import/export-exemple.ts'
import { importerExportCoop } from '../src/activity/import/import.ts'
import { rapportImportCoop } from '../src/activity/import/rapport.ts'
import { reconstruireCumuls } from '../src/activity/store/masse.ts'
import { rattacherLieu, structureDuLieu } from '../src/activity/store/structures.ts'
import { ouvrirBase, type Base } from '../src/platform/db/database.ts'
import { importerLieux, lieuxDemo } from './http/serveur-de-test.ts'
import { nouvelleBasePostgres, pourChaqueMoteur, type Moteur } from './support/bases.ts'
import { executer } from './support/cli.ts'

const AUJOURDHUI = '2025-06-02'

type Lignes = Array<Record<string, unknown>>
const lignes = async (base: Base, requete: ReturnType<typeof sql>): Promise<Lignes> => ((await base.db.execute(requete)) as unknown as { rows: Lignes }).rows

/** Two places of one structure and a mediator's account on the first. */
async function preparer(base: Base) {
  await importerLieux(base, lieuxDemo(12))
  const [l1, l2] = await lignes(base, sql`select uid, nom, commune_resolue as insee from lieux order by uid limit 2`)
  const uid = Number(l1?.uid)
  const autreUid = Number(l2?.uid)
  const structureId = await structureDuLieu(base.db, uid)
  await rattacherLieu(base.db, autreUid, structureId)
  const compte = await creerOuRetrouver(base.db, 'mediatrice@exemple.fr', 'Camille Exemple')
  await ajouterRole(base.db, compte.id, { role: 'mediateur', lieuUid: uid })
  const lieu: LieuExemple = { nom: String(l1?.nom), codeInsee: String(l1?.insee) }
  const autre: LieuExemple = { nom: String(l2?.nom), codeInsee: String(l2?.insee) }
  return { uid, autreUid, structureId, mediateurId: compte.id, lignes: lignesExemple(lieu, autre) }
}

const cumuls = (base: Base) => lignes(base, sql`select mois::text, departement, code_insee, structure_id, lieu_uid::int as lieu_uid, mediateur_id, type, dimension, valeur, accompagnements::int, activites::int from stats_mensuelles where accompagnements <> 0 or activites <> 0 order by 1, 2, 3, 4, 5, 6, 7, 8, 9`)
const cumulsDepartementaux = (base: Base) => lignes(base, sql`select departement, mois::text, type, dimension, valeur, accompagnements::int, activites::int from stats_departements where accompagnements <> 0 or activites <> 0 order by 1, 2, 3, 4, 5`)

pourChaqueMoteur('import de l’export « Activités » de La Coop', (moteur: Moteur) => {
  let base: Base
  let contexte: Awaited<ReturnType<typeof preparer>>
  beforeAll(async () => {
    base = await moteur.ouvrir()
    contexte = await preparer(base)
  })
  afterAll(async () => base.fermer())

  it('importe les bonnes activités, rejette les mauvaises avec chaque raison et sa ligne', async () => {
    const bilan = await importerExportCoop(base.db, SYSTEME, { nomFichier: 'activites.xlsx', octets: await exportXlsx(contexte.lignes), lieuUid: contexte.uid, mediateurId: contexte.mediateurId, aujourdhui: AUJOURDHUI })
    expect(bilan).toMatchObject({ format: 'xlsx', lignes: 10, activites: 8, importees: 4, accompagnementsImportes: 6, dejaImportees: [], autresLieux: 1, lieuxNonReconnus: [] })
    expect(bilan.rejetees.map((r) => [r.idCra, r.lignes, r.erreurs.length])).toEqual([['cra-5', [19], 1], ['cra-6', [20], 1], ['cra-7', [21], 2], ['cra-8', [22], 1]])
    const rapport = rapportImportCoop(bilan)
    expect(rapport).toContain('importées        4 (6 accompagnements)')
    expect(rapport).toContain('Ligne 19 (ID CRA cra-5) :\n    - colonne « Thématique(s) d’accompagnement » : La thématique « Jardinage numérique » n’est pas dans la liste de La Coop.')
    expect(rapport).toContain(`Ligne 20 (ID CRA cra-6) :\n    - colonne « Date » : La date ne peut pas être dans le futur (nous sommes le ${AUJOURDHUI}).`)
    expect(rapport).toContain('Ligne 21 (ID CRA cra-7) :\n    - colonne « Durée (min) » : La durée « abc » n’est pas un nombre de minutes (par exemple 45).\n    - colonne « Tranche d’âge du bénéficiaire » : La tranche d’âge « Ado »')
    expect(rapport).toContain("Ligne 22 (ID CRA cra-8) :\n    - colonne « Date » : Veuillez indiquer la date de l'accompagnement.")
  })

  it('enregistre chaque activité pour le bon lieu, le médiateur choisi, sans identité de bénéficiaire', async () => {
    const rangees = await lignes(base, sql`select id_source, lieu_uid, structure_id, mediateur_id, type, code_insee, departement, accompagnements, notes, anonymes::text as anonymes from activites where source = 'coop' order by id_source`)
    expect(rangees.map((r) => [r.id_source, Number(r.lieu_uid), r.structure_id, r.mediateur_id, r.type, r.accompagnements])).toEqual([
      ['cra-1', contexte.uid, contexte.structureId, contexte.mediateurId, 'individuel', 1],
      ['cra-2', contexte.uid, contexte.structureId, contexte.mediateurId, 'individuel', 1],
      ['cra-3', contexte.uid, contexte.structureId, contexte.mediateurId, 'individuel', 1],
      ['cra-4', contexte.autreUid, contexte.structureId, contexte.mediateurId, 'collectif', 3],
    ])
    expect(rangees[1]).toMatchObject({ code_insee: '73008', departement: '73', notes: null })
    expect(JSON.parse(String(rangees[2]?.anonymes))).toEqual({ genre: 'feminin', trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: true })
    expect(JSON.stringify(await lignes(base, sql`select * from activites`))).not.toMatch(/Jeanne/)
    expect(await lignes(base, sql`select count(*)::int as n from beneficiaires`)).toEqual([{ n: 0 }])
    expect(await lignes(base, sql`select action, changements->>'activites' as n from journal_audit where action = 'activites.importees'`)).toEqual([{ action: 'activites.importees', n: '4' }])
  })

  it('tient les cumuls mensuels égaux à un recalcul complet', async () => {
    const avant = await cumuls(base)
    const departementaux = await cumulsDepartementaux(base)
    expect(avant.find((c) => c.dimension === 'total' && c.type === 'collectif')).toMatchObject({ mois: '2025-03-01', lieu_uid: contexte.autreUid, accompagnements: 3, activites: 1 })
    expect(departementaux.filter((c) => c.dimension === 'total').reduce((n, c) => n + Number(c.accompagnements), 0)).toBe(6)
    await reconstruireCumuls(base.db)
    expect(await cumuls(base)).toEqual(avant)
    expect(await cumulsDepartementaux(base)).toEqual(departementaux)
  })

  it('n’ajoute rien au second import du même historique, même en CSV windows-1252', async () => {
    const avant = await cumuls(base)
    const bilan = await importerExportCoop(base.db, SYSTEME, { nomFichier: 'activites.csv', octets: exportCsv(contexte.lignes, { encodage: 'windows-1252' }), lieuUid: contexte.uid, mediateurId: contexte.mediateurId, aujourdhui: AUJOURDHUI })
    expect(bilan).toMatchObject({ format: 'csv', encodage: 'windows-1252', lignes: 10, importees: 0 })
    expect(bilan.dejaImportees.map((d) => d.idCra)).toEqual(['cra-1', 'cra-2', 'cra-4', 'cra-3'])
    expect(bilan.rejetees).toHaveLength(4)
    expect(rapportImportCoop(bilan)).toContain('Lignes 15 à 17 (ID CRA cra-4) : déjà importée.')
    expect(await lignes(base, sql`select count(*)::int as n from activites`)).toEqual([{ n: 4 }])
    expect(await cumuls(base)).toEqual(avant)
  })
})

/** A database the command line can open too: PGlite in a folder (closed while the command runs), or PostgreSQL. */
async function baseDeLigneDeCommande(moteur: Moteur, dossier: string): Promise<{ ouvrir: () => Promise<Base>; env: Record<string, string> }> {
  if (moteur.nom === 'PGlite') {
    const donnees = path.join(dossier, 'donnees')
    return { ouvrir: () => ouvrirBase({ dossier: donnees }), env: { AIGUILLAGE_DATA_DIR: donnees, DATABASE_URL: '' } }
  }
  const base = await nouvelleBasePostgres()
  return { ouvrir: async () => base, env: { DATABASE_URL: base.url } }
}

pourChaqueMoteur('aiguillage activites importer', (moteur: Moteur) => {
  const dossier = mkdtempSync(path.join(tmpdir(), 'aiguillage-import-coop-'))
  afterAll(() => rmSync(dossier, { recursive: true, force: true }))

  it('importe le fichier, écrit le rapport en français, puis ne réimporte rien', async () => {
    const cible = await baseDeLigneDeCommande(moteur, dossier)
    let base = await cible.ouvrir()
    const contexte = await preparer(base)
    const fichier = path.join(dossier, 'activites.xlsx')
    writeFileSync(fichier, await exportXlsx(contexte.lignes))
    if (moteur.nom === 'PGlite') await base.fermer()

    const args = ['activites', 'importer', fichier, '--lieu', String(contexte.uid), '--mediateur', 'Mediatrice@exemple.fr']
    const premier = await executer(args, cible.env)
    expect(premier.stderr).toBe('')
    expect(premier.code).toBe(0)
    expect(premier.stdout).toMatch(/^Fichier activites\.xlsx \(XLSX\) — export « Activités » de La Coop/)
    expect(premier.stdout).toMatch(/importées\s+4 \(6 accompagnements\)\n\s+déjà importées\s+0\n\s+rejetées\s+4/)
    expect(premier.stdout).toContain('Ligne 21 (ID CRA cra-7) :\n    - colonne « Durée (min) » : La durée « abc » n’est pas un nombre de minutes')
    expect(premier.stdout).toMatch(/, médiateur mediatrice@exemple\.fr\.\n$/)

    const second = await executer(args, cible.env)
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(/importées\s+0 \(0 accompagnement\)\n\s+déjà importées\s+4/)

    const inconnu = await executer(['activites', 'importer', fichier, '--lieu', '999999'], cible.env)
    expect(inconnu).toMatchObject({ code: 1, stderr: 'Erreur : Le lieu n° 999999 n’existe pas.\n' })
    // the history goes only to a mediator of that place
    const ailleurs = await executer(['activites', 'importer', fichier, '--lieu', String(contexte.autreUid), '--mediateur', 'mediatrice@exemple.fr'], cible.env)
    expect(ailleurs.code).toBe(1)
    expect(ailleurs.stderr).toContain(`n’est pas médiateur du lieu n° ${contexte.autreUid}`)

    if (moteur.nom === 'PGlite') base = await cible.ouvrir()
    try {
      expect(await lignes(base, sql`select count(*)::int as n, sum(accompagnements)::int as a from activites where source = 'coop' and mediateur_id = ${contexte.mediateurId}`)).toEqual([{ n: 4, a: 6 }])
    } finally {
      await base.fermer()
    }
  }, 180_000)
})

describe('aide de la commande', () => {
  it('est en français', async () => {
    const { code, stdout } = await executer(['activites', 'importer', '--help'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Usage: aiguillage activites importer \[options\] <fichier>/)
    expect(stdout).toContain('--mediateur <courriel>')
  })
})
