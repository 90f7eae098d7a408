/**
 * One file is one transaction: an import killed with SIGKILL in the middle leaves the database as
 * it was (PGlite data folder and PostgreSQL), and the next process opens it normally.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { count } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { genererLieux } from '../src/demo/generator.ts'
import { communesSituees } from '../src/demo/positions.ts'
import { ouvrirBase, type Base } from '../src/platform/db/database.ts'
import { imports, lieux, sourceRecords, sources } from '../src/platform/db/schema.ts'
import { enteteCsv, ligneCsvDepuisObjet } from '../src/places/io/ecriture.ts'
import { importer } from '../src/places/registry/import.ts'
import { referentiel } from '../src/territories/referentiel.ts'
import { nouvelleBasePostgres, URL_POSTGRES } from './support/bases.ts'
import { lancer } from './support/cli.ts'

const dossier = mkdtempSync(path.join(tmpdir(), 'aiguillage-kill-'))
const gros = path.join(dossier, 'gros.csv')

beforeAll(() => {
  let csv = enteteCsv()
  for (const lieu of genererLieux({ communes: communesSituees(referentiel(), ['73', '74', '38']), nombre: 30_000, graine: 3, prefixe: 'gros' })) {
    csv += ligneCsvDepuisObjet(lieu)
  }
  writeFileSync(gros, csv)
})
afterAll(() => rmSync(dossier, { recursive: true, force: true }))

/** Starts the import in a child, kills it with SIGKILL once 30 % of the rows are written. */
function importerPuisTuer(env: NodeJS.ProcessEnv): Promise<{ signal: NodeJS.Signals | null; progression: string }> {
  return new Promise((resoudre, rejeter) => {
    const enfant = lancer(['import', gros, '--source', 'gros', '--rapport', path.join(dossier, 'rapport.csv')], env)
    let progression = ''
    enfant.stderr?.on('data', (morceau: Buffer) => {
      progression += morceau.toString()
      if (/\(30 %\)/.test(progression)) enfant.kill('SIGKILL')
    })
    enfant.on('error', rejeter)
    enfant.on('close', (_code, signal) => resoudre({ signal, progression }))
  })
}

async function etat(base: Base) {
  const n = async (table: typeof lieux | typeof sources | typeof imports | typeof sourceRecords) => (await base.db.select({ n: count() }).from(table))[0]?.n
  return { lieux: await n(lieux), sources: await n(sources), imports: await n(imports), records: await n(sourceRecords) }
}

const petit = (base: Base) =>
  importer(base, {
    source: 'avant',
    nomFichier: 'avant.json',
    octets: Buffer.from(JSON.stringify([{ id: 'a', pivot: '00000000000000', nom: 'Avant', commune: 'Chambéry', code_postal: '73000', adresse: '1 rue de Boigne', date_maj: '2024-01-02' }])),
  })

describe('kill -9 pendant une importation', () => {
  it('PGlite : la base est intacte et se rouvre', async () => {
    const donnees = path.join(dossier, 'donnees')
    let base = await ouvrirBase({ dossier: donnees })
    await petit(base)
    const avant = await etat(base)
    await base.fermer()

    const { signal, progression } = await importerPuisTuer({ AIGUILLAGE_DATA_DIR: donnees, DATABASE_URL: '' })
    expect(progression).toMatch(/30 %/)
    expect(signal).toBe('SIGKILL')

    base = await ouvrirBase({ dossier: donnees })
    try {
      expect(await etat(base)).toEqual(avant)
    } finally {
      await base.fermer()
    }
  })

  it.skipIf(!URL_POSTGRES)('PostgreSQL : la base est intacte (ignoré sans TEST_DATABASE_URL)', async () => {
    const base = await nouvelleBasePostgres()
    try {
      await petit(base)
      const avant = await etat(base)
      const { signal } = await importerPuisTuer({ DATABASE_URL: base.url })
      expect(signal).toBe('SIGKILL')
      expect(await etat(base)).toEqual(avant)
    } finally {
      await base.fermer()
    }
  })
})
