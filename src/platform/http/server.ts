/**
 * The HTTP server: a configured Fastify application, not yet listening (the CLI calls
 * `app.listen`). Wires the log, security headers, compression, static assets, the page shell,
 * the French error pages, `/sante` and the routes of each capability.
 */
import Fastify, { type FastifyInstance } from 'fastify'
import { sql } from 'drizzle-orm'
import type { Config } from '../config.ts'
import type { Base } from '../db/database.ts'
import { chargerActifs } from '../ui/actifs.ts'
import { EtatRegistre } from '../../places/pages/etat.ts'
import { routesLieux } from '../../places/pages/routes.ts'
import type { Orientation } from '../../orientation/service.ts'
import { routesOrientation } from '../../orientation/pages/routes.ts'
import { routesApi } from '../../orientation/api/routes.ts'
import { routesCoordination } from '../../coordination/routes.ts'
import { Comptes } from '../../accounts/service.ts'
import { installerGarde } from '../../accounts/http/garde.ts'
import { pageFormulaireExpire } from '../../accounts/http/pages-communes.tsx'
import { routesConnexion } from '../../accounts/http/routes-connexion.ts'
import { routesCompte } from '../../accounts/http/routes-compte.ts'
import { routesEspace } from '../../workspace/routes.tsx'
import { routesEquipe } from '../../accounts/http/routes-equipe.ts'
import { routesAdministration } from '../../accounts/http/routes-administration.ts'
import { routesStatistiques } from '../../activity/stats/routes.ts'
import { routesOrientations } from '../../activity/http/routes-orientations.ts'
import { routesStructures } from '../../activity/http/routes-structures.tsx'
import { routesActivites } from '../../activity/http/routes-activites.ts'
import { routesBeneficiaires } from '../../activity/http/routes-beneficiaires.ts'
import { routesConservation } from '../../activity/http/routes-conservation.tsx'
import { routesDiagnostic } from '../../pilotage/diagnostic/routes.ts'
import { routesActeurs } from '../../pilotage/acteurs/http/routes.tsx'
import { routesFeuilleDeRoute } from '../../pilotage/feuille-de-route/http/routes.ts'
import { routesIndicateurs } from '../../pilotage/indicateurs/http/routes.ts'
import { routesEvaluation } from '../../pilotage/evaluation/routes.ts'
import { tacheConservation } from '../../activity/store/tache-quotidienne.ts'
import { tacheReleve, type BilanReleve } from '../../pilotage/indicateurs/releve-quotidien.ts'
import type { TacheQuotidienne } from '../db/taches.ts'
import type { BilanConservation } from '../../activity/store/conservation.ts'
import { Facteur, expediteurSmtp } from '../../mail/expedition.ts'
import { accesParDefaut, exigerDesRegles, type RouteDeclaree } from './acces.ts'
import { installerProtectionFormulaires } from './jeton.ts'
import { installerCompression } from './compression.ts'
import { ENTETES_SECURITE, installerEntetes } from './entetes.ts'
import { installerErreurs, pageRequeteIncorrecte } from './erreurs.tsx'
import { JournalAiguillage, serialiseurs } from './journal.ts'
import { installerPages, rendrePage } from './page.ts'
import { routesStatiques } from './statiques.ts'

export interface OptionsServeur {
  base: Base
  config: Config
  /** The search service (in-memory index kept in step with the database). */
  orientation: Orientation
  /** Log requests and errors at `config.logLevel` (default true). */
  journal?: boolean
  /** Where log lines go (default: standard output); tests read them. */
  destinationJournal?: { write(ligne: string): void }
  /**
   * The daily jobs (src/platform/db/taches.ts): retention (src/activity/store/tache-quotidienne.ts)
   * and snapshot of the indicators (src/pilotage/indicateurs/releve-quotidien.ts), started by
   * default (a try `delaiInitialMs` after start — a minute —, then every hour); `false` for tests
   * that run them themselves (`app.tacheQuotidienne.essayer()`, `app.releveIndicateurs.essayer()`).
   */
  tacheQuotidienne?: false | { delaiInitialMs?: number }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its access rule (the authorization matrix test reads it). */
    routesDeclarees(): readonly RouteDeclaree[]
    /** The outbox's postman (sends e-mails when SMTP is configured). */
    facteur: Facteur
    /** The daily retention job (`essayer()` runs it now if due). */
    tacheQuotidienne: TacheQuotidienne<BilanConservation>
    /** The daily snapshot of the indicators (`essayer()` runs it now if due). */
    releveIndicateurs: TacheQuotidienne<BilanReleve>
  }
}

