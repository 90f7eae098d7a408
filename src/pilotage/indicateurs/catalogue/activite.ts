/**
 * Indicators of the accompaniment over the period, read from the activity statistics of the
 * territory (`src/activity/stats/`: the same figures as `/espace/statistiques`, never recounted):
 * accompaniments, beneficiaries, and beneficiaries of one public (gender, age bracket, status).
 */
import { GENRES, STATUTS_SOCIAUX, TRANCHES_AGE } from '../../../activity/domain/vocabulaire.ts'
import type { Statistiques } from '../../../activity/stats/presentation.ts'
import type { DefinitionIndicateur, DonneesTerritoire, Parametres } from './types.ts'

const SOURCE = 'Comptes rendus d’activité des médiateurs du territoire (statistiques d’activité, règles de comptage de La Coop de la médiation numérique)'

function statistiquesDe(d: DonneesTerritoire): Statistiques {
  if (!d.statistiques) throw new Error('Les statistiques d’activité n’ont pas été chargées.')
  return d.statistiques
}

export const accompagnements: DefinitionIndicateur = {
  code: 'accompagnements',
  libelle: 'Accompagnements sur la période',
  unite: 'accompagnements',
  definition: 'Nombre d’accompagnements enregistrés par les médiateurs dans les communes du territoire sur la période ; un atelier collectif compte pour un accompagnement par participant.',
  source: SOURCE,
  limites: 'Ne compte que ce que les médiateurs enregistrent dans Aiguillage (pas les outils nationaux).',
  sens: 'hausse',
  besoins: ['statistiques'],
  calculer: (d) => ({ valeur: statistiquesDe(d).accompagnements.total }),
}

export const beneficiaires: DefinitionIndicateur = {
  code: 'beneficiaires',
  libelle: 'Bénéficiaires accompagnés sur la période',
  unite: 'bénéficiaires',
  definition: 'Bénéficiaires accompagnés sur la période : les personnes suivies comptées une fois, plus les bénéficiaires anonymes.',
  source: SOURCE,
  limites: 'Un bénéficiaire anonyme revenu plusieurs fois peut compter plusieurs fois.',
  sens: 'hausse',
  besoins: ['statistiques'],
  calculer: (d) => ({ valeur: statistiquesDe(d).beneficiaires.total }),
}

const DIMENSIONS = { genre: GENRES, age: TRANCHES_AGE, statut: STATUTS_SOCIAUX } as const
const PUBLICS = Object.entries(DIMENSIONS).flatMap(([dimension, termes]) =>
  termes.map((t) => ({ valeur: `${dimension}:${t.valeur}`, libelle: `${dimension === 'genre' ? 'Genre' : dimension === 'age' ? 'Âge' : 'Statut'} : ${t.libelle}` })),
)
const publicDe = (p: Parametres): string => String(p['public'] ?? '')

export const beneficiairesParPublic: DefinitionIndicateur = {
  code: 'beneficiaires_par_public',
  libelle: 'Bénéficiaires d’un public',
  unite: 'bénéficiaires',
  definition: 'Bénéficiaires accompagnés sur la période qui appartiennent à ce public (genre, tranche d’âge ou statut), comme dans les répartitions des statistiques d’activité.',
  source: SOURCE,
  limites: 'Beaucoup de bénéficiaires anonymes sont « non communiqué » : le chiffre est un minimum.',
  sens: 'hausse',
  besoins: ['statistiques'],
  parametres: [{ nom: 'public', libelle: 'Public', valeurs: PUBLICS }],
  libelleAvec: (p) => `Bénéficiaires — ${PUBLICS.find((x) => x.valeur === publicDe(p))?.libelle ?? publicDe(p)}`,
  calculer: (d, p) => {
    const [dimension, valeur] = publicDe(p).split(':') as [string, string | undefined]
    if (!(dimension in DIMENSIONS) || !PUBLICS.some((x) => x.valeur === publicDe(p))) return { valeur: null, raison: `Public inconnu : « ${publicDe(p)} ».` }
    const repartition = statistiquesDe(d).repartitions[dimension as keyof typeof DIMENSIONS]
    return { valeur: repartition.parts.find((x) => x.valeur === valeur)?.nombre ?? 0, precision: `sur ${repartition.total} bénéficiaires` }
  },
}
