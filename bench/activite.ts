/**
 * The activity benchmark: generates N accompaniments over 5 years (2,000 mediators, 1,500 places
 * of a région) in a fresh database (bench/chargement-activite.ts), then measures a coordinator's
 * dashboard for the busiest département over the last 12 months — `tableauDeBord` directly and
 * the page `/espace/statistiques` over HTTP with a signed-in coordinator — (median and p95 of
 * 20 runs after 2 warm-ups) and the cost of recording one activity (row, rollups, audit).
 * One JSON line on standard output; progress on standard error.
 *
 *   node --import tsx bench/activite.ts --moteur postgresql --url … --accompagnements 10000000
 *   node --import tsx bench/activite.ts --moteur pglite --accompagnements 1000000
 *
 * `--garder` (PostgreSQL) keeps the generated database for inspection (EXPLAIN…) and prints its
 * name; drop it afterwards (`drop database aiguillage_bench_<pid>`).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { SYSTEME } from '../src/audit/journal.ts'
import { aleatoire } from '../src/demo/generator.ts'
import { enregistrerActivite } from '../src/activity/store/activites.ts'
import { ajouterMois, premierDuMois } from '../src/activity/stats/filtres.ts'
import { tableauDeBord } from '../src/activity/stats/tableau-de-bord.ts'
import { aujourdhuiParis } from '../src/places/validation/date-maj.ts'
import { referentiel } from '../src/territories/referentiel.ts'
import { lireTerritoire } from '../src/territories/territoire.ts'
import { creerCompte, seConnecter } from '../test/support/comptes.ts'
import { servir } from '../test/http/serveur-de-test.ts'
import { ouvrirBaseDeBench } from './bases.ts'
import { charger } from './chargement-activite.ts'
import { activite } from '../src/demo/activites.ts'
import { rangees } from './ecriture-activite.ts'

const { values } = parseArgs({
  options: {
    moteur: { type: 'string', default: 'pglite' },
    url: { type: 'string' },
    accompagnements: { type: 'string', default: '1000000' },
    mediateurs: { type: 'string', default: '2000' },
    lieux: { type: 'string', default: '1500' },
    region: { type: 'string', default: '84' },
    mesures: { type: 'string', default: '20' },
    garder: { type: 'boolean', default: false },
  },
})
const journal = (m: string) => process.stderr.write(`  [${values.moteur}] ${m}\n`)
const centile = (xs: readonly number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)] ?? 0
const resume = (xs: readonly number[]) => ({ mediane: centile(xs, 0.5), p95: centile(xs, 0.95) })

async function chronometrer(fois: number, chauffe: number, action: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < chauffe; i++) await action()
  const durees: number[] = []
  for (let i = 0; i < fois; i++) {
    const t = performance.now()
    await action()
    durees.push(performance.now() - t)
  }
  return durees
}

const dossier = mkdtempSync(path.join(tmpdir(), 'aiguillage-bench-activite-'))
const moteur = values.moteur === 'postgresql' ? 'postgresql' : 'pglite'
const { base, nettoyer } = await ouvrirBaseDeBench(moteur, values.url, dossier)
try {
  const aujourdhui = aujourdhuiParis()
  const chargement = await charger(base, {
    accompagnements: Number(values.accompagnements),
    mediateurs: Number(values.mediateurs),
    lieux: Number(values.lieux),
    region: String(values.region),
    annees: 5,
    aujourdhui,
    paralleles: moteur === 'pglite' ? 1 : 3,
    journal,
  })

  // the busiest département of the région, over the last 12 months
  const [departement] = [...chargement.accompagnementsParDepartement].sort((a, b) => b[1] - a[1])
  const territoire = lireTerritoire(`departement:${departement?.[0] ?? '69'}`, referentiel())
  const filtres = { du: ajouterMois(premierDuMois(aujourdhui), -11), au: aujourdhui }
  let resultat: Awaited<ReturnType<typeof tableauDeBord>> | undefined
  const mesures = Number(values.mesures)
  const direct = await chronometrer(mesures, 2, async () => (resultat = await tableauDeBord(base.db, { territoire }, filtres, { aujourdhui })))
  journal(`tableau de bord (${territoire.nom}) : médiane ${resume(direct).mediane.toFixed(0)} ms`)

  // the same page over HTTP, signed in as the département's coordinator
  const compte = await creerCompte(base, 'coordination@banc.example', [{ role: 'coordinateur', territoire: `departement:${territoire.code}` }])
  const serveur = await servir(base)
  let http: { statut: number; mediane?: number; p95?: number; octets?: number }
  try {
    const nav = await seConnecter(serveur.url, compte)
    const chemin = `/espace/statistiques?du=${filtres.du}&au=${filtres.au}`
    const essai = await nav.get(chemin)
    const page = await essai.text()
    if (essai.status !== 200) http = { statut: essai.status }
    else http = { statut: 200, octets: Buffer.byteLength(page), ...resume(await chronometrer(mesures, 1, async () => (await nav.get(chemin)).text())) }
  } finally {
    await serveur.app.close()
    await serveur.orientation.arreter()
  }
  journal(`page HTTP : ${JSON.stringify(http)}`)

  // recording one activity: the row, its rollups (about 20 upserts), the audit line
  const mediateur = chargement.mediateurs.find((m) => m.departement === territoire.code) ?? chargement.mediateurs[0]
  if (!mediateur) throw new Error('aucun médiateur')
  const h = aleatoire(99)
  const profil = { debut: 0, fin: 1, communes: [] as string[] }
  const pool = { prendre: () => ({ id: '', nouveau: false }) }
  const nouvelle = () => {
    for (;;) {
      const { activite: a } = activite(h, aujourdhui, profil, String(mediateur.lieuUid), pool)
      if (a.type === 'individuel' && a.beneficiaireSuivi === undefined && a.commune === undefined) return a
    }
  }
  const enregistrement = await chronometrer(50, 5, () => enregistrerActivite(base.db, SYSTEME, { activite: nouvelle(), mediateurId: mediateur.id, lieuUid: mediateur.lieuUid }))
  journal(`enregistrement : médiane ${resume(enregistrement).mediane.toFixed(1)} ms`)

  const tailles = moteur === 'postgresql'
    ? await rangees(base.db, sql`select pg_total_relation_size('activites')::float8 as activites, pg_total_relation_size('stats_mensuelles')::float8 as cumuls`)
    : [{ activites: 0, cumuls: 0 }]
  const [lignesCumuls] = await rangees(base.db, sql`select count(*)::float8 as n from stats_mensuelles where mois >= ${filtres.du}::date and departement = ${territoire.code}`)
  process.stdout.write(
    `${JSON.stringify({
      moteur,
      accompagnements: chargement.accompagnements,
      activites: chargement.activites,
      beneficiaires: chargement.beneficiaires,
      liens: chargement.liens,
      cumuls: chargement.cumuls,
      generation: chargement.secondes,
      etapes: chargement.etapes,
      departement: { code: territoire.code, nom: territoire.nom, accompagnements12Mois: resultat?.statistiques.accompagnements.total, source: resultat?.statistiques.source, lignesDeCumuls: Number(lignesCumuls?.['n']) },
      tableauDeBord: resume(direct),
      http,
      enregistrement: resume(enregistrement),
      tailleActivitesMo: Number(tailles[0]?.['activites']) / 2 ** 20,
      tailleCumulsMo: Number(tailles[0]?.['cumuls']) / 2 ** 20,
    })}\n`,
  )
} finally {
  if (values.garder && moteur === 'postgresql') {
    await base.fermer()
    process.stderr.write(`Base gardée : ${base.emplacement}\n`)
    process.exit(0)
  }
  await nettoyer()
  rmSync(dossier, { recursive: true, force: true })
}
