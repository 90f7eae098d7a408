/**
 * `aiguillage courriels`: the outbox — list it (date, recipient, subject, sent or waiting, last
 * error), read a waiting e-mail (without SMTP, administrators pass its links on by hand) and
 * send what waits through the configured SMTP server.
 */
import { Command } from 'commander'
import { courrielParId, courrielsRecents } from '../../mail/boite.ts'
import { Facteur, expediteurSmtp } from '../../mail/expedition.ts'
import { nombre } from '../output.ts'
import { avecBase } from './base.ts'

const date = (d: Date) => d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' })

export function commandeCourriels(): Command {
  const commande = new Command('courriels').description('boîte d’envoi des courriels : liste, lecture, envoi par SMTP')
  commande
    .command('lister', { isDefault: true })
    .description('liste les courriels, du plus récent au plus ancien (les 50 derniers, ou tous avec --tous)')
    .option('--tous', 'liste toute la boîte d’envoi')
    .action(async (options: { tous?: boolean }) => {
      await avecBase(async (base) => {
        const liste = await courrielsRecents(base.db, { limite: options.tous ? Infinity : 50 })
        if (liste.length === 0) {
          console.log('La boîte d’envoi est vide.')
          return
        }
        for (const c of liste) {
          const etat = c.envoyeLe ? `envoyé le ${date(c.envoyeLe)}` : c.tentatives > 0 ? `en attente (${nombre(c.tentatives)} tentative${c.tentatives > 1 ? 's' : ''})` : 'en attente'
          console.log(`n° ${c.id} · ${date(c.creeLe)} · ${c.destinataire} — ${c.sujet}`)
          console.log(`  ${etat}${c.erreur ? ` · erreur : ${c.erreur}` : ''}`)
        }
        if (!options.tous && liste.length === 50) console.log('(les 50 plus récents ; --tous pour toute la boîte)')
      })
    })
  commande
    .command('afficher')
    .description('affiche un courriel et son texte, tant qu’il n’a pas été envoyé')
    .argument('<numero>', 'numéro du courriel (voir courriels lister)')
    .action(async (numero: string) => {
      const id = Number(numero)
      if (!Number.isInteger(id) || id <= 0) throw new Error(`« ${numero} » n’est pas un numéro de courriel.`)
      await avecBase(async (base) => {
        const c = await courrielParId(base.db, id)
        if (!c) throw new Error(`Le courriel n° ${id} n’existe pas.`)
        console.log(`À : ${c.destinataire}`)
        console.log(`Sujet : ${c.sujet}`)
        console.log(`Écrit le : ${date(c.creeLe)}${c.envoyeLe ? ` · envoyé le ${date(c.envoyeLe)}` : ''}`)
        console.log('')
        console.log(c.texte ?? '(texte effacé après l’envoi)')
      })
    })
  commande
    .command('envoyer')
    .description('envoie par SMTP (AIGUILLAGE_SMTP_URL) les courriels en attente, 50 au plus')
    .action(async () => {
      await avecBase(async (base, config) => {
        if (!config.smtpUrl) throw new Error('Aucun serveur SMTP configuré (AIGUILLAGE_SMTP_URL) : les courriels restent dans la boîte d’envoi.')
        const facteur = new Facteur(base.db, expediteurSmtp(config.smtpUrl, config.expediteur))
        const { envoyes, echecs } = await facteur.distribuer()
        console.log(`${nombre(envoyes)} courriel${envoyes > 1 ? 's' : ''} envoyé${envoyes > 1 ? 's' : ''}, ${nombre(echecs)} échec${echecs > 1 ? 's' : ''}.`)
        if (echecs > 0) {
          console.log('Les erreurs sont indiquées par aiguillage courriels lister ; les courriels en échec seront retentés (5 tentatives au plus).')
          process.exitCode = 1
        }
      })
    })
  return commande
}
