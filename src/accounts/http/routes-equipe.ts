/**
 * `/espace/equipe`: the accounts with a role in my scope (administrators see every account),
 * inviting a coordinator (an administrator: any territory, or an administrator; a coordinator:
 * a part of their territory), removing a role given in my scope. Managers and mediators of a
 * place are invited from the place's page (workspace).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { eq } from 'drizzle-orm'
import type { Base } from '../../platform/db/database.ts'
import { habilitations } from '../../platform/db/schema.ts'
import { lieuxSitues } from '../../places/registry/queries.ts'
import { accepterFormulaires, champ } from '../../platform/http/formulaires.ts'
import { jetonDuFormulaire } from '../../platform/http/jeton.ts'
import { inscrire } from '../../audit/journal.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { lireTerritoire, TerritoireInconnuError, type Territoire } from '../../territories/territoire.ts'
import { coordonneLieu, estAdministrateur, peutAttribuer, territoiresDe, contientTerritoire, type Compte } from '../roles.ts'
import type { Comptes } from '../service.ts'
import { codeTerritoire, listerComptes, retirerRole } from '../store/comptes.ts'
import { refuser } from './garde.ts'
import { avecNavigation, pageTropDEssais } from './pages-communes.tsx'
import { pageEquipe } from './pages-administration.tsx'

type Corps = Record<string, unknown>
const MESSAGES: Record<string, string> = { invite: 'L’invitation est envoyée.', retire: 'Le rôle est retiré.' }

export function routesEquipe(app: FastifyInstance, options: { base: Base; comptes: Comptes }): void {
  const { base, comptes } = options
  const db = base.db
  const config = { acces: ['administrateur', 'coordinateur'] as const }

  /** The accounts a coordinator sees: those with a role on a place or a territory of theirs. */
  const comptesVisibles = (compte: Compte) =>
    estAdministrateur(compte)
      ? listerComptes(db)
      : listerComptes(db, (h, lieu) => (lieu ? coordonneLieu(compte, { uid: h.lieuUid ?? 0, ...lieu }) : h.territoire !== null && territoiresDe(compte).some((t) => contientTerritoire(t, h.territoire as Territoire, referentiel()))))

  const afficher = async (request: FastifyRequest, reply: FastifyReply, erreurs: Array<{ champ: string; message: string }>, valeurs: Record<string, string>) => {
    const compte = request.compte as Compte
    const jeton = jetonDuFormulaire(request, reply)
    const page = pageEquipe({ compte, comptes: await comptesVisibles(compte), jeton, erreurs, valeurs, message: MESSAGES[champ((request.query as Record<string, unknown>).fait, 20)] })
    return reply.page(avecNavigation(page, compte, '/espace/equipe', jeton))
  }

  app.register(async (r) => {
    accepterFormulaires(r)
    r.get('/espace/equipe', { config }, async (request, reply) => afficher(request, reply, [], {}))

    r.post<{ Body: Corps }>('/espace/equipe/inviter', { config }, async (request, reply) => {
      const compte = request.compte as Compte
      const corps = request.body ?? {}
      const valeurs = { courriel: champ(corps.courriel, 254), nom: champ(corps.nom, 200), role: champ(corps.role, 20), territoire: champ(corps.territoire, 200) }
      const admin = valeurs.role === 'administrateur' && estAdministrateur(compte)
      let territoire: Territoire | undefined
      if (!admin) {
        try {
          territoire = lireTerritoire(valeurs.territoire, referentiel())
        } catch (erreur) {
          if (!(erreur instanceof TerritoireInconnuError)) throw erreur
          return afficher(request, reply, [{ champ: 'territoire', message: valeurs.territoire.trim() ? erreur.message : 'Indiquez le territoire que cette personne coordonnera.' }], valeurs)
        }
      }
      const attribution = admin || !territoire ? ({ role: 'administrateur' } as const) : ({ role: 'coordinateur', territoire } as const)
      if (!peutAttribuer(compte, attribution, referentiel())) {
        return afficher(request, reply, [{ champ: 'territoire', message: 'Vous ne pouvez inviter un coordinateur que pour une partie de votre propre territoire.' }], valeurs)
      }
      const resultat = await comptes.inviter(
        comptes.acteur(compte, request.ip),
        { courriel: valeurs.courriel, nom: valeurs.nom },
        attribution.role === 'administrateur' ? { role: 'administrateur' } : { role: 'coordinateur', territoire: codeTerritoire(attribution.territoire) },
        attribution.role === 'administrateur' ? '' : attribution.territoire.nom,
      )
      if (resultat.type === 'attente') return reply.header('retry-after', String(resultat.secondes)).page(pageTropDEssais(resultat.secondes, '/espace/equipe'))
      if (resultat.type === 'erreurs') return afficher(request, reply, resultat.erreurs, valeurs)
      return reply.redirect('/espace/equipe?fait=invite', 303)
    })

    r.post<{ Params: { id: string } }>('/espace/equipe/roles/:id/retirer', { config }, async (request, reply) => {
      const compte = request.compte as Compte
      if (!/^\d{1,9}$/.test(request.params.id)) return reply.callNotFound()
      const [h] = await db.select().from(habilitations).where(eq(habilitations.id, Number(request.params.id)))
      if (!h) return reply.callNotFound()
      let permis = estAdministrateur(compte)
      if (!permis && h.role !== 'administrateur' && h.utilisateurId !== compte.id) {
        if (h.lieuUid !== null) {
          const [lieu] = await lieuxSitues(db, [h.lieuUid])
          permis = lieu !== undefined && coordonneLieu(compte, lieu)
        } else if (h.territoire) {
          const t = lireTerritoire(h.territoire, referentiel())
          permis = territoiresDe(compte).some((mien) => contientTerritoire(mien, t, referentiel()) && !(mien.type === t.type && mien.code === t.code))
        }
      }
      if (!permis || (h.utilisateurId === compte.id && h.role === 'administrateur')) return refuser(reply)
      await retirerRole(db, h.id)
      await inscrire(db, comptes.acteur(compte, request.ip), {
        action: 'compte.role_retire',
        objetType: 'compte',
        objetId: h.utilisateurId,
        lieuUid: h.lieuUid,
        changements: { role: h.role, ...(h.territoire ? { territoire: h.territoire } : {}) },
      })
      return reply.redirect('/espace/equipe?fait=retire', 303)
    })
  })
}
