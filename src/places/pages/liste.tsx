/**
 * The list of published places (GET `/lieux`): search form, count, results with their
 * services as tags, pagination. Everything the reader chose is in the URL.
 */
import type { OptionsPage } from '../../platform/http/page.ts'
import { Bandeau, ResumeErreurs } from '../../platform/ui/avis.tsx'
import { Etiquettes } from '../../platform/ui/donnees.tsx'
import { Pagination } from '../../platform/ui/navigation.tsx'
import type { LigneLieu } from '../registry/rows.ts'
import type { Territoire } from '../../territories/territoire.ts'
import { compte, nombre, serviceCourt } from './format.ts'
import { FormulaireRecherche } from './recherche.tsx'

export const PAR_PAGE = 20

/** « texte », with the non-breaking spaces French typography puts inside quotes. */
const guillemets = (texte: string): string => `«\u00a0${texte}\u00a0»`

export interface EtatListe {
  q: string
  /** As typed. */
  territoire: string
  page: number
}

/** URL of the list with this state; empty values and page 1 are left out. */
export function urlListe({ q, territoire, page }: EtatListe): string {
  const parametres = new URLSearchParams()
  if (q) parametres.set('q', q)
  if (territoire) parametres.set('territoire', territoire)
  if (page > 1) parametres.set('page', String(page))
  const texte = parametres.toString()
  return texte ? `/lieux?${texte}` : '/lieux'
}

const LIBELLES_TERRITOIRE: Record<Territoire['type'], string> = {
  commune: 'commune',
  departement: 'département',
  region: 'région',
  epci: 'intercommunalité',
}

export interface DonneesListe {
  etat: EtatListe
  territoire?: Territoire | undefined
  erreurTerritoire?: string | undefined
  total: number
  lieux: readonly LigneLieu[]
}

function Resultat({ lieu }: { lieu: LigneLieu }) {
  return (
    <li>
      <h3>
        <a href={`/lieux/${lieu.uid}`}>{lieu.nom}</a>
      </h3>
      <p>
        {lieu.code_postal} {lieu.commune}
      </p>
      <Etiquettes elements={lieu.services.map(serviceCourt)} libelle="Services" />
    </li>
  )
}

function Resultats({ etat, territoire, total, lieux }: DonneesListe) {
  const pages = Math.max(1, Math.ceil(total / PAR_PAGE))
  const filtre = etat.q || territoire
  if (total === 0) {
    return (
      <>
        <h2>Aucun lieu trouvé</h2>
        <p>
          {etat.q ? <>Aucun lieu ne correspond à {guillemets(etat.q)}</> : 'Aucun lieu ne correspond à cette recherche'}
          {territoire && <> dans {territoire.nom}</>}.
        </p>
        <p>Vérifiez l'orthographe, ou essayez le nom de la commune ou son code postal.</p>
        {filtre && (
          <p>
            <a href="/lieux">Voir tous les lieux</a>
          </p>
        )}
      </>
    )
  }
  return (
    <>
      <h2>
        {compte(total, filtre ? 'lieu trouvé' : 'lieu', filtre ? 'lieux trouvés' : 'lieux')}
        {etat.q && <> pour {guillemets(etat.q)}</>}
        {territoire && (
          <>
            {' '}
            dans {territoire.nom} ({LIBELLES_TERRITOIRE[territoire.type]})
          </>
        )}
      </h2>
      {pages > 1 && (
        <p class="discret">
          Page {nombre(etat.page)} sur {nombre(pages)}
        </p>
      )}
      <ul class="resultats">
        {lieux.map((lieu) => (
          <Resultat lieu={lieu} />
        ))}
      </ul>
      <Pagination page={etat.page} pages={pages} lien={(n) => urlListe({ ...etat, page: n })} />
    </>
  )
}

export function pageListe(donnees: DonneesListe): OptionsPage {
  const { etat, erreurTerritoire } = donnees
  const titre = 'Lieux de médiation numérique'
  const precisions = [etat.q && guillemets(etat.q), etat.page > 1 && `page ${etat.page}`].filter(Boolean).join(', ')
  return {
    titre,
    titreDocument: precisions ? `${titre} (${precisions})` : titre,
    enErreur: erreurTerritoire !== undefined,
    statut: erreurTerritoire !== undefined ? 400 : 200,
    fil: [{ libelle: 'Accueil', lien: '/' }, { libelle: titre }],
    contenu: (
      <>
        {erreurTerritoire !== undefined && <ResumeErreurs erreurs={[{ message: erreurTerritoire, champ: 'territoire' }]} />}
        <FormulaireRecherche q={etat.q} territoire={etat.territoire} erreurTerritoire={erreurTerritoire} />
        {erreurTerritoire === undefined ? (
          <Resultats {...donnees} />
        ) : (
          <Bandeau>
            <p>Corrigez le territoire, ou videz ce champ pour chercher partout.</p>
          </Bandeau>
        )}
      </>
    ),
  }
}
