/**
 * The workspace routes (`/espace…`). The access rule of each route says which roles may call
 * it; the place's rules (manager of it, coordinator of its territory) are checked here with
 * `accounts/roles.ts` before anything is read or written: a coordinator of another territory
 * gets 403. Forms post with the session's anti-forgery token, then redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Base } from '../platform/db/database.ts'
import { accepterFormulaires, champ } from '../platform/http/formulaires.ts'
import { jetonDuFormulaire } from '../platform/http/jeton.ts'
import type { OptionsPage } from '../platform/http/page.ts'
import { historiqueDuLieu } from '../audit/journal.ts'
import { lieuParUid } from '../places/registry/queries.ts'
import { versLieu } from '../places/registry/rows.ts'
import type { Lieu } from '../places/standard/fields.ts'
import { aujourdhuiParis } from '../places/validation/date-maj.ts'
import { scoreQualite } from '../quality/score.ts'
import { referentiel } from '../territories/referentiel.ts'
import type { Orientation } from '../orientation/service.ts'
import { refuser } from '../accounts/http/garde.ts'
import { avecNavigation, pageTropDEssais } from '../accounts/http/pages-communes.tsx'
import { coordonneLieu, peutAttribuer, peutModifierLieu, peutValiderLieu, type Compte } from '../accounts/roles.ts'
import type { Comptes } from '../accounts/service.ts'
import { ajouterRole } from '../accounts/store/comptes.ts'
import { depuisOsm, sansFermeturesPassees, semaineVide } from './horaires/modele.ts'
import { apercuOuverture } from './horaires/apercu.ts'
import { lireFiche, valeursDepuisLieu } from './fiche/lecture.ts'
import { lieuAutorise } from './lieu-autorise.ts'
import { deciderLieu, LieuIntrouvableError, modifierLieu, proposerLieu } from './ecriture.ts'
import { envoyerRappel, envoyerRappels, traiterSignalement } from './actions.ts'
import { pageHistorique, pageLieux, pageModifierLieu, pageNouveauLieu, pageSignalements, pageTableauDeBord } from './pages.tsx'
import { compteurs, lieuxVisibles, seuilMiseAJour, signalementParId, signalementsVisibles, situerLieu, STATUTS_SIGNALEMENT, type FiltreLieux, type LieuDeLEspace, type StatutSignalement } from './requetes.ts'

type Corps = Record<string, string | string[] | undefined>
const GERENT = ['administrateur', 'coordinateur', 'gestionnaire'] as const
const COORDONNENT = ['administrateur', 'coordinateur'] as const
const PAR_PAGE = 50
const MESSAGES: Record<string, string> = {
  enregistre: 'La fiche est enregistrée. Merci !',
  inchange: 'Rien n’a changé : la fiche est déjà à jour.',
  propose: 'Le lieu est proposé : un coordinateur va le vérifier avant sa publication.',
  publie: 'Le lieu est publié.',
  valide: 'Le lieu est validé et publié.',
  refuse: 'Le lieu est refusé : il ne sera pas publié.',
  rappel: 'Le rappel est envoyé aux gestionnaires du lieu.',
  rappel_tot: 'Un rappel a déjà été envoyé cette semaine : il faut attendre 7 jours entre deux rappels.',
  sans_gestionnaire: 'Ce lieu n’a pas encore de gestionnaire : invitez-en un ci-dessous.',
  invite: 'L’invitation est envoyée.',
  signalement: 'Le signalement est mis à jour.',
  deja: 'Ce lieu a déjà été traité.',
}

const parametreUid = (brut: string): number | undefined => (/^[1-9]\d{0,14}$/.test(brut) ? Number(brut) : undefined)

/** The form's values for a stored place; closures already over are not shown (dropped at the next save anyway). */
function ficheDuLieu(actuel: Lieu | undefined, region: string) {
  const osm = actuel?.horaires ?? ''
  const semaine = depuisOsm(osm)
  return {
    valeurs: actuel ? valeursDepuisLieu(actuel) : {},
    erreurs: [],
    horaires: { semaine: semaine && sansFermeturesPassees(semaine, aujourdhuiParis()), osm, erreurs: [], apercu: apercuOuverture(osm, new Date(), region) },
  }
}

