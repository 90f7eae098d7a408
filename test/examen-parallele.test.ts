/**
 * A large file is judged in a worker thread: same places, same report and same counts as in the
 * calling thread, and the same French error for an unreadable file.
 */
import { describe, expect, it } from 'vitest'
import { genererLieux } from '../src/demo/generator.ts'
import { communesSituees } from '../src/demo/positions.ts'
import { FichierIlisibleError } from '../src/places/io/lecture.ts'
import { examinerEnParallele } from '../src/places/registry/examen-parallele.ts'
import { enteteCsv, ligneCsvDepuisObjet } from '../src/places/io/ecriture.ts'
import { referentiel } from '../src/territories/referentiel.ts'

async function tout(parallele: boolean, octets: Uint8Array) {
  const { entete, lots, parallele: enFil } = await examinerEnParallele({ nomFichier: 'lieux.csv', octets, aujourdhui: '2026-11-22' }, parallele)
  expect(enFil).toBe(parallele)
  const resultat = { entete, ids: [] as string[], communes: [] as Array<string | null>, rejetes: [] as string[], rapport: [] as unknown[], traites: 0 }
  for await (const lot of lots) {
    resultat.ids.push(...lot.acceptees.map((a) => a.lieu.id))
    resultat.communes.push(...lot.acceptees.map((a) => a.commune?.code ?? null))
    resultat.rejetes.push(...lot.rejetes)
    resultat.rapport.push(...lot.rapport)
    resultat.traites = lot.traites
  }
  return resultat
}

describe('examen dans un fil de travail', () => {
  it('donne exactement le même résultat que dans le fil principal', async () => {
    let csv = enteteCsv()
    for (const lieu of genererLieux({ communes: communesSituees(referentiel(), ['73', '38']), nombre: 3000, graine: 9, tauxDefauts: 0.1 })) csv += ligneCsvDepuisObjet(lieu)
    const octets = Buffer.from(csv)
    const [enLigne, enParallele] = await Promise.all([tout(false, octets), tout(true, octets)])
    expect(enParallele).toEqual(enLigne)
    expect(enLigne.traites).toBe(3000)
    expect(enLigne.rejetes.length).toBeGreaterThan(0)
    expect(enLigne.rapport.length).toBeGreaterThan(0)
  })

  it('un fichier illisible donne la même erreur française', async () => {
    await expect(examinerEnParallele({ nomFichier: 'x.json', octets: Buffer.from('[{"id": 1,') }, true)).rejects.toThrow(FichierIlisibleError)
    await expect(examinerEnParallele({ nomFichier: 'x.json', octets: Buffer.from('[{"id": 1,') }, true)).rejects.toThrow(/Le fichier JSON est illisible/)
  })
})
