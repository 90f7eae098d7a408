/** `aiguillage import <fichier>`: validates and imports a file of places in the national standard. */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { Command } from 'commander'
import { importer, verifier } from '../../places/registry/import.ts'
import { ecrireRapport, nombre, progression, resume } from '../output.ts'
import { avecBase } from './base.ts'

interface Options {
  source?: string
  rapport?: string
  verifier?: boolean
  conserverAbsents?: boolean
}

export function commandeImport(): Command {
  return new Command('import')
    .description(
      'importe des lieux au standard national (CSV ou JSON, schéma v1.0.2 ou v0.1, UTF-8 ou windows-1252) ; ' +
        'un fichier = une transaction : tout ce qui est accepté entre, ou rien',
    )
    .argument('<fichier>', 'fichier CSV ou JSON à importer')
    .option('-s, --source <nom>', 'nom de la source (par défaut : le nom du fichier sans extension) ; réimporter une source met à jour ses lieux')
    .option('-r, --rapport <fichier>', 'rapport CSV des problèmes (ligne, id, champ, valeur, message, niveau)', undefined)
    .option('--verifier', "valide le fichier et écrit le rapport sans rien enregistrer")
    .option('--conserver-absents', "ne retire pas les lieux de la source absents de ce fichier (fichier partiel)")
    .addHelpText(
      'after',
      `
Exemples :
  aiguillage import lieux.csv --source hub-du-sud
  aiguillage import export.json --verifier --rapport problemes.csv

Une ligne avec une erreur bloquante (identifiant, nom, adresse, commune, code postal ou date de
mise à jour manquants ou invalides) est rejetée ; un champ secondaire invalide (horaires, site web,
téléphone…) est écarté avec un avertissement et la ligne est gardée. Chaque problème figure dans
le rapport.`,
    )
    .action(async (fichier: string, options: Options) => {
      const octets = await readFile(fichier).catch((erreur: NodeJS.ErrnoException) => {
        throw new Error(erreur.code === 'ENOENT' ? `Le fichier « ${fichier} » n'existe pas.` : `Lecture de « ${fichier} » impossible : ${erreur.message}`)
      })
      const nomFichier = path.basename(fichier)
      const source = options.source?.trim() || nomFichier.replace(/\.[^.]+$/, '')
      const rapport = options.rapport ?? `rapport-${nomFichier.replace(/\.[^.]+$/, '')}.csv`
      const parametres = {
        source,
        nomFichier,
        octets,
        conserverAbsents: options.conserverAbsents ?? false,
        progression: progression(octets.length),
      }
      const bilan = options.verifier ? verifier(parametres) : await avecBase((base) => importer(base, parametres))
      console.log(resume(bilan, !options.verifier))
      await ecrireRapport(rapport, bilan.rapport)
      console.log(`Rapport : ${rapport} (${nombre(bilan.rapport.length)} ligne(s))`)
    })
}
