/**
 * Reading and writing roadmaps (I/O): a territory's roadmaps, one roadmap with its ordered axes,
 * their actions, the indicators each follows, the actor chosen as owner and the actors chosen as
 * partners (their current names); the actions an actor owns or partners;
 * creating, changing (title, period) a roadmap; adding, renaming, ordering and removing axes;
 * adding, updating (every field, or only status and progress), moving to another axis and
 * removing actions.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/database.ts'
import { acteurs, actions, actionsIndicateurs, actionsPartenaires, axes, feuillesDeRoute } from '../../platform/db/schema.ts'
import type { ActionLue } from './domaine/formulaires.ts'

export type FeuilleDeRoute = typeof feuillesDeRoute.$inferSelect
export type Axe = typeof axes.$inferSelect
/** An action as read: its `porteur` is the owner actor's current name when there is one, else the owner in words. */
export type Action = typeof actions.$inferSelect & {
  indicateurs: number[]
  /** The actor of the cartography that owns the action, with its current name. */
  porteurActeur: { id: number; nom: string } | null
  /** The actors of the cartography chosen as partners, with their current names (by name). */
  partenairesActeurs: Array<{ id: number; nom: string }>
}

/** Adds to actions their indicators, their owner actor's and partner actors' current names. */
async function completer(db: Db, lignes: ReadonlyArray<typeof actions.$inferSelect>): Promise<Action[]> {
  if (lignes.length === 0) return []
  const actionIds = lignes.map((a) => a.id)
  const [liens, partenaires] = await Promise.all([
    db.select().from(actionsIndicateurs).where(inArray(actionsIndicateurs.actionId, actionIds)),
    db
      .select({ actionId: actionsPartenaires.actionId, id: acteurs.id, nom: acteurs.nom })
      .from(actionsPartenaires)
      .innerJoin(acteurs, eq(acteurs.id, actionsPartenaires.acteurId))
      .where(inArray(actionsPartenaires.actionId, actionIds))
      .orderBy(asc(acteurs.nom), asc(acteurs.id)),
  ])
  const ids = [...new Set(lignes.flatMap((a) => (a.porteurActeurId === null ? [] : [a.porteurActeurId])))]
  const noms = new Map(ids.length === 0 ? [] : (await db.select({ id: acteurs.id, nom: acteurs.nom }).from(acteurs).where(inArray(acteurs.id, ids))).map((a) => [a.id, a.nom]))
  return lignes.map((a) => {
    const nom = a.porteurActeurId === null ? undefined : noms.get(a.porteurActeurId)
    return {
      ...a,
      // the owner as every page and the evaluation report read it: the actor's current name, else the words written
      porteur: nom ?? a.porteur,
      indicateurs: liens.filter((l) => l.actionId === a.id).map((l) => l.indicateurId),
      porteurActeur: nom === undefined || a.porteurActeurId === null ? null : { id: a.porteurActeurId, nom },
      partenairesActeurs: partenaires.filter((p) => p.actionId === a.id).map((p) => ({ id: p.id, nom: p.nom })),
    }
  })
}
export interface FeuilleComplete extends FeuilleDeRoute {
  axes: Array<Axe & { actions: Action[] }>
}

export async function feuillesDuTerritoire(db: Db, territoire: string): Promise<FeuilleDeRoute[]> {
  return db.select().from(feuillesDeRoute).where(eq(feuillesDeRoute.territoire, territoire)).orderBy(desc(feuillesDeRoute.debut), desc(feuillesDeRoute.id))
}

export async function feuilleComplete(db: Db, id: number): Promise<FeuilleComplete | undefined> {
  const [feuille] = await db.select().from(feuillesDeRoute).where(eq(feuillesDeRoute.id, id))
  if (!feuille) return undefined
  const lesAxes = await db.select().from(axes).where(eq(axes.feuilleId, id)).orderBy(asc(axes.rang), asc(axes.id))
  const ids = lesAxes.map((a) => a.id)
  const lesActions = await completer(db, ids.length === 0 ? [] : await db.select().from(actions).where(inArray(actions.axeId, ids)).orderBy(asc(actions.id)))
  return { ...feuille, axes: lesAxes.map((axe) => ({ ...axe, actions: lesActions.filter((a) => a.axeId === axe.id) })) }
}

export async function creerFeuille(db: Db, valeurs: { territoire: string; titre: string; debut: string; fin: string }): Promise<number> {
  const [ligne] = await db.insert(feuillesDeRoute).values(valeurs).returning({ id: feuillesDeRoute.id })
  return (ligne as { id: number }).id
}

export async function modifierFeuille(db: Db, id: number, valeurs: { titre: string; debut: string; fin: string }): Promise<void> {
  await db.update(feuillesDeRoute).set(valeurs).where(eq(feuillesDeRoute.id, id))
}

export async function ajouterAxe(db: Db, feuilleId: number, titre: string): Promise<number> {
  const [ligne] = await db
    .insert(axes)
    .values({ feuilleId, titre, rang: sql`(select coalesce(max(rang), 0) + 1 from axes where feuille_id = ${feuilleId})` })
    .returning({ id: axes.id })
  return (ligne as { id: number }).id
}

