/**
 * Indicators of the places of a territory, from the registry (published places whose commune
 * is in the territory): how many, with opening hours, weekly hours offered, and by label or
 * national programme (France Services, Conseillers numériques, Aidants Connect…).
 */
import { DISPOSITIF_PROGRAMMES_NATIONAUX, FORMATIONS_LABELS } from '../../../places/standard/enumerations.ts'
import type { DefinitionIndicateur, DonneesTerritoire, LieuIndicateur, Parametres } from './types.ts'

const SOURCE_REGISTRE = 'Registre des lieux d’Aiguillage (lieux publiés), au jour du calcul'

export function lieuxDe(d: DonneesTerritoire): readonly LieuIndicateur[] {
  if (!d.lieux) throw new Error('Les lieux du territoire n’ont pas été chargés.')
  return d.lieux
}

/** Places holding `valeur` among their national programmes or their labels. */
export const avecLabel = (lieux: readonly LieuIndicateur[], valeur: string): number => lieux.filter((l) => l.dispositifs.includes(valeur) || l.labels.includes(valeur)).length

const arrondi1 = (n: number): number => Math.round(n * 10) / 10

export const lieuxPublies: DefinitionIndicateur = {
  code: 'lieux_publies',
  libelle: 'Lieux de médiation numérique publiés',
  unite: 'lieux',
  definition: 'Nombre de lieux publiés dans le registre dont la commune est dans le territoire.',
  source: SOURCE_REGISTRE,
  limites: 'Un lieu itinérant compte une fois, à sa commune de rattachement ; un lieu dont la commune est introuvable n’est pas compté.',
  sens: 'hausse',
  national: true,
  besoins: ['lieux'],
  calculer: (d) => ({ valeur: lieuxDe(d).length }),
}

export const lieuxAvecHoraires: DefinitionIndicateur = {
  code: 'lieux_avec_horaires',
  libelle: 'Lieux dont les horaires sont publiés',
  unite: 'lieux',
  definition: 'Nombre de lieux publiés du territoire dont les horaires d’ouverture sont renseignés et lisibles (syntaxe OpenStreetMap).',
  source: SOURCE_REGISTRE,
  limites: 'Des horaires renseignés ne sont pas forcément à jour : voir la fraîcheur des fiches (score de qualité).',
  sens: 'hausse',
  besoins: ['lieux'],
  calculer: (d) => {
    const lieux = lieuxDe(d)
    const avec = lieux.filter((l) => l.heuresHebdo !== null).length
    return { valeur: avec, precision: `sur ${lieux.length} lieu${lieux.length > 1 ? 'x' : ''} publié${lieux.length > 1 ? 's' : ''}` }
  },
}

export const heuresHebdomadaires: DefinitionIndicateur = {
  code: 'heures_hebdomadaires',
  libelle: 'Heures d’ouverture par semaine',
  unite: 'heures',
  definition: 'Somme des heures d’ouverture, sur une semaine de référence sans jour férié (celle du diagnostic territorial), de tous les lieux publiés du territoire.',
  source: SOURCE_REGISTRE,
  limites: 'Les lieux sans horaires lisibles comptent 0 ; les fermetures exceptionnelles et les horaires « sur rendez-vous » sans créneau ne sont pas comptés.',
  sens: 'hausse',
  besoins: ['lieux'],
  calculer: (d) => {
    const lieux = lieuxDe(d)
    const sans = lieux.filter((l) => l.heuresHebdo === null).length
    const valeur = arrondi1(lieux.reduce((s, l) => s + (l.heuresHebdo ?? 0), 0))
    return sans === 0 ? { valeur } : { valeur, precision: `${sans} lieu${sans > 1 ? 'x' : ''} sans horaires lisibles compté${sans > 1 ? 's' : ''} 0` }
  },
}

const LABELS = [...DISPOSITIF_PROGRAMMES_NATIONAUX, ...FORMATIONS_LABELS].map((v) => ({ valeur: v, libelle: v }))
const labelDe = (p: Parametres): string => String(p['label'] ?? '')

export const lieuxParLabel: DefinitionIndicateur = {
  code: 'lieux_par_label',
  libelle: 'Lieux d’un label ou d’un dispositif',
  unite: 'lieux',
  definition: 'Nombre de lieux publiés du territoire qui portent ce label (formations et labels) ou ce dispositif national (dispositifs et programmes nationaux).',
  source: SOURCE_REGISTRE,
  limites: 'Dépend de ce que les sources déclarent : un lieu labellisé que sa source ne dit pas labellisé n’est pas compté.',
  sens: 'hausse',
  besoins: ['lieux'],
  parametres: [{ nom: 'label', libelle: 'Label ou dispositif', valeurs: LABELS }],
  libelleAvec: (p) => `Lieux « ${labelDe(p)} »`,
  calculer: (d, p) => {
    const label = labelDe(p)
    if (!LABELS.some((l) => l.valeur === label)) return { valeur: null, raison: `Label ou dispositif inconnu : « ${label} ».` }
    return { valeur: avecLabel(lieuxDe(d), label) }
  },
}

/** A national programme's places, one indicator of the national dashboards. */
function lieuxDuDispositif(code: string, dispositif: (typeof DISPOSITIF_PROGRAMMES_NATIONAUX)[number], libelle: string, limites: string): DefinitionIndicateur {
  return {
    code,
    libelle,
    unite: 'lieux',
    definition: `Nombre de lieux publiés du territoire dont les dispositifs et programmes nationaux comprennent « ${dispositif} ».`,
    source: SOURCE_REGISTRE,
    limites,
    sens: 'hausse',
    national: true,
    besoins: ['lieux'],
    calculer: (d) => ({ valeur: avecLabel(lieuxDe(d), dispositif) }),
  }
}

export const lieuxFranceServices = lieuxDuDispositif(
  'lieux_france_services',
  'France Services',
  'Lieux France Services',
  'Complet si la liste officielle des France Services a été importée (`aiguillage import --format france-services`) ; un bus itinérant compte une fois.',
)
export const lieuxConseillersNumeriques = lieuxDuDispositif(
  'lieux_conseillers_numeriques',
  'Conseillers numériques',
  'Lieux avec des conseillers numériques',
  'Compte des lieux, pas des personnes : le nombre de conseillers numériques en poste vient de l’ANCT.',
)
export const lieuxAidantsConnect = lieuxDuDispositif(
  'lieux_aidants_connect',
  'Aidants Connect',
  'Lieux habilités Aidants Connect',
  'Complet si la liste des structures habilitées a été importée (`aiguillage import --format aidants-connect`) ; ne dit pas combien d’aidants y sont habilités.',
)
