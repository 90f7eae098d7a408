/**
 * What a statistics request asks, pure: the scope (`Portee`: a mediator, a place, a structure,
 * a territory, everything), the filters (period, types, mediator, place, commune, thematic) as
 * read from a query string, and the windows they give — the period, the 12 months of the monthly
 * series up to the period's end, the last 30 days of the period — with whether the monthly
 * rollups can answer (a whole-month period and no thematic filter) or the activities must be
 * read (the exact fallback, same counting rules).
 */
import type { Territoire } from '../../territories/territoire.ts'
import { PREMIERE_DATE } from '../domain/validation.ts'
import { THEMATIQUES, THEMATIQUES_DEMARCHE, type TypeActivite } from '../domain/vocabulaire.ts'

export type Portee =
  | { mediateur: number }
  | { lieu: number }
  | { lieux: readonly number[] }
  | { structure: number }
  | { territoire: Territoire }
  | { tout: true }

export interface Filtres {
  /** First day of the period (`YYYY-MM-DD`); by default the first day of the month 11 months before `au`'s. */
  du?: string | undefined
  /** Last day of the period; by default today. */
  au?: string | undefined
  /** Both or none: no filter. */
  types?: readonly TypeActivite[] | undefined
  mediateur?: number | undefined
  lieu?: number | undefined
  /** Code INSEE of the commune of the activity. */
  commune?: string | undefined
  /** A thematic of either family (médiation numérique or démarche administrative). */
  thematique?: string | undefined
}

export interface Intervalle {
  du: string
  au: string
}

