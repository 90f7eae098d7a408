/**
 * The French error pages: 404 (unknown address, unknown place), 4xx (a request the server
 * cannot read) and 500 (our fault). No stack trace or technical detail is ever shown; 5xx
 * errors are logged without personal data (see journal.ts). The 500 page never queries the
 * database (it may be the cause): it shows the demo banner as last known.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import type { OptionsPage } from './page.ts'

export function envoyer404(reply: FastifyReply): Promise<FastifyReply> {
  return reply.page({
    statut: 404,
    titre: 'Page introuvable',
    contenu: (
      <>
        <p>La page que vous cherchez n'existe pas, ou elle a été déplacée ou retirée.</p>
        <p>Si vous avez saisi l'adresse, vérifiez qu'elle est exacte.</p>
        <ul>
          <li>
            <a href="/">Revenir à l'accueil</a>
          </li>
          <li>
            <a href="/lieux">Voir la liste des lieux de médiation numérique</a>
          </li>
        </ul>
      </>
    ),
  })
}

/** The page of a request the server cannot read (4xx other than 404). */
export function pageRequeteIncorrecte(statut: number): OptionsPage {
  return {
    statut,
    titre: 'Demande incorrecte',
    contenu: (
      <>
        <p>Le service n'a pas pu traiter cette demande : l'adresse ou les informations envoyées sont incomplètes ou mal formées.</p>
        <p>
          <a href="/">Revenir à l'accueil</a>
        </p>
      </>
    ),
  }
}

export function envoyer500(reply: FastifyReply): FastifyReply {
  return reply.pageSansBase({
    statut: 500,
    titre: 'Le service rencontre un problème',
    contenu: (
      <>
        <p>Une erreur est survenue de notre côté, et non du vôtre. Veuillez réessayer dans quelques minutes.</p>
        <p>Si le problème continue, signalez-le à l'équipe qui gère ce service sur votre territoire.</p>
        <p>
          <a href="/">Revenir à l'accueil</a>
        </p>
      </>
    ),
  })
}

export function installerErreurs(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => envoyer404(reply))
  app.setErrorHandler((erreur: FastifyError, request, reply) => {
    const statut = erreur.statusCode && erreur.statusCode >= 400 && erreur.statusCode < 500 ? erreur.statusCode : 500
    if (statut === 404) return envoyer404(reply)
    if (statut < 500) return reply.page(pageRequeteIncorrecte(statut))
    request.log.error({ err: erreur }, 'erreur du serveur')
    return envoyer500(reply)
  })
}
