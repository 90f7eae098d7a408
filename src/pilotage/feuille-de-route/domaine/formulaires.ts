/**
 * The roadmap's and indicators' forms, read and checked (pure, zod with French messages):
 * every error of a form is reported, each tied to its field's id, never only the first. An
 * action's owner is an actor of the territory's cartography (`porteurActeur`, its id among
 * those offered) or, when it is not there, written in words — one or the other, never both;
 * its partners are actors ticked among those offered and/or written in words.
 */
import { z } from 'zod'
import { dateValide } from '../../../activity/stats/filtres.ts'
import { estStatut, lireMontant } from './regles.ts'

export interface ErreurChamp {
  champ: string
  message: string
}
export type Lecture<T> = { ok: true; valeur: T } | { ok: false; erreurs: ErreurChamp[] }

type Corps = Readonly<Record<string, unknown>>
const ID = /^[1-9]\d{0,8}$/
const texte = (v: unknown): string => (typeof v === 'string' ? v : '')

const requis = (nom: string, max = 200) =>
  z.string().trim().min(1, { error: `Indiquez ${nom}.` }).max(max, { error: `${nom[0]?.toUpperCase()}${nom.slice(1)} : ${max} caractères au plus.` })
const dateRequise = (nom: string) => z.string().trim().refine(dateValide, { error: `Indiquez ${nom} au format AAAA-MM-JJ (par exemple 2025-01-31).` })
const dateFacultative = (nom: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || dateValide(v), { error: `${nom} n’est pas une date au format AAAA-MM-JJ (par exemple 2025-01-31).` })
    .transform((v) => (v === '' ? null : v))
const nombre = (nom: string, requisOuNon: boolean) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === '') {
        if (requisOuNon) ctx.addIssue({ code: 'custom', message: `Indiquez ${nom}.` })
        return null
      }
      const n = Number(v.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'))
      if (!Number.isFinite(n)) ctx.addIssue({ code: 'custom', message: `${nom[0]?.toUpperCase()}${nom.slice(1)} doit être un nombre (par exemple 12 ou 45,5).` })
      return Number.isFinite(n) ? n : null
    })
const montant = (nom: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const m = lireMontant(v)
      if (m === undefined) ctx.addIssue({ code: 'custom', message: `${nom} doit être un montant en euros (par exemple 12 500 ou 1 200,50).` })
      return m ?? null
    })

/** Reads `corps` with `forme`, each error tied to `prefixe + field` (the control's id). */
function lire<T extends z.ZodRawShape>(forme: T, corps: Corps, prefixe: string): Lecture<z.infer<z.ZodObject<T>>> {
  const brut = Object.fromEntries(Object.keys(forme).map((k) => [k, texte(corps[k])]))
  const r = z.object(forme).safeParse(brut)
  if (r.success) return { ok: true, valeur: r.data }
  return { ok: false, erreurs: r.error.issues.map((i) => ({ champ: `${prefixe}${String(i.path[0] ?? '')}`, message: i.message })) }
}

/** Adds the errors of cross-field rules to a reading. */
function avec<T>(lecture: Lecture<T>, croisees: (v: T) => ErreurChamp[]): Lecture<T> {
  if (!lecture.ok) return lecture
  const erreurs = croisees(lecture.valeur)
  return erreurs.length === 0 ? lecture : { ok: false, erreurs }
}
const ordre = (debut: string | null, fin: string | null, champ: string): ErreurChamp[] =>
  debut !== null && fin !== null && fin < debut ? [{ champ, message: 'La date de fin doit être après la date de début.' }] : []

export const lireFeuille = (corps: Corps) =>
  avec(lire({ titre: requis('le titre de la feuille de route'), debut: dateRequise('la date de début'), fin: dateRequise('la date de fin') }, corps, 'feuille-'), (v) =>
    ordre(v.debut, v.fin, 'feuille-fin'),
  )

export const lireAxe = (corps: Corps) => lire({ titre: requis('le titre de l’axe') }, corps, 'axe-')

/** The axis an action moves to (one of the roadmap's, other than its own). */
export const lireDeplacement = (corps: Corps, axes: readonly number[]) =>
  lire({ axe: z.string().refine((v) => axes.includes(Number(v)), { error: 'Choisissez l’axe où déplacer l’action.' }) }, corps, 'deplacer-')

/** Up to this many co-funders per action (the form's rows). */
export const COFINANCEMENTS_MAX = 4

export interface ActionLue {
  axe: number
  titre: string
  description: string
  /** The owner in words: the chosen actor's name, or what was typed. */
  porteur: string
  /** The actor of the cartography chosen as owner, if any. */
  porteurActeurId?: number | null
  /** Partners in words (one per line). */
  partenaires: string[]
  /** Partners chosen among the actors of the cartography (none when absent). */
  partenairesActeurs?: number[]
  budgetCentimes: number | null
  cofinancements: Array<{ financeur: string; montantCentimes: number }>
  debut: string | null
  fin: string | null
  statut: string
  avancement: number
}

/**
 * Reads an action's form. `acteurs`: the actors that may be chosen as owner or partners (id →
 * name): the territory's, and those already chosen.
 */

