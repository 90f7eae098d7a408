/**
 * « Mon compte » routes: the page, password change, second-factor set-up and removal.
 * Reachable by an administrator before the mandatory second factor is set up.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { accepterFormulaires, champ } from '../../platform/http/formulaires.ts'
import { jetonDuFormulaire } from '../../platform/http/jeton.ts'
import { lieuxSitues } from '../../places/registry/queries.ts'
import type { Comptes } from '../service.ts'
import { estAdministrateur, type Compte } from '../roles.ts'
import { qrCodeSvg } from '../secrets/qr.ts'
import { uriOtpauth } from '../secrets/totp.ts'
import { sessionsDe } from '../store/sessions.ts'
import { pageTropDEssais } from './pages-communes.tsx'
import { pageCompte, pageDoubleAuthentification } from './pages-compte.tsx'

type Corps = Record<string, unknown>
const MESSAGES: Record<string, string> = {
  mot_de_passe: 'Votre mot de passe a été changé ; vos autres sessions ont été fermées.',
  totp: 'La double authentification est activée : un code vous sera demandé à chaque connexion.',
  totp_retire: 'La double authentification est retirée.',
}

export function routesCompte(app: FastifyInstance, options: { comptes: Comptes; nomTerritoire: string }): void {
  const { comptes } = options
  const config = { acces: 'connecte', avantDoubleAuthentification: true } as const

  const nomsDesLieux = async (compte: Compte) => {
    const uids = compte.habilitations.flatMap((h) => (h.lieuUid === null ? [] : [h.lieuUid]))
    return new Map((await lieuxSitues(comptes.db, uids)).map((l) => [l.uid, l.nom]))
  }

  const afficher = async (request: FastifyRequest, reply: FastifyReply, compte: Compte, erreurs: Array<{ champ: string; message: string }>, message?: string) =>
    pageCompte({
      compte,
      nomsLieux: await nomsDesLieux(compte),
      sessions: (await sessionsDe(comptes.db, compte.id)).length,
      jeton: jetonDuFormulaire(request, reply),
      erreurs,
      message,
    })

  const pageTotp = async (compte: Compte, jeton: string, erreurs: Array<{ champ: string; message: string }>) => {
    const secret = await comptes.preparerTotp(compte)
    const qr = await qrCodeSvg(uriOtpauth(secret, compte.courriel, `Aiguillage ${options.nomTerritoire}`))
    return pageDoubleAuthentification({ compte, secret, qr, obligatoire: estAdministrateur(compte), jeton, erreurs })
  }

  app.register(async (r) => {
    accepterFormulaires(r)

    r.get<{ Querystring: { fait?: string } }>('/compte', { config }, async (request, reply) => {
      const compte = request.compte as Compte
      return reply.page(await afficher(request, reply, compte, [], MESSAGES[champ(request.query.fait, 20)]))
    })

    r.post<{ Body: Corps }>('/compte/mot-de-passe', { config }, async (request, reply) => {
      const compte = request.compte as Compte
      const corps = request.body ?? {}
      const session = request.session
      if (!session) return reply.redirect('/connexion', 303)
      const resultat = await comptes.changerMotDePasse(compte, session, champ(corps.actuel), champ(corps.mot_de_passe), champ(corps.confirmation), request.ip)
      if (resultat.type === 'attente') return reply.header('retry-after', String(resultat.secondes)).page(pageTropDEssais(resultat.secondes, '/compte'))
      if (resultat.type === 'erreurs') return reply.page(await afficher(request, reply, compte, resultat.erreurs))
      return reply.redirect('/compte?fait=mot_de_passe', 303)
    })

    r.get('/compte/double-authentification', { config }, async (request, reply) => {
      const compte = request.compte as Compte
      if (compte.totpActif) return reply.redirect('/compte', 303)
      return reply.page(await pageTotp(compte, jetonDuFormulaire(request, reply), []))
    })

    r.post<{ Body: Corps }>('/compte/double-authentification', { config }, async (request, reply) => {
      const compte = request.compte as Compte
      if (compte.totpActif) return reply.redirect('/compte', 303)
      if (await comptes.activerTotp(compte, champ((request.body ?? {}).code, 20), request.ip)) return reply.redirect('/compte?fait=totp', 303)
      const erreurs = [{ champ: 'code', message: 'Ce code ne correspond pas. Vérifiez que l’heure de votre téléphone est exacte et saisissez le code affiché en ce moment.' }]
      return reply.page(await pageTotp(compte, jetonDuFormulaire(request, reply), erreurs))
    })

    r.post('/compte/double-authentification/retirer', { config }, async (request, reply) => {
      const compte = request.compte as Compte
      if (!(await comptes.retirerTotp(compte, request.ip))) return reply.redirect('/compte', 303)
      return reply.redirect('/compte?fait=totp_retire', 303)
    })
  })
}
