/**
 * A place's structure (`/espace/lieux/:uid/structure`): which organisation runs the place, its
 * other places, its name and SIRET, and attaching the place to the structure of another place
 * — the mediators of one structure may then share the beneficiaries whose consent allows it.
 * Whoever may edit the place may rename its structure; attaching it elsewhere also needs the
 * right to edit a place of the other structure (no one joins a structure they do not run).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Base } from '../../platform/db/database.ts'
import { accepterFormulaires, champ } from '../../platform/http/formulaires.ts'
import { jetonDuFormulaire } from '../../platform/http/jeton.ts'
import type { OptionsPage } from '../../platform/http/page.ts'
import { Bouton, ChampCache, ChampTexte, ListeDeroulante } from '../../platform/ui/formulaire.tsx'
import { refuser } from '../../accounts/http/garde.ts'
import { avecNavigation, Confirmation } from '../../accounts/http/pages-communes.tsx'
import { peutModifierLieu, type Compte } from '../../accounts/roles.ts'
import type { Comptes } from '../../accounts/service.ts'
import { inscrire } from '../../audit/journal.ts'
import { perimetre, situerLieu, type LieuDeLEspace } from '../../workspace/requetes.ts'
import { lieuAutorise } from '../../workspace/lieu-autorise.ts'
import { lieuxDeStructure, rattacherLieu, renommerStructure, structureDuLieu, structureParId, structuresAvecLieux } from '../store/structures.ts'

type Corps = Record<string, string | string[] | undefined>
const GERENT = ['administrateur', 'coordinateur', 'gestionnaire'] as const
const MESSAGES: Record<string, string> = { renommee: 'La structure est enregistrée.', rattache: 'Le lieu est rattaché à cette structure.' }

function pageStructure(p: {
  lieu: LieuDeLEspace
  structure: { id: number; nom: string; siret: string | null }
  lieux: Array<{ uid: number; nom: string; commune: string }>
  autres: Array<{ id: number; nom: string }>
  jeton: string
  message?: string | undefined
  erreur?: string | undefined
}): OptionsPage {
  return {
    titre: `Structure de ${p.lieu.nom}`,
    statut: p.erreur ? 400 : 200,
    contenu: (
      <>
        <Confirmation message={p.message} />
        <p>
          Une structure (association, commune, France Services…) peut tenir plusieurs lieux. Ses médiateurs peuvent partager le suivi des personnes qui l’ont accepté ; les coordinateurs ne voient jamais
          leur identité.
        </p>
        <h2>Lieux de la structure « {p.structure.nom} »</h2>
        <ul>
          {p.lieux.map((l) => (
            <li>
              {l.nom} — {l.commune}
            </li>
          ))}
        </ul>
        <form method="post" action={`/espace/lieux/${p.lieu.uid}/structure`}>
          <ChampCache nom="jeton" valeur={p.jeton} />
          <ChampCache nom="action" valeur="renommer" />
          <ChampTexte id="nom" nom="nom" libelle="Nom de la structure" valeur={p.structure.nom} erreur={p.erreur} longueurMax={200} />
          <ChampTexte id="siret" nom="siret" libelle="SIRET (facultatif, 14 chiffres)" valeur={p.structure.siret ?? ''} court longueurMax={17} />
          <Bouton>Enregistrer la structure</Bouton>
        </form>
        {p.autres.length > 0 && (
          <form method="post" action={`/espace/lieux/${p.lieu.uid}/structure`}>
            <h2>Rattacher ce lieu à une autre structure</h2>
            <ChampCache nom="jeton" valeur={p.jeton} />
            <ChampCache nom="action" valeur="rattacher" />
            <ListeDeroulante id="structure" nom="structure" libelle="Structure" options={p.autres.map((s) => ({ valeur: String(s.id), libelle: s.nom }))} />
            <Bouton secondaire>Rattacher le lieu</Bouton>
          </form>
        )}
        <p>
          <a href={`/espace/lieux/${p.lieu.uid}`}>Revenir à la fiche du lieu</a>
        </p>
      </>
    ),
  }
}

export function routesStructures(app: FastifyInstance, options: { base: Base; comptes: Comptes }): void {
  const db = options.base.db

  const lieuModifiable = (request: FastifyRequest<{ Params: { uid: string } }>, reply: FastifyReply) => lieuAutorise(db, request, reply, peutModifierLieu, ['publie'])

  const afficher = async (request: FastifyRequest, reply: FastifyReply, lieu: LieuDeLEspace, erreur?: string) => {
    const compte = request.compte as Compte
    const id = await structureDuLieu(db, lieu.uid)
    const structure = (await structureParId(db, id)) as { id: number; nom: string; siret: string | null }
    const autres = (await structuresAvecLieux(db, perimetre(compte))).filter((s) => s.id !== id)
    const message = MESSAGES[champ((request.query as Record<string, unknown>).fait, 20)]
    const page = pageStructure({ lieu, structure, lieux: await lieuxDeStructure(db, id), autres, jeton: jetonDuFormulaire(request, reply), message, erreur })
    return reply.page(avecNavigation(page, compte, '/espace/lieux', jetonDuFormulaire(request, reply)))
  }

  app.register(async (r) => {
    accepterFormulaires(r)
    r.get<{ Params: { uid: string } }>('/espace/lieux/:uid/structure', { config: { acces: GERENT } }, async (request, reply) => {
      const lieu = await lieuModifiable(request, reply)
      return lieu ? afficher(request, reply, lieu) : reply
    })

    r.post<{ Params: { uid: string }; Body: Corps }>('/espace/lieux/:uid/structure', { config: { acces: GERENT } }, async (request, reply) => {
      const lieu = await lieuModifiable(request, reply)
      if (!lieu) return reply
      const compte = request.compte as Compte
      const corps = request.body ?? {}
      const acteur = options.comptes.acteur(compte, request.ip)
      if (corps.action === 'rattacher') {
        const cible = Number(champ(corps.structure, 12))
        const membres = Number.isInteger(cible) ? await lieuxDeStructure(db, cible) : []
        const situes = await Promise.all(membres.map((m) => situerLieu(db, m.uid)))
        if (!situes.some((l) => l && peutModifierLieu(compte, l))) return refuser(reply)
        await rattacherLieu(db, lieu.uid, cible)
        await inscrire(db, acteur, { action: 'lieu.structure', objetType: 'lieu', objetId: lieu.uid, lieuUid: lieu.uid, changements: { structure: [null, cible] } })
        return reply.redirect(`/espace/lieux/${lieu.uid}/structure?fait=rattache`, 303)
      }
      const nom = champ(corps.nom, 200).trim()
      const siret = champ(corps.siret, 20).replace(/\s/g, '')
      if (nom === '') return afficher(request, reply, lieu, 'Veuillez indiquer le nom de la structure.')
      if (siret !== '' && !/^\d{14}$/.test(siret)) return afficher(request, reply, lieu, 'Le SIRET compte 14 chiffres.')
      await renommerStructure(db, await structureDuLieu(db, lieu.uid), nom, siret === '' ? null : siret)
      await inscrire(db, acteur, { action: 'lieu.structure', objetType: 'lieu', objetId: lieu.uid, lieuUid: lieu.uid, changements: { nom_structure: nom } })
      return reply.redirect(`/espace/lieux/${lieu.uid}/structure?fait=renommee`, 303)
    })
  })
}
