/**
 * De-duplication in the registry, on PGlite and PostgreSQL: the same place from two sources is
 * merged with its reasons, fields survive by the rules and remember their source, a re-import
 * keeps the merge and updates the merged place, a withdrawn record leaves the other one, a merge
 * can be undone and is then never redone, decisions of the review queue bind later runs, and a
 * merged place's address redirects.
 */
import { eq, sql } from 'drizzle-orm'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Base } from '../src/platform/db/database.ts'
import { fusions, lieux, paires } from '../src/platform/db/schema.ts'
import { importer } from '../src/places/registry/import.ts'
import { destinationDeFusion, lieuParUid } from '../src/places/registry/queries.ts'
import { dedoublonner } from '../src/dedup/service.ts'
import { annuler, deciderPaire, fileDExamen, fusionsEnVigueur } from '../src/dedup/examen.ts'
import { pourChaqueMoteur } from './support/bases.ts'

const AUJOURDHUI = '2026-11-22'
const lieu = (id: string, nom: string, extra: Record<string, unknown> = {}) => ({
  id,
  pivot: '00000000000000',
  nom,
  commune: 'Chambéry',
  code_postal: '73000',
  adresse: '12 place Saint-Léger',
  latitude: 45.5646,
  longitude: 5.9203,
  date_maj: '2024-05-02',
  services: 'Aide aux démarches administratives',
  ...extra,
})

