import { beforeAll, describe, expect, it } from 'vitest'
import { chargerJeuEtiquete, cleA, cleB, type JeuEtiquete } from '../../../bench/donnees/paires-etiquetees.ts'
import { DOSSIER_PARTAGE, partageDisponible } from '../../../test/support/donnees.ts'
import { pairesCandidates } from './blocage.ts'
import { comparer } from './comparer.ts'
import { estCopieRepubliee, lirePaires, mesurer, mesurerPar, type Decision, type PaireEtiquetee } from './qualite.ts'

const paire = (etiquette: PaireEtiquetee['etiquette'], partiel: Partial<PaireEtiquetee> = {}): PaireEtiquetee => ({
  id: 'p', fichierA: 'france-services-2022.csv', rangA: 0, idA: '1', fichierB: 'aidants-connect-2024.csv', rangB: 0, idB: '2', etiquette, raison: '', ...partiel,
})

describe('lirePaires', () => {
  it('lit le CSV des paires étiquetées, guillemets et virgules compris', () => {
    const csv = 'pair_id,file_a,row_a,id_a,file_b,row_b,id_b,label,reason\np001,a.csv,3,x,b.json,7,y,match,"Same name, same address"\n'
    expect(lirePaires(csv)).toEqual([{ id: 'p001', fichierA: 'a.csv', rangA: 3, idA: 'x', fichierB: 'b.json', rangB: 7, idB: 'y', etiquette: 'match', raison: 'Same name, same address' }])
    expect(() => lirePaires('pair_id,label\np1,peut-etre\n')).toThrow(/Étiquette inconnue/)
  })
})

describe('estCopieRepubliee', () => {
  it('reconnaît deux copies d’un même enregistrement d’après leurs identifiants', () => {
    expect(estCopieRepubliee(paire('match', { fichierB: 'hub-du-sud-2023-standard-v1.json', idA: '1454', idB: 'mediation-numerique-france-services-1454' }))).toBe(true)
    expect(estCopieRepubliee(paire('match', { fichierA: 'aidants-connect-2024.csv', idA: '3485', fichierB: 'charente-2023-standard-v1.json', idB: 'e23e6bd0|aidants-connect-3485' }))).toBe(true)
    expect(estCopieRepubliee(paire('match', { fichierA: 'data-inclusion-2023.json', idA: '10', fichierB: 'hinaura-2023-standard-v0.json', idB: '10' }))).toBe(true)
  })

  it('ne prend pas un identifiant qui en contient un autre pour une copie', () => {
    expect(estCopieRepubliee(paire('match', { fichierB: 'hub-du-sud-2023-standard-v1.json', idA: '145', idB: 'mediation-numerique-france-services-1454' }))).toBe(false)
    expect(estCopieRepubliee(paire('match', { idA: '1', idB: '1' }))).toBe(false)
  })
})

describe('mesurer', () => {
  it('calcule précision et rappel sur match / distinct, et compte à part les paires « unsure »', () => {
    const decisions: Decision[] = [
      { paire: paire('match'), verdict: 'meme-lieu' },
      { paire: paire('match'), verdict: 'meme-lieu' },
      { paire: paire('match'), verdict: 'a-examiner' },
      { paire: paire('distinct'), verdict: 'meme-lieu' },
      { paire: paire('distinct'), verdict: 'differents' },
      { paire: paire('unsure'), verdict: 'meme-lieu' },
      { paire: paire('unsure'), verdict: 'differents' },
      { paire: paire('match'), verdict: null },
    ]
    expect(mesurer(decisions)).toEqual({
      paires: 7, ignorees: 1, match: 3, distinct: 2, unsure: 2, vraisPositifs: 2, fauxPositifs: 1, fauxNegatifs: 1,
      precision: 2 / 3, rappel: 2 / 3, f1: 2 / 3, aExaminer: 1, unsureFusionnees: 1, partUnsureFusionnees: 0.5,
    })
  })

  it('ne divise pas par zéro et regroupe par clé', () => {
    expect(mesurer([{ paire: paire('distinct'), verdict: 'differents' }])).toMatchObject({ precision: null, rappel: null, f1: null })
    const groupes = mesurerPar([{ paire: paire('match'), verdict: 'meme-lieu' }, { paire: paire('match', { fichierB: 'x' }), verdict: 'differents' }], (d) => d.paire.fichierB)
    expect([...groupes.keys()]).toEqual(['aidants-connect-2024.csv', 'x'])
    expect(groupes.get('x')?.rappel).toBe(0)
  })
})

/** The figures reached on the 386 hand-labelled pairs: a regression of the rules makes this fail. */
describe.skipIf(!partageDisponible)('qualité sur les paires étiquetées réelles (ignoré si ../shared/data est absent)', () => {
  let jeu: JeuEtiquete
  let decisions: Decision[]
  beforeAll(() => {
    jeu = chargerJeuEtiquete(DOSSIER_PARTAGE)
    // while a reader is missing, its file's rows are all rejected: its pairs are left out
    const illisibles = new Set(jeu.fichiers.filter((f) => f.acceptees === 0).map((f) => f.fichier))
    decisions = jeu.paires
      .filter((p) => !illisibles.has(p.fichierA) && !illisibles.has(p.fichierB))
      .map((p) => {
        const a = jeu.fiches.get(cleA(p))
        const b = jeu.fiches.get(cleB(p))
        return { paire: p, verdict: a && b ? comparer(a, b).verdict : null }
      })
  }, 120_000)

  it('fusionne sans erreur et retrouve plus de 92 % des « match »', () => {
    const m = mesurer(decisions)
    expect(m.paires).toBeGreaterThanOrEqual(decisions.length - 5)
    expect(m.fauxPositifs).toBe(0)
    expect(m.precision).toBeGreaterThanOrEqual(0.99)
    expect(m.rappel).toBeGreaterThanOrEqual(0.92)
    expect(m.partUnsureFusionnees).toBeLessThanOrEqual(0.25)
  })

  it('retrouve plus de 90 % des « match » sans les 47 copies republiées', () => {
    const copies = decisions.filter((d) => estCopieRepubliee(d.paire))
    if (decisions.length === jeu.paires.length) expect(copies.length).toBe(47)
    const m = mesurer(decisions.filter((d) => !estCopieRepubliee(d.paire)))
    expect(m.precision).toBe(1)
    expect(m.rappel).toBeGreaterThanOrEqual(0.9)
  })

  it('le blocage sur les fichiers entiers garde toutes les paires « match »', () => {
    const fiches = [...jeu.fiches.values()]
    const indice = new Map(fiches.map((f, i) => [f.cle, i]))
    const candidates = new Set(pairesCandidates(fiches).map(([i, j]) => `${i},${j}`))
    const matchs = jeu.paires.filter((p) => p.etiquette === 'match' && indice.has(cleA(p)) && indice.has(cleB(p)))
    const perdues = matchs.filter((p) => {
      const [i, j] = [indice.get(cleA(p)) as number, indice.get(cleB(p)) as number]
      return !candidates.has(i < j ? `${i},${j}` : `${j},${i}`)
    })
    expect(matchs.length).toBeGreaterThan(60)
    expect(perdues.map((p) => p.id)).toEqual([])
    expect(candidates.size).toBeLessThan(2 * fiches.length)
  })
})
