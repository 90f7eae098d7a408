/**
 * The evaluation report page (`/pilotage/evaluation`): the period form, then one section per
 * part — indicators against targets (value, target, gap, progress in words and a hatched bar),
 * actions' progress (status, late ones), national dashboards' indicators, the coverage map —
 * printable (espace.css `@media print`: no navigation, a page per section, links written out)
 * and exportable as XLSX.
 */
import type { OptionsPage } from '../../platform/http/page.ts'
import { ResumeErreurs } from '../../platform/ui/avis.tsx'
import { TableauDefilant } from '../../platform/ui/donnees.tsx'
import { ChampCache, ChampTexte } from '../../platform/ui/formulaire.tsx'
import { CarteCommunes, CarteDepartements } from '../../platform/ui/cartes/cartes.tsx'
import { nombre, Progression, ResultatsIndicateurs, valeurAvecUnite } from '../composants.tsx'
import type { ErreurChamp } from '../feuille-de-route/domaine/formulaires.ts'
import { euros, libelleStatut, STATUTS } from '../feuille-de-route/domaine/regles.ts'
import { dateLongue } from '../indicateurs/catalogue/index.ts'
import { COUVERTES, NON_COUVERTES, type Rapport } from './rapport.ts'

export interface PropsFormulairePeriode {
  cle: string
  debut: string
  fin: string
  erreurs: readonly ErreurChamp[]
}

function FormulairePeriode({ cle, debut, fin, erreurs }: PropsFormulairePeriode) {
  const e = (c: string) => erreurs.find((x) => x.champ === c)?.message
  return (
    <form method="get" action="/pilotage/evaluation" class="activite-en-ligne" novalidate>
      <ChampCache nom="territoire" valeur={cle} />
      <ChampTexte id="periode-debut" nom="debut" type="date" libelle="Début de la période" aide="AAAA-MM-JJ" valeur={debut} erreur={e('periode-debut')} />
      <ChampTexte id="periode-fin" nom="fin" type="date" libelle="Fin de la période" aide="AAAA-MM-JJ" valeur={fin} erreur={e('periode-fin')} />
      <button type="submit" class="bouton bouton-secondaire">
        Afficher le rapport
      </button>
    </form>
  )
}

export function pagePeriodeInvalide(p: PropsFormulairePeriode & { nom: string }): OptionsPage {
  return {
    titre: 'Rapport d’évaluation',
    statut: 400,
    enErreur: true,
    fil: [{ libelle: 'Pilotage', lien: `/pilotage?territoire=${encodeURIComponent(p.cle)}` }],
    chapo: <p>Territoire : {p.nom}</p>,
    contenu: (
      <>
        <ResumeErreurs erreurs={p.erreurs} />
        <FormulairePeriode {...p} />
      </>
    ),
  }
}

