/**
 * One row of an IFN file (Indice de fragilité numérique, Mednum / ANCT), validated (pure): header
 * `name,division,code,no_thd_coverage_rate,no_4g_coverage_rate,poverty_rate,older_65_rate,
 * nscol15p_rate,total`; `division` is `city` (code INSEE of a commune) or `epci` (SIREN); each
 * metric a number from 0 to 10, an empty cell meaning « not computed » (kept empty). Every
 * problem of the row is reported, in French, with its column; a row with a problem is rejected
 * whole. The pseudo-EPCI `ZZZZZZZZZ` (« Sans objet »: communes outside any EPCI) is not an EPCI:
 * rejected with that reason.
 */

export const COLONNES_IFN = ['name', 'division', 'code', 'no_thd_coverage_rate', 'no_4g_coverage_rate', 'poverty_rate', 'older_65_rate', 'nscol15p_rate', 'total'] as const

/** Metric column → field of the `ifn` table. */
export const METRIQUES = [
  ['no_thd_coverage_rate', 'sansThd'],
  ['no_4g_coverage_rate', 'sans4g'],
  ['poverty_rate', 'pauvrete'],
  ['older_65_rate', 'plus65'],
  ['nscol15p_rate', 'nonDiplomes'],
  ['total', 'total'],
] as const

export type Metrique = (typeof METRIQUES)[number][1]

export interface LigneIfn extends Record<Metrique, number | null> {
  division: 'commune' | 'epci'
  code: string
  nom: string
}

export interface ProblemeIfn {
  colonne: string
  valeur: string
  message: string
}

const texte = (v: unknown): string => (typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v).trim())

/** The columns the header lacks (empty: the file can be read). */
export const colonnesManquantes = (entete: readonly string[]): string[] => COLONNES_IFN.filter((c) => !entete.map((e) => e.trim().toLowerCase()).includes(c))

export function lireLigneIfn(valeurs: Readonly<Record<string, unknown>>): { ligne: LigneIfn } | { problemes: ProblemeIfn[] } {
  const problemes: ProblemeIfn[] = []
  const nom = texte(valeurs['name'])
  const divisionBrute = texte(valeurs['division'])
  const code = texte(valeurs['code']).toUpperCase()
  if (nom === '') problemes.push({ colonne: 'name', valeur: '', message: 'Le nom est vide.' })
  const division = divisionBrute === 'city' ? 'commune' : divisionBrute === 'epci' ? 'epci' : undefined
  if (!division) problemes.push({ colonne: 'division', valeur: divisionBrute, message: `La division « ${divisionBrute} » est inconnue : « city » (commune) ou « epci » attendu.` })
  if (division === 'commune' && !/^(\d{2}|2A|2B)\d{3}$/.test(code)) {
    problemes.push({ colonne: 'code', valeur: code, message: `Le code « ${code} » n’est pas un code INSEE de commune (5 caractères, comme 73065 ou 2A004).` })
  }
  if (division === 'epci') {
    if (/^Z+$/.test(code)) problemes.push({ colonne: 'code', valeur: code, message: `Le code « ${code} » n’est pas un EPCI (pseudo-code des communes hors EPCI) : ligne ignorée.` })
    else if (!/^\d{9}$/.test(code)) problemes.push({ colonne: 'code', valeur: code, message: `Le code « ${code} » n’est pas un SIREN d’EPCI (9 chiffres).` })
  }
  const metriques = {} as Record<Metrique, number | null>
  for (const [colonne, champ] of METRIQUES) {
    const brut = texte(valeurs[colonne])
    if (brut === '') {
      metriques[champ] = null
      continue
    }
    const n = Number(brut.replace(',', '.'))
    if (!/^-?\d+(?:[.,]\d+)?(?:e-?\d+)?$/i.test(brut) || !Number.isFinite(n)) {
      problemes.push({ colonne, valeur: brut, message: `« ${brut} » n’est pas un nombre.` })
    } else if (n < 0 || n > 10) {
      problemes.push({ colonne, valeur: brut, message: `${brut} est hors de l’échelle de l’indice (de 0 à 10).` })
    } else {
      metriques[champ] = n
    }
  }
  if (problemes.length > 0 || !division) return { problemes }
  return { ligne: { division, code, nom, ...metriques } }
}
