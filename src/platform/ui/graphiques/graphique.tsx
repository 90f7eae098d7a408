/**
 * A chart with its numbers: the server-drawn SVG of histogramme.ts in a `<figure>` captioned by
 * its title, followed by a `<details>` « Voir les données du graphique » that holds the same
 * values in a table — for those who cannot see the chart, and for those who want the figures.
 */
import { Tableau } from '../donnees.tsx'
import { type Barre, histogramme, nombreFrancais, type OptionsHistogramme } from './histogramme.ts'

export interface PropsDonneesGraphique {
  titre: string
  barres: readonly Barre[]
  unite: string
  /** Header of the labels' column: « Tranche de score ». */
  colonne?: string | undefined
}

/** The values of a chart as a table, folded in a `<details>`. */
export function DonneesGraphique({ titre, barres, unite, colonne = 'Libellé' }: PropsDonneesGraphique) {
  return (
    <details class="donnees-graphique">
      <summary>Voir les données du graphique</summary>
      {barres.length === 0 ? (
        <p>Aucune donnée à afficher.</p>
      ) : (
        <Tableau legende={titre} entetes={[colonne, unite]} lignes={barres.map((b) => ({ entete: b.libelle, cellules: [nombreFrancais(b.valeur)] }))} />
      )}
    </details>
  )
}

export type PropsGraphique = OptionsHistogramme & Pick<PropsDonneesGraphique, 'colonne'>

/**
 * The bar chart and its table. `id` must be given when two charts of a page share a title.
 * The SVG is our own markup (every text escaped by the DOM that wrote it), hence the raw HTML.
 */
export function Graphique({ colonne, ...options }: PropsGraphique) {
  return (
    <figure class="graphique">
      <figcaption>{options.titre}</figcaption>
      <div class="graphique-image" dangerouslySetInnerHTML={{ __html: histogramme(options) }} />
      <DonneesGraphique titre={options.titre} barres={options.barres} unite={options.unite} colonne={colonne} />
    </figure>
  )
}
