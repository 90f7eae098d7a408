/**
 * A real server for the HTTP and browser tests: PGlite in memory (migrated), demo places of
 * Savoie imported through the real importer, Fastify listening on a free loopback port.
 */
import type { FastifyInstance } from 'fastify'
import { genererLieux } from '../../src/demo/generator.ts'
import { communesSituees } from '../../src/demo/positions.ts'
import { importer } from '../../src/places/registry/import.ts'
import { lireConfig } from '../../src/platform/config.ts'
import { ouvrirBase, type Base } from '../../src/platform/db/database.ts'
import { creerServeur } from '../../src/platform/http/server.ts'
import { Orientation, type PositionsCommunes } from '../../src/orientation/service.ts'
import { referentiel } from '../../src/territories/referentiel.ts'

export type LigneDemo = Record<string, string | number>

let communes: ReturnType<typeof communesSituees> | undefined

/** `nombre` generated places of Savoie (73), deterministic. */
export function lieuxDemo(nombre: number, graine = 2024): LigneDemo[] {
  communes ??= communesSituees(referentiel(), ['73'])
  return [...genererLieux({ communes, nombre, graine })]
}

export async function importerLieux(base: Base, lignes: readonly object[], source = 'Démonstration', demo = true) {
  return importer(base, {
    source,
    demo,
    nomFichier: 'lieux.json',
    octets: Buffer.from(JSON.stringify(lignes)),
    conserverAbsents: true,
  })
}

export interface ServeurDeTest {
  url: string
  base: Base
  app: FastifyInstance
  /** Log lines written by the server (when started with `journal: true`). */
  journal: string[]
  fermer(): Promise<void>
}

export interface OptionsDemarrage {
  /** Demo places imported before start (default 60; 0 for an empty registry). */
  nombre?: number
  journal?: boolean
  /** More environment variables for the configuration (e.g. the coordination password). */
  env?: Record<string, string>
}

export const NOM_TERRITOIRE = 'Savoie (essai)'

/** A running server on a loopback port over `base`, and how to stop it (server, index, database). */
export interface ServeurEnMarche {
  url: string
  base: Base
  app: FastifyInstance
  orientation: Orientation
  journal: string[]
  fermer(): Promise<void>
}

/** Serves `base` on a free loopback port with the configuration read from `env`. */
export async function servir(
  base: Base,
  { env = {}, journal = false, chargerPositions }: { env?: Record<string, string>; journal?: boolean; chargerPositions?: () => Promise<PositionsCommunes> } = {},
): Promise<ServeurEnMarche> {
  const lignes: string[] = []
  const orientation = await Orientation.demarrer(base, chargerPositions ? { chargerPositions } : {})
  const app = await creerServeur({
    base,
    orientation,
    config: lireConfig({ AIGUILLAGE_TERRITOIRE: NOM_TERRITOIRE, LOG_LEVEL: 'info', ...env }),
    journal,
    destinationJournal: { write: (ligne: string) => void lignes.push(ligne) },
    // the daily retention job is run by the tests that need it (`app.tacheQuotidienne.essayer()`), never by a timer
    tacheQuotidienne: false,
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const adresse = app.server.address()
  if (adresse === null || typeof adresse === 'string') throw new Error('adresse du serveur inconnue')
  let ferme = false
  return {
    url: `http://127.0.0.1:${adresse.port}`,
    base,
    app,
    orientation,
    journal: lignes,
    fermer: async () => {
      if (ferme) return
      ferme = true
      await app.close()
      await orientation.arreter()
      await base.fermer().catch(() => {})
    },
  }
}

export async function demarrer({ nombre = 60, journal = false, env = {} }: OptionsDemarrage = {}): Promise<ServeurDeTest> {
  const base = await ouvrirBase({})
  if (nombre > 0) await importerLieux(base, lieuxDemo(nombre))
  return servir(base, { env, journal })
}

/** The text of an HTML fragment: tags removed, a few entities decoded, spaces collapsed. */
export function texte(html: string): string {
  return html
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|\u00a0|\u202f/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.])/g, '$1')
    .trim()
}

/** The text of the page's only `<style>` element (the design system, inline). */
export function feuilleEnLigne(html: string): string {
  const feuilles = tous(html, /<style>([\s\S]*?)<\/style>/g)
  if (feuilles.length !== 1) throw new Error(`${feuilles.length} éléments <style> au lieu d’un`)
  return feuilles[0] as string
}

/** Every match of a regular expression's first group. */
export const tous = (html: string, motif: RegExp): string[] => [...html.matchAll(motif)].map((m) => m[1] ?? '')
