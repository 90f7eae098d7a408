/**
 * `npm run bench`: every benchmark, each measurement in its own process (clean memory), and a
 * table per part. PostgreSQL runs when BENCH_DATABASE_URL (or TEST_DATABASE_URL) points to a
 * server, else the local postgres://postgres@127.0.0.1:5432/test if it answers.
 *
 *   npm run bench                          # everything
 *   npm run bench -- --partie recherche    # registre | recherche | http | visite | ingestion | doublons | comptes | activite | diagnostic
 *   npm run bench -- --lieux 1000000 --partie registre
 *   npm run bench -- --partie activite --accompagnements 1000000   # PostgreSQL at that scale (10M by default), PGlite at 1M
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import pg from 'pg'

const ici = path.dirname(fileURLToPath(import.meta.url))
const { values } = parseArgs({ options: { lieux: { type: 'string', multiple: true }, partie: { type: 'string', multiple: true }, accompagnements: { type: 'string' } } })
const parties = new Set(values.partie ?? ['registre', 'recherche', 'http', 'visite', 'ingestion', 'doublons', 'comptes', 'activite', 'diagnostic'])

const f = (x: number, d = 1) => x.toLocaleString('fr-FR', { minimumFractionDigits: d, maximumFractionDigits: d })
const ent = (x: number) => Math.round(x).toLocaleString('fr-FR')

function mesurer<T>(script: string, args: string[], options: { gc?: boolean } = {}): T {
  const sortie = execFileSync(process.execPath, [...(options.gc ? ['--expose-gc', '--max-old-space-size=8000'] : []), '--import', 'tsx', path.join(ici, script), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_NO_WARNINGS: '1', TZ: 'Europe/Paris' },
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return JSON.parse(sortie.trim().split('\n').pop() ?? '{}') as T
}

function tableau(titre: string, lignes: string[][]): void {
  console.log(`\n${titre}`)
  console.log(`| ${lignes[0]?.join(' | ')} |`)
  console.log(`|${lignes[0]?.map(() => '---').join('|')}|`)
  for (const l of lignes.slice(1)) console.log(`| ${l.join(' | ')} |`)
}

async function urlPostgres(): Promise<string | undefined> {
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.end()
    return url
  } catch {
    return undefined
  }
}

console.log(`Machine : ${os.cpus().length} cœurs ${os.cpus()[0]?.model ?? ''}, ${Math.round(os.totalmem() / 2 ** 30)} Go, Node ${process.version}`)

if (parties.has('registre')) {
  interface Mesure { moteur: string; lieux: number; megaOctets: number; validation: number; importation: number; acceptes: number; rejetes: number; exportation: number; memoireMaxMo: number }
  const url = await urlPostgres()
  if (!url) console.log('PostgreSQL injoignable : registre mesuré sur PGlite seulement (définissez BENCH_DATABASE_URL).')
  const OBJECTIFS: Record<string, number> = { pglite: 20, postgresql: 10 }
  const lignes = [['moteur', 'lieux', 'fichier (Mo)', 'validation seule (s)', 'import (s)', 'lignes/s', 'acceptés', 'rejetés', 'export CSV (s)', 'import + export (s)', 'objectif à 100 000 (s)', 'mémoire max (Mo)']]
  for (const lieux of (values.lieux ?? ['10000', '100000']).map(Number)) {
    for (const moteur of url ? ['pglite', 'postgresql'] : ['pglite']) {
      const m = mesurer<Mesure>('registre.ts', ['--moteur', moteur, '--lieux', String(lieux), ...(url ? ['--url', url] : [])])
      lignes.push([m.moteur, ent(m.lieux), f(m.megaOctets), f(m.validation), f(m.importation), ent(m.lieux / m.importation), ent(m.acceptes), ent(m.rejetes), f(m.exportation), f(m.importation + m.exportation), m.lieux === 100_000 ? String(OBJECTIFS[m.moteur] ?? '') : '', ent(m.memoireMaxMo)])
    }
  }
  tableau('Registre des lieux : import (lecture, validation, communes, écriture en une transaction) et export CSV au standard v1.0.2', lignes)
}

if (parties.has('recherche')) {
  interface Mesure { lieux: number; generation: number; construction: number; memoireTasMo: number; latences: Record<string, { p50: number; p99: number; resultatsMoyens: number }> }
  const lignes = [['lieux', 'construction de l’index (s)', 'mémoire de l’index (Mo)', 'requête', 'p50 (ms)', 'p99 (ms)', 'résultats en moyenne']]
  for (const lieux of [10_000, 100_000, 1_000_000]) {
    const m = mesurer<Mesure>('recherche.ts', ['--lieux', String(lieux), '--requetes', '5000'], { gc: true })
    Object.entries(m.latences).forEach(([requete, l], i) =>
      lignes.push(i === 0 ? [ent(m.lieux), f(m.construction, 2), ent(m.memoireTasMo), requete, f(l.p50, 3), f(l.p99, 3), f(l.resultatsMoyens)] : ['', '', '', requete, f(l.p50, 3), f(l.p99, 3), f(l.resultatsMoyens)]),
    )
  }
  tableau('Recherche dans l’index en mémoire (dans le processus ; objectif : p99 ≤ 1 ms à 100 000 lieux)', lignes)
}

if (parties.has('http')) {
  interface Mesure { lieux: number; importation: number; requetesParSeconde: number; latenceP50: number; latenceP99: number; erreurs: number; octetsPageGzip: number; heure: string }
  const lignes = [['lieux', 'requêtes/s', 'latence p50 (ms)', 'latence p99 (ms)', 'erreurs', 'page gzip, feuille de style comprise (Ko)', 'mesuré un']]
  for (const lieux of (values.lieux ?? ['10000', '100000']).map(Number)) {
    const m = mesurer<Mesure>('http.ts', ['--lieux', String(lieux)])
    lignes.push([ent(m.lieux), ent(m.requetesParSeconde), f(m.latenceP50), f(m.latenceP99), ent(m.erreurs), f(m.octetsPageGzip / 1024), m.heure])
  }
  tableau('Page de résultats servie en HTTP (serveur et autocannon sur la même machine, 10 connexions, 3 s de chauffe puis 10 s, gzip ; objectif : ≥ 1 500 requêtes/s à 100 000 lieux, ≤ 30 Ko compressés)', lignes)
}

if (parties.has('visite') && existsSync(path.join(ici, 'premiere-visite.ts'))) {
  if (!existsSync('/usr/bin/chromium')) console.log('\nPremière visite : /usr/bin/chromium absent, mesure ignorée.')
  else execFileSync(process.execPath, ['--import', 'tsx', path.join(ici, 'premiere-visite.ts')], { stdio: 'inherit', env: { ...process.env, NODE_NO_WARNINGS: '1', TZ: 'Europe/Paris' } })
}

if (parties.has('ingestion')) {
  interface Mesure { moteur: string; lus: number; acceptes: number; importation: number; dedoublonnage: number; total: number; pairesComparees: number; fusionsAutomatiques: number; aExaminer: number; memoireMaxMo: number }
  const url = await urlPostgres()
  const lignes = [['moteur', 'lignes lues', 'acceptées', 'import des 8 fichiers (s)', 'dédoublonnage (s)', 'total (s)', 'paires comparées', 'fusions', 'à examiner', 'mémoire max (Mo)']]
  for (const moteur of url ? ['pglite', 'postgresql'] : ['pglite']) {
    const m = mesurer<Mesure>('ingestion.ts', ['--moteur', moteur, ...(url ? ['--url', url] : [])])
    lignes.push([m.moteur, ent(m.lus), ent(m.acceptes), f(m.importation), f(m.dedoublonnage), f(m.total), ent(m.pairesComparees), ent(m.fusionsAutomatiques), ent(m.aExaminer), ent(m.memoireMaxMo)])
  }
  tableau('Tous les fichiers réels de ../shared/data/lieux importés (chacun par son lecteur) puis dédoublonnés (objectif : < 15 s)', lignes)
}

if (parties.has('doublons')) {
  interface Mesure { moteur: string; lieux: number; doublonsInjectes: number; importation: number; dedoublonnage: number; total: number; pairesComparees: number; fusions: number; aExaminer: number; precision: number; rappel: number; memoireMaxMo: number }
  const url = await urlPostgres()
  const lignes = [['moteur', 'lieux', 'doublons injectés', 'import (s)', 'dédoublonnage (s)', 'total (s)', 'paires comparées', 'fusions', 'à examiner', 'précision', 'rappel', 'mémoire max (Mo)']]
  for (const lieux of (values.lieux ?? ['20000', '200000']).map(Number)) {
    for (const moteur of url ? ['pglite', 'postgresql'] : ['pglite']) {
      const m = mesurer<Mesure>('ingestion-doublons.ts', ['--moteur', moteur, '--lieux', String(lieux), ...(url ? ['--url', url] : [])])
      lignes.push([m.moteur, ent(m.lieux), ent(m.doublonsInjectes), f(m.importation), f(m.dedoublonnage), f(m.total), ent(m.pairesComparees), ent(m.fusions), ent(m.aExaminer), f(m.precision, 3), f(m.rappel, 3), ent(m.memoireMaxMo)])
    }
  }
  tableau('Lieux générés sur 4 sources avec doublons injectés : import de chaque source puis dédoublonnage en base (objectif : < 60 s à 200 000)', lignes)
  console.log('\nDédoublonnage seul, en mémoire (bench/dedoublonnage.ts) :')
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ici, 'dedoublonnage.ts')], { stdio: 'inherit', env: { ...process.env, NODE_NO_WARNINGS: '1' } })
  console.log('\nQualité sur les 386 paires étiquetées à la main (bench/dedup-qualite.ts) :')
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ici, 'dedup-qualite.ts')], { stdio: 'inherit', env: { ...process.env, NODE_NO_WARNINGS: '1' } })
}

if (parties.has('comptes')) {
  interface Charge { rps: number; p99: number; erreurs: number }
  interface Mesure { moteur: string; lieux: number; hachageMs: number; verificationMs: number; connexionMs: number; espace: Charge; publique: Charge }
  const url = await urlPostgres()
  const lignes = [['moteur', 'lieux', 'argon2id : hachage (ms)', 'vérification (ms)', 'connexion HTTP (ms)', 'fiche de l’espace (req/s, p99 ms)', 'page publique du lieu (req/s, p99 ms)']]
  for (const moteur of url ? ['pglite', 'postgresql'] : ['pglite']) {
    const m = mesurer<Mesure>('comptes.ts', ['--lieux', '10000', '--moteur', moteur, ...(url ? ['--url', url] : [])])
    lignes.push([m.moteur, ent(m.lieux), f(m.hachageMs), f(m.verificationMs), f(m.connexionMs), `${ent(m.espace.rps)} (${ent(m.espace.p99)})`, `${ent(m.publique.rps)} (${ent(m.publique.p99)})`])
  }
  tableau('Comptes : coût d’argon2id (paramètres OWASP), d’une connexion (mot de passe vérifié, session écrite) et d’une page derrière une session (session et compte lus à chaque requête) à côté d’une page publique (aucune session lue) ; serveur et autocannon dans le même processus, 10 connexions, 5 s', lignes)
}

if (parties.has('diagnostic')) {
  interface Mesure { moteur: string; echelle: string; communes: number; lieux: number; chargement: number; froid: number; mediane: number; p95: number; objectif: number }
  const url = await urlPostgres()
  const lignes = [['moteur', 'échelle', 'communes', 'lieux', 'chargement (s)', 'premier diagnostic, heures à calculer (ms)', 'diagnostic médiane (ms)', 'p95 (ms)', 'objectif (ms)', '']]
  for (const echelle of ['region', 'france']) {
    for (const moteur of url ? ['pglite', 'postgresql'] : ['pglite']) {
      const m = mesurer<Mesure>('diagnostic.ts', ['--moteur', moteur, '--echelle', echelle, ...(url && moteur === 'postgresql' ? ['--url', url] : [])], { gc: true })
      lignes.push([m.moteur, m.echelle, ent(m.communes), ent(m.lieux), f(m.chargement), ent(m.froid), ent(m.mediane), ent(m.p95), ent(m.objectif), m.p95 <= m.objectif ? '✓' : '✗'])
    }
  }
  tableau('Diagnostic territorial complet depuis la base (lecture comprise : communes, positions, lieux, heures, IFN, activité ; 7 mesures après un premier calcul ; objectif : région ≤ 2 s, France ≤ 20 s)', lignes)
}

if (parties.has('activite')) {
  interface Duree { mediane: number; p95: number }
  interface Mesure {
    moteur: string; accompagnements: number; activites: number; cumuls: number; generation: number; departement: { nom: string; code: string; lignesDeCumuls: number }
    tableauDeBord: Duree; http: { statut: number; mediane?: number; p95?: number }; enregistrement: Duree
  }
  const url = await urlPostgres()
  const ms = (d: number) => f(d, 0)
  const lignes = [['moteur', 'accompagnements', 'activités', 'lignes de cumuls', 'génération (s)', 'département', 'tableau de bord 12 mois : médiane / p95 (ms)', 'objectif ≤ 300 ms', 'page HTTP : médiane / p95 (ms)', 'enregistrer une activité : médiane / p95 (ms)']]
  const series: Array<[string, string]> = [...(url ? [['postgresql', values.accompagnements ?? '10000000'] as [string, string]] : []), ['pglite', '1000000']]
  if (!url) console.log('PostgreSQL injoignable : activité mesurée sur PGlite seulement (définissez BENCH_DATABASE_URL).')
  for (const [moteur, accompagnements] of series) {
    const m = mesurer<Mesure>('activite.ts', ['--moteur', moteur, '--accompagnements', accompagnements, ...(url && moteur === 'postgresql' ? ['--url', url] : [])], { gc: true })
    const h = m.http.mediane === undefined ? `page absente (${m.http.statut})` : `${ms(m.http.mediane)} / ${ms(m.http.p95 ?? 0)}`
    lignes.push([m.moteur, ent(m.accompagnements), ent(m.activites), ent(m.cumuls), ent(m.generation), `${m.departement.nom} (${m.departement.code})`, `${ms(m.tableauDeBord.mediane)} / ${ms(m.tableauDeBord.p95)}`, m.tableauDeBord.mediane <= 300 ? '✓' : '✗', h, `${f(m.enregistrement.mediane)} / ${f(m.enregistrement.p95)}`])
  }
  tableau('Activités : 5 ans d’accompagnements (2 000 médiateurs, 1 500 lieux d’une région), tableau de bord d’un coordinateur pour le département le plus actif sur 12 mois (20 mesures après 2 de chauffe) et coût d’un enregistrement (ligne, cumuls, journal)', lignes)
}