export async function renommerAxe(db: Db, id: number, titre: string): Promise<void> {
  await db.update(axes).set({ titre }).where(eq(axes.id, id))
}

/** Numbers a roadmap's axes 1, 2, 3… in the order given (ids of its axes). */
export async function ordonnerAxes(db: Db, feuilleId: number, ordre: readonly number[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [i, id] of ordre.entries()) await tx.update(axes).set({ rang: i + 1 }).where(and(eq(axes.id, id), eq(axes.feuilleId, feuilleId)))
  })
}

/** Removes an axis and, with it, its actions and their links to indicators. */
export async function supprimerAxe(db: Db, id: number): Promise<void> {
  await db.delete(axes).where(eq(axes.id, id))
}

const colonnes = (a: ActionLue) => ({
  axeId: a.axe,
  titre: a.titre,
  description: a.description,
  // an actor's name is never copied (it would go stale): `completer` reads its current one
  porteur: a.porteurActeurId == null ? a.porteur : '',
  porteurActeurId: a.porteurActeurId ?? null,
  partenaires: a.partenaires,
  budgetCentimes: a.budgetCentimes,
  cofinancements: a.cofinancements,
  debut: a.debut,
  fin: a.fin,
  statut: a.statut,
  avancement: a.avancement,
})

/** Replaces the indicators an action follows (only those of `permis`: the roadmap's territory's) and its partner actors. */
async function lier(db: Db, actionId: number, indicateurs: readonly number[], partenaires: readonly number[] = []): Promise<void> {
  await db.delete(actionsIndicateurs).where(eq(actionsIndicateurs.actionId, actionId))
  if (indicateurs.length > 0) await db.insert(actionsIndicateurs).values([...new Set(indicateurs)].map((indicateurId) => ({ actionId, indicateurId })))
  await db.delete(actionsPartenaires).where(eq(actionsPartenaires.actionId, actionId))
  if (partenaires.length > 0) await db.insert(actionsPartenaires).values([...new Set(partenaires)].map((acteurId) => ({ actionId, acteurId })))
}

export async function ajouterAction(db: Db, action: ActionLue, indicateurs: readonly number[]): Promise<number> {
  return db.transaction(async (tx) => {
    const [ligne] = await tx.insert(actions).values(colonnes(action)).returning({ id: actions.id })
    const id = (ligne as { id: number }).id
    await lier(tx as unknown as Db, id, indicateurs, action.partenairesActeurs)
    return id
  })
}

export async function modifierAction(db: Db, id: number, action: ActionLue, indicateurs: readonly number[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(actions).set({ ...colonnes(action), modifieLe: new Date() }).where(eq(actions.id, id))
    await lier(tx as unknown as Db, id, indicateurs, action.partenairesActeurs)
  })
}

export async function modifierAvancement(db: Db, id: number, statut: string, avancement: number): Promise<void> {
  await db.update(actions).set({ statut, avancement, modifieLe: new Date() }).where(eq(actions.id, id))
}

export async function deplacerAction(db: Db, id: number, axeId: number): Promise<void> {
  await db.update(actions).set({ axeId, modifieLe: new Date() }).where(eq(actions.id, id))
}

/** Removes an action (its links to indicators go with it). */
export async function supprimerAction(db: Db, id: number): Promise<void> {
  await db.delete(actions).where(eq(actions.id, id))
}

/** An action of the roadmap, if the action exists and is in it. */
export async function actionDeLaFeuille(db: Db, feuilleId: number, actionId: number): Promise<Action | undefined> {
  const [ligne] = await db
    .select({ action: actions })
    .from(actions)
    .innerJoin(axes, eq(axes.id, actions.axeId))
    .where(and(eq(actions.id, actionId), eq(axes.feuilleId, feuilleId)))
  return ligne ? (await completer(db, [ligne.action]))[0] : undefined
}

export interface ActionDeLActeur {
  feuilleId: number
  feuille: string
  territoire: string
  actionId: number
  titre: string
  statut: string
  role: 'porteur' | 'partenaire'
}

/** The roadmap actions an actor owns or partners (newest roadmaps first). */
export async function actionsDeLActeur(db: Db, acteurId: number): Promise<ActionDeLActeur[]> {
  const lignes = await db
    .select({ feuilleId: feuillesDeRoute.id, feuille: feuillesDeRoute.titre, territoire: feuillesDeRoute.territoire, actionId: actions.id, titre: actions.titre, statut: actions.statut, porteurActeurId: actions.porteurActeurId })
    .from(actions)
    .innerJoin(axes, eq(axes.id, actions.axeId))
    .innerJoin(feuillesDeRoute, eq(feuillesDeRoute.id, axes.feuilleId))
    .where(sql`${actions.porteurActeurId} = ${acteurId} or exists (select 1 from actions_partenaires p where p.action_id = ${actions.id} and p.acteur_id = ${acteurId})`)
    .orderBy(desc(feuillesDeRoute.debut), asc(feuillesDeRoute.id), asc(axes.rang), asc(actions.id))
  return lignes.map(({ porteurActeurId, ...l }) => ({ ...l, role: porteurActeurId === acteurId ? 'porteur' : 'partenaire' }))
}
