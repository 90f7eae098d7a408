/**
 * The OpenAPI 3.1 document of the public API (`GET /api/v1/openapi.json`), written here as a
 * TypeScript object from the same constants the routes use: the 32 fields of the standard
 * v1.0.2 and their vocabularies, the accepted parameters and their bounds. The page `/api`
 * is rendered from it, so the document and the page never disagree.
 */
import {
  CODES_TYPOLOGIE,
  DISPOSITIF_PROGRAMMES_NATIONAUX,
  FORMATIONS_LABELS,
  ITINERANCE,
  MODALITES_ACCES,
  MODALITES_ACCOMPAGNEMENT,
  PRISE_EN_CHARGE_SPECIFIQUE,
  PUBLICS_SPECIFIQUEMENT_ADRESSES,
  SERVICES,
} from '../../places/standard/enumerations.ts'
import {
  CHAMPS,
  CHAMPS_OBLIGATOIRES,
  LIBELLES_CHAMPS,
  LONGUEUR_MAX_RESUME,
  MOTIF_CODE_INSEE,
  MOTIF_CODE_POSTAL,
  MOTIF_TELEPHONE,
  type Champ,
} from '../../places/standard/fields.ts'
import { RAYONS_KM, PAR_PAGE } from '../recherche.ts'
import { GRATUIT, LONGUEUR_MAX_Q, PAGE_MAX, PAR_PAGE_MAX, SANS_RENDEZ_VOUS } from './criteres.ts'
import { LIMITE_DEFAUT, LIMITE_MAX } from './curseur.ts'
import { VALEURS_MAX } from './lecture.ts'

/** Longest public id in an address (Fastify's `maxParamLength`). */
export const LONGUEUR_MAX_ID = 100

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1). */
export type Schema = { [cle: string]: unknown }

export interface Parametre {
  name: string
  in: 'query' | 'path'
  description: string
  required?: boolean
  schema: Schema
  style?: 'form'
  explode?: boolean
  example?: string | number
}

export interface Operation {
  operationId: string
  summary: string
  description: string
  tags: string[]
  parameters: Parametre[]
  responses: Record<string, unknown>
}

export interface DocumentOpenApi {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string }
  servers: Array<{ url: string; description: string }>
  tags: Array<{ name: string; description: string }>
  paths: Record<string, { get: Operation }>
  components: { schemas: Record<string, Schema>; headers: Record<string, unknown>; responses: Record<string, unknown> }
}

const ref = (nom: string) => ({ $ref: `#/components/schemas/${nom}` })
const echapper = (texte: string) => texte.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const guillemets = (valeurs: readonly string[]) => valeurs.map((v) => `« ${v} »`).join(', ')

/** A `|`-separated list whose values all belong to `valeurs`. */
function motifListe(valeurs: readonly string[]): string {
  const une = `(?:${valeurs.map(echapper).join('|')})`
  return `^${une}(?:\\|${une})*$`
}

const VOCABULAIRES_DECRITS: Partial<Record<Champ, readonly string[]>> = {
  itinerance: ITINERANCE,
  services: SERVICES,
  publics_specifiquement_adresses: PUBLICS_SPECIFIQUEMENT_ADRESSES,
  prise_en_charge_specifique: PRISE_EN_CHARGE_SPECIFIQUE,
  frais_a_charge: ['Gratuit', 'Gratuit sous condition', 'Payant'],
  dispositif_programmes_nationaux: DISPOSITIF_PROGRAMMES_NATIONAUX,
  formations_labels: FORMATIONS_LABELS,
  modalites_acces: MODALITES_ACCES,
  modalites_accompagnement: MODALITES_ACCOMPAGNEMENT,
}

