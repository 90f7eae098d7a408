/**
 * `aiguillage ifn importer <fichier>`: imports the Indice de fragilité numérique of communes or
 * EPCI (Mednum / ANCT format) for the territorial diagnosis; prints the counts and every rejected
 * row with its reasons (line, column). Re-importing replaces the values (upsert). One audit line
 * per file, by « ligne de commande », with the counts.
 */
import { readFile } from 'node:fs/promises'
import { Command } from 'commander'
import { SYSTEME } from '../../audit/journal.ts'
import { FichierIlisibleError } from '../../places/io/lecture.ts'
import { importerIfn } from '../../pilotage/fragilite/import.ts'
import { nombre } from '../output.ts'
import { avecBase } from './base.ts'

const MAX_REJETS_AFFICHES = 50

function commandeImporter(): Command {
  return new Command('importer')
    .description('importe un fichier de l’IFN (communes ou EPCI) ; remplace les valeurs déjà importées des mêmes codes')
    .argument('<fichier>', 'fichier CSV (name,division,code,no_thd_coverage_rate,no_4g_coverage_rate,poverty_rate,older_65_rate,nscol15p_rate,total)')
    .addHelpText(
      'after',
      `
Exemples :
  aiguillage ifn importer ifn-communes-2023.csv
  aiguillage ifn importer ifn-epci-2023.csv

« division » vaut city (code INSEE de commune) ou epci (SIREN). Chaque indicateur va de 0 à 10 ;
une cellule vide reste vide. Une ligne qui a un problème est rejetée entière, avec chaque raison ;
les autres sont enregistrées.`,
    )
    .action(async (fichier: string) => {
      const octets = await readFile(fichier).catch((erreur: NodeJS.ErrnoException) => {
        throw new FichierIlisibleError(erreur.code === 'ENOENT' ? `Fichier introuvable : ${fichier}` : `Lecture impossible de ${fichier} : ${erreur.message}`)
      })
      const bilan = await avecBase(({ db }) => importerIfn(db, SYSTEME, fichier, octets))
      console.log(`Indice de fragilité numérique : ${fichier}`)
      console.log(`  lues        ${nombre(bilan.lues)}`)
      console.log(`  acceptées   ${nombre(bilan.acceptees)} (${nombre(bilan.nouvelles)} nouvelles, ${nombre(bilan.misesAJour)} mises à jour ; ${nombre(bilan.communes)} communes, ${nombre(bilan.epci)} EPCI)`)
      console.log(`  rejetées    ${nombre(bilan.rejetees)}`)
      for (const r of bilan.rejets.slice(0, MAX_REJETS_AFFICHES)) console.log(`    ligne ${r.ligne}, colonne ${r.colonne} : ${r.message}`)
      if (bilan.rejets.length > MAX_REJETS_AFFICHES) console.log(`    … et ${nombre(bilan.rejets.length - MAX_REJETS_AFFICHES)} autres raisons`)
    })
}

export function commandeIfn(): Command {
  return new Command('ifn')
    .description('Indice de fragilité numérique (diagnostic territorial) : « ifn importer <fichier> »')
    .helpCommand('help [commande]', "affiche l'aide d'une commande")
    .addCommand(commandeImporter())
    .hook('preSubcommand', (ifn, sousCommande) => {
      sousCommande.copyInheritedSettings(ifn)
    })
}
