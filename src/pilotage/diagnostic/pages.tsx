/**
 * The diagnosis pages, rendered on the server, without JavaScript: `/pilotage/diagnostic` (every
 * commune of the territory) and `/pilotage/zones-blanches` (communes beyond a distance of a need,
 * ranked). A GET form for the territory and filters, a table sorted by links in its column
 * headers (`aria-sort`), 100 rows a page, complete exports in CSV and XLSX. Above the table, the
 * maps of ALL the territory's communes (computed by the route): on the diagnosis, the share of
 * each département's population beyond the distance (choropleth) and the communes by population,
 * white zones in vermilion (proportional symbols); on the white zones, the communes' map.
 */
import type { ComponentChildren } from 'preact'
import type { OptionsPage } from '../../platform/http/page.ts'
import { Bandeau, ResumeErreurs } from '../../platform/ui/avis.tsx'
import { Bouton, ChampTexte, ListeDeroulante, type Option } from '../../platform/ui/formulaire.tsx'
import { Pagination } from '../../platform/ui/navigation.tsx'
import { CarteCommunes, CarteDepartements } from '../../platform/ui/cartes/cartes.tsx'
import { COULEURS_CATEGORIES } from '../../platform/ui/cartes/symboles.ts'
import { lieuAMoinsDe, ZONE_BLANCHE, type CommuneCarte, type DepartementCarte } from './domaine/cartes.ts'
import { BESOINS_DIAGNOSTIC, besoinDiagnostic } from './domaine/besoins.ts'
import type { LigneDiagnostic, ZoneBlanche } from './domaine/types.ts'
import { DISTANCES_ZONES_BLANCHES } from './domaine/zones-blanches.ts'
import { nombre } from '../../places/pages/format.ts'
import { moisFrancais } from './export.ts'
import { adresse, ordreNaturel, type DemandeDiagnostic, type ErreurDemande, type Tri } from './requete.ts'

export type Mode = 'diagnostic' | 'zones-blanches'
export const CHEMINS: Record<Mode, string> = { diagnostic: '/pilotage/diagnostic', 'zones-blanches': '/pilotage/zones-blanches' }

export interface PropsPageDiagnostic {
  mode: Mode
  demande: DemandeDiagnostic
  erreurs: readonly ErreurDemande[]
  /** The territory shown, in words; undefined: none chosen yet (an administrator). */
  nomTerritoire: string | undefined
  /** A coordinator's territories (a list), or free text (an administrator). */
  choixTerritoires: readonly Option[] | 'texte'
  /** The rows of this page (diagnosis) or zones (white zones), already sorted and cut. */
  lignes: readonly LigneDiagnostic[]
  zones: readonly ZoneBlanche[]
  total: number
  pages: number
  resume: { communes: number; population: number; populationHorsDistance: number; positionsApprochees: number; sansIfn: number }
  /** The maps' data, from every commune of the territory; undefined when no territory is chosen. */
  cartes?: { distance: number; communes: readonly CommuneCarte[]; departements: readonly DepartementCarte[]; cadre: readonly string[] } | undefined
}

const DEC = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 })

const COLONNES: ReadonlyArray<{ tri: Tri; libelle: string; zones?: boolean }> = [
  { tri: 'commune', libelle: 'Commune' },
  { tri: 'population', libelle: 'Population' },
  { tri: 'distance', libelle: 'Lieu le plus proche (km)' },
  { tri: 'lieux5', libelle: 'Lieux à 5 km' },
  { tri: 'lieux10', libelle: 'Lieux à 10 km' },
  { tri: 'lieux20', libelle: 'Lieux à 20 km' },
  { tri: 'heures', libelle: 'Heures d’ouverture par semaine à 10 km' },
  { tri: 'ifn', libelle: 'IFN' },
  { tri: 'beneficiaires', libelle: 'Bénéficiaires résidents' },
  { tri: 'accompagnements', libelle: 'Accompagnements dans la commune' },
  { tri: 'priorite', libelle: 'Priorité', zones: true },
]

