/**
 * The place named in a workspace address (`:uid`) when the signed-in account may act on it by
 * `regle`; otherwise the reply is sent — 404 for an unknown place or one not in `statuts`, 403
 * when the rule refuses — and `undefined` returned. Shared by every route on a place.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../platform/db/database.ts'
import { refuser } from '../accounts/http/garde.ts'
import type { Compte, LieuSitue } from '../accounts/roles.ts'
import { situerLieu, type LieuDeLEspace } from './requetes.ts'

export async function lieuAutorise(
  db: Db,
  request: FastifyRequest<{ Params: { uid: string } }>,
  reply: FastifyReply,
  regle: (compte: Compte, lieu: LieuSitue) => boolean,
  statuts: readonly string[] = ['publie', 'a_valider'],
): Promise<LieuDeLEspace | undefined> {
  const uid = /^[1-9]\d{0,14}$/.test(request.params.uid) ? Number(request.params.uid) : undefined
  const lieu = uid === undefined ? undefined : await situerLieu(db, uid)
  if (!lieu || !statuts.includes(lieu.statut)) {
    await reply.callNotFound()
    return undefined
  }
  if (!regle(request.compte as Compte, lieu)) {
    await refuser(reply)
    return undefined
  }
  return lieu
}
