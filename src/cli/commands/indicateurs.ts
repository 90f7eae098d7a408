/**
 * `aiguillage indicateurs relever [--territoire departement:73]`: snapshots now today's values
 * of the computed indicators (once a day per indicator, like the daily job and « Relever
 * maintenant »), of every territory — recorded as the daily job's run — or of one; prints the
 * counts. One audit line.
 */
import { Command } from 'commander'
import { SYSTEME } from '../../audit/journal.ts'
import { cleTerritoire } from '../../pilotage/acces.ts'
import { releverMaintenant } from '../../pilotage/indicateurs/releve-quotidien.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { lireTerritoire } from '../../territories/territoire.ts'
import { nombre } from '../output.ts'
import { avecBase } from './base.ts'

export function commandeIndicateurs(): Command {
  const commande = new Command('indicateurs').description('indicateurs du pilotage : relevé des valeurs calculées')
  commande
    .command('relever')
    .description('relève maintenant les valeurs du jour des indicateurs calculés suivis')
    .option('--territoire <territoire>', 'un seul territoire (departement:73, region:84, epci:200068674, commune:73065)')
    .action(async (options: { territoire?: string }) => {
      const cle = options.territoire === undefined ? undefined : cleTerritoire(lireTerritoire(options.territoire, referentiel()))
      const bilan = await avecBase(({ db }) => releverMaintenant(db, new Date(), cle, SYSTEME))
      console.log(`Indicateurs relevés${cle ? ` (${cle})` : ''} :`)
      console.log(`  territoires          ${nombre(bilan.territoires)}`)
      console.log(`  mesures enregistrées ${nombre(bilan.mesures)}`)
      console.log('Un indicateur déjà relevé aujourd’hui ou non calculable n’a pas de nouvelle mesure.')
    })
  return commande
}
