/**
 * The closed vocabularies of the standard as bit masks: a place's services, publics, fees… fit in
 * one small integer each, and a filter is a single AND.
 */
import {
  DISPOSITIF_PROGRAMMES_NATIONAUX,
  FRAIS_A_CHARGE,
  MODALITES_ACCES,
  MODALITES_ACCOMPAGNEMENT,
  PRISE_EN_CHARGE_SPECIFIQUE,
  PUBLICS_SPECIFIQUEMENT_ADRESSES,
  SERVICES,
} from '../../places/standard/enumerations.ts'

export class Masque {
  private readonly bits: Map<string, number>
  constructor(readonly valeurs: readonly string[]) {
    this.bits = new Map(valeurs.map((v, i) => [v, 1 << i]))
  }
  de(valeurs: readonly string[]): number {
    let m = 0
    for (const v of valeurs) m |= this.bits.get(v) ?? 0
    return m
  }
  valeursDe(masque: number): string[] {
    return this.valeurs.filter((_, i) => (masque & (1 << i)) !== 0)
  }
}

export const MASQUES = {
  services: new Masque(SERVICES),
  publics: new Masque(PUBLICS_SPECIFIQUEMENT_ADRESSES),
  prises: new Masque(PRISE_EN_CHARGE_SPECIFIQUE),
  frais: new Masque(FRAIS_A_CHARGE),
  acces: new Masque(MODALITES_ACCES),
  accompagnement: new Masque(MODALITES_ACCOMPAGNEMENT),
  dispositifs: new Masque(DISPOSITIF_PROGRAMMES_NATIONAUX),
} as const

/** A place's closed vocabularies as masks; a filter holds the same masks (0: no condition). */
export interface MasquesDuLieu {
  services: number
  publics: number
  prises: number
  frais: number
  acces: number
  accompagnement: number
  dispositifs: number
}
