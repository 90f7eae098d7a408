/**
 * The pilotage hub and indicators routes (`/pilotage`, `/pilotage/indicateurs…`), for
 * administrators and coordinators (a coordinator only for their territory, 403 otherwise):
 * the hub with the national dashboards' indicators, the indicators page, following a catalogue
 * indicator or adding a hand-entered one, recording a measure, snapshotting the computed ones.
 * Forms post with the anti-forgery token, errors show the page again (400), success redirects.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Base } from '../../../platform/db/database.ts'
import { accesParDefaut } from '../../../platform/http/acces.ts'
import { accepterFormulaires } from '../../../platform/http/formulaires.ts'
import { jetonDuFormulaire } from '../../../platform/http/jeton.ts'
import type { OptionsPage } from '../../../platform/http/page.ts'
import { aLeRole, type Compte } from '../../../accounts/roles.ts'
import { refuser } from '../../../accounts/http/garde.ts'
import { avecNavigation } from '../../../accounts/http/pages-communes.tsx'
import { acteurDe } from '../../../accounts/service.ts'
import { inscrire } from '../../../audit/journal.ts'
import { aujourdhuiParis } from '../../../places/validation/date-maj.ts'
import type { Territoire } from '../../../territories/territoire.ts'
import { choisirTerritoire, cleTerritoire, peutPiloter, territoireDeCle } from '../../acces.ts'
import { type ErreurChamp, lireIndicateurCalcule, lireIndicateurSaisi, lireMesure } from '../../feuille-de-route/domaine/formulaires.ts'
import { CATALOGUE, definitionDe, libelleDe } from '../catalogue/index.ts'
import { anneeEnCours, calculer, relever, tableauNational } from '../service.ts'
import { ajouterMesure, creerIndicateur, indicateur, indicateursDuTerritoire, mesuresDuTerritoire } from '../store.ts'
import { pageAccueil, pageIndicateurs, type PropsPageIndicateurs } from './pages.tsx'

const CHEMIN = '/pilotage/indicateurs'
const MESSAGES: Record<string, string> = {
  cree: 'L’indicateur est ajouté.',
  mesure: 'La mesure est enregistrée.',
  releve: 'Les valeurs des indicateurs calculés sont relevées pour aujourd’hui.',
}
type Corps = Record<string, unknown>
const ID = /^[1-9]\d{0,8}$/
/** A measure's author is a role, never a name (exports name roles; the audit log keeps who). */
const roleAuteur = (compte: Compte): 'administrateur' | 'coordinateur' => (aLeRole(compte, 'administrateur') ? 'administrateur' : 'coordinateur')


