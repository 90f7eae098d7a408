/**
 * PostgreSQL notifications (LISTEN/NOTIFY) on both engines: how a server learns that places
 * changed through another process (an import, another server). On PostgreSQL a dedicated
 * connection listens and reconnects after a loss — then tells the listener it may have missed
 * something (`perdu`), so that it reloads; PGlite delivers its own notifications in process.
 */
import type { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

export type Rappel = (charge: string) => void

export interface Ecoute {
  arreter(): Promise<void>
}

export async function ecouterPostgres(url: string, canal: string, rappel: Rappel, perdu: () => void): Promise<Ecoute> {
  let arrete = false
  let client: pg.Client | undefined
  const connecter = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url })
    c.on('notification', (n) => {
      if (n.channel === canal) rappel(n.payload ?? '')
    })
    c.on('error', () => reconnecter())
    c.on('end', () => reconnecter())
    await c.connect()
    await c.query(`listen "${canal}"`)
    client = c
  }
  let enCours = false
  const reconnecter = () => {
    if (arrete || enCours) return
    enCours = true
    client = undefined
    const essayer = (delai: number) =>
      setTimeout(() => {
        if (arrete) return
        connecter()
          .then(() => {
            enCours = false
            perdu()
          })
          .catch(() => essayer(Math.min(delai * 2, 30_000)))
      }, delai).unref()
    essayer(500)
  }
  await connecter()
  return {
    arreter: async () => {
      arrete = true
      await client?.end().catch(() => {})
    },
  }
}

export async function ecouterPglite(pglite: PGlite, canal: string, rappel: Rappel): Promise<Ecoute> {
  const desabonner = await pglite.listen(canal, rappel)
  return {
    // a closed database has no listener left to remove
    arreter: async () => {
      if (!pglite.closed) await desabonner().catch(() => {})
    },
  }
}
