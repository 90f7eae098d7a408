/**
 * The referral routes (`/espace/orientations…`). A mediator sends; the managers and mediators of
 * the receiving place see what the person agreed to share, answer and record the outcome; the
 * sender follows the status. Anyone else — coordinators included — gets 404 on a referral: it
 * may carry a person's details. Forms post with the session's token, then redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Base } from '../../platform/db/database.ts'
import { accepterFormulaires, champ } from '../../platform/http/formulaires.ts'
import { jetonDuFormulaire } from '../../platform/http/jeton.ts'
import type { OptionsPage } from '../../platform/http/page.ts'
import { aujourdhuiParis } from '../../places/validation/date-maj.ts'
import { avecNavigation } from '../../accounts/http/pages-communes.tsx'
import { lieuxGeres, type Compte } from '../../accounts/roles.ts'
import type { Comptes } from '../../accounts/service.ts'
import { estStatut, lireOrientation, type ErreurOrientation } from '../domain/orientations.ts'
import { activiteParId } from '../store/activites.ts'
import { beneficiaireVisible } from '../store/beneficiaires.ts'
import { lieuxMediateur, mediateurDe } from '../store/mediateur.ts'
import { aEnvoye, changerStatutOrientation, chercherLieux, envoyerOrientation, orientationParId, orientationsDe, peutRecevoir } from '../store/orientations.ts'
import { pageNouvelleOrientation, pageOrientation, pageOrientations } from './pages-orientations.tsx'

type Corps = Record<string, string | string[] | undefined>
const CHEMIN = '/espace/orientations'
const MESSAGES: Record<string, string> = {
  envoyee: 'L’orientation est envoyée : le lieu est prévenu par courriel.',
  envoyee_sans_compte: 'L’orientation est enregistrée, mais personne de ce lieu n’a encore de compte : donnez à la personne l’adresse et les horaires du lieu.',
  statut: 'C’est noté : le médiateur qui a orienté la personne voit la suite donnée.',
  deja: 'Un collègue a déjà répondu : voici où en est l’orientation.',
}

/** The places whose received referrals an account handles: those it manages or mediates at. */
const lieuxRecus = (compte: Compte): number[] => [...new Set([...lieuxGeres(compte), ...lieuxMediateur(compte)])]

