/**
 * Helpers of the API tests: the oracle of the ANCT library, validation of a body against a
 * schema of the served OpenAPI document (through zod's JSON Schema reader), the GET routes a
 * Fastify application registered (read from `printRoutes`).
 */
import { fromSchemaLieuDeMediationNumerique } from '@gouvfr-anct/lieux-de-mediation-numerique'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'

/** The reasons the ANCT library refuses a standard object (empty: accepted). */
export function refusAnct(objet: Record<string, unknown>): string | undefined {
  try {
    fromSchemaLieuDeMediationNumerique(objet as never)
    return undefined
  } catch (erreur) {
    return `${String(objet.id)} : ${(erreur as Error).message}`
  }
}

export type Validateur = (nom: string, valeur: unknown) => string[]

/** Validates values against `components.schemas` of an OpenAPI 3.1 document. */
export function validateur(document: { components: { schemas: Record<string, unknown> } }): Validateur {
  const defs = JSON.parse(JSON.stringify(document.components.schemas).replaceAll('#/components/schemas/', '#/$defs/')) as Record<string, unknown>
  const schemas = new Map<string, z.ZodType>()
  return (nom, valeur) => {
    let schema = schemas.get(nom)
    if (!schema) schemas.set(nom, (schema = z.fromJSONSchema({ $defs: defs, $ref: `#/$defs/${nom}` } as never)))
    const resultat = schema.safeParse(valeur)
    return resultat.success ? [] : resultat.error.issues.map((i) => `${i.path.join('.')} : ${i.message.slice(0, 200)}`)
  }
}

/** Method and full path of every route (`GET /api/v1/lieux/:id`), from Fastify's route tree. */
export function routesEnregistrees(app: FastifyInstance): string[] {
  const pile: string[] = []
  const routes: string[] = []
  for (const ligne of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = ligne.match(/^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([^)]*)\))?$/)
    if (!m) continue
    const profondeur = (m[1] ?? '').length / 4
    pile.length = profondeur
    const chemin = `${pile.join('')}${m[2] ?? ''}`
    pile.push(m[2] ?? '')
    for (const methode of (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) routes.push(`${methode} ${chemin}`)
  }
  return routes
}
