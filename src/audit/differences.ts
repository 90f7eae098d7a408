/**
 * What changed between two versions of a record: field → [before, after], only the fields
 * whose value differs (lists compared as sets, empty values alike). Pure.
 */
export type Changements = Record<string, [unknown, unknown]>

const vide = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)

function egales(a: unknown, b: unknown): boolean {
  if (vide(a) && vide(b)) return true
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false
    const sa = [...a].map(String).sort()
    const sb = [...b].map(String).sort()
    return sa.every((v, i) => v === sb[i])
  }
  return a === b
}

export function differences(avant: Readonly<Record<string, unknown>>, apres: Readonly<Record<string, unknown>>, champs?: readonly string[]): Changements {
  const resultat: Changements = {}
  for (const champ of champs ?? [...new Set([...Object.keys(avant), ...Object.keys(apres)])]) {
    const a = avant[champ] ?? null
    const b = apres[champ] ?? null
    if (!egales(a, b)) resultat[champ] = [a, b]
  }
  return resultat
}
