/**
 * Reading the query string of the public API strictly, whatever it holds: only the parameters
 * a route knows, single-valued parameters given once, integers within their bounds, values of
 * the standard's vocabularies checked (case and accents forgiven, the nearest value suggested).
 * Every problem is collected with a French message naming the parameter and the value; nothing
 * here throws. Pure: no I/O.
 */
import { cle, plusProche } from '../../platform/text.ts'
import { valeurs } from '../parametres.ts'

/** A query string as Fastify parses it: a repeated parameter is an array. */
export type Requete = Readonly<Record<string, string | string[] | undefined>>

export interface Probleme {
  parametre: string
  message: string
}

/** A value quoted in a message: bounded, so that a huge parameter is not echoed back. */
export function citer(valeur: string, longueur = 80): string {
  return valeur.length > longueur ? `${valeur.slice(0, longueur)}…` : valeur
}

/** Longest value accepted for any parameter (a free text, an ISO date, a list of values). */
export const LONGUEUR_MAX = 500

/** Most values accepted for a repeatable parameter. */
export const VALEURS_MAX = 30

export class Lecture {
  readonly problemes: Probleme[] = []

  constructor(
    private readonly requete: Requete,
    acceptes: readonly string[],
  ) {
    for (const nom of Object.keys(requete)) {
      if (!acceptes.includes(nom)) {
        this.signaler(nom, `Le paramètre « ${citer(nom, 40)} » n’existe pas pour cette adresse. Paramètres possibles : ${acceptes.join(', ')}.`)
      }
    }
  }

  get valide(): boolean {
    return this.problemes.length === 0
  }

  signaler(parametre: string, message: string): void {
    this.problemes.push({ parametre: citer(parametre, 40), message })
  }

  /** Every raw value of a parameter, bounded in length. */
  private bruts(nom: string): string[] {
    const brut = Object.hasOwn(this.requete, nom) ? this.requete[nom] : undefined
    const liste = brut === undefined ? [] : Array.isArray(brut) ? brut : [brut]
    if (liste.some((v) => v.length > LONGUEUR_MAX)) {
      this.signaler(nom, `La valeur du paramètre « ${nom} » est trop longue (${LONGUEUR_MAX} caractères au plus).`)
      return []
    }
    return liste
  }

  /** A single-valued parameter, trimmed; absent or empty → undefined; given twice → a problem. */
  texte(nom: string): string | undefined {
    const liste = this.bruts(nom)
    if (liste.length > 1) {
      this.signaler(nom, `Le paramètre « ${nom} » ne peut être donné qu’une fois.`)
      return undefined
    }
    const valeur = liste[0]?.trim()
    return valeur === '' ? undefined : valeur
  }

  /** A whole number between `min` and `max`; absent → `defaut`. */
  entier(nom: string, defaut: number, min: number, max: number): number {
    const texte = this.texte(nom)
    if (texte === undefined) return defaut
    if (!/^\d{1,9}$/.test(texte) || Number(texte) < min || Number(texte) > max) {
      this.signaler(nom, `« ${citer(texte)} » n’est pas une valeur possible pour « ${nom} » : indiquez un nombre entier entre ${min} et ${max}.`)
      return defaut
    }
    return Number(texte)
  }

  /**
   * A repeatable parameter (`?services=A&services=B` or `?services=A|B`) whose values belong to
   * a vocabulary: each value is returned as the vocabulary writes it.
   */
  liste(nom: string, vocabulaire: readonly string[]): string[] {
    const lues = valeurs(this.bruts(nom))
    if (lues.length > VALEURS_MAX) {
      this.signaler(nom, `Trop de valeurs pour « ${nom} » (${VALEURS_MAX} au plus).`)
      return []
    }
    const retenues: string[] = []
    for (const valeur of lues) {
      const exacte = vocabulaire.includes(valeur) ? valeur : vocabulaire.find((v) => cle(v) === cle(valeur) && cle(v) !== '')
      if (exacte !== undefined) {
        if (!retenues.includes(exacte)) retenues.push(exacte)
        continue
      }
      const proche = plusProche(valeur, vocabulaire)
      this.signaler(
        nom,
        `« ${citer(valeur)} » n’est pas une valeur de « ${nom} » dans le standard des lieux de médiation numérique.` +
          (proche ? ` Vouliez-vous dire « ${proche} » ?` : '') +
          ` Valeurs possibles : ${vocabulaire.map((v) => `« ${v} »`).join(', ')}.`,
      )
    }
    return retenues
  }
}
