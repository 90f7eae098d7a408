/**
 * The format of a mapping file (`aiguillage import --correspondance`, docs/correspondance.md),
 * checked with zod: what each standard field takes from the producer's columns. Every problem of
 * a definition is reported at once, in French, naming where it is.
 */
import { z } from 'zod'
import { plusProche } from '../../platform/text.ts'
import { CHAMPS, type Champ } from '../standard/fields.ts'
import { CODES_TYPOLOGIE, VOCABULAIRES } from '../standard/enumerations.ts'

export const JOURS_SEMAINE = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const

const texte = z
  .string({ error: (iss) => (iss.input === undefined ? 'est obligatoire' : 'doit être un texte entre guillemets') })
  .trim()
  .min(1, { error: 'ne doit pas être vide' })
const textes = z.array(texte, { error: 'doit être une liste de textes, par exemple ["a", "b"]' }).min(1, { error: 'ne doit pas être une liste vide' })
const texteOuTextes = z.union([texte, textes], { error: 'doit être un texte ou une liste de textes' })
const objet = <T extends z.ZodRawShape>(forme: T, nom: string, attendu = `${nom} doit être un objet { … }`) =>
  z.strictObject(forme, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `clé(s) inconnue(s) dans ${nom} : ${iss.keys.map((k) => `« ${k} »`).join(', ')}` : attendu),
  })

const regle = objet(
  { egal: textes.optional(), contient: textes.optional(), sauf: textes.optional(), colonnes: textes.optional(), valeur: texteOuTextes },
  'une règle',
)

const source = objet(
  {
    colonne: texte.optional(),
    joindre: objet({ colonnes: textes, separateur: z.string({ error: 'doit être un texte' }).optional() }, '« joindre »').optional(),
    valeur: z.union([texte, textes, z.number()], { error: 'doit être un texte, un nombre ou une liste de textes' }).optional(),
    jours: objet(Object.fromEntries(JOURS_SEMAINE.map((j) => [j, texte.optional()])), '« jours »').optional(),
    separateur: z.string({ error: 'doit être un texte' }).optional(),
    regles: z.array(regle, { error: 'doit être une liste de règles [ { … } ]' }).optional(),
    sinon: z.union([z.enum(['garder', 'ignorer']), texte, textes], { error: '« sinon » vaut "garder", "ignorer" ou une valeur' }).optional(),
  },
  'la correspondance d’un champ',
  'doit être un nom de colonne ou un objet { "colonne": … }',
)

const schema = objet(
  {
    nom: texte.optional(),
    description: z.string({ error: 'doit être un texte' }).optional(),
    reconnait: textes.optional(),
    // « "nom": "Nom de la structure" » is short for « "nom": { "colonne": "Nom de la structure" } »
    champs: z.record(z.string(), z.preprocess((v) => (typeof v === 'string' ? { colonne: v } : v), source), {
      error: (iss) => (iss.input === undefined ? 'est obligatoire' : 'doit être un objet { "champ du standard": … }'),
    }),
  },
  'le fichier de correspondance',
)

export type Regle = z.infer<typeof regle>
export type Source = z.infer<typeof source>
export interface Definition {
  nom?: string | undefined
  reconnait?: string[] | undefined
  champs: Partial<Record<Champ, Source>>
}

const CHAMPS_CONNUS = new Set<string>(CHAMPS)
/** The admitted values of each enumerated field (typologie: its codes). */
const ADMISES: Partial<Record<Champ, readonly string[]>> = { ...VOCABULAIRES, typologie: CODES_TYPOLOGIE }
const liste = (v: string | string[]) => (Array.isArray(v) ? v : [v])

function verifierValeurs(champ: Champ, valeurs: string[], ou: string, problemes: string[]): void {
  const admises = ADMISES[champ]
  if (!admises) return
  for (const v of valeurs) {
    if (admises.includes(v)) continue
    const proche = plusProche(v, admises)
    problemes.push(`${ou} : « ${v} » n'est pas une valeur admise pour ${champ}.${proche ? ` Vouliez-vous dire « ${proche} » ?` : ''}`)
  }
}

