/**
 * The maps with their numbers: the server-drawn SVG of choroplethe.ts or symboles.ts in a
 * `<figure>` captioned by its title, followed by a `<details>` « Voir les données de la carte »
 * holding the values in a table — every département, or the communes with the largest values
 * (a région has thousands: the table says how many it leaves out and links to the caller's full
 * export). Same shape as graphiques/graphique.tsx; the table scrolls in its own region, not the
 * page, when its columns do not fit a 320 px screen.
 */
import type { ComponentChildren } from 'preact'
import { TableauDefilant } from '../donnees.tsx'
import { nombreFrancais } from '../graphiques/texte.ts'
import { choroplethDepartements, classerDepartements, type OptionsChoroplethe, SANS_DONNEE } from './choroplethe.ts'
import { type OptionsSymboles, symbolesCommunes } from './symboles.ts'

/** A map drawn on the server, captioned by its title, and its numbers in a fold (or « no data »). */
function FigureCarte({ titre, svg, vide, children }: { titre: string; svg: string; vide: boolean; children: ComponentChildren }) {
  return (
    <figure class="graphique carte">
      <figcaption>{titre}</figcaption>
      <div class="graphique-image" dangerouslySetInnerHTML={{ __html: svg }} />
      <details class="donnees-graphique">
        <summary>Voir les données de la carte</summary>
        {vide ? <p>Aucune donnée à afficher.</p> : children}
      </details>
    </figure>
  )
}

/** The départements' map and the table of every value. */
export function CarteDepartements(options: OptionsChoroplethe) {
  const formater = options.formater ?? nombreFrancais
  const { departements } = classerDepartements(options)
  return (
    <FigureCarte titre={options.titre} svg={choroplethDepartements(options)} vide={departements.length === 0}>
      <TableauDefilant
        legende={options.titre}
        entetes={['Département', options.unite, 'Classe de la carte']}
        lignes={departements.map((d) => ({ entete: `${d.nom} (${d.code})`, cellules: [d.valeur === null ? SANS_DONNEE : formater(d.valeur), d.classe] }))}
      />
    </FigureCarte>
  )
}

export interface PropsCarteCommunes extends OptionsSymboles {
  /** Rows of the table: the communes with the largest values; 20 by default. */
  lignes?: number | undefined
  /** The full data, for when the table is cut: « Télécharger toutes les communes (CSV) ». */
  export?: { href: string; libelle: string } | undefined
}

/** The communes' map and the table of the largest values. */
export function CarteCommunes({ lignes = 20, export: lien, ...options }: PropsCarteCommunes) {
  const formater = options.formater ?? nombreFrancais
  const triees = [...options.communes].sort((a, b) => b.valeur - a.valeur || a.code.localeCompare(b.code))
  const montrees = triees.slice(0, lignes)
  const avecCategories = options.communes.some((c) => c.categorie !== undefined)
  return (
    <FigureCarte titre={options.titre} svg={symbolesCommunes(options)} vide={montrees.length === 0}>
      <TableauDefilant
        legende={options.titre}
        entetes={['Commune', options.unite, ...(avecCategories ? ['Catégorie'] : [])]}
        lignes={montrees.map((c) => ({ entete: `${c.nom} (${c.code})`, cellules: [formater(c.valeur), ...(avecCategories ? [c.categorie ?? '—'] : [])] }))}
      />
      {triees.length > montrees.length && (
        <p>
          Les {nombreFrancais(montrees.length)} communes aux valeurs les plus fortes, sur {nombreFrancais(triees.length)}.{' '}
          {lien && <a href={lien.href}>{lien.libelle}</a>}
        </p>
      )}
    </FigureCarte>
  )
}
