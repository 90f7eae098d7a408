/**
 * One activity report (CRA) as a mediator enters it — an individual accompaniment or a
 * collective workshop — checked with La Coop de la médiation numérique's rules (zod, French
 * messages): every error of the entry is reported, each tied to its field (dotted path, e.g.
 * `participants.genre.feminin`). Pure: today's date is a parameter (Europe/Paris by default).
 * Reference: shared/reference/activity-reporting-la-coop.md §3–§5.
 */
import { z } from 'zod'
import { aujourdhuiParis } from '../../places/validation/date-maj.ts'
import {
  AUTONOMIES,
  type Autonomie,
  demarchesAutorisees,
  GENRES,
  type Genre,
  MATERIELS,
  type Materiel,
  NIVEAUX_ATELIER,
  type NiveauAtelier,
  STATUTS_SOCIAUX,
  type StatutSocial,
  STRUCTURES_REDIRECTION,
  type StructureDeRedirection,
  type Terme,
  THEMATIQUES,
  THEMATIQUES_DEMARCHE,
  type Thematique,
  type ThematiqueDemarche,
  TRANCHES_AGE,
  type TrancheAge,
  TYPES_ACTIVITE,
  TYPES_LIEU,
  TYPES_LIEU_AVEC_COMMUNE,
  type TypeLieu,
  valeurs,
} from './vocabulaire.ts'

/** No activity is recorded before this day (La Coop's data start in 2024; V1 ones in 2021). */
export const PREMIERE_DATE = '2020-01-01'
export const DUREE_MAXIMALE_MINUTES = 24 * 60
/** La Coop's ceiling for each counter of anonymous participants. */
export const COMPTEUR_MAXIMAL = 10_000

export interface BeneficiaireAnonyme {
  genre: Genre
  trancheAge: TrancheAge
  statutSocial: StatutSocial
  /** « J'ai déjà accompagné ce bénéficiaire »: not counted as a new beneficiary. */
  dejaAccompagne: boolean
  /** Code INSEE of the commune of residence. */
  communeResidence?: string
}

/** The anonymous participants of a workshop, as counters (La Coop's `participantsAnonymes`). */
export interface ParticipantsAnonymes {
  total: number
  dejaAccompagne: number
  genre: Record<Genre, number>
  trancheAge: Record<TrancheAge, number>
  statutSocial: Record<StatutSocial, number>
}

interface ActiviteCommune {
  /** `YYYY-MM-DD`, « Date de l'accompagnement ». */
  date: string
  /** In minutes. */
  duree: number
  typeLieu: TypeLieu
  /** Id of one of the mediator's lieux d'activité; only with `typeLieu = lieu_activite`. */
  lieu?: string
  /** Code INSEE of the commune; only with `typeLieu` `domicile` or `autre`. */
  commune?: string
  thematiques: Thematique[]
  /** Only with « Aide aux démarches administratives » among `thematiques`. */
  thematiquesDemarche: ThematiqueDemarche[]
  /** « Préciser le nom de la démarche administrative réalisée »; same condition. */
  precisionsDemarche?: string
  materiel: Materiel[]
  notes?: string
}

export interface ActiviteIndividuelle extends ActiviteCommune {
  type: 'individuel'
  autonomie?: Autonomie
  orienteVersStructure: boolean
  /** Only when `orienteVersStructure`. */
  structureDeRedirection?: StructureDeRedirection
  /** Id of a followed beneficiary; without one, `beneficiaireAnonyme` is always set. */
  beneficiaireSuivi?: string
  beneficiaireAnonyme?: BeneficiaireAnonyme
}

export interface ActiviteCollective extends ActiviteCommune {
  type: 'collectif'
  titreAtelier?: string
  niveau?: NiveauAtelier
  /** Ids of followed beneficiaries taking part. */
  beneficiairesSuivis: string[]
  participants: ParticipantsAnonymes
}

export type Activite = ActiviteIndividuelle | ActiviteCollective

export interface ErreurChamp {
  champ: string
  message: string
}

const liste = (vocabulaire: readonly Terme[]): string => vocabulaire.map((t) => `« ${t.valeur} »`).join(', ')
const cite = (valeur: unknown): string => (typeof valeur === 'string' ? `« ${valeur} »` : 'cette valeur')

