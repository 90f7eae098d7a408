/** The orientation pages: need → where → results, the orientation sheet, the widget. */
import type { FastifyInstance } from 'fastify'
import type { ContexteOrientation } from '../contexte.ts'

export function routesOrientation(_app: FastifyInstance, _contexte: ContexteOrientation): void {
  // built by the orientation pages
}
