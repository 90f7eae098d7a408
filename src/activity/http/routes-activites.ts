/**
 * The routes where a mediator records activities (`/espace/activites…`, role `mediateur`): the
 * list, a new activity (prefilled with the last-used values), edit, duplicate, delete. Only the
 * mediator who recorded an activity may open it: anyone else gets 404, as for an activity that
 * does not exist. Places and followed beneficiaries are those the mediator may use, checked
 * again on every post. Forms post with the session's token, then redirect (303); an individual
 * accompaniment oriented to another structure leads on to the referral form.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Base } from '../../platform/db/database.ts'
import { accepterFormulaires, champ } from '../../platform/http/formulaires.ts'
import { jetonDuFormulaire } from '../../platform/http/jeton.ts'
import type { OptionsPage } from '../../platform/http/page.ts'
import { aujourdhuiParis } from '../../places/validation/date-maj.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { avecNavigation } from '../../accounts/http/pages-communes.tsx'
import type { Compte } from '../../accounts/roles.ts'
import type { Comptes } from '../../accounts/service.ts'
import type { Activite, ErreurChamp } from '../domain/validation.ts'
import { libelle, TYPES_LIEU, type TypeActivite } from '../domain/vocabulaire.ts'
import { activiteParId, ActiviteRefuseeError, activitesDuMediateur, enregistrerActivite, modifierActivite, nombreActivitesDuMediateur, supprimerActivite, type ActiviteLue } from '../store/activites.ts'
import { beneficiairesVisibles, beneficiaireVisible, estIdentifiant } from '../store/beneficiaires.ts'
import { mediateurDe, type Mediateur } from '../store/mediateur.ts'
import { champsDepuisActivite, lireActivite, parChamp, type ChampsActivite } from './formulaire-activite.ts'
import type { BeneficiairePropose, LieuPropose } from './formulaire.tsx'
import { CHEMIN, pageActivites, pageModifierActivite, pageNouvelleActivite, pageSupprimerActivite, type Fait, type FormulaireDePage } from './pages-activites.tsx'
import { derniereActivite, nomsDesLieux } from './requetes.ts'

type Corps = Record<string, string | string[] | undefined>
type AvecId = { Params: { id: string } }
const MEDIATEUR = ['mediateur'] as const
const PAR_PAGE = 50
/** Followed beneficiaries offered in the form (the list of a structure, sorted by name). */
const BENEFICIAIRES_PROPOSES = 500
/** The values of the last activity that prefill a new one. */
const REPRIS = ['lieu', 'typeLieu', 'duree', 'duree_heures', 'duree_minutes', 'materiel', 'thematiques'] as const

const typeDe = (brut: unknown): TypeActivite => (brut === 'collectif' ? 'collectif' : 'individuel')
const orientee = (a: Activite | undefined): boolean => a?.type === 'individuel' && a.orienteVersStructure

function faitDe(query: Record<string, unknown>): Fait | undefined {
  const cle = champ(query['fait'], 20)
  if (cle !== 'enregistre' && cle !== 'modifie' && cle !== 'supprime') return undefined
  const id = champ(query['id'], 40)
  return { cle, type: typeDe(query['type']), id: estIdentifiant(id) ? id : undefined }
}

/** « Médiathèque (Chambéry) », « À domicile — Cognin », « À distance ». */
function lieuLisible(a: Activite, lieuUid: number | null, noms: Map<number, string>): string {
  const lieu = lieuUid !== null ? noms.get(lieuUid) : undefined
  if (a.typeLieu === 'lieu_activite') return lieu ?? 'Lieu d’activité'
  const type = libelle(TYPES_LIEU, a.typeLieu) ?? a.typeLieu
  const commune = a.commune !== undefined ? referentiel().communeActuelle(a.commune)?.nom : undefined
  return commune !== undefined ? `${type} — ${commune}` : type
}

