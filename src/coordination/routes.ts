/**
 * The coordination routes (`/coordination…`), reserved to the people holding the coordination
 * password (`acces.ts`): overview, review queue with decisions, undoing merges, download of an
 * import's rejected rows, places to update, a place's quality score with its advice. Forms post with an anti-forgery token, then redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Base } from '../platform/db/database.ts'
import { accepterFormulaires } from '../platform/http/formulaires.ts'
import { jetonAccepte, jetonDuFormulaire } from '../platform/http/jeton.ts'
import { annuler, compterAExaminer, deciderPaire, fileDExamen, fusionsEnVigueur, PaireIntrouvableError } from '../dedup/examen.ts'
import { FusionIntrouvableError } from '../dedup/fusion.ts'
import { BOM, rapportCsv } from '../places/io/rapport.ts'
import { lieuParUid } from '../places/registry/queries.ts'
import { versLieu } from '../places/registry/rows.ts'
import { rapportDeLImport, registreDesSources } from '../places/registry/sources.ts'
import { aujourdhuiParis } from '../places/validation/date-maj.ts'
import { scoreQualite } from '../quality/score.ts'
import { demanderIdentification, identifier, LimiteEssais } from './acces.ts'
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

declare module 'fastify' {
  interface FastifyRequest {
    coordinateur?: string
  }
}

const retourSur = (brut: unknown): string => (typeof brut === 'string' && /^\/coordination(\/doublons(\?page=\d{1,6})?)?$/.test(brut) ? brut : CHEMIN)
const avecMessage = (chemin: string, cle: string) => `${chemin}${chemin.includes('?') ? '&' : '?'}fait=${cle}`

export function routesCoordination(app: FastifyInstance, options: { base: Base; motDePasse: string | undefined; surChangement: (f: () => void) => void }): void {
  const { base, motDePasse } = options
  const qualite = new CacheQualite(base.db)
  const essais = new LimiteEssais()
  options.surChangement(() => qualite.invalider())

  app.register(async (coordination) => {
    accepterFormulaires(coordination)
    coordination.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!motDePasse) return reply.callNotFound()
      const attente = essais.attente(request.ip)
      if (attente > 0) {
        return reply
          .code(429)
          .header('retry-after', String(attente))
          .type('text/plain; charset=utf-8')
          .send(`Trop d’essais de mot de passe : réessayez dans ${Math.ceil(attente / 60)} minute(s).`)
      }
      const nom = identifier(request, motDePasse)
      if (!nom) {
        if (request.headers.authorization) essais.echec(request.ip)
        return demanderIdentification(reply)
      }
      request.coordinateur = nom
      reply.header('cache-control', 'no-store')
    })
    const message = (request: FastifyRequest) => MESSAGES[String((request.query as Record<string, unknown>).fait ?? '')]

    coordination.get(CHEMIN, async (request, reply) => {
      const [sources, paires, aExaminer, fusions, etatQualite] = await Promise.all([
        registreDesSources(base.db),
        fileDExamen(base.db, 5),
        compterAExaminer(base.db),
        fusionsEnVigueur(base.db, 10),
        qualite.lire(),
      ])
      const jeton = jetonDuFormulaire(request, reply, CHEMIN)
      return reply.page((await chargerPages()).pageAccueil({ sources, paires, aExaminer, fusions, qualite: etatQualite, jeton, message: message(request) }))
    })

    coordination.get<{ Querystring: { page?: string } }>(`${CHEMIN}/doublons`, async (request, reply) => {
      const page = /^\d{1,6}$/.test(request.query.page ?? '') ? Math.max(1, Number(request.query.page)) : 1
      const total = await compterAExaminer(base.db)
      const pages = Math.max(1, Math.ceil(total / PAR_PAGE))
      if (page > pages) return reply.redirect(`${CHEMIN}/doublons?page=${pages}`, 303)
      const paires = await fileDExamen(base.db, PAR_PAGE, (page - 1) * PAR_PAGE)
      return reply.page((await chargerPages()).pageDoublons(paires, total, page, pages, jetonDuFormulaire(request, reply, CHEMIN), message(request)))
    })

    coordination.post<{ Params: { id: string }; Body: Record<string, unknown> }>(`${CHEMIN}/doublons/:id`, async (request, reply) => {
      const corps = request.body ?? {}
      const decision = corps.decision
      if (!jetonAccepte(request, corps.jeton)) return reply.code(403).type('text/plain; charset=utf-8').send('Formulaire expiré : rechargez la page puis recommencez.')
      if (!/^\d{1,9}$/.test(request.params.id) || (decision !== 'meme_lieu' && decision !== 'differents')) return reply.code(400).type('text/plain; charset=utf-8').send('Décision incomprise.')
      const retour = retourSur(corps.retour)
      try {
        await deciderPaire(base, Number(request.params.id), decision, request.coordinateur ?? 'coordination')
      } catch (erreur) {
        if (erreur instanceof PaireIntrouvableError) return reply.redirect(avecMessage(retour, 'deja'), 303)
        throw erreur
      }
      qualite.invalider()
      return reply.redirect(avecMessage(retour, decision === 'meme_lieu' ? 'fusion' : 'distincts'), 303)
    })

    coordination.post<{ Params: { id: string }; Body: Record<string, unknown> }>(`${CHEMIN}/fusions/:id/annuler`, async (request, reply) => {
      if (!jetonAccepte(request, (request.body ?? {}).jeton)) return reply.code(403).type('text/plain; charset=utf-8').send('Formulaire expiré : rechargez la page puis recommencez.')
      if (!/^\d{1,9}$/.test(request.params.id)) return reply.callNotFound()
      try {
        await annuler(base, Number(request.params.id), request.coordinateur ?? 'coordination')
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
      const qualite = scoreQualite(versLieu(lieu), aujourdhuiParis())
      return reply.page((await chargerPages()).pageQualiteDuLieu({ uid: lieu.uid, nom: lieu.nom, commune: lieu.commune, dateMaj: lieu.date_maj }, qualite))
    })

    coordination.get(`${CHEMIN}/a-mettre-a-jour`, async (_request, reply) => reply.page((await chargerPages()).pageAMettreAJour(await qualite.lire())))
  })
}
