/**
 * The review queue and the merges, as coordinators see and handle them (page and command line):
 * pairs waiting for a decision with both places side by side and the reasons of their score,
 * deciding « même lieu » (the places are merged) or « lieux différents » (never merged), and
 * the merges in force, which can be undone.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { Base, Db } from '../platform/db/database.ts'
import { enregistrerDecision } from './decisions.ts'
import { annulerFusion, fusionnerLieux } from './fusion.ts'
import type { Raison } from './regles.ts'

export interface LieuCompare {
  uid: number
  nom: string
  adresse: string
  codePostal: string
  commune: string
  telephone: string | null
  source: string
  statut: string
}

export interface PaireEnExamen {
  id: number
  score: number
  raisons: Raison[]
  a: LieuCompare | null
  b: LieuCompare | null
}

async function lieuxDesCles(db: Db, cles: readonly string[]): Promise<Map<string, LieuCompare>> {
  if (cles.length === 0) return new Map()
  const { rows } = (await db.execute(sql`
    select s.name || ':' || r.record_id as cle, l.uid, l.nom, l.adresse, l.code_postal, l.commune, l.telephone, s.name as source, l.statut
    from source_records r join sources s on s.id = r.source_id join lieux l on l.uid = r.lieu_uid
    where s.name || ':' || r.record_id = any(${`{${cles.map((c) => `"${c.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[])`)) as unknown as {
    rows: Array<{ cle: string; uid: number; nom: string; adresse: string; code_postal: string; commune: string; telephone: string | null; source: string; statut: string }>
  }
  return new Map(
    rows.map((r) => [r.cle, { uid: Number(r.uid), nom: r.nom, adresse: r.adresse, codePostal: r.code_postal, commune: r.commune, telephone: r.telephone, source: r.source, statut: r.statut }]),
  )
}

/**
 * A condition on `lieux` (a coordinator's territory) that the place of the record `cle` must
 * meet; the record is found by its primary key (source, id), the source by the key's prefix.
 */
const dansLePerimetre = (cle: SQL, perimetre: SQL): SQL => sql`exists (
  select 1 from sources s join source_records r on r.source_id = s.id and r.record_id = substr(${cle}, length(s.name) + 2)
  join lieux on lieux.uid = r.lieu_uid
  where left(${cle}, length(s.name) + 1) = s.name || ':' and ${perimetre})`

/** Pairs of the queue whose two places are both within `perimetre` (all pairs without it). */
const filtrePaires = (perimetre: SQL | undefined): SQL =>
  perimetre ? sql`and ${dansLePerimetre(sql.raw('paires.cle_a'), perimetre)} and ${dansLePerimetre(sql.raw('paires.cle_b'), perimetre)}` : sql``

export async function compterAExaminer(db: Db, perimetre?: SQL): Promise<number> {
  const { rows } = (await db.execute(sql`select count(*)::int as n from paires where statut = 'a_examiner' ${filtrePaires(perimetre)}`)) as unknown as { rows: Array<{ n: number }> }
  return rows[0]?.n ?? 0
}

/** Pairs waiting for a decision, the most likely duplicates first (those within `perimetre`, a condition on `lieux`). */
export async function fileDExamen(db: Db, limite = 20, decalage = 0, perimetre?: SQL): Promise<PaireEnExamen[]> {
  const { rows } = (await db.execute(sql`
    select id, score, raisons, cle_a, cle_b from paires where statut = 'a_examiner' ${filtrePaires(perimetre)}
    order by score desc, id limit ${limite} offset ${decalage}`)) as unknown as { rows: Array<{ id: number; score: number; raisons: Raison[]; cle_a: string; cle_b: string }> }
  const lieux = await lieuxDesCles(db, rows.flatMap((r) => [r.cle_a, r.cle_b]))
  return rows.map((r) => ({ id: r.id, score: r.score, raisons: r.raisons, a: lieux.get(r.cle_a) ?? null, b: lieux.get(r.cle_b) ?? null }))
}

export class PaireIntrouvableError extends Error {}

/**
 * A coordinator's answer on a pair of the queue. « même lieu » merges the two places now (the
 * older place survives); « lieux différents » keeps them apart in every later run.
 */
