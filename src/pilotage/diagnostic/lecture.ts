/**
 * Reads what the diagnosis engine needs from the database, in few queries: the territory's
 * communes (referential, positions from `src/geo`), the published places with coordinates in
 * the territory's box widened by 20 km (a commune at the border may be served by the next
 * département's place) with their weekly hours from the `diagnostic_heures` cache (values not
 * yet known are computed once and stored), the IFN of the communes and of their EPCI, and the
 * activity of the period from the monthly rollups (`stats_mensuelles`).
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { chargerPositions } from '../../geo/chargement.ts'
import type { Referentiel } from '../../territories/referentiel.ts'
import type { Territoire } from '../../territories/territoire.ts'
import { lireIfn } from '../fragilite/lecture.ts'
import { heuresHebdomadaires } from './domaine/heures.ts'
import type { ActiviteCommune, CommuneDiagnostic, Ifn, LieuDiagnostic } from './domaine/types.ts'

export const MARGE_KM = 20

type Rangee = Record<string, unknown>
const rangees = async (db: Db, requete: ReturnType<typeof sql>): Promise<Rangee[]> => ((await db.execute(requete)) as unknown as { rows: Rangee[] }).rows

/** The current communes (arrondissements aside: their commune carries the population) of a territory; null = all of them. */
export function communesDuTerritoire(territoire: Territoire | null, ref: Referentiel): string[] {
  const codes: string[] = []
  for (const c of ref.communes.values()) {
    if (c.type !== 'commune-actuelle') continue
    if (
      territoire === null ||
      (territoire.type === 'departement' && c.departement === territoire.code) ||
      (territoire.type === 'region' && c.region === territoire.code) ||
      ((territoire.type === 'epci' || territoire.type === 'commune') && territoire.communes.includes(c.code))
    ) {
      codes.push(c.code)
    }
  }
  return codes
}

/** The communes with their population and position (approximate when not the official centre). */
export async function lireCommunes(db: Db, codes: readonly string[], ref: Referentiel): Promise<CommuneDiagnostic[]> {
  const positions = await chargerPositions(db, ref)
  return codes.map((code) => {
    const c = ref.communes.get(code)
    const p = positions.position(code)
    return {
      code,
      nom: c?.nom ?? code,
      codeDepartement: c?.departement ?? '',
      population: c?.population ?? 0,
      position: p ? { latitude: p.latitude, longitude: p.longitude, approximative: p.approximative } : null,
    }
  })
}

/** The box of the communes' positions widened by `margeKm`, or undefined (no position, or all of France). */
function boite(communes: readonly CommuneDiagnostic[], margeKm: number) {
  let [s, n, o, e] = [90, -90, 180, -180]
  for (const c of communes) {
    if (!c.position) continue
    s = Math.min(s, c.position.latitude)
    n = Math.max(n, c.position.latitude)
    o = Math.min(o, c.position.longitude)
    e = Math.max(e, c.position.longitude)
  }
  if (s > n) return undefined
  const dLat = margeKm / 111.19
  const dLon = margeKm / (111.19 * Math.max(0.01, Math.cos((Math.max(Math.abs(s), Math.abs(n)) * Math.PI) / 180)))
  return { s: s - dLat, n: n + dLat, o: o - dLon, e: e + dLon }
}

/**
 * Published places with coordinates near the communes (`tout`: every one), with their weekly
 * hours. Hours of values not yet in `diagnostic_heures` are computed once per distinct value
 * and stored (a concurrent insert of the same value is harmless: same answer).
 */
export async function lireLieux(db: Db, communes: readonly CommuneDiagnostic[], tout: boolean): Promise<LieuDiagnostic[]> {
  const b = tout ? undefined : boite(communes, MARGE_KM)
  if (!tout && !b) return []
  const dansLaBoite = b ? sql`and l.latitude between ${b.s} and ${b.n} and l.longitude between ${b.o} and ${b.e}` : sql``
  const lignes = await rangees(
    db,
    sql`select l.uid::float8 as uid, l.nom, l.latitude, l.longitude, l.services, l.code_departement as dep, h.heures,
        case when h.empreinte is null and l.horaires is not null then l.horaires end as horaires
      from lieux l left join diagnostic_heures h on h.empreinte = md5(l.horaires)
      where l.statut = 'publie' and l.latitude is not null and l.longitude is not null ${dansLaBoite}`,
  )
  const heures = await heuresEnCache(db, lignes.map((l) => ({ heures: l['heures'] != null ? Number(l['heures']) : null, horaires: typeof l['horaires'] === 'string' ? l['horaires'] : null })))
  return lignes.map((l, n) => ({
    uid: Number(l['uid']),
    nom: String(l['nom']),
    latitude: Number(l['latitude']),
    longitude: Number(l['longitude']),
    services: (l['services'] as string[] | null) ?? [],
    heuresHebdo: heures[n] ?? 0,
    codeDepartement: (l['dep'] as string | null) ?? null,
  }))
}

