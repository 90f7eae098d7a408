/**
 * A followed beneficiary (« bénéficiaire suivi ») as a mediator enters it: identity, socio-
 * demographic data and the person's CONSENT (date, scope, how it was given), checked with zod and
 * French messages — every error of the form reported, each tied to its field (the form's `name`).
 * The age bracket follows La Coop's thresholds (reference §5.3): age = this year − birth year;
 * < 12, < 18, < 25, < 40, < 60, < 70, then 70 and more; without a birth year, the bracket chosen
 * (or « non communiqué »). Pure: today's date is a parameter.
 */
import { z } from 'zod'
import { normaliserTelephone } from '../../places/validation/telephone.ts'
import { lireDateConsentement, PORTEES_CONSENTEMENT, RECUEILS_CONSENTEMENT, type PorteeConsentement, type RecueilConsentement } from './acces.ts'
import { GENRES, STATUTS_SOCIAUX, TRANCHES_AGE, type Genre, type StatutSocial, type Terme, type TrancheAge } from './vocabulaire.ts'

export const ANNEE_NAISSANCE_MINIMALE = 1900
export const LONGUEUR_NOM = 100
export const LONGUEUR_NOTES = 2000
export const LONGUEUR_ADRESSE = 300
/** The hint next to the notes: free text must never hold sensitive data (RGPD art. 9, La Coop's CGU). */
export const AIDE_NOTES =
  'Seulement ce qui sert à l’accompagnement. Aucune donnée sensible : ni santé, ni handicap, ni opinions politiques ou religieuses, ni origine, ni situation judiciaire, ni numéro de sécurité sociale.'

/** La Coop's age thresholds: [age below which, bracket]. */
export const SEUILS_TRANCHE_AGE: ReadonlyArray<readonly [number, TrancheAge]> = [
  [12, 'moins_de_douze'],
  [18, 'douze_dix_huit'],
  [25, 'dix_huit_vingt_quatre'],
  [40, 'vingt_cinq_trente_neuf'],
  [60, 'quarante_cinquante_neuf'],
  [70, 'soixante_soixante_neuf'],
]

/** The age bracket of a person born in `anneeNaissance`, in `anneeCourante`. */
export function trancheAgeDeNaissance(anneeNaissance: number, anneeCourante: number): TrancheAge {
  const age = anneeCourante - anneeNaissance
  return SEUILS_TRANCHE_AGE.find(([seuil]) => age < seuil)?.[1] ?? 'soixante_dix_plus'
}

export interface ConsentementBeneficiaire {
  /** `YYYY-MM-DD`, not after today. */
  le: string
  portee: PorteeConsentement
  recueil: RecueilConsentement
}

export interface SaisieBeneficiaire {
  prenom: string
  nom: string
  /** International form (`+33612345678`), or null. */
  telephone: string | null
  courriel: string | null
  anneeNaissance: number | null
  trancheAge: TrancheAge
  genre: Genre
  statutSocial: StatutSocial
  /** Code INSEE. */
  communeResidence: string | null
  adresse: string | null
  notes: string | null
  consentement: ConsentementBeneficiaire
}

export interface ErreurBeneficiaire {
  /** The form field's name (and control id). */
  champ: string
  message: string
}

/** The form's fields, as posted (`name` → text). */
export type FormulaireBeneficiaire = Record<string, string | string[] | undefined>

const valeursDe = <const T extends readonly [Terme, ...Terme[]]>(v: T) => v.map((t) => t.valeur) as unknown as [T[number]['valeur'], ...T[number]['valeur'][]]

function choix<const T extends readonly [Terme, ...Terme[]]>(vocabulaire: T, nom: string) {
  return z.enum(valeursDe(vocabulaire), { error: `Veuillez choisir ${nom} dans la liste.` })
}

const facultatif = (max: number, trop: string) =>
  z
    .string()
    .max(max, { error: trop })
    .transform((v) => (v === '' ? null : v))

const requis = (nom: string, quoi: string) =>
  z
    .string()
    .min(1, { error: `Veuillez indiquer ${quoi}.` })
    .max(LONGUEUR_NOM, { error: `${nom} est trop long (${LONGUEUR_NOM} caractères au plus).` })

