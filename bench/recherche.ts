/**
 * Benchmark of the search index, one size per process (its memory is its own): generates N
 * places over France, builds the in-memory index (kdbush geographic tree, bit masks, name words)
 * and measures its build time and memory, then the latency of typical searches (a need, a
 * commune, two filters; « open now » on a Monday at 10:00 and on a Sunday at 5:00, when nothing
 * is open and the answer is the widenings; free text) around random communes. Prints one JSON
 * line.
 *
 *   node --expose-gc --import tsx bench/recherche.ts --lieux 100000
 */
import { parseArgs } from 'node:util'
import { genererLieux, aleatoire } from '../src/demo/generator.ts'
import { communesSituees } from '../src/demo/positions.ts'
import { IndexLieux, type LieuIndexable } from '../src/orientation/index/index.ts'
import { CRITERES_VIDES, rechercher, type Criteres } from '../src/orientation/recherche.ts'
import { CHAMPS_LISTES, type Lieu } from '../src/places/standard/fields.ts'
import { referentiel } from '../src/territories/referentiel.ts'

process.env.TZ = 'Europe/Paris'
const { values } = parseArgs({ options: { lieux: { type: 'string', default: '100000' }, requetes: { type: 'string', default: '5000' } } })
const n = Number(values.lieux)
const ref = referentiel()
const communes = communesSituees(ref)
const LISTES = new Set<string>(CHAMPS_LISTES)

/** A generated row is valid v1.0.2 (tests prove it): read it without the validator's cost. */
function versLieu(rangee: Record<string, string | number>): Lieu {
  const lieu: Record<string, unknown> = {}
  for (const [champ, valeur] of Object.entries(rangee)) lieu[champ] = LISTES.has(champ) ? String(valeur).split('|') : valeur
  for (const champ of CHAMPS_LISTES) lieu[champ] ??= []
  for (const champ of ['code_insee', 'complement_adresse', 'telephone', 'horaires', 'presentation_resume', 'presentation_detail', 'source', 'structure_parente', 'fiche_acces_libre', 'prise_rdv']) lieu[champ] ??= null
  return lieu as unknown as Lieu
}

function* entrees(): Generator<LieuIndexable> {
  let uid = 0
  for (const rangee of genererLieux({ communes, nombre: n, graine: 7 })) {
    const lieu = versLieu(rangee)
    const commune = ref.communes.get(lieu.code_insee ?? '')
    yield {
      uid: ++uid,
      lieu,
      communeResolue: commune?.code ?? null,
      departement: commune?.departement ?? null,
      region: commune?.region ?? null,
      nomRegion: ref.regions.get(commune?.region ?? '')?.nom ?? '',
      position: { latitude: Number(rangee.latitude), longitude: Number(rangee.longitude), approximative: false },
    }
  }
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
gc()
const avant = process.memoryUsage()
let debut = performance.now()
let donnees: LieuIndexable[] | undefined = [...entrees()]
const generation = (performance.now() - debut) / 1000
debut = performance.now()
const index = new IndexLieux(donnees)
index.autour(46, 2, 1, () => true) // builds the geographic tree
const construction = (performance.now() - debut) / 1000
donnees = undefined
gc()
const apres = process.memoryUsage()

const h = aleatoire(99)
const lundi10h = new Date('2026-11-23T10:00:00')
const points = Array.from({ length: 500 }, () => {
  const c = communes[Math.floor(h() * communes.length)]
  return { latitude: c?.latitude ?? 46, longitude: c?.longitude ?? 2, approximative: true }
})
const dimanche5h = new Date('2026-11-22T05:00:00')
const TYPES: Record<string, (i: number) => Criteres> = {
  'besoin + commune + 2 filtres': (i) => ({ ...CRITERES_VIDES, besoins: [['impots', 'smartphone', 'caf', 'materiel'][i % 4] as string], position: points[i % points.length] ?? null, gratuit: true, sansRendezVous: true }),
  'ouvert maintenant': (i) => ({ ...CRITERES_VIDES, besoins: ['smartphone'], position: points[i % points.length] ?? null, ouverture: { type: 'maintenant' } }),
  'texte libre « carte grise »': (i) => ({ ...CRITERES_VIDES, q: 'carte grise', position: points[i % points.length] ?? null }),
  // nothing open: the answer is the widenings, each counted
  'ouvert maintenant, dimanche à 5 h': (i) => ({ ...CRITERES_VIDES, besoins: ['smartphone'], position: points[i % points.length] ?? null, ouverture: { type: 'maintenant' } }),
}
const INSTANTS: Record<string, Date> = { 'ouvert maintenant, dimanche à 5 h': dimanche5h }
const latences: Record<string, { p50: number; p99: number; resultatsMoyens: number }> = {}
for (const [nom, critere] of Object.entries(TYPES)) {
  const instant = INSTANTS[nom] ?? lundi10h
  for (let i = 0; i < 200; i++) rechercher(index, critere(i), instant) // warm-up
  const durees: number[] = []
  let resultats = 0
  const total = Number(values.requetes)
  for (let i = 0; i < total; i++) {
    debut = performance.now()
    const r = rechercher(index, critere(i), instant)
    durees.push(performance.now() - debut)
    resultats += r.total
  }
  durees.sort((a, b) => a - b)
  latences[nom] = { p50: durees[Math.floor(total * 0.5)] ?? 0, p99: durees[Math.floor(total * 0.99)] ?? 0, resultatsMoyens: resultats / total }
}
process.stdout.write(
  `${JSON.stringify({ lieux: index.taille, generation, construction, memoireTasMo: (apres.heapUsed - avant.heapUsed) / 1e6, memoireRssMo: apres.rss / 1e6, latences })}\n`,
)