/** A closed vocabulary: the message tells what is missing or which value is unknown. */
function choix<const T extends readonly [Terme, ...Terme[]]>(vocabulaire: T, nom: string) {
  return z.enum(valeurs(vocabulaire), {
    error: (iss) =>
      iss.input === undefined
        ? `Veuillez indiquer ${nom}.`
        : `La valeur ${cite(iss.input)} n'est pas permise pour ${nom}. Valeurs possibles : ${liste(vocabulaire)}.`,
  })
}

function texte(nom: string, maximum: number) {
  return z
    .string({ error: `${nom} doit être un texte.` })
    .trim()
    .max(maximum, { error: `${nom} est trop long (${maximum.toLocaleString('fr-FR')} caractères au plus).` })
    .transform((v) => (v === '' ? undefined : v))
    .optional()
}

const identifiant = (nom: string) =>
  z.string({ error: `${nom} doit être un identifiant (texte).` }).trim().min(1, { error: `${nom} ne peut pas être vide.` })

const codeInsee = (nom: string) =>
  z
    .string({ error: `Veuillez indiquer ${nom} par son code INSEE.` })
    .trim()
    .regex(/^(\d{5}|2[AB]\d{3})$/, { error: `Le code INSEE de ${nom} doit compter 5 caractères (par exemple 75056 ou 2A004).` })

const compteur = z
  .number({ error: 'Veuillez indiquer un nombre.' })
  .int({ error: 'Le nombre doit être un entier.' })
  .min(0, { error: 'Le nombre ne peut pas être négatif.' })
  .max(COMPTEUR_MAXIMAL, { error: `Le nombre ne peut pas dépasser ${COMPTEUR_MAXIMAL.toLocaleString('fr-FR')}.` })
  .default(0)

/** Counters keyed by the values of a vocabulary, each 0 when absent; unknown keys are refused. */
function compteurs<const T extends readonly [Terme, ...Terme[]]>(vocabulaire: T, nom: string) {
  const forme = Object.fromEntries(vocabulaire.map((t) => [t.valeur, compteur])) as Record<T[number]['valeur'], typeof compteur>
  const schema = z.strictObject(forme, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? undefined : `Les nombres par ${nom} doivent être donnés par valeur, par exemple { « ${vocabulaire[0].valeur} » : 3 }.`),
  })
  // absent: every counter at 0, through the counters' own defaults
  return schema.prefault({} as z.input<typeof schema>)
}

const schemaParticipants = z
  .strictObject(
    {
      total: compteur,
      dejaAccompagne: compteur,
      genre: compteurs(GENRES, 'genre'),
      trancheAge: compteurs(TRANCHES_AGE, "tranche d'âge"),
      statutSocial: compteurs(STATUTS_SOCIAUX, 'statut social'),
    },
    { error: (iss) => (iss.code === 'unrecognized_keys' ? undefined : 'Les participants anonymes doivent être donnés par des nombres (total, genre, tranche d\'âge, statut social).') },
  )
  .optional()

const schemaBeneficiaireAnonyme = z
  .strictObject(
    {
      genre: choix(GENRES, 'le genre').default('non_communique'),
      trancheAge: choix(TRANCHES_AGE, "la tranche d'âge").default('non_communique'),
      statutSocial: choix(STATUTS_SOCIAUX, 'le statut social').default('non_communique'),
      dejaAccompagne: z.boolean({ error: 'Veuillez répondre par oui (true) ou non (false).' }).default(false),
      communeResidence: codeInsee('la commune de résidence').optional(),
    },
    { error: (iss) => (iss.code === 'unrecognized_keys' ? undefined : 'Les informations sur le bénéficiaire doivent être un objet (genre, tranche d\'âge, statut social…).') },
  )
  .optional()