export function routesOrientations(app: FastifyInstance, options: { base: Base; comptes: Comptes; urlPublique: string; courrielDepose: () => void }): void {
  const { base, comptes } = options
  const db = base.db
  const afficher = (request: FastifyRequest, reply: FastifyReply, page: OptionsPage) => reply.page(avecNavigation(page, request.compte as Compte, CHEMIN, jetonDuFormulaire(request, reply)))
  const message = (request: FastifyRequest) => MESSAGES[champ((request.query as Record<string, unknown>).fait, 30)]

  /** The form, with the places found for `q` and what was typed. */
  const formulaire = async (request: FastifyRequest<{ Querystring: { q?: string; activite?: string } }>, reply: FastifyReply, valeurs: Corps, erreurs: ErreurOrientation[]) => {
    const compte = request.compte as Compte
    const mediateur = await mediateurDe(db, compte)
    const q = champ(request.query.q, 100)
    const resultats = await chercherLieux(db, q, mediateur.lieux.map((l) => l.uid))
    const activite = champ(request.query.activite, 36)
    return afficher(request, reply, pageNouvelleOrientation({ jeton: jetonDuFormulaire(request, reply), q, resultats, mesLieux: mediateur.lieux, activite: activite || undefined, valeurs, erreurs }))
  }

  app.register(async (r) => {
    accepterFormulaires(r)

    r.get(CHEMIN, { config: { acces: ['mediateur', 'gestionnaire'] } }, async (request, reply) => {
      const compte = request.compte as Compte
      const { recues, envoyees } = await orientationsDe(db, { lieux: lieuxRecus(compte), mediateur: compte.id })
      return afficher(request, reply, pageOrientations({ recues, envoyees, peutEnvoyer: lieuxMediateur(compte).length > 0, message: message(request) }))
    })

    r.get<{ Querystring: { q?: string; activite?: string } }>(`${CHEMIN}/nouvelle`, { config: { acces: ['mediateur'] } }, async (request, reply) => {
      const compte = request.compte as Compte
      const lue = request.query.activite ? await activiteParId(db, champ(request.query.activite, 36)) : undefined
      const mienne = lue && lue.ligne.mediateurId === compte.id ? lue : undefined
      // a followed person's details are offered (boxes unticked: only what the person agrees to is sent)
      const fiche = mienne?.suivis[0] ? await beneficiaireVisible(db, await mediateurDe(db, compte), mienne.suivis[0]) : undefined
      const valeurs: Corps = {
        ...(mienne && { de: String(mienne.ligne.lieuUid ?? '') }),
        ...(fiche && { prenom: fiche.prenom, nom: fiche.nom, telephone: fiche.telephone ?? '', courriel: fiche.courriel ?? '' }),
      }
      return formulaire(request, reply, valeurs, [])
    })

    r.post<{ Querystring: { q?: string; activite?: string }; Body: Corps }>(`${CHEMIN}/nouvelle`, { config: { acces: ['mediateur'] } }, async (request, reply) => {
      const compte = request.compte as Compte
      const corps = request.body ?? {}
      const lue = lireOrientation(corps, aujourdhuiParis())
      if ('erreurs' in lue) return formulaire(request, reply, corps, lue.erreurs)
      const mediateur = await mediateurDe(db, compte)
      if (mediateur.lieux.some((l) => l.uid === lue.orientation.versLieu)) {
        return formulaire(request, reply, corps, [{ champ: 'vers', message: 'Choisissez un autre lieu que le vôtre.' }])
      }
      const activite = request.query.activite ? await activiteParId(db, champ(request.query.activite, 36)) : undefined
      const mienne = activite && activite.ligne.mediateurId === compte.id ? activite : undefined
      const deDemande = Number(champ(corps.de, 16))
      const deLieu = mediateur.lieux.find((l) => l.uid === deDemande)?.uid ?? mienne?.ligne.lieuUid ?? mediateur.lieux[0]?.uid ?? null
      try {
        const { id, prevenus } = await envoyerOrientation(
          db,
          comptes.acteur(compte, request.ip),
          { deLieu, parMediateur: compte.id, activiteId: mienne?.ligne.id ?? null, beneficiaireId: mienne?.suivis[0] ?? null, saisie: lue.orientation },
          options,
        )
        if (prevenus > 0) options.courrielDepose()
        return reply.redirect(`${CHEMIN}/${id}?fait=${prevenus > 0 ? 'envoyee' : 'envoyee_sans_compte'}`, 303)
      } catch {
        return formulaire(request, reply, corps, [{ champ: 'vers', message: 'Ce lieu n’est plus publié : choisissez-en un autre.' }])
      }
    })

    r.get<{ Params: { id: string } }>(`${CHEMIN}/:id`, { config: { acces: ['mediateur', 'gestionnaire'] } }, async (request, reply) => {
      const compte = request.compte as Compte
      const o = await orientationParId(db, request.params.id)
      const recoit = o !== undefined && peutRecevoir(o, lieuxRecus(compte))
      if (!o || (!recoit && !aEnvoye(o, compte.id))) return reply.callNotFound()
      reply.header('cache-control', 'no-store')
      return afficher(request, reply, pageOrientation({ o, recoit, jeton: jetonDuFormulaire(request, reply), message: message(request) }))
    })

    r.post<{ Params: { id: string }; Body: Corps }>(`${CHEMIN}/:id/statut`, { config: { acces: ['mediateur', 'gestionnaire'] } }, async (request, reply) => {
      const compte = request.compte as Compte
      const o = await orientationParId(db, request.params.id)
      if (!o || !peutRecevoir(o, lieuxRecus(compte))) return reply.callNotFound()
      const statut = champ((request.body ?? {}).statut, 30)
      if (!estStatut(statut)) {
        return afficher(request, reply, { ...pageOrientation({ o, recoit: true, jeton: jetonDuFormulaire(request, reply), erreur: 'Veuillez choisir une réponse.' }), statut: 400 })
      }
      const fait = await changerStatutOrientation(db, comptes.acteur(compte, request.ip), o.id, statut, champ((request.body ?? {}).reponse, 1000).trim())
      return reply.redirect(`${CHEMIN}/${o.id}?fait=${fait === 'fait' ? 'statut' : 'deja'}`, 303)
    })
  })
}