export interface Fenetres {
  periode: Intervalle
  /** The 12 months up to the period's end (the first day of the first month → the period's end). */
  serie: Intervalle
  /** The last 30 days of the period (fewer when the period is shorter). */
  jours: Intervalle
  /** First days of the period's first and last months. */
  mois: Intervalle
  /** The 12 months of the series, first days, in order. */
  moisSerie: string[]
  /** The rollups answer exactly: whole months and no thematic filter. */
  cumulable: boolean
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

export function dateValide(texte: string): boolean {
  if (!DATE.test(texte)) return false
  const d = new Date(`${texte}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === texte
}

const versIso = (d: Date): string => d.toISOString().slice(0, 10)
export const ajouterJours = (iso: string, n: number): string => versIso(new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000))
export const premierDuMois = (iso: string): string => `${iso.slice(0, 7)}-01`
/** The first day of the month `n` months after `iso`'s month. */
export function ajouterMois(iso: string, n: number): string {
  const [a, m] = iso.split('-').map(Number) as [number, number]
  return versIso(new Date(Date.UTC(a, m - 1 + n, 1)))
}
export const dernierDuMois = (iso: string): string => ajouterJours(ajouterMois(iso, 1), -1)

/**
 * The windows of a request. `aujourdhui`: no activity is dated after today (validation refuses
 * it), so a period ending today or later covers its last month whole, as far as data goes.
 */
export function fenetres(filtres: Filtres, aujourdhui: string): Fenetres {
  const au = filtres.au ?? aujourdhui
  const du = filtres.du ?? ajouterMois(au, -11)
  const moisAu = premierDuMois(au)
  const debutSerie = ajouterMois(moisAu, -11)
  const moisSerie = Array.from({ length: 12 }, (_, i) => ajouterMois(debutSerie, i))
  const trenteJours = ajouterJours(au, -29)
  const finDeMois = au === dernierDuMois(au) || au >= aujourdhui
  return {
    periode: { du, au },
    serie: { du: debutSerie, au },
    jours: { du: trenteJours > du ? trenteJours : du, au },
    mois: { du: premierDuMois(du), au: moisAu },
    moisSerie,
    cumulable: filtres.thematique === undefined && du === premierDuMois(du) && finDeMois,
  }
}

export type Requete = Record<string, string | string[] | undefined>

export interface ErreurFiltre {
  champ: string
  message: string
}

const premiere = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim().slice(0, 40)
const toutes = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => x.trim().slice(0, 40))
const entier = (texte: string): number | undefined => (/^[1-9]\d{0,14}$/.test(texte) ? Number(texte) : undefined)

export const THEMATIQUES_FILTRABLES: readonly string[] = [...THEMATIQUES.map((t) => t.valeur), ...THEMATIQUES_DEMARCHE.map((t) => t.valeur)]

/** A day (`2025-03-14`), or a month (`2025-03`: its first day, or its last with `fin`). */
function lireDate(texte: string, fin: boolean): string | undefined {
  if (/^\d{4}-\d{2}$/.test(texte) && dateValide(`${texte}-01`)) return fin ? dernierDuMois(`${texte}-01`) : `${texte}-01`
  return dateValide(texte) ? texte : undefined
}

/**
 * The filters of a query string (`du`, `au`, `types` repeated, `mediateur`, `lieu`, `commune`,
 * `thematique`); a wrong value is left out and reported, never a crash. Dates before 2020 or
 * after today are brought back to those bounds.
 */
export function lireFiltres(requete: Requete, aujourdhui: string): { filtres: Filtres; erreurs: ErreurFiltre[] } {
  const erreurs: ErreurFiltre[] = []
  const filtres: Filtres = {}
  for (const [champ, fin] of [['du', false], ['au', true]] as const) {
    const texte = premiere(requete[champ])
    if (texte === '') continue
    const date = lireDate(texte, fin)
    if (date === undefined) erreurs.push({ champ, message: `La date « ${texte} » n’est pas une date réelle (écrivez-la AAAA-MM-JJ, par exemple 2025-03-14).` })
    else filtres[champ] = date < PREMIERE_DATE ? PREMIERE_DATE : date > aujourdhui ? aujourdhui : date
  }
  if (filtres.du !== undefined && filtres.au !== undefined && filtres.du > filtres.au) {
    erreurs.push({ champ: 'du', message: 'La date de début doit précéder la date de fin : la période par défaut est affichée.' })
    delete filtres.du
    delete filtres.au
  }
  const types = toutes(requete['types']).filter((t): t is TypeActivite => t === 'individuel' || t === 'collectif')
  if (new Set(types).size === 1) filtres.types = [...new Set(types)]
  const mediateur = entier(premiere(requete['mediateur']))
  if (mediateur !== undefined) filtres.mediateur = mediateur
  const lieu = entier(premiere(requete['lieu']))
  if (lieu !== undefined) filtres.lieu = lieu
  const commune = premiere(requete['commune']).toUpperCase()
  if (/^(\d{5}|2[AB]\d{3})$/.test(commune)) filtres.commune = commune
  else if (commune !== '') erreurs.push({ champ: 'commune', message: `« ${commune} » n’est pas un code INSEE de commune.` })
  const thematique = premiere(requete['thematique'])
  if (THEMATIQUES_FILTRABLES.includes(thematique)) filtres.thematique = thematique
  return { filtres, erreurs }
}

/** The query string of filters (for the export links and the pages of the same request). */
export function requeteDesFiltres(filtres: Filtres, autres: Record<string, string | undefined> = {}): string {
  const p = new URLSearchParams()
  if (filtres.du !== undefined) p.set('du', filtres.du)
  if (filtres.au !== undefined) p.set('au', filtres.au)
  for (const t of filtres.types ?? []) p.append('types', t)
  if (filtres.mediateur !== undefined) p.set('mediateur', String(filtres.mediateur))
  if (filtres.lieu !== undefined) p.set('lieu', String(filtres.lieu))
  if (filtres.commune !== undefined) p.set('commune', filtres.commune)
  if (filtres.thematique !== undefined) p.set('thematique', filtres.thematique)
  for (const [k, v] of Object.entries(autres)) if (v !== undefined && v !== '') p.set(k, v)
  const texte = p.toString()
  return texte === '' ? '' : `?${texte}`
}
