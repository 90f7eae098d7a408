/**
 * The mediator's pages for followed beneficiaries: the list (search by name), a new file, a
 * file (consent, socio-demographic data, identity, history of accompaniments, edit form) and
 * the confirmation of an erasure, which says what stays in the statistics. The readable export
 * of the person's data: ./page-export-beneficiaire.tsx.
 */
import type { OptionsPage } from '../../platform/http/page.ts'
import { Bandeau } from '../../platform/ui/avis.tsx'
import { ListeDescriptions, TableauDefilant } from '../../platform/ui/donnees.tsx'
import { Bouton, ChampCache, ChampTexte } from '../../platform/ui/formulaire.tsx'
import { Pagination } from '../../platform/ui/navigation.tsx'
import { telephoneLisible } from '../../places/pages/format.ts'
import { formaterDate } from '../../workspace/format.ts'
import { Confirmation } from '../../accounts/http/pages-communes.tsx'
import { PORTEES_CONSENTEMENT, RECUEILS_CONSENTEMENT } from '../domain/acces.ts'
import { dureeLisible, type ReglesConservation } from '../domain/conservation.ts'
import { GENRES, libelle, STATUTS_SOCIAUX, THEMATIQUES, TRANCHES_AGE, TYPES_ACTIVITE } from '../domain/vocabulaire.ts'
import type { BeneficiaireListe, FicheBeneficiaire } from '../store/beneficiaires.ts'
import type { Accompagnement } from '../store/beneficiaires-donnees.ts'
import { libelleDuree } from './formulaire-activite.ts'
import { FormulaireBeneficiaire, type PropsFormulaireBeneficiaire } from './formulaire-beneficiaire.tsx'

export const CHEMIN_BENEFICIAIRES = '/espace/beneficiaires'
export const FIL = { libelle: 'Bénéficiaires', lien: CHEMIN_BENEFICIAIRES }
export const nomComplet = (b: { prenom: string | null; nom: string | null }) => `${b.prenom ?? ''} ${b.nom ?? ''}`.trim()
const JOUR_MS = 24 * 60 * 60 * 1000

export function pageBeneficiaires(p: { liste: readonly BeneficiaireListe[]; total: number; q: string; page: number; pages: number; sansLieu: boolean; commune: (code: string) => string; message?: string | undefined }): OptionsPage {
  const lien = (n: number) => `${CHEMIN_BENEFICIAIRES}?${p.q ? `q=${encodeURIComponent(p.q)}&` : ''}page=${n}`
  return {
    titre: 'Bénéficiaires suivis',
    titreDocument: `Bénéficiaires suivis${p.q ? ` — « ${p.q} »` : ''}${p.page > 1 ? ` — page ${p.page}` : ''}`,
    chapo: <p>Les personnes suivies avec leur accord. Un accompagnement reste anonyme par défaut : ne créez une fiche que si la personne le souhaite.</p>,
    contenu: (
      <>
        <Confirmation message={p.message} />
        {p.sansLieu ? (
          <p>Votre compte n’est rattaché à aucun lieu d’activité : demandez au coordinateur ou au gestionnaire de votre lieu de vous y inviter comme médiateur.</p>
        ) : (
          <p>
            <a class="bouton" href={`${CHEMIN_BENEFICIAIRES}/nouveau`}>
              Ajouter un bénéficiaire suivi
            </a>
          </p>
        )}
        <form method="get" action={CHEMIN_BENEFICIAIRES} class="recherche" aria-label="Chercher un bénéficiaire">
          <ChampTexte id="q" nom="q" type="search" libelle="Prénom ou nom" valeur={p.q} />
          <Bouton secondaire>Chercher</Bouton>
        </form>
        <p role="status">{p.total === 0 ? (p.q ? 'Aucun bénéficiaire ne correspond à cette recherche.' : 'Aucun bénéficiaire suivi pour le moment.') : `${p.total} bénéficiaire${p.total > 1 ? 's' : ''} suivi${p.total > 1 ? 's' : ''}`}</p>
        {p.liste.length > 0 && (
          <TableauDefilant
            legende="Bénéficiaires suivis"
            legendeCachee
            entetes={['Nom', 'Année de naissance', 'Commune de résidence', 'Mise à jour']}
            lignes={p.liste.map((b) => ({
              entete: <a href={`${CHEMIN_BENEFICIAIRES}/${b.id}`}>{`${b.nom} ${b.prenom}`}</a>,
              cellules: [b.anneeNaissance ?? '—', b.communeResidence ? p.commune(b.communeResidence) : '—', formaterDate(b.misAJourLe)],
            }))}
          />
        )}
        <Pagination page={p.page} pages={p.pages} lien={lien} />
      </>
    ),
  }
}

export type FormulaireDePage = Omit<PropsFormulaireBeneficiaire, 'titreBouton' | 'action'>

export function pageNouveauBeneficiaire(f: FormulaireDePage): OptionsPage {
  return {
    titre: 'Nouveau bénéficiaire suivi',
    enErreur: f.erreurs.length > 0,
    statut: f.erreurs.length > 0 ? 400 : 200,
    fil: [FIL, { libelle: 'Nouveau' }],
    contenu: <FormulaireBeneficiaire {...f} action={`${CHEMIN_BENEFICIAIRES}/nouveau`} titreBouton="Enregistrer la fiche" />,
  }
}

