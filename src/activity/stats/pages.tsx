/**
 * The statistics page of the workspace (`/espace/statistiques`): the scope (mine, my places, my
 * territory…), a filter form sent by GET (no JavaScript), the general figures, then each block
 * as a server-drawn chart with its table, and the export links carrying the same filters.
 * Aggregates only: no beneficiary is ever named here.
 */
import type { OptionsPage } from '../../platform/http/page.ts'
import { Bandeau, ResumeErreurs } from '../../platform/ui/avis.tsx'
import { ListeDescriptions } from '../../platform/ui/donnees.tsx'
import { Bouton, CasesACocher, ListeDeroulante } from '../../platform/ui/formulaire.tsx'
import { nombreFrancais } from '../../platform/ui/graphiques/histogramme.ts'
import { THEMATIQUES, THEMATIQUES_DEMARCHE, TYPES_ACTIVITE } from '../domain/vocabulaire.ts'
import { BlocRepartition, BlocSeries, NOTE_ATELIERS_PAGE } from './composants.tsx'
import { dateFrancaise } from './export.ts'
import { type ErreurFiltre, type Filtres, requeteDesFiltres } from './filtres.ts'
import type { PerimetreCompte } from './perimetres.ts'
import type { CleRepartition, Statistiques } from './presentation.ts'
import type { TableauDeBord } from './tableau-de-bord.ts'

export interface PropsPageStatistiques {
  tableau: TableauDeBord
  filtres: Filtres
  erreurs: readonly ErreurFiltre[]
  perimetres: readonly PerimetreCompte[]
  perimetre: PerimetreCompte
}

const n = nombreFrancais

function ChampDate({ id, libelle, valeur, erreur }: { id: string; libelle: string; valeur: string; erreur?: string | undefined }) {
  return (
    <div class={erreur !== undefined ? 'champ champ-en-erreur' : 'champ'}>
      <label for={id}>{libelle}</label>
      {erreur !== undefined && (
        <span class="message-erreur" id={`${id}-erreur`}>
          <span class="visuellement-cache">Erreur : </span>
          {erreur}
        </span>
      )}
      <input type="date" id={id} name={id} value={valeur} min="2020-01-01" aria-invalid={erreur !== undefined ? 'true' : undefined} aria-describedby={erreur !== undefined ? `${id}-erreur` : undefined} />
    </div>
  )
}

function FormulaireFiltres({ tableau, filtres, erreurs, perimetres, perimetre }: PropsPageStatistiques) {
  const { choix } = tableau
  const periode = tableau.statistiques.periode
  const erreur = (champ: string) => erreurs.find((e) => e.champ === champ)?.message
  const thematiques = [
    ...THEMATIQUES.map((t) => ({ valeur: t.valeur, libelle: t.libelle })),
    ...THEMATIQUES_DEMARCHE.map((t) => ({ valeur: t.valeur, libelle: `Démarche : ${t.libelle}` })),
  ]
  return (
    <form method="get" action="/espace/statistiques" class="recherche" aria-label="Filtrer les statistiques">
      {perimetres.length > 1 && (
        <ListeDeroulante id="perimetre" nom="perimetre" libelle="Périmètre" valeur={perimetre.cle} options={perimetres.map((p) => ({ valeur: p.cle, libelle: p.libelle }))} />
      )}
      <ChampDate id="du" libelle="Du" valeur={periode.du} erreur={erreur('du')} />
      <ChampDate id="au" libelle="Au" valeur={periode.au} erreur={erreur('au')} />
      <CasesACocher
        id="types"
        nom="types"
        legende="Type d’activité"
        aide="Aucune case cochée : les deux types."
        enLigne
        options={TYPES_ACTIVITE.map((t) => ({ valeur: t.valeur, libelle: t.libelle }))}
        valeurs={filtres.types ?? []}
      />
      {perimetre.role !== 'mediateur' && choix.mediateurs.length > 0 && (
        <ListeDeroulante id="mediateur" nom="mediateur" libelle="Médiateur" optionVide="Tous les médiateurs" valeur={filtres.mediateur?.toString()} options={choix.mediateurs} />
      )}
      {choix.lieux.length > 0 && <ListeDeroulante id="lieu" nom="lieu" libelle="Lieu d’activité" optionVide="Tous les lieux" valeur={filtres.lieu?.toString()} options={choix.lieux} />}
      {choix.communes.length > 0 && (
        <ListeDeroulante id="commune" nom="commune" libelle="Commune" optionVide="Toutes les communes" valeur={filtres.commune} options={choix.communes} erreur={erreur('commune')} />
      )}
      <ListeDeroulante id="thematique" nom="thematique" libelle="Thématique" optionVide="Toutes les thématiques" valeur={filtres.thematique} options={thematiques} />
      <Bouton>Afficher les statistiques</Bouton>
    </form>
  )
}