const PRECISIONS: Partial<Record<Champ, string>> = {
  id: 'Identifiant du lieu, unique dans ce registre (identifiant public de `/lieux/{id}`).',
  pivot: 'SIRET de l’établissement (14 chiffres) ou numéro RNA (W suivi de 9 caractères) ; `00000000000000` quand il n’est pas renseigné.',
  code_insee: 'Code officiel géographique de la commune.',
  latitude: 'Latitude WGS84 en degrés décimaux.',
  longitude: 'Longitude WGS84 en degrés décimaux.',
  typologie: 'Codes de typologie de la structure (vocabulaire data·inclusion : `BIB`, `CCAS`, `EPN`, `MUNI`, `RFS`…), séparés par « | ».',
  telephone: 'Un numéro au format international, sans espace (`+33479311919`).',
  courriels: 'Adresses électroniques, séparées par « | ».',
  site_web: 'Adresses web, séparées par « | ».',
  horaires: 'Horaires au format OpenStreetMap `opening_hours` (`Mo-Fr 09:00-12:00,14:00-17:00`).',
  presentation_resume: `Présentation courte (${LONGUEUR_MAX_RESUME} caractères au plus).`,
  source: 'Structure qui a collecté la donnée.',
  date_maj: 'Date de la dernière mise à jour, au format AAAA-MM-JJ.',
  fiche_acces_libre: 'Adresse de la fiche du lieu sur Accès libre (accessibilité).',
  prise_rdv: 'Adresse de prise de rendez-vous en ligne.',
}

