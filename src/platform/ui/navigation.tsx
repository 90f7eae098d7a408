/**
 * Navigation inside the content: breadcrumb and pagination. Both are `nav` landmarks with a
 * French name; the current step or page carries `aria-current="page"`.
 */
import type { Miette } from './contexte.ts'

export function FilAriane({ miettes }: { miettes: readonly Miette[] }) {
  return (
    <nav class="fil" aria-label="Fil d'Ariane">
      <ol>
        {miettes.map((m, i) =>
          m.lien !== undefined && i < miettes.length - 1 ? (
            <li>
              <a href={m.lien}>{m.libelle}</a>
            </li>
          ) : (
            <li aria-current="page">{m.libelle}</li>
          ),
        )}
      </ol>
    </nav>
  )
}

/** Page numbers to show: first, last, and two around the current one; `null` is a gap. */
export function numerosDePages(page: number, pages: number): Array<number | null> {
  const numeros: Array<number | null> = []
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 2) numeros.push(n)
    else if (numeros[numeros.length - 1] !== null) numeros.push(null)
  }
  return numeros
}

export interface PropsPagination {
  page: number
  pages: number
  /** URL of page `n` (the state stays in the URL). */
  lien: (n: number) => string
}

export function Pagination({ page, pages, lien }: PropsPagination) {
  if (pages <= 1) return null
  return (
    <nav class="pagination" aria-label="Pagination">
      <ul>
        {page > 1 && (
          <li>
            <a href={lien(page - 1)} rel="prev">
              ‹ Page précédente
            </a>
          </li>
        )}
        {numerosDePages(page, pages).map((n) =>
          n === null ? (
            <li>
              <span aria-hidden="true">…</span>
            </li>
          ) : (
            <li>
              <a href={lien(n)} aria-current={n === page ? 'page' : undefined} aria-label={`Page ${n}`}>
                {n}
              </a>
            </li>
          ),
        )}
        {page < pages && (
          <li>
            <a href={lien(page + 1)} rel="next">
              Page suivante ›
            </a>
          </li>
        )}
      </ul>
    </nav>
  )
}
