/**
 * Routes of signing in and out, forgotten password, reset and invitation links. Every form
 * posts (with its anti-forgery token) and redirects; tokens of links travel in the query string
 * of a GET (never logged: the log keeps paths only) and in a hidden field of the form.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { poserCookie } from '../../platform/http/cookies.ts'
import { entetesDeLaReponse } from '../../platform/http/entetes.ts'
import { accepterFormulaires, champ } from '../../platform/http/formulaires.ts'
import { jetonDuFormulaire } from '../../platform/http/jeton.ts'
import { inscrire } from '../../audit/journal.ts'
import type { Comptes } from '../service.ts'
import { MESSAGE_IDENTIFIANTS } from '../service.ts'
import { DUREE_MAX_MS, fermerSession, fermerSessionsDe } from '../store/sessions.ts'
import { COOKIE_SESSION, effacerCookieSession, retourSur } from './garde.ts'
import { pageTropDEssais } from './pages-communes.tsx'
import { pageCode, pageConnexion, pageDemandeEnvoyee, pageInvitation, pageLienInvalide, pageMotDePasseOublie, pageReinitialiser } from './pages-connexion.tsx'

type Corps = Record<string, unknown>
const MESSAGES: Record<string, string> = {
  deconnecte: 'Vous êtes déconnecté.',
  partout: 'Toutes vos sessions ont été fermées.',
  reinitialise: 'Votre mot de passe a été changé. Connectez-vous avec le nouveau.',
  cree: 'Votre compte est créé. Connectez-vous avec votre adresse et votre mot de passe.',
}

export function routesConnexion(app: FastifyInstance, options: { comptes: Comptes; securise: boolean }): void {
  const { comptes, securise } = options
  const ouvrir = (request: FastifyRequest, reply: FastifyReply, jeton: string) =>
    poserCookie(request, reply, COOKIE_SESSION, jeton, { maxAge: DUREE_MAX_MS / 1000, securise })

  app.register(async (r) => {
    accepterFormulaires(r)

    r.get<{ Querystring: { retour?: string; fait?: string } }>('/connexion', { config: { acces: 'public' } }, async (request, reply) => {
      reply.header('cache-control', 'no-store')
      const message = MESSAGES[champ(request.query.fait, 20)]
      return reply.page(pageConnexion({ courriel: '', erreurs: [], jeton: jetonDuFormulaire(request, reply), retour: retourSur(request.query.retour), message }))
    })

    r.post<{ Body: Corps }>('/connexion', { config: { acces: 'public' } }, async (request, reply) => {
      reply.header('cache-control', 'no-store')
      const corps = request.body ?? {}
      const courriel = champ(corps.courriel, 254).trim()
      const retour = retourSur(corps.retour)
      const resultat = await comptes.connecter(courriel, champ(corps.mot_de_passe), request.ip)
      if (resultat.type === 'attente') return reply.header('retry-after', String(resultat.secondes)).page(pageTropDEssais(resultat.secondes))
      if (resultat.type === 'refusee') {
        const erreurs = [{ champ: 'courriel', message: MESSAGE_IDENTIFIANTS }]
        return reply.page(pageConnexion({ courriel, erreurs, jeton: jetonDuFormulaire(request, reply), retour }))
      }
      ouvrir(request, reply, resultat.jeton)
      if (resultat.session.niveau === 'attente_code') return reply.redirect(`/connexion/code?retour=${encodeURIComponent(retour)}`, 303)
      return reply.redirect(retour, 303)
    })

    r.get('/connexion/code', { config: { acces: 'code' } }, async (request, reply) => reply.page(pageCode({ erreurs: [], jeton: jetonDuFormulaire(request, reply) })))

    r.post<{ Body: Corps; Querystring: { retour?: string } }>('/connexion/code', { config: { acces: 'code' } }, async (request, reply) => {
      const session = request.session
      if (!session) return reply.redirect('/connexion', 303)
      const resultat = await comptes.verifierCode(session, champ((request.body ?? {}).code, 20), request.ip)
      if (resultat.type === 'attente') return reply.header('retry-after', String(resultat.secondes)).page(pageTropDEssais(resultat.secondes, '/connexion/code'))
      if (resultat.type === 'refusee') {
        return reply.page(pageCode({ erreurs: [{ champ: 'code', message: 'Ce code est incorrect ou a expiré. Saisissez le code affiché en ce moment.' }], jeton: jetonDuFormulaire(request, reply) }))
      }
      ouvrir(request, reply, resultat.jeton)
      return reply.redirect(retourSur(request.query.retour), 303)
    })

    r.post('/deconnexion', { config: { acces: 'session' } }, async (request, reply) => {
      if (request.session) await fermerSession(comptes.db, request.session.id)
      effacerCookieSession(request, reply, securise)
      return reply.redirect('/connexion?fait=deconnecte', 303)
    })

    r.post('/compte/deconnexion-partout', { config: { acces: 'connecte', avantDoubleAuthentification: true } }, async (request, reply) => {
      const compte = request.compte
      if (compte) {
        await fermerSessionsDe(comptes.db, compte.id)
        await inscrire(comptes.db, comptes.acteur(compte, request.ip), { action: 'session.deconnexion_partout', objetType: 'session', objetId: compte.id })
      }
      effacerCookieSession(request, reply, securise)
      return reply.redirect('/connexion?fait=partout', 303)
    })

    r.get('/mot-de-passe-oublie', { config: { acces: 'public' } }, async (request, reply) =>
      reply.header('cache-control', 'no-store').page(pageMotDePasseOublie({ courriel: '', erreurs: [], jeton: jetonDuFormulaire(request, reply) })),
    )

    r.post<{ Body: Corps }>('/mot-de-passe-oublie', { config: { acces: 'public' } }, async (request, reply) => {
      reply.header('cache-control', 'no-store')
      const courriel = champ((request.body ?? {}).courriel, 254).trim()
      if (!courriel.includes('@')) {
        const erreurs = [{ champ: 'courriel', message: 'Indiquez l’adresse électronique de votre compte, par exemple prenom.nom@mairie.fr.' }]
        return reply.page(pageMotDePasseOublie({ courriel, erreurs, jeton: jetonDuFormulaire(request, reply) }))
      }
      const resultat = await comptes.demanderReinitialisation(courriel, request.ip)
      if (resultat.type === 'attente') return reply.header('retry-after', String(resultat.secondes)).page(pageTropDEssais(resultat.secondes, '/mot-de-passe-oublie'))
      return reply.redirect('/mot-de-passe-oublie/envoye', 303)
    })

    r.get('/mot-de-passe-oublie/envoye', { config: { acces: 'public' } }, async (_request, reply) => reply.page(pageDemandeEnvoyee()))

    for (const type of ['reinitialisation', 'invitation'] as const) {
      const chemin = type === 'invitation' ? '/invitation' : '/reinitialiser'
      r.get<{ Querystring: { jeton?: string } }>(chemin, { config: { acces: 'public' } }, async (request, reply) => {
        // the link's token is in this page's address: never sent to another site
        reply.header('cache-control', 'no-store')
        entetesDeLaReponse(reply, { 'referrer-policy': 'no-referrer' })
        const lien = champ(request.query.jeton, 100)
        const compte = await comptes.jetonValide(type, lien)
        if (!compte) return reply.page(pageLienInvalide(type))
        const jeton = jetonDuFormulaire(request, reply)
        return reply.page(
          type === 'invitation' ? pageInvitation({ lien, courriel: compte.courriel, nom: compte.nom, erreurs: [], jeton }) : pageReinitialiser({ lien, courriel: compte.courriel, erreurs: [], jeton }),
        )
      })

      r.post<{ Body: Corps }>(chemin, { config: { acces: 'public' } }, async (request, reply) => {
        reply.header('cache-control', 'no-store')
        const corps = request.body ?? {}
        const lien = champ(corps.lien, 100)
        const motDePasse = champ(corps.mot_de_passe, 1000)
        const confirmation = champ(corps.confirmation, 1000)
        const nom = champ(corps.nom, 200)
        const resultat =
          type === 'invitation' ? await comptes.accepterInvitation(lien, nom, motDePasse, confirmation, request.ip) : await comptes.reinitialiser(lien, motDePasse, confirmation, request.ip)
        if (resultat.type === 'lien') return reply.page(pageLienInvalide(type))
        if (resultat.type === 'attente') return reply.page(pageTropDEssais(resultat.secondes))
        if (resultat.type === 'erreurs') {
          const compte = await comptes.jetonValide(type, lien)
          if (!compte) return reply.page(pageLienInvalide(type))
          const jeton = jetonDuFormulaire(request, reply)
          return reply.page(
            type === 'invitation'
              ? pageInvitation({ lien, courriel: compte.courriel, nom, erreurs: resultat.erreurs, jeton })
              : pageReinitialiser({ lien, courriel: compte.courriel, erreurs: resultat.erreurs, jeton }),
          )
        }
        return reply.redirect(`/connexion?fait=${type === 'invitation' ? 'cree' : 'reinitialise'}`, 303)
      })
    }
  })
}