function schemaChamp(champ: Champ): Schema {
  const vocabulaire = VOCABULAIRES_DECRITS[champ]
  const description = [
    LIBELLES_CHAMPS[champ] + '.',
    PRECISIONS[champ],
    vocabulaire ? `Valeurs possibles, séparées par « | » : ${guillemets(vocabulaire)}.` : undefined,
  ]
    .filter(Boolean)
    .join(' ')
  const schema: Schema = { type: 'string', description }
  if (champ === 'latitude') return { type: 'number', minimum: -90, maximum: 90, description }
  if (champ === 'longitude') return { type: 'number', minimum: -180, maximum: 180, description }
  if (vocabulaire) schema.pattern = motifListe(vocabulaire)
  if (champ === 'typologie') schema.pattern = motifListe(CODES_TYPOLOGIE)
  if (champ === 'pivot') schema.pattern = '^(?:\\d{14}|W[0-9A-Z]{9})$'
  if (champ === 'code_postal') schema.pattern = MOTIF_CODE_POSTAL.source
  if (champ === 'code_insee') schema.pattern = MOTIF_CODE_INSEE.source
  if (champ === 'telephone') schema.pattern = MOTIF_TELEPHONE.source
  if (champ === 'date_maj') Object.assign(schema, { format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
  if (champ === 'presentation_resume') schema.maxLength = LONGUEUR_MAX_RESUME
  if (!CHAMPS_OBLIGATOIRES.has(champ)) schema.minLength = 1
  return schema
}

const LIEU: Schema = {
  type: 'object',
  title: 'Lieu de médiation numérique (standard v1.0.2)',
  description:
    'Un lieu au « schéma des lieux de médiation numérique » v1.0.2, tel que les fichiers nationaux l’écrivent en JSON : les 32 champs du standard dans son ordre, les valeurs multiples jointes par « | », les champs vides absents.',
  properties: Object.fromEntries(CHAMPS.map((champ) => [champ, schemaChamp(champ)])),
  required: CHAMPS.filter((c) => CHAMPS_OBLIGATOIRES.has(c)),
  additionalProperties: false,
}

const ERREUR: Schema = {
  type: 'object',
  description: 'Une erreur, expliquée en français.',
  properties: {
    erreur: { type: 'string', description: 'Ce qui ne va pas, en français (tous les problèmes de la demande, l’un après l’autre).' },
    problemes: {
      type: 'array',
      description: 'Chaque problème des paramètres, avec le paramètre en cause.',
      items: {
        type: 'object',
        properties: { parametre: { type: 'string' }, message: { type: 'string' } },
        required: ['parametre', 'message'],
        additionalProperties: false,
      },
    },
  },
  required: ['erreur'],
  additionalProperties: false,
}

const PAGE_DE_LIEUX: Schema = {
  type: 'object',
  properties: {
    data: { type: 'array', items: ref('Lieu') },
    meta: {
      type: 'object',
      properties: {
        total: { type: 'integer', minimum: 0, description: 'Nombre de lieux publiés correspondant à la demande (toutes pages).' },
        limite: { type: 'integer', minimum: 1, description: 'Nombre de lieux par page.' },
      },
      required: ['total', 'limite'],
      additionalProperties: false,
    },
    links: {
      type: 'object',
      properties: {
        self: { type: 'string', description: 'Cette page (chemin relatif au site).' },
        next: { type: ['string', 'null'], description: 'La page suivante, ou null à la dernière page.' },
      },
      required: ['self', 'next'],
      additionalProperties: false,
    },
  },
  required: ['data', 'meta', 'links'],
  additionalProperties: false,
}

const RESULTAT: Schema = {
  type: 'object',
  properties: {
    lieu: ref('Lieu'),
    distance: { type: ['integer', 'null'], minimum: 0, description: 'Distance en mètres depuis le point cherché, ou null sans point.' },
    distance_approximative: {
      type: 'boolean',
      description: 'La distance est mesurée depuis ou vers le centre d’une commune (le lieu sans coordonnées, ou la recherche par commune sans centre officiel connu).',
    },
    ouverture: {
      type: 'object',
      description: 'État d’ouverture au moment de la demande, d’après les horaires du lieu (fuseau Europe/Paris, jours fériés de sa région).',
      properties: {
        ouvert: { type: ['boolean', 'null'], description: 'true ouvert, false fermé, null horaires inconnus ou illisibles.' },
        texte: { type: 'string', description: 'L’état en français : « Ouvert maintenant · ferme à 17 h », « Fermé · ouvre lundi à 9 h », « Horaires non renseignés ».' },
      },
      required: ['ouvert', 'texte'],
      additionalProperties: false,
    },
  },
  required: ['lieu', 'distance', 'distance_approximative', 'ouverture'],
  additionalProperties: false,
}

const COMPREHENSION: Schema = {
  type: 'object',
  description: 'Ce que la recherche a compris du texte libre « q ».',
  properties: {
    texte: { type: 'string' },
    compris: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          expression: { type: 'string', description: 'Les mots reconnus.' },
          type: { type: 'string', enum: ['besoin', 'typologie', 'dispositif'] },
          valeur: { type: 'string', description: 'Le besoin, le code de typologie ou le dispositif reconnu.' },
          libelle: { type: 'string', description: 'Le libellé du besoin ou de la typologie, en français.' },
        },
        required: ['expression', 'type', 'valeur'],
        additionalProperties: false,
      },
    },
    termes_ignores: { type: 'array', items: { type: 'string' }, description: 'Mots (racines) qui ne correspondent à aucun nom de lieu, et n’ont pas été utilisés.' },
  },
  required: ['texte', 'compris', 'termes_ignores'],
  additionalProperties: false,
}

const REPONSE_RECHERCHE: Schema = {
  type: 'object',
  properties: {
    data: { type: 'array', items: ref('Resultat') },
    meta: {
      type: 'object',
      properties: {
        total: { type: 'integer', minimum: 0, description: 'Nombre de lieux trouvés (toutes pages).' },
        page: { type: 'integer', minimum: 1 },
        pages: { type: 'integer', minimum: 1 },
        par_page: { type: 'integer', minimum: 1, maximum: PAR_PAGE_MAX },
        rayon_km: { type: ['number', 'null'], description: 'Rayon de la recherche en kilomètres (choisi selon la densité des lieux quand « rayon » est absent), ou null sans point.' },
        comprehension: ref('Comprehension'),
        elargissements: {
          type: 'array',
          description: 'Quand rien ne correspond : comment élargir la recherche, avec le nombre de lieux de chaque élargissement.',
          items: {
            type: 'object',
            properties: { libelle: { type: 'string' }, total: { type: 'integer', minimum: 1 }, lien: { type: 'string' } },
            required: ['libelle', 'total', 'lien'],
            additionalProperties: false,
          },
        },
      },
      required: ['total', 'page', 'pages', 'par_page', 'rayon_km'],
      additionalProperties: false,
    },
    links: {
      type: 'object',
      properties: {
        self: { type: 'string' },
        next: { type: ['string', 'null'] },
        prev: { type: ['string', 'null'] },
        csv: { type: 'string', description: 'Tous les résultats au format CSV du standard.' },
      },
      required: ['self', 'next', 'prev', 'csv'],
      additionalProperties: false,
    },
  },
  required: ['data', 'meta', 'links'],
  additionalProperties: false,
}

