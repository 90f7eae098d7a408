/** The database a benchmark process measures: PGlite in a fresh folder, or a fresh PostgreSQL database dropped afterwards. */
import path from 'node:path'
import pg from 'pg'
import { ouvrirBase, type Base } from '../src/platform/db/database.ts'

export async function ouvrirBaseDeBench(moteur: string, url: string | undefined, dossier: string): Promise<{ base: Base; nettoyer: () => Promise<void> }> {
  if (moteur === 'pglite') {
    const base = await ouvrirBase({ dossier: path.join(dossier, 'donnees') })
    return { base, nettoyer: async () => base.fermer() }
  }
  if (!url) throw new Error('--url est nécessaire pour PostgreSQL')
  const nom = `aiguillage_bench_${process.pid}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`drop database if exists ${nom}`)
  await admin.query(`create database ${nom}`)
  const cible = new URL(url)
  cible.pathname = `/${nom}`
  const base = await ouvrirBase({ url: cible.toString() })
  return {
    base,
    nettoyer: async () => {
      await base.fermer()
      await admin.query(`drop database if exists ${nom} with (force)`)
      await admin.end()
    },
  }
}
