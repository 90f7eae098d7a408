/**
 * The public API `/api/v1` (open data, JSON, French messages): published places in the
 * standard v1.0.2 with cursor pagination and ETag, one place by its public id, the search with
 * distances and opening status, its CSV export, commune suggestions for « Où ? », the OpenAPI
 * document; and the readable page `/api` that explains it. Every `/api/v1` answer — errors and
 * unknown addresses included — is JSON and carries `Access-Control-Allow-Origin: *`; any query
 * string gives an answer (400 with a French message at worst), never a crash.
 */
import { PassThrough } from 'node:stream'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ecrireDocument } from '../../places/io/flux.ts'
import type { RangeeStandard } from '../../places/io/ecriture.ts'
import { aujourdhuiParis } from '../../places/validation/date-maj.ts'
import { chercherCommunes } from '../../territories/recherche-communes.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { lireTerritoire, TerritoireInconnuError, type Territoire } from '../../territories/territoire.ts'
import type { Db } from '../../platform/db/database.ts'
import { besoinParId } from '../besoins.ts'
import type { ContexteOrientation } from '../contexte.ts'
import type { Criteres, Reponse } from '../recherche.ts'
import { changementsVers, lireCriteres, PARAMETRES_RECHERCHE, PARAMETRES_RECHERCHE_CSV } from './criteres.ts'
import { ecrireCurseur, LIMITE_DEFAUT, LIMITE_MAX, lireCurseur, PARAMETRES_LIEUX } from './curseur.ts'
import { citer, Lecture, type Requete } from './lecture.ts'
import { documentOpenApi, LONGUEUR_MAX_ID } from './openapi.ts'
import { pageApi, type DonneesExemples } from './page.tsx'
import { compterPublies, publiesApres, publiesDansLOrdre, publiesParUids, publieParId } from './requetes.ts'
import { enteteLiens, envoyerErreur, envoyerJson, lienModifie } from './reponses.ts'

export const PREFIXE = '/api/v1'
export const COMMUNES_MAX = 10
export const LONGUEUR_MAX_COMMUNE = 100

/** Response headers a script of another site may read. */
const ENTETES_EXPOSES = 'ETag, Link, Content-Disposition'

/** One result of a search, as the API writes it. */
export interface ResultatApi {
  lieu: RangeeStandard
  distance: number | null
  distance_approximative: boolean
  ouverture: { ouvert: boolean | null; texte: string }
}

function lireTerritoireOu(lecture: Lecture): Territoire | undefined {
  const texte = lecture.texte('territoire')
  if (texte === undefined) return undefined
  try {
    return lireTerritoire(texte, referentiel())
  } catch (erreur) {
    if (!(erreur instanceof TerritoireInconnuError)) throw erreur
    lecture.signaler('territoire', erreur.message)
    return undefined
  }
}

/** What the search understood of the free text, for the client to show. */
function comprehensionApi(q: string, reponse: Reponse) {
  if (!reponse.comprehension) return undefined
  return {
    texte: q,
    compris: reponse.comprehension.compris.map(({ expression, sens }) =>
      sens.type === 'besoin'
        ? { expression, type: 'besoin', valeur: sens.besoin, ...(besoinParId(sens.besoin) && { libelle: besoinParId(sens.besoin)?.libelle }) }
        : sens.type === 'typologie'
          ? { expression, type: 'typologie', valeur: sens.code, libelle: sens.libelle }
          : { expression, type: 'dispositif', valeur: sens.valeur },
    ),
    termes_ignores: reponse.termesIgnores,
  }
}

/** The first published place with coordinates and a commune, for the examples of `/api`. */
async function donneesExemples(db: Db): Promise<DonneesExemples | undefined> {
  const { rangees } = await publiesApres(db, undefined, 0, 20)
  for (const r of rangees) {
    if (typeof r.id === 'string' && typeof r.code_insee === 'string' && typeof r.code_postal === 'string' && typeof r.latitude === 'number' && typeof r.longitude === 'number') {
      return { id: r.id, commune: r.code_insee, codePostal: r.code_postal, latitude: r.latitude, longitude: r.longitude }
    }
  }
  return undefined
}

