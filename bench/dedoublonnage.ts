/**
 * Speed and quality of de-duplication in memory (`src/dedup/rules`): places of 4 sources with
 * injected duplicates (`donnees/lieux-avec-doublons.ts`), then candidate pairs (blocking),
 * `comparer` on each, `regrouper`; time, pairs compared, peak memory, and precision / recall of
 * the groups against the injected truth. Each size runs in its own process (clean memory).
 *
 *   npx tsx bench/dedoublonnage.ts                  # 20 000 and 200 000 places, a table
 *   npx tsx bench/dedoublonnage.ts --lieux 50000     # one size, one JSON line
 */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { pairesCandidates } from '../src/dedup/rules/blocage.ts'
import { comparer } from '../src/dedup/rules/comparer.ts'
import { ficheDepuisLieu, type FicheComparee } from '../src/dedup/rules/fiche.ts'
import { regrouper } from '../src/dedup/rules/regroupement.ts'
import { genererLieuxAvecDoublons } from './donnees/lieux-avec-doublons.ts'

const { values } = parseArgs({ options: { lieux: { type: 'string', multiple: true }, graine: { type: 'string', default: '2024' } } })

interface Mesure {
  lieux: number
  doublonsInjectes: number
  generationS: number
  blocageS: number
  comparaisonS: number
  regroupementS: number
  totalS: number
  /** Processor time of the three steps, all threads (garbage collection included). */
  processeurS: number
  paires: number
  memeLieu: number
  aExaminer: number
  groupes: number
  rappelBlocage: number
  precision: number
  rappel: number
  memoireMaxMo: number
}

function mesurer(n: number, graine: number): Mesure {
  let t = performance.now()
  const jeu = genererLieuxAvecDoublons(n, graine)
  const fiches: FicheComparee[] = jeu.sources.flatMap((s) => s.lieux.map((l) => ficheDepuisLieu(l, s.nom, `${s.nom}:${l.id}`, l.code_insee)))
  const generationS = (performance.now() - t) / 1000
  const debut = (t = performance.now())
  const processeur = process.cpuUsage()
  const candidates = pairesCandidates(fiches)
  const blocageS = (performance.now() - t) / 1000
  t = performance.now()
  const acceptees: Array<{ i: number; j: number; score: number }> = []
  let aExaminer = 0
  for (const [i, j] of candidates) {
    const c = comparer(fiches[i] as FicheComparee, fiches[j] as FicheComparee)
    if (c.verdict === 'meme-lieu') acceptees.push({ i, j, score: c.score })
    else if (c.verdict === 'a-examiner') aExaminer++
  }
  const comparaisonS = (performance.now() - t) / 1000
  t = performance.now()
  const groupes = regrouper(fiches.length, acceptees, [])
  const regroupementS = (performance.now() - t) / 1000
  const totalS = (performance.now() - debut) / 1000
  const { user, system } = process.cpuUsage(processeur)

  const indice = new Map(fiches.map((f, i) => [f.cle, i]))
  const cle = (i: number, j: number) => (i < j ? `${i},${j}` : `${j},${i}`)
  const verite = new Set(jeu.doublons.map(([a, b]) => cle(indice.get(a) as number, indice.get(b) as number)))
  const candidatesVraies = candidates.filter(([i, j]) => verite.has(cle(i, j))).length
  let predites = 0
  let justes = 0
  for (const g of groupes) {
    for (let x = 0; x < g.length; x++) {
      for (let y = x + 1; y < g.length; y++) {
        predites++
        if (verite.has(cle(g[x] as number, g[y] as number))) justes++
      }
    }
  }
  return {
    lieux: fiches.length,
    doublonsInjectes: verite.size,
    generationS,
    blocageS,
    comparaisonS,
    regroupementS,
    totalS,
    processeurS: (user + system) / 1e6,
    paires: candidates.length,
    memeLieu: acceptees.length,
    aExaminer,
    groupes: groupes.filter((g) => g.length > 1).length,
    rappelBlocage: candidatesVraies / verite.size,
    precision: predites ? justes / predites : 1,
    rappel: justes / verite.size,
    memoireMaxMo: process.resourceUsage().maxRSS / 1024,
  }
}

const f = (x: number, d = 1) => x.toLocaleString('fr-FR', { minimumFractionDigits: d, maximumFractionDigits: d })
const ent = (x: number) => Math.round(x).toLocaleString('fr-FR')

if (values.lieux?.length === 1) {
  console.log(JSON.stringify(mesurer(Number(values.lieux[0]), Number(values.graine))))
} else {
  const script = fileURLToPath(import.meta.url)
  const lignes = (values.lieux ?? ['20000', '200000']).map((n) => {
    const sortie = execFileSync(process.execPath, ['--import', 'tsx', script, '--lieux', n, '--graine', values.graine], { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' }, stdio: ['ignore', 'pipe', 'inherit'] })
    return JSON.parse(sortie.trim().split('\n').pop() ?? '{}') as Mesure
  })
  console.log('| lieux | doublons injectés | paires comparées | blocage (s) | comparaisons (s) | regroupement (s) | total (s) | processeur (s) | même lieu | à examiner | rappel du blocage | précision | rappel | mémoire max (Mo) |')
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
  for (const m of lignes) {
    console.log(`| ${ent(m.lieux)} | ${ent(m.doublonsInjectes)} | ${ent(m.paires)} | ${f(m.blocageS)} | ${f(m.comparaisonS)} | ${f(m.regroupementS, 2)} | ${f(m.totalS)} | ${f(m.processeurS)} | ${ent(m.memeLieu)} | ${ent(m.aExaminer)} | ${f(m.rappelBlocage, 3)} | ${f(m.precision, 3)} | ${f(m.rappel, 3)} | ${ent(m.memoireMaxMo)} |`)
  }
  console.log(`\nGénération des données (non comptée) : ${lignes.map((m) => `${f(m.generationS)} s`).join(', ')} ; graine ${values.graine}.`)
}
