/** The public API `/api/v1`: places in the standard, search, communes, OpenAPI document. */
import type { FastifyInstance } from 'fastify'
import type { ContexteOrientation } from '../contexte.ts'

export function routesApi(_app: FastifyInstance, _contexte: ContexteOrientation): void {
  // built by the API
}
