/**
 * The diagnosis routes, for administrators and coordinators: `/pilotage/diagnostic` and
 * `/pilotage/zones-blanches`, each with its `.csv` and `.xlsx` export. A coordinator sees their
 * territory (`?territoire=` picks another of theirs, or a part of one; another: 403; an unknown
 * one: an error next to the field, 400); an administrator chooses any territory (code or name),
 * or `france`. The diagnosis of a territory and period is kept one minute in memory: sorting
 * and paging do not recompute it. The maps are drawn from ALL the rows of the territory, not
 * the page's (the diagnosis page's distance is 10 km when « Toutes les communes » is chosen).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Base, Db } from '../../platform/db/database.ts'
import { jetonDuFormulaire } from '../../platform/http/jeton.ts'
import { aujourdhuiParis } from '../../places/validation/date-maj.ts'
import { referentiel } from '../../territories/referentiel.ts'
import type { Territoire } from '../../territories/territoire.ts'
import { avecNavigation } from '../../accounts/http/pages-communes.tsx'
import { refuser } from '../../accounts/http/garde.ts'
import { estAdministrateur, LIBELLES_ROLES, territoiresDe, type Compte } from '../../accounts/roles.ts'
import { envoyerCsv, envoyerXlsx } from '../../activity/stats/fichiers.ts'
import { nomDuTerritoire } from '../../activity/stats/perimetres.ts'
import { choisirTerritoire, cleTerritoire } from '../acces.ts'
import { diagnostiquer } from './index.ts'
import type { LigneDiagnostic } from './domaine/types.ts'
import { DISTANCE_PAR_DEFAUT, zonesBlanches } from './domaine/zones-blanches.ts'
import { communesDeLaCarte, partHorsDistanceParDepartement } from './domaine/cartes.ts'
import { descriptionDemande, lignesDiagnostic, lignesZonesBlanches } from './export.ts'
import { CHEMINS, pageDiagnostic, type Mode } from './pages.tsx'
import { adresse, lireDemande, PAR_PAGE, trier, trierZones, type DemandeDiagnostic, type ErreurDemande } from './requete.ts'

const ACCES = { acces: ['coordinateur', 'administrateur'] as const }
const FRANCE = 'france'

/** Recent diagnoses, by territory and period (a few, one minute). */
class Memoire {
  private readonly entrees = new Map<string, { quand: number; lignes: Promise<LigneDiagnostic[]> }>()
  lire(cle: string, calculer: () => Promise<LigneDiagnostic[]>): Promise<LigneDiagnostic[]> {
    const maintenant = Date.now()
    for (const [k, e] of this.entrees) if (maintenant - e.quand > 60_000) this.entrees.delete(k)
    const deja = this.entrees.get(cle)
    if (deja) return deja.lignes
    if (this.entrees.size >= 8) this.entrees.delete(this.entrees.keys().next().value as string)
    const lignes = calculer()
    lignes.catch(() => this.entrees.delete(cle))
    this.entrees.set(cle, { quand: maintenant, lignes })
    return lignes
  }
}

interface Contexte {
  compte: Compte
  demande: DemandeDiagnostic
  erreurs: ErreurDemande[]
  /** undefined: none chosen (administrator); null: all of France. */
  territoire: Territoire | null | undefined
  nom: string | undefined
}

/**
 * The request's territory for this account, as the pilotage hub chooses it (`choisirTerritoire`),
 * plus `france` for an administrator: the 403 sent when the account may not pilot it; an unknown
 * territory is an error next to the territory field (the page then says so, status 400).
 */
async function contexte(request: FastifyRequest, reply: FastifyReply, mode: Mode): Promise<Contexte | undefined> {
  const compte = request.compte as Compte
  const { demande, erreurs } = lireDemande(request.query as Record<string, unknown>, mode, aujourdhuiParis())
  if (estAdministrateur(compte) && demande.territoire?.toLowerCase() === FRANCE) return { compte, demande, erreurs, territoire: null, nom: 'France entière' }
  const choix = choisirTerritoire(compte, demande.territoire)
  if ('refuse' in choix) {
    await refuser(reply)
    return undefined
  }
  if ('aChoisir' in choix) return { compte, demande, erreurs: choix.erreur ? [...erreurs, { champ: 'territoire', message: choix.erreur }] : erreurs, territoire: undefined, nom: undefined }
  // the territory as written (« Savoie ») is kept in the form and links; none written: the account's first
  return { compte, demande: { ...demande, territoire: demande.territoire ?? cleTerritoire(choix.territoire) }, erreurs, territoire: choix.territoire, nom: nomDuTerritoire(choix.territoire) }
}

