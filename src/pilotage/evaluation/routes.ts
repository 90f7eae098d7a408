/**
 * The evaluation report routes, for administrators and coordinators (a coordinator only for
 * their territory, 403 otherwise): `/pilotage/evaluation?territoire=…&debut=…&fin=…` (this year
 * by default) and the same report as an XLSX workbook, one sheet per section.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Base } from '../../platform/db/database.ts'
import { jetonDuFormulaire } from '../../platform/http/jeton.ts'
import type { OptionsPage } from '../../platform/http/page.ts'
import { LIBELLES_ROLES, estAdministrateur, type Compte } from '../../accounts/roles.ts'
import { refuser } from '../../accounts/http/garde.ts'
import { avecNavigation } from '../../accounts/http/pages-communes.tsx'
import { envoyerClasseur } from '../../activity/stats/fichiers.ts'
import { dateValide } from '../../activity/stats/filtres.ts'
import { aujourdhuiParis } from '../../places/validation/date-maj.ts'
import type { Territoire } from '../../territories/territoire.ts'
import { choisirTerritoire, cleTerritoire } from '../acces.ts'
import type { ErreurChamp } from '../feuille-de-route/domaine/formulaires.ts'
import { anneeEnCours } from '../indicateurs/service.ts'
import { feuillesDuRapport } from './export.ts'
import { pageEvaluation, pagePeriodeInvalide } from './pages.tsx'
import { produireRapport } from './rapport.ts'

type Requete = FastifyRequest<{ Querystring: { territoire?: string; debut?: string; fin?: string } }>

/** The period asked for, or its errors (every one). */
export function lirePeriode(debut: string | undefined, fin: string | undefined, aujourdhui: string): { du: string; au: string } | ErreurChamp[] {
  const defaut = anneeEnCours(aujourdhui)
  const du = debut?.trim() || defaut.du
  const au = fin?.trim() || defaut.au
  const erreurs: ErreurChamp[] = []
  if (!dateValide(du)) erreurs.push({ champ: 'periode-debut', message: 'Le début de la période doit être une date au format AAAA-MM-JJ (par exemple 2025-01-01).' })
  if (!dateValide(au)) erreurs.push({ champ: 'periode-fin', message: 'La fin de la période doit être une date au format AAAA-MM-JJ (par exemple 2025-12-31).' })
  if (erreurs.length === 0 && au < du) erreurs.push({ champ: 'periode-fin', message: 'La fin de la période doit être après son début.' })
  return erreurs.length > 0 ? erreurs : { du, au }
}

export function routesEvaluation(app: FastifyInstance, { base }: { base: Base }): void {
  const db = base.db
  const acces = { acces: ['administrateur', 'coordinateur'] } as const
  const afficher = (request: FastifyRequest, reply: FastifyReply, page: OptionsPage) => reply.page(avecNavigation(page, request.compte as Compte, '/pilotage', jetonDuFormulaire(request, reply)))

  /** The territory and period of the request, or the answer already sent. */
  async function demande(request: Requete, reply: FastifyReply): Promise<{ territoire: Territoire; cle: string; periode: { du: string; au: string } } | undefined> {
    const choix = choisirTerritoire(request.compte as Compte, request.query.territoire)
    if ('refuse' in choix) return void (await refuser(reply))
    if ('aChoisir' in choix) return void (await reply.redirect('/pilotage', 303))
    const cle = cleTerritoire(choix.territoire)
    const periode = lirePeriode(request.query.debut, request.query.fin, aujourdhuiParis())
    if (Array.isArray(periode)) {
      return void (await afficher(request, reply, pagePeriodeInvalide({ cle, nom: choix.territoire.nom, debut: request.query.debut ?? '', fin: request.query.fin ?? '', erreurs: periode })))
    }
    return { territoire: choix.territoire, cle, periode }
  }

  app.get('/pilotage/evaluation', { config: acces }, async (request: Requete, reply) => {
    const d = await demande(request, reply)
    if (!d) return reply
    return afficher(request, reply, pageEvaluation(await produireRapport(db, d.territoire, d.cle, d.periode, aujourdhuiParis())))
  })

  app.get('/pilotage/evaluation.xlsx', { config: acces }, async (request: Requete, reply) => {
    const d = await demande(request, reply)
    if (!d) return reply
    const rapport = await produireRapport(db, d.territoire, d.cle, d.periode, aujourdhuiParis())
    const compte = request.compte as Compte
    const exportePar = `${LIBELLES_ROLES[estAdministrateur(compte) ? 'administrateur' : 'coordinateur']} — ${d.territoire.nom}`
    const nom = `evaluation-${d.cle.replace(':', '-')}-${d.periode.du}-${d.periode.au}.xlsx`
    return envoyerClasseur(reply, nom, feuillesDuRapport(rapport, exportePar, new Date()))
  })
}
