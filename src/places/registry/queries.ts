/**
 * Reading the registry: published places of a territory (streamed in id order for exports),
 * pages of the public list, one place, counts.
 */
import { and, asc, count, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm'
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

const LISTES = new Set<string>(CHAMPS_LISTES)
const SEPARATEUR = '\u001f' // unit separator: control characters never reach the database (nettoyerTexte)
/**
 * The database writes each place as ONE text, its 32 fields in schema order separated by the
 * unit separator (lists joined with `|`, dates and numbers as text). Read as one column, rows
 * cost a quarter of 32 columns on PGlite (which parses every field in JavaScript) and less
 * than a JSON object on PostgreSQL (whose JSON building is slower than concatenation).
 */
const LIGNE_STANDARD = sql.raw(
  `concat_ws(E'\\x1f', ${CHAMPS.map((c) =>
    LISTES.has(c) ? `array_to_string("${c}", '|')` : c === 'date_maj' || c === 'latitude' || c === 'longitude' ? `coalesce("${c}"::text, '')` : `coalesce("${c}", '')`,
  ).join(', ')})`,
)

function versRangee(ligne: string): RangeeStandard {
  const valeurs = ligne.split(SEPARATEUR)
  const rangee: RangeeStandard = {}
  CHAMPS.forEach((champ, i) => {
    const valeur = valeurs[i]
    if (valeur) rangee[champ] = champ === 'latitude' || champ === 'longitude' ? Number(valeur) : valeur
  })
  return rangee
}

/** Published places matching `condition` (SQL on `lieux`), in registry order, with their uid. */
export async function lirePublies(db: Db, condition: SQL | undefined, limite?: number): Promise<Array<{ uid: number; rangee: RangeeStandard }>> {
  const resultat = await db.execute(
    sql`select uid, ${LIGNE_STANDARD} as ligne from lieux where statut = 'publie' ${condition ? sql`and ${condition}` : sql``} order by uid ${limite === undefined ? sql`` : sql`limit ${limite}`}`,
  )
  const lignes = (resultat as unknown as { rows: Array<{ uid: string | number; ligne: string }> }).rows
  return lignes.map((l) => ({ uid: Number(l.uid), rangee: versRangee(l.ligne) }))
}

/**
 * Published places of a territory as the standard writes them, in registry order, by batches
 * (keyset pagination): the export's path.
 */
export async function* rangeesPubliees(db: Db, territoire?: Territoire, taille = 5000): AsyncGenerator<RangeeStandard[]> {
  let dernier = 0
  for (;;) {
    const lot = await lirePublies(db, and(sql`uid > ${dernier}`, conditionTerritoire(territoire)), taille)
    if (lot.length === 0) return
    dernier = lot[lot.length - 1]?.uid ?? dernier
    yield lot.map((l) => l.rangee)
    if (lot.length < taille) return
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

/** A source that gives a place its information, as the place page shows it. */
export interface SourceDuLieu {
  nom: string
  producteur: string | null
  /** `date_maj` of the record this source gave. */
  dateMaj: string | null
  recuLe: Date
}

export interface FicheLieu extends LigneLieu {
  /** Sources still listing the place, the most recently received first. */
  sources: SourceDuLieu[]
}

export async function lieuParUid(db: Db, uid: number): Promise<FicheLieu | undefined> {
  const [ligne] = await db.select().from(lieux).where(eq(lieux.uid, uid)).limit(1)
  if (!ligne) return undefined
  const origines = await db
    .select({ nom: sources.name, producteur: sources.producteur, lieu: sourceRecords.lieu, recuLe: sourceRecords.receivedAt })
    .from(sourceRecords)
    .innerJoin(sources, eq(sources.id, sourceRecords.sourceId))
    .where(and(eq(sourceRecords.lieuUid, uid), eq(sourceRecords.retire, false)))
    .orderBy(desc(sourceRecords.receivedAt))
  const liste = origines.map((o) => ({
    nom: o.nom,
    producteur: o.producteur,
    dateMaj: (o.lieu as { date_maj?: string } | null)?.date_maj ?? null,
    recuLe: o.recuLe,
  }))
  return { ...ligne, sources: liste }
}

/** A place's name and where it is (commune, département, région): what permission rules need. */
export interface LieuSitueNomme {
  uid: number
  nom: string
  communeResolue: string | null
  codeDepartement: string | null
  codeRegion: string | null
}

export async function lieuxSitues(db: Db, uids: readonly number[]): Promise<LieuSitueNomme[]> {
  if (uids.length === 0) return []
  return db
    .select({ uid: lieux.uid, nom: lieux.nom, communeResolue: lieux.communeResolue, codeDepartement: lieux.codeDepartement, codeRegion: lieux.codeRegion })
    .from(lieux)
    .where(inArray(lieux.uid, [...new Set(uids)]))
}

/** Where a merged place now lives: the uid of the published place it was merged into. */
export async function destinationDeFusion(db: Db, uid: number): Promise<number | undefined> {
  let courant = uid
  for (let pas = 0; pas < 20; pas++) {
    const [ligne] = await db.select({ statut: lieux.statut, dans: lieux.fusionneDans }).from(lieux).where(eq(lieux.uid, courant)).limit(1)
    if (!ligne) return undefined
    if (ligne.statut !== 'fusionne') return ligne.statut === 'publie' && courant !== uid ? courant : undefined
    if (ligne.dans === null) return undefined
    courant = ligne.dans
  }
  return undefined
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