function EnTeteTriable({ chemin, demande, tri, libelle }: { chemin: string; demande: DemandeDiagnostic; tri: Tri; libelle: string }) {
  const actif = demande.tri === tri
  const ordre = actif ? (demande.ordre === 'asc' ? 'desc' : 'asc') : ordreNaturel(tri)
  const sens = actif ? (demande.ordre === 'asc' ? 'ascending' : 'descending') : undefined
  return (
    <th scope="col" aria-sort={sens}>
      <a href={adresse(chemin, demande, { tri, ordre, page: undefined })}>
        {libelle}
        {actif && <span aria-hidden="true">{demande.ordre === 'asc' ? ' ▲' : ' ▼'}</span>}
        <span class="visuellement-cache">{actif ? ` (trié ${demande.ordre === 'asc' ? 'par ordre croissant' : 'par ordre décroissant'} ; trier dans l’autre sens)` : ' (trier)'}</span>
      </a>
    </th>
  )
}

function Cellules({ l, besoin, zone }: { l: LigneDiagnostic; besoin: string; zone?: ZoneBlanche | undefined }): ComponentChildren {
  const p = l.plusProches[besoin]
  return (
    <>
      <th scope="row">
        {l.nom} <span class="discret">({l.code})</span>
        {l.position?.approximative && <span title="position approchée"> ≈</span>}
        {l.position === null && <span> (position inconnue)</span>}
      </th>
      <td>{nombre(l.population)}</td>
      <td>{p ? `${p.nom} — ${DEC.format(p.distanceKm)} km` : 'aucun à moins de 100 km'}</td>
      <td>{nombre(l.lieux5)}</td>
      <td>{nombre(l.lieux10)}</td>
      <td>{nombre(l.lieux20)}</td>
      <td>{DEC.format(l.heuresHebdo10km)}</td>
      <td>{l.ifn?.total == null ? 'non connu' : `${DEC.format(l.ifn.total)}${l.ifn.source === 'epci' ? ' (EPCI)' : ''}`}</td>
      <td>{nombre(l.activite.beneficiaires)}</td>
      <td>{nombre(l.activite.accompagnements)}</td>
      {zone && <td>{zone.ifnManquant ? `${nombre(Math.round(zone.priorite))} (IFN manquant : médiane)` : nombre(Math.round(zone.priorite))}</td>}
    </>
  )
}

const [BLEU, VERMILLON] = COULEURS_CATEGORIES
const pourcentage = (n: number) => `${DEC.format(n)} %`

/** The maps of the territory and what they show, in words. */
function Cartes({ p }: { p: PropsPageDiagnostic }) {
  const c = p.cartes
  if (!c) return null
  const d = p.demande
  const libelle = besoinDiagnostic(d.besoin)?.libelle ?? d.besoin
  const proche = lieuAMoinsDe(c.distance)
  const loin = `à plus de ${c.distance} km de tout lieu pour « ${libelle} »`
  // all the communes, whatever the page's distance filter: the complete diagnosis, largest first
  const exportCommunes = adresse(`${CHEMINS.diagnostic}.csv`, { ...d, distance: undefined }, { tri: 'population', ordre: 'desc', page: undefined })
  return (
    <section aria-labelledby="cartes">
      <h2 id="cartes">{p.mode === 'diagnostic' ? 'Cartes' : 'Carte'}</h2>
      <p>
        {p.mode === 'diagnostic' ? 'Les cartes montrent' : 'La carte montre'} toutes les communes du territoire, {loin}
        {p.mode === 'diagnostic' && d.distance === undefined ? ' (choisissez une autre distance dans le formulaire)' : ''}. Sous chaque carte, « Voir les données de la carte »
        en donne les chiffres ; le tableau des communes, plus bas, les détaille.
      </p>
      {p.mode === 'diagnostic' && c.departements.length > 0 && (
        <CarteDepartements
          titre={`Part de la population à plus de ${c.distance} km d’un lieu (${libelle})`}
          description={`Chaque département du territoire est coloré selon la part de sa population qui vit ${loin} : plus le bleu est foncé, plus cette part est forte. Les chiffres sont dans le tableau sous la carte.`}
          unite="Part de la population (%)"
          valeurs={c.departements}
          seuils={[5, 10, 20, 40]}
          formater={pourcentage}
        />
      )}
      <CarteCommunes
        titre="Population des communes"
        description={`Chaque cercle est une commune, sa surface proportionnelle à sa population : en vermillon les zones blanches, ${loin} ; en bleu les communes qui ont un tel lieu à ${c.distance} km ou moins. Les chiffres sont dans le tableau sous la carte.`}
        unite="Population"
        communes={c.communes}
        categories={[{ nom: ZONE_BLANCHE, couleur: VERMILLON }, { nom: proche, couleur: BLEU }]}
        cadre={c.cadre}
        export={{ href: exportCommunes, libelle: 'Télécharger toutes les communes (CSV)' }}
      />
    </section>
  )
}

