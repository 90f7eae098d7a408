/**
 * What an error may say to a person: the innermost message of its chain, short. Drizzle wraps a
 * driver's error with the whole query and its parameters, which may hold personal data and must
 * not be shown or logged.
 */
export function causeRacine(erreur: unknown): string {
  let courante: unknown = erreur
  while (courante instanceof Error && courante.cause instanceof Error) courante = courante.cause
  const message = courante instanceof Error ? courante.message : String(courante)
  return message.length > 300 ? `${message.slice(0, 299)}…` : message
}
