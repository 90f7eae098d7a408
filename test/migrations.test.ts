/**
 * Migrations: the committed SQL matches the Drizzle schema; they apply once, under an advisory
 * lock, even when several servers start together against one PostgreSQL database.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { ouvrirBase } from '../src/platform/db/database.ts'
import { DOSSIER_MIGRATIONS, migrationsConnues } from '../src/platform/db/migrate.ts'
import { URL_POSTGRES } from './support/bases.ts'

const RACINE = path.resolve(DOSSIER_MIGRATIONS, '..')

describe('migrations', () => {
  it('les migrations SQL committées correspondent au schéma Drizzle', () => {
    const dossier = mkdtempSync(path.join(tmpdir(), 'aiguillage-migrations-'))
    try {
      cpSync(DOSSIER_MIGRATIONS, path.join(dossier, 'migrations'), { recursive: true })
      const config = path.join(dossier, 'drizzle.config.mjs')
      writeFileSync(
        config,
        `export default { dialect: 'postgresql', schema: ${JSON.stringify(path.join(RACINE, 'src/platform/db/schema.ts'))}, out: './migrations' }\n`,
      )
      const avant = readdirSync(path.join(dossier, 'migrations'))
      const resultat = spawnSync(path.join(RACINE, 'node_modules/.bin/drizzle-kit'), ['generate', '--config', config], { cwd: dossier, encoding: 'utf8' })
      expect(resultat.status).toBe(0)
      expect(`${resultat.stdout}${resultat.stderr}`).toMatch(/No schema changes/)
      expect(readdirSync(path.join(dossier, 'migrations'))).toEqual(avant)
    } finally {
      rmSync(dossier, { recursive: true, force: true })
    }
  })

  it('PGlite : une base rouverte n’applique rien de nouveau', async () => {
    const dossier = mkdtempSync(path.join(tmpdir(), 'aiguillage-pglite-'))
    try {
      const premiere = await ouvrirBase({ dossier })
      expect(premiere.migrationsAppliquees).toEqual((await migrationsConnues()).map((m) => m.tag))
      await premiere.fermer()
      const seconde = await ouvrirBase({ dossier })
      expect(seconde.migrationsAppliquees).toEqual([])
      await seconde.fermer()
    } finally {
      rmSync(dossier, { recursive: true, force: true })
    }
  })

  it.skipIf(!URL_POSTGRES)('PostgreSQL : six serveurs qui démarrent ensemble appliquent chaque migration une seule fois (ignoré sans TEST_DATABASE_URL)', async () => {
    const nom = `aiguillage_migr_${process.pid}_${Date.now()}`
    const admin = new pg.Client({ connectionString: URL_POSTGRES })
    await admin.connect()
    await admin.query(`create database ${nom}`)
    const url = new URL(URL_POSTGRES as string)
    url.pathname = `/${nom}`
    try {
      const bases = await Promise.all(Array.from({ length: 6 }, () => ouvrirBase({ url: url.toString() })))
      const appliquees = bases.flatMap((b) => b.migrationsAppliquees)
      expect(appliquees.sort()).toEqual((await migrationsConnues()).map((m) => m.tag).sort())
      await Promise.all(bases.map((b) => b.fermer()))
      const client = new pg.Client({ connectionString: url.toString() })
      await client.connect()
      const { rows } = await client.query('select tag from aiguillage_migrations')
      await client.end()
      expect(rows.length).toBe(appliquees.length)
    } finally {
      await admin.query(`drop database if exists ${nom} with (force)`)
      await admin.end()
    }
  })
})
