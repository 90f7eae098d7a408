/**
 * The blocks of the statistics pages, rendered on the server: a breakdown as an accessible SVG
 * bar chart with its numbers in a table (`Graphique`), long breakdowns cut to their 15 largest
 * values plus « Autres », the series by month and by day, and the protected blocks of the public
 * page, whose hidden counts are left out of the chart and written « moins de 5 » or « non
 * diffusé » in the table.
 */
import { Tableau } from '../../platform/ui/donnees.tsx'
import { Graphique } from '../../platform/ui/graphiques/graphique.tsx'
import { histogramme, nombreFrancais, type Barre } from '../../platform/ui/graphiques/histogramme.ts'
import type { Part, Repartition, Statistiques } from './presentation.ts'
import type { CellulePublique, RepartitionPublique } from './secret.ts'

export const NOTE_ATELIERS_PAGE = 'Les ateliers collectifs comptent pour 1 accompagnement par participant. Par exemple, un atelier collectif avec 10 participants compte pour 10 accompagnements.'

const MAX_BARRES = 15
export const pourcent = (n: number): string => `${nombreFrancais(n)} %`

/** The largest values, the rest summed in « Autres (n) ». */
function bornees(parts: readonly Part[], longue: boolean): Barre[] {
  const barres = parts.map((p) => ({ libelle: `${p.libelle} (${pourcent(p.pourcentage)})`, valeur: p.nombre }))
  if (!longue || barres.length <= MAX_BARRES) return barres
  const reste = parts.slice(MAX_BARRES - 1)
  const somme = reste.reduce((a, p) => a + p.nombre, 0)
  const part = reste.reduce((a, p) => a + p.pourcentage, 0)
  return [...barres.slice(0, MAX_BARRES - 1), { libelle: `Autres (${reste.length} valeurs, ${pourcent(Math.round(part * 10) / 10)})`, valeur: somme }]
}

function resume(r: Repartition): string {
  if (r.total === 0) return 'Aucune donnée sur la période.'
  const premiere = [...r.parts].sort((a, b) => b.nombre - a.nombre)[0]
  return premiere ? `La valeur la plus fréquente est « ${premiere.libelle} » : ${nombreFrancais(premiere.nombre)} (${pourcent(premiere.pourcentage)}).` : ''
}

/** A breakdown: chart (label with its share, count at the bar's end) and table. */
export function BlocRepartition({ id, repartition, longue = false, note }: { id: string; repartition: Repartition; longue?: boolean; note?: string }) {
  return (
    <section aria-labelledby={`titre-${id}`}>
      <h3 id={`titre-${id}`}>{repartition.titre}</h3>
      {note !== undefined && <p class="aide">{note}</p>}
      <Graphique id={id} titre={repartition.titre} description={resume(repartition)} unite={repartition.unite} colonne="Valeur (part)" barres={bornees(repartition.parts, longue)} />
    </section>
  )
}

export function BlocSeries({ statistiques: s }: { statistiques: Statistiques }) {
  const total30 = s.parJour.reduce((a, j) => a + j.accompagnements, 0)
  return (
    <>
      <section aria-labelledby="titre-par-mois">
        <h3 id="titre-par-mois">Accompagnements par mois</h3>
        <Graphique
          id="par-mois"
          titre="Accompagnements par mois (12 mois jusqu’à la fin de la période)"
          description={`${nombreFrancais(s.parMois.reduce((a, m) => a + m.accompagnements, 0))} accompagnements sur ces 12 mois.`}
          unite="Accompagnements"
          colonne="Mois"
          barres={s.parMois.map((m) => ({ libelle: m.libelle, valeur: m.accompagnements }))}
        />
      </section>
      <section aria-labelledby="titre-par-jour">
        <h3 id="titre-par-jour">Accompagnements par jour</h3>
        <Graphique
          id="par-jour"
          titre="Accompagnements par jour (30 derniers jours de la période)"
          description={`${nombreFrancais(total30)} accompagnements sur ces ${s.parJour.length} jours.`}
          unite="Accompagnements"
          colonne="Jour"
          barres={s.parJour.map((j) => ({ libelle: j.libelle, valeur: j.accompagnements }))}
        />
      </section>
    </>
  )
}

/** A protected breakdown: visible counts charted, every cell in the table. */
export function BlocPublic({ id, titre, unite, cellules, colonne = 'Valeur' }: { id: string; titre: string; unite: string; cellules: readonly CellulePublique[]; colonne?: string }) {
  const visibles = cellules.filter((c): c is CellulePublique & { nombre: number } => c.nombre !== null)
  const caches = cellules.length - visibles.length
  const description = caches > 0 ? `${caches} valeur(s) masquée(s) par le secret statistique ne figurent pas sur le graphique ; voir le tableau.` : 'Toutes les valeurs sont affichées.'
  return (
    <section aria-labelledby={`titre-${id}`}>
      <h3 id={`titre-${id}`}>{titre}</h3>
      <figure class="graphique">
        <figcaption>{titre}</figcaption>
        <div class="graphique-image" dangerouslySetInnerHTML={{ __html: histogramme({ id, titre, description, unite, barres: visibles.map((c) => ({ libelle: c.libelle, valeur: c.nombre })) }) }} />
        <details class="donnees-graphique">
          <summary>Voir les données du graphique</summary>
          <Tableau legende={titre} entetes={[colonne, unite]} lignes={cellules.map((c) => ({ entete: c.libelle, cellules: [c.affichage] }))} />
        </details>
      </figure>
    </section>
  )
}

export const BlocRepartitionPublique = ({ id, r }: { id: string; r: RepartitionPublique }) => <BlocPublic id={id} titre={r.titre} unite={r.unite} cellules={r.cellules} />