function ChiffresGeneraux({ s }: { s: Statistiques }) {
  return (
    <section aria-labelledby="titre-generales">
      <h2 id="titre-generales">Statistiques générales</h2>
      <ListeDescriptions
        elements={[
          { terme: 'Accompagnements', definition: `${n(s.accompagnements.total)} (${n(s.accompagnements.individuels)} individuels, ${n(s.accompagnements.collectifs)} en ateliers collectifs)` },
          { terme: 'Bénéficiaires accompagnés', definition: `${n(s.beneficiaires.total)}, dont ${n(s.beneficiaires.nouveaux)} nouveaux (${n(s.beneficiaires.suivis)} bénéficiaires suivis, ${n(s.beneficiaires.anonymes)} anonymes)` },
          { terme: 'Activités', definition: `${n(s.activites.total)} (${n(s.activites.individuelles)} accompagnements individuels, ${n(s.activites.collectives)} ateliers collectifs pour ${n(s.activites.participantsAteliers)} participants)` },
        ]}
      />
      <p class="aide">{NOTE_ATELIERS_PAGE}</p>
      <p class="aide">
        Un bénéficiaire anonyme compte comme nouveau sauf si « déjà accompagné » a été coché ; un bénéficiaire suivi est nouveau quand son premier accompagnement est dans la période.
      </p>
    </section>
  )
}

const BLOCS_ACCOMPAGNEMENTS: ReadonlyArray<[CleRepartition, string?]> = [
  ['type'],
  ['thematique', 'Un accompagnement peut avoir plusieurs thématiques : les parts sont celles des mentions.'],
  ['demarche'],
  ['materiel'],
  ['canal'],
  ['duree'],
  ['autonomie'],
  ['niveau'],
  ['redirection'],
  ['lieux'],
  ['communes'],
]
const BLOCS_BENEFICIAIRES: readonly CleRepartition[] = ['genre', 'age', 'statut', 'residence']
const LONGUES: ReadonlySet<CleRepartition> = new Set(['lieux', 'communes', 'residence'])

export function pageStatistiques(p: PropsPageStatistiques): OptionsPage {
  const s = p.tableau.statistiques
  const requete = requeteDesFiltres({ ...p.filtres, du: s.periode.du, au: s.periode.au }, { perimetre: p.perimetre.cle })
  return {
    titre: 'Statistiques',
    titreDocument: `Statistiques — ${p.perimetre.libelle}`,
    enErreur: p.erreurs.length > 0,
    chapo: (
      <p>
        {p.perimetre.libelle}, du {dateFrancaise(s.periode.du)} au {dateFrancaise(s.periode.au)}.
      </p>
    ),
    contenu: (
      <>
        <ResumeErreurs erreurs={p.erreurs.map((e) => ({ message: e.message, champ: e.champ }))} />
        <FormulaireFiltres {...p} />
        {s.source === 'activites' && (
          <Bandeau>
            <p>Cette période ne commence pas un premier du mois, ne finit pas un dernier du mois, ou une thématique est choisie : les chiffres sont recalculés à partir des activités elles-mêmes, avec les mêmes règles.</p>
          </Bandeau>
        )}
        <ChiffresGeneraux s={s} />
        <h2>Exporter</h2>
        <ul>
          <li>
            <a href={`/espace/statistiques.xlsx${requete}`}>Statistiques au format tableur (XLSX)</a> ou <a href={`/espace/statistiques.csv${requete}`}>en CSV</a>
          </li>
          <li>
            <a href={`/espace/activites.xlsx${requete}`}>Liste des activités (XLSX)</a> ou <a href={`/espace/activites.csv${requete}`}>en CSV</a>, sans l’identité des bénéficiaires
          </li>
        </ul>
        <h2>Nombre d’accompagnements</h2>
        <BlocSeries statistiques={s} />
        <h2>Statistiques sur les accompagnements</h2>
        <p class="aide">Les répartitions comptent les accompagnements : un atelier de 10 participants compte 10 fois dans chacune de ses thématiques, son matériel, son canal et sa durée.</p>
        {BLOCS_ACCOMPAGNEMENTS.map(([cle, note]) => (
          <BlocRepartition id={`repartition-${cle}`} repartition={s.repartitions[cle]} longue={LONGUES.has(cle)} {...(note !== undefined && { note })} />
        ))}
        <h2>Statistiques sur les bénéficiaires</h2>
        <p class="aide">Chaque bénéficiaire compte une fois : les anonymes selon ce qui a été saisi, les bénéficiaires suivis distincts selon leur fiche (âge calculé d’après l’année de naissance).</p>
        {BLOCS_BENEFICIAIRES.map((cle) => (
          <BlocRepartition id={`repartition-${cle}`} repartition={s.repartitions[cle]} longue={LONGUES.has(cle)} />
        ))}
      </>
    ),
  }
}

/** An account without any scope of statistics. */
export function pageSansPerimetre(): OptionsPage {
  return {
    titre: 'Statistiques',
    statut: 403,
    contenu: <p>Votre compte n’est rattaché à aucun lieu ni territoire : il n’y a pas de statistiques à vous montrer. Demandez à votre coordinateur de vous donner un rôle.</p>,
  }
}
