/**
 * Gathering a territory's data for the indicators (I/O): only what the asked indicators need —
 * its published places (with weekly hours), its communes with population (referential) and
 * density level (if imported), the territorial diagnosis, the activity statistics of the period
 * (`src/activity/stats/`, never recounted), the imported QPV.
 */
import { and, count, eq, inArray } from 'drizzle-orm'
import { statistiques } from '../../activity/stats/requetes.ts'
import type { Db } from '../../platform/db/database.ts'
import { communesDensite, lieux, qpv as tableQpv } from '../../platform/db/schema.ts'
import { conditionTerritoire } from '../../places/registry/queries.ts'
import { referentiel } from '../../territories/referentiel.ts'
import type { Territoire } from '../../territories/territoire.ts'
import { diagnosticPourIndicateurs } from './diagnostic.ts'
import { heuresHebdomadaires } from '../diagnostic/index.ts'
import type { Besoin, CommuneIndicateur, DonneesTerritoire, LieuIndicateur, Periode, Qpv } from './catalogue/types.ts'

/** The current communes of a territory (codes), from the referential. */
export function communesDuTerritoire(territoire: Territoire): string[] {
  const ref = referentiel()
  if (territoire.type === 'commune' || territoire.type === 'epci') return territoire.communes.filter((c) => ref.communes.get(c)?.type === 'commune-actuelle')
  const codes: string[] = []
  for (const c of ref.communes.values()) {
    if (c.type !== 'commune-actuelle') continue
    if (territoire.type === 'departement' ? c.departement === territoire.code : c.region === territoire.code) codes.push(c.code)
  }
  return codes
}

export async function lieuxDuTerritoire(db: Db, territoire: Territoire): Promise<LieuIndicateur[]> {
  const lignes = await db
    .select({
      uid: lieux.uid,
      codeCommune: lieux.communeResolue,
      latitude: lieux.latitude,
      longitude: lieux.longitude,
      horaires: lieux.horaires,
      dispositifs: lieux.dispositif_programmes_nationaux,
      labels: lieux.formations_labels,
    })
    .from(lieux)
    .where(and(eq(lieux.statut, 'publie'), conditionTerritoire(territoire)))
  // the diagnosis' reference week; unreadable or empty hours (0 h) count as « no hours »
  return lignes.map((l) => {
    const heures = heuresHebdomadaires(l.horaires)
    return { ...l, heuresHebdo: heures > 0 ? Math.round(heures * 10) / 10 : null }
  })
}

async function communes(db: Db, territoire: Territoire): Promise<{ communes: CommuneIndicateur[]; densiteImportee: boolean }> {
  const ref = referentiel()
  const codes = communesDuTerritoire(territoire)
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(communesDensite)
  const niveaux = new Map<string, number>()
  if (n > 0 && codes.length > 0) {
    for (const l of await db.select().from(communesDensite).where(inArray(communesDensite.codeCommune, codes))) niveaux.set(l.codeCommune, l.niveau)
  }
  return { communes: codes.map((code) => ({ code, population: ref.communes.get(code)?.population ?? 0, densite: niveaux.get(code) ?? null })), densiteImportee: n > 0 }
}

/** The imported QPV of the territory, or null when no list was imported at all. */
export async function qpvDuTerritoire(db: Db, territoire: Territoire): Promise<Qpv[] | null> {
  const tous = await db.select({ code: tableQpv.code, nom: tableQpv.nom, codeCommune: tableQpv.codeCommune, latitude: tableQpv.latitude, longitude: tableQpv.longitude }).from(tableQpv)
  if (tous.length === 0) return null
  const codes = new Set(communesDuTerritoire(territoire))
  const ref = referentiel()
  // a QPV may be written with an arrondissement's code: count it in its commune
  return tous.filter((q) => codes.has(q.codeCommune) || codes.has(ref.communes.get(q.codeCommune)?.parent ?? ''))
}

export async function chargerDonnees(db: Db, territoire: Territoire, periode: Periode, besoins: ReadonlySet<Besoin>, aujourdhui: string): Promise<DonneesTerritoire> {
  const d: DonneesTerritoire = { territoire, periode, aujourdhui }
  if (besoins.has('lieux') || besoins.has('qpv')) d.lieux = await lieuxDuTerritoire(db, territoire)
  if (besoins.has('communes')) Object.assign(d, await communes(db, territoire))
  if (besoins.has('qpv')) d.qpv = await qpvDuTerritoire(db, territoire)
  if (besoins.has('statistiques')) d.statistiques = await statistiques(db, { territoire }, { du: periode.du, au: periode.au }, { aujourdhui })
  if (besoins.has('diagnostic')) d.diagnostic = await diagnosticPourIndicateurs(db, territoire, aujourdhui)
  return d
}
