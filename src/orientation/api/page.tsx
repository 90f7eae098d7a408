/**
 * The readable page of the public API (GET `/api`): what the API gives, each address in plain
 * French with example links that work on this server, its parameters and the fields of the
 * standard — rendered from the OpenAPI document itself, so both always say the same thing.
 */
import type { ComponentChildren } from 'preact'
import type { OptionsPage } from '../../platform/http/page.ts'
import { Bandeau } from '../../platform/ui/avis.tsx'
import { ListeDescriptions, Tableau } from '../../platform/ui/donnees.tsx'
import { CHAMPS, CHAMPS_OBLIGATOIRES, LIBELLES_CHAMPS } from '../../places/standard/fields.ts'
import type { DocumentOpenApi, Parametre, Schema } from './openapi.ts'

/** A place of this registry the examples can name (else those of the demo territory). */
export interface DonneesExemples {
  id: string
  commune: string
  codePostal: string
  latitude: number
  longitude: number
}

const EXEMPLES_PAR_DEFAUT: DonneesExemples = { id: 'lieu-1', commune: '73065', codePostal: '73000', latitude: 45.5646, longitude: 5.9178 }

interface Exemple {
  chemin: string
  parametres?: Record<string, string>
  explication: string
}

function exemples(d: DonneesExemples): Record<string, Exemple[]> {
  return {
    '/lieux': [
      { chemin: '/lieux', parametres: { limite: '10' }, explication: 'les dix premiers lieux publiés, et le lien vers les dix suivants' },
      { chemin: '/lieux', parametres: { territoire: d.commune }, explication: 'les lieux d’une commune' },
    ],
    '/lieux/{id}': [{ chemin: `/lieux/${encodeURIComponent(d.id)}`, explication: `le lieu « ${d.id} »` }],
    '/recherche': [
      {
        chemin: '/recherche',
        parametres: { services: 'Aide aux démarches administratives', commune: d.commune, rayon: '20' },
        explication: 'les lieux qui aident aux démarches administratives à 20 km au plus d’une commune, les plus proches d’abord',
      },
      { chemin: '/recherche', parametres: { q: 'impots', commune: d.commune }, explication: 'une recherche en texte libre autour d’une commune' },
      {
        chemin: '/recherche',
        parametres: { lat: String(d.latitude), lon: String(d.longitude), ouvert: 'maintenant' },
        explication: 'les lieux ouverts en ce moment autour d’une position',
      },
      {
        chemin: '/recherche',
        parametres: { frais_a_charge: 'Gratuit', publics_specifiquement_adresses: 'Seniors', par_page: '20' },
        explication: 'les lieux gratuits qui accueillent particulièrement les seniors, par pages de 20',
      },
    ],
    '/recherche.csv': [{ chemin: '/recherche.csv', parametres: { commune: d.commune, rayon: '10' }, explication: 'tous les lieux à 10 km au plus d’une commune, en tableur' }],
    '/communes': [
      { chemin: '/communes', parametres: { q: d.codePostal }, explication: 'les communes d’un code postal' },
      { chemin: '/communes', parametres: { q: 'chamb' }, explication: 'les communes dont le nom commence par « chamb »' },
    ],
    '/openapi.json': [{ chemin: '/openapi.json', explication: 'la description OpenAPI 3.1 de l’API' }],
  }
}

/** Text of the document with `code` between backquotes. */
function Texte({ texte }: { texte: string }) {
  return (
    <>
      {texte.split('`').map((morceau, i) => (i % 2 === 1 ? <code class="casse-partout">{morceau}</code> : morceau))}
    </>
  )
}

function LienExemple({ base, exemple }: { base: string; exemple: Exemple }) {
  const requete = exemple.parametres ? new URLSearchParams(exemple.parametres).toString() : ''
  const lisible = exemple.parametres
    ? Object.entries(exemple.parametres)
        .map(([k, v]) => `${k}=${v}`)
        .join('&')
    : ''
  const href = `${base}${exemple.chemin}${requete ? `?${requete}` : ''}`
  return (
    <li>
      <a class="casse-partout" href={href}>
        {`${base}${exemple.chemin}${lisible ? `?${lisible}` : ''}`}
      </a>{' '}
      : {exemple.explication}
    </li>
  )
}