const COMMUNE: Schema = {
  type: 'object',
  properties: {
    code: { type: 'string', pattern: MOTIF_CODE_INSEE.source, description: 'Code INSEE (à passer à `commune` de la recherche).' },
    nom: { type: 'string' },
    departement: { type: 'string', description: 'Code du département.' },
    codesPostaux: { type: 'array', items: { type: 'string', pattern: MOTIF_CODE_POSTAL.source } },
  },
  required: ['code', 'nom', 'departement', 'codesPostaux'],
  additionalProperties: false,
}

// ——— Parameters ———

const liste = (name: string, valeurs: readonly string[], description: string, exemple: string): Parametre => ({
  name,
  in: 'query',
  description: `${description} Plusieurs valeurs (${VALEURS_MAX} au plus) : répétez le paramètre ou séparez-les par « | » ; un lieu doit en avoir une. Majuscules et accents sont tolérés ; une valeur inconnue donne une erreur 400 qui la nomme.`,
  schema: { type: 'array', items: { type: 'string', enum: [...valeurs] } },
  style: 'form',
  explode: true,
  example: exemple,
})

const TERRITOIRE: Parametre = {
  name: 'territoire',
  in: 'query',
  description:
    'Limite aux lieux d’un territoire : code INSEE d’une commune (73065, arrondissements compris), d’un département (73, 2A) ou d’une région (84), SIREN d’un EPCI, ou nom (« Savoie »). Les codes communs à un département et à une région se préfixent : `departement:84`, `region:84`.',
  schema: { type: 'string', maxLength: 500 },
  example: '73',
}

const PARAMETRES_LIEUX: Parametre[] = [
  {
    name: 'limite',
    in: 'query',
    description: `Nombre de lieux par page, de 1 à ${LIMITE_MAX} (${LIMITE_DEFAUT} par défaut).`,
    schema: { type: 'integer', minimum: 1, maximum: LIMITE_MAX, default: LIMITE_DEFAUT },
    example: LIMITE_DEFAUT,
  },
  {
    name: 'apres',
    in: 'query',
    description: 'Curseur de pagination, opaque : suivez le lien `links.next` de la page précédente tel quel. Absent : la première page.',
    schema: { type: 'string', maxLength: 40 },
  },
  TERRITOIRE,
]

