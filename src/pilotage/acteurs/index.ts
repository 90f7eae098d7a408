/**
 * The cartography of actors (issue 7 « Pilotage »): organisations of the network beyond places
 * — structures, associations, companies, collectivités, State services, networks, funders —
 * with their roles, compétences and partnerships. What other capabilities may use.
 */
export { acteursAuChoix, compterActeurs, type ResumeActeurs } from './store/lecture.ts'
export { TYPES_ACTEUR, ROLES_ACTEUR, COMPETENCES, NATURES_PARTENARIAT } from './domaine/vocabulaire.ts'
export { importerActeurs, type BilanActeurs, type OptionsImportActeurs } from './import/importer.ts'
