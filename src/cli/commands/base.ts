/** Opens the configured database for a command, and closes it whatever happens. */
import { lireConfig, type Config } from '../../platform/config.ts'
import { ouvrirBase, type Base } from '../../platform/db/database.ts'

export async function avecBase<T>(action: (base: Base, config: Config) => Promise<T>): Promise<T> {
  const config = lireConfig()
  const base = await ouvrirBase({ url: config.databaseUrl, dossier: config.dataDir })
  try {
    return await action(base, config)
  } finally {
    await base.fermer()
  }
}