export function routesEspace(app: FastifyInstance, options: { base: Base; comptes: Comptes; orientation: Orientation; urlPublique: string; nomTerritoire: string; courrielDepose: () => void }): void {
  const { base, comptes } = options
  const db = base.db

  const afficher = (request: FastifyRequest, reply: FastifyReply, page: OptionsPage, chemin: string) =>
    reply.page(avecNavigation(page, request.compte as Compte, chemin, jetonDuFormulaire(request, reply)))
  const message = (request: FastifyRequest) => {
    const query = request.query as Record<string, unknown>
    const fait = champ(query.fait, 30)
    const n = /^(\d{1,6})-(\d{1,6})-(\d{1,6})-(\d{1,6})$/.exec(champ(query.n, 40))
    if (fait === 'relances' && n) return `${n[1]} fiche(s) relancée(s), ${n[2]} courriel(s) envoyé(s) ; ${n[3]} sans gestionnaire (invitez-en un depuis la fiche) ; ${n[4]} déjà relancée(s) cette semaine.`
    return MESSAGES[fait]
  }
  const acteur = (request: FastifyRequest) => comptes.acteur(request.compte as Compte, request.ip)

  /** The place of `:uid` when the account may edit it; otherwise the reply is sent (404 or 403). */
  const lieuModifiable = (request: FastifyRequest<{ Params: { uid: string } }>, reply: FastifyReply, regle = peutModifierLieu) => lieuAutorise(db, request, reply, regle)

  const ficheVide = () => ({ valeurs: {}, erreurs: [], horaires: { semaine: semaineVide(), osm: '', erreurs: [] } })

  app.register(async (r) => {
    accepterFormulaires(r)

    r.get('/espace', { config: { acces: 'connecte' } }, async (request, reply) => {
      const n = await compteurs(db, request.compte as Compte, aujourdhuiParis())
      return afficher(request, reply, pageTableauDeBord(request.compte as Compte, n, message(request)), '/espace')
    })

    r.get<{ Querystring: { filtre?: string; q?: string; page?: string } }>('/espace/lieux', { config: { acces: GERENT } }, async (request, reply) => {
      const filtre: FiltreLieux = request.query.filtre === 'a_valider' || request.query.filtre === 'a_mettre_a_jour' ? request.query.filtre : 'tous'
      const q = champ(request.query.q, 100)
      const page = /^\d{1,6}$/.test(request.query.page ?? '') ? Math.max(1, Number(request.query.page)) : 1
      const { total, lieux } = await lieuxVisibles(db, request.compte as Compte, { filtre, q, page, parPage: PAR_PAGE, aujourdhui: aujourdhuiParis() })
      const pages = Math.max(1, Math.ceil(total / PAR_PAGE))
      const page_ = pageLieux({ compte: request.compte as Compte, lieux, total, filtre, q, page, pages, jeton: jetonDuFormulaire(request, reply), message: message(request) })
      return afficher(request, reply, page_, '/espace/lieux')
    })

    r.post('/espace/rappels', { config: { acces: COORDONNENT } }, async (request, reply) => {
      const compte = request.compte as Compte
      const aujourdhui = aujourdhuiParis()
      const { lieux } = await lieuxVisibles(db, compte, { filtre: 'a_mettre_a_jour', page: 1, parPage: 10_000, aujourdhui })
      const bilan = await envoyerRappels(base, acteur(request), lieux.filter((l) => l.statut === 'publie'), options)
      const n = [bilan.lieux, bilan.destinataires, bilan.sansGestionnaire, bilan.tropTot].join('-')
      return reply.redirect(`/espace/lieux?filtre=a_mettre_a_jour&fait=relances&n=${n}`, 303)
    })

    r.get('/espace/lieux/nouveau', { config: { acces: GERENT } }, async (request, reply) =>
      afficher(request, reply, pageNouveauLieu({ fiche: ficheVide(), jeton: jetonDuFormulaire(request, reply), publieDirectement: false }), '/espace/lieux'),
    )

    r.post<{ Body: Corps }>('/espace/lieux/nouveau', { config: { acces: GERENT } }, async (request, reply) => {
      const compte = request.compte as Compte
      const corps = request.body ?? {}
      const lue = lireFiche(corps, { id: 'nouveau', aujourdhui: aujourdhuiParis(), referentiel: referentiel(), maintenant: new Date() })
      // published at once only when the author coordinates the place's territory
      const commune = lue.lieu?.code_insee ? referentiel().communeActuelle(lue.lieu.code_insee) : undefined
      const situe = { uid: 0, communeResolue: commune?.code ?? null, codeDepartement: commune?.departement ?? null, codeRegion: commune?.region ?? null }
      const publier = coordonneLieu(compte, situe)
      if (!lue.lieu || corps.action === 'apercu') {
        return afficher(request, reply, pageNouveauLieu({ fiche: { valeurs: lue.saisie, erreurs: lue.erreurs, horaires: lue.horaires }, jeton: jetonDuFormulaire(request, reply), publieDirectement: publier }), '/espace/lieux')
      }
      const uid = await proposerLieu(base, acteur(request), lue.lieu, publier)
      if (!publier) await ajouterRole(db, compte.id, { role: 'gestionnaire', lieuUid: uid })
      return reply.redirect(`/espace/lieux/${uid}?fait=${publier ? 'publie' : 'propose'}`, 303)
    })

    /** The edit page: the place as stored, or as just posted (`fiche`) with its errors or preview. */
    const pageEdition = async (request: FastifyRequest, reply: FastifyReply, lieu: LieuDeLEspace, fiche?: ReturnType<typeof lireFiche>) => {
      const ligne = await lieuParUid(db, lieu.uid)
      const actuel = ligne ? versLieu(ligne) : undefined
      const donnees = fiche
        ? { valeurs: fiche.saisie, erreurs: fiche.erreurs, horaires: fiche.horaires }
        : ficheDuLieu(actuel, referentiel().regions.get(lieu.codeRegion ?? '')?.nom ?? '')
      const page = pageModifierLieu({
        compte: request.compte as Compte,
        lieu,
        fiche: donnees,
        jeton: jetonDuFormulaire(request, reply),
        message: message(request),
        corrections: fiche?.corrections,
        aMettreAJour: lieu.dateMaj < seuilMiseAJour(aujourdhuiParis()),
        qualite: actuel ? scoreQualite(actuel, aujourdhuiParis()) : undefined,
      })
      return afficher(request, reply, page, '/espace/lieux')
    }

    r.get<{ Params: { uid: string } }>('/espace/lieux/:uid', { config: { acces: GERENT } }, async (request, reply) => {
      const lieu = await lieuModifiable(request, reply)
      if (!lieu) return reply
      return pageEdition(request, reply, lieu)
    })

    r.post<{ Params: { uid: string }; Body: Corps }>('/espace/lieux/:uid', { config: { acces: GERENT } }, async (request, reply) => {
      const lieu = await lieuModifiable(request, reply)
      if (!lieu) return reply
      const actuel = await lieuParUid(db, lieu.uid)
      const lue = lireFiche(request.body ?? {}, { id: actuel?.id ?? String(lieu.uid), aujourdhui: aujourdhuiParis(), referentiel: referentiel(), maintenant: new Date(), source: actuel?.source ?? null })
      if (!lue.lieu || (request.body ?? {}).action === 'apercu') return pageEdition(request, reply, lieu, lue)
      try {
        const changements = await modifierLieu(base, acteur(request), lieu.uid, lue.lieu)
        return reply.redirect(`/espace/lieux/${lieu.uid}?fait=${Object.keys(changements).length > 0 || lieu.dateMaj !== lue.lieu.date_maj ? 'enregistre' : 'inchange'}`, 303)
      } catch (erreur) {
        if (erreur instanceof LieuIntrouvableError) return reply.callNotFound()
        throw erreur
      }
    })

    r.get<{ Params: { uid: string } }>('/espace/lieux/:uid/historique', { config: { acces: GERENT } }, async (request, reply) => {
      const lieu = await lieuModifiable(request, reply)
      if (!lieu) return reply
      return afficher(request, reply, pageHistorique(lieu, await historiqueDuLieu(db, lieu.uid)), '/espace/lieux')
    })

    for (const decision of ['valider', 'refuser'] as const) {
      r.post<{ Params: { uid: string }; Body: Corps }>(`/espace/lieux/:uid/${decision}`, { config: { acces: COORDONNENT } }, async (request, reply) => {
        const lieu = await lieuModifiable(request, reply, peutValiderLieu)
        if (!lieu) return reply
        const fait = await deciderLieu(base, acteur(request), lieu.uid, decision, champ((request.body ?? {}).motif, 500))
        return reply.redirect(fait ? (decision === 'valider' ? `/espace/lieux/${lieu.uid}?fait=valide` : '/espace/lieux?filtre=a_valider&fait=refuse') : `/espace/lieux/${lieu.uid}?fait=deja`, 303)
      })
    }

    r.post<{ Params: { uid: string } }>('/espace/lieux/:uid/rappel', { config: { acces: COORDONNENT } }, async (request, reply) => {
      const lieu = await lieuModifiable(request, reply, peutValiderLieu)
      if (!lieu) return reply
      const resultat = await envoyerRappel(base, acteur(request), lieu, options)
      const fait = resultat.type === 'envoye' ? 'rappel' : resultat.type === 'trop_tot' ? 'rappel_tot' : 'sans_gestionnaire'
      return reply.redirect(`/espace/lieux/${lieu.uid}?fait=${fait}`, 303)
    })

    r.post<{ Params: { uid: string }; Body: Corps }>('/espace/lieux/:uid/inviter', { config: { acces: COORDONNENT } }, async (request, reply) => {
      const lieu = await lieuModifiable(request, reply, peutValiderLieu)
      if (!lieu) return reply
      const corps = request.body ?? {}
      const role = corps.role === 'mediateur' ? 'mediateur' : 'gestionnaire'
      if (!peutAttribuer(request.compte as Compte, { role, lieu }, referentiel())) return refuser(reply)
      const resultat = await comptes.inviter(acteur(request), { courriel: champ(corps.courriel, 254), nom: champ(corps.nom, 200) }, { role, lieuUid: lieu.uid }, lieu.nom)
      if (resultat.type === 'attente') return reply.header('retry-after', String(resultat.secondes)).page(pageTropDEssais(resultat.secondes, `/espace/lieux/${lieu.uid}`))
      if (resultat.type === 'erreurs') return reply.page({ titre: 'Invitation impossible', statut: 400, contenu: <p>{resultat.erreurs.map((e) => e.message).join(' ')} <a href={`/espace/lieux/${lieu.uid}`}>Revenir à la fiche</a></p> })
      return reply.redirect(`/espace/lieux/${lieu.uid}?fait=invite`, 303)
    })

    r.get<{ Querystring: { tous?: string } }>('/espace/signalements', { config: { acces: GERENT } }, async (request, reply) => {
      const tous = request.query.tous === '1'
      const statuts: StatutSignalement[] = tous ? ['nouveau', 'en_cours', 'corrige', 'rejete'] : ['nouveau', 'en_cours']
      const liste = await signalementsVisibles(db, request.compte as Compte, statuts)
      return afficher(request, reply, pageSignalements({ compte: request.compte as Compte, liste, jeton: jetonDuFormulaire(request, reply), tous, message: message(request) }), '/espace/signalements')
    })

    r.post<{ Params: { id: string }; Body: Corps }>('/espace/signalements/:id', { config: { acces: GERENT } }, async (request, reply) => {
      const id = parametreUid(request.params.id)
      const signalement = id === undefined ? undefined : await signalementParId(db, id)
      if (!signalement || id === undefined) return reply.callNotFound()
      const lieu = await situerLieu(db, signalement.lieuUid)
      if (!lieu || !peutModifierLieu(request.compte as Compte, lieu)) return refuser(reply)
      const statut = champ((request.body ?? {}).statut, 20)
      if (!(statut in STATUTS_SIGNALEMENT)) return reply.page({ titre: 'Statut inconnu', statut: 400, contenu: 'Choisissez un statut dans la liste.' })
      await traiterSignalement(base, acteur(request), id, statut as StatutSignalement, champ((request.body ?? {}).reponse, 1000).trim())
      return reply.redirect('/espace/signalements?fait=signalement', 303)
    })
  })
}
