/**
 * `/espace/beneficiaires…`, for mediators only (coordinators, managers and administrators get
 * 403 from the access rule): list and search, new file (consent required), a file and its edit
 * form, the export of the person's data (printable page, or JSON download), the erasure of the
 * identity. A file the mediator may not see answers 404, exactly like one that does not exist.
 * Every answer carries `Cache-Control: no-store` (personal data). Forms post, then redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Base } from '../../platform/db/database.ts'
import { accepterFormulaires, champ } from '../../platform/http/formulaires.ts'
import { jetonDuFormulaire } from '../../platform/http/jeton.ts'
import type { OptionsPage } from '../../platform/http/page.ts'
import { aujourdhuiParis } from '../../places/validation/date-maj.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { inscrire } from '../../audit/journal.ts'
import { avecNavigation } from '../../accounts/http/pages-communes.tsx'
import type { Compte } from '../../accounts/roles.ts'
import type { Comptes } from '../../accounts/service.ts'
import { lireBeneficiaire, valeursDuFormulaire, type ErreurBeneficiaire, type FormulaireBeneficiaire } from '../domain/beneficiaire.ts'
import type { ReglesConservation } from '../domain/conservation.ts'
import { beneficiairesVisibles, beneficiaireVisible, creerBeneficiaire, effacerIdentite, modifierBeneficiaire, nombreBeneficiairesVisibles, type FicheBeneficiaire } from '../store/beneficiaires.ts'
import { exporterDonnees, historique } from '../store/beneficiaires-donnees.ts'
import { mediateurDe, type Mediateur } from '../store/mediateur.ts'
import { nomDeStructure } from '../store/structures.ts'
import { communeEcrite, resoudreCommuneSaisie } from './commune-saisie.ts'
import type { StructureProposee } from './formulaire-beneficiaire.tsx'
import { pageExportBeneficiaire } from './page-export-beneficiaire.tsx'
import { CHEMIN_BENEFICIAIRES, pageBeneficiaires, pageEffacerBeneficiaire, pageFicheBeneficiaire, pageNouveauBeneficiaire } from './pages-beneficiaires.tsx'

const PAR_PAGE = 50
const MEDIATEURS = ['mediateur'] as const
const MESSAGES: Record<string, string> = {
  cree: 'La fiche est enregistrée.',
  modifie: 'La fiche est mise à jour.',
  inchange: 'Rien n’a changé : la fiche est déjà à jour.',
  efface: 'L’identité de la personne est effacée ; ses données socio-démographiques restent, anonymes, dans les statistiques.',
  invisible: 'La fiche est enregistrée ; selon l’accord de la personne, seul le médiateur qui l’a créée peut désormais la voir.',
}

type Corps = Record<string, string | string[] | undefined>

export function routesBeneficiaires(app: FastifyInstance, options: { base: Base; comptes: Comptes; regles: ReglesConservation }): void {
  const db = options.base.db
  const { regles } = options
  const ref = () => referentiel()
  const commune = (code: string) => ref().communeActuelle(code)?.nom ?? code

  const compte = (request: FastifyRequest) => request.compte as Compte
  const acteur = (request: FastifyRequest) => options.comptes.acteur(compte(request), request.ip)
  const afficher = (request: FastifyRequest, reply: FastifyReply, page: OptionsPage) =>
    reply.page(avecNavigation(page, compte(request), request.url.split('?')[0] ?? CHEMIN_BENEFICIAIRES, jetonDuFormulaire(request, reply)))
  const message = (request: FastifyRequest) => MESSAGES[champ((request.query as Record<string, unknown>).fait, 20)]

  async function structuresDe(mediateur: Mediateur): Promise<StructureProposee[]> {
    const liste = await Promise.all(mediateur.structures.map(async (id) => ({ id, nom: (await nomDeStructure(db, id)) ?? `Structure n° ${id}` })))
    return liste.sort((a, b) => a.nom.localeCompare(b.nom, 'fr'))
  }

  /** The posted form read: the commune resolved offline, then the domain's rules; every error. */
  function lire(corps: Corps) {
    const erreurs: ErreurBeneficiaire[] = []
    const saisie: FormulaireBeneficiaire = { ...corps }
    const resolue = resoudreCommuneSaisie(champ(corps.commune_residence, 200), ref())
    if (resolue && 'code' in resolue) saisie.commune_residence = resolue.code
    else if (resolue) saisie.commune_residence = ''
    const lu = lireBeneficiaire(saisie, aujourdhuiParis())
    if (resolue && 'erreur' in resolue) erreurs.push({ champ: 'commune_residence', message: resolue.erreur })
    if ('erreurs' in lu) erreurs.push(...lu.erreurs)
    const valeurs = Object.fromEntries(Object.entries(corps).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : (v ?? '')]))
    return { lu: 'beneficiaire' in lu && erreurs.length === 0 ? lu.beneficiaire : undefined, erreurs, valeurs }
  }

  /** The file of `:id` when this mediator may see it; otherwise 404 is sent (never revealing it exists). */
  async function ficheVisible(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply): Promise<{ mediateur: Mediateur; fiche: FicheBeneficiaire } | undefined> {
    const mediateur = await mediateurDe(db, compte(request))
    const fiche = await beneficiaireVisible(db, mediateur, request.params.id)
    if (!fiche) {
      await reply.callNotFound()
      return undefined
    }
    return { mediateur, fiche }
  }

  async function pageFiche(request: FastifyRequest, reply: FastifyReply, fiche: FicheBeneficiaire, mediateur: Mediateur, saisie?: { valeurs: Record<string, string>; erreurs: ErreurBeneficiaire[] }) {
    const valeurs = saisie?.valeurs ?? { ...valeursDuFormulaire(fiche), commune_residence: fiche.communeResidence ? communeEcrite(fiche.communeResidence, ref()) : '' }
    const page = pageFicheBeneficiaire({
      fiche,
      structure: (await nomDeStructure(db, fiche.structureId)) ?? 'la structure',
      commune: fiche.communeResidence ? commune(fiche.communeResidence) : null,
      accompagnements: await historique(db, fiche.id),
      formulaire: { jeton: jetonDuFormulaire(request, reply), valeurs, erreurs: saisie?.erreurs ?? [], regles, structures: (await structuresDe(mediateur)).filter((s) => s.id === fiche.structureId) },
      message: message(request),
    })
    return afficher(request, reply, page)
  }

  app.register(async (r) => {
    accepterFormulaires(r)
    // personal data: never kept by a browser or a proxy (pages set `no-cache` otherwise)
    r.addHook('onSend', async (_request, reply, corps) => {
      reply.header('cache-control', 'no-store')
      return corps
    })

    r.get<{ Querystring: { q?: string; page?: string } }>(CHEMIN_BENEFICIAIRES, { config: { acces: MEDIATEURS } }, async (request, reply) => {
      const mediateur = await mediateurDe(db, compte(request))
      const q = champ(request.query.q, 100).trim()
      const page = /^\d{1,6}$/.test(request.query.page ?? '') ? Math.max(1, Number(request.query.page)) : 1
      const [liste, total] = await Promise.all([beneficiairesVisibles(db, mediateur, { q, limite: PAR_PAGE, decalage: (page - 1) * PAR_PAGE }), nombreBeneficiairesVisibles(db, mediateur, q)])
      const pages = Math.max(1, Math.ceil(total / PAR_PAGE))
      return afficher(request, reply, pageBeneficiaires({ liste, total, q, page, pages, sansLieu: mediateur.structures.length === 0, commune, message: message(request) }))
    })

    r.get(`${CHEMIN_BENEFICIAIRES}/nouveau`, { config: { acces: MEDIATEURS } }, async (request, reply) => {
      const mediateur = await mediateurDe(db, compte(request))
      const structures = await structuresDe(mediateur)
      const valeurs = { consentement_le: aujourdhuiParis(), structure: String(structures[0]?.id ?? '') }
      return afficher(request, reply, pageNouveauBeneficiaire({ jeton: jetonDuFormulaire(request, reply), valeurs, erreurs: [], regles, structures }))
    })

    r.post<{ Body: Corps }>(`${CHEMIN_BENEFICIAIRES}/nouveau`, { config: { acces: MEDIATEURS } }, async (request, reply) => {
      const mediateur = await mediateurDe(db, compte(request))
      const structures = await structuresDe(mediateur)
      const corps = request.body ?? {}
      const { lu, erreurs, valeurs } = lire(corps)
      const structureId = structures.length === 1 ? structures[0]?.id : structures.find((s) => String(s.id) === champ(corps.structure, 12))?.id
      if (structureId === undefined) {
        erreurs.unshift({ champ: structures.length > 1 ? 'structure' : '', message: structures.length > 1 ? 'Veuillez choisir la structure qui suit la personne.' : 'Votre compte n’est rattaché à aucun lieu d’activité : une fiche ne peut pas être créée.' })
      }
      if (!lu || structureId === undefined) return afficher(request, reply, pageNouveauBeneficiaire({ jeton: jetonDuFormulaire(request, reply), valeurs, erreurs, regles, structures }))
      const id = await creerBeneficiaire(db, acteur(request), mediateur, structureId, lu)
      return reply.redirect(`${CHEMIN_BENEFICIAIRES}/${id}?fait=cree`, 303)
    })

    r.get<{ Params: { id: string } }>(`${CHEMIN_BENEFICIAIRES}/:id`, { config: { acces: MEDIATEURS } }, async (request, reply) => {
      const vue = await ficheVisible(request, reply)
      if (!vue) return reply
      return pageFiche(request, reply, vue.fiche, vue.mediateur)
    })

    r.post<{ Params: { id: string }; Body: Corps }>(`${CHEMIN_BENEFICIAIRES}/:id`, { config: { acces: MEDIATEURS } }, async (request, reply) => {
      const vue = await ficheVisible(request, reply)
      if (!vue) return reply
      const { lu, erreurs, valeurs } = lire(request.body ?? {})
      if (!lu) return pageFiche(request, reply, vue.fiche, vue.mediateur, { valeurs, erreurs })
      const champs = await modifierBeneficiaire(db, acteur(request), vue.mediateur, vue.fiche.id, lu)
      if (champs === undefined) return reply.callNotFound()
      if (champs.length > 0 && !(await beneficiaireVisible(db, vue.mediateur, vue.fiche.id))) return reply.redirect(`${CHEMIN_BENEFICIAIRES}?fait=invisible`, 303)
      return reply.redirect(`${CHEMIN_BENEFICIAIRES}/${vue.fiche.id}?fait=${champs.length > 0 ? 'modifie' : 'inchange'}`, 303)
    })

    r.get<{ Params: { id: string }; Querystring: { format?: string } }>(`${CHEMIN_BENEFICIAIRES}/:id/export`, { config: { acces: MEDIATEURS } }, async (request, reply) => {
      const vue = await ficheVisible(request, reply)
      if (!vue) return reply
      const donnees = await exporterDonnees(db, vue.fiche.id)
      if (!donnees) return reply.callNotFound()
      const json = request.query.format === 'json'
      await inscrire(db, acteur(request), { action: 'beneficiaire.exporte', objetType: 'beneficiaire', objetId: vue.fiche.id, changements: { format: json ? 'json' : 'page' } })
      if (json) {
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="donnees-beneficiaire-${vue.fiche.id}.json"`)
          .send(JSON.stringify(donnees, null, 2))
      }
      return afficher(request, reply, pageExportBeneficiaire({ id: vue.fiche.id, donnees, commune }))
    })

    r.get<{ Params: { id: string } }>(`${CHEMIN_BENEFICIAIRES}/:id/effacer`, { config: { acces: MEDIATEURS } }, async (request, reply) => {
      const vue = await ficheVisible(request, reply)
      if (!vue) return reply
      return afficher(request, reply, pageEffacerBeneficiaire({ fiche: vue.fiche, jeton: jetonDuFormulaire(request, reply), regles }))
    })

    r.post<{ Params: { id: string } }>(`${CHEMIN_BENEFICIAIRES}/:id/effacer`, { config: { acces: MEDIATEURS } }, async (request, reply) => {
      const vue = await ficheVisible(request, reply)
      if (!vue) return reply
      if (!(await effacerIdentite(db, acteur(request), vue.fiche.id))) return reply.callNotFound()
      return reply.redirect(`${CHEMIN_BENEFICIAIRES}?fait=efface`, 303)
    })
  })
}