/** The fields of both kinds; those of the other kind are refused by `reglesCroisees`. */
function formeSaisie(aujourdhui: string) {
  return {
    type: choix(TYPES_ACTIVITE, "le type d'activité"),
    date: z
      .string({ error: (iss) => (iss.input === undefined ? "Veuillez indiquer la date de l'accompagnement." : 'La date doit être écrite AAAA-MM-JJ.') })
      .trim()
      .superRefine((d, ctx) => {
        if (!dateIso.safeParse(d).success) ctx.addIssue(`La date ${cite(d)} n'est pas une date réelle au format AAAA-MM-JJ (par exemple 2025-03-14).`)
        else if (d < PREMIERE_DATE) ctx.addIssue('La date ne peut pas être antérieure au 1er janvier 2020.')
        else if (d > aujourdhui) ctx.addIssue(`La date ne peut pas être dans le futur (nous sommes le ${aujourdhui}).`)
      }),
    duree: z
      .number({ error: (iss) => (iss.input === undefined ? 'Veuillez indiquer la durée, en minutes.' : 'La durée doit être un nombre de minutes.') })
      .int({ error: 'La durée doit être un nombre entier de minutes.' })
      .positive({ error: 'La durée doit être d\'au moins 1 minute.' })
      .max(DUREE_MAXIMALE_MINUTES, { error: 'La durée ne peut pas dépasser 24 heures (1 440 minutes).' }),
    typeLieu: choix(TYPES_LIEU, "le lieu de l'accompagnement"),
    lieu: identifiant("Le lieu d'activité").optional(),
    commune: codeInsee('la commune').optional(),
    thematiques: z
      .array(choix(THEMATIQUES, 'la thématique'), {
        error: (iss) => (iss.input === undefined ? 'Veuillez choisir au moins une thématique.' : 'Les thématiques doivent être une liste.'),
      })
      .min(1, { error: 'Veuillez choisir au moins une thématique.' }),
    thematiquesDemarche: z.array(choix(THEMATIQUES_DEMARCHE, 'la thématique de démarche administrative'), { error: 'Les thématiques de démarche administrative doivent être une liste.' }).default([]),
    precisionsDemarche: texte('Le nom de la démarche administrative', 500),
    materiel: z.array(choix(MATERIELS, 'le matériel'), { error: 'Le matériel doit être une liste.' }).default([]),
    notes: texte('Les notes', 10_000),
    // individuel
    autonomie: choix(AUTONOMIES, "le niveau d'autonomie").optional(),
    orienteVersStructure: z.boolean({ error: 'Veuillez répondre par oui (true) ou non (false) : le bénéficiaire est-il orienté vers une autre structure ?' }).optional(),
    structureDeRedirection: choix(STRUCTURES_REDIRECTION, 'la structure de redirection').optional(),
    beneficiaireSuivi: identifiant('Le bénéficiaire suivi').optional(),
    beneficiaireAnonyme: schemaBeneficiaireAnonyme,
    // collectif
    titreAtelier: texte("Le titre de l'atelier", 200),
    niveau: choix(NIVEAUX_ATELIER, "le niveau de l'atelier").optional(),
    beneficiairesSuivis: z.array(identifiant('Le bénéficiaire suivi'), { error: 'Les bénéficiaires suivis doivent être une liste.' }).optional(),
    participants: schemaParticipants,
  }
}

const dateIso = z.iso.date()

const CHAMPS_INDIVIDUELS = ['autonomie', 'orienteVersStructure', 'structureDeRedirection', 'beneficiaireSuivi', 'beneficiaireAnonyme'] as const
const CHAMPS_COLLECTIFS = ['titreAtelier', 'niveau', 'beneficiairesSuivis', 'participants'] as const

const lire = <T>(schema: z.ZodType<T>, valeur: unknown): T | undefined => {
  const r = schema.safeParse(valeur)
  return r.success ? r.data : undefined
}
const somme = (valeurs: unknown): number | undefined => {
  if (typeof valeurs !== 'object' || valeurs === null) return undefined
  const nombres = Object.values(valeurs)
  return nombres.every((n) => typeof n === 'number' && Number.isFinite(n)) ? nombres.reduce((a: number, n: number) => a + n, 0) : undefined
}
const present = (v: Record<string, unknown>, champ: string): boolean => v[champ] !== undefined && v[champ] !== null

/**
 * The rules between fields. They read the raw entry and check a rule only when the fields it
 * involves are themselves valid, so that they run (and report) even when other fields are wrong.
 */