export function pageEvaluation(r: Rapport): OptionsPage {
  const q = `territoire=${encodeURIComponent(r.cle)}&debut=${r.periode.du}&fin=${r.periode.au}`
  return {
    titre: 'Rapport d’évaluation',
    titreDocument: `Rapport d’évaluation — ${r.territoire.nom}, du ${dateLongue(r.periode.du)} au ${dateLongue(r.periode.au)}`,
    classe: 'rapport-evaluation',
    fil: [{ libelle: 'Pilotage', lien: `/pilotage?territoire=${encodeURIComponent(r.cle)}` }],
    chapo: (
      <p>
        {r.territoire.nom}, du {dateLongue(r.periode.du)} au {dateLongue(r.periode.au)} — rapport produit le {dateLongue(r.produitLe)}.
      </p>
    ),
    contenu: (
      <>
        <FormulairePeriode cle={r.cle} debut={r.periode.du} fin={r.periode.au} erreurs={[]} />
        <p class="ne-pas-imprimer">
          <a href={`/pilotage/evaluation.xlsx?${q}`} download>
            Télécharger le rapport (XLSX, une feuille par partie)
          </a>{' '}
          · Pour l’imprimer ou en faire un PDF, utilisez « Imprimer » de votre navigateur : chaque partie commence sur une nouvelle page.
        </p>
        <section class="section-rapport" aria-labelledby="rapport-indicateurs">
          <h2 id="rapport-indicateurs">Indicateurs et cibles</h2>
          {r.indicateurs.length === 0 ? (
            <p>
              Aucun indicateur suivi pour ce territoire : <a href={`/pilotage/indicateurs?territoire=${encodeURIComponent(r.cle)}`}>ajoutez-en</a>.
            </p>
          ) : (
            <TableauDefilant
              legende="Indicateurs face à leurs cibles"
              entetes={['Indicateur', 'Valeur', 'Référence', 'Cible', 'Écart à la cible', 'Progression', 'Origine de la valeur']}
              lignes={r.indicateurs.map((i) => ({
                entete: (
                  <>
                    {i.libelle}
                    {i.actions.length > 0 && <span class="aide"> Suit : {i.actions.join(', ')}</span>}
                  </>
                ),
                cellules: [
                  valeurAvecUnite(i.valeur, i.unite),
                  i.valeurReference === null ? '—' : `${nombre(i.valeurReference)}${i.dateReference ? ` (${dateLongue(i.dateReference)})` : ''}`,
                  i.valeurCible === null ? '—' : `${nombre(i.valeurCible)}${i.dateCible ? ` pour le ${dateLongue(i.dateCible)}` : ''} (doit ${i.sens === 'baisse' ? 'baisser' : 'monter'})`,
                  i.situation.ecart === null ? '—' : nombre(i.situation.ecart),
                  <Progression situation={i.situation} />,
                  i.origine,
                ],
              }))}
            />
          )}
        </section>
        <section class="section-rapport" aria-labelledby="rapport-actions">
          <h2 id="rapport-actions">Avancement des actions</h2>
          {r.actions.length === 0 ? (
            <p>Aucune feuille de route de ce territoire ne couvre la période.</p>
          ) : (
            <>
              <p>
                {r.bilanActions.total} action{r.bilanActions.total > 1 ? 's' : ''} :{' '}
                {STATUTS.filter((s) => r.bilanActions.parStatut[s.valeur])
                  .map((s) => `${r.bilanActions.parStatut[s.valeur]} ${s.libelle.toLowerCase()}`)
                  .join(', ')}
                {r.bilanActions.enRetard > 0 ? `, dont ${r.bilanActions.enRetard} en retard` : ', aucune en retard'}.
              </p>
              <TableauDefilant
                legende="Actions des feuilles de route de la période"
                entetes={['Action', 'Axe', 'Porteur', 'Partenaires', 'Statut', 'Avancement', 'Fin prévue', 'Budget']}
                lignes={r.actions.map((a) => ({
                  entete: <a href={`/pilotage/feuille-de-route/${a.feuilleId}#action-${a.id}`}>{a.titre}</a>,
                  cellules: [
                    `${a.axe} (${a.feuille})`,
                    a.porteur,
                    a.partenaires.length > 0 ? a.partenaires.join(', ') : '—',
                    a.enRetard ? <span class="en-retard">{a.statutAffiche}</span> : libelleStatut(a.statut),
                    `${a.avancement} %`,
                    a.fin ? dateLongue(a.fin) : '—',
                    a.budgetCentimes === null ? '—' : `${euros(a.budgetCentimes)}${a.cofinancements.length > 0 ? `, dont ${a.cofinancements.map((c) => `${c.financeur} ${euros(c.montantCentimes)}`).join(', ')}` : ''}`,
                  ],
                }))}
              />
            </>
          )}
        </section>
        <section class="section-rapport" aria-labelledby="rapport-nationaux">
          <h2 id="rapport-nationaux">Indicateurs des tableaux de bord nationaux</h2>
          <ResultatsIndicateurs resultats={r.nationaux} />
        </section>
        <section class="section-rapport" aria-labelledby="rapport-cartes">
          <h2 id="rapport-cartes">Cartes</h2>
          {r.departements.length > 0 && (
            <CarteDepartements
              titre={`Part de la population à plus de 10 km de tout lieu, par département — ${r.territoire.nom}`}
              description="Chaque département du territoire est coloré selon la part de sa population qui habite une commune sans lieu publié à moins de 10 km ; le tableau sous la carte donne les chiffres."
              valeurs={r.departements}
              unite="Part de la population (%)"
              seuils={[5, 10, 20, 40]}
              formater={(v) => `${nombre(v)} %`}
            />
          )}
          {r.carte.length === 0 ? (
            <p>La carte de couverture n’est pas disponible (communes sans position ou sans population).</p>
          ) : (
            <CarteCommunes
              titre={`Population des communes selon la distance au lieu le plus proche — ${r.territoire.nom}`}
              description="Chaque cercle est une commune, sa surface proportionnelle à sa population ; la couleur dit si un lieu publié est à moins de 10 km."
              communes={r.carte}
              unite="Population"
              categories={[{ nom: COUVERTES }, { nom: NON_COUVERTES }]}
            />
          )}
        </section>
      </>
    ),
  }
}
