/** The de-duplication rules (`rules/`, pure) as the registry side uses them. */
export { comparer, SEUIL_EXAMEN, SEUIL_FUSION, type Comparaison, type Raison } from './rules/comparer.ts'
export { ficheDepuisLieu, type FicheComparee } from './rules/fiche.ts'
export { pairesCandidates } from './rules/blocage.ts'
export { regrouper } from './rules/regroupement.ts'