function reglesCroisees(v: Record<string, unknown>, signaler: (champ: string, message: string) => void): void {
  const type = lire(choix(TYPES_ACTIVITE, ''), v['type'])
  const typeLieu = lire(choix(TYPES_LIEU, ''), v['typeLieu'])

  if (typeLieu === 'lieu_activite' && !present(v, 'lieu')) signaler('lieu', "Veuillez choisir le lieu d'activité où a eu lieu l'accompagnement.")
  if (typeLieu !== undefined && typeLieu !== 'lieu_activite' && present(v, 'lieu')) {
    signaler('lieu', "Un lieu d'activité ne s'indique que pour un accompagnement dans un lieu d'activité.")
  }
  const avecCommune = typeLieu !== undefined && TYPES_LIEU_AVEC_COMMUNE.includes(typeLieu)
  if (avecCommune && !present(v, 'commune')) signaler('commune', "Veuillez indiquer la commune où a eu lieu l'accompagnement.")
  if (typeLieu !== undefined && !avecCommune && present(v, 'commune')) {
    signaler('commune', 'La commune ne s\'indique que pour un accompagnement à domicile ou dans un autre lieu.')
  }

  const thematiques = lire(z.array(z.string()), v['thematiques'])
  if (thematiques !== undefined && !demarchesAutorisees(thematiques)) {
    const demarches = lire(z.array(z.unknown()), v['thematiquesDemarche'])
    const condition = 'seulement si la thématique « Aide aux démarches administratives » est choisie.'
    if (demarches !== undefined && demarches.length > 0) signaler('thematiquesDemarche', `Les thématiques de démarche administrative s'indiquent ${condition}`)
    if (typeof v['precisionsDemarche'] === 'string' && v['precisionsDemarche'].trim() !== '') {
      signaler('precisionsDemarche', `Le nom de la démarche administrative s'indique ${condition}`)
    }
  }

  if (type === 'collectif') {
    for (const champ of CHAMPS_INDIVIDUELS) if (present(v, champ)) signaler(champ, 'Ce champ ne concerne que les accompagnements individuels, pas les ateliers collectifs.')
    const suivis = lire(z.array(z.unknown()), v['beneficiairesSuivis']) ?? []
    const p = typeof v['participants'] === 'object' && v['participants'] !== null ? (v['participants'] as Record<string, unknown>) : {}
    const total = lire(compteur, p['total'])
    if (total === 0 && suivis.length === 0) signaler('participants', 'Veuillez renseigner au moins un bénéficiaire suivi ou anonyme.')
    if (total !== undefined) {
      const deja = lire(compteur, p['dejaAccompagne'])
      if (deja !== undefined && deja > total) {
        signaler('participants.dejaAccompagne', `Le nombre de bénéficiaires déjà accompagnés (${deja}) dépasse le total des bénéficiaires anonymes (${total}).`)
      }
      for (const [cle, nom] of [['genre', 'genres'], ['trancheAge', "tranches d'âge"], ['statutSocial', 'statuts sociaux']] as const) {
        const s = somme(p[cle])
        if (s !== undefined && s > total) {
          signaler(`participants.${cle}`, `La somme des données socio-démographiques dépasse le total des bénéficiaires anonymes : ${s} pour les ${nom}, pour ${total} bénéficiaires anonymes.`)
        }
      }
    }
  }

  if (type === 'individuel') {
    for (const champ of CHAMPS_COLLECTIFS) if (present(v, champ)) signaler(champ, 'Ce champ ne concerne que les ateliers collectifs, pas les accompagnements individuels.')
    if (present(v, 'structureDeRedirection') && v['orienteVersStructure'] !== true) {
      signaler('structureDeRedirection', 'La structure de redirection ne s\'indique que si le bénéficiaire est orienté vers une autre structure (orienteVersStructure : true).')
    }
    if (present(v, 'beneficiaireSuivi') && present(v, 'beneficiaireAnonyme')) {
      signaler('beneficiaireAnonyme', "Les informations anonymes ne s'indiquent que sans bénéficiaire suivi : ses informations sont déjà dans sa fiche.")
    }
  }
}

type Saisie = z.output<z.ZodObject<ReturnType<typeof formeSaisie>>>