function Filtres({ p, chemin }: { p: PropsPageDiagnostic; chemin: string }) {
  const d = p.demande
  const erreur = (champ: string) => p.erreurs.find((e) => e.champ === champ)?.message
  return (
    <form method="get" action={chemin} class="filtres">
      {/* an unknown territory is shown with its error, in a text field when there is no list to choose from */}
      {p.choixTerritoires === 'texte' || (erreur('territoire') !== undefined && p.choixTerritoires.length <= 1) ? (
        <ChampTexte id="territoire" nom="territoire" libelle="Territoire" aide="Code ou nom : 73, Savoie, region:84, epci:200068674" valeur={d.territoire ?? ''} erreur={erreur('territoire')} />
      ) : p.choixTerritoires.length > 1 ? (
        <ListeDeroulante id="territoire" nom="territoire" libelle="Territoire" options={p.choixTerritoires} valeur={d.territoire} erreur={erreur('territoire')} />
      ) : null}
      <ListeDeroulante id="besoin" nom="besoin" libelle="Besoin" options={BESOINS_DIAGNOSTIC.map((b) => ({ valeur: b.id, libelle: b.libelle }))} valeur={d.besoin} erreur={erreur('besoin')} />
      <ListeDeroulante
        id="distance"
        nom="distance"
        libelle={p.mode === 'zones-blanches' ? 'Plus loin que' : 'Communes à plus de'}
        options={DISTANCES_ZONES_BLANCHES.map((n) => ({ valeur: String(n), libelle: `${n} km` }))}
        valeur={d.distance === undefined ? undefined : String(d.distance)}
        {...(p.mode === 'diagnostic' && { optionVide: 'Toutes les communes' })}
        erreur={erreur('distance')}
      />
      <ChampTexte id="du" nom="du" libelle="Activité : du mois" aide="AAAA-MM" valeur={d.moisDu.slice(0, 7)} erreur={erreur('du')} />
      <ChampTexte id="au" nom="au" libelle="au mois" aide="AAAA-MM" valeur={d.moisAu.slice(0, 7)} erreur={erreur('au')} />
      {/* the sort chosen by the column headers is kept; the page starts again at 1 */}
      <input type="hidden" name="tri" value={d.tri} />
      <input type="hidden" name="ordre" value={d.ordre} />
      <Bouton>Afficher</Bouton>
    </form>
  )
}