export function routesApi(app: FastifyInstance, { base, orientation }: ContexteOrientation): void {
  const document = documentOpenApi()

  app.get('/api', async (_request, reply) => reply.page(pageApi(document, await donneesExemples(base.db))))

  const lireRecherche = (request: FastifyRequest<{ Querystring: Requete }>, acceptes: readonly string[] = PARAMETRES_RECHERCHE) =>
    lireCriteres(request.query, { ref: referentiel(), pointDeCommune: (code) => orientation.pointDeCommune(code) }, acceptes)

  app.register(
    async (api) => {
      api.addHook('onRequest', async (_request, reply) => {
        reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', ENTETES_EXPOSES)
      })

      api.setNotFoundHandler((request, reply) => {
        const chemin = request.url.split('?')[0] ?? ''
        return envoyerErreur(reply, 404, `Aucune adresse de l’API ne correspond à « ${citer(chemin)} ». Les adresses possibles sont décrites dans ${PREFIXE}/openapi.json et sur la page /api.`)
      })

      api.setErrorHandler((erreur: FastifyError, request, reply) => {
        const statut = erreur.statusCode && erreur.statusCode >= 400 && erreur.statusCode < 500 ? erreur.statusCode : 500
        if (statut < 500) return envoyerErreur(reply, statut, 'La demande n’a pas pu être lue : vérifiez l’adresse et ses paramètres.')
        request.log.error({ err: erreur }, 'erreur du serveur')
        return envoyerErreur(reply, 500, 'Le service rencontre un problème de notre côté, et non du vôtre. Réessayez dans quelques minutes.')
      })

      // Preflight of a cross-origin request with its own headers (If-None-Match set by a script…).
      api.options('/*', async (request, reply) => {
        const demandes = request.headers['access-control-request-headers']
        reply
          .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
          .header('access-control-max-age', '86400')
          .header('cache-control', 'public, max-age=86400')
        if (typeof demandes === 'string' && /^[\w\-, ]{1,500}$/.test(demandes)) reply.header('access-control-allow-headers', demandes)
        return reply.code(204).send()
      })

      api.get<{ Querystring: Requete }>('/lieux', async (request, reply) => {
        const lecture = new Lecture(request.query, PARAMETRES_LIEUX)
        const limite = lecture.entier('limite', LIMITE_DEFAUT, 1, LIMITE_MAX)
        const curseur = lecture.texte('apres')
        const apres = curseur === undefined ? 0 : lireCurseur(curseur)
        if (apres === undefined) {
          lecture.signaler('apres', `Le curseur « ${citer(curseur ?? '')} » n’est pas valide : reprenez tel quel le lien « next » de la page précédente.`)
        }
        const territoire = lireTerritoireOu(lecture)
        if (!lecture.valide) return envoyerErreur(reply, 400, lecture.problemes)
        const chemin = `${PREFIXE}/lieux`
        const page = await publiesApres(base.db, territoire, apres ?? 0, limite)
        const total = await compterPublies(base.db, territoire)
        const suivant = page.suivant === null ? null : lienModifie(request, chemin, { apres: ecrireCurseur(page.suivant) })
        const liens = enteteLiens({ next: suivant })
        if (liens) reply.header('link', liens)
        return envoyerJson(request, reply, {
          data: page.rangees,
          meta: { total, limite },
          links: { self: lienModifie(request, chemin), next: suivant },
        })
      })

      api.get<{ Params: { id: string }; Querystring: Requete }>('/lieux/:id', async (request, reply) => {
        const lecture = new Lecture(request.query, [])
        if (!lecture.valide) return envoyerErreur(reply, 400, lecture.problemes)
        const { id } = request.params
        const lieu = id.length <= LONGUEUR_MAX_ID ? await publieParId(base.db, id) : undefined
        if (!lieu) return envoyerErreur(reply, 404, `Aucun lieu publié n’a l’identifiant « ${citer(id)} ».`)
        return envoyerJson(request, reply, lieu)
      })

      api.get<{ Querystring: Requete }>('/recherche', async (request, reply) => {
        const lu = lireRecherche(request)
        if (lu.problemes) return envoyerErreur(reply, 400, lu.problemes)
        const { criteres } = lu
        const chemin = `${PREFIXE}/recherche`
        const maintenant = new Date()
        const reponse = orientation.rechercher(criteres, maintenant)
        // rechercher() shows the last page for a page beyond it; an API says there is nothing there
        const resultats = criteres.page > reponse.pages ? [] : reponse.resultats
        const lieux = await publiesParUids(base.db, resultats.map((r) => r.fiche.uid))
        const approximatif = criteres.position?.approximative ?? false
        const data: ResultatApi[] = resultats.flatMap((r) => {
          const lieu = lieux.get(r.fiche.uid)
          if (!lieu) return [] // withdrawn since the index last heard of it
          return [
            {
              lieu,
              distance: r.distanceKm === null ? null : Math.round(r.distanceKm * 1000),
              distance_approximative: r.distanceKm !== null && (approximatif || r.fiche.positionApproximative),
              ouverture: { ouvert: r.statut.ouvert, texte: r.statut.texte },
            },
          ]
        })
        const page = criteres.page
        const suivante = page < reponse.pages ? lienModifie(request, chemin, { page: String(page + 1) }) : null
        const precedente = page > 1 ? lienModifie(request, chemin, { page: String(Math.min(page - 1, reponse.pages)) }) : null
        const liens = enteteLiens({ next: suivante, prev: precedente })
        if (liens) reply.header('link', liens)
        const comprehension = comprehensionApi(criteres.q, reponse)
        return envoyerJson(request, reply, {
          data,
          meta: {
            total: reponse.total,
            page,
            pages: reponse.pages,
            par_page: criteres.parPage,
            rayon_km: reponse.rayonKm,
            ...(comprehension && { comprehension }),
            ...(reponse.elargissements.length > 0 && {
              elargissements: reponse.elargissements.map((e) => ({
                libelle: e.libelle,
                total: e.total,
                lien: lienModifie(request, chemin, changementsVers(criteres, e.criteres)),
              })),
            }),
          },
          links: {
            self: lienModifie(request, chemin),
            next: suivante,
            prev: precedente,
            csv: lienModifie(request, `${chemin}.csv`, { page: null, par_page: null }),
          },
        })
      })

      api.get<{ Querystring: Requete }>('/recherche.csv', async (request, reply) => {
        const lu = lireRecherche(request, PARAMETRES_RECHERCHE_CSV)
        if (lu.problemes) return envoyerErreur(reply, 400, lu.problemes)
        const tout: Criteres = { ...lu.criteres, page: 1, parPage: Number.MAX_SAFE_INTEGER }
        const uids = orientation.rechercher(tout).resultats.map((r) => r.fiche.uid)
        return envoyerCsv(request, reply, publiesDansLOrdre(base.db, uids), `lieux-recherche-${aujourdhuiParis()}.csv`)
      })

      api.get<{ Querystring: Requete }>('/communes', async (request, reply) => {
        const lecture = new Lecture(request.query, ['q'])
        const q = lecture.texte('q') ?? ''
        if (q.length > LONGUEUR_MAX_COMMUNE) lecture.signaler('q', `Le texte « q » est trop long (${LONGUEUR_MAX_COMMUNE} caractères au plus).`)
        if (!lecture.valide) return envoyerErreur(reply, 400, lecture.problemes)
        const communes = chercherCommunes(q, referentiel(), COMMUNES_MAX).map(({ code, nom, departement, codesPostaux }) => ({ code, nom, departement, codesPostaux }))
        return envoyerJson(request, reply, communes)
      })

      api.get<{ Querystring: Requete }>('/openapi.json', async (request, reply) => {
        const lecture = new Lecture(request.query, [])
        if (!lecture.valide) return envoyerErreur(reply, 400, lecture.problemes)
        return envoyerJson(request, reply, document)
      })
    },
    { prefix: PREFIXE },
  )
}

/**
 * Streams a CSV document of places with back-pressure. If the client leaves, Fastify destroys
 * the stream: the batches stop (checked before each one) and a writer waiting for `drain` is
 * released, so that the export never hangs holding database rows.
 */
function envoyerCsv(request: FastifyRequest, reply: FastifyReply, lots: AsyncIterable<RangeeStandard[]>, nomFichier: string): FastifyReply {
  const flux = new PassThrough()
  flux.on('error', () => {})
  flux.on('close', () => flux.emit('drain'))
  async function* tantQueLeClientAttend() {
    for await (const lot of lots) {
      if (flux.destroyed) throw new Error('réponse interrompue par le client')
      yield lot
    }
  }
  ecrireDocument('csv', tantQueLeClientAttend(), flux).then(
    () => flux.end(),
    (erreur: unknown) => {
      if (!flux.destroyed) request.log.error({ err: erreur }, 'échec de l’export CSV')
      flux.destroy()
    },
  )
  return reply
    .code(200)
    .header('cache-control', 'public, max-age=60')
    .header('content-disposition', `attachment; filename="${nomFichier}"`)
    .type('text/csv; charset=utf-8')
    .send(flux)
}
