/** `aiguillage migrate`: applies pending database migrations (every command also does on opening). */
import { Command } from 'commander'
import { avecBase } from './base.ts'

export function commandeMigrate(): Command {
  return new Command('migrate')
    .description('applique les migrations de la base de données en attente (sous verrou : sans risque si plusieurs serveurs démarrent)')
    .action(async () => {
      await avecBase(async (base) => {
        const faites = base.migrationsAppliquees
        console.log(faites.length ? `Migrations appliquées : ${faites.join(', ')}` : 'La base est à jour : aucune migration en attente.')
      })
    })
}
