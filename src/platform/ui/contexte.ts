/**
 * What every page shell needs to know about the platform and the current request. Filled by
 * the HTTP layer (src/platform/http/page.ts), read by the components; no I/O here.
 */
export interface ContextePage {
  /** Name of the territory shown in the header (`config.nomTerritoire`). */
  nomTerritoire: string
  /** The registry holds demonstration places: every page shows the demo banner. */
  demo: boolean
  /** Path of the current page (no query string), to mark the current navigation link. */
  chemin: string
}

/** One step of a breadcrumb; the last one (the current page) has no link. */
export interface Miette {
  libelle: string
  lien?: string | undefined
}
