/**
 * `aiguillage qpv importer <fichier>` and `aiguillage densite importer <fichier>`: the official
 * list of priority neighbourhoods (replaces the previous list) and INSEE's « grille communale de
 * densité » (upserted), read by the pilotage indicators (coverage of QPV and rural areas);
 * prints the counts and every rejected row with its reasons (line, column).
 */
import { readFile } from 'node:fs/promises'
import { Command } from 'commander'
import { FichierIlisibleError } from '../../places/io/lecture.ts'
import { type BilanImport, importerDensite, importerQpv } from '../../pilotage/indicateurs/import/import.ts'
import type { Db } from '../../platform/db/database.ts'
import { nombre } from '../output.ts'
import { avecBase } from './base.ts'

const MAX_REJETS_AFFICHES = 50

function importer(nom: string, description: string, aide: string, faire: (db: Db, fichier: string, octets: Uint8Array) => Promise<BilanImport>): Command {
  const importerCmd = new Command('importer')
    .description(description)
    .argument('<fichier>', 'fichier CSV (séparé par ; ou ,) ou JSON')
    .addHelpText('after', aide)
    .action(async (fichier: string) => {
      const octets = await readFile(fichier).catch((erreur: NodeJS.ErrnoException) => {
        throw new FichierIlisibleError(erreur.code === 'ENOENT' ? `Fichier introuvable : ${fichier}` : `Lecture impossible de ${fichier} : ${erreur.message}`)
      })
      const bilan = await avecBase(({ db }) => faire(db, fichier, octets))
      console.log(`${fichier}`)
      console.log(`  lues        ${nombre(bilan.lues)}`)
      console.log(`  acceptées   ${nombre(bilan.acceptees)}`)
      console.log(`  rejetées    ${nombre(bilan.rejetees)}`)
      for (const r of bilan.rejets.slice(0, MAX_REJETS_AFFICHES)) console.log(`    ligne ${r.ligne}, colonne ${r.colonne} : ${r.message}`)
      if (bilan.rejets.length > MAX_REJETS_AFFICHES) console.log(`    … et ${nombre(bilan.rejets.length - MAX_REJETS_AFFICHES)} autres raisons`)
    })
  return new Command(nom)
    .description(`${description} : « ${nom} importer <fichier> »`)
    .helpCommand('help [commande]', "affiche l'aide d'une commande")
    .addCommand(importerCmd)
    .hook('preSubcommand', (parent, sousCommande) => {
      sousCommande.copyInheritedSettings(parent)
    })
}

export const commandeQpv = (): Command =>
  importer(
    'qpv',
    'importe la liste officielle des quartiers prioritaires de la politique de la ville (remplace la liste précédente)',
    `
Colonnes (noms usuels reconnus) : code_qp, nom_qp, code_commune (ou insee_com), latitude, longitude
(centre du quartier, degrés décimaux). Exemple :
  code_qp;nom_qp;code_commune;latitude;longitude
  QN07301M;Les Hauts de Chambéry;73065;45,5821;5,9349
Une ligne qui a un problème est rejetée entière, avec chaque raison ; les autres sont enregistrées.`,
    importerQpv,
  )

export const commandeDensite = (): Command =>
  importer(
    'densite',
    'importe la grille communale de densité de l’INSEE (niveaux 1 à 7), pour l’indicateur de couverture rurale',
    `
Colonnes : codgeo (ou code_commune), dens7 (ou niveau) : 1 grands centres urbains … 5 bourgs ruraux,
6 rural à habitat dispersé, 7 rural à habitat très dispersé. Les niveaux 5 à 7 comptent comme ruraux.`,
    importerDensite,
  )
