/**
 * The databases tests run on: PGlite always (in memory), PostgreSQL when TEST_DATABASE_URL is set
 * (each call creates a fresh database on that server and drops it on close).
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { describe } from 'vitest'
import { ouvrirBase, type Base } from '../../src/platform/db/database.ts'

export const URL_POSTGRES = process.env.TEST_DATABASE_URL || undefined

export interface Moteur {
  nom: 'PGlite' | 'PostgreSQL'
  ouvrir: () => Promise<Base>
}

/** A fresh, migrated PostgreSQL database on the test server; dropped when closed. */
export async function nouvelleBasePostgres(url = URL_POSTGRES): Promise<Base & { url: string }> {
  if (!url) throw new Error('TEST_DATABASE_URL non défini')
  const nom = `aiguillage_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create database ${nom}`)
  await admin.end()
  const cible = new URL(url)
  cible.pathname = `/${nom}`
  const base = await ouvrirBase({ url: cible.toString() })
  return {
    ...base,
    url: cible.toString(),
    fermer: async () => {
      await base.fermer()
      const nettoyage = new pg.Client({ connectionString: url })
      await nettoyage.connect()
      await nettoyage.query(`drop database if exists ${nom} with (force)`)
      await nettoyage.end()
    },
  }
}

export const moteurs: Moteur[] = [
  { nom: 'PGlite', ouvrir: () => ouvrirBase({}) },
  { nom: 'PostgreSQL', ouvrir: () => nouvelleBasePostgres() },
]

let avertissementAffiche = false

/** Declares the same tests for each engine; PostgreSQL ones are skipped, with the reason, without TEST_DATABASE_URL. */
export function pourChaqueMoteur(titre: string, corps: (moteur: Moteur) => void): void {
  for (const moteur of moteurs) {
    const absent = moteur.nom === 'PostgreSQL' && !URL_POSTGRES
    if (absent && !avertissementAffiche) {
      avertissementAffiche = true
      console.warn('Tests PostgreSQL ignorés : TEST_DATABASE_URL non défini (par exemple postgres://postgres@127.0.0.1:5432/test).')
    }
    const nom = absent ? `${titre} — ${moteur.nom} (ignoré : TEST_DATABASE_URL non défini)` : `${titre} — ${moteur.nom}`
    describe.skipIf(absent)(nom, () => corps(moteur))
  }
}
