/**
 * Import of actors on both engines: a windows-1252 CSV with `;` (rejected rows with every
 * reason, partnerships), the same file again (nothing changes), a JSON file of another source
 * describing one actor with the same SIRET (one actor, merged with per-field provenance), then
 * a later file of the first source without some actors (withdrawn unless the other source
 * still lists them).
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { Base } from '../src/platform/db/database.ts'
import { referentiel } from '../src/territories/referentiel.ts'
import { importerActeurs, compterActeurs } from '../src/pilotage/acteurs/index.ts'
import { acteursDemo } from '../src/pilotage/acteurs/demo.ts'
import { COLONNES_ACTEUR } from '../src/pilotage/acteurs/domaine/validation.ts'
import { pourChaqueMoteur } from './support/bases.ts'

const ref = referentiel()
const lignes = acteursDemo(ref, '73')

function csv1252(rangees: ReadonlyArray<Record<string, string>>): Buffer {
  const echapper = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  const texte = [COLONNES_ACTEUR.join(';'), ...rangees.map((r) => COLONNES_ACTEUR.map((c) => echapper(r[c] ?? '')).join(';'))].join('\r\n')
  // windows-1252: ’ is 0x92, the rest of the text is latin-1
  return Buffer.from(texte.replace(/’/g, '\u0092'), 'latin1')
}

const MAUVAISE = { id: 'mauvais', nom: '', type: 'banque', siret: '12345678901234', commune: 'Nullepart', code_postal: '73000', date_maj: '2099-01-01' }

pourChaqueMoteur('import des acteurs', (moteur) => {
  let base: Base
  const lire = async <T>(q: ReturnType<typeof sql>) => ((await base.db.execute(q)) as unknown as { rows: T[] }).rows
  beforeAll(async () => {
    base = await moteur.ouvrir()
  }, 60_000)
  afterAll(async () => base?.fermer())

  it('importe un CSV windows-1252 à « ; », rejette les lignes fautives avec toutes leurs raisons et relie les partenariats', async () => {
    const bilan = await importerActeurs(base, ref, { source: 'hub-73', nomFichier: 'acteurs.csv', octets: csv1252([...lignes, MAUVAISE]), aujourdhui: '2025-06-01', producteur: 'Hub 73', licence: 'Licence Ouverte 2.0' })
    expect(bilan).toMatchObject({ format: 'csv', encodage: 'windows-1252', lus: 8, acceptes: 7, rejetes: 1, nouveaux: 7, partenariats: 7 })
    const rejets = bilan.rapport.filter((l) => l.id === 'mauvais')
    expect(rejets.map((l) => `${l.ligne}:${l.champ}`)).toEqual(expect.arrayContaining(['9:nom', '9:type', '9:siret', '9:commune', '9:date_maj']))
    const [imp] = await lire<{ objets: string; n: number }>(sql`select i.objets, (select count(*)::int from import_problemes p where p.import_id = i.id and p.niveau = 'erreur') as n from imports i where i.id = ${bilan.importId}`)
    expect(imp).toEqual({ objets: 'acteurs', n: rejets.filter((l) => l.niveau === 'erreur').length })
    const [caf] = await lire<{ nom: string }>(sql`select nom from acteurs where type = 'etat'`)
    expect(caf?.nom).toMatch(/^Caisse d’allocations familiales de /)
    const [brut] = await lire<{ raw: unknown }>(sql`select raw from acteurs_enregistrements where record_id = 'acteur-73-1'`)
    expect(brut?.raw).toContain('Conseil départemental')
  })

  it('réimporter le même fichier ne change rien', async () => {
    const avant = await lire<{ id: number; updated_at: string }>(sql`select id, updated_at::text from acteurs order by id`)
    const bilan = await importerActeurs(base, ref, { source: 'hub-73', nomFichier: 'acteurs.csv', octets: csv1252([...lignes, MAUVAISE]), aujourdhui: '2025-06-01' })
    expect(bilan).toMatchObject({ nouveaux: 0, modifies: 0, retires: 0, partenariats: 7 })
    expect(await lire(sql`select id, updated_at::text from acteurs order by id`)).toEqual(avant)
    expect(await lire(sql`select count(*)::int as n from partenariats`)).toEqual([{ n: 7 }])
  })

  it('fusionne deux sources qui décrivent le même acteur (même SIRET) avec la provenance de chaque champ', async () => {
    const ccas = lignes[3] as Record<string, string>
    const json = [{ id: 'X-1', nom: ccas.nom, type: 'structure', siret: ccas.siret, commune: ccas.commune, code_insee: ccas.code_insee, telephone: '04 65 71 00 99', roles: ['forme'], date_maj: '2025-05-01' }]
    const bilan = await importerActeurs(base, ref, { source: 'region', nomFichier: 'acteurs.json', octets: Buffer.from(JSON.stringify(json)), aujourdhui: '2025-06-01' })
    expect(bilan).toMatchObject({ format: 'json', acceptes: 1, nouveaux: 0, modifies: 1 })
    const [a] = await lire<{ n: number; telephone: string; roles: string[]; provenance: Record<string, Array<{ source: string }>> }>(
      sql`select (select count(*)::int from acteurs where siret = ${ccas.siret}) as n, telephone, roles, provenance from acteurs where siret = ${ccas.siret}`,
    )
    expect(a).toMatchObject({ n: 1, telephone: '+33465710099', roles: ['forme', 'porte_lieux', 'oriente'] })
    expect(a?.provenance.telephone?.map((o) => o.source)).toEqual(['region'])
    expect(a?.provenance.adresse?.map((o) => o.source)).toEqual(['hub-73'])
    expect(a?.provenance.roles?.map((o) => o.source)).toEqual(['region', 'hub-73'])
  })

  it('retire ce qu’une source ne liste plus, sauf si une autre source le liste encore', async () => {
    const bilan = await importerActeurs(base, ref, { source: 'hub-73', nomFichier: 'acteurs-2.csv', octets: csv1252(lignes.slice(0, 3)), aujourdhui: '2025-06-01' })
    expect(bilan.retires).toBe(3)
    const statuts = await lire<{ type: string; statut: string }>(sql`select type, statut from acteurs order by id`)
    expect(statuts.map((s) => s.statut)).toEqual(['publie', 'publie', 'publie', 'publie', 'retire', 'retire', 'retire'])
    // the partnerships the source no longer lists are gone; those of the remaining rows stay
    expect(await lire(sql`select count(*)::int as n from partenariats`)).toEqual([{ n: 4 }])
    const resume = await compterActeurs(base.db, { type: 'departement', code: '73', nom: 'Savoie', communes: [] })
    expect(resume).toMatchObject({ total: 4, parType: { collectivite: 1, reseau: 1, association: 1, structure: 1 }, partenariats: 4 })
    expect(resume.parRole.coordonne).toBe(2)
  })

  it('refuse les noms de source réservés aux saisies à la main, sans toucher à la base', async () => {
    const avant = await lire(sql`select count(*)::int as n from imports`)
    for (const source of ['saisie', 'espace']) {
      await expect(importerActeurs(base, ref, { source, nomFichier: 'acteurs.json', octets: Buffer.from(JSON.stringify(lignes)) })).rejects.toThrow(/réservé/)
    }
    expect(await lire(sql`select count(*)::int as n from imports`)).toEqual(avant)
  })
})