export async function creerServeur(options: OptionsServeur): Promise<FastifyInstance> {
  const { base, config } = options
  const actifs = chargerActifs()
  const etat = new EtatRegistre(base.db)
  const desabonner = options.orientation.surChangement(() => etat.invalider())
  const optionsPages = { nomTerritoire: config.nomTerritoire, demo: etat.demo }
  const app = Fastify({
    logger:
      options.journal === false
        ? false
        : {
            level: config.logLevel,
            serializers: serialiseurs,
            ...(options.destinationJournal && { stream: options.destinationJournal }),
          },
    logController: new JournalAiguillage(),
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    bodyLimit: 1024 * 1024,
    // A malformed address (`/%E0%A4%A`) is refused before hooks run: same headers, same French page.
    frameworkErrors: async (_erreur, request, reply) => {
      request.log.info({ methode: request.method, route: null, statut: 400 }, 'adresse mal formée')
      // the public API answers in JSON, readable from any origin, even for a malformed address
      const api = request.raw.url?.startsWith('/api/v1/') ?? false
      const corps = api
        ? JSON.stringify({ erreur: 'Adresse mal formée (caractère encodé invalide ou identifiant trop long).' })
        : rendrePage(optionsPages, '/', await etat.demo.actuel(), pageRequeteIncorrecte(400))
      reply.raw.writeHead(400, {
        ...ENTETES_SECURITE,
        ...(api ? { 'access-control-allow-origin': '*', 'cache-control': 'no-store' } : {}),
        'content-type': api ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
        'content-length': Buffer.byteLength(corps),
      })
      reply.raw.end(corps)
    },
  })

  const routesDeclarees = exigerDesRegles(app)
  app.decorate('routesDeclarees', routesDeclarees)
  const facteur = new Facteur(base.db, config.smtpUrl ? expediteurSmtp(config.smtpUrl, config.expediteur) : undefined)
  app.decorate('facteur', facteur)
  // retries waiting e-mails now and then (a failed delivery, a server restarted mid-send)
  const tournee = config.smtpUrl ? setInterval(() => facteur.signaler(), 60_000).unref() : undefined
  const tache = tacheConservation(base.db, config.conservation, () => new Date(), (erreur) => app.log.error({ err: erreur }, 'la tâche quotidienne de conservation a échoué'))
  const releve = tacheReleve(base.db, () => new Date(), (erreur) => app.log.error({ err: erreur }, 'le relevé quotidien des indicateurs a échoué'))
  app.decorate('tacheQuotidienne', tache)
  app.decorate('releveIndicateurs', releve)
  if (options.tacheQuotidienne !== false) {
    tache.demarrer(options.tacheQuotidienne?.delaiInitialMs)
    releve.demarrer(options.tacheQuotidienne?.delaiInitialMs)
  }
  app.addHook('onClose', async () => {
    desabonner()
    if (tournee) clearInterval(tournee)
    await tache.arreter()
    await releve.arreter()
    await facteur.attendre()
  })
  installerEntetes(app)
  installerCompression(app)
  installerPages(app, optionsPages)
  installerErreurs(app)
  // HTTPS: the public address says so (the Secure flag must not depend on a proxy's headers alone)
  const securise = config.urlPublique.startsWith('https://')
  installerGarde(app, { db: base.db, securise })
  installerProtectionFormulaires(app, async (_request, reply) => reply.page(pageFormulaireExpire()))
  const comptes = new Comptes({ db: base.db, urlPublique: config.urlPublique, nomTerritoire: config.nomTerritoire, courrielDepose: () => facteur.signaler(), cleSecrets: config.cleSecrets })

  app.get('/sante', { config: { acces: 'public' } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store')
    try {
      await base.db.execute(sql`select 1`)
      return { statut: 'ok', moteur: base.moteur }
    } catch {
      return reply.code(503).send({ statut: 'indisponible', moteur: base.moteur })
    }
  })
  // the public site: anyone, no session read
  await app.register(async (publiques) => {
    accesParDefaut(publiques, 'public')
    routesStatiques(publiques, actifs)
    routesLieux(publiques, base)
    routesOrientation(publiques, { base, config, orientation: options.orientation, etat })
    routesApi(publiques, { base, config, orientation: options.orientation })
  })
  routesConnexion(app, { comptes, securise })
  routesCompte(app, { comptes, nomTerritoire: config.nomTerritoire })
  routesEspace(app, { base, comptes, orientation: options.orientation, urlPublique: config.urlPublique, nomTerritoire: config.nomTerritoire, courrielDepose: () => facteur.signaler() })
  routesEquipe(app, { base, comptes })
  routesAdministration(app, { comptes, smtp: config.smtpUrl !== undefined })
  routesCoordination(app, { base, surChangement: (f) => void options.orientation.surChangement(f) })
  routesStatistiques(app, { base })
  routesOrientations(app, { base, comptes, urlPublique: config.urlPublique, courrielDepose: () => facteur.signaler() })
  routesStructures(app, { base, comptes })
  routesActivites(app, { base, comptes })
  routesBeneficiaires(app, { base, comptes, regles: config.conservation })
  routesConservation(app, { db: base.db, regles: config.conservation })
  routesIndicateurs(app, { base })
  routesFeuilleDeRoute(app, { base })
  routesEvaluation(app, { base })
  routesDiagnostic(app, { base })
  routesActeurs(app, { base, comptes })

  await app.ready()
  return app
}
