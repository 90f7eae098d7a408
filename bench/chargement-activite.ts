/**
 * Loads the activity benchmark's data into a fresh database, fast: places of a région (the demo
 * generator, through the real importer), structures, mediators' accounts, then for each mediator
 * its activities (bench/donnees-activite.ts), followed beneficiaries and links, and its monthly
 * rollups summed in memory from the pure `contributions()` — all sent as big
 * `INSERT … SELECT FROM unnest($arrays)` statements, several at once, with the secondary indexes
 * dropped during the load and rebuilt after (what a bulk load does), foreign-key triggers off when
 * the role may (`session_replication_role`). Checks that the rollups' total equals the activities'.
 */
import { sql } from 'drizzle-orm'
import { contributions, moisDe } from '../src/activity/domain/cumuls.ts'
import { accompagnementsDe } from '../src/activity/domain/comptage.ts'
import { aleatoire, genererLieux } from '../src/demo/generator.ts'
import { communesSituees } from '../src/demo/positions.ts'
import type { Base } from '../src/platform/db/database.ts'
import { importer } from '../src/places/registry/import.ts'
import { referentiel } from '../src/territories/referentiel.ts'
import { activite, dates, genre, partDuVolume, type PoolSuivis, type ProfilMediateur, statut, trancheAge } from '../src/demo/activites.ts'
import { reconstruireSuivis } from '../src/activity/store/suivis.ts'
import { Colonnes, deposerIndex, Envoi, rangees } from './ecriture-activite.ts'

export interface OptionsChargement {
  accompagnements: number
  mediateurs: number
  lieux: number
  region: string
  annees: number
  aujourdhui: string
  paralleles: number
  graine?: number
  journal?: (message: string) => void
}

export interface MediateurCharge {
  id: number
  lieuUid: number
  departement: string
}

export interface Chargement {
  secondes: number
  etapes: Record<string, number>
  activites: number
  accompagnements: number
  beneficiaires: number
  liens: number
  cumuls: number
  mediateurs: MediateurCharge[]
  accompagnementsParDepartement: Map<string, number>
}

const uuid = (famille: string, n: number) => `00000000-0000-7000-${famille}-${n.toString(16).padStart(12, '0')}`

