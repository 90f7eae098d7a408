/**
 * The roadmap routes (`/pilotage/feuille-de-route…`), for administrators and coordinators: a
 * coordinator reads and changes only the roadmaps of their territory (or a part of it), 403
 * otherwise. Forms post with the anti-forgery token; errors show the form again (400) with
 * a summary, success redirects (303). Every write and its audit line are one transaction. Here: the list and
 * creation of roadmaps, a roadmap's page, adding axes and actions, changing an action; changing
 * the roadmap itself, its axes' names and order, moving and removing are in `routes-structure.ts`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Base } from '../../../platform/db/database.ts'
import { accesParDefaut } from '../../../platform/http/acces.ts'
import { accepterFormulaires } from '../../../platform/http/formulaires.ts'
import { jetonDuFormulaire } from '../../../platform/http/jeton.ts'
import type { Compte } from '../../../accounts/roles.ts'
import { refuser } from '../../../accounts/http/garde.ts'
import { aujourdhuiParis } from '../../../places/validation/date-maj.ts'
import { choisirTerritoire, cleTerritoire } from '../../acces.ts'
import { lireAction, lireAvancement, lireAxe, lireFeuille } from '../domaine/formulaires.ts'
import { type Action, ajouterAction, ajouterAxe, creerFeuille, type FeuilleComplete, feuillesDuTerritoire, modifierAction, modifierAvancement } from '../store.ts'
import { type ActeurAuChoix, CHEMIN, contexte, type Corps, ID, nomsDesActeurs } from './contexte.ts'
import { saisieDeLAction } from './formulaire-action.tsx'
import { pageAction, pageFeuille, pageFeuilles } from './pages.tsx'
import { routesStructure } from './routes-structure.ts'

const liste = (v: unknown): number[] => ([] as unknown[]).concat(v ?? []).flatMap((x) => (typeof x === 'string' && ID.test(x) ? [Number(x)] : []))

export function routesFeuilleDeRoute(app: FastifyInstance, { base }: { base: Base }): void {
  const ctx = contexte(base.db)
  const { db, afficher, message, ecrire, feuilleAutorisee, indicateursDe, acteursDe } = ctx
  app.register(async (pilotage) => {
    accepterFormulaires(pilotage)
    accesParDefaut(pilotage, ['administrateur', 'coordinateur'])
    routesStructure(pilotage, ctx)

    async function lister(request: FastifyRequest, reply: FastifyReply, brut: unknown, saisie: Corps, erreurs: Parameters<typeof pageFeuilles>[0]['erreurs']) {
      const choix = choisirTerritoire(request.compte as Compte, brut)
      if ('refuse' in choix) return refuser(reply)
      if ('aChoisir' in choix) return reply.redirect(`/pilotage${choix.erreur ? `?territoire=${encodeURIComponent(String(brut))}` : ''}`, 303)
      const cle = cleTerritoire(choix.territoire)
      const feuilles = await feuillesDuTerritoire(db, cle)
      return afficher(request, reply, pageFeuilles({ territoire: choix.territoire, cle, feuilles, jeton: jetonDuFormulaire(request, reply), saisie, erreurs, message: message(request) }))
    }

    pilotage.get<{ Querystring: { territoire?: string } }>(CHEMIN, (request, reply) => lister(request, reply, request.query.territoire, {}, []))

    pilotage.post<{ Body: Corps }>(CHEMIN, async (request, reply) => {
      const corps = request.body ?? {}
      const choix = choisirTerritoire(request.compte as Compte, corps['territoire'])
      if ('refuse' in choix) return refuser(reply)
      if ('aChoisir' in choix) return reply.code(400).type('text/plain; charset=utf-8').send('Territoire manquant ou inconnu.')
      const lecture = lireFeuille(corps)
      if (!lecture.ok) return lister(request, reply, corps['territoire'], corps, lecture.erreurs)
      const territoire = cleTerritoire(choix.territoire)
      const id = await ecrire(request, 'feuille_de_route.creee', (nouvelle: number) => nouvelle, (tx) => creerFeuille(tx, { territoire, ...lecture.valeur }), () => ({ titre: lecture.valeur.titre, territoire }))
      return reply.redirect(`${CHEMIN}/${id}?fait=creee`, 303)
    })

    async function montrer(request: FastifyRequest, reply: FastifyReply, id: string, formulaire?: 'axe' | 'action', saisie: Corps = {}, erreurs: Parameters<typeof pageFeuilles>[0]['erreurs'] = []) {
      const feuille = await feuilleAutorisee(request, reply, id)
      if (!feuille) return reply
      const [indicateurs, acteurs] = await Promise.all([indicateursDe(feuille.territoire), acteursDe(feuille.territoire)])
      const page = pageFeuille({ feuille, indicateurs, acteurs, aujourdhui: aujourdhuiParis(), jeton: jetonDuFormulaire(request, reply), formulaire, saisie, erreurs, message: message(request) })
      return afficher(request, reply, page)
    }

    pilotage.get<{ Params: { id: string } }>(`${CHEMIN}/:id`, (request, reply) => montrer(request, reply, request.params.id))

    pilotage.post<{ Params: { id: string }; Body: Corps }>(`${CHEMIN}/:id/axes`, async (request, reply) => {
      const feuille = await feuilleAutorisee(request, reply, request.params.id)
      if (!feuille) return reply
      const lecture = lireAxe(request.body ?? {})
      if (!lecture.ok) return montrer(request, reply, request.params.id, 'axe', request.body ?? {}, lecture.erreurs)
      await ecrire(request, 'feuille_de_route.axe_ajoute', feuille.id, (tx) => ajouterAxe(tx, feuille.id, lecture.valeur.titre), (axe) => ({ axe, titre: lecture.valeur.titre }))
      return reply.redirect(`${CHEMIN}/${feuille.id}?fait=axe`, 303)
    })

    pilotage.post<{ Params: { id: string }; Body: Corps }>(`${CHEMIN}/:id/actions`, async (request, reply) => {
      const feuille = await feuilleAutorisee(request, reply, request.params.id)
      if (!feuille) return reply
      const corps = request.body ?? {}
      const lecture = lireAction(corps, feuille.axes.map((a) => a.id), nomsDesActeurs(await acteursDe(feuille.territoire)))
      if (!lecture.ok) return montrer(request, reply, request.params.id, 'action', corps, lecture.erreurs)
      const permis = new Set((await indicateursDe(feuille.territoire)).map((i) => i.id))
      const action = await ecrire(request, 'feuille_de_route.action_ajoutee', feuille.id, (tx) => ajouterAction(tx, lecture.valeur, liste(corps['indicateurs']).filter((i) => permis.has(i))), (action) => ({ action, titre: lecture.valeur.titre }))
      return reply.redirect(`${CHEMIN}/${feuille.id}?fait=action#action-${action}`, 303)
    })

    type Formulaire = { reponse: FastifyReply } | { feuille: FeuilleComplete; action: Action; indicateurs: Array<{ id: number; libelle: string }>; acteurs: ActeurAuChoix[]; page: () => Promise<FastifyReply> }
    async function formulaireAction(request: FastifyRequest<{ Params: { id: string; action: string } }>, reply: FastifyReply, saisie?: Corps, erreurs: Parameters<typeof pageFeuilles>[0]['erreurs'] = []): Promise<Formulaire> {
      const feuille = await feuilleAutorisee(request, reply, request.params.id)
      if (!feuille) return { reponse: reply }
      const action = await ctx.actionDe(reply, feuille, request.params.action)
      if (!action) return { reponse: reply }
      const [indicateurs, acteurs] = await Promise.all([indicateursDe(feuille.territoire), acteursDe(feuille.territoire, action)])
      const page = () => afficher(request, reply, pageAction({ feuille, action, indicateurs, acteurs, jeton: jetonDuFormulaire(request, reply), saisie: saisie ?? saisieDeLAction(action), erreurs }))
      return { feuille, action, indicateurs, acteurs, page }
    }

    pilotage.get<{ Params: { id: string; action: string } }>(`${CHEMIN}/:id/actions/:action`, async (request, reply) => {
      const r = await formulaireAction(request, reply)
      return 'page' in r ? r.page() : r.reponse
    })

    pilotage.post<{ Params: { id: string; action: string }; Body: Corps }>(`${CHEMIN}/:id/actions/:action`, async (request, reply) => {
      const corps = request.body ?? {}
      const r = await formulaireAction(request, reply)
      if (!('page' in r)) return r.reponse
      const lecture = lireAction(corps, r.feuille.axes.map((a) => a.id), nomsDesActeurs(r.acteurs))
      if (!lecture.ok) {
        const avecErreurs = await formulaireAction(request, reply, corps, lecture.erreurs)
        return 'page' in avecErreurs ? avecErreurs.page() : avecErreurs.reponse
      }
      const permis = new Set(r.indicateurs.map((i) => i.id))
      // `porteur` as stored: the words written, '' when an actor owns the action
      const avant = { axe: r.action.axeId, porteur: r.action.porteurActeurId === null ? r.action.porteur : '', porteurActeur: r.action.porteurActeurId, partenairesActeurs: r.action.partenairesActeurs.map((p) => p.id).sort((x, y) => x - y), statut: r.action.statut, avancement: r.action.avancement }
      const apres = { axe: lecture.valeur.axe, porteur: lecture.valeur.porteur, porteurActeur: lecture.valeur.porteurActeurId ?? null, partenairesActeurs: [...(lecture.valeur.partenairesActeurs ?? [])].sort((x, y) => x - y), statut: lecture.valeur.statut, avancement: lecture.valeur.avancement }
      await ecrire(request, 'feuille_de_route.action_modifiee', r.feuille.id, (tx) => modifierAction(tx, r.action.id, lecture.valeur, liste(corps['indicateurs']).filter((i) => permis.has(i))), () => ({ action: r.action.id, avant, apres }))
      return reply.redirect(`${CHEMIN}/${r.feuille.id}?fait=modifiee#action-${r.action.id}`, 303)
    })

    pilotage.post<{ Params: { id: string; action: string }; Body: Corps }>(`${CHEMIN}/:id/actions/:action/avancement`, async (request, reply) => {
      const feuille = await feuilleAutorisee(request, reply, request.params.id)
      if (!feuille) return reply
      const action = await ctx.actionDe(reply, feuille, request.params.action)
      if (!action) return reply
      const lecture = lireAvancement(request.body ?? {})
      if (!lecture.ok) return montrer(request, reply, request.params.id, undefined, {}, lecture.erreurs.map((e) => ({ ...e, champ: `${e.champ.replace('avancement-', '')}-${action.id}` })))
      await ecrire(request, 'feuille_de_route.avancement', feuille.id, (tx) => modifierAvancement(tx, action.id, lecture.valeur.statut, Number(lecture.valeur.avancement)), () => ({ action: action.id, avant: { statut: action.statut, avancement: action.avancement }, apres: lecture.valeur }))
      return reply.redirect(`${CHEMIN}/${feuille.id}?fait=avancement#action-${action.id}`, 303)
    })
  })
}
