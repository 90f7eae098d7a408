/**
 * `aiguillage acteurs importer <fichier> --source <nom> [--producteur …] [--licence …]
 * [--non-fiable] [--conserver-absents] [--rapport <f.csv>]`: imports a file of actors of the
 * network (CSV or JSON, columns documented in the README) and prints the French summary and the
 * rejected rows with every reason (line, column). Exit code 0 even when rows are rejected; 1 when
 * the file cannot be read.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Command } from 'commander'
import { BOM, rapportCsv } from '../../places/io/rapport.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { importerActeurs } from '../../pilotage/acteurs/index.ts'
import { avecBase } from './base.ts'

export function commandeActeurs(): Command {
  const commande = new Command('acteurs').description('cartographie des acteurs du réseau (structures, associations, entreprises, collectivités…)')
  commande
    .command('importer')
    .description('importe un fichier d’acteurs (CSV « ; » ou « , », UTF-8 ou windows-1252, ou JSON) ; réimporter le même fichier ne change rien')
    .argument('<fichier>', 'fichier d’acteurs (.csv ou .json)')
    .requiredOption('--source <nom>', 'nom de la source (créée au premier import)')
    .option('--producteur <nom>', 'qui publie les données')
    .option('--licence <licence>', 'licence des données')
    .option('--non-fiable', 'les valeurs de cette source cèdent devant celles des sources fiables')
    .option('--conserver-absents', 'fichier partiel : ne retire pas les acteurs absents du fichier')
    .option('--rapport <fichier>', 'écrit le rapport complet (CSV ligne,id,champ,valeur,message,niveau)')
    .action(async (fichier: string, options: { source: string; producteur?: string; licence?: string; nonFiable?: boolean; conserverAbsents?: boolean; rapport?: string }) => {
      const octets = await readFile(fichier).catch((erreur: NodeJS.ErrnoException) => {
        throw new Error(erreur.code === 'ENOENT' ? `Le fichier « ${fichier} » n’existe pas.` : `Lecture de « ${fichier} » impossible : ${erreur.message}`)
      })
      await avecBase(async (base) => {
        const bilan = await importerActeurs(base, referentiel(), {
          source: options.source,
          nomFichier: path.basename(fichier),
          octets,
          producteur: options.producteur,
          licence: options.licence,
          ...(options.nonFiable ? { fiable: false } : {}),
          conserverAbsents: options.conserverAbsents ?? false,
        })
        console.log(`Acteurs de « ${bilan.fichier} » (${bilan.format.toUpperCase()}, ${bilan.encodage}), source « ${bilan.source} » :`)
        console.log(`  ${bilan.lus} lus, ${bilan.acceptes} acceptés, ${bilan.rejetes} rejetés ; ${bilan.nouveaux} nouveaux, ${bilan.modifies} modifiés, ${bilan.retires} retirés ; ${bilan.partenariats} partenariats.`)
        if (bilan.colonnesInconnues.length > 0) console.log(`  Colonnes ignorées : ${bilan.colonnesInconnues.join(', ')}.`)
        const erreurs = bilan.rapport.filter((l) => l.niveau === 'erreur')
        if (erreurs.length > 0) console.log('\nLignes rejetées :')
        for (const l of erreurs) console.log(`  ligne ${l.ligne}${l.id ? ` (${l.id})` : ''}, colonne ${l.champ} : ${l.message}`)
        const autres = bilan.rapport.length - erreurs.length
        if (autres > 0) console.log(`\n${autres} avertissement(s) ou correction(s)${options.rapport ? '' : ' : --rapport <fichier> les écrit tous'}.`)
        if (options.rapport) await writeFile(options.rapport, BOM + rapportCsv(bilan.rapport))
      })
    })
  return commande
}
