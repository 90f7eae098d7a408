/**
 * `/admin…`, for administrators only: every account (disable — which ends its sessions —,
 * re-enable, remove a lost second factor), the outbox (e-mails waiting or sent), the audit log.
 */
import type { FastifyInstance } from 'fastify'
import { accepterFormulaires } from '../../platform/http/formulaires.ts'
import { jetonDuFormulaire } from '../../platform/http/jeton.ts'
import { accesParDefaut } from '../../platform/http/acces.ts'
import { inscrire, journalRecent } from '../../audit/journal.ts'
import { courrielsRecents } from '../../mail/boite.ts'
import type { Compte } from '../roles.ts'
import type { Comptes } from '../service.ts'
import { changerStatut, compteParId, enregistrerTotp, listerComptes } from '../store/comptes.ts'
import { invitationsEnAttente } from '../store/jetons.ts'
import { fermerSessionsDe } from '../store/sessions.ts'
import { refuser } from './garde.ts'
import { avecNavigation } from './pages-communes.tsx'
import { pageComptes, pageCourriels, pageJournal } from './pages-administration.tsx'

const MESSAGES: Record<string, string> = {
  desactive: 'Le compte est désactivé et ses sessions sont fermées.',
  reactive: 'Le compte est réactivé.',
  totp: 'La double authentification est retirée : la personne la configurera à sa prochaine connexion si elle est administratrice.',
}

export function routesAdministration(app: FastifyInstance, options: { comptes: Comptes; smtp: boolean }): void {
  const { comptes } = options
  const db = comptes.db
  app.register(async (r) => {
    accepterFormulaires(r)
    accesParDefaut(r, ['administrateur'])

    r.get<{ Querystring: { fait?: string } }>('/admin/comptes', async (request, reply) => {
      const compte = request.compte as Compte
      const jeton = jetonDuFormulaire(request, reply)
      const page = pageComptes({ comptes: await listerComptes(db), invitations: await invitationsEnAttente(db), jeton, moi: compte.id, message: MESSAGES[String(request.query.fait ?? '')] })
      return reply.page(avecNavigation(page, compte, '/admin/comptes', jeton))
    })

    for (const action of ['desactiver', 'reactiver', 'retirer-double-authentification'] as const) {
      r.post<{ Params: { id: string } }>(`/admin/comptes/:id/${action}`, async (request, reply) => {
        const compte = request.compte as Compte
        if (!/^\d{1,9}$/.test(request.params.id)) return reply.callNotFound()
        const cible = await compteParId(db, Number(request.params.id))
        if (!cible) return reply.callNotFound()
        if (cible.id === compte.id) return refuser(reply)
        const acteur = comptes.acteur(compte, request.ip)
        if (action === 'desactiver') {
          await changerStatut(db, cible.id, 'desactive')
          await fermerSessionsDe(db, cible.id)
          await inscrire(db, acteur, { action: 'compte.desactive', objetType: 'compte', objetId: cible.id })
        } else if (action === 'reactiver') {
          await changerStatut(db, cible.id, cible.motDePasse ? 'actif' : 'invite')
          await inscrire(db, acteur, { action: 'compte.reactive', objetType: 'compte', objetId: cible.id })
        } else {
          await enregistrerTotp(db, cible.id, { totpSecret: null, totpActif: false, totpDernierPas: null })
          await fermerSessionsDe(db, cible.id)
          await inscrire(db, acteur, { action: 'compte.totp_retire', objetType: 'compte', objetId: cible.id })
        }
        return reply.redirect(`/admin/comptes?fait=${action === 'desactiver' ? 'desactive' : action === 'reactiver' ? 'reactive' : 'totp'}`, 303)
      })
    }

    r.get('/admin/courriels', async (request, reply) => {
      const page = pageCourriels(await courrielsRecents(db, { limite: 200 }), options.smtp)
      return reply.page(avecNavigation(page, request.compte as Compte, '/admin/courriels', jetonDuFormulaire(request, reply)))
    })

    r.get<{ Querystring: { avant?: string } }>('/admin/journal', async (request, reply) => {
      const avant = /^\d{1,15}$/.test(request.query.avant ?? '') ? Number(request.query.avant) : undefined
      const lignes = await journalRecent(db, { limite: 100, ...(avant !== undefined && { avant }) })
      const dernier = lignes.at(-1)
      const suivant = lignes.length === 100 && dernier ? `/admin/journal?avant=${dernier.id}` : undefined
      return reply.page(avecNavigation(pageJournal(lignes, suivant), request.compte as Compte, '/admin/journal', jetonDuFormulaire(request, reply)))
    })
  })
}
