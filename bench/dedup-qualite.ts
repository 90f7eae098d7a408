/**
 * Quality of the duplicate rules on the 386 hand-labelled pairs of shared/data/dedup: each pair's
 * two records read from the real files by `examiner`, `comparer` on each, then precision and
 * recall over `match` / `distinct` (a predicted match is `meme-lieu`; `unsure` pairs are left
 * out and reported as the share merged), overall, with and without the 47 re-published copies,
 * by file pair; and the blocking recall: labelled matches among `pairesCandidates` over the
 * full files.
 *
 *   npx tsx bench/dedup-qualite.ts [--details]     # --details: every error, with its reasons
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { pairesCandidates } from '../src/dedup/rules/blocage.ts'
import { comparer, SEUIL_EXAMEN, SEUIL_FUSION } from '../src/dedup/rules/comparer.ts'
import { abreviationFichier, estCopieRepubliee, mesurer, mesurerPar, type Decision, type Mesures } from '../src/dedup/rules/qualite.ts'
import { chargerJeuEtiquete, cleA, cleB } from './donnees/paires-etiquetees.ts'

const { values } = parseArgs({ options: { details: { type: 'boolean', default: false }, donnees: { type: 'string' } } })
const dossier = values.donnees ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/data')

const jeu = chargerJeuEtiquete(dossier)
const decisions: Decision[] = []
const erreurs: string[] = []
for (const paire of jeu.paires) {
  const a = jeu.fiches.get(cleA(paire))
  const b = jeu.fiches.get(cleB(paire))
  if (!a || !b) {
    decisions.push({ paire, verdict: null })
    continue
  }
  const c = comparer(a, b)
  decisions.push({ paire, verdict: c.verdict })
  const faux = (paire.etiquette === 'match') !== (c.verdict === 'meme-lieu') && paire.etiquette !== 'unsure'
  if (values.details && (faux || (paire.etiquette === 'unsure' && c.verdict === 'meme-lieu'))) {
    erreurs.push(`${paire.id} ${paire.etiquette} → ${c.verdict} (${c.score.toFixed(3)}) « ${a.nom} » / « ${b.nom} »\n    ${c.raisons.map((r) => `${r.points >= 0 ? '+' : ''}${r.points.toFixed(1)} ${r.libelle}`).join(' ; ')}\n    étiquette : ${paire.raison}`)
  }
}

const f3 = (x: number | null) => (x === null ? '—' : x.toLocaleString('fr-FR', { minimumFractionDigits: 3, maximumFractionDigits: 3 }))
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`)
const ligne = (nom: string, m: Mesures) =>
  `| ${nom} | ${m.paires} | ${m.ignorees} | ${m.match} | ${m.distinct} | ${m.unsure} | ${m.vraisPositifs} | ${m.fauxPositifs} | ${m.fauxNegatifs} | ${f3(m.precision)} | ${f3(m.rappel)} | ${f3(m.f1)} | ${m.aExaminer} | ${pct(m.partUnsureFusionnees)} |`

console.log(`Seuils : fusion à ${SEUIL_FUSION}, examen à ${SEUIL_EXAMEN}.`)
console.log('\nFichiers lus par `examiner` :')
for (const l of jeu.fichiers) console.log(`- ${l.fichier} (${abreviationFichier(l.fichier)}) : lecteur « ${l.lecteur} », ${l.acceptees} lignes acceptées, ${l.rejetees} rejetées`)
console.log('\n| paires | décidées | ignorées | match | distinct | unsure | VP | FP | FN | précision | rappel | F1 | à examiner | unsure fusionnées |')
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
console.log(ligne('toutes', mesurer(decisions)))
console.log(ligne('sans les 47 copies republiées', mesurer(decisions.filter((d) => !estCopieRepubliee(d.paire)))))
console.log(ligne('copies republiées seules', mesurer(decisions.filter((d) => estCopieRepubliee(d.paire)))))
for (const [groupe, m] of mesurerPar(decisions, (d) => `${abreviationFichier(d.paire.fichierA)} × ${abreviationFichier(d.paire.fichierB)}`)) console.log(ligne(groupe, m))

const fiches = [...jeu.fiches.values()]
const indice = new Map(fiches.map((fiche, i) => [fiche.cle, i]))
const debut = performance.now()
const candidates = pairesCandidates(fiches)
const duree = (performance.now() - debut) / 1000
const connues = new Set(candidates.map(([i, j]) => `${i},${j}`))
let trouvees = 0
let matchs = 0
for (const p of jeu.paires) {
  const i = indice.get(cleA(p))
  const j = indice.get(cleB(p))
  if (p.etiquette !== 'match' || i === undefined || j === undefined) continue
  matchs++
  if (connues.has(i < j ? `${i},${j}` : `${j},${i}`)) trouvees++
}
console.log(`\nBlocage sur les ${fiches.length} lieux des 6 fichiers : ${candidates.length} paires candidates en ${duree.toFixed(1)} s ; ${trouvees} des ${matchs} paires « match » lisibles en font partie (rappel ${f3(matchs ? trouvees / matchs : null)}).`)
if (erreurs.length) console.log(`\nErreurs et « unsure » fusionnées :\n${erreurs.join('\n')}`)
