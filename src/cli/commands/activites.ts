/**
 * `aiguillage activites importer <fichier> --lieu <uid> [--mediateur <courriel>]`: brings a
 * territory's history from La Coop de la médiation numérique (its « Activités » export, XLSX or
 * CSV) and prints the French report: imported, already there, rejected with every reason and
 * line. Importing the same file again adds nothing. Exit code 0 even when activities are
 * rejected (the report says which); 1 when the file cannot be read or the place is unknown.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { Command } from 'commander'
import { and, eq } from 'drizzle-orm'
import { SYSTEME } from '../../audit/journal.ts'
import { compteParCourriel } from '../../accounts/store/comptes.ts'
import { importerExportCoop } from '../../activity/import/import.ts'
import { rapportImportCoop } from '../../activity/import/rapport.ts'
import { habilitations, lieux } from '../../platform/db/schema.ts'
import { avecBase } from './base.ts'

export function commandeActivites(): Command {
  const commande = new Command('activites').description('activités des médiateurs : import de l’historique exporté de La Coop de la médiation numérique')
  commande
    .command('importer')
    .description('importe l’export « Activités » de La Coop (XLSX, ou CSV UTF-8 / windows-1252) ; un second import du même fichier n’ajoute rien')
    .argument('<fichier>', 'export « Activités » de La Coop (.xlsx ou .csv)')
    .requiredOption('--lieu <uid>', 'numéro du lieu pour lequel l’historique est enregistré (une activité dans un autre lieu de la même structure, reconnu par son nom et sa commune, va à ce lieu)')
    .option('--mediateur <courriel>', 'compte du médiateur à qui appartient l’historique (sans : aucun médiateur)')
    .addHelpText(
      'after',
      `
Une ligne du fichier par accompagnement : les lignes d’un atelier (même « ID CRA », « 1/10 »…)
forment une seule activité. Une activité dont une valeur est invalide est rejetée en entier, avec
toutes ses erreurs et ses lignes ; les autres sont importées. Les bénéficiaires suivis sont
importés comme anonymes (genre, âge, statut) : leur consentement n’est pas connu ici.`,
    )
    .action(async (fichier: string, options: { lieu: string; mediateur?: string }) => {
      const lieuUid = Number(options.lieu)
      if (!Number.isInteger(lieuUid) || lieuUid <= 0) throw new Error(`--lieu attend le numéro d’un lieu, pas « ${options.lieu} ».`)
      const octets = await readFile(fichier).catch((erreur: NodeJS.ErrnoException) => {
        throw new Error(erreur.code === 'ENOENT' ? `Le fichier « ${fichier} » n’existe pas.` : `Lecture de « ${fichier} » impossible : ${erreur.message}`)
      })
      await avecBase(async (base) => {
        const [lieu] = await base.db.select({ uid: lieux.uid, nom: lieux.nom }).from(lieux).where(eq(lieux.uid, lieuUid))
        if (!lieu) throw new Error(`Le lieu n° ${lieuUid} n’existe pas.`)
        let mediateurId: number | null = null
        if (options.mediateur !== undefined) {
          const compte = await compteParCourriel(base.db, options.mediateur)
          if (!compte) throw new Error(`Aucun compte n’a l’adresse « ${options.mediateur} ».`)
          const [role] = await base.db
            .select({ id: habilitations.id })
            .from(habilitations)
            .where(and(eq(habilitations.utilisateurId, compte.id), eq(habilitations.role, 'mediateur'), eq(habilitations.lieuUid, lieuUid)))
          if (!role) throw new Error(`Le compte « ${options.mediateur} » n’est pas médiateur du lieu n° ${lieuUid} : donnez-lui d’abord ce rôle (invitation depuis la fiche du lieu).`)
          mediateurId = compte.id
        }
        const bilan = await importerExportCoop(base.db, SYSTEME, {
          nomFichier: path.basename(fichier),
          octets,
          lieuUid,
          mediateurId,
          progression: (faites, total) => {
            if (total >= 5000) process.stderr.write(`  ${faites.toLocaleString('fr-FR')} / ${total.toLocaleString('fr-FR')} activités écrites\n`)
          },
        })
        console.log(rapportImportCoop(bilan))
        console.log(`\nHistorique enregistré pour le lieu « ${lieu.nom} » (n° ${lieuUid})${options.mediateur ? `, médiateur ${options.mediateur.trim().toLowerCase()}` : ', sans médiateur'}.`)
      })
    })
  return commande
}
