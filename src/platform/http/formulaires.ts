/**
 * Forms posted by browsers without JavaScript (`application/x-www-form-urlencoded`): read into
 * an object whose repeated fields become arrays, 64 KB at most.
 */
import type { FastifyInstance } from 'fastify'

const FORMULAIRE = 'application/x-www-form-urlencoded'

export function lireFormulaire(corps: string): Record<string, string | string[]> {
  const resultat: Record<string, string | string[]> = {}
  for (const [nom, valeur] of new URLSearchParams(corps)) {
    const deja = resultat[nom]
    resultat[nom] = deja === undefined ? valeur : Array.isArray(deja) ? [...deja, valeur] : [deja, valeur]
  }
  return resultat
}

/** Lets the routes of `instance` (a plugin scope) receive posted forms. */
export function accepterFormulaires(instance: FastifyInstance): void {
  if (instance.hasContentTypeParser(FORMULAIRE)) return
  instance.addContentTypeParser(FORMULAIRE, { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, corps, fait) => fait(null, lireFormulaire(String(corps))))
}

/** A posted text field, cut to `max` characters; '' when absent or repeated (an array). */
export const champ = (valeur: unknown, max = 1000): string => (typeof valeur === 'string' ? valeur.slice(0, max) : '')