const PARAMETRES_CRITERES: Parametre[] = [
  {
    name: 'q',
    in: 'query',
    description: `Texte libre, comme une personne l’écrirait (« impots », « carte grise », « médiathèque », un mot du nom du lieu), ${LONGUEUR_MAX_Q} caractères au plus. Fautes de frappe et accents sont tolérés ; la réponse dit ce qui a été compris (\`meta.comprehension\`).`,
    schema: { type: 'string', maxLength: LONGUEUR_MAX_Q },
    example: 'impots',
  },
  liste('services', SERVICES, 'Services du lieu (champ `services` du standard).', 'Aide aux démarches administratives'),
  liste('publics_specifiquement_adresses', PUBLICS_SPECIFIQUEMENT_ADRESSES, 'Publics spécifiquement accueillis.', 'Seniors'),
  liste('prise_en_charge_specifique', PRISE_EN_CHARGE_SPECIFIQUE, 'Prise en charge spécifique (handicaps, langues, illettrisme).', 'Surdité'),
  liste('frais_a_charge', [GRATUIT], `Frais à charge : seule la valeur « ${GRATUIT} » est prise en charge (les lieux gratuits).`, GRATUIT),
  liste('modalites_acces', [SANS_RENDEZ_VOUS], `Modalités d’accès : seule la valeur « ${SANS_RENDEZ_VOUS} » est prise en charge (les lieux où l’on peut venir sans rendez-vous).`, SANS_RENDEZ_VOUS),
  liste('modalites_accompagnement', MODALITES_ACCOMPAGNEMENT, 'Modalités d’accompagnement.', 'Accompagnement individuel'),
  liste('dispositif_programmes_nationaux', DISPOSITIF_PROGRAMMES_NATIONAUX, 'Dispositifs et programmes nationaux.', 'France Services'),
  {
    name: 'commune',
    in: 'query',
    description: 'Chercher autour d’une commune : son code INSEE (voir `/communes`). Les distances partent de son centre. Ne se combine pas avec `lat` et `lon`.',
    schema: { type: 'string', pattern: MOTIF_CODE_INSEE.source },
    example: '73065',
  },
  {
    name: 'lat',
    in: 'query',
    description: 'Chercher autour d’une position : latitude WGS84 en degrés décimaux (avec `lon`).',
    schema: { type: 'number', minimum: -90, maximum: 90 },
    example: 45.5646,
  },
  {
    name: 'lon',
    in: 'query',
    description: 'Longitude WGS84 en degrés décimaux (avec `lat`).',
    schema: { type: 'number', minimum: -180, maximum: 180 },
    example: 5.9178,
  },
  {
    name: 'rayon',
    in: 'query',
    description: `Rayon de la recherche en kilomètres, de 1 à 100, avec \`commune\` ou \`lat\`/\`lon\`. Absent : le plus petit de ${RAYONS_KM.join(', ')} km qui contient au moins 10 lieux.`,
    schema: { type: 'number', minimum: 1, maximum: 100 },
    example: 10,
  },
  TERRITOIRE,
  {
    name: 'ouvert',
    in: 'query',
    description:
      'Seulement les lieux ouverts : `maintenant`, ou à une date et heure ISO 8601 (`2026-11-24T10:00`, heure de Paris sans fuseau indiqué), ou `creneau` avec `jour`, `de` et `a`. Un lieu sans horaires lisibles n’est jamais retenu.',
    schema: { type: 'string' },
    example: 'maintenant',
  },
  {
    name: 'jour',
    in: 'query',
    description: 'Ouvert un jour de la semaine : 1 (lundi) à 7 (dimanche), ou son nom (`mardi`) ; avec `de` et `a` pour un créneau.',
    schema: { type: 'string' },
    example: '2',
  },
  { name: 'de', in: 'query', description: 'Début du créneau (`9h`, `09:00`, `14h30`), avec `jour`.', schema: { type: 'string' }, example: '9h' },
  { name: 'a', in: 'query', description: 'Fin du créneau (`12h`), avec `jour`.', schema: { type: 'string' }, example: '12h' },
]

const PARAMETRES_PAGES: Parametre[] = [
  {
    name: 'page',
    in: 'query',
    description: `Numéro de page, à partir de 1 (${PAGE_MAX} au plus). Au-delà de la dernière page, \`data\` est vide.`,
    schema: { type: 'integer', minimum: 1, maximum: PAGE_MAX, default: 1 },
    example: 1,
  },
  {
    name: 'par_page',
    in: 'query',
    description: `Résultats par page, de 1 à ${PAR_PAGE_MAX} (${PAR_PAGE} par défaut).`,
    schema: { type: 'integer', minimum: 1, maximum: PAR_PAGE_MAX, default: PAR_PAGE },
    example: 20,
  },
]

// ——— Responses ———

