/**
 * Gathering a territory's data for the indicators (I/O): only what the asked indicators need —
 * its published places (with weekly hours, through the diagnosis' `diagnostic_heures` cache), its communes with population (referential) and
 * density level (if imported), the territorial diagnosis, the activity statistics of the period
 * (`src/activity/stats/`, never recounted), the imported QPV.
 */
import { and, count, eq, inArray, sql } from 'drizzle-orm'
import { statistiques } from '../../activity/stats/requetes.ts'
import type { Db } from '../../platform/db/database.ts'
import { communesDensite, diagnosticHeures, lieux, qpv as tableQpv } from '../../platform/db/schema.ts'
import { conditionTerritoire } from '../../places/registry/queries.ts'
import { referentiel } from '../../territories/referentiel.ts'
import type { Territoire } from '../../territories/territoire.ts'
import { diagnosticPourIndicateurs } from './diagnostic.ts'
import { communesDuTerritoire, heuresEnCache } from '../diagnostic/index.ts'
import type { Besoin, CommuneIndicateur, DonneesTerritoire, LieuIndicateur, Periode, Qpv } from './catalogue/types.ts'

/** Published places of the territory, with their weekly hours from the diagnosis' cache (`diagnostic_heures`). */
export async function lieuxDuTerritoire(db: Db, territoire: Territoire): Promise<LieuIndicateur[]> {
  const lignes = await db
    .select({
      uid: lieux.uid,
      codeCommune: lieux.communeResolue,
      latitude: lieux.latitude,
      longitude: lieux.longitude,
      horaires: lieux.horaires,
      heures: diagnosticHeures.heures,
      dispositifs: lieux.dispositif_programmes_nationaux,
      labels: lieux.formations_labels,
    })
    .from(lieux)
    .leftJoin(diagnosticHeures, eq(diagnosticHeures.empreinte, sql`md5(${lieux.horaires})`))
    .where(and(eq(lieux.statut, 'publie'), conditionTerritoire(territoire)))
  // the diagnosis' reference week; unreadable or empty hours (0 h) count as « no hours »
  const heures = await heuresEnCache(db, lignes)
  return lignes.map(({ heures: _, ...l }, n) => {
    const h = heures[n] ?? 0
    return { ...l, heuresHebdo: h > 0 ? Math.round(h * 10) / 10 : null }
  })
}

async function communes(db: Db, territoire: Territoire): Promise<{ communes: CommuneIndicateur[]; densiteImportee: boolean }> {
  const ref = referentiel()
  const codes = communesDuTerritoire(territoire, ref)
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
  const ref = referentiel()
  const codes = new Set(communesDuTerritoire(territoire, ref))
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