/** The values a parameter accepts, in words. */
function valeursPossibles(schema: Schema, description: string): ComponentChildren {
  const items = schema.items as Schema | undefined
  const valeurs = (items?.enum ?? schema.enum) as readonly string[] | undefined
  if (valeurs) return `Valeurs : ${valeurs.map((v) => `« ${v} »`).join(', ')}.`
  if (schema.type === 'integer' || schema.type === 'number') {
    const min = schema.minimum as number | undefined
    const max = schema.maximum as number | undefined
    if (min === undefined || max === undefined || description.includes(`${min} à ${max}`)) return null
    return `Nombre de ${min} à ${max}.`
  }
  return null
}

function Parametres({ parametres }: { parametres: readonly Parametre[] }) {
  if (parametres.length === 0) return <p>Aucun paramètre.</p>
  return (
    <ListeDescriptions
      elements={parametres.map((p) => ({
        terme: p.name,
        definition: (
          <>
            <Texte texte={p.description} /> {valeursPossibles(p.schema, p.description)}
          </>
        ),
      }))}
    />
  )
}

export function pageApi(document: DocumentOpenApi, donnees: DonneesExemples = EXEMPLES_PAR_DEFAUT): OptionsPage {
  const base = document.servers[0]?.url ?? '/api/v1'
  const parChemin = exemples(donnees)
  return {
    titre: 'API des lieux de médiation numérique',
    titreDocument: 'API',
    chapo: (
      <p>
        Les lieux de médiation numérique de ce territoire sont des données ouvertes. Cette API les donne au format du standard national
        (schéma des lieux de médiation numérique v1.0.2) et permet de chercher un lieu près de chez soi, depuis un autre site ou un
        programme.
      </p>
    ),
    contenu: (
      <>
        <h2>En bref</h2>
        <ul>
          <li>
            Toutes les adresses commencent par <code>{base}</code> et répondent en JSON, sauf l’export CSV.
          </li>
          <li>Lecture seule, sans clé ni compte. Toute page web peut les lire (en-tête <code>Access-Control-Allow-Origin: *</code>).</li>
          <li>
            Chaque lieu a les champs du standard v1.0.2, avec ses noms : les valeurs multiples sont jointes par « | », les champs vides
            sont absents.
          </li>
          <li>
            Les réponses peuvent être gardées une minute. Renvoyez l’en-tête <code>ETag</code> reçu dans <code>If-None-Match</code> :
            si rien n’a changé, la réponse 304 est vide.
          </li>
          <li>
            Une erreur répond en JSON, en français : <code>{'{ "erreur": "…" }'}</code>, avec le code 400 (un paramètre inconnu, répété
            ou impossible), 404 (introuvable) ou 500 (un problème du serveur).
          </li>
          <li>
            La description complète, lisible par les outils OpenAPI : <a href={`${base}/openapi.json`}>{`${base}/openapi.json`}</a>.
          </li>
        </ul>
        <Bandeau titre="Réutiliser les données">
          <p>
            Pour récupérer tous les lieux, parcourez <code>{`${base}/lieux`}</code> en suivant le lien <code>links.next</code> de chaque
            page jusqu’à ce qu’il soit vide. Pour un tableur, ajoutez <code>.csv</code> à une recherche :{' '}
            <code>{`${base}/recherche.csv`}</code>.
          </p>
        </Bandeau>
        {Object.entries(document.paths).map(([chemin, { get }]) => (
          <section>
            <h2>
              <code class="casse-partout">{`GET ${base}${chemin}`}</code>
            </h2>
            <p>
              <strong>{get.summary}.</strong> <Texte texte={get.description} />
            </p>
            <h3>Exemples</h3>
            <ul>
              {(parChemin[chemin] ?? []).map((exemple) => (
                <LienExemple base={base} exemple={exemple} />
              ))}
            </ul>
            <h3>Paramètres</h3>
            <Parametres parametres={get.parameters} />
          </section>
        ))}
        <h2>Les champs d’un lieu</h2>
        <p>
          Chaque lieu est un objet JSON avec les champs suivants, dans cet ordre ; seuls les champs renseignés sont présents. Les
          valeurs possibles des listes sont celles du standard, détaillées dans <a href={`${base}/openapi.json`}>le document OpenAPI</a>.
        </p>
        <Tableau
          legende="Les 32 champs du standard v1.0.2"
          entetes={['Champ', 'Signification', 'Toujours présent']}
          lignes={CHAMPS.map((champ) => ({
            entete: <code class="casse-partout">{champ}</code>,
            cellules: [LIBELLES_CHAMPS[champ], CHAMPS_OBLIGATOIRES.has(champ) ? 'oui' : 'non'],
          }))}
        />
      </>
    ),
  }
}
