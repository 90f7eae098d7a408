/**
 * The coordination routes (`/coordination…`), reserved to administrators and coordinators:
 * overview, review queue with decisions, undoing merges, download of an
 * import's rejected rows, places to update, a place's quality score with its advice. Forms post with an anti-forgery token, then redirect. A coordinator decides
 * only on pairs and merges whose places are all in their territory, sees only those in the
 * queue and the merges, and reads the quality of its own places only (403 otherwise); sources,
 * imports and the quality distribution are the instance's.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Base } from '../platform/db/database.ts'
import { accepterFormulaires } from '../platform/http/formulaires.ts'
import { jetonDuFormulaire } from '../platform/http/jeton.ts'
import { accesParDefaut } from '../platform/http/acces.ts'
import { coordonneLieu, type Compte } from '../accounts/roles.ts'
import { refuser } from '../accounts/http/garde.ts'
import { avecNavigation } from '../accounts/http/pages-communes.tsx'
import type { OptionsPage } from '../platform/http/page.ts'
import { inscrire } from '../audit/journal.ts'
import { acteurDe } from '../accounts/service.ts'
import { perimetre } from '../workspace/requetes.ts'
import { annuler, compterAExaminer, deciderPaire, fileDExamen, fusionsEnVigueur, lieuxConcernes, PaireIntrouvableError } from '../dedup/examen.ts'
import { FusionIntrouvableError } from '../dedup/fusion.ts'
import { BOM, rapportCsv } from '../places/io/rapport.ts'
import { lieuParUid, lieuxSitues } from '../places/registry/queries.ts'
import { versLieu } from '../places/registry/rows.ts'
import { rapportDeLImport, registreDesSources } from '../places/registry/sources.ts'
import { aujourdhuiParis } from '../places/validation/date-maj.ts'
import { scoreQualite } from '../quality/score.ts'
import { CacheQualite } from './qualite.ts'

const CHEMIN = '/coordination'
/** The pages draw charts with Observable Plot, whose loading (≈ 0.4 s) waits for the first visit. */
const chargerPages = () => import('./pages.tsx')
const PAR_PAGE = 20
const MESSAGES: Record<string, string> = {
  fusion: 'Les deux lieux ont été fusionnés.',
  distincts: 'C’est noté : ces deux lieux resteront distincts.',
  annulee: 'La fusion a été annulée : les deux lieux sont de nouveau distincts.',
  deja: 'Cette paire ou cette fusion a déjà été traitée.',
}


const retourSur = (brut: unknown): string => (typeof brut === 'string' && /^\/coordination(\/doublons(\?page=\d{1,6})?)?$/.test(brut) ? brut : CHEMIN)
const avecMessage = (chemin: string, cle: string) => `${chemin}${chemin.includes('?') ? '&' : '?'}fait=${cle}`

/** Whether the account coordinates every one of these places. */
async function coordonneTous(base: Base, compte: Compte, uids: readonly number[]): Promise<boolean> {
  return (await lieuxSitues(base.db, uids)).every((l) => coordonneLieu(compte, l))
}

const nomDe = (compte: Compte) => compte.nom || compte.courriel