/** The status and the progress of an action: its form and the roadmap's quick update. */
const STATUT_ET_AVANCEMENT = {
  statut: z.string().refine(estStatut, { error: 'Choisissez le statut de l’action.' }),
  avancement: z
    .string()
    .trim()
    .refine((v) => /^\d{1,3}$/.test(v) && Number(v) <= 100, { error: 'L’avancement est un pourcentage entier de 0 à 100.' }),
}

export function lireAction(corps: Corps, axes: readonly number[], acteurs: ReadonlyMap<number, string> = new Map()): Lecture<ActionLue> {
  const acteurChoisi = texte(corps['porteurActeur']).trim() !== ''
  const lecture = lire(
    {
      axe: z.string().refine((v) => axes.includes(Number(v)), { error: 'Choisissez l’axe de l’action.' }),
      titre: requis('le titre de l’action'),
      description: z.string().trim().max(4000, { error: 'Description : 4 000 caractères au plus.' }),
      porteurActeur: z.string().refine((v) => v.trim() === '' || (ID.test(v.trim()) && acteurs.has(Number(v))), { error: 'Choisissez le porteur dans la liste des acteurs du territoire.' }),
      porteur: acteurChoisi
        ? z.string().trim().max(0, { error: 'Choisissez le porteur parmi les acteurs ou écrivez-le, pas les deux : videz l’un des deux champs.' })
        : requis('le porteur de l’action'),
      partenaires: z.string().max(2000, { error: 'Partenaires : 2 000 caractères au plus.' }),
      budget: montant('Le budget'),
      debut: dateFacultative('La date de début'),
      fin: dateFacultative('La date de fin'),
      ...STATUT_ET_AVANCEMENT,
    },
    corps,
    'action-',
  )
  const erreurs: ErreurChamp[] = lecture.ok ? [] : [...lecture.erreurs]
  const cofinancements: ActionLue['cofinancements'] = []
  for (let i = 1; i <= COFINANCEMENTS_MAX; i++) {
    const financeur = texte(corps[`financeur${i}`]).trim().slice(0, 200)
    const brut = texte(corps[`montant${i}`])
    const m = lireMontant(brut)
    if (financeur === '' && brut.trim() === '') continue
    if (financeur === '') erreurs.push({ champ: `action-financeur${i}`, message: `Co-financement ${i} : indiquez le financeur.` })
    if (m === undefined || m === null) erreurs.push({ champ: `action-montant${i}`, message: `Co-financement ${i} : indiquez le montant en euros (par exemple 5 000).` })
    else if (financeur !== '') cofinancements.push({ financeur, montantCentimes: m })
  }
  const cochees = ([] as unknown[]).concat(corps['partenairesActeurs'] ?? []).map((x) => texte(x).trim())
  const inconnus = cochees.filter((x) => !ID.test(x) || !acteurs.has(Number(x)))
  if (inconnus.length > 0) erreurs.push({ champ: 'action-partenairesActeurs', message: 'Choisissez les partenaires parmi les acteurs du territoire proposés.' })
  if (lecture.ok) erreurs.push(...ordre(lecture.valeur.debut, lecture.valeur.fin, 'action-fin'))
  if (!lecture.ok || erreurs.length > 0) return { ok: false, erreurs }
  const v = lecture.valeur
  const acteur = v.porteurActeur.trim() === '' ? null : Number(v.porteurActeur)
  return {
    ok: true,
    valeur: {
      axe: Number(v.axe),
      titre: v.titre,
      description: v.description,
      // an actor's name is never copied: it is read from the actor, current (store.ts)
      porteur: acteur === null ? v.porteur : '',
      porteurActeurId: acteur,
      partenaires: v.partenaires
        .split(/[\n;]/)
        .map((p) => p.trim())
        .filter(Boolean),
      partenairesActeurs: [...new Set(cochees.map(Number))],
      budgetCentimes: v.budget,
      cofinancements,
      debut: v.debut,
      fin: v.fin,
      statut: v.statut,
      avancement: Number(v.avancement),
    },
  }
}

export const lireAvancement = (corps: Corps) =>
  lire(
    {
      ...STATUT_ET_AVANCEMENT,
    },
    corps,
    'avancement-',
  )

const cibles = {
  reference: nombre('la valeur de référence', false),
  dateReference: dateFacultative('La date de référence'),
  cible: nombre('la valeur cible', false),
  dateCible: dateFacultative('La date cible'),
  sens: z.enum(['hausse', 'baisse'], { error: 'Choisissez si l’indicateur doit monter ou baisser.' }),
}

export const lireIndicateurSaisi = (corps: Corps) =>
  lire(
    {
      libelle: requis('le libellé de l’indicateur'),
      unite: requis('l’unité (personnes, %, euros…)', 40),
      source: requis('la source de la valeur (qui la produit, d’où elle vient)', 300),
      ...cibles,
    },
    corps,
    'saisi-',
  )

export const lireIndicateurCalcule = (corps: Corps, codes: readonly string[]) =>
  lire({ code: z.string().refine((c) => codes.includes(c), { error: 'Choisissez un indicateur du catalogue.' }), parametre: z.string().max(200), ...cibles }, corps, 'calcule-')

export const lireMesure = (corps: Corps) =>
  lire({ date: dateRequise('la date de la mesure'), valeur: nombre('la valeur', true), source: requis('la source de la valeur', 300) }, corps, 'mesure-')