/**
 * The weekly hours of rows read with a left join on `diagnostic_heures` (`heures`: the cached
 * value, null on a miss; `horaires`: the `opening_hours` value): cached ones as they are, the
 * others computed once per distinct value and stored. 0 for a row without hours. Shared by the
 * diagnosis and the indicators (`src/pilotage/indicateurs/donnees.ts`).
 */
export async function heuresEnCache(db: Db, lignes: ReadonlyArray<{ heures: number | null; horaires: string | null }>): Promise<number[]> {
  const nouvelles = new Map<string, number>()
  for (const l of lignes) if (l.heures === null && l.horaires !== null && !nouvelles.has(l.horaires)) nouvelles.set(l.horaires, heuresHebdomadaires(l.horaires))
  if (nouvelles.size > 0) await enregistrerHeures(db, nouvelles)
  return lignes.map((l) => l.heures ?? (l.horaires !== null ? (nouvelles.get(l.horaires) ?? 0) : 0))
}

async function enregistrerHeures(db: Db, heures: ReadonlyMap<string, number>): Promise<void> {
  const liste = [...heures]
  for (let i = 0; i < liste.length; i += 2000) {
    const json = JSON.stringify(liste.slice(i, i + 2000))
    await db.execute(sql`insert into diagnostic_heures (empreinte, heures)
      select md5(x->>0), (x->>1)::float8 from jsonb_array_elements(${json}::jsonb) as x
      on conflict (empreinte) do nothing`)
  }
}

/** The IFN of each commune: its own, else its EPCI's (flagged `source: 'epci'`). */
export async function lireIfnDesCommunes(db: Db, codes: readonly string[], ref: Referentiel, tout: boolean): Promise<Map<string, Ifn>> {
  const epcis = [...new Set(codes.flatMap((c) => ref.epciDeCommune.get(c) ?? []))]
  const { communes, epci } = await lireIfn(db, tout ? undefined : { communes: codes, epci: epcis })
  const resultat = new Map<string, Ifn>()
  for (const code of codes) {
    const propre = communes.get(code)
    const siren = ref.epciDeCommune.get(code)
    const parEpci = siren ? epci.get(siren) : undefined
    if (propre && (propre.total !== null || !parEpci)) resultat.set(code, propre)
    else if (parEpci) resultat.set(code, { ...parEpci, source: 'epci' })
    else if (propre) resultat.set(code, propre)
  }
  return resultat
}

/**
 * The activity of the period by commune, from the rollups (whole months): beneficiaries by
 * commune of residence — anonymous ones from the per-département rollups (`residence`), followed
 * ones counted once each from the followed people per month (`stats_suivis`) — and
 * accompaniments by commune of the activity (`total` rows, read from their covering index). Read
 * for the territory's départements and those of the places near it (residents are accompanied
 * nearby); all of them for all of France.
 */
export async function lireActivite(db: Db, departements: readonly string[] | undefined, moisDu: string, moisAu: string): Promise<Map<string, ActiviteCommune>> {
  if (departements && departements.length === 0) return new Map()
  const dans = departements ? sql`s.departement in (${sql.join(departements.map((d) => sql`${d}`), sql`, `)}) and` : sql``
  const periode = sql`s.mois >= ${moisDu}::date and s.mois <= ${moisAu}::date`
  const [anonymes, suivis, accompagnements] = await Promise.all([
    rangees(db, sql`select s.valeur as code, sum(s.accompagnements)::float8 as n from stats_departements s where ${dans} ${periode} and s.dimension = 'residence' group by 1`),
    rangees(db, sql`select s.commune_residence as code, count(distinct s.beneficiaire_id)::float8 as n from stats_suivis s where ${dans} ${periode} and s.commune_residence is not null group by 1`),
    rangees(db, sql`select s.code_insee as code, sum(s.accompagnements)::float8 as n from stats_mensuelles s where ${dans} ${periode} and s.dimension = 'total' group by 1`),
  ])
  const resultat = new Map<string, ActiviteCommune>()
  const ajouter = (lignes: readonly Record<string, unknown>[], champ: keyof ActiviteCommune) => {
    for (const l of lignes) {
      const code = String(l['code'] ?? '')
      if (code === '') continue
      const a = resultat.get(code) ?? { beneficiaires: 0, accompagnements: 0 }
      a[champ] += Number(l['n'])
      resultat.set(code, a)
    }
  }
  ajouter(anonymes, 'beneficiaires')
  ajouter(suivis, 'beneficiaires')
  ajouter(accompagnements, 'accompagnements')
  return resultat
}