function messageChampInconnu(nom: string): string {
  const proche = plusProche(nom, CHAMPS)
  return `champs › ${nom} : « ${nom} » n'est pas un champ du standard.${proche ? ` Vouliez-vous dire « ${proche} » ?` : ''}`
}

/** Unknown field names, also reported when the rest of the definition is malformed. */
function champsInconnus(brut: unknown): string[] {
  const champs = brut !== null && typeof brut === 'object' ? (brut as { champs?: unknown }).champs : undefined
  if (champs === null || typeof champs !== 'object' || Array.isArray(champs)) return []
  return Object.keys(champs).filter((nom) => !CHAMPS_CONNUS.has(nom)).map(messageChampInconnu)
}

/** Checks that go beyond the shape: field names, required fields, values of the enumerations. */
function verifierSens(champs: Record<string, Source>): string[] {
  const problemes: string[] = []
  for (const [nom, brut] of Object.entries(champs)) {
    const ou = `champs › ${nom}`
    if (!CHAMPS_CONNUS.has(nom)) {
      problemes.push(messageChampInconnu(nom))
      continue
    }
    const champ = nom as Champ
    const sortes = (['colonne', 'joindre', 'valeur', 'jours'] as const).filter((s) => brut[s] !== undefined)
    if (sortes.length === 0 && !brut.regles?.some((r) => r.colonnes)) problemes.push(`${ou} : indiquez d'où vient la valeur : "colonne", "joindre", "valeur" ou "jours".`)
    if (sortes.length > 1) problemes.push(`${ou} : une seule origine par champ, pas ${sortes.map((s) => `« ${s} »`).join(' et ')}.`)
    if (brut.jours !== undefined && champ !== 'horaires') problemes.push(`${ou} : « jours » (une colonne par jour) ne sert qu'au champ horaires.`)
    const enumere = ADMISES[champ] !== undefined
    if ((brut.regles !== undefined || brut.sinon !== undefined) && !enumere) {
      problemes.push(`${ou} : des règles ne s'appliquent qu'aux champs à valeurs listées (services, publics, frais, typologie…), pas à ${champ}.`)
    }
    if (enumere && brut.valeur !== undefined && typeof brut.valeur !== 'number') verifierValeurs(champ, liste(brut.valeur), `${ou} › valeur`, problemes)
    if (enumere && brut.sinon !== undefined && brut.sinon !== 'garder' && brut.sinon !== 'ignorer') verifierValeurs(champ, liste(brut.sinon), `${ou} › sinon`, problemes)
    brut.regles?.forEach((r, i) => verifierValeurs(champ, liste(r.valeur), `${ou} › règle n° ${i + 1} › valeur`, problemes))
  }
  for (const obligatoire of ['id', 'nom', 'adresse'] as const) {
    if (!(obligatoire in champs)) problemes.push(`champs : le champ obligatoire « ${obligatoire} » n'est associé à aucune colonne.`)
  }
  if (!['commune', 'code_postal', 'code_insee'].some((c) => c in champs)) {
    problemes.push('champs : associez au moins la commune, le code postal ou le code INSEE, pour situer les lieux.')
  }
  return problemes
}

const chemin = (elements: readonly PropertyKey[]): string =>
  elements.map((e) => (typeof e === 'number' ? `n° ${e + 1}` : String(e) === 'regles' ? 'règles' : String(e))).join(' › ')

/** The checked definition, or an Error whose French message lists every problem. */
export function lireDefinition(brut: unknown): Definition {
  const resultat = schema.safeParse(brut)
  const problemes = resultat.success
    ? verifierSens(resultat.data.champs)
    : [...resultat.error.issues.map((issue) => `${issue.path.length > 0 ? `${chemin(issue.path)} : ` : ''}${issue.message}`), ...champsInconnus(brut)]
  if (problemes.length > 0 || !resultat.success) {
    throw new Error(`Le fichier de correspondance n'est pas valide (${problemes.length} problème${problemes.length > 1 ? 's' : ''}) :\n${problemes.map((p) => `- ${p}`).join('\n')}`)
  }
  const champs: Partial<Record<Champ, Source>> = {}
  for (const [nom, source] of Object.entries(resultat.data.champs)) champs[nom as Champ] = source
  return { nom: resultat.data.nom, reconnait: resultat.data.reconnait, champs }
}
