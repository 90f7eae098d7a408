/**
 * Every server's search index follows the database: an import made in the same process
 * (PGlite) or by another process on the same PostgreSQL reaches each server through
 * LISTEN/NOTIFY; places withdrawn by a re-import leave the index; a lost notification
 * connection is restored and followed by a full reload.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { fichierDemo } from '../src/demo/seed.ts'
import { Orientation } from '../src/orientation/service.ts'
import { ouvrirBase } from '../src/platform/db/database.ts'
import { importer } from '../src/places/registry/import.ts'
import { nouvelleBasePostgres, URL_POSTGRES } from './support/bases.ts'
import { executer } from './support/cli.ts'

const dossier = mkdtempSync(path.join(tmpdir(), 'aiguillage-synchro-'))
afterAll(() => rmSync(dossier, { recursive: true, force: true }))

const demo = (nombre: number) => fichierDemo({ departement: '73', nombre })
const LIMITE_MS = 10_000

/** Resolves when `orientation` has applied a change and holds `taille` places. */
async function atteindre(orientation: Orientation, taille: number): Promise<number> {
  const debut = performance.now()
  while (orientation.taille !== taille) {
    if (performance.now() - debut > LIMITE_MS) throw new Error(`index à ${orientation.taille} lieux au lieu de ${taille}`)
    await Promise.race([orientation.prochainChangement(), new Promise((r) => setTimeout(r, 100))])
  }
  return performance.now() - debut
}

describe('index de recherche et base de données', () => {
  it('PGlite : une importation dans le même processus met l’index à jour, retraits compris', async () => {
    const base = await ouvrirBase({})
    const orientation = await Orientation.demarrer(base)
    try {
      expect(orientation.taille).toBe(0)
      await importer(base, { source: 'demo', nomFichier: 'a.json', octets: demo(30) })
      await atteindre(orientation, 30)
      // the same source without its last ten places: they are withdrawn from the index
      const moins = JSON.stringify((JSON.parse(demo(30).toString()) as unknown[]).slice(0, 20))
      await importer(base, { source: 'demo', nomFichier: 'b.json', octets: Buffer.from(moins) })
      await atteindre(orientation, 20)
      expect(orientation.indexLieux.ficheParUid(25)).toBeUndefined()
    } finally {
      await orientation.arreter()
      await base.fermer()
    }
  })

  it.skipIf(!URL_POSTGRES)('PostgreSQL : deux serveurs suivent une importation faite par un troisième processus (ignoré sans TEST_DATABASE_URL)', async () => {
    const base = await nouvelleBasePostgres()
    const autre = await ouvrirBase({ url: base.url })
    const [a, b] = await Promise.all([Orientation.demarrer(base), Orientation.demarrer(autre)])
    try {
      const fichier = path.join(dossier, 'lieux.json')
      writeFileSync(fichier, demo(40))
      const debut = performance.now()
      const sortie = await executer(['import', fichier, '--source', 'hub', '--rapport', path.join(dossier, 'r.csv')], { DATABASE_URL: base.url })
      expect(sortie.code).toBe(0)
      const [ta, tb] = await Promise.all([atteindre(a, 40), atteindre(b, 40)])
      console.info(`index à jour ${Math.round(ta)} ms et ${Math.round(tb)} ms après la fin de l’importation (${Math.round(performance.now() - debut)} ms en tout)`)

      // the listening connection is cut: it comes back and reloads everything
      const admin = new pg.Client({ connectionString: base.url })
      await admin.connect()
      const ecouteurs = async (): Promise<number[]> =>
        (await admin.query(`select pid from pg_stat_activity where query ilike 'listen%' and datname = current_database() and pid <> pg_backend_pid()`)).rows.map((r) => Number(r.pid))
      const avant = await ecouteurs()
      expect(avant.length).toBe(2)
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen%' and datname = current_database()`)
      const debutCoupure = performance.now()
      let apres = await ecouteurs()
      while (!(apres.length === 2 && apres.every((pid) => !avant.includes(pid))) && performance.now() - debutCoupure < LIMITE_MS) {
        await new Promise((r) => setTimeout(r, 100))
        apres = await ecouteurs()
      }
      expect(apres.filter((pid) => !avant.includes(pid)).length).toBe(2)
      await admin.end()
      await importer(autre, { source: 'autre', nomFichier: 'c.json', octets: Buffer.from(demo(5).toString().replaceAll('demo-73-', 'autre-73-')) })
      await Promise.all([atteindre(a, 45), atteindre(b, 45)])
    } finally {
      await Promise.all([a.arreter(), b.arreter()])
      await autre.fermer()
      await base.fermer()
    }
  })
})
