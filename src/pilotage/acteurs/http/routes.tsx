/**
 * The routes of the cartography of actors, for coordinators and administrators:
 * `/pilotage/acteurs` (list and filters), `/pilotage/acteurs/export.csv|.xlsx`, `/nouveau`,
 * `/:id`, `/:id/modifier`, `/:id/partenariats` and `/:id/partenariats/:pid/fin`. A coordinator
 * sees and edits the actors whose commune is in their territory; partnerships may reach an actor
 * outside it, shown read-only. Every write is one transaction with its audit line.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Base } from '../../../platform/db/database.ts'
import { accepterFormulaires, champ } from '../../../platform/http/formulaires.ts'
import { jetonDuFormulaire } from '../../../platform/http/jeton.ts'
import { aujourdhuiParis } from '../../../places/validation/date-maj.ts'
import { referentiel } from '../../../territories/referentiel.ts'
import { refuser } from '../../../accounts/http/garde.ts'
import { avecNavigation } from '../../../accounts/http/pages-communes.tsx'
import { coordonneLieu, estAdministrateur, LIBELLES_ROLES, situerCommune, territoiresDe, type Compte } from '../../../accounts/roles.ts'
import type { Comptes } from '../../../accounts/service.ts'
import { envoyerCsv, envoyerXlsx } from '../../../activity/stats/fichiers.ts'
import { lireActeur } from '../domaine/validation.ts'
import { lirePartenariatSaisi } from '../domaine/partenariats.ts'
import { lireSiret } from '../domaine/validation.ts'
import { Constat } from '../../../places/validation/problems.ts'
import { acteurParId, acteurParSiret, acteursAuChoix, communesDesActeurs, lieuxDeLActeur, listerActeurs, structuresDeLaPortee, type Filtres, type Portee } from '../store/lecture.ts'
import { partenariatsDe } from '../store/partenariats.ts'
import { enregistrerSaisie, finirPartenariat, saisirPartenariat } from '../store/saisie.ts'
import { lignesExportActeurs } from './export.ts'
import { AUCUNE_STRUCTURE, pageFiche, pageFormulaire, pageListe, type EtatFormulaire } from './pages.tsx'
import { nomDeStructure } from '../../../activity/store/structures.ts'
import { actionsDeLActeur } from '../../feuille-de-route/store.ts'
import { peutPiloter, territoireDeCle } from '../../acces.ts'

const ACCES = { acces: ['coordinateur', 'administrateur'] as const }
type Corps = Record<string, string | string[] | undefined>

const portee = (compte: Compte): Portee => (estAdministrateur(compte) ? 'tout' : territoiresDe(compte))
const nomPortee = (compte: Compte) => (estAdministrateur(compte) ? 'toute l’instance' : territoiresDe(compte).map((t) => t.nom).join(', ') || LIBELLES_ROLES.coordinateur)

function lireFiltres(q: Record<string, unknown>): Filtres {
  const f = (n: string, max = 100) => champ(q[n], max).trim() || undefined
  return { q: f('q'), type: f('type', 20), role: f('role', 20), competence: f('competence'), commune: f('commune', 5) }
}
const requeteDe = (f: Filtres) => {
  const p = new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => typeof e[1] === 'string'))
  return p.size ? `?${p}` : ''
}

const MESSAGES: Record<string, string> = {
  cree: 'L’acteur est ajouté.',
  modifie: 'L’acteur est enregistré.',
  partenariat: 'Le partenariat est ajouté.',
  termine: 'Le partenariat est terminé.',
}

const CHAMP_DU_FORMULAIRE: Record<string, string> = { code_insee: 'commune', id: 'nom', date_maj: 'nom' }

export function routesActeurs(app: FastifyInstance, options: { base: Base; comptes: Comptes }): void {
  const db = options.base.db
  const ref = referentiel()
  /** The commune `codeInsee` is in the account's territories (or the account administers the instance). */
  const dansLaPortee = (compte: Compte, codeInsee: string) => coordonneLieu(compte, situerCommune(codeInsee, ref))

  /** The actor of `:id` if the account may see it, or the 404/403 sent. */
  const acteurVisible = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const id = Number(request.params.id)
    const acteur = Number.isInteger(id) && id > 0 && id < 2 ** 31 ? await acteurParId(db, id) : undefined
    if (!acteur) {
      await reply.code(404).page({ titre: 'Acteur introuvable', statut: 404, contenu: <p>Cet acteur n’existe pas. <a href="/pilotage/acteurs">Revenir à la cartographie des acteurs</a></p> })
      return undefined
    }
    if (!dansLaPortee(request.compte as Compte, acteur.code_insee)) {
      await refuser(reply)
      return undefined
    }
    return acteur
  }

  /**
   * The actor of `:id` if the account may write to it. A merged actor is written to no more:
   * like a merged place, its address leads to the actor it became (or a 409 page).
   */
  const acteurModifiable = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const acteur = await acteurVisible(request, reply)
    if (acteur?.statut !== 'fusionne') return acteur
    if (acteur.fusionneDans !== null) await reply.redirect(`/pilotage/acteurs/${acteur.fusionneDans}`, 303)
    else await reply.code(409).page({ titre: 'Acteur fusionné', statut: 409, contenu: <p>Cet acteur a été fusionné dans un autre : il ne peut plus être modifié. <a href="/pilotage/acteurs">Revenir à la cartographie des acteurs</a></p> })
    return undefined
  }

  const envoyer = (request: FastifyRequest, reply: FastifyReply, page: Parameters<typeof avecNavigation>[0]) =>
    reply.code(page.statut ?? 200).page(avecNavigation(page, request.compte as Compte, '/pilotage/acteurs', jetonDuFormulaire(request, reply)))

  const afficherFiche = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, extra: { erreurs?: Array<{ champ: string; message: string }>; saisie?: Record<string, string> } = {}) => {
    const acteur = await acteurVisible(request, reply)
    if (!acteur) return reply
    const compte = request.compte as Compte
    const partenariats = await partenariatsDe(db, acteur.id)
    const page = pageFiche({
      acteur,
      modifiable: acteur.statut !== 'fusionne',
      lieux: await lieuxDeLActeur(db, acteur),
      structure: acteur.structureId === null ? null : ((await nomDeStructure(db, acteur.structureId)) ?? null),
      partenariats,
      actions: (await actionsDeLActeur(db, acteur.id)).filter((x) => {
        const t = territoireDeCle(x.territoire)
        return t !== undefined && peutPiloter(compte, t)
      }),
      visible: (x) => dansLaPortee(compte, x.autre.codeInsee),
      choix: await acteursAuChoix(db, portee(compte), acteur.id),
      jeton: jetonDuFormulaire(request, reply),
      aujourdhui: aujourdhuiParis(),
      message: MESSAGES[champ((request.query as Record<string, unknown>).fait, 20)],
      ...extra,
    })
    return envoyer(request, reply, page)
  }

  const formulaire = async (request: FastifyRequest, reply: FastifyReply, acteurId: number | null, etat: EtatFormulaire) =>
    envoyer(request, reply, pageFormulaire({ acteurId, etat, structures: await structuresDeLaPortee(db, portee(request.compte as Compte)), jeton: jetonDuFormulaire(request, reply) }))

  /** Reads and checks the form; the actor to write, or the form again with its errors. */
  const enregistrer = async (request: FastifyRequest, reply: FastifyReply, acteurId: number | null) => {
    const compte = request.compte as Compte
    const corps = (request.body ?? {}) as Corps
    const valeurs: Record<string, string | string[]> = {}
    for (const [k, v] of Object.entries(corps)) if (k !== 'jeton' && v !== undefined) valeurs[k] = Array.isArray(v) ? v.map((x) => x.slice(0, 300)) : v.slice(0, 2000)
    const lu = lireActeur({ ...valeurs, id: 'saisie', date_maj: aujourdhuiParis() }, ref, aujourdhuiParis())
    // in the form, what an import would only warn about is an error to correct
    const erreurs = lu.problemes.filter((p) => p.niveau !== 'correction').map((p) => ({ champ: CHAMP_DU_FORMULAIRE[p.champ] ?? p.champ, message: p.message }))
    if (lu.situation && !dansLaPortee(compte, lu.situation.code_insee)) erreurs.push({ champ: 'commune', message: `${ref.communes.get(lu.situation.code_insee)?.nom ?? 'Cette commune'} n’est pas dans votre territoire.` })
    if (lu.acteur?.siret) {
      const meme = await acteurParSiret(db, lu.acteur.siret)
      if (meme && meme.id !== acteurId) erreurs.push({ champ: 'siret', message: `Un autre acteur a déjà ce SIRET (n° ${meme.id}) : modifiez plutôt celui-ci.` })
    }
    const structures = await structuresDeLaPortee(db, portee(compte))
    const structureTexte = champ(corps.structure, 12)
    // no structure chosen: the link stays as it is (or as found by SIRET); « aucune »: unlinked
    const structureId = structureTexte === '' ? undefined : structureTexte === AUCUNE_STRUCTURE ? null : structures.find((s) => String(s.id) === structureTexte)?.id
    if (structureTexte !== '' && structureId === undefined) erreurs.push({ champ: 'structure', message: 'Choisissez une structure de votre territoire.' })
    if (!lu.acteur || erreurs.length > 0) return formulaire(request, reply, acteurId, { valeurs, erreurs })
    const id = await enregistrerSaisie(db, options.comptes.acteur(compte, request.ip), acteurId, lu.acteur, structureId)
    return reply.redirect(`/pilotage/acteurs/${id}?fait=${acteurId === null ? 'cree' : 'modifie'}`, 303)
  }

  app.register(async (r) => {
    accepterFormulaires(r)

    r.get('/pilotage/acteurs', { config: ACCES }, async (request, reply) => {
      const compte = request.compte as Compte
      const filtres = lireFiltres(request.query as Record<string, unknown>)
      const { acteurs, total, parType } = await listerActeurs(db, portee(compte), filtres)
      return envoyer(request, reply, pageListe({ acteurs, total, parType, filtres, communes: await communesDesActeurs(db, portee(compte)), requete: requeteDe(filtres), portee: nomPortee(compte) }))
    })

    for (const format of ['csv', 'xlsx'] as const) {
      r.get(`/pilotage/acteurs/export.${format}`, { config: ACCES }, async (request, reply) => {
        const compte = request.compte as Compte
        const filtres = lireFiltres(request.query as Record<string, unknown>)
        const exportePar = estAdministrateur(compte) ? 'Administrateur' : `Coordinateur — ${nomPortee(compte)}`
        const lignes = await lignesExportActeurs(db, portee(compte), filtres, exportePar)
        const nom = `acteurs-${aujourdhuiParis()}.${format}`
        return format === 'csv' ? envoyerCsv(reply, nom, lignes) : envoyerXlsx(reply, nom, 'Acteurs', lignes, [40, 28, 16, 30, 10, 24, 10, 30, 30, 18, 40, 50, 12, 10, 12])
      })
    }

    r.get('/pilotage/acteurs/nouveau', { config: ACCES }, async (request, reply) => formulaire(request, reply, null, { valeurs: {}, erreurs: [] }))
    r.post('/pilotage/acteurs/nouveau', { config: ACCES }, async (request, reply) => enregistrer(request, reply, null))

    r.get<{ Params: { id: string } }>('/pilotage/acteurs/:id', { config: ACCES }, async (request, reply) => afficherFiche(request, reply))

    r.get<{ Params: { id: string } }>('/pilotage/acteurs/:id/modifier', { config: ACCES }, async (request, reply) => {
      const a = await acteurModifiable(request, reply)
      if (!a) return reply
      const valeurs: Record<string, string | string[]> = {
        nom: a.nom,
        type: a.type,
        siret: a.siret ?? '',
        adresse: a.adresse ?? '',
        code_postal: a.code_postal ?? '',
        commune: a.commune,
        site_web: a.site_web ?? '',
        courriel: a.courriel ?? '',
        telephone: a.telephone ?? '',
        roles: a.roles,
        competences: a.competences,
        description: a.description ?? '',
        structure: a.structureId === null ? '' : String(a.structureId),
      }
      return formulaire(request, reply, a.id, { valeurs, erreurs: [] })
    })
    r.post<{ Params: { id: string } }>('/pilotage/acteurs/:id/modifier', { config: ACCES }, async (request, reply) => {
      const a = await acteurModifiable(request, reply)
      return a ? enregistrer(request, reply, a.id) : reply
    })

    r.post<{ Params: { id: string } }>('/pilotage/acteurs/:id/partenariats', { config: ACCES }, async (request, reply) => {
      const a = await acteurModifiable(request, reply)
      if (!a) return reply
      const compte = request.compte as Compte
      const corps = (request.body ?? {}) as Corps
      const { partenariat, erreurs } = lirePartenariatSaisi(corps)
      let partenaireId: number | undefined
      const choisi = champ(corps.partenaire, 12)
      const siretTexte = champ(corps.partenaire_siret, 20).trim()
      if (choisi !== '') partenaireId = (await acteursAuChoix(db, portee(compte), a.id)).find((c) => String(c.id) === choisi)?.id
      else if (siretTexte !== '') {
        const siret = lireSiret(siretTexte, new Constat())
        partenaireId = siret === null ? undefined : (await acteurParSiret(db, siret))?.id
        if (partenaireId === undefined) erreurs.unshift({ champ: 'partenaire_siret', message: 'Aucun acteur n’a ce SIRET : ajoutez-le d’abord à la cartographie.' })
      }
      if (partenaireId === a.id) partenaireId = undefined
      if (partenaireId === undefined && siretTexte === '') erreurs.unshift({ champ: 'partenaire', message: 'Choisissez le partenaire.' })
      if (!partenariat || partenaireId === undefined || erreurs.length > 0) {
        const saisie = Object.fromEntries(Object.entries(corps).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : (v ?? '')]))
        return afficherFiche(request, reply, { erreurs, saisie })
      }
      await saisirPartenariat(db, options.comptes.acteur(compte, request.ip), a.id, partenaireId, partenariat)
      return reply.redirect(`/pilotage/acteurs/${a.id}?fait=partenariat`, 303)
    })

    r.post<{ Params: { id: string; pid: string } }>('/pilotage/acteurs/:id/partenariats/:pid/fin', { config: ACCES }, async (request, reply) => {
      const a = await acteurModifiable(request, reply)
      if (!a) return reply
      const pid = Number(request.params.pid)
      const fait = Number.isInteger(pid) && pid > 0 && pid < 2 ** 31 && (await finirPartenariat(db, options.comptes.acteur(request.compte as Compte, request.ip), a.id, pid, aujourdhuiParis()))
      if (!fait) return reply.code(404).page({ titre: 'Partenariat introuvable', statut: 404, contenu: <p>Ce partenariat n’existe pas.</p> })
      return reply.redirect(`/pilotage/acteurs/${a.id}?fait=termine`, 303)
    })
  })
}