export async function charger(base: Base, o: OptionsChargement): Promise<Chargement> {
  const debut = performance.now()
  const etapes: Record<string, number> = {}
  let top = performance.now()
  const etape = (nom: string) => {
    etapes[nom] = (performance.now() - top) / 1000
    top = performance.now()
    o.journal?.(`${nom} : ${etapes[nom]?.toFixed(1)} s`)
  }
  const h = aleatoire(o.graine ?? 6)
  const ref = referentiel()
  const departements = [...ref.departements.values()].filter((d) => d.region === o.region).map((d) => d.code)

  // places, through the real importer
  const communes = communesSituees(ref, departements)
  const lignesLieux = [...genererLieux({ communes, nombre: o.lieux, graine: o.graine ?? 6, prefixe: 'bench', source: 'Banc d’essai' })]
  await importer(base, { source: 'Banc d’essai', demo: true, nomFichier: 'lieux.json', octets: Buffer.from(JSON.stringify(lignesLieux)), conserverAbsents: true })
  const lieux = (await rangees(base.db, sql`select uid::int as uid, nom, commune_resolue as insee, code_departement as dep from lieux where commune_resolue is not null order by uid`)).map((l) => ({
    uid: Number(l['uid']), nom: String(l['nom']), insee: String(l['insee']), dep: String(l['dep']),
  }))
  etape('lieux')

  // structures: a commune's places share one structure (« Ville de … ») about one time in three
  const structureDe = new Map<number, number>()
  const structures = new Colonnes(2)
  const parCommune = new Map<string, number>()
  for (const l of lieux) {
    const partagee = h() < 0.33 ? parCommune.get(l.insee) : undefined
    if (partagee !== undefined) structureDe.set(l.uid, partagee)
    else {
      const id = structures.longueur + 1
      structures.ajouter(id, l.nom)
      structureDe.set(l.uid, id)
      if (!parCommune.has(l.insee)) parCommune.set(l.insee, id)
    }
  }
  const [ids, noms] = structures.vider()
  await base.db.execute(sql`insert into structures (id, nom) select * from unnest(${sql.param(ids)}::int[], ${sql.param(noms)}::text[])`)
  await base.db.execute(sql`select setval('structures_id_seq', (select max(id) from structures))`)
  const uidsLieux = lieux.map((l) => l.uid)
  await base.db.execute(sql`insert into lieux_structures (lieu_uid, structure_id) select * from unnest(${sql.param(uidsLieux)}::int8[], ${sql.param(uidsLieux.map((u) => structureDe.get(u) as number))}::int[])`)

  // mediators: one per place, the others in the larger communes; a few communes around each
  const population = (insee: string) => Math.max(50, ref.communes.get(insee)?.population ?? 50)
  const poidsLieux = lieux.map((l) => Math.sqrt(population(l.insee)))
  const totalPoids = poidsLieux.reduce((a, b) => a + b, 0)
  const lieuDuMediateur = (i: number) => {
    if (i < lieux.length) return lieux[i] as (typeof lieux)[number]
    let u = h() * totalPoids
    for (let k = 0; k < lieux.length; k++) if ((u -= poidsLieux[k] ?? 0) < 0) return lieux[k] as (typeof lieux)[number]
    return lieux[0] as (typeof lieux)[number]
  }
  const communesDuDepartement = new Map(departements.map((d) => [d, communes.filter((c) => c.commune.departement === d).map((c) => c.commune.code)]))
  const mediateurs = Array.from({ length: o.mediateurs }, (_, i) => {
    const lieu = lieuDuMediateur(i)
    const proches = communesDuDepartement.get(lieu.dep) ?? []
    const autour = Array.from({ length: 5 }, () => proches[Math.floor(h() * h() * proches.length)] as string)
    const debutPeriode = h() < 0.4 ? 0 : h() * 0.9
    const profil: ProfilMediateur = { debut: debutPeriode, fin: h() < 0.7 ? 1 : Math.min(1, debutPeriode + 0.1 + h() * (1 - debutPeriode)), communes: [lieu.insee, ...autour] }
    return { id: i + 1, lieu, profil, poids: Math.exp(0.5 * (h() + h() + h() - 1.5) * 2) }
  })
  const ids1 = mediateurs.map((m) => m.id)
  await base.db.execute(sql`insert into utilisateurs (id, courriel, nom, statut) select i, 'mediateur-' || i || '@banc.example', 'Médiateur n° ' || i, 'actif' from unnest(${sql.param(ids1)}::int[]) as t(i)`)
  await base.db.execute(sql`select setval('utilisateurs_id_seq', ${o.mediateurs})`)
  await base.db.execute(sql`insert into habilitations (utilisateur_id, role, lieu_uid) select * from unnest(${sql.param(ids1)}::int[], ${sql.param(ids1.map(() => 'mediateur'))}::text[], ${sql.param(mediateurs.map((m) => m.lieu.uid))}::int8[])`)
  etape('structures et comptes')

  // activities, mediator by mediator
  const restaurer = await deposerIndex(base.db, base.moteur === 'pglite' ? '128MB' : '1GB')
  const envoi = await Envoi.ouvrir(base.db, o.paralleles)
  const finMs = Date.parse(`${o.aujourdhui}T00:00:00Z`)
  const dureeMs = o.annees * 365.25 * 86_400_000
  const debutMs = finMs - dureeMs
  const volume = mediateurs.reduce((t, m) => t + m.poids * partDuVolume(m.profil), 0)
  const act = new Colonnes(24)
  const benef = new Colonnes(9)
  const liens = new Colonnes(3)
  const cumuls = new Colonnes(11)
  const parDepartement = new Map<string, number>()
  /** The per-département rollups (`stats_departements`), when the schema has them: the same sums without mediator, place nor commune. */
  const departementaux = new Map<string, [number, number]>()
  let nActivites = 0
  let nAccompagnements = 0
  let nBeneficiaires = 0
  let nLiens = 0
  let nCumuls = 0
  const vider = async (force: boolean) => {
    if (act.longueur >= 5000 || (force && act.longueur > 0)) await envoi.activites(act.vider())
    if (benef.longueur >= 5000 || (force && benef.longueur > 0)) await envoi.beneficiaires(benef.vider())
    if (liens.longueur >= 10_000 || (force && liens.longueur > 0)) await envoi.liens(liens.vider())
    if (cumuls.longueur >= 20_000 || (force && cumuls.longueur > 0)) await envoi.cumuls(cumuls.vider())
  }
  for (const m of mediateurs) {
    const structureId = structureDe.get(m.lieu.uid) as number
    const attendu = (o.accompagnements * m.poids * partDuVolume(m.profil)) / volume
    const jours = dates(h, m.profil, Math.max(1, Math.round(attendu / 2.2)), debutMs, dureeMs)
    const pool: string[] = []
    const suivis: PoolSuivis = {
      prendre: (h2, date, exclus) => {
        if (pool.length > 0 && h2() >= 0.3) {
          const id = pool[Math.floor(h2() * pool.length)] as string
          if (!exclus?.has(id)) return { id, nouveau: false }
        }
        const id = uuid('9000', ++nBeneficiaires)
        pool.push(id)
        benef.ajouter(id, structureId, m.id, genre(h2), trancheAge(h2), statut(h2), h2() < 0.5 ? m.profil.communes[0] : null, date, `${date}T17:00:00Z`)
        return { id, nouveau: true }
      },
    }
    const sommes = new Map<string, [number, number]>()
    for (const date of jours) {
      const { activite: a, suivis: s } = activite(h, date, m.profil, String(m.lieu.uid), suivis)
      const id = uuid('8000', ++nActivites)
      const ailleurs = a.commune !== undefined
      const insee = ailleurs ? (a.commune as string) : m.lieu.insee
      const dep = ailleurs ? (ref.communes.get(insee)?.departement ?? m.lieu.dep) : m.lieu.dep
      const n = accompagnementsDe(a)
      nAccompagnements += n
      parDepartement.set(dep, (parDepartement.get(dep) ?? 0) + n)
      act.ajouter(
        id, m.id, structureId, m.lieu.uid, a.type, date, a.duree, a.typeLieu, insee, dep, `{${a.thematiques.join(',')}}`, `{${a.thematiquesDemarche.join(',')}}`,
        a.precisionsDemarche ?? null, `{${a.materiel.join(',')}}`, a.type === 'individuel' ? (a.autonomie ?? null) : null, a.type === 'individuel' && a.orienteVersStructure,
        a.type === 'individuel' ? (a.structureDeRedirection ?? null) : null, a.type === 'collectif' ? (a.titreAtelier ?? null) : null, a.type === 'collectif' ? (a.niveau ?? null) : null,
        n, JSON.stringify(a.type === 'individuel' ? (a.beneficiaireAnonyme ?? null) : a.participants), `${date}T17:00:00Z`, null, null,
      )
      for (const x of s) liens.ajouter(id, x.id, x.nouveau)
      nLiens += s.length
      const prefixe = `${moisDe(date)}\u0001${dep}\u0001${insee}\u0001${a.type}\u0001`
      for (const c of contributions(a)) {
        const k = `${prefixe}${c.dimension}\u0001${c.valeur}`
        const v = sommes.get(k)
        if (v) {
          v[0] += c.accompagnements
          v[1] += c.activites
        } else sommes.set(k, [c.accompagnements, c.activites])
      }
    }
    for (const [k, [acc, nb]] of sommes) {
      const [mois, dep, insee, type, dimension, valeur] = k.split('\u0001')
      cumuls.ajouter(mois, dep, insee, structureId, m.lieu.uid, m.id, type, dimension, valeur, acc, nb)
      const kd = `${dep}\u0001${mois}\u0001${type}\u0001${dimension}\u0001${valeur}`
      const d = departementaux.get(kd)
      if (d) {
        d[0] += acc
        d[1] += nb
      } else departementaux.set(kd, [acc, nb])
    }
    nCumuls += sommes.size
    await vider(false)
    if (m.id % 200 === 0) o.journal?.(`  ${m.id} médiateurs, ${nActivites.toLocaleString('fr-FR')} activités, ${nAccompagnements.toLocaleString('fr-FR')} accompagnements`)
  }
  await vider(true)
  await envoi.fin()
  const [table] = await rangees(base.db, sql`select to_regclass('stats_departements') is not null as existe`)
  if (table?.['existe']) {
    const parDep = new Colonnes(7)
    for (const [k, [acc, nb]] of departementaux) parDep.ajouter(...k.split('\u0001'), acc, nb)
    const c = parDep.vider()
    await base.db.execute(sql`insert into stats_departements (departement, mois, type, dimension, valeur, accompagnements, activites)
      select * from unnest(${sql.param(c[0])}::text[], ${sql.param(c[1])}::date[], ${sql.param(c[2])}::text[], ${sql.param(c[3])}::text[], ${sql.param(c[4])}::text[], ${sql.param(c[5])}::int8[], ${sql.param(c[6])}::int8[])`)
  }
  etape('activités et cumuls')
  await restaurer()
  etape('index reconstruits')
  const [suivis] = await rangees(base.db, sql`select to_regclass('stats_suivis') is not null as existe`)
  if (suivis?.['existe']) {
    await reconstruireSuivis(base.db)
    etape('suivis par mois')
  }
  // what autovacuum does after a bulk load: statistics, and the visibility map that lets the
  // dashboards' covering indexes answer without reading the tables' rows
  await base.db.execute(sql`vacuum analyze`)
  etape('vacuum analyze')
  const [verif] = await rangees(base.db, sql`select (select coalesce(sum(accompagnements), 0) from activites)::float8 as a, (select coalesce(sum(accompagnements), 0) from stats_mensuelles where dimension = 'total')::float8 as c`)
  if (Number(verif?.['a']) !== nAccompagnements || Number(verif?.['c']) !== nAccompagnements) throw new Error(`Totaux incohérents : ${JSON.stringify(verif)} pour ${nAccompagnements}`)
  return {
    secondes: (performance.now() - debut) / 1000,
    etapes,
    activites: nActivites,
    accompagnements: nAccompagnements,
    beneficiaires: nBeneficiaires,
    liens: nLiens,
    cumuls: nCumuls,
    mediateurs: mediateurs.map((m) => ({ id: m.id, lieuUid: m.lieu.uid, departement: m.lieu.dep })),
    accompagnementsParDepartement: parDepartement,
  }
}