pourChaqueMoteur('dédoublonnage et fusion avec provenance', (moteur) => {
  let base: Base
  beforeEach(async () => {
    base = await moteur.ouvrir()
  })
  afterEach(async () => base.fermer())

  const importerLignes = (source: string, lignes: object[], options = {}) =>
    importer(base, { source, nomFichier: `${source}.json`, octets: Buffer.from(JSON.stringify(lignes)), aujourdhui: AUJOURDHUI, ...options })
  const publies = async () => base.db.select().from(lieux).where(eq(lieux.statut, 'publie')).orderBy(lieux.uid)

  async function deuxSourcesDuMemeLieu() {
    await importerLignes('hub', [
      lieu('h1', 'France services de Chambéry', { telephone: '04 79 00 00 01', date_maj: '2023-01-10', horaires: 'Mo-Fr 09:00-12:00' }),
      lieu('h2', 'Médiathèque Jean-Jacques Rousseau', { adresse: 'Rue de la République', latitude: 45.57, longitude: 5.925 }),
    ])
    await importerLignes('france-services', [
      lieu('fs1', 'Espace France Services Chambéry', {
        telephone: '+33479000001',
        date_maj: '2024-02-01',
        courriels: 'franceservices@chambery.exemple.fr',
        dispositif_programmes_nationaux: 'France Services',
      }),
    ], { producteur: 'ANCT', licence: 'Licence Ouverte 2.0' })
  }

  it('fusionne le même lieu venu de deux sources, avec ses raisons, et garde la trace de chaque champ', async () => {
    await deuxSourcesDuMemeLieu()
    const bilan = await dedoublonner(base)
    expect(bilan.fusionsAutomatiques).toBe(1)
    const restants = await publies()
    expect(restants.map((l) => l.nom).sort()).toEqual(['Espace France Services Chambéry', 'Médiathèque Jean-Jacques Rousseau'])
    const fusionne = restants.find((l) => l.nom.startsWith('Espace'))
    expect(fusionne?.id).toBe('h1') // the older place survives, with its public id
    expect(fusionne?.horaires).toBe('Mo-Fr 09:00-12:00') // filled from the older record
    expect(fusionne?.courriels).toEqual(['franceservices@chambery.exemple.fr'])
    expect(fusionne?.date_maj).toBe('2024-02-01')
    const provenance = fusionne?.provenance as Record<string, Array<{ source: string; date: string }>>
    expect(provenance.nom).toEqual([{ source: 'france-services', date: '2024-02-01' }])
    expect(provenance.horaires).toEqual([{ source: 'hub', date: '2023-01-10' }])
    const [fusion] = await fusionsEnVigueur(base.db)
    expect(fusion?.raisons.some((r) => r.effet === 'pour' && /téléphone/i.test(r.libelle))).toBe(true)
    const fiche = await lieuParUid(base.db, fusionne?.uid ?? 0)
    expect(fiche?.sources.map((s) => s.nom).sort()).toEqual(['france-services', 'hub'])
    expect(fiche?.sources.find((s) => s.nom === 'france-services')).toMatchObject({ producteur: 'ANCT', dateMaj: '2024-02-01' })
    // the absorbed place's address leads to the merged one
    const absorbe = (await base.db.select().from(lieux).where(eq(lieux.statut, 'fusionne')))[0]
    expect(absorbe?.id).toBe('fs1')
    expect(await destinationDeFusion(base.db, absorbe?.uid ?? 0)).toBe(fusionne?.uid)
    // a second run changes nothing
    const encore = await dedoublonner(base)
    expect(encore.fusionsAutomatiques).toBe(0)
    expect((await publies()).length).toBe(2)
  })

  it('une réimportation garde la fusion et met le lieu fusionné à jour ; un enregistrement retiré laisse l’autre', async () => {
    await deuxSourcesDuMemeLieu()
    await dedoublonner(base)
    await importerLignes('france-services', [
      lieu('fs1', 'Espace France Services Chambéry', { telephone: '+33479000001', date_maj: '2024-06-01', horaires: 'Mo-Sa 08:30-12:00' }),
    ])
    let fusionne = (await publies()).find((l) => l.id === 'h1')
    expect(fusionne?.horaires).toBe('Mo-Sa 08:30-12:00')
    expect(fusionne?.date_maj).toBe('2024-06-01')
    expect((await publies()).length).toBe(2)
    // the hub no longer lists h1: the place stays, made of the France Services record only
    await importerLignes('hub', [lieu('h2', 'Médiathèque Jean-Jacques Rousseau', { adresse: 'Rue de la République', latitude: 45.57, longitude: 5.925 })])
    fusionne = (await publies()).find((l) => l.id === 'h1')
    expect(fusionne?.nom).toBe('Espace France Services Chambéry')
    expect(fusionne?.provenance).toBeNull()
    // and when France Services drops it too, it is withdrawn
    await importerLignes('france-services', [lieu('fs2', 'France services de Bassens', { commune: 'Bassens', code_postal: '73000', adresse: '1 rue de la Mairie', latitude: 45.58, longitude: 5.94 })])
    expect((await publies()).map((l) => l.id).sort()).toEqual(['fs2', 'h2'])
  })

  it('annuler une fusion rend ses enregistrements au lieu absorbé, et aucun dédoublonnage ne la refait', async () => {
    await deuxSourcesDuMemeLieu()
    await dedoublonner(base)
    const [fusion] = await fusionsEnVigueur(base.db)
    await annuler(base, fusion?.id ?? 0, 'Camille (coordination)')
    const noms = (await publies()).map((l) => l.nom).sort()
    expect(noms).toEqual(['Espace France Services Chambéry', 'France services de Chambéry', 'Médiathèque Jean-Jacques Rousseau'])
    const h1 = (await publies()).find((l) => l.id === 'h1')
    expect(h1?.courriels).toEqual([]) // its own record only
    expect(h1?.provenance).toBeNull()
    const [decision] = await base.db.select().from(paires).where(eq(paires.statut, 'differents'))
    expect(decision).toMatchObject({ cleA: 'france-services:fs1', cleB: 'hub:h1', decidePar: 'Camille (coordination)' })
    const bilan = await dedoublonner(base)
    expect(bilan.fusionsAutomatiques).toBe(0)
    expect(bilan.ecartees).toBeGreaterThanOrEqual(1)
    expect((await publies()).length).toBe(3)
    await expect(annuler(base, fusion?.id ?? 0, 'x')).rejects.toThrow(/déjà été annulée/)
  })

  it('la file d’examen reçoit les cas douteux ; « même lieu » fusionne, « lieux différents » lie les passages suivants', async () => {
    // same building, different names and no shared contact: a person must say
    await importerLignes('hub', [lieu('h1', 'Mairie de Chambéry', { telephone: '+33479000099' })])
    await importerLignes('departement', [lieu('d1', 'CCAS de Chambéry', { telephone: '+33479000055' })])
    await importerLignes('region', [lieu('r1', 'Espace numérique Chambéry')])
    const bilan = await dedoublonner(base)
    expect(bilan.fusionsAutomatiques).toBe(0)
    const file = await fileDExamen(base.db)
    expect(file.length).toBeGreaterThanOrEqual(1)
    const premiere = file[0]
    expect(premiere?.raisons.length).toBeGreaterThan(0)
    await deciderPaire(base, premiere?.id ?? 0, 'differents', 'Camille')
    await dedoublonner(base)
    expect((await fileDExamen(base.db)).map((p) => p.id)).not.toContain(premiere?.id)
    const suivante = (await fileDExamen(base.db))[0]
    if (suivante) {
      await deciderPaire(base, suivante.id, 'meme_lieu', 'Camille')
      expect((await base.db.select().from(fusions)).map((f) => f.mode)).toEqual(['decision'])
      await dedoublonner(base) // the decision is kept: still merged
      expect((await publies()).length).toBe(2)
    }
    await expect(deciderPaire(base, premiere?.id ?? 0, 'meme_lieu', 'Camille')).rejects.toThrow(/n'est pas \(ou plus\) dans la file/)
  })

  it('des lieux différents proches ne sont pas fusionnés ; l’absence de coordonnées ne vaut pas « même lieu »', async () => {
    await importerLignes('hub', [
      lieu('a', 'Médiathèque Jean-Jacques Rousseau', { adresse: '1 rue de la République' }),
      lieu('b', 'Mission locale jeunes', { adresse: '3 rue de la République' }),
    ])
    await importerLignes('autre', [lieu('c', 'Association Savoie Numérique', { adresse: '5 avenue de Lyon', latitude: null, longitude: null })])
    const bilan = await dedoublonner(base)
    expect(bilan.fusionsAutomatiques + bilan.fusionsDecidees).toBe(0)
    expect((await publies()).length).toBe(3)
    const { rows } = (await base.db.execute(sql`select count(*)::int as n from fusions`)) as unknown as { rows: Array<{ n: number }> }
    expect(rows[0]?.n).toBe(0)
  })
})
