/**
 * A de-duplication run over the published places of the registry: candidate pairs by blocking,
 * an explainable score for each (`rules/`), the decisions of coordinators applied (« lieux
 * différents » never merge, « même lieu » always do), pairs above the high threshold merged
 * automatically, pairs in the grey zone put in the review queue. One transaction: the registry
 * moves from one consistent state to the next.
 */
import { sql } from 'drizzle-orm'
import type { Base, Db } from '../platform/db/database.ts'
import { decisions, mettreEnFile, type PaireAExaminer } from './decisions.ts'
import { fusionnerEnMasse, type Groupe } from './fusion.ts'
import { comparer, pairesCandidates, regrouper, type FicheComparee, type Raison } from './regles.ts'

export interface BilanDedoublonnage {
  lieux: number
  pairesComparees: number
  fusionsAutomatiques: number
  fusionsDecidees: number
  aExaminer: number
  /** Pairs set apart by a decision « lieux différents ». */
  ecartees: number
  dureeMs: number
}

interface LigneFiche {
  uid: number
  nom: string
  adresse: string
  complement_adresse: string | null
  code_postal: string
  commune: string
  commune_resolue: string | null
  code_insee: string | null
  latitude: number | null
  longitude: number | null
  pivot: string
  telephone: string | null
  courriels: string[]
  site_web: string[]
  typologie: string[]
  dispositif_programmes_nationaux: string[]
  cles: string[]
  sources: string[]
}

/** Published places as the rules see them; `cles` are the keys of each place's records. */
export async function chargerFiches(db: Db): Promise<{ fiches: FicheComparee[]; uids: number[]; cles: string[][] }> {
  const { rows } = (await db.execute(sql`
    select l.uid, l.nom, l.adresse, l.complement_adresse, l.code_postal, l.commune, l.commune_resolue, l.code_insee,
      l.latitude, l.longitude, l.pivot, l.telephone, l.courriels, l.site_web, l.typologie, l.dispositif_programmes_nationaux
    from lieux l where l.statut = 'publie' order by l.uid`)) as unknown as { rows: LigneFiche[] }
  // the keys of each place's records (`source:id`), in a second plain query: cheaper than grouping
  const { rows: enregistrements } = (await db.execute(sql`
    select r.lieu_uid, s.name, r.record_id from source_records r join sources s on s.id = r.source_id
    join lieux l on l.uid = r.lieu_uid where l.statut = 'publie'`)) as unknown as { rows: Array<{ lieu_uid: number; name: string; record_id: string }> }
  const parLieu = new Map<number, Array<{ cle: string; source: string }>>()
  for (const e of enregistrements) {
    const liste = parLieu.get(Number(e.lieu_uid)) ?? []
    liste.push({ cle: `${e.name}:${e.record_id}`, source: e.name })
    parLieu.set(Number(e.lieu_uid), liste)
  }
  for (const l of rows) {
    const liste = (parLieu.get(Number(l.uid)) ?? []).sort((a, b) => (a.cle < b.cle ? -1 : a.cle > b.cle ? 1 : 0))
    l.cles = liste.map((e) => e.cle)
    l.sources = liste.map((e) => e.source)
  }
  const fiches = rows.map(
    (l): FicheComparee => ({
      cle: l.cles[0] ?? String(l.uid),
      source: l.sources[0] ?? '',
      nom: l.nom,
      adresse: l.adresse,
      complement_adresse: l.complement_adresse,
      code_postal: l.code_postal,
      commune: l.commune,
      code_insee: l.commune_resolue ?? l.code_insee,
      latitude: l.latitude,
      longitude: l.longitude,
      pivot: l.pivot,
      telephone: l.telephone,
      courriels: l.courriels,
      site_web: l.site_web,
      typologie: l.typologie,
      dispositif_programmes_nationaux: l.dispositif_programmes_nationaux,
    }),
  )
  return { fiches, uids: rows.map((r) => Number(r.uid)), cles: rows.map((r) => r.cles) }
}

const DECISION_MEME_LIEU: Raison[] = [{ critere: 'decision', libelle: 'Un coordinateur a indiqué qu’il s’agit du même lieu.', effet: 'pour', points: 0 }]

