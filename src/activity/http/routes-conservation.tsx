/**
 * `/admin/conservation`, for administrators: the retention rules in force (from the
 * environment, La Coop's defaults) and the last run of the daily job with its bilan — how many
 * identities, notes and shared referral details were erased. Read only: the job runs by itself
 * (and by `aiguillage conservation appliquer`).
 */
import type { FastifyInstance } from 'fastify'
import type { Db } from '../../platform/db/database.ts'
import { jetonDuFormulaire } from '../../platform/http/jeton.ts'
import type { OptionsPage } from '../../platform/http/page.ts'
import { ListeDescriptions } from '../../platform/ui/donnees.tsx'
import { formaterDate } from '../../workspace/format.ts'
import { avecNavigation } from '../../accounts/http/pages-communes.tsx'
import type { Compte } from '../../accounts/roles.ts'
import { dureeLisible, VARIABLES_CONSERVATION, type ReglesConservation } from '../domain/conservation.ts'
import { derniereExecution, type DerniereExecution } from '../store/tache-quotidienne.ts'

export const CHEMIN_CONSERVATION = '/admin/conservation'

export function pageConservation(regles: ReglesConservation, derniere: DerniereExecution | undefined): OptionsPage {
  return {
    titre: 'Conservation des données personnelles',
    chapo: (
      <p>
        Chaque jour, Aiguillage efface les données personnelles arrivées au bout de leur durée de conservation. Les activités et les données socio-démographiques restent,
        anonymes, dans les statistiques.
      </p>
    ),
    contenu: (
      <>
        <h2>Règles en vigueur</h2>
        <ListeDescriptions
          elements={VARIABLES_CONSERVATION.map(([cle, variable, quoi, depuis]) => ({
            terme: quoi,
            definition: (
              <>
                effacées {dureeLisible(regles[cle])} après {depuis}
                <br />
                <span class="discret">
                  variable <code>{variable}</code>
                </span>
              </>
            ),
          }))}
        />
        <h2>Dernière exécution</h2>
        {derniere ? (
          <>
            <p>Le {formaterDate(derniere.quand)}.</p>
            {derniere.bilan && (
              <ul>
                <li>{derniere.bilan.identites} identité(s) de bénéficiaires effacée(s)</li>
                <li>{derniere.bilan.notes} activité(s) dont les notes ont été effacées</li>
                <li>{derniere.bilan.orientations} orientation(s) dont les informations partagées ont été effacées</li>
              </ul>
            )}
          </>
        ) : (
          <p>La tâche quotidienne n’a pas encore tourné. Elle tourne une minute après le démarrage du serveur, puis une fois par jour ; pour la lancer tout de suite : <code>aiguillage conservation appliquer</code>.</p>
        )}
      </>
    ),
  }
}

export function routesConservation(app: FastifyInstance, options: { db: Db; regles: ReglesConservation }): void {
  app.get(CHEMIN_CONSERVATION, { config: { acces: ['administrateur'] } }, async (request, reply) => {
    const page = pageConservation(options.regles, await derniereExecution(options.db))
    return reply.page(avecNavigation(page, request.compte as Compte, CHEMIN_CONSERVATION, jetonDuFormulaire(request, reply)))
  })
}
