/**
 * What validation says about a row: every problem, with the field, the value as received and a
 * French message. `erreur` rejects the row; `avertissement` drops a field or a value and keeps
 * the row; `correction` rewrites a value into the standard's form.
 */
import type { z } from 'zod'

export type Niveau = 'erreur' | 'avertissement' | 'correction'

export interface Probleme {
  champ: string
  valeur: string
  message: string
  niveau: Niveau
}

/** A value shown in a message or a report: on one line, at most 200 characters. */
export function apercu(valeur: unknown): string {
  if (valeur === null || valeur === undefined) return ''
  const texte = (Array.isArray(valeur) ? valeur.join('|') : String(valeur)).replace(/\s+/g, ' ').trim()
  return texte.length > 200 ? `${texte.slice(0, 199)}…` : texte
}

export class Constat {
  readonly problemes: Probleme[] = []

  signaler(niveau: Niveau, champ: string, valeur: unknown, message: string): void {
    this.problemes.push({ niveau, champ, valeur: apercu(valeur), message })
  }
  erreur(champ: string, valeur: unknown, message: string): void {
    this.signaler('erreur', champ, valeur, message)
  }
  avertissement(champ: string, valeur: unknown, message: string): void {
    this.signaler('avertissement', champ, valeur, message)
  }
  correction(champ: string, valeur: unknown, message: string): void {
    this.signaler('correction', champ, valeur, message)
  }
  /** Reports the issues of a failed zod parse, one problem each. */
  zod(niveau: Niveau, champ: string, valeur: unknown, erreur: z.ZodError): void {
    for (const issue of erreur.issues) this.signaler(niveau, champ, valeur, issue.message)
  }
  get bloquant(): boolean {
    return this.problemes.some((p) => p.niveau === 'erreur')
  }
}
