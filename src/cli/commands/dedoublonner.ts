/** `aiguillage dedoublonner`: finds and merges duplicate places, fills the review queue. */
import { Command } from 'commander'
import { dedoublonner, type BilanDedoublonnage } from '../../dedup/service.ts'
import { nombre } from '../output.ts'
import { avecBase } from './base.ts'

export function resumeDedoublonnage(b: BilanDedoublonnage): string {
  return [
    `Dédoublonnage de ${nombre(b.lieux)} lieux publiés : ${nombre(b.pairesComparees)} paires comparées en ${(b.dureeMs / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s`,
    `  fusions automatiques ${nombre(b.fusionsAutomatiques)} · fusions décidées ${nombre(b.fusionsDecidees)} · à examiner ${nombre(b.aExaminer)} · écartées par décision ${nombre(b.ecartees)}`,
  ].join('\n')
}

export function commandeDedoublonner(): Command {
  return new Command('dedoublonner')
    .alias('dedup')
    .description(
      'cherche les lieux en double parmi les lieux publiés : fusionne ceux dont le score dépasse le seuil haut, ' +
        'met les cas douteux dans la file d’examen, respecte les décisions déjà prises',
    )
    .action(async () => {
      await avecBase(async (base) => console.log(resumeDedoublonnage(await dedoublonner(base))))
    })
}
