/**
 * Imports each real file of ../shared/data/lieux in the national standard and checks the
 * accepted and rejected counts (the README shows them), that every rejected row has a French
 * reason, and what ends up in the database, on PGlite and PostgreSQL.
 */
import { and, count, eq, isNotNull } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Base } from '../src/platform/db/database.ts'
import { lieux, sourceRecords, sources } from '../src/platform/db/schema.ts'
import { importer, type Bilan } from '../src/places/registry/import.ts'
import { pourChaqueMoteur } from './support/bases.ts'
import { lirePartage, partageDisponible } from './support/donnees.ts'

/** File → [read, accepted, rejected, schema version detected]. */
const ATTENDUS: Record<string, [number, number, number, string]> = {
  'hinaura-2023-standard-v0.json': [687, 687, 0, 'v0.1'],
  'hub-du-sud-2023-standard-v1.json': [646, 643, 3, 'mixte'],
  'charente-2023-standard-v1.json': [188, 188, 0, 'mixte'],
  'nouvelle-caledonie-2024-standard-v1.json': [90, 90, 0, 'mixte'],
  'le-havre-2024-dirty-v0.json': [80, 79, 1, 'v0.1'],
  'data-inclusion-2023.json': [3811, 3569, 242, 'v0.1'],
}

describe.skipIf(!partageDisponible)('fichiers réels (ignoré si ../shared/data est absent)', () => {
  pourChaqueMoteur('import des fichiers réels', (moteur) => {
    let base: Base
    const bilans = new Map<string, Bilan>()
    beforeAll(async () => {
      base = await moteur.ouvrir()
      for (const fichier of Object.keys(ATTENDUS)) {
        bilans.set(fichier, await importer(base, { source: fichier, nomFichier: fichier, octets: lirePartage(`lieux/${fichier}`), aujourdhui: '2026-11-22' }))
      }
    })
    afterAll(async () => base?.fermer())

    for (const [fichier, [lus, acceptes, rejetes, version]] of Object.entries(ATTENDUS)) {
      it(`${fichier} : ${acceptes} acceptés, ${rejetes} rejetés, chaque rejet motivé`, async () => {
        const bilan = bilans.get(fichier)!
        expect({ lus: bilan.lus, acceptes: bilan.acceptes, rejetes: bilan.rejetes, version: bilan.version }).toEqual({ lus, acceptes, rejetes, version })
        const lignesRejetees = new Set(bilan.rapport.filter((p) => p.niveau === 'erreur').map((p) => p.ligne))
        expect(lignesRejetees.size).toBe(rejetes)
        for (const p of bilan.rapport) {
          expect(p.message.length).toBeGreaterThan(10)
          expect(p.ligne).toBeGreaterThan(0)
        }
        const [enBase] = await base.db
          .select({ n: count() })
          .from(sourceRecords)
          .innerJoin(sources, eq(sources.id, sourceRecords.sourceId))
          .where(eq(sources.name, fichier))
        expect(enBase?.n).toBe(acceptes)
      })
    }

    it('chaque enregistrement accepté est gardé tel que reçu, à côté du lieu normalisé', async () => {
      const total = Object.values(ATTENDUS).reduce((t, [, a]) => t + a, 0)
      const [records] = await base.db.select({ n: count() }).from(sourceRecords)
      const [publies] = await base.db.select({ n: count() }).from(lieux).where(eq(lieux.statut, 'publie'))
      expect(records?.n).toBe(total)
      expect(publies?.n).toBe(total)
      const [brut] = await base.db
        .select({ raw: sourceRecords.raw })
        .from(sourceRecords)
        .innerJoin(sources, eq(sources.id, sourceRecords.sourceId))
        .where(and(eq(sourceRecords.recordId, '139'), eq(sources.name, 'le-havre-2024-dirty-v0.json')))
      expect(brut?.raw).toMatchObject({ id: '139', nom: 'Le 139', pivot: 36750100000000, code_postal: 76600 })
    })

    it('les messages nomment le champ et la valeur', () => {
      const havre = bilans.get('le-havre-2024-dirty-v0.json')!
      const doublon = havre.rapport.find((p) => p.niveau === 'erreur')
      expect(doublon?.champ).toBe('id')
      expect(doublon?.message).toMatch(/déjà celui de la ligne \d+/)
      const sud = bilans.get('hub-du-sud-2023-standard-v1.json')!
      expect(sud.rapport.filter((p) => p.niveau === 'erreur').map((p) => p.message)).toEqual(Array(3).fill('Le nom du lieu est obligatoire.'))
      expect(sud.rapport.some((p) => p.champ === 'date_maj' && p.valeur === '1970-01-01' && p.niveau === 'avertissement')).toBe(true)
    })

    it('les codes INSEE sont complétés et les arrondissements de Marseille résolus', async () => {
      const [marseille] = await base.db.select().from(lieux).where(eq(lieux.code_postal, '13002')).limit(1)
      expect(marseille?.code_insee).toBe('13202')
      expect(marseille?.codeDepartement).toBe('13')
      expect(marseille?.codeRegion).toBe('93')
      const telephones = await base.db.select({ t: lieux.telephone }).from(lieux).where(and(eq(lieux.codeDepartement, '988'), isNotNull(lieux.telephone)))
      expect(telephones.length).toBeGreaterThan(50)
      for (const { t } of telephones) expect(t).toMatch(/^\+687\d{6}$/)
    })
  })
})