const ENTETES_DONNEES = {
  ETag: { $ref: '#/components/headers/ETag' },
  'Cache-Control': { $ref: '#/components/headers/Cache-Control' },
  'Access-Control-Allow-Origin': { $ref: '#/components/headers/Access-Control-Allow-Origin' },
}

const json = (schema: Schema, description: string, entetes: Record<string, unknown> = ENTETES_DONNEES) => ({
  description,
  headers: entetes,
  content: { 'application/json': { schema } },
})

const ERREURS = {
  '304': { $ref: '#/components/responses/NonModifie' },
  '400': { $ref: '#/components/responses/DemandeIncorrecte' },
  '500': { $ref: '#/components/responses/ErreurServeur' },
}

const AVEC_LIEN = { ...ENTETES_DONNEES, Link: { $ref: '#/components/headers/Link' } }

export function documentOpenApi(): DocumentOpenApi {
  return {
    openapi: '3.1.0',
    info: {
      title: 'API des lieux de médiation numérique',
      version: '1.0.0',
      description:
        'Données ouvertes des lieux de médiation numérique de ce territoire, au standard national « schéma des lieux de médiation numérique » v1.0.2, et recherche d’un lieu près de chez soi. Lecture seule, sans clé ni compte ; toutes les réponses portent `Access-Control-Allow-Origin: *`. Les erreurs sont expliquées en français : `{ "erreur": "…" }`.',
    },
    servers: [{ url: '/api/v1', description: 'Ce serveur' }],
    tags: [
      { name: 'Lieux', description: 'Les lieux publiés, au standard v1.0.2.' },
      { name: 'Recherche', description: 'Trouver des lieux selon un besoin, un endroit, des horaires.' },
      { name: 'Référentiel', description: 'Communes et description de l’API.' },
    ],
    paths: {
      '/lieux': {
        get: {
          operationId: 'listerLieux',
          summary: 'Tous les lieux publiés, page par page',
          description:
            'Les lieux publiés au standard v1.0.2, dans l’ordre du registre, par pages de `limite` lieux. Pour tout parcourir, suivez `links.next` (aussi dans l’en-tête `Link`) jusqu’à ce qu’il vaille null : chaque lieu vient exactement une fois. `meta.total` compte tous les lieux de la demande. Envoyez l’`ETag` reçu dans `If-None-Match` : la réponse 304, sans corps, dit que rien n’a changé.',
          tags: ['Lieux'],
          parameters: PARAMETRES_LIEUX,
          responses: { '200': json(ref('PageDeLieux'), 'Une page de lieux.', AVEC_LIEN), ...ERREURS },
        },
      },
      '/lieux/{id}': {
        get: {
          operationId: 'lireLieu',
          summary: 'Un lieu publié',
          description: 'Un lieu publié, par son identifiant public (champ `id` du standard), au format JSON du standard v1.0.2.',
          tags: ['Lieux'],
          parameters: [{ name: 'id', in: 'path', required: true, description: 'Identifiant du lieu (champ `id`), encodé dans l’adresse.', schema: { type: 'string', maxLength: LONGUEUR_MAX_ID } }],
          responses: {
            '200': json(ref('Lieu'), 'Le lieu.'),
            ...ERREURS,
            '404': { $ref: '#/components/responses/Introuvable' },
          },
        },
      },
      '/recherche': {
        get: {
          operationId: 'rechercher',
          summary: 'Chercher des lieux',
          description:
            'Les lieux qui correspondent à tous les critères donnés (pour un critère à plusieurs valeurs, à l’une d’elles), les plus proches d’abord avec un point (`commune` ou `lat`/`lon`), sinon par nom. Chaque résultat porte le lieu au standard, sa distance en mètres et son état d’ouverture. Quand rien ne correspond, `meta.elargissements` propose des recherches plus larges.',
          tags: ['Recherche'],
          parameters: [...PARAMETRES_CRITERES, ...PARAMETRES_PAGES],
          responses: { '200': json(ref('ReponseRecherche'), 'Une page de résultats.', AVEC_LIEN), ...ERREURS },
        },
      },
      '/recherche.csv': {
        get: {
          operationId: 'rechercherCsv',
          summary: 'Tous les résultats d’une recherche, en CSV',
          description:
            'Les mêmes critères que `/recherche`, sans pages : tous les résultats, dans le même ordre, au format CSV du standard v1.0.2 (les 32 colonnes dans l’ordre du schéma, séparateur virgule, valeurs multiples jointes par « | », UTF-8), en pièce jointe.',
          tags: ['Recherche'],
          parameters: PARAMETRES_CRITERES,
          responses: {
            '200': {
              description: 'Le fichier CSV.',
              headers: {
                'Content-Disposition': { description: '`attachment; filename="lieux-recherche-AAAA-MM-JJ.csv"`', schema: { type: 'string' } },
                'Access-Control-Allow-Origin': { $ref: '#/components/headers/Access-Control-Allow-Origin' },
              },
              content: { 'text/csv': { schema: { type: 'string' } } },
            },
            '400': { $ref: '#/components/responses/DemandeIncorrecte' },
            '500': { $ref: '#/components/responses/ErreurServeur' },
          },
        },
      },
      '/communes': {
        get: {
          operationId: 'suggererCommunes',
          summary: 'Communes pour le champ « Où ? »',
          description:
            'Jusqu’à 10 communes du Code officiel géographique d’après un début de nom (« chamb »), un nom avec ou sans accents, ou un code postal (« 73000 ») : les meilleures d’abord (nom exact, code postal, début du nom, communes les plus peuplées). Un texte vide donne une liste vide.',
          tags: ['Référentiel'],
          parameters: [{ name: 'q', in: 'query', description: 'Ce que la personne a tapé (100 caractères au plus).', schema: { type: 'string', maxLength: 100 }, example: 'chamb' }],
          responses: { '200': json({ type: 'array', maxItems: 10, items: ref('Commune') }, 'Les communes trouvées.'), ...ERREURS },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'documentOpenApi',
          summary: 'Ce document',
          description: 'La description OpenAPI 3.1 de l’API. Une version lisible est sur la page `/api`.',
          tags: ['Référentiel'],
          parameters: [],
          responses: { '200': json({ type: 'object' }, 'Le document OpenAPI.'), ...ERREURS },
        },
      },
    },
    components: {
      schemas: {
        Lieu: LIEU,
        PageDeLieux: PAGE_DE_LIEUX,
        Resultat: RESULTAT,
        Comprehension: COMPREHENSION,
        ReponseRecherche: REPONSE_RECHERCHE,
        Commune: COMMUNE,
        Erreur: ERREUR,
      },
      headers: {
        ETag: { description: 'Empreinte (faible) de la réponse, à renvoyer dans `If-None-Match`.', schema: { type: 'string' } },
        'Cache-Control': { description: '`public, max-age=60` : la réponse peut être gardée une minute.', schema: { type: 'string' } },
        'Access-Control-Allow-Origin': { description: '`*` : données publiques, lisibles depuis tout site.', schema: { type: 'string' } },
        Link: { description: 'Liens vers la page suivante (`rel="next"`) et précédente (`rel="prev"`), relatifs au site.', schema: { type: 'string' } },
      },
      responses: {
        NonModifie: { description: 'Rien n’a changé depuis l’`ETag` envoyé dans `If-None-Match` (pas de corps).' },
        DemandeIncorrecte: { description: 'Un paramètre inconnu, répété, ou une valeur impossible : le message en français les nomme.', content: { 'application/json': { schema: ref('Erreur') } } },
        Introuvable: { description: 'Aucun lieu publié n’a cet identifiant.', content: { 'application/json': { schema: ref('Erreur') } } },
        ErreurServeur: { description: 'Un problème du serveur.', content: { 'application/json': { schema: ref('Erreur') } } },
      },
    },
  }
}