export function routesIndicateurs(app: FastifyInstance, { base }: { base: Base }): void {
  const db = base.db
  app.register(async (pilotage) => {
    accepterFormulaires(pilotage)
    accesParDefaut(pilotage, ['administrateur', 'coordinateur'])
    const afficher = (request: FastifyRequest, reply: FastifyReply, page: OptionsPage) => reply.page(avecNavigation(page, request.compte as Compte, '/pilotage', jetonDuFormulaire(request, reply)))
    const journaliser = (request: FastifyRequest, action: string, objetId: number | string, changements: Record<string, unknown>) =>
      inscrire(db, acteurDe(request.compte as Compte, request.ip), { action, objetType: 'indicateur', objetId, changements })

    pilotage.get<{ Querystring: { territoire?: string } }>('/pilotage', async (request, reply) => {
      const choix = choisirTerritoire(request.compte as Compte, request.query.territoire)
      if ('refuse' in choix) return refuser(reply)
      if ('aChoisir' in choix) return afficher(request, reply, pageAccueil({ nationaux: [], saisi: request.query.territoire, erreur: choix.erreur }))
      const aujourdhui = aujourdhuiParis()
      const nationaux = await tableauNational(db, choix.territoire, anneeEnCours(aujourdhui), aujourdhui)
      return afficher(request, reply, pageAccueil({ territoire: choix.territoire, cle: cleTerritoire(choix.territoire), nationaux }))
    })

    async function montrer(request: FastifyRequest, reply: FastifyReply, territoire: Territoire, autre: Partial<PropsPageIndicateurs> = {}) {
      const cle = cleTerritoire(territoire)
      const aujourdhui = aujourdhuiParis()
      const [indicateurs, mesures, catalogue] = await Promise.all([
        indicateursDuTerritoire(db, cle),
        mesuresDuTerritoire(db, cle),
        calculer(db, territoire, anneeEnCours(aujourdhui), CATALOGUE.filter((d) => !d.parametres).map((definition) => ({ definition, parametres: {} })), aujourdhui),
      ])
      const message = MESSAGES[String((request.query as Record<string, unknown>).fait ?? '')]
      return afficher(request, reply, pageIndicateurs({ territoire, cle, indicateurs, mesures, catalogue, jeton: jetonDuFormulaire(request, reply), saisie: {}, erreurs: [], message, ...autre }))
    }

    pilotage.get<{ Querystring: { territoire?: string } }>(CHEMIN, async (request, reply) => {
      const choix = choisirTerritoire(request.compte as Compte, request.query.territoire)
      if ('refuse' in choix) return refuser(reply)
      if ('aChoisir' in choix) return reply.redirect('/pilotage', 303)
      return montrer(request, reply, choix.territoire)
    })

    pilotage.post<{ Body: Corps }>(CHEMIN, async (request, reply) => {
      const corps = request.body ?? {}
      const choix = choisirTerritoire(request.compte as Compte, corps['territoire'])
      if ('refuse' in choix) return refuser(reply)
      if ('aChoisir' in choix) return reply.code(400).type('text/plain; charset=utf-8').send('Territoire manquant ou inconnu.')
      const cle = cleTerritoire(choix.territoire)
      const nature = corps['nature'] === 'saisi' ? 'saisi' : 'calcule'
      const erreurs = (e: ErreurChamp[]) => montrer(request, reply, choix.territoire, { formulaire: nature, saisie: corps, erreurs: e })
      const cibles = (v: { reference: number | null; dateReference: string | null; cible: number | null; dateCible: string | null; sens: 'hausse' | 'baisse' }) => ({
        valeurReference: v.reference,
        dateReference: v.dateReference,
        valeurCible: v.cible,
        dateCible: v.dateCible,
        sens: v.sens,
      })
      let id: number
      if (nature === 'saisi') {
        const lecture = lireIndicateurSaisi(corps)
        if (!lecture.ok) return erreurs(lecture.erreurs)
        const v = lecture.valeur
        id = await creerIndicateur(db, { territoire: cle, nature, libelle: v.libelle, unite: v.unite, source: v.source, ...cibles(v) })
      } else {
        const lecture = lireIndicateurCalcule(corps, CATALOGUE.map((d) => d.code))
        if (!lecture.ok) return erreurs(lecture.erreurs)
        const v = lecture.valeur
        const definition = definitionDe(v.code)
        if (!definition) return erreurs([{ champ: 'calcule-code', message: 'Choisissez un indicateur du catalogue.' }])
        const parametre = definition.parametres?.[0]
        if (parametre && !parametre.valeurs.some((x) => x.valeur === v.parametre)) return erreurs([{ champ: 'calcule-parametre', message: `Choisissez la précision : ${parametre.libelle.toLowerCase()}.` }])
        const parametres = parametre ? { [parametre.nom]: v.parametre } : {}
        id = await creerIndicateur(db, { territoire: cle, nature, code: v.code, parametres, libelle: libelleDe(definition, parametres), unite: definition.unite, ...cibles(v) })
      }
      await journaliser(request, 'indicateur.cree', id, { territoire: cle, nature })
      return reply.redirect(`${CHEMIN}?territoire=${encodeURIComponent(cle)}&fait=cree#indicateur-${id}`, 303)
    })

    pilotage.post<{ Params: { id: string }; Body: Corps }>(`${CHEMIN}/:id/mesures`, async (request, reply) => {
      const trouve = ID.test(request.params.id) ? await indicateur(db, Number(request.params.id)) : undefined
      if (!trouve || trouve.nature !== 'saisi') return reply.callNotFound()
      const territoire = territoireDeCle(trouve.territoire)
      const compte = request.compte as Compte
      if (!territoire || !peutPiloter(compte, territoire)) return refuser(reply)
      const lecture = lireMesure(request.body ?? {})
      if (!lecture.ok) return montrer(request, reply, territoire, { formulaire: `mesure-${trouve.id}`, saisie: request.body ?? {}, erreurs: lecture.erreurs })
      const v = lecture.valeur
      const mesure = await ajouterMesure(db, { indicateurId: trouve.id, date: v.date, valeur: v.valeur as number, source: v.source, auteur: roleAuteur(compte) })
      await journaliser(request, 'indicateur.mesure', trouve.id, { mesure, date: v.date, valeur: v.valeur })
      return reply.redirect(`${CHEMIN}?territoire=${encodeURIComponent(trouve.territoire)}&fait=mesure#indicateur-${trouve.id}`, 303)
    })

    pilotage.post<{ Body: Corps }>(`${CHEMIN}/releve`, async (request, reply) => {
      const choix = choisirTerritoire(request.compte as Compte, (request.body ?? {})['territoire'])
      if ('refuse' in choix) return refuser(reply)
      if ('aChoisir' in choix) return reply.code(400).type('text/plain; charset=utf-8').send('Territoire manquant ou inconnu.')
      const cle = cleTerritoire(choix.territoire)
      const aujourdhui = aujourdhuiParis()
      const ecrites = await relever(db, choix.territoire, cle, anneeEnCours(aujourdhui), aujourdhui)
      await journaliser(request, 'indicateur.releve', cle, { mesures: ecrites })
      return reply.redirect(`${CHEMIN}?territoire=${encodeURIComponent(cle)}&fait=releve`, 303)
    })
  })
}
