/**
 * Coordinators' actions on places: handling a « Signaler une erreur » report (nouveau, en
 * cours, corrigé, rejeté, with an answer kept for the record) and sending an update reminder to
 * the managers of a place not updated for 6 months (at most one a week per place). Each is
 * written to the audit log.
 */
import { eq } from 'drizzle-orm'
import type { Base } from '../platform/db/database.ts'
import { signalements } from '../platform/db/schema.ts'
import { derniereAction, inscrire, type Acteur } from '../audit/journal.ts'
import { deposerCourriel } from '../mail/boite.ts'
import { gestionnairesDuLieu } from '../accounts/store/comptes.ts'
import { STATUTS_SIGNALEMENT, type StatutSignalement } from './requetes.ts'

export async function traiterSignalement(base: Base, acteur: Acteur, id: number, statut: StatutSignalement, reponse: string): Promise<boolean> {
  return base.db.transaction(async (tx) => {
    const [avant] = await tx.select().from(signalements).where(eq(signalements.id, id)).for('update')
    if (!avant) return false
    await tx
      .update(signalements)
      .set({ statut, reponse: reponse || avant.reponse, traitePar: acteur.id, traiteLe: new Date() })
      .where(eq(signalements.id, id))
    await inscrire(tx, acteur, {
      action: 'signalement.statut',
      objetType: 'signalement',
      objetId: id,
      lieuUid: avant.lieuUid,
      changements: { statut: [STATUTS_SIGNALEMENT[avant.statut as StatutSignalement] ?? avant.statut, STATUTS_SIGNALEMENT[statut]], ...(reponse ? { reponse } : {}) },
    })
    return true
  })
}

export const DELAI_ENTRE_RAPPELS_MS = 7 * 24 * 60 * 60_000

export type ResultatRappel = { type: 'envoye'; destinataires: number } | { type: 'sans_gestionnaire' } | { type: 'trop_tot'; depuis: Date }

export async function envoyerRappel(
  base: Base,
  acteur: Acteur,
  lieu: { uid: number; nom: string; dateMaj: string },
  options: { urlPublique: string; nomTerritoire: string; courrielDepose?: () => void },
): Promise<ResultatRappel> {
  const resultat = await base.db.transaction(async (tx): Promise<ResultatRappel> => {
    const depuis = await derniereAction(tx, lieu.uid, 'lieu.rappel')
    if (depuis && Date.now() - depuis.getTime() < DELAI_ENTRE_RAPPELS_MS) return { type: 'trop_tot', depuis }
    const gestionnaires = await gestionnairesDuLieu(tx, lieu.uid)
    if (gestionnaires.length === 0) return { type: 'sans_gestionnaire' }
    for (const g of gestionnaires) {
      await deposerCourriel(tx, {
        destinataire: g.courriel,
        sujet: `Merci de vérifier la fiche de ${lieu.nom}`,
        texte: [
          `Bonjour${g.nom ? ` ${g.nom}` : ''},`,
          '',
          `La fiche de « ${lieu.nom} » n’a pas été mise à jour depuis le ${lieu.dateMaj.split('-').reverse().join('/')}. Les personnes qui cherchent de l’aide s’y fient : horaires, téléphone, services proposés.`,
          '',
          'Pourriez-vous la vérifier et l’enregistrer, même sans rien changer ? Cela prend deux minutes :',
          `${options.urlPublique}/espace/lieux/${lieu.uid}`,
          '',
          `Merci, et bonne journée.`,
          `L’équipe de coordination — ${options.nomTerritoire}`,
        ].join('\n'),
      })
    }
    await inscrire(tx, acteur, { action: 'lieu.rappel', objetType: 'lieu', objetId: lieu.uid, lieuUid: lieu.uid, changements: { destinataires: gestionnaires.length } })
    return { type: 'envoye', destinataires: gestionnaires.length }
  })
  if (resultat.type === 'envoye') options.courrielDepose?.()
  return resultat
}

export interface BilanRappels {
  /** Places whose managers were reminded. */
  lieux: number
  destinataires: number
  /** Places without any manager (invite one from the place's page). */
  sansGestionnaire: number
  /** Places reminded less than a week ago. */
  tropTot: number
}

/** Reminds the managers of each given place (the stale places of a coordinator's scope), each with the weekly limit. */
export async function envoyerRappels(
  base: Base,
  acteur: Acteur,
  lieux: ReadonlyArray<{ uid: number; nom: string; dateMaj: string }>,
  options: { urlPublique: string; nomTerritoire: string; courrielDepose?: () => void },
): Promise<BilanRappels> {
  const bilan: BilanRappels = { lieux: 0, destinataires: 0, sansGestionnaire: 0, tropTot: 0 }
  for (const lieu of lieux) {
    const { courrielDepose: _signaler, ...sansSignal } = options
    const r = await envoyerRappel(base, acteur, lieu, sansSignal)
    if (r.type === 'envoye') {
      bilan.lieux++
      bilan.destinataires += r.destinataires
    } else if (r.type === 'sans_gestionnaire') bilan.sansGestionnaire++
    else bilan.tropTot++
  }
  if (bilan.destinataires > 0) options.courrielDepose?.()
  return bilan
}
