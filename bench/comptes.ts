/**
 * The cost of accounts: argon2id hashing and verification (OWASP parameters), a sign-in over
 * HTTP (password checked, session written), and the throughput of a workspace page behind a
 * session (session and account read from the database on every request) next to a public page
 * (which reads no session). One JSON line.
 *
 *   node --import tsx bench/comptes.ts --lieux 10000 [--moteur pglite|postgresql --url …]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { sql } from 'drizzle-orm'
import { hacherMotDePasse, verifierMotDePasse } from '../src/accounts/secrets/mot-de-passe.ts'
import { creerCompte, seConnecter } from '../test/support/comptes.ts'
import { importerLieux, lieuxDemo, servir } from '../test/http/serveur-de-test.ts'
import { ouvrirBaseDeBench } from './bases.ts'

const { values } = parseArgs({ options: { lieux: { type: 'string', default: '10000' }, moteur: { type: 'string', default: 'pglite' }, url: { type: 'string' }, duree: { type: 'string', default: '5' } } })
const mediane = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

const hachages: number[] = []
const verifications: number[] = []
let empreinte = ''
for (let i = 0; i < 20; i++) {
  let t = performance.now()
  empreinte = await hacherMotDePasse('une phrase de passe pour la mesure')
  hachages.push(performance.now() - t)
  t = performance.now()
  await verifierMotDePasse(empreinte, 'une phrase de passe pour la mesure')
  verifications.push(performance.now() - t)
}

const dossier = mkdtempSync(path.join(tmpdir(), 'aiguillage-bench-comptes-'))
const { base, nettoyer } = await ouvrirBaseDeBench(values.moteur === 'postgresql' ? 'postgresql' : 'pglite', values.url, dossier)
await importerLieux(base, lieuxDemo(Number(values.lieux)))
const { rows } = (await base.db.execute(sql`select uid from lieux order by uid limit 1`)) as unknown as { rows: Array<{ uid: number }> }
const uid = Number(rows[0]?.uid)
const compte = await creerCompte(base, 'mesure@exemple.fr', [{ role: 'coordinateur', territoire: 'departement:73' }])
const s = await servir(base)
const connexions: number[] = []
let nav = await seConnecter(s.url, compte)
for (let i = 0; i < 20; i++) {
  const t = performance.now()
  nav = await seConnecter(s.url, compte)
  connexions.push(performance.now() - t)
}
const charge = async (chemin: string, cookie?: string) => {
  const options = { url: s.url, connections: 10, duration: Number(values.duree), requests: [{ method: 'GET' as const, path: chemin, ...(cookie ? { headers: { cookie } } : {}) }] }
  await autocannon({ ...options, duration: 1 })
  const r = await autocannon(options)
  return { rps: r.requests.average, p99: r.latency.p99, erreurs: r.errors + r.non2xx }
}
const espace = await charge(`/espace/lieux/${uid}`, nav.cookie)
const publique = await charge(`/lieux/${uid}`)
await s.app.close()
await s.orientation.arreter()
await nettoyer()
rmSync(dossier, { recursive: true, force: true })
process.stdout.write(
  `${JSON.stringify({
    moteur: base.moteur,
    lieux: Number(values.lieux),
    hachageMs: mediane(hachages),
    verificationMs: mediane(verifications),
    connexionMs: mediane(connexions),
    espace,
    publique,
  })}\n`,
)
