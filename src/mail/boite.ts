/**
 * The outbox (`courriels`): every e-mail the platform writes is deposited here first, in the same
 * transaction as what caused it, then sent by the `Facteur` (expedition.ts). Without SMTP the
 * e-mails stay here, readable by administrators; once delivered their text is erased.
 */
import { desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../platform/db/database.ts'
import { courriels } from '../platform/db/schema.ts'
import { normaliserCourriel, type Courriel } from './courriel.ts'

export interface CourrielDepose {
  id: number
  destinataire: string
  sujet: string
  /** Null once delivered (links with tokens must not stay readable). */
  texte: string | null
  creeLe: Date
  /** When the SMTP server accepted it (or, for a few seconds, when its sending began); null while waiting. */
  envoyeLe: Date | null
  /** Failed attempts. */
  tentatives: number
  /** The last failure, short, without address nor credentials. */
  erreur: string | null
}

/**
 * Puts an e-mail in the outbox and returns its id. Pass the transaction as `db` to deposit it with
 * what caused it; call `Facteur.signaler()` after the commit. Throws `CourrielInvalideError` for an
 * unusable address or an empty subject.
 */
export async function deposerCourriel(db: Db, courriel: Courriel): Promise<number> {
  const { destinataire, sujet, texte } = normaliserCourriel(courriel)
  const [ligne] = await db.insert(courriels).values({ destinataire, sujet, texte }).returning({ id: courriels.id })
  if (!ligne) throw new Error('Le courriel n’a pas été enregistré.')
  return ligne.id
}

const COLONNES = {
  id: courriels.id,
  destinataire: courriels.destinataire,
  sujet: courriels.sujet,
  texte: courriels.texte,
  creeLe: courriels.creeLe,
  envoyeLe: courriels.envoyeLe,
  tentatives: courriels.tentatives,
  erreur: courriels.erreur,
}

/**
 * The outbox, newest first: `limite` e-mails (100 by default; `Infinity` for all), only those to
 * `destinataire` (compared without case) when given.
 */
export async function courrielsRecents(db: Db, options: { limite?: number; destinataire?: string } = {}): Promise<CourrielDepose[]> {
  const limite = options.limite ?? 100
  const requete = db
    .select(COLONNES)
    .from(courriels)
    .where(options.destinataire === undefined ? undefined : sql`lower(${courriels.destinataire}) = lower(${options.destinataire.trim()})`)
    .orderBy(desc(courriels.creeLe), desc(courriels.id))
  return Number.isFinite(limite) ? await requete.limit(Math.max(0, Math.floor(limite))) : await requete
}

/** One e-mail of the outbox, or undefined. */
export async function courrielParId(db: Db, id: number): Promise<CourrielDepose | undefined> {
  const [ligne] = await db.select(COLONNES).from(courriels).where(eq(courriels.id, id))
  return ligne
}
