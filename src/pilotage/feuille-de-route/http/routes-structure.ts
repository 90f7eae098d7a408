/**
 * The routes that change a roadmap's frame, for whoever pilots its territory (403 otherwise):
 * its title and period (`/:id/modifier`); an axis renamed (`/:id/axes/:axe`), moved up or down
 * (`/:id/axes/:axe/deplacer`, one click: nothing is lost) or removed with its actions after a
 * confirmation page (`/:id/axes/:axe/supprimer`); an action moved to another axis
 * (`/:id/actions/:action/deplacer`) or removed after a confirmation page
 * (`/:id/actions/:action/supprimer`). Errors show the form again (400) with a summary; success
 * redirects (303) with a confirmation banner; every write and its audit line are one transaction.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { jetonDuFormulaire } from '../../../platform/http/jeton.ts'
import { aujourdhuiParis } from '../../../places/validation/date-maj.ts'
import { type ErreurChamp, lireAxe, lireDeplacement, lireFeuille } from '../domaine/formulaires.ts'
import { deplacer } from '../domaine/regles.ts'
import { deplacerAction, type FeuilleComplete, modifierFeuille, ordonnerAxes, renommerAxe, supprimerAction, supprimerAxe } from '../store.ts'
import { CHEMIN, type Contexte, type Corps } from './contexte.ts'
import { pageFeuille } from './pages.tsx'
import { pageAxe, pageModifierFeuille, pageSupprimer } from './pages-structure.tsx'

type Feuille = { Params: { id: string }; Body: Corps }
type DeLAxe = { Params: { id: string; axe: string }; Body: Corps }
type DeLAction = { Params: { id: string; action: string }; Body: Corps }

export function routesStructure(pilotage: FastifyInstance, ctx: Contexte): void {
  const { afficher, ecrire, feuilleAutorisee, axeDe, actionDe } = ctx
  const jeton = (request: FastifyRequest, reply: FastifyReply) => jetonDuFormulaire(request, reply)

  // the roadmap's title and period
  const formulaireFeuille = (request: FastifyRequest, reply: FastifyReply, feuille: FeuilleComplete, saisie: Corps, erreurs: ErreurChamp[] = []) =>
    afficher(request, reply, pageModifierFeuille({ feuille, jeton: jeton(request, reply), saisie, erreurs }))

  pilotage.get<Feuille>(`${CHEMIN}/:id/modifier`, async (request, reply) => {
    const feuille = await feuilleAutorisee(request, reply, request.params.id)
    return feuille ? formulaireFeuille(request, reply, feuille, { titre: feuille.titre, debut: feuille.debut, fin: feuille.fin }) : reply
  })

  pilotage.post<Feuille>(`${CHEMIN}/:id/modifier`, async (request, reply) => {
    const feuille = await feuilleAutorisee(request, reply, request.params.id)
    if (!feuille) return reply
    const corps = request.body ?? {}
    const lecture = lireFeuille(corps)
    if (!lecture.ok) return formulaireFeuille(request, reply, feuille, corps, lecture.erreurs)
    await ecrire(request, 'feuille_de_route.modifiee', feuille.id, (tx) => modifierFeuille(tx, feuille.id, lecture.valeur), () => ({ avant: { titre: feuille.titre, debut: feuille.debut, fin: feuille.fin }, apres: lecture.valeur }))
    return reply.redirect(`${CHEMIN}/${feuille.id}?fait=feuille`, 303)
  })

  // an axis: rename, move, remove
  async function axeAutorise(request: FastifyRequest<DeLAxe>, reply: FastifyReply) {
    const feuille = await feuilleAutorisee(request, reply, request.params.id)
    const axe = feuille ? await axeDe(reply, feuille, request.params.axe) : undefined
    return feuille && axe ? { feuille, axe } : undefined
  }

  pilotage.get<DeLAxe>(`${CHEMIN}/:id/axes/:axe`, async (request, reply) => {
    const r = await axeAutorise(request, reply)
    return r ? afficher(request, reply, pageAxe({ ...r, jeton: jeton(request, reply), saisie: { titre: r.axe.titre }, erreurs: [] })) : reply
  })

  pilotage.post<DeLAxe>(`${CHEMIN}/:id/axes/:axe`, async (request, reply) => {
    const r = await axeAutorise(request, reply)
    if (!r) return reply
    const corps = request.body ?? {}
    const lecture = lireAxe(corps)
    if (!lecture.ok) return afficher(request, reply, pageAxe({ ...r, jeton: jeton(request, reply), saisie: corps, erreurs: lecture.erreurs }))
    await ecrire(request, 'feuille_de_route.axe_renomme', r.feuille.id, (tx) => renommerAxe(tx, r.axe.id, lecture.valeur.titre), () => ({ axe: r.axe.id, avant: r.axe.titre, apres: lecture.valeur.titre }))
    return reply.redirect(`${CHEMIN}/${r.feuille.id}?fait=renomme#axe-${r.axe.id}`, 303)
  })

  pilotage.post<DeLAxe>(`${CHEMIN}/:id/axes/:axe/deplacer`, async (request, reply) => {
    const r = await axeAutorise(request, reply)
    if (!r) return reply
    const sens = (request.body ?? {})['sens']
    if (sens !== 'monter' && sens !== 'descendre') return reply.code(400).type('text/plain; charset=utf-8').send('Sens inconnu : « monter » ou « descendre ».')
    const avant = r.feuille.axes.map((a) => a.id)
    const apres = deplacer(avant, r.axe.id, sens)
    if (apres.some((id, i) => id !== avant[i])) {
      await ecrire(request, 'feuille_de_route.axe_deplace', r.feuille.id, (tx) => ordonnerAxes(tx, r.feuille.id, apres), () => ({ axe: r.axe.id, sens, ordre: apres }))
    }
    return reply.redirect(`${CHEMIN}/${r.feuille.id}?fait=deplace#axe-${r.axe.id}`, 303)
  })

  pilotage.get<DeLAxe>(`${CHEMIN}/:id/axes/:axe/supprimer`, async (request, reply) => {
    const r = await axeAutorise(request, reply)
    if (!r) return reply
    const n = r.axe.actions.length
    const actions = n === 0 ? 'Il n’a pas d’action.' : `Ses ${n === 1 ? 'action' : `${n} actions`} seront supprimées avec lui : ${r.axe.actions.map((a) => `« ${a.titre} »`).join(', ')}.`
    return afficher(
      request,
      reply,
      pageSupprimer({
        feuille: r.feuille,
        titre: `Supprimer l’axe « ${r.axe.titre} » ?`,
        explication: `L’axe « ${r.axe.titre} » sera retiré de la feuille de route. ${actions}`,
        action: `${CHEMIN}/${r.feuille.id}/axes/${r.axe.id}/supprimer`,
        bouton: n === 0 ? 'Supprimer l’axe' : 'Supprimer l’axe et ses actions',
        retour: `${CHEMIN}/${r.feuille.id}/axes/${r.axe.id}`,
        jeton: jeton(request, reply),
      }),
    )
  })

  pilotage.post<DeLAxe>(`${CHEMIN}/:id/axes/:axe/supprimer`, async (request, reply) => {
    const r = await axeAutorise(request, reply)
    if (!r) return reply
    await ecrire(request, 'feuille_de_route.axe_supprime', r.feuille.id, (tx) => supprimerAxe(tx, r.axe.id), () => ({ axe: r.axe.id, titre: r.axe.titre, actions: r.axe.actions.map((a) => ({ id: a.id, titre: a.titre })) }))
    return reply.redirect(`${CHEMIN}/${r.feuille.id}?fait=axe_supprime`, 303)
  })

  // an action: move to another axis, remove
  async function actionAutorisee(request: FastifyRequest<DeLAction>, reply: FastifyReply) {
    const feuille = await feuilleAutorisee(request, reply, request.params.id)
    const action = feuille ? await actionDe(reply, feuille, request.params.action) : undefined
    return feuille && action ? { feuille, action } : undefined
  }

  pilotage.post<DeLAction>(`${CHEMIN}/:id/actions/:action/deplacer`, async (request, reply) => {
    const r = await actionAutorisee(request, reply)
    if (!r) return reply
    const lecture = lireDeplacement(request.body ?? {}, r.feuille.axes.map((a) => a.id).filter((id) => id !== r.action.axeId))
    if (!lecture.ok) {
      const erreurs = lecture.erreurs.map((e) => ({ ...e, champ: `deplacer-${r.action.id}` }))
      const [indicateurs, acteurs] = await Promise.all([ctx.indicateursDe(r.feuille.territoire), ctx.acteursDe(r.feuille.territoire)])
      return afficher(request, reply, pageFeuille({ feuille: r.feuille, indicateurs, acteurs, aujourdhui: aujourdhuiParis(), jeton: jeton(request, reply), saisie: {}, erreurs }))
    }
    const axe = Number(lecture.valeur.axe)
    await ecrire(request, 'feuille_de_route.action_deplacee', r.feuille.id, (tx) => deplacerAction(tx, r.action.id, axe), () => ({ action: r.action.id, avant: r.action.axeId, apres: axe }))
    return reply.redirect(`${CHEMIN}/${r.feuille.id}?fait=action_deplacee#action-${r.action.id}`, 303)
  })

  pilotage.get<DeLAction>(`${CHEMIN}/:id/actions/:action/supprimer`, async (request, reply) => {
    const r = await actionAutorisee(request, reply)
    if (!r) return reply
    const axe = r.feuille.axes.find((a) => a.id === r.action.axeId)?.titre ?? ''
    const suivis = r.action.indicateurs.length
    return afficher(
      request,
      reply,
      pageSupprimer({
        feuille: r.feuille,
        titre: `Supprimer l’action « ${r.action.titre} » ?`,
        explication: `L’action « ${r.action.titre} » (axe « ${axe} », porteur : ${r.action.porteurActeur?.nom ?? r.action.porteur}) sera retirée de la feuille de route${suivis > 0 ? ` ; ${suivis === 1 ? 'l’indicateur qui la suit est gardé' : `les ${suivis} indicateurs qui la suivent sont gardés`}` : ''}.`,
        action: `${CHEMIN}/${r.feuille.id}/actions/${r.action.id}/supprimer`,
        bouton: 'Supprimer l’action',
        retour: `${CHEMIN}/${r.feuille.id}#action-${r.action.id}`,
        jeton: jeton(request, reply),
      }),
    )
  })

  pilotage.post<DeLAction>(`${CHEMIN}/:id/actions/:action/supprimer`, async (request, reply) => {
    const r = await actionAutorisee(request, reply)
    if (!r) return reply
    await ecrire(request, 'feuille_de_route.action_supprimee', r.feuille.id, (tx) => supprimerAction(tx, r.action.id), () => ({ action: r.action.id, titre: r.action.titre, axe: r.action.axeId }))
    return reply.redirect(`${CHEMIN}/${r.feuille.id}?fait=action_supprimee`, 303)
  })
}