function versActivite(e: Saisie): Activite {
  const commune: ActiviteCommune = {
    date: e.date,
    duree: e.duree,
    typeLieu: e.typeLieu,
    ...(e.lieu !== undefined && { lieu: e.lieu }),
    ...(e.commune !== undefined && { commune: e.commune }),
    thematiques: e.thematiques,
    thematiquesDemarche: e.thematiquesDemarche,
    ...(e.precisionsDemarche !== undefined && { precisionsDemarche: e.precisionsDemarche }),
    materiel: e.materiel,
    ...(e.notes !== undefined && { notes: e.notes }),
  }
  if (e.type === 'individuel') {
    const anonyme = e.beneficiaireAnonyme ?? { genre: 'non_communique', trancheAge: 'non_communique', statutSocial: 'non_communique', dejaAccompagne: false }
    return {
      ...commune,
      type: 'individuel',
      ...(e.autonomie !== undefined && { autonomie: e.autonomie }),
      orienteVersStructure: e.orienteVersStructure ?? false,
      ...(e.structureDeRedirection !== undefined && { structureDeRedirection: e.structureDeRedirection }),
      ...(e.beneficiaireSuivi !== undefined
        ? { beneficiaireSuivi: e.beneficiaireSuivi }
        : {
            beneficiaireAnonyme: {
              genre: anonyme.genre,
              trancheAge: anonyme.trancheAge,
              statutSocial: anonyme.statutSocial,
              dejaAccompagne: anonyme.dejaAccompagne,
              ...(anonyme.communeResidence !== undefined && { communeResidence: anonyme.communeResidence }),
            },
          }),
    }
  }
  const zero = <T extends string>(vocabulaire: readonly { valeur: T }[]) => Object.fromEntries(vocabulaire.map((t) => [t.valeur, 0])) as Record<T, number>
  return {
    ...commune,
    type: 'collectif',
    ...(e.titreAtelier !== undefined && { titreAtelier: e.titreAtelier }),
    ...(e.niveau !== undefined && { niveau: e.niveau }),
    beneficiairesSuivis: e.beneficiairesSuivis ?? [],
    participants: e.participants ?? { total: 0, dejaAccompagne: 0, genre: zero(GENRES), trancheAge: zero(TRANCHES_AGE), statutSocial: zero(STATUTS_SOCIAUX) },
  }
}

/** The schema of one activity, today being `aujourdhui` (`YYYY-MM-DD`). Unknown fields are refused. */
export function schemaActivite(aujourdhui: string = aujourdhuiParis()) {
  return z
    .strictObject(formeSaisie(aujourdhui), {
      error: (iss) => (iss.code === 'unrecognized_keys' ? undefined : "L'activité doit être un objet avec ses champs (type, date, durée…)."),
    })
    .superRefine(
      (valeur, ctx) => {
        const v = valeur as unknown
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return
        reglesCroisees(v as Record<string, unknown>, (champ, message) => ctx.addIssue({ code: 'custom', input: valeur, path: champ.split('.'), message }))
      },
      // also when other fields are wrong, so that every error of the entry is reported
      { when: () => true },
    )
    .transform(versActivite)
}

/** A zod issue as field errors; unknown keys give one error each, on their own path. */
function versErreurs(iss: z.core.$ZodIssue): ErreurChamp[] {
  const chemin = iss.path.map(String)
  if (iss.code === 'unrecognized_keys') {
    return iss.keys.map((cle) => ({ champ: [...chemin, cle].join('.'), message: `Le champ « ${cle} » n'est pas attendu ici.` }))
  }
  return [{ champ: chemin.join('.'), message: iss.message }]
}

let schemaDuJour: { jour: string; schema: ReturnType<typeof schemaActivite> } | undefined

/**
 * Checks one activity entered by a mediator: the activity, or every error of the entry, each
 * tied to its field (dotted path), in French.
 */
export function validerActivite(brut: unknown, aujourdhui: string = aujourdhuiParis()): { activite: Activite } | { erreurs: ErreurChamp[] } {
  // building the schema costs more than checking an entry: one per day, kept
  if (schemaDuJour?.jour !== aujourdhui) schemaDuJour = { jour: aujourdhui, schema: schemaActivite(aujourdhui) }
  const resultat = schemaDuJour.schema.safeParse(brut)
  if (resultat.success) return { activite: resultat.data }
  return { erreurs: resultat.error.issues.flatMap(versErreurs) }
}
