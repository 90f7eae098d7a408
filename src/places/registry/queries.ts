/**
 * Reading the registry: published places of a territory (streamed in id order for exports),
 * pages of the public list, one place, counts.
 */
import { and, asc, count, desc, eq, gt, inArray, like, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { lieux, sourceRecords, sources } from '../../platform/db/schema.ts'
import type { Territoire } from '../../territories/territoire.ts'
import type { RangeeStandard } from '../io/ecriture.ts'
import { CHAMPS, CHAMPS_LISTES } from '../standard/fields.ts'
import { texteDeRecherche, type LigneLieu } from './rows.ts'

export function conditionTerritoire(territoire: Territoire | undefined): SQL | undefined {
  if (!territoire) return undefined
  switch (territoire.type) {
    case 'departement':
      return eq(lieux.codeDepartement, territoire.code)
    case 'region':
      return eq(lieux.codeRegion, territoire.code)
    case 'commune':
    case 'epci':
      return inArray(lieux.communeResolue, [...territoire.communes])
  }
}

const publie = eq(lieux.statut, 'publie')

/** Published places of a territory, in registry order, by batches (keyset pagination). */
export async function* lieuxPublies(db: Db, territoire?: Territoire, taille = 2000): AsyncGenerator<LigneLieu[]> {
  let dernier = 0
  for (;;) {
    const lot = await db
      .select()
      .from(lieux)
      .where(and(publie, gt(lieux.uid, dernier), conditionTerritoire(territoire)))
      .orderBy(asc(lieux.uid))
      .limit(taille)
    if (lot.length === 0) return
    yield lot
    const fin = lot[lot.length - 1]
    if (!fin || lot.length < taille) return
    dernier = fin.uid
  }
}

const LISTES = new Set<string>(CHAMPS_LISTES)
const SELECTION_STANDARD = sql.raw(
  CHAMPS.map((c) => (LISTES.has(c) ? `array_to_string("${c}", '|') as "${c}"` : c === 'date_maj' ? `"date_maj"::text as "date_maj"` : `"${c}"`)).join(', '),
)

/**
 * Published places of a territory as the standard writes them (lists joined with `|` by the
 * database, dates as text), in registry order, by batches: the export's fast path.
 */
export async function* rangeesPubliees(db: Db, territoire?: Territoire, taille = 5000): AsyncGenerator<RangeeStandard[]> {
  const filtre = conditionTerritoire(territoire)
  let dernier = 0
  for (;;) {
    const resultat = await db.execute(
      sql`select uid, ${SELECTION_STANDARD} from lieux where statut = 'publie' and uid > ${dernier} ${filtre ? sql`and ${filtre}` : sql``} order by uid limit ${taille}`,
    )
    const lignes = (resultat as unknown as { rows: Array<Record<string, string | number | null>> }).rows
    if (lignes.length === 0) return
    dernier = Number(lignes[lignes.length - 1]?.uid)
    yield lignes.map((ligne) => {
      const rangee: RangeeStandard = {}
      for (const champ of CHAMPS) {
        const valeur = ligne[champ]
        if (valeur !== null && valeur !== undefined && valeur !== '') rangee[champ] = valeur
      }
      return rangee
    })
    if (lignes.length < taille) return
  }
}

export interface Filtres {
  /** Words of the name, commune or postcode. */
  q?: string | undefined
  territoire?: Territoire | undefined
}

function condition(filtres: Filtres): SQL | undefined {
  // words are matched without case nor accents; LIKE's wildcards in them are taken literally
  const mots = texteDeRecherche(filtres.q ?? '')
    .split(' ')
    .filter((m) => m !== '')
  const texte = mots.length ? and(...mots.map((m) => like(lieux.texteRecherche, `%${m}%`))) : undefined
  return and(publie, conditionTerritoire(filtres.territoire), texte)
}

export async function pageDeLieux(db: Db, filtres: Filtres, page: number, parPage: number): Promise<{ total: number; lieux: LigneLieu[] }> {
  const ou = condition(filtres)
  const [total] = await db.select({ n: count() }).from(lieux).where(ou)
  const lignes = await db
    .select()
    .from(lieux)
    .where(ou)
    .orderBy(asc(lieux.nom), asc(lieux.uid))
    .limit(parPage)
    .offset((page - 1) * parPage)
  return { total: total?.n ?? 0, lieux: lignes }
}

export interface FicheLieu extends LigneLieu {
  /** Name of the source that last provided the place, and when. */
  nomSource: string | null
  recuLe: Date | null
}

export async function lieuParUid(db: Db, uid: number): Promise<FicheLieu | undefined> {
  const [ligne] = await db.select().from(lieux).where(eq(lieux.uid, uid)).limit(1)
  if (!ligne) return undefined
  const [origine] = await db
    .select({ nom: sources.name, recuLe: sourceRecords.receivedAt })
    .from(sourceRecords)
    .innerJoin(sources, eq(sources.id, sourceRecords.sourceId))
    .where(eq(sourceRecords.lieuUid, uid))
    .orderBy(desc(sourceRecords.receivedAt))
    .limit(1)
  return { ...ligne, nomSource: origine?.nom ?? null, recuLe: origine?.recuLe ?? null }
}

export async function statistiques(db: Db): Promise<{ publies: number; demo: number; retires: number }> {
  const lignes = await db
    .select({ statut: lieux.statut, demo: lieux.demo, n: count() })
    .from(lieux)
    .groupBy(lieux.statut, lieux.demo)
  let publies = 0
  let demo = 0
  let retires = 0
  for (const l of lignes) {
    if (l.statut === 'publie') publies += l.n
    else retires += l.n
    if (l.demo && l.statut === 'publie') demo += l.n
  }
  return { publies, demo, retires }
}
