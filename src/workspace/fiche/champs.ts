/**
 * What the place-editing form is made of, shared by its reading (`lecture.ts`) and its
 * rendering (`formulaire.tsx`): the single-line and multi-line fields, the fields typed one value
 * per line, the checkbox lists of the standard's closed vocabularies (exact v1.0.2 values; the
 * values are already French, typologies show their label and code), and the input id of each
 * field, so that an error links to the right control.
 */
import { TYPOLOGIES, VOCABULAIRES, type ChampEnumere } from '../../places/standard/enumerations.ts'
import type { Champ } from '../../places/standard/fields.ts'
import type { Option } from '../../platform/ui/formulaire.tsx'

/** Fields typed in one input each (text, phone, web address, number, free text). */
export const CHAMPS_SIMPLES = [
  'pivot',
  'nom',
  'structure_parente',
  'adresse',
  'complement_adresse',
  'code_postal',
  'commune',
  'code_insee',
  'latitude',
  'longitude',
  'telephone',
  'prise_rdv',
  'fiche_acces_libre',
  'presentation_resume',
  'presentation_detail',
] as const satisfies readonly Champ[]

/** Open lists typed in a text area, one value per line. */
export const CHAMPS_PAR_LIGNE = ['courriels', 'site_web', 'autres_formations_labels'] as const satisfies readonly Champ[]

/** Closed lists, as checkboxes, in the order of the form. */
export const CHAMPS_A_COCHER = [
  'typologie',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'modalites_acces',
  'modalites_accompagnement',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'itinerance',
] as const satisfies readonly ChampEnumere[]

export type ChampACocher = (typeof CHAMPS_A_COCHER)[number]

const ordreFrancais = (a: Option, b: Option): number => a.libelle.localeCompare(b.libelle, 'fr')

function pourChaque<T>(valeur: (champ: ChampACocher) => T): Record<ChampACocher, T> {
  const table = {} as Record<ChampACocher, T>
  for (const champ of CHAMPS_A_COCHER) table[champ] = valeur(champ)
  return table
}

/** The choices of each checkbox list: the exact standard values (typologies by label). */
export const OPTIONS: Readonly<Record<ChampACocher, readonly Option[]>> = pourChaque((champ) =>
  champ === 'typologie'
    ? Object.entries(TYPOLOGIES)
        .map(([code, libelle]) => ({ valeur: code, libelle: code === libelle ? libelle : `${libelle} (${code})` }))
        .sort(ordreFrancais)
    : VOCABULAIRES[champ].map((valeur) => ({ valeur, libelle: valeur })),
)

/** Values a checkbox list admits, for refusing forged ones. */
export const ADMISES: Readonly<Record<ChampACocher, ReadonlySet<string>>> = pourChaque((champ) => new Set(OPTIONS[champ].map((o) => o.valeur)))

/**
 * Input id of the hours editor's main control, where a problem the standard's validation finds
 * in the hours (field `horaires`) is linked.
 */
export const ID_HORAIRES = 'horaires'

/** The inputs in the order of the form: errors are listed as they appear on the page. */
const ORDRE_DES_CHAMPS: readonly string[] = [
  'nom', 'pivot', 'typologie', 'structure_parente',
  'adresse', 'complement_adresse', 'code_postal', 'commune', 'code_insee', 'latitude', 'longitude',
  'telephone', 'courriels', 'site_web', 'prise_rdv', 'fiche_acces_libre',
  ID_HORAIRES,
  'presentation_resume', 'presentation_detail',
  'services', 'publics_specifiquement_adresses', 'prise_en_charge_specifique', 'frais_a_charge', 'modalites_acces',
  'modalites_accompagnement', 'dispositif_programmes_nationaux', 'formations_labels', 'itinerance', 'autres_formations_labels',
]

/** Rank of an input id in the form; every input of the hours editor (`horaires…`) ranks as the editor. */
export function rangDuChamp(id: string): number {
  const rang = ORDRE_DES_CHAMPS.indexOf(id.startsWith(ID_HORAIRES) ? ID_HORAIRES : id)
  return rang < 0 ? ORDRE_DES_CHAMPS.length : rang
}

/**
 * The input id a field's problem links to: the field name itself (a checkbox list's first box
 * has that id), `latitude` for the pair of coordinates; '' for fields the form does not show.
 */
export function idDuChamp(champ: string): string {
  if (champ === 'horaires') return ID_HORAIRES
  if (champ === 'longitude') return 'latitude'
  if (champ === 'id' || champ === 'date_maj' || champ === 'source') return ''
  return champ
}
