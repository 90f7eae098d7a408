/**
 * The quality score of places, in one import: the criteria, the score of a place with its
 * advice, the « à mettre à jour » flag and the spread of scores in bands. Pure, no I/O.
 */
export { CRITERES, type Critere } from './criteres.ts'
export { aMettreAJour, MOIS_AVANT_MISE_A_JOUR, moisDepuisMiseAJour } from './fraicheur.ts'
export { repartition, scoreQualite, type ResultatCritere, type ScoreQualite, type Tranche } from './score.ts'