export function routesCoordination(app: FastifyInstance, options: { base: Base; surChangement: (f: () => void) => void }): void {
  const { base } = options
  const qualite = new CacheQualite(base.db)
  options.surChangement(() => qualite.invalider())

  app.register(async (coordination) => {
    accepterFormulaires(coordination)
    accesParDefaut(coordination, ['administrateur', 'coordinateur'])
    const afficher = (request: FastifyRequest, reply: FastifyReply, page: OptionsPage) => reply.page(avecNavigation(page, request.compte as Compte, '/coordination', jetonDuFormulaire(request, reply)))
    const message = (request: FastifyRequest) => MESSAGES[String((request.query as Record<string, unknown>).fait ?? '')]

    coordination.get(CHEMIN, async (request, reply) => {
      const [sources, paires, aExaminer, fusions, etatQualite] = await Promise.all([
        registreDesSources(base.db),
        fileDExamen(base.db, 5, 0, perimetre(request.compte as Compte)),
        compterAExaminer(base.db, perimetre(request.compte as Compte)),
        fusionsEnVigueur(base.db, 10, 0, perimetre(request.compte as Compte)),
        qualite.lire(),
      ])
      const jeton = jetonDuFormulaire(request, reply)
      return afficher(request, reply, (await chargerPages()).pageAccueil({ sources, paires, aExaminer, fusions, qualite: etatQualite, jeton, message: message(request) }))
    })

    coordination.get<{ Querystring: { page?: string } }>(`${CHEMIN}/doublons`, async (request, reply) => {
      const page = /^\d{1,6}$/.test(request.query.page ?? '') ? Math.max(1, Number(request.query.page)) : 1
      const total = await compterAExaminer(base.db, perimetre(request.compte as Compte))
      const pages = Math.max(1, Math.ceil(total / PAR_PAGE))
      if (page > pages) return reply.redirect(`${CHEMIN}/doublons?page=${pages}`, 303)
      const paires = await fileDExamen(base.db, PAR_PAGE, (page - 1) * PAR_PAGE, perimetre(request.compte as Compte))
      return afficher(request, reply, (await chargerPages()).pageDoublons(paires, total, page, pages, jetonDuFormulaire(request, reply), message(request)))
    })

    coordination.post<{ Params: { id: string }; Body: Record<string, unknown> }>(`${CHEMIN}/doublons/:id`, async (request, reply) => {
      const corps = request.body ?? {}
      const decision = corps.decision
      if (!/^\d{1,9}$/.test(request.params.id) || (decision !== 'meme_lieu' && decision !== 'differents')) return reply.code(400).type('text/plain; charset=utf-8').send('Décision incomprise.')
      const compte = request.compte as Compte
      const id = Number(request.params.id)
      if (!(await coordonneTous(base, compte, await lieuxConcernes(base.db, { paire: id })))) return refuser(reply)
      const retour = retourSur(corps.retour)
      try {
        await deciderPaire(base, id, decision, nomDe(compte))
        await inscrire(base.db, acteurDe(compte, request.ip), { action: `doublon.${decision}`, objetType: 'lieu', objetId: `paire:${id}` })
      } catch (erreur) {
        if (erreur instanceof PaireIntrouvableError) return reply.redirect(avecMessage(retour, 'deja'), 303)
        throw erreur
      }
      qualite.invalider()
      return reply.redirect(avecMessage(retour, decision === 'meme_lieu' ? 'fusion' : 'distincts'), 303)
    })

    coordination.post<{ Params: { id: string }; Body: Record<string, unknown> }>(`${CHEMIN}/fusions/:id/annuler`, async (request, reply) => {
      if (!/^\d{1,9}$/.test(request.params.id)) return reply.callNotFound()
      const compte = request.compte as Compte
      const id = Number(request.params.id)
      const uids = await lieuxConcernes(base.db, { fusion: id })
      if (!(await coordonneTous(base, compte, uids))) return refuser(reply)
      try {
        await annuler(base, id, nomDe(compte))
        for (const uid of uids) await inscrire(base.db, acteurDe(compte, request.ip), { action: 'fusion.annulee', objetType: 'lieu', objetId: uid, lieuUid: uid, changements: { fusion: id } })
      } catch (erreur) {
        if (erreur instanceof FusionIntrouvableError) return reply.redirect(avecMessage(CHEMIN, 'deja'), 303)
        throw erreur
      }
      qualite.invalider()
      return reply.redirect(avecMessage(CHEMIN, 'annulee'), 303)
    })

    coordination.get<{ Params: { id: string }; Querystring: { tout?: string } }>(`${CHEMIN}/imports/:id/rejets.csv`, async (request, reply) => {
      if (!/^\d{1,9}$/.test(request.params.id)) return reply.callNotFound()
      const lignes = await rapportDeLImport(base.db, Number(request.params.id), request.query.tout !== '1')
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="rejets-import-${request.params.id}.csv"`)
        .send(`${BOM}${rapportCsv(lignes)}`)
    })

    coordination.get<{ Params: { uid: string } }>(`${CHEMIN}/lieux/:uid`, async (request, reply) => {
      if (!/^[1-9]\d{0,14}$/.test(request.params.uid)) return reply.callNotFound()
      const lieu = await lieuParUid(base.db, Number(request.params.uid))
      if (!lieu || lieu.statut !== 'publie') return reply.callNotFound()
      if (!coordonneLieu(request.compte as Compte, lieu)) return refuser(reply)
      const qualite = scoreQualite(versLieu(lieu), aujourdhuiParis())
      return afficher(request, reply, (await chargerPages()).pageQualiteDuLieu({ uid: lieu.uid, nom: lieu.nom, commune: lieu.commune, dateMaj: lieu.date_maj }, qualite))
    })

    coordination.get(`${CHEMIN}/a-mettre-a-jour`, async (request, reply) => afficher(request, reply, (await chargerPages()).pageAMettreAJour(await qualite.lire())))
  })
}