function Historique({ accompagnements }: { accompagnements: readonly Accompagnement[] }) {
  if (accompagnements.length === 0) return <p>Aucun accompagnement enregistré pour cette personne.</p>
  return (
    <TableauDefilant
      legende="Accompagnements de la personne"
      legendeCachee
      entetes={['Date', 'Type', 'Durée', 'Thématiques', 'Lieu']}
      lignes={accompagnements.map((a) => ({
        entete: (
          <>
            {formaterDate(a.date)}
            {a.premier && <span class="discret"> (premier)</span>}
          </>
        ),
        cellules: [libelle(TYPES_ACTIVITE, a.type) ?? a.type, libelleDuree(a.duree), a.thematiques.map((t) => libelle(THEMATIQUES, t) ?? t).join(', '), a.lieu ?? '—'],
      }))}
    />
  )
}

export interface DonneesFiche {
  fiche: FicheBeneficiaire
  structure: string
  commune: string | null
  accompagnements: readonly Accompagnement[]
  formulaire: FormulaireDePage
  message?: string | undefined
}

export function pageFicheBeneficiaire(d: DonneesFiche): OptionsPage {
  const { fiche: b, formulaire: f } = d
  const effacement = new Date(b.misAJourLe.getTime() + f.regles.identitesJours * JOUR_MS)
  const chemin = `${CHEMIN_BENEFICIAIRES}/${b.id}`
  return {
    titre: nomComplet(b),
    enErreur: f.erreurs.length > 0,
    statut: f.erreurs.length > 0 ? 400 : 200,
    fil: [FIL, { libelle: nomComplet(b) }],
    chapo: (
      <p>
        Fiche suivie par « {d.structure} » · créée le {formaterDate(b.creeLe)} · mise à jour le {formaterDate(b.misAJourLe)}. Sans nouvelle mise à jour ni accompagnement, l’identité sera
        effacée vers le {formaterDate(effacement).split(' à ')[0]}.
      </p>
    ),
    contenu: (
      <>
        <Confirmation message={d.message} />
        <h2>Accord de la personne</h2>
        <ListeDescriptions
          elements={[
            { terme: 'Date', definition: formaterDate(b.consentement.le) },
            { terme: 'Qui voit la fiche', definition: libelle(PORTEES_CONSENTEMENT, b.consentement.portee) ?? b.consentement.portee },
            { terme: 'Recueilli', definition: libelle(RECUEILS_CONSENTEMENT, b.consentement.recueil) ?? b.consentement.recueil },
          ]}
        />
        <h2>Identité</h2>
        <ListeDescriptions
          elements={[
            { terme: 'Téléphone', definition: b.telephone ? telephoneLisible(b.telephone) : '—' },
            { terme: 'Adresse électronique', definition: b.courriel ?? '—' },
            { terme: 'Année de naissance', definition: b.anneeNaissance ?? '—' },
            { terme: 'Adresse', definition: b.adresse ?? '—' },
            b.notes !== null && { terme: 'Notes', definition: b.notes },
          ]}
        />
        <h2>Données socio-démographiques</h2>
        <ListeDescriptions
          elements={[
            { terme: 'Genre', definition: libelle(GENRES, b.genre) ?? b.genre },
            { terme: 'Tranche d’âge', definition: libelle(TRANCHES_AGE, b.trancheAge) ?? b.trancheAge },
            { terme: 'Statut social', definition: libelle(STATUTS_SOCIAUX, b.statutSocial) ?? b.statutSocial },
            { terme: 'Commune de résidence', definition: d.commune ?? '—' },
          ]}
        />
        <h2>Accompagnements</h2>
        <Historique accompagnements={d.accompagnements} />
        <h2>Droits de la personne</h2>
        <ul class="actions">
          <li>
            <a href={`${chemin}/export`}>Voir et imprimer toutes ses données</a>
          </li>
          <li>
            <a href={`${chemin}/export?format=json`} download>
              Télécharger ses données (JSON)
            </a>
          </li>
          <li>
            <a href={`${chemin}/effacer`}>Effacer son identité</a>
          </li>
        </ul>
        <details class="fiche-section" open={f.erreurs.length > 0}>
          <summary>Modifier la fiche</summary>
          <FormulaireBeneficiaire {...f} action={chemin} titreBouton="Enregistrer les modifications" />
        </details>
      </>
    ),
  }
}

export function pageEffacerBeneficiaire(p: { fiche: FicheBeneficiaire; jeton: string; regles: ReglesConservation }): OptionsPage {
  const chemin = `${CHEMIN_BENEFICIAIRES}/${p.fiche.id}`
  return {
    titre: `Effacer l’identité de ${nomComplet(p.fiche)}`,
    fil: [FIL, { libelle: nomComplet(p.fiche), lien: chemin }, { libelle: 'Effacer' }],
    contenu: (
      <>
        <Bandeau type="attention" titre="L’effacement est définitif">
          <p>
            Le prénom, le nom, le téléphone, l’adresse électronique, l’adresse, l’année de naissance et les notes de la fiche sont effacés, ainsi que les notes des accompagnements
            de la personne et ce qu’elle avait accepté de partager dans ses orientations. Personne ne pourra plus retrouver sa fiche.
          </p>
          <p>
            Vos statistiques ne changent pas : ses données socio-démographiques (genre, tranche d’âge, statut social et commune de résidence) restent, anonymes, dans les
            statistiques, avec ses accompagnements.
          </p>
        </Bandeau>
        <p>
          Sans effacement, l’identité le serait de toute façon {dureeLisible(p.regles.identitesJours)} après la dernière mise à jour de la fiche. Pensez à remettre d’abord à la
          personne une copie de ses données si elle le demande : <a href={`${chemin}/export`}>voir ses données</a>.
        </p>
        <form method="post" action={`${chemin}/effacer`} class="fiche-boutons">
          <ChampCache nom="jeton" valeur={p.jeton} />
          <Bouton>Effacer définitivement son identité</Bouton>
          <a class="bouton bouton-secondaire" href={chemin}>
            Annuler
          </a>
        </form>
      </>
    ),
  }
}