export function routesDiagnostic(app: FastifyInstance, options: { base: Base }): void {
  const db: Db = options.base.db
  const memoire = new Memoire()
  const lignesDe = (c: Contexte) =>
    memoire.lire(`${c.territoire ? cleTerritoire(c.territoire) : FRANCE}|${c.demande.moisDu}|${c.demande.moisAu}`, () =>
      diagnostiquer(db, c.territoire ?? null, { moisDu: c.demande.moisDu, moisAu: c.demande.moisAu }),
    )

  for (const mode of ['diagnostic', 'zones-blanches'] as const) {
    const chemin = CHEMINS[mode]
    app.get(chemin, { config: ACCES }, async (request, reply) => {
      const c = await contexte(request, reply, mode)
      if (!c) return reply
      const d = c.demande
      const lignes = c.territoire === undefined ? [] : await lignesDe(c)
      const zonesToutes = d.distance === undefined ? [] : zonesBlanches(lignes, d.besoin, d.distance)
      const retenues = mode === 'diagnostic' ? (d.distance === undefined ? lignes : zonesToutes.map((z) => z.ligne)) : []
      const total = mode === 'diagnostic' ? retenues.length : zonesToutes.length
      const pages = Math.max(1, Math.ceil(total / PAR_PAGE))
      const page = Math.min(d.page, pages)
      const tranche = (page - 1) * PAR_PAGE
      const resume = {
        communes: lignes.length,
        population: lignes.reduce((s, l) => s + l.population, 0),
        populationHorsDistance: zonesToutes.reduce((s, z) => s + z.ligne.population, 0),
        positionsApprochees: lignes.filter((l) => l.position?.approximative).length,
        sansIfn: lignes.filter((l) => l.ifn === null).length,
      }
      const visibles = mode === 'diagnostic' ? trier(retenues, d).slice(tranche, tranche + PAR_PAGE) : []
      const zones = mode === 'zones-blanches' ? trierZones(zonesToutes, d).slice(tranche, tranche + PAR_PAGE) : []
      const distanceCarte = d.distance ?? DISTANCE_PAR_DEFAUT
      const cartes =
        c.territoire === undefined
          ? undefined
          : {
              distance: distanceCarte,
              communes: communesDeLaCarte(lignes, d.besoin, distanceCarte),
              departements: mode === 'diagnostic' ? partHorsDistanceParDepartement(lignes, d.besoin, distanceCarte, (code) => referentiel().departements.get(code)?.nom ?? code) : [],
              cadre: [...new Set(lignes.map((l) => l.codeDepartement).filter((code) => code !== ''))].sort(),
            }
      const choixTerritoires = estAdministrateur(c.compte) ? 'texte' : territoiresDe(c.compte).map((t) => ({ valeur: cleTerritoire(t), libelle: nomDuTerritoire(t) }))
      const contenu = pageDiagnostic({ mode, demande: { ...d, page }, erreurs: c.erreurs, nomTerritoire: c.nom, choixTerritoires, lignes: visibles, zones, total, pages, resume, cartes })
      return reply.page(avecNavigation(contenu, c.compte, chemin, jetonDuFormulaire(request, reply)))
    })

    for (const format of ['csv', 'xlsx'] as const) {
      app.get(`${chemin}.${format}`, { config: ACCES }, async (request, reply) => {
        const c = await contexte(request, reply, mode)
        if (!c) return reply
        // no territory (or an unknown one): the page, which asks for it or says what is wrong
        if (c.territoire === undefined) return reply.redirect(adresse(chemin, c.demande, { page: undefined }), 303)
        const d = c.demande
        const lignes = await lignesDe(c)
        const role = estAdministrateur(c.compte) ? LIBELLES_ROLES.administrateur : LIBELLES_ROLES.coordinateur
        const meta = {
          titre: mode === 'diagnostic' ? 'Diagnostic territorial' : 'Zones blanches',
          exportePar: `${role} — ${c.nom ?? ''}`,
          exporteLe: new Date(),
          filtres: descriptionDemande(d, c.nom ?? '', mode),
        }
        const sorties =
          mode === 'diagnostic' && d.distance === undefined
            ? lignesDiagnostic(trier(lignes, d), meta)
            : mode === 'diagnostic'
              ? lignesDiagnostic(trier(zonesBlanches(lignes, d.besoin, d.distance).map((z) => z.ligne), d), meta)
              : lignesZonesBlanches(trierZones(zonesBlanches(lignes, d.besoin, d.distance), d), meta)
        const slug = c.territoire ? `${c.territoire.type}-${c.territoire.code}` : FRANCE
        const nom = `${mode}-${slug}-${d.moisAu.slice(0, 7)}.${format}`
        return format === 'xlsx' ? envoyerXlsx(reply, nom, mode === 'diagnostic' ? 'Diagnostic' : 'Zones blanches', sorties, [10, 28, 8, 12, 10, 10, 10, 10, 14, 10, 10, 14, 14]) : envoyerCsv(reply, nom, sorties)
      })
    }
  }
}

