/**
 * Re-imports update by (source, id) and never duplicate; absent places are withdrawn; one file is
 * one transaction (a failure in the middle leaves the database as it was); ids that collide
 * across sources stay unique. On PGlite and PostgreSQL.
 */
import { count, eq, sql } from 'drizzle-orm'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Base } from '../src/platform/db/database.ts'
import { imports, lieux, sourceRecords, sources } from '../src/platform/db/schema.ts'
import { importer } from '../src/places/registry/import.ts'
import { pourChaqueMoteur } from './support/bases.ts'

const lieu = (id: string, nom: string, extra: Record<string, unknown> = {}) => ({
  id,
  pivot: '00000000000000',
  nom,
  commune: 'Chambéry',
  code_postal: '73000',
  adresse: '1 place de la Mairie',
  date_maj: '2024-05-02',
  services: 'Aide aux démarches administratives',
  ...extra,
})
const fichier = (lignes: object[]) => Buffer.from(JSON.stringify(lignes))
const AUJOURDHUI = '2026-11-22'

pourChaqueMoteur('import transactionnel', (moteur) => {
  let base: Base
  beforeEach(async () => {
    base = await moteur.ouvrir()
  })
  afterEach(async () => base.fermer())

  const compter = async () => (await base.db.select({ n: count() }).from(lieux))[0]?.n
  const publies = async () => (await base.db.select({ id: lieux.id, nom: lieux.nom }).from(lieux).where(eq(lieux.statut, 'publie')).orderBy(lieux.id))
  const importerLignes = (source: string, lignes: object[], options = {}) =>
    importer(base, { source, nomFichier: `${source}.json`, octets: fichier(lignes), aujourdhui: AUJOURDHUI, ...options })

  it('réimporter une source met à jour ses lieux par (source, id) sans doublon', async () => {
    await importerLignes('hub', [lieu('a', 'Médiathèque'), lieu('b', 'EPN')])
    const bilan = await importerLignes('hub', [lieu('a', 'Médiathèque Jean Jaurès'), lieu('b', 'EPN')])
    expect(bilan).toMatchObject({ nouveaux: 0, misAJour: 2, retires: 0 })
    expect(await compter()).toBe(2)
    expect(await publies()).toEqual([
      { id: 'a', nom: 'Médiathèque Jean Jaurès' },
      { id: 'b', nom: 'EPN' },
    ])
    expect((await base.db.select({ n: count() }).from(imports))[0]?.n).toBe(2)
  })

  it('un lieu absent de la nouvelle version est retiré de la publication, puis republié s’il revient', async () => {
    await importerLignes('hub', [lieu('a', 'A'), lieu('b', 'B')])
    expect((await importerLignes('hub', [lieu('a', 'A')])).retires).toBe(1)
    expect(await publies()).toEqual([{ id: 'a', nom: 'A' }])
    expect(await compter()).toBe(2)
    expect((await importerLignes('hub', [lieu('a', 'A'), lieu('b', 'B')])).retires).toBe(0)
    expect((await publies()).length).toBe(2)
  })

  it('--conserver-absents garde les lieux absents d’un fichier partiel', async () => {
    await importerLignes('hub', [lieu('a', 'A'), lieu('b', 'B')])
    expect((await importerLignes('hub', [lieu('a', 'A2')], { conserverAbsents: true })).retires).toBe(0)
    expect((await publies()).length).toBe(2)
  })

  it('une ligne rejetée à la réimportation garde sa version précédente et n’est pas retirée', async () => {
    await importerLignes('hub', [lieu('a', 'A'), lieu('b', 'B')])
    const bilan = await importerLignes('hub', [lieu('a', 'A'), lieu('b', 'B', { date_maj: 'hier' })])
    expect(bilan).toMatchObject({ acceptes: 1, rejetes: 1, retires: 0 })
    expect(await publies()).toEqual([
      { id: 'a', nom: 'A' },
      { id: 'b', nom: 'B' },
    ])
  })

  it('deux sources peuvent utiliser le même identifiant : chaque lieu garde un id public unique', async () => {
    await importerLignes('hub', [lieu('1', 'Hub 1')])
    await importerLignes('France Services', [lieu('1', 'FS 1')])
    expect(await publies()).toEqual([
      { id: '1', nom: 'Hub 1' },
      { id: 'France-Services_1', nom: 'FS 1' },
    ])
    await importerLignes('France Services', [lieu('1', 'FS 1 bis')])
    expect((await publies()).map((l) => l.nom)).toEqual(['Hub 1', 'FS 1 bis'])
  })

  it('un échec au milieu du fichier laisse la base telle qu’elle était', async () => {
    await importerLignes('hub', [lieu('a', 'A')])
    await base.db.execute(sql`create function panne() returns trigger language plpgsql as $$
      begin if new.nom = 'PANNE PROVOQUÉE' then raise exception 'panne provoquée par le test'; end if; return new; end $$`)
    await base.db.execute(sql`create trigger panne before insert or update on lieux for each row execute function panne()`)
    const lignes = Array.from({ length: 1200 }, (_, i) => lieu(`x${i}`, i === 900 ? 'PANNE PROVOQUÉE' : `Lieu ${i}`))
    await expect(importerLignes('autre', lignes)).rejects.toThrow(/panne provoquée/)
    await expect(importerLignes('hub', [lieu('a', 'A modifié'), lieu('z', 'PANNE PROVOQUÉE')])).rejects.toThrow()
    expect(await publies()).toEqual([{ id: 'a', nom: 'A' }])
    expect((await base.db.select({ n: count() }).from(sourceRecords))[0]?.n).toBe(1)
    expect((await base.db.select({ n: count() }).from(sources))[0]?.n).toBe(1)
    expect((await base.db.select({ n: count() }).from(imports))[0]?.n).toBe(1)
  })

  it('un fichier illisible n’écrit rien et le dit en français', async () => {
    await expect(importer(base, { source: 's', nomFichier: 'x.json', octets: Buffer.from('[{"id": 1,'), aujourdhui: AUJOURDHUI })).rejects.toThrow(
      /Le fichier JSON est illisible/,
    )
    expect(await compter()).toBe(0)
  })
})
