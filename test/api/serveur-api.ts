/**
 * A real server for the API tests, on PGlite or PostgreSQL: demo places of Savoie and of Isère
 * imported through the real importer (plus a source whose places were partly withdrawn), the
 * official centre of Chambéry stored, the orientation service started with the positions of
 * communes, Fastify listening on a free loopback port.
 */
import type { FastifyInstance } from 'fastify'
import { genererLieux } from '../../src/demo/generator.ts'
import { communesSituees } from '../../src/demo/positions.ts'
import { chargerPositions } from '../../src/geo/chargement.ts'
import { enregistrerPositions } from '../../src/geo/stockage.ts'
import { Orientation } from '../../src/orientation/service.ts'
import { importer } from '../../src/places/registry/import.ts'
import type { Base } from '../../src/platform/db/database.ts'
import { referentiel } from '../../src/territories/referentiel.ts'
import type { Moteur } from '../support/bases.ts'
import { importerLieux, lieuxDemo, servir, type LigneDemo } from '../http/serveur-de-test.ts'

/** Official centre of Chambéry (geo API), stored as `aiguillage geo sync` would. */
export const CHAMBERY = { code: '73065', latitude: 45.5646, longitude: 5.9178 }

export const NOMBRE_SAVOIE = 150
export const NOMBRE_ISERE = 40

export interface ServeurApi {
  url: string
  base: Base
  app: FastifyInstance
  orientation: Orientation
  /** Ids of the places withdrawn from publication. */
  retires: string[]
  /** Every place published at start, as imported. */
  publies: LigneDemo[]
  fermer(): Promise<void>
}

function lieuxIsere(nombre: number): LigneDemo[] {
  return [...genererLieux({ communes: communesSituees(referentiel(), ['38']), nombre, graine: 38, prefixe: 'isere' })]
}

export async function demarrerApi(moteur: Moteur): Promise<ServeurApi> {
  const base = await moteur.ouvrir()
  const savoie = lieuxDemo(NOMBRE_SAVOIE)
  const isere = lieuxIsere(NOMBRE_ISERE)
  await importerLieux(base, savoie)
  await importerLieux(base, isere, 'Isère', false)
  // a source of three places, then re-imported with one: two places withdrawn
  const retraits = lieuxIsere(NOMBRE_ISERE + 3).slice(NOMBRE_ISERE).map((l, i) => ({ ...l, id: `retrait-${i}` }))
  const fichier = (lignes: readonly object[]) => ({ source: 'Retraits', nomFichier: 'retraits.json', octets: Buffer.from(JSON.stringify(lignes)) })
  await importer(base, fichier(retraits))
  await importer(base, { ...fichier(retraits.slice(0, 1)), conserverAbsents: false })
  await enregistrerPositions(base.db, [CHAMBERY], 'essai')

  const serveur = await servir(base, { env: { LOG_LEVEL: 'error' }, chargerPositions: () => chargerPositions(base.db) })
  return {
    ...serveur,
    retires: retraits.slice(1).map((l) => String(l.id)),
    publies: [...savoie, ...isere, ...retraits.slice(0, 1)],
  }
}

/** GET a path of the server; JSON body when there is one. */
export async function lire<T = unknown>(serveur: { url: string }, chemin: string, entetes: Record<string, string> = {}) {
  const reponse = await fetch(`${serveur.url}${chemin}`, { headers: entetes })
  const texte = await reponse.text()
  const json = reponse.headers.get('content-type')?.includes('json') && texte ? (JSON.parse(texte) as T) : undefined
  return { statut: reponse.status, entetes: reponse.headers, texte, json: json as T }
}

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a))
}
