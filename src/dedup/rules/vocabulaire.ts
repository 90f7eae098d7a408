/**
 * The words of place names that carry no identity, and the forms that mean the same thing:
 * multi-word forms brought to one word (« centre communal d'action sociale » → ccas, « maison de
 * services au public », « France services » → franceservices, « hôtel de ville », « ville »,
 * « commune » → mairie…), abbreviations (« St » → saint), articles, words that say what kind of
 * place it is rather than which one (weighed down in names), and kinds of body that may host a
 * France services counter.
 */

/** Multi-word forms replaced by one word, applied in order on the normalised text. */
export const LOCUTIONS: ReadonlyArray<[string, RegExp, string]> = [
  // [a piece of text the form cannot do without (a cheap test first), the form, its word]
  ['action sociale', /\b(?:centre|ctre) com(?:munal)? (?:d )?action sociale\b/g, 'ccas'],
  ['action sociale', /\bcentre intercommunal (?:d )?action sociale\b/g, 'cias'],
  ['service', /\bmaison (?:de |du |des )?service (?:au |aux )?public\b/g, 'franceservices'],
  ['france service', /\bfrance service\b/g, 'franceservices'],
  ['franceservices', /\b(?:maison|espace|point|relai|guichet|agence) franceservices\b/g, 'franceservices'],
  ['msap', /\bmsap\b/g, 'franceservices'],
  ['numerique', /\bespace (?:publi(?:c|que) )?numerique\b/g, 'epn'],
  ['culture', /\bmaison (?:de |des )?jeune et (?:de )?la culture\b/g, 'mjc'],
  ['c', /\bcommunaute (?:de |des )?commune\b|\bcdc\b/g, 'cc'],
  ['agglo', /\bcommunaute (?:d )?agglomeration\b|\bagglomeration\b|\bagglo\b/g, 'ca'],
  ['', /\bhotel de ville\b|\bville\b|\bcommune\b|\bmunicipalite\b/g, 'mairie'],
  ['j', /\b(?:point|bureau) (?:d )?information jeunesse\b|\binformation jeunesse\b|\binfo jeune\b|\bbij\b/g, 'pij'],
  ['mission locale', /\bmission locale\b/g, 'missionlocale'],
  ['c', /\b(?:centre|espace|ctre) socio ?culturel\b|\bcentre social et culturel\b|\bcentre social\b|\bcscs?\b/g, 'centresocial'],
  ['lieu', /\btiers? lieux?\b|\btierslieux?\b/g, 'tierslieu'],
  ['poste', /\bla poste\b|\bbureau de poste\b/g, 'laposte'],
  ['', /\bpole emploi\b|\bfrance travail\b/g, 'francetravail'],
  ['departement', /\bconseil departemental\b|\bdepartementale?\b/g, 'departement'],
]

/** Single-word abbreviations and synonyms. */
export const SYNONYMES: ReadonlyMap<string, string> = new Map(Object.entries({
  st: 'saint',
  ste: 'sainte',
  ass: 'association',
  asso: 'association',
  assoc: 'association',
  ctre: 'centre',
  mediatheque: 'bibliotheque',
  biblio: 'bibliotheque',
  bibliotheque: 'bibliotheque',
  municipale: 'municipal',
  intercommunale: 'intercommunal',
  sociale: 'social',
  culturelle: 'culturel',
  deleguee: 'delegue',
  cyberbase: 'cyber',
  multimedia: 'numerique',
}))

export const MOTS_VIDES = new Set(['a', 'au', 'aux', 'd', 'de', 'du', 'des', 'en', 'et', 'l', 'la', 'le', 'les', 'un', 'une', 'sur', 'sous', 'pour', 'par', 'dans', 'chez', 'lez', 'y', 'the', 'son', 'sa', 'se', 'ses', 'leur', 'notre', 'nos', 'votre', 'vos'])

/** Words that say what kind of place it is rather than which one. */
export const GENERIQUES = new Set([
  'franceservices', 'mairie', 'ccas', 'cias', 'cc', 'ca', 'cu', 'epn', 'mjc', 'pij', 'missionlocale', 'centresocial', 'tierslieu', 'laposte',
  'francetravail', 'departement', 'centre', 'social', 'culturel', 'bibliotheque', 'municipal', 'intercommunal', 'espace', 'numerique', 'maison',
  'association', 'point', 'accueil', 'service', 'public', 'pole', 'antenne', 'site', 'bus', 'itinerant', 'conseil', 'solidarite', 'quartier',
  'habitant', 'cyber', 'informatique', 'atelier', 'mediation', 'info', 'information', 'jeunesse', 'jeune', 'emploi', 'insertion', 'formation',
  'agence', 'bureau', 'local', 'locale', 'groupe', 'communaute', 'union', 'federation', 'delegue', 'direction', 'action', 'famille', 'lieu',
  'relai', 'guichet', 'permanence', 'annexe', 'siege', 'territorial', 'territoire', 'metropole', 'region', 'regional', 'france', 'national',
  'digital', 'inclusion', 'aide', 'aidant', 'connect', 'structure', 'salle', 'office', 'club', 'foyer', 'communal', 'ecole', 'cyberespace',
  'socioculturel', 'mediatheque',
])

/** The words locutions start with: most names have none, and skip the locutions altogether. */
export const DEBUTS_LOCUTIONS: ReadonlySet<string> = new Set(['centre', 'ctre', 'maison', 'france', 'espace', 'point', 'relai', 'guichet', 'agence', 'msap', 'communaute', 'cdc', 'agglo', 'hotel', 'ville', 'commune', 'municipalite', 'bureau', 'information', 'info', 'bij', 'mission', 'csc', 'cscs', 'tier', 'tiers', 'tierslieu', 'tierslieux', 'poste', 'pole', 'conseil', 'departemental', 'departementale', 'agglomeration'])

/** Words that name a kind of body which may host a counter (town hall, CCAS, intercommunality…). */
const ORGANISATIONS = new Set(['mairie', 'ccas', 'cias', 'cc', 'ca', 'cu', 'departement', 'missionlocale', 'laposte', 'centresocial', 'mjc', 'pij', 'francetravail', 'metropole', 'communaute', 'region', 'conseil', 'prefecture', 'bibliotheque'])

export const estOrganisation = (mot: string): boolean => ORGANISATIONS.has(mot)
export const estGenerique = (mot: string): boolean => GENERIQUES.has(mot)

/** Names that name nothing (normalised): « non diffusible », « inconnu », « NC »… */
export const SANS_IDENTITE = /^(?:non diffusible|non communique|inconnu|nc|nd|n a|na|sans nom|test|x+)$/
