/**
 * `aiguillage conservation`: the retention of personal data. `regles` prints the rules in force
 * (environment variables, La Coop's defaults); `appliquer` applies them now — identities of
 * followed beneficiaries, activity notes and shared referral details past their retention are
 * erased, statistics unchanged — prints the bilan and records the run (the daily job then waits
 * 23 hours before the next).
 */
import { Command } from 'commander'
import { dureeLisible, VARIABLES_CONSERVATION } from '../../activity/domain/conservation.ts'
import { derniereExecution, executerMaintenant } from '../../activity/store/tache-quotidienne.ts'
import { nombre } from '../output.ts'
import { avecBase } from './base.ts'

const date = (d: Date) => d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' })

export function commandeConservation(): Command {
  const commande = new Command('conservation').description('conservation des données personnelles : règles en vigueur, application')
  commande
    .command('regles', { isDefault: true })
    .description('affiche les règles de conservation en vigueur et la dernière exécution')
    .action(async () => {
      await avecBase(async (base, config) => {
        for (const [cle, variable, quoi, depuis] of VARIABLES_CONSERVATION) {
          console.log(`${quoi} : effacées ${dureeLisible(config.conservation[cle])} après ${depuis} (${variable})`)
        }
        const derniere = await derniereExecution(base.db)
        console.log(derniere ? `Dernière exécution : ${date(derniere.quand)}.` : 'La tâche quotidienne n’a pas encore tourné.')
      })
    })
  commande
    .command('appliquer')
    .description('applique maintenant les règles de conservation et affiche le bilan')
    .action(async () => {
      await avecBase(async (base, config) => {
        const bilan = await executerMaintenant(base.db, new Date(), config.conservation)
        console.log('Règles de conservation appliquées :')
        console.log(`  identités de bénéficiaires effacées        ${nombre(bilan.identites)}`)
        console.log(`  activités dont les notes sont effacées     ${nombre(bilan.notes)}`)
        console.log(`  orientations dont le partage est effacé    ${nombre(bilan.orientations)}`)
        console.log('Les activités et les données socio-démographiques restent, anonymes, dans les statistiques.')
      })
    })
  return commande
}