export async function deciderPaire(base: Base, id: number, decision: 'meme_lieu' | 'differents', par: string): Promise<void> {
  await base.db.transaction(async (tx) => {
    const { rows } = (await tx.execute(sql`select cle_a, cle_b, score, raisons from paires where id = ${id} and statut = 'a_examiner' for update`)) as unknown as {
      rows: Array<{ cle_a: string; cle_b: string; score: number; raisons: Raison[] }>
    }
    const paire = rows[0]
    if (!paire) throw new PaireIntrouvableError(`La paire n° ${id} n'est pas (ou plus) dans la file d'examen.`)
    await enregistrerDecision(tx, paire.cle_a, paire.cle_b, decision, par)
    if (decision === 'differents') return
    const lieux = await lieuxDesCles(tx, [paire.cle_a, paire.cle_b])
    const a = lieux.get(paire.cle_a)
    const b = lieux.get(paire.cle_b)
    if (!a || !b || a.uid === b.uid || a.statut !== 'publie' || b.statut !== 'publie') return
    const [cible, absorbe] = a.uid < b.uid ? [a, b] : [b, a]
    const raisons: Raison[] = [{ critere: 'decision', libelle: `${par} a indiqué qu’il s’agit du même lieu.`, effet: 'pour', points: 0 }, ...paire.raisons]
    await fusionnerLieux(tx, cible.uid, [{ uid: absorbe.uid, score: paire.score, raisons }], 'decision')
  })
}

export interface FusionEnVigueur {
  id: number
  mode: string
  score: number
  raisons: Raison[]
  faiteLe: Date
  cible: { uid: number; nom: string; commune: string }
  absorbe: { uid: number; nom: string; commune: string }
}

/** Merges in force, the newest first (those whose surviving place is within `perimetre`, a condition on `lieux`). */
export async function fusionsEnVigueur(db: Db, limite = 20, decalage = 0, perimetre?: SQL): Promise<FusionEnVigueur[]> {
  const filtre = perimetre ? sql`and exists (select 1 from lieux where lieux.uid = f.lieu_uid and ${perimetre})` : sql``
  const { rows } = (await db.execute(sql`
    select f.id, f.mode, f.score, f.raisons, f.faite_le, c.uid as c_uid, c.nom as c_nom, c.commune as c_commune, a.uid as a_uid, a.nom as a_nom, a.commune as a_commune
    from fusions f join lieux c on c.uid = f.lieu_uid join lieux a on a.uid = f.absorbe_uid
    where f.annulee_le is null ${filtre} order by f.faite_le desc, f.id desc limit ${limite} offset ${decalage}`)) as unknown as {
    rows: Array<{ id: number; mode: string; score: number; raisons: Raison[]; faite_le: string | Date; c_uid: number; c_nom: string; c_commune: string; a_uid: number; a_nom: string; a_commune: string }>
  }
  return rows.map((r) => ({
    id: r.id,
    mode: r.mode,
    score: r.score,
    raisons: r.raisons,
    faiteLe: new Date(r.faite_le),
    cible: { uid: Number(r.c_uid), nom: r.c_nom, commune: r.c_commune },
    absorbe: { uid: Number(r.a_uid), nom: r.a_nom, commune: r.a_commune },
  }))
}

/** Undoes a merge in one transaction (see `fusion.ts`). */
export const annuler = (base: Base, fusionId: number, par: string) => base.db.transaction((tx) => annulerFusion(tx, fusionId, par))

/** Where the places of a pair or of a merge are, for territorial permissions (uids of the places). */
export async function lieuxConcernes(db: Db, objet: { paire: number } | { fusion: number }): Promise<number[]> {
  if ('paire' in objet) {
    const { rows } = (await db.execute(sql`select cle_a, cle_b from paires where id = ${objet.paire}`)) as unknown as { rows: Array<{ cle_a: string; cle_b: string }> }
    const paire = rows[0]
    if (!paire) return []
    return [...(await lieuxDesCles(db, [paire.cle_a, paire.cle_b])).values()].map((l) => l.uid)
  }
  const { rows } = (await db.execute(sql`select lieu_uid, absorbe_uid from fusions where id = ${objet.fusion}`)) as unknown as { rows: Array<{ lieu_uid: number; absorbe_uid: number }> }
  return rows.flatMap((r) => [Number(r.lieu_uid), Number(r.absorbe_uid)])
}
