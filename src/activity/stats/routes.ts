/**
 * The statistics routes. Signed in: `/espace/statistiques` (the dashboard of the account's
 * scope, read with `tableauDeBord`), its exports `/espace/statistiques.xlsx` and `.csv`, and the
 * activities export `/espace/activites.xlsx` and `.csv` — each for the scope the account holds
 * (`?perimetre=` picks among its own), filters narrowing it, never widening it. Public:
 * `/statistiques/:territoire` (`departement-73`…), aggregates under the statistical secret.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { eq } from 'drizzle-orm'
import type { Base, Db } from '../../platform/db/database.ts'
import { utilisateurs } from '../../platform/db/schema.ts'
import { jetonDuFormulaire } from '../../platform/http/jeton.ts'
import { aujourdhuiParis } from '../../places/validation/date-maj.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { lireTerritoire, TerritoireInconnuError, type Territoire } from '../../territories/territoire.ts'
import { avecNavigation } from '../../accounts/http/pages-communes.tsx'
import type { Compte } from '../../accounts/roles.ts'
import { lignesActivites } from './export-activites.ts'
import { descriptionFiltres, lignesStatistiques, type MetaExport } from './export.ts'
import { envoyerCsv, envoyerXlsx, type Lignes } from './fichiers.ts'
import { fenetres, type Filtres, lireFiltres, type Requete } from './filtres.ts'
import { pagePublique } from './page-publique.tsx'
import { pageSansPerimetre, pageStatistiques } from './pages.tsx'
import { exportePar, lireSlug, perimetreChoisi, perimetresDe, slugTerritoire, type PerimetreCompte, type StructureDuCompte } from './perimetres.ts'
import { nomDeStructure, structuresDesLieux } from '../store/structures.ts'
import { nomDeCommune, nomsDesLieux, statistiques } from './requetes.ts'
import { statistiquesPubliques } from './secret.ts'
import { tableauDeBord } from './tableau-de-bord.ts'

interface Contexte {
  compte: Compte
  perimetres: PerimetreCompte[]
  perimetre: PerimetreCompte
  filtres: Filtres
  erreurs: ReturnType<typeof lireFiltres>['erreurs']
  aujourdhui: string
}

/** The account's scope and the filters of the request, or the reply sent (no scope: 403). */
async function contexte(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<Contexte | undefined> {
  const compte = request.compte as Compte
  const requete = request.query as Requete
  const perimetres = perimetresDe(compte, await structuresDuCompte(db, compte))
  const perimetre = perimetreChoisi(perimetres, typeof requete['perimetre'] === 'string' ? requete['perimetre'] : undefined)
  if (!perimetre) {
    await reply.page(avecNavigation(pageSansPerimetre(), compte, '/espace/statistiques', jetonDuFormulaire(request, reply)))
    return undefined
  }
  const aujourdhui = aujourdhuiParis()
  const { filtres, erreurs } = lireFiltres(requete, aujourdhui)
  return { compte, perimetres, perimetre, filtres, erreurs, aujourdhui }
}

/** The structures of the places where the account is manager or mediator. */
async function structuresDuCompte(db: Db, compte: Compte): Promise<StructureDuCompte[]> {
  const roles = compte.habilitations.flatMap((h) => ((h.role === 'gestionnaire' || h.role === 'mediateur') && h.lieuUid !== null ? [{ lieu: h.lieuUid, role: h.role }] : []))
  if (roles.length === 0) return []
  const parLieu = await structuresDesLieux(db, [...new Set(roles.map((r) => r.lieu))])
  const resultat: StructureDuCompte[] = []
  for (const r of roles) {
    const id = parLieu.get(r.lieu)
    if (id !== undefined && !resultat.some((s) => s.id === id)) resultat.push({ id, nom: (await nomDeStructure(db, id)) ?? `Structure n° ${id}`, role: r.role })
  }
  return resultat
}

/** The export's metadata: who (role and scope), when, every filter in words. */
async function meta(db: Db, titre: string, c: Contexte): Promise<MetaExport> {
  const f = c.filtres
  const [mediateur] = f.mediateur === undefined ? [] : await db.select({ nom: utilisateurs.nom }).from(utilisateurs).where(eq(utilisateurs.id, f.mediateur))
  const lieu = f.lieu === undefined ? undefined : (await nomsDesLieux(db, [f.lieu])).get(f.lieu)
  const periode = fenetres(f, c.aujourdhui).periode
  return {
    titre,
    exportePar: exportePar(c.perimetre),
    exporteLe: new Date(),
    filtres: descriptionFiltres(f, periode, { perimetre: c.perimetre.libelle, mediateur: mediateur?.nom || undefined, lieu, commune: f.commune && nomDeCommune(f.commune) }),
  }
}

const nomDeFichier = (base: string, c: Contexte, extension: string) => {
  const p = fenetres(c.filtres, c.aujourdhui).periode
  return `${base}-${p.du}-${p.au}.${extension}`
}

/** `YYYY-MM` as given, a day cut to its month: the public page speaks whole months. */
const moisSeulement = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(v.trim()) ? v.trim().slice(0, 7) : typeof v === 'string' && v.trim() !== '' ? v : undefined)