export function pageDiagnostic(p: PropsPageDiagnostic): OptionsPage {
  const chemin = CHEMINS[p.mode]
  const d = p.demande
  const besoin = besoinDiagnostic(d.besoin)
  const titre = p.mode === 'diagnostic' ? 'Diagnostic territorial' : 'Zones blanches'
  const autre = p.mode === 'diagnostic' ? 'zones-blanches' : 'diagnostic'
  const exporter = (ext: 'csv' | 'xlsx') => adresse(`${chemin}.${ext}`, d, { page: undefined })
  // an unknown territory: nothing to show but the error (400, as the pilotage hub answers)
  const territoireInconnu = p.erreurs.some((e) => e.champ === 'territoire')
  return {
    titre: p.nomTerritoire ? `${titre} — ${p.nomTerritoire}` : titre,
    statut: territoireInconnu ? 400 : 200,
    enErreur: territoireInconnu,
    chapo: (
      <p>
        {p.mode === 'diagnostic'
          ? 'Pour chaque commune : sa population, le lieu le plus proche pour un besoin, les lieux à 5, 10 et 20 km, les heures d’ouverture à 10 km, l’indice de fragilité numérique (IFN) et l’activité enregistrée pour ses habitants.'
          : 'Les communes éloignées de tout lieu qui répond au besoin choisi, classées par population × indice de fragilité numérique : la liste sur laquelle agir.'}
      </p>
    ),
    contenu: (
      <>
        <ResumeErreurs erreurs={p.erreurs.map((e) => ({ message: e.message, champ: e.champ }))} />
        <Filtres p={p} chemin={chemin} />
        <p>
          <a href={adresse(CHEMINS[autre], { ...d, tri: autre === 'zones-blanches' ? 'priorite' : 'commune', ordre: autre === 'zones-blanches' ? 'desc' : 'asc', page: 1 })}>
            {autre === 'zones-blanches' ? 'Voir les zones blanches' : 'Voir le diagnostic de toutes les communes'}
          </a>
        </p>
        {p.nomTerritoire === undefined ? (
          <Bandeau titre="Choisissez un territoire">
            <p>Indiquez un département, une région, un EPCI ou une commune, puis « Afficher ».</p>
          </Bandeau>
        ) : (
          <>
            <h2>En bref</h2>
            <ul>
              <li>
                {nombre(p.resume.communes)} communes, {nombre(p.resume.population)} habitants.
              </li>
              {d.distance !== undefined && (
                <li>
                  {nombre(p.total)} communes et {nombre(p.resume.populationHorsDistance)} habitants à plus de {d.distance} km d’un lieu pour « {besoin?.libelle} ».
                </li>
              )}
              {p.resume.positionsApprochees > 0 && <li>{nombre(p.resume.positionsApprochees)} communes ont une position approchée (≈) : leurs distances le sont aussi.</li>}
              {p.resume.sansIfn > 0 && <li>{nombre(p.resume.sansIfn)} communes sans indice de fragilité numérique importé.</li>}
              <li>
                Activité de {moisFrancais(d.moisDu)} à {moisFrancais(d.moisAu)}.
              </li>
            </ul>
            <Cartes p={p} />
            <p>
              Télécharger {p.mode === 'diagnostic' ? 'le diagnostic complet' : 'la liste complète'} : <a href={exporter('csv')}>CSV</a> · <a href={exporter('xlsx')}>XLSX</a>
            </p>
            <div class="defilement" tabindex={0} role="region" aria-label={`${titre} (défilable)`}>
              <table class="tableau">
                <caption>
                  {titre} — {besoin?.libelle} — page {d.page} sur {Math.max(1, p.pages)} ({nombre(p.total)} communes)
                </caption>
                <thead>
                  <tr>
                    {COLONNES.filter((c) => !c.zones || p.mode === 'zones-blanches').map((c) => (
                      <EnTeteTriable chemin={chemin} demande={d} tri={c.tri} libelle={c.libelle} />
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {p.mode === 'diagnostic'
                    ? p.lignes.map((l) => (
                        <tr>
                          <Cellules l={l} besoin={d.besoin} />
                        </tr>
                      ))
                    : p.zones.map((z) => (
                        <tr>
                          <Cellules l={z.ligne} besoin={d.besoin} zone={z} />
                        </tr>
                      ))}
                </tbody>
              </table>
            </div>
            <Pagination page={d.page} pages={p.pages} lien={(n) => adresse(chemin, d, { page: String(n) })} />
            <details>
              <summary>Comment lire ce tableau</summary>
              <p>
                Distances à vol d’oiseau depuis le centre de la commune (≈ : centre approché). Les lieux publiés avec des coordonnées comptent, y compris ceux des territoires voisins
                à moins de 20 km. Heures d’ouverture : la somme des heures d’ouverture hebdomadaires (semaine de référence du 10 mars 2025) des lieux à moins de 10 km ; un lieu
                sans horaires lisibles compte 0. IFN : de 0 à 10, plus il est haut, plus la commune est fragile ; à défaut de celui de la commune, celui de son EPCI. Bénéficiaires
                résidents : les bénéficiaires qui y habitent (anonymes à chaque accompagnement, suivis une fois chacun) ; accompagnements : ceux qui ont eu lieu dans la commune.
              </p>
            </details>
          </>
        )}
      </>
    ),
  }
}