export async function dedoublonner(base: Base): Promise<BilanDedoublonnage> {
  const debut = new Date()
  return base.db.transaction(async (tx) => {
    const { fiches, uids, cles } = await chargerFiches(tx)
    const indexDeCle = new Map<string, number>()
    cles.forEach((liste, i) => liste.forEach((c) => indexDeCle.set(c, i)))
    const paireCle = (i: number, j: number) => (i < j ? `${i},${j}` : `${j},${i}`)

    const differents: Array<[number, number]> = []
    const interdites = new Set<string>()
    const forcees: Array<{ i: number; j: number; score: number; raisons: readonly Raison[] }> = []
    for (const d of await decisions(tx)) {
      const i = indexDeCle.get(d.cleA)
      const j = indexDeCle.get(d.cleB)
      if (i === undefined || j === undefined || i === j) continue
      if (d.statut === 'differents') {
        differents.push([i, j])
        interdites.add(paireCle(i, j))
      } else forcees.push({ i, j, score: 1, raisons: DECISION_MEME_LIEU })
    }

    const candidates = pairesCandidates(fiches)
    const acceptees: Array<{ i: number; j: number; score: number; raisons: readonly Raison[] }> = [...forcees]
    const grises: Array<{ i: number; j: number; score: number; raisons: readonly Raison[] }> = []
    let ecartees = 0
    for (const [i, j] of candidates) {
      if (interdites.has(paireCle(i, j))) {
        ecartees++
        continue
      }
      const c = comparer(fiches[i] as FicheComparee, fiches[j] as FicheComparee)
      if (c.verdict === 'meme-lieu') acceptees.push({ i, j, score: c.score, raisons: c.raisons })
      else if (c.verdict === 'a-examiner') grises.push({ i, j, score: c.score, raisons: c.raisons })
    }

    const groupes = regrouper(fiches.length, acceptees, differents)
    const groupeDe = new Map<number, number>()
    groupes.forEach((g, n) => g.forEach((i) => groupeDe.set(i, n)))
    const forceesCles = new Set(forcees.map((f) => paireCle(f.i, f.j)))
    // accepted pairs by place, to tell in O(1) why each member joined its group
    const liensDe = new Map<number, Array<(typeof acceptees)[number]>>()
    for (const p of acceptees) {
      for (const k of [p.i, p.j]) {
        const liste = liensDe.get(k)
        if (liste) liste.push(p)
        else liensDe.set(k, [p])
      }
    }
    const aFusionner: Groupe[] = []
    let decidees = 0
    for (const membres of groupes) {
      if (membres.length < 2) continue
      const tri = [...membres].sort((a, b) => (uids[a] as number) - (uids[b] as number))
      const cible = tri[0] as number
      const dedans = new Set(membres)
      const absorbes = tri.slice(1).map((m) => {
        // the strongest accepted pair that ties this member to its group tells why
        let lien: (typeof acceptees)[number] | undefined
        for (const p of liensDe.get(m) ?? []) if (dedans.has(p.i === m ? p.j : p.i) && (!lien || p.score > lien.score)) lien = p
        return { uid: uids[m] as number, score: lien?.score ?? 1, raisons: lien?.raisons ?? [], decidee: lien ? forceesCles.has(paireCle(lien.i, lien.j)) : false }
      })
      const decidee = absorbes.some((a) => a.decidee)
      if (decidee) decidees += absorbes.length
      aFusionner.push({ cible: uids[cible] as number, absorbes: absorbes.map(({ decidee: _d, ...a }) => a), mode: decidee ? 'decision' : 'automatique' })
    }
    await fusionnerEnMasse(tx, aFusionner)

    const file: PaireAExaminer[] = grises
      .filter((p) => groupeDe.get(p.i) === undefined || groupeDe.get(p.i) !== groupeDe.get(p.j))
      .map((p) => ({ cleA: (fiches[p.i] as FicheComparee).cle, cleB: (fiches[p.j] as FicheComparee).cle, score: p.score, raisons: p.raisons }))
    await mettreEnFile(tx, file, debut)
    const fusionnes = aFusionner.reduce((n, g) => n + g.absorbes.length, 0)
    return {
      lieux: fiches.length,
      pairesComparees: candidates.length,
      fusionsAutomatiques: fusionnes - decidees,
      fusionsDecidees: decidees,
      aExaminer: file.length,
      ecartees,
      dureeMs: Date.now() - debut.getTime(),
    }
  })
}