export function routesStatistiques(app: FastifyInstance, options: { base: Base }): void {
  const db = options.base.db

  app.get('/espace/statistiques', { config: { acces: 'connecte' } }, async (request, reply) => {
    const c = await contexte(db, request, reply)
    if (!c) return reply
    const tableau = await tableauDeBord(db, c.perimetre.portee, c.filtres, { aujourdhui: c.aujourdhui })
    const page = pageStatistiques({ tableau, filtres: c.filtres, erreurs: c.erreurs, perimetres: c.perimetres, perimetre: c.perimetre })
    return reply.page(avecNavigation(page, c.compte, '/espace/statistiques', jetonDuFormulaire(request, reply)))
  })

  const exporterStatistiques = (format: 'xlsx' | 'csv') => async (request: FastifyRequest, reply: FastifyReply) => {
    const c = await contexte(db, request, reply)
    if (!c) return reply
    const [stats, m] = await Promise.all([statistiques(db, c.perimetre.portee, c.filtres, { aujourdhui: c.aujourdhui }), meta(db, 'Statistiques d’accompagnement', c)])
    const lignes = lignesStatistiques(stats, m)
    const nom = nomDeFichier('statistiques', c, format)
    return format === 'xlsx' ? envoyerXlsx(reply, nom, 'Statistiques', lignes) : envoyerCsv(reply, nom, lignes)
  }
  app.get('/espace/statistiques.xlsx', { config: { acces: 'connecte' } }, exporterStatistiques('xlsx'))
  app.get('/espace/statistiques.csv', { config: { acces: 'connecte' } }, exporterStatistiques('csv'))

  const exporterActivites = (format: 'xlsx' | 'csv') => async (request: FastifyRequest, reply: FastifyReply) => {
    const c = await contexte(db, request, reply)
    if (!c) return reply
    const m = await meta(db, 'Activités', c)
    const lignes: Lignes = lignesActivites(db, c.perimetre.portee, c.filtres, fenetres(c.filtres, c.aujourdhui).periode, m, c.compte.id)
    const nom = nomDeFichier('activites', c, format)
    return format === 'xlsx' ? envoyerXlsx(reply, nom, 'Activités', lignes, [12, 16, 16, 20, 24, 12, 20, 18, 30, 24]) : envoyerCsv(reply, nom, lignes)
  }
  app.get('/espace/activites.xlsx', { config: { acces: 'connecte' } }, exporterActivites('xlsx'))
  app.get('/espace/activites.csv', { config: { acces: 'connecte' } }, exporterActivites('csv'))

  app.get<{ Params: { territoire: string }; Querystring: Requete }>('/statistiques/:territoire', { config: { acces: 'public' } }, async (request, reply) => {
    const brut = request.params.territoire.slice(0, 40)
    const texte = lireSlug(brut)
    let territoire: Territoire
    try {
      territoire = lireTerritoire(texte ?? brut, referentiel())
    } catch (erreur) {
      if (erreur instanceof TerritoireInconnuError) return reply.callNotFound()
      throw erreur
    }
    // a code or a name (« 73 », « Savoie »): to the territory's own address
    if (texte === undefined || slugTerritoire(territoire) !== brut) return reply.redirect(`/statistiques/${slugTerritoire(territoire)}`, 301)
    const aujourdhui = aujourdhuiParis()
    const { filtres, erreurs } = lireFiltres({ du: moisSeulement(request.query['du']), au: moisSeulement(request.query['au']) }, aujourdhui)
    const stats = await statistiques(db, { territoire }, { ...(filtres.du !== undefined && { du: filtres.du }), ...(filtres.au !== undefined && { au: filtres.au }) }, { aujourdhui })
    return reply.page(pagePublique({ territoire, stats: statistiquesPubliques(stats), erreurs }))
  })
}
