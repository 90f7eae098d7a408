/**
 * What every roadmap route shares: showing a page in the workspace, the confirmation banners
 * (`?fait=`), a write with its audit line in one transaction, the roadmap of the URL when the account pilots its
 * territory (404 or 403 sent otherwise), one of its axes or actions (404 otherwise), the
 * territory's indicators and the actors that may own an action.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../../../platform/db/database.ts'
import { jetonDuFormulaire } from '../../../platform/http/jeton.ts'
import type { OptionsPage } from '../../../platform/http/page.ts'
import type { Compte } from '../../../accounts/roles.ts'
import { refuser } from '../../../accounts/http/garde.ts'
import { avecNavigation } from '../../../accounts/http/pages-communes.tsx'
import { acteurDe } from '../../../accounts/service.ts'
import { inscrire } from '../../../audit/journal.ts'
import { peutPiloter, territoireDeCle } from '../../acces.ts'
import { acteursAuChoix } from '../../acteurs/index.ts'
import { indicateursDuTerritoire } from '../../indicateurs/store.ts'
import { type Action, actionDeLaFeuille, type FeuilleComplete, feuilleComplete } from '../store.ts'

export const CHEMIN = '/pilotage/feuille-de-route'
export const ID = /^[1-9]\d{0,8}$/
export type Corps = Record<string, unknown>

const MESSAGES: Record<string, string> = {
  creee: 'La feuille de route est créée : ajoutez-lui des axes, puis des actions.',
  feuille: 'Le titre et la période de la feuille de route sont enregistrés.',
  axe: 'L’axe est ajouté.',
  renomme: 'L’axe est renommé.',
  deplace: 'L’ordre des axes est enregistré.',
  axe_supprime: 'L’axe et ses actions sont supprimés.',
  action: 'L’action est ajoutée.',
  modifiee: 'L’action est enregistrée.',
  avancement: 'L’avancement de l’action est mis à jour.',
  action_deplacee: 'L’action est déplacée dans son nouvel axe.',
  action_supprimee: 'L’action est supprimée.',
}

/** An actor that may own an action: id, name, commune. */
export interface ActeurAuChoix {
  id: number
  nom: string
  commune: string
}

export function contexte(db: Db) {
  const afficher = (request: FastifyRequest, reply: FastifyReply, page: OptionsPage) => reply.page(avecNavigation(page, request.compte as Compte, '/pilotage', jetonDuFormulaire(request, reply)))
  const message = (request: FastifyRequest) => MESSAGES[String((request.query as Record<string, unknown>).fait ?? '')]
  /**
   * A write and its audit line in one transaction (neither without the other): `faire` writes
   * through `tx`; `changements` says what changed, from its result (and `objetId`, the roadmap,
   * may be read from it: a new roadmap's id). Returns that result.
   */
  const ecrire = <T,>(request: FastifyRequest, action: string, objetId: number | ((resultat: T) => number), faire: (tx: Db) => Promise<T>, changements: (resultat: T) => Record<string, unknown>): Promise<T> =>
    db.transaction(async (tx) => {
      const resultat = await faire(tx)
      const objet = typeof objetId === 'number' ? objetId : objetId(resultat)
      await inscrire(tx, acteurDe(request.compte as Compte, request.ip), { action, objetType: 'feuille_de_route', objetId: objet, changements: changements(resultat) })
      return resultat
    })

  /** The roadmap of the URL if the account pilots its territory; else the answer already sent. */
  async function feuilleAutorisee(request: FastifyRequest, reply: FastifyReply, brut: string): Promise<FeuilleComplete | undefined> {
    if (!ID.test(brut)) return void (await reply.callNotFound())
    const feuille = await feuilleComplete(db, Number(brut))
    if (!feuille) return void (await reply.callNotFound())
    const territoire = territoireDeCle(feuille.territoire)
    if (!territoire || !peutPiloter(request.compte as Compte, territoire)) return void (await refuser(reply))
    return feuille
  }

  /** An axis of the roadmap; else 404 already sent. */
  async function axeDe(reply: FastifyReply, feuille: FeuilleComplete, brut: string) {
    const axe = ID.test(brut) ? feuille.axes.find((a) => a.id === Number(brut)) : undefined
    if (!axe) await reply.callNotFound()
    return axe
  }

  /** An action of the roadmap; else 404 already sent. */
  async function actionDe(reply: FastifyReply, feuille: FeuilleComplete, brut: string): Promise<Action | undefined> {
    const action = ID.test(brut) ? await actionDeLaFeuille(db, feuille.id, Number(brut)) : undefined
    if (!action) await reply.callNotFound()
    return action
  }

  const indicateursDe = async (cle: string) => (await indicateursDuTerritoire(db, cle)).map((i) => ({ id: i.id, libelle: i.libelle }))

  /** The published actors of the roadmap's territory, and the action's current owner and partners if they are no longer among them. */
  async function acteursDe(cle: string, action?: Action): Promise<ActeurAuChoix[]> {
    const territoire = territoireDeCle(cle)
    const liste: ActeurAuChoix[] = territoire ? await acteursAuChoix(db, [territoire], 0) : []
    const actuels = action ? [...(action.porteurActeur ? [action.porteurActeur] : []), ...action.partenairesActeurs] : []
    const absents = actuels.filter((a, i) => !liste.some((l) => l.id === a.id) && actuels.findIndex((x) => x.id === a.id) === i)
    return [...absents.map((a) => ({ ...a, commune: '' })), ...liste]
  }

  return { db, afficher, message, ecrire, feuilleAutorisee, axeDe, actionDe, indicateursDe, acteursDe }
}

export type Contexte = ReturnType<typeof contexte>

/** The actors as the owner check wants them: id → name. */
export const nomsDesActeurs = (acteurs: readonly ActeurAuChoix[]): Map<number, string> => new Map(acteurs.map((a) => [a.id, a.nom]))
