/**
 * Groups of records of one place, from the pairs judged « same place »: agglomeration by
 * decreasing score where two groups are joined only if every record of one was judged the same
 * place as every record of the other (complete linkage on accepted pairs), never across a pair
 * a person declared « lieux différents », and never beyond `tailleMax` records. So A~B and B~C
 * do not put A and C together unless A~C was judged too: distinct places are not chained
 * (the national pipeline's transitive grouping does chain them).
 */

export interface PaireAcceptee {
  i: number
  j: number
  score: number
}

/** Records of one group at most: one per source and a few copies (default 8). */
export const TAILLE_MAX_GROUPE = 8

/**
 * Groups of indices in [0, n), each sorted, groups sorted by their first index; every index
 * appears in exactly one group (alone when nothing ties it).
 */
export function regrouper(n: number, paires: ReadonlyArray<PaireAcceptee>, differents: ReadonlyArray<readonly [number, number]>, tailleMax = TAILLE_MAX_GROUPE): number[][] {
  const cle = (i: number, j: number) => (i < j ? i * n + j : j * n + i)
  const acceptees = new Set<number>()
  for (const p of paires) if (p.i !== p.j && p.i >= 0 && p.j >= 0 && p.i < n && p.j < n) acceptees.add(cle(p.i, p.j))
  const interdites = new Set(differents.map(([i, j]) => cle(i, j)))

  const groupeDe = Array.from({ length: n }, (_, i) => i)
  const membres = new Map<number, number[]>()
  const ordre = [...paires].filter((p) => acceptees.has(cle(p.i, p.j))).sort((p, q) => q.score - p.score || p.i - q.i || p.j - q.j)
  for (const { i, j } of ordre) {
    const gi = groupeDe[i] as number
    const gj = groupeDe[j] as number
    if (gi === gj) continue
    const a = membres.get(gi) ?? [i]
    const b = membres.get(gj) ?? [j]
    if (a.length + b.length > tailleMax) continue
    if (!a.every((x) => b.every((y) => acceptees.has(cle(x, y)) && !interdites.has(cle(x, y))))) continue
    const [garde, absorbe] = a.length >= b.length ? [gi, gj] : [gj, gi]
    const reunis = [...a, ...b]
    for (const x of reunis) groupeDe[x] = garde
    membres.set(garde, reunis)
    membres.delete(absorbe)
  }

  const groupes = new Map<number, number[]>()
  groupeDe.forEach((g, i) => {
    const liste = groupes.get(g)
    if (liste) liste.push(i)
    else groupes.set(g, [i])
  })
  return [...groupes.values()].sort((x, y) => (x[0] as number) - (y[0] as number))
}
