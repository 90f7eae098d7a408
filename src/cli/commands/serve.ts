/** `aiguillage serve`: starts the web server (and, with --demo, seeds the demo territory on an empty registry). */
import { Command } from 'commander'
import { semerSiVide } from '../../demo/seed.ts'
import { comptesDeDemonstration } from '../../demo/comptes.ts'
import { lireConfig } from '../../platform/config.ts'
import { ouvrirBase } from '../../platform/db/database.ts'
import { nombre } from '../output.ts'

export function commandeServe(): Command {
  return new Command('serve')
    .description('démarre le serveur web (port PORT, 3000 par défaut)')
    .option('--demo', 'si le registre est vide, le remplit avec un territoire de démonstration')
    .action(async (options: { demo?: boolean }) => {
      const config = lireConfig()
      const base = await ouvrirBase({ url: config.databaseUrl, dossier: config.dataDir })
      if (options.demo) {
        const bilan = await semerSiVide(base, { departement: config.demoDepartement, nombre: config.demoLieux })
        if (bilan) console.log(`Territoire de démonstration créé : ${nombre(bilan.acceptes)} lieux fictifs (département ${config.demoDepartement}).`)
        const comptes = await comptesDeDemonstration(base, config.demoDepartement)
        if (comptes.length > 0) {
          console.log('Comptes de démonstration (mots de passe affichés cette fois seulement) :')
          for (const c of comptes) console.log(`  ${c.courriel} — ${c.motDePasse} — ${c.role}`)
        }
      }
      const { creerServeur } = await import('../../platform/http/server.ts')
      const { Orientation } = await import('../../orientation/service.ts')
      const { chargerPositions } = await import('../../geo/chargement.ts')
      const orientation = await Orientation.demarrer(base, { chargerPositions: () => chargerPositions(base.db) })
      const app = await creerServeur({ base, config, orientation })
      const arreter = async () => {
        await app.close()
        await orientation.arreter()
        await base.fermer()
        process.exit(0)
      }
      process.once('SIGINT', arreter)
      process.once('SIGTERM', arreter)
      await app.listen({ port: config.port, host: config.host })
      const hote = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
      console.log(`Aiguillage est prêt sur http://${hote}:${config.port} (base ${base.moteur} : ${base.emplacement}).`)
    })
}
