/**
 * Every real file of ../shared/data/lieux examined (`examiner`, no database): the reader chosen,
 * how many rows are read, accepted and rejected, and why — each rejection with a French reason.
 * The figures are those measured; README.md (« Fichiers réels ») shows them.
 */
import { describe, expect, it } from 'vitest'
import { lirePartage, partageDisponible } from '../../../test/support/donnees.ts'
import { examiner, type LigneRapport } from '../registry/examen.ts'

interface Attendu {
  lecteur: string
  format?: string
  lus: number
  acceptes: number
  /** Rejection reasons (start of the message) → number of rows. */
  raisons: Record<string, number>
}

const ATTENDUS: Record<string, Attendu> = {
  'france-services-2022.csv': {
    lecteur: 'france-services', lus: 2683, acceptes: 2657,
    raisons: { "Ce France Services n'a ni adresse, ni commune, ni code postal": 26 },
  },
  'aidants-connect-2024.csv': {
    lecteur: 'aidants-connect', lus: 5227, acceptes: 5161,
    raisons: { 'Structure désactivée dans Aidants Connect': 46, 'La structure n’a pas de nom': 13, "L'adresse est obligatoire": 7 },
  },
  'data-inclusion-2023.json': {
    lecteur: 'standard', lus: 3811, acceptes: 3569,
    raisons: { "L'identifiant « ": 240, 'Le nom du lieu est obligatoire': 2 },
  },
  'data-inclusion-2023.json --format data-inclusion': {
    lecteur: 'data-inclusion', format: 'data-inclusion', lus: 3811, acceptes: 3809,
    raisons: { 'Le nom du lieu est obligatoire': 2 },
  },
  'hinaura-2023-standard-v0.json': { lecteur: 'standard', lus: 687, acceptes: 687, raisons: {} },
  'hub-du-sud-2023-standard-v1.json': { lecteur: 'standard', lus: 646, acceptes: 643, raisons: { 'Le nom du lieu est obligatoire': 3 } },
  'charente-2023-standard-v1.json': { lecteur: 'standard', lus: 188, acceptes: 188, raisons: {} },
  'nouvelle-caledonie-2024-standard-v1.json': { lecteur: 'standard', lus: 90, acceptes: 90, raisons: {} },
  'le-havre-2024-dirty-v0.json': { lecteur: 'standard', lus: 80, acceptes: 79, raisons: { "L'identifiant « ": 1 } },
}

describe.skipIf(!partageDisponible)('fichiers réels de ../shared/data/lieux, examinés par leur lecteur', () => {
  for (const [cas, attendu] of Object.entries(ATTENDUS)) {
    const fichier = cas.split(' ')[0] as string
    it(`${cas} : lecteur ${attendu.lecteur}, ${attendu.acceptes} acceptés sur ${attendu.lus}`, () => {
      const examen = examiner({ nomFichier: fichier, octets: lirePartage(`lieux/${fichier}`), aujourdhui: '2026-11-22', dateDonnees: '2024-06-01', lecteur: attendu.format })
      expect(examen.entete.lecteur).toBe(attendu.lecteur)
      let lus = 0
      let acceptes = 0
      const rapport: LigneRapport[] = []
      for (const lot of examen.lots) {
        lus = lot.traites
        acceptes += lot.acceptees.length
        rapport.push(...lot.rapport)
      }
      expect({ lus, acceptes }).toEqual({ lus: attendu.lus, acceptes: attendu.acceptes })
      // one reason per rejected row, in French, counted by kind
      const erreurs = rapport.filter((p) => p.niveau === 'erreur')
      expect(new Set(erreurs.map((p) => p.ligne)).size).toBe(lus - acceptes)
      const parRaison: Record<string, number> = {}
      for (const p of erreurs) {
        const raison = Object.keys(attendu.raisons).find((r) => p.message.startsWith(r)) ?? p.message
        parRaison[raison] = (parRaison[raison] ?? 0) + 1
      }
      expect(parRaison).toEqual(attendu.raisons)
      for (const p of rapport) {
        expect(p.message).toMatch(/[a-zéèàù]{3,} .*[a-zéèàù]{3,}/)
        expect(p.message).not.toMatch(/\b(undefined|null|NaN|Invalid input|expected)\b/)
      }
    })
  }
})
