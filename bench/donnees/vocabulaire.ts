/**
 * Words the duplicate benchmark draws from: kinds of places as sources name them, eponyms and
 * districts that tell places of one town apart, streets, and the ways sources write the same
 * thing differently (abbreviations, upper case, « Mairie » / « Commune »). Invented, except the
 * common French street and eponym names every town has.
 */

/** A kind of place: its typology, how it is named (`{c}` commune, `{e}` eponym or district), its weight. */
export interface Genre {
  typologie: string
  noms: readonly string[]
  /** Another way a source names it (`{c}`, `{e}`), e.g. « Commune de {c} ». */
  variantes: readonly string[]
  poids: number
  /** The kind exists once per commune (town hall, CCAS…): no eponym needed. */
  unique?: boolean
  dispositif?: string
}

export const GENRES: readonly Genre[] = [
  { typologie: 'MUNI', noms: ['Mairie de {c}'], variantes: ['Commune de {c}', 'Ville de {c}', 'Hôtel de ville de {c}', 'MAIRIE DE {C}'], poids: 14, unique: true },
  { typologie: 'CCAS', noms: ['CCAS de {c}'], variantes: ['Centre communal d’action sociale de {c}', 'C.C.A.S. {c}', 'CTRE COM ACTION SOCIALE {C}'], poids: 8, unique: true },
  { typologie: 'RFS', noms: ['France services {c}'], variantes: ['France Services de {c}', 'Maison France Services {c}', 'Espace France services de {c}', 'MSAP {c}'], poids: 10, unique: true, dispositif: 'France Services' },
  { typologie: 'BIB', noms: ['Médiathèque {e}', 'Bibliothèque {e}'], variantes: ['Médiathèque municipale {e}', 'MEDIATHEQUE {E}', 'Bibliothèque municipale {e}'], poids: 16 },
  { typologie: 'EPN', noms: ['Espace public numérique {e}', 'Cyber-espace {e}'], variantes: ['EPN {e}', 'Espace numérique {e}'], poids: 10 },
  { typologie: 'CS', noms: ['Centre social {e}', 'Centre socioculturel {e}'], variantes: ['Centre social et culturel {e}', 'CENTRE SOCIAL {E}', 'Association centre social {e}'], poids: 10 },
  { typologie: 'ASSO', noms: ['Association {e}', '{e} Numérique'], variantes: ['Asso {e}', 'ASSOCIATION {E}', 'Association « {e} »'], poids: 10 },
  { typologie: 'ML', noms: ['Mission locale de {c}'], variantes: ['Mission Locale {c}', 'MISSION LOCALE JEUNES {C}'], poids: 4, unique: true },
  { typologie: 'TIERS_LIEUX', noms: ['Tiers-lieu {e}', 'La Fabrique {e}'], variantes: ['Tiers lieu {e}', 'Tiers-Lieu numérique {e}'], poids: 5 },
  { typologie: 'MJC', noms: ['MJC {e}'], variantes: ['Maison des jeunes et de la culture {e}', 'M.J.C. {e}'], poids: 5 },
  { typologie: 'MQ', noms: ['Maison de quartier {e}'], variantes: ['Maison de Quartier {e}', 'MAISON DE QUARTIER {E}'], poids: 4 },
  { typologie: 'ENM', noms: ['Bus numérique {e}'], variantes: ['Bus France services {e}', 'Bus du numérique {e}'], poids: 2 },
]

export const EPONYMES = [
  'Jean Moulin', 'Simone Veil', 'Louise Michel', 'Victor Hugo', 'Jules Verne', 'Marie Curie', 'Jean Jaurès', 'Aimé Césaire', 'Olympe de Gouges',
  'George Sand', 'Albert Camus', 'Jacques Prévert', 'Colette', 'Boris Vian', 'Elsa Triolet', 'Paul Éluard', 'Émile Zola', 'Léo Lagrange',
  'Lucie Aubrac', 'Rosa Parks', 'Nelson Mandela', 'Pablo Neruda', 'Jean de La Fontaine', 'Frida Kahlo', 'Gisèle Halimi', 'Joséphine Baker',
  'du Centre', 'des Hauts', 'de la Gare', 'du Lac', 'des Tilleuls', 'du Moulin', 'des Quatre Vents', 'du Vieux Bourg', 'de la Plaine',
  'du Château', 'des Coteaux', 'du Parc', 'les Tisserands', 'le Phare', 'l’Escale', 'la Passerelle', 'le Lien', 'Pas à Pas', 'Clic et Partage',
  'la Ruche', 'le Relais', 'l’Atelier', 'la Boussole', 'Trait d’Union', 'Coup de Pouce', 'les Connectés', 'Entraide', 'Horizons', 'Arc-en-ciel',
]

export const VOIES: ReadonlyArray<[string, string]> = [
  ['rue', 'de la République'], ['rue', 'Victor Hugo'], ['avenue', 'Jean Jaurès'], ['rue', 'du Général de Gaulle'], ['place', 'de la Mairie'],
  ['rue', 'Pasteur'], ['boulevard', 'Gambetta'], ['rue', 'des Écoles'], ['place', 'du Marché'], ['rue', 'de la Gare'], ['chemin', 'des Vignes'],
  ['allée', 'des Tilleuls'], ['rue', 'Jean Moulin'], ['avenue', 'de la Libération'], ['rue', 'du 8 Mai 1945'], ['rue', 'Nationale'],
  ['place', 'de l’Église'], ['rue', 'Carnot'], ['boulevard', 'Voltaire'], ['rue', 'Saint-Martin'], ['route', 'de Lyon'], ['rue', 'des Lilas'],
  ['impasse', 'des Peupliers'], ['avenue', 'Foch'], ['rue', 'du Stade'], ['rue', 'de l’Industrie'], ['quai', 'de la Loire'], ['rue', 'Émile Zola'],
  ['place', 'Jean Jaurès'], ['rue', 'Anatole France'], ['avenue', 'du Maréchal Leclerc'], ['rue', 'du Moulin'], ['cours', 'de la Liberté'],
  ['rue', 'Paul Bert'], ['rue', 'des Jardins'], ['avenue', 'de Verdun'], ['rue', 'de la Paix'], ['rue', 'du Château'], ['chemin', 'du Lavoir'],
  ['rue', 'Louis Pasteur'], ['rue', 'des Acacias'], ['boulevard', 'de la Marne'], ['rue', 'Gustave Eiffel'], ['place', 'du 11 Novembre'],
]

/** How a source writes a street type: full, abbreviated, upper case. */
export const ABREVIATIONS_VOIES: Readonly<Record<string, readonly string[]>> = {
  rue: ['rue', 'Rue', 'RUE', 'r.'], avenue: ['avenue', 'Avenue', 'AV', 'av.'], boulevard: ['boulevard', 'Boulevard', 'BD', 'bd'],
  place: ['place', 'Place', 'PL', 'pl.'], chemin: ['chemin', 'Chemin', 'CHE', 'ch.'], allée: ['allée', 'Allée', 'ALL', 'all.'],
  route: ['route', 'Route', 'RTE', 'rte'], impasse: ['impasse', 'Impasse', 'IMP', 'imp.'], quai: ['quai', 'Quai', 'QUAI', 'quai'],
  cours: ['cours', 'Cours', 'CRS', 'crs'],
}

/** Fiction phone ranges reserved by ARCEP: 10,000 numbers each. */
export const PLAGES_FICTION = ['+3319900', '+3326191', '+3335301', '+3346571', '+3353649', '+3363998']