function schema(aujourdhui: string) {
  const anneeCourante = Number(aujourdhui.slice(0, 4))
  return z.object({
    prenom: requis('Le prénom', 'le prénom de la personne'),
    nom: requis('Le nom', 'le nom de la personne'),
    telephone: z.string().transform((v, ctx) => {
      if (v === '') return null
      const numero = normaliserTelephone(v, null)
      if (numero === null) ctx.addIssue('Le numéro de téléphone n’est pas reconnu : écrivez-le comme 06 12 34 56 78 ou +33 6 12 34 56 78, ou laissez le champ vide.')
      return numero
    }),
    courriel: z
      .string()
      .max(254, { error: 'L’adresse électronique est trop longue.' })
      .transform((v) => v.toLowerCase())
      .pipe(z.union([z.literal(''), z.email({ error: 'L’adresse électronique n’est pas valide : elle s’écrit comme nom@exemple.fr.' })]))
      .transform((v) => (v === '' ? null : v)),
    annee_naissance: z.string().transform((v, ctx) => {
      if (v === '') return null
      const annee = /^\d{4}$/.test(v) ? Number(v) : NaN
      if (Number.isNaN(annee) || annee < ANNEE_NAISSANCE_MINIMALE || annee > anneeCourante) {
        ctx.addIssue(`L’année de naissance doit être une année entre ${ANNEE_NAISSANCE_MINIMALE} et ${anneeCourante}, écrite avec 4 chiffres (par exemple 1972).`)
        return null
      }
      return annee
    }),
    tranche_age: z.union([z.literal(''), choix(TRANCHES_AGE, 'la tranche d’âge')]),
    genre: z.union([z.literal(''), choix(GENRES, 'le genre')]),
    statut_social: z.union([z.literal(''), choix(STATUTS_SOCIAUX, 'le statut social')]),
    commune_residence: z
      .string()
      .regex(/^$|^(\d{5}|2[AB]\d{3})$/i, { error: 'La commune de résidence n’est pas reconnue : indiquez son nom, son code postal ou son code INSEE (par exemple Chambéry, 73000 ou 73065).' })
      .transform((v) => (v === '' ? null : v.toUpperCase())),
    adresse: facultatif(LONGUEUR_ADRESSE, `L’adresse est trop longue (${LONGUEUR_ADRESSE} caractères au plus).`),
    notes: facultatif(LONGUEUR_NOTES, `Les notes sont trop longues (${LONGUEUR_NOTES / 1000} 000 caractères au plus).`),
    consentement_le: z.string().transform((brut, ctx) => {
      const lue = lireDateConsentement(brut, aujourdhui)
      if ('erreur' in lue) ctx.addIssue(lue.erreur)
      return 'le' in lue ? lue.le : ''
    }),
    consentement_portee: z.enum(valeursDe(PORTEES_CONSENTEMENT), { error: 'Veuillez indiquer qui, avec l’accord de la personne, pourra voir sa fiche.' }),
    consentement_recueil: z.enum(valeursDe(RECUEILS_CONSENTEMENT), { error: 'Veuillez indiquer comment la personne a donné son accord.' }),
  })
}

/** The fields of the form, in the order of the page (the error summary follows it). */
export const CHAMPS_BENEFICIAIRE = [
  'prenom',
  'nom',
  'telephone',
  'courriel',
  'annee_naissance',
  'tranche_age',
  'genre',
  'statut_social',
  'commune_residence',
  'adresse',
  'notes',
  'consentement_le',
  'consentement_portee',
  'consentement_recueil',
] as const

/** One posted field as a single trimmed line (notes keep their line breaks); repeated → the first. */
function un(corps: FormulaireBeneficiaire, cle: string): string {
  const brut = corps[cle]
  const v = Array.isArray(brut) ? (brut[0] ?? '') : (brut ?? '')
  return cle === 'notes' ? v.replace(/\r\n?/g, '\n').trim() : v.replace(/\s+/g, ' ').trim()
}

/**
 * Reads the beneficiary form: the entry, or every error tied to its field. `aujourdhui` is
 * `YYYY-MM-DD` (Europe/Paris); the age bracket is derived from the birth year when there is one.
 */
export function lireBeneficiaire(corps: FormulaireBeneficiaire, aujourdhui: string): { beneficiaire: SaisieBeneficiaire } | { erreurs: ErreurBeneficiaire[] } {
  const brut = Object.fromEntries(CHAMPS_BENEFICIAIRE.map((c) => [c, un(corps, c)]))
  const resultat = schema(aujourdhui).safeParse(brut)
  if (!resultat.success) {
    const erreurs = resultat.error.issues.map((iss) => ({ champ: String(iss.path[0] ?? ''), message: iss.message }))
    const rang = (champ: string) => CHAMPS_BENEFICIAIRE.indexOf(champ as (typeof CHAMPS_BENEFICIAIRE)[number])
    // one message per field, in the page's order
    return { erreurs: erreurs.filter((e, i) => erreurs.findIndex((x) => x.champ === e.champ) === i).sort((a, b) => rang(a.champ) - rang(b.champ)) }
  }
  const e = resultat.data
  const anneeCourante = Number(aujourdhui.slice(0, 4))
  return {
    beneficiaire: {
      prenom: e.prenom,
      nom: e.nom,
      telephone: e.telephone,
      courriel: e.courriel,
      anneeNaissance: e.annee_naissance,
      trancheAge: e.annee_naissance !== null ? trancheAgeDeNaissance(e.annee_naissance, anneeCourante) : e.tranche_age || 'non_communique',
      genre: e.genre || 'non_communique',
      statutSocial: e.statut_social || 'non_communique',
      communeResidence: e.commune_residence,
      adresse: e.adresse,
      notes: e.notes,
      consentement: { le: e.consentement_le, portee: e.consentement_portee, recueil: e.consentement_recueil },
    },
  }
}

/** The form's values for a stored beneficiary (to edit it). */
export function valeursDuFormulaire(b: SaisieBeneficiaire): Record<(typeof CHAMPS_BENEFICIAIRE)[number], string> {
  return {
    prenom: b.prenom,
    nom: b.nom,
    telephone: b.telephone ?? '',
    courriel: b.courriel ?? '',
    annee_naissance: b.anneeNaissance !== null ? String(b.anneeNaissance) : '',
    tranche_age: b.anneeNaissance !== null ? '' : b.trancheAge === 'non_communique' ? '' : b.trancheAge,
    genre: b.genre === 'non_communique' ? '' : b.genre,
    statut_social: b.statutSocial === 'non_communique' ? '' : b.statutSocial,
    commune_residence: b.communeResidence ?? '',
    adresse: b.adresse ?? '',
    notes: b.notes ?? '',
    consentement_le: b.consentement.le,
    consentement_portee: b.consentement.portee,
    consentement_recueil: b.consentement.recueil,
  }
}