export function routesActivites(app: FastifyInstance, options: { base: Base; comptes: Comptes }): void {
  const db = options.base.db
  const compteDe = (request: FastifyRequest) => request.compte as Compte
  const afficher = (request: FastifyRequest, reply: FastifyReply, page: OptionsPage) => reply.page(avecNavigation(page, compteDe(request), CHEMIN, jetonDuFormulaire(request, reply)))
  const acteur = (request: FastifyRequest) => options.comptes.acteur(compteDe(request), request.ip)

  /** The activity of `:id` when this mediator recorded it; otherwise 404 is sent. */
  async function activiteDuMediateur(request: FastifyRequest<AvecId>, reply: FastifyReply): Promise<ActiviteLue | undefined> {
    const lue = await activiteParId(db, request.params.id)
    if (lue && lue.ligne.mediateurId === compteDe(request).id) return lue
    await reply.callNotFound()
    return undefined
  }

  /** What the form offers: the mediator's places (plus the activity's own), the followed beneficiaries it may see. */
  async function choix(mediateur: Mediateur, existante?: ActiviteLue): Promise<{ lieux: LieuPropose[]; beneficiaires: BeneficiairePropose[] }> {
    const lieux: LieuPropose[] = mediateur.lieux.map((l) => ({ uid: l.uid, nom: l.nom, commune: l.commune }))
    const ancien = existante?.ligne.lieuUid ?? null
    if (ancien !== null && !lieux.some((l) => l.uid === ancien)) lieux.push({ uid: ancien, nom: (await nomsDesLieux(db, [ancien])).get(ancien) ?? `Lieu n° ${ancien}`, commune: 'ancien lieu' })
    const visibles = await beneficiairesVisibles(db, mediateur, { limite: BENEFICIAIRES_PROPOSES })
    return { lieux, beneficiaires: visibles.map((b) => ({ id: b.id, libelle: `${b.prenom} ${b.nom}`.trim() || 'Bénéficiaire suivi' })) }
  }

  /** The form of a new activity, or of `existante` being edited. */
  async function formulaire(request: FastifyRequest, reply: FastifyReply, mediateur: Mediateur, d: { type: TypeActivite; valeurs: ChampsActivite; erreurs?: ErreurChamp[]; existante?: ActiviteLue; duplique?: boolean }) {
    const f: FormulaireDePage = {
      action: d.existante ? `${CHEMIN}/${d.existante.ligne.id}` : `${CHEMIN}/nouvelle`,
      jeton: jetonDuFormulaire(request, reply),
      type: d.type,
      valeurs: d.valeurs,
      erreurs: d.erreurs ?? [],
      ...(await choix(mediateur, d.existante)),
    }
    return afficher(request, reply, d.existante ? pageModifierActivite(f, d.existante.activite.date) : pageNouvelleActivite(f, d.duplique ?? false))
  }

  /** The posted form read and checked, places and followed beneficiaries included; errors by input. */
  async function lire(corps: Corps, type: TypeActivite, mediateur: Mediateur, existante?: ActiviteLue) {
    const lu = lireActivite(corps, { type, aujourdhui: aujourdhuiParis(), referentiel: referentiel() })
    if (!lu.activite || lu.lieuUid === undefined) return { saisie: lu.saisie, erreurs: lu.erreurs }
    const erreurs: ErreurChamp[] = []
    const permis = new Set([...mediateur.lieux.map((l) => l.uid), ...(existante?.ligne.lieuUid != null ? [existante.ligne.lieuUid] : [])])
    if (!permis.has(lu.lieuUid)) erreurs.push({ champ: 'lieu', message: 'Ce lieu ne fait pas partie de vos lieux d’activité : choisissez-en un dans la liste.' })
    const a = lu.activite
    const suivis = a.type === 'individuel' ? (a.beneficiaireSuivi !== undefined ? [a.beneficiaireSuivi] : []) : a.beneficiairesSuivis
    for (const id of suivis) {
      if (existante?.suivis.includes(id) || (await beneficiaireVisible(db, mediateur, id))) continue
      erreurs.push({ champ: a.type === 'individuel' ? 'beneficiaireSuivi' : 'beneficiairesSuivis', message: 'Ce bénéficiaire suivi ne fait pas partie de ceux que vous pouvez choisir.' })
    }
    return erreurs.length > 0 ? { saisie: lu.saisie, erreurs: parChamp(erreurs) } : { saisie: lu.saisie, erreurs, activite: a, lieuUid: lu.lieuUid }
  }

  /** The store's refusal (a followed beneficiary of another structure, a place that changed) as a form error. */
  const refus = (erreur: unknown): ErreurChamp[] => {
    if (!(erreur instanceof ActiviteRefuseeError)) throw erreur
    return [{ champ: erreur.message.includes('bénéficiaire') ? 'beneficiaireSuivi' : 'lieu', message: erreur.message }]
  }

  const suite = (type: TypeActivite, id: string, cle: 'enregistre' | 'modifie') => `${CHEMIN}?fait=${cle}&type=${type}&id=${id}`

  app.register(async (r) => {
    accepterFormulaires(r)

    r.get<{ Querystring: { page?: string } }>(CHEMIN, { config: { acces: MEDIATEUR } }, async (request, reply) => {
      const compte = compteDe(request)
      const page = /^\d{1,6}$/.test(request.query.page ?? '') ? Math.max(1, Number(request.query.page)) : 1
      const [total, lues, mediateur] = await Promise.all([
        nombreActivitesDuMediateur(db, compte.id),
        activitesDuMediateur(db, compte.id, { limite: PAR_PAGE, decalage: (page - 1) * PAR_PAGE }),
        mediateurDe(db, compte),
      ])
      const noms = await nomsDesLieux(db, lues.flatMap((l) => (l.ligne.lieuUid !== null ? [l.ligne.lieuUid] : [])))
      const activites = lues.map((l) => ({ id: l.ligne.id, activite: l.activite, lieu: lieuLisible(l.activite, l.ligne.lieuUid, noms) }))
      const pages = Math.max(1, Math.ceil(total / PAR_PAGE))
      return afficher(request, reply, pageActivites({ activites, total, page, pages, fait: faitDe(request.query as Record<string, unknown>), sansLieu: mediateur.lieux.length === 0 }))
    })

    r.get<{ Querystring: { type?: string } }>(`${CHEMIN}/nouvelle`, { config: { acces: MEDIATEUR } }, async (request, reply) => {
      const compte = compteDe(request)
      const mediateur = await mediateurDe(db, compte)
      if (mediateur.lieux.length === 0) return reply.redirect(CHEMIN, 303)
      const type = typeDe(request.query.type)
      const valeurs: ChampsActivite = { type, date: aujourdhuiParis(), typeLieu: 'lieu_activite', lieu: String(mediateur.lieux[0]?.uid ?? ''), orienteVersStructure: 'non' }
      const derniere = await derniereActivite(db, compte.id, type)
      if (derniere) {
        const precedentes = champsDepuisActivite(derniere.activite, derniere.lieuUid, referentiel())
        for (const nom of REPRIS) if (precedentes[nom] !== undefined) valeurs[nom] = precedentes[nom]
        if (!mediateur.lieux.some((l) => String(l.uid) === valeurs['lieu'])) valeurs['lieu'] = String(mediateur.lieux[0]?.uid ?? '')
      }
      return formulaire(request, reply, mediateur, { type, valeurs })
    })

    r.post<{ Body: Corps }>(`${CHEMIN}/nouvelle`, { config: { acces: MEDIATEUR } }, async (request, reply) => {
      const compte = compteDe(request)
      const corps = request.body ?? {}
      const type = typeDe(corps.type)
      const mediateur = await mediateurDe(db, compte)
      const lue = await lire(corps, type, mediateur)
      if (!lue.activite || lue.lieuUid === undefined) return formulaire(request, reply, mediateur, { type, valeurs: lue.saisie, erreurs: lue.erreurs })
      let id: string
      try {
        id = await enregistrerActivite(db, acteur(request), { activite: lue.activite, mediateurId: compte.id, lieuUid: lue.lieuUid })
      } catch (erreur) {
        return formulaire(request, reply, mediateur, { type, valeurs: lue.saisie, erreurs: refus(erreur) })
      }
      return reply.redirect(orientee(lue.activite) ? `/espace/orientations/nouvelle?activite=${id}` : suite(type, id, 'enregistre'), 303)
    })

    r.get<AvecId>(`${CHEMIN}/:id`, { config: { acces: MEDIATEUR } }, async (request, reply) => {
      const lue = await activiteDuMediateur(request, reply)
      if (!lue) return reply
      const valeurs = champsDepuisActivite(lue.activite, lue.ligne.lieuUid, referentiel())
      return formulaire(request, reply, await mediateurDe(db, compteDe(request)), { type: lue.activite.type, valeurs, existante: lue })
    })

    r.post<AvecId & { Body: Corps }>(`${CHEMIN}/:id`, { config: { acces: MEDIATEUR } }, async (request, reply) => {
      const existante = await activiteDuMediateur(request, reply)
      if (!existante) return reply
      const type = existante.activite.type
      const mediateur = await mediateurDe(db, compteDe(request))
      const lue = await lire(request.body ?? {}, type, mediateur, existante)
      if (!lue.activite || lue.lieuUid === undefined) return formulaire(request, reply, mediateur, { type, valeurs: lue.saisie, erreurs: lue.erreurs, existante })
      try {
        await modifierActivite(db, acteur(request), existante.ligne.id, { activite: lue.activite, mediateurId: compteDe(request).id, lieuUid: lue.lieuUid })
      } catch (erreur) {
        return formulaire(request, reply, mediateur, { type, valeurs: lue.saisie, erreurs: refus(erreur), existante })
      }
      const versOrientation = orientee(lue.activite) && !orientee(existante.activite)
      return reply.redirect(versOrientation ? `/espace/orientations/nouvelle?activite=${existante.ligne.id}` : suite(type, existante.ligne.id, 'modifie'), 303)
    })

    r.get<AvecId>(`${CHEMIN}/:id/dupliquer`, { config: { acces: MEDIATEUR } }, async (request, reply) => {
      const lue = await activiteDuMediateur(request, reply)
      if (!lue) return reply
      const mediateur = await mediateurDe(db, compteDe(request))
      const valeurs = { ...champsDepuisActivite(lue.activite, lue.ligne.lieuUid, referentiel()), date: aujourdhuiParis() }
      return formulaire(request, reply, mediateur, { type: lue.activite.type, valeurs, duplique: true })
    })

    r.get<AvecId>(`${CHEMIN}/:id/supprimer`, { config: { acces: MEDIATEUR } }, async (request, reply) => {
      const lue = await activiteDuMediateur(request, reply)
      if (!lue) return reply
      const noms = await nomsDesLieux(db, lue.ligne.lieuUid !== null ? [lue.ligne.lieuUid] : [])
      const page = pageSupprimerActivite({ id: lue.ligne.id, activite: lue.activite, lieu: lieuLisible(lue.activite, lue.ligne.lieuUid, noms), jeton: jetonDuFormulaire(request, reply) })
      return afficher(request, reply, page)
    })

    r.post<AvecId>(`${CHEMIN}/:id/supprimer`, { config: { acces: MEDIATEUR } }, async (request, reply) => {
      const lue = await activiteDuMediateur(request, reply)
      if (!lue) return reply
      await supprimerActivite(db, acteur(request), lue.ligne.id)
      return reply.redirect(`${CHEMIN}?fait=supprime`, 303)
    })
  })
}
