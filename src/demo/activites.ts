/**
 * Plausible activity reports for the demonstration, the tests and the benchmarks, generated fast
 * and deterministically: for one
 * mediator, dated activities over their active period (volume growing over the years, fewer on
 * Saturdays and in August, none on Sundays), ~85 % individual accompaniments, workshops of 3 to
 * 15 participants, thematics, démarches, material, durations, autonomy, channels and anonymous
 * beneficiaries drawn from weights close to La Coop's national figures, ~10 % of accompaniments
 * with a followed beneficiary (the mediator's own pool, so that the first accompaniment of each
 * is known; without a pool, none). Pure: the activities are our domain's `Activite` (valid by
 * construction, a test checks); the caller stores them.
 */
import type { Activite, BeneficiaireAnonyme, ParticipantsAnonymes } from '../activity/domain/validation.ts'
import type { Genre, StatutSocial, TrancheAge } from '../activity/domain/vocabulaire.ts'
import { aleatoire as flux } from './generator.ts'

export type Hasard = () => number

/** A weighted draw over `[value, weight]` pairs, precomputed. */
function tirage<T>(paires: ReadonlyArray<readonly [T, number]>): (h: Hasard) => T {
  const total = paires.reduce((t, [, p]) => t + p, 0)
  const cumul: number[] = []
  paires.reduce((t, [, p], i) => (cumul[i] = t + p / total), 0)
  return (h) => {
    const u = h()
    for (let i = 0; i < cumul.length; i++) if (u < (cumul[i] ?? 1)) return (paires[i] as readonly [T, number])[0]
    return (paires.at(-1) as readonly [T, number])[0]
  }
}
/** `n` distinct draws. */
const distincts = <T>(h: Hasard, tirer: (h: Hasard) => T, n: number): T[] => {
  const s = new Set<T>()
  for (let essais = 0; s.size < n && essais < 20; essais++) s.add(tirer(h))
  return [...s]
}

const thematique = tirage([
  ['aide_aux_demarches_administratives', 25], ['prendre_en_main_du_materiel', 22], ['navigation_sur_internet', 14], ['email', 12], ['bureautique', 6],
  ['gere_ses_contenus_numeriques', 6], ['securite_numerique', 6], ['sante', 5], ['banque_et_achats_en_ligne', 4], ['reseaux_sociaux', 4],
  ['insertion_professionnelle', 4], ['diagnostic_numerique', 3], ['maintenance_de_materiel', 3], ['culture_numerique', 2], ['creer_avec_le_numerique', 2],
  ['intelligence_artificielle', 2], ['parentalite', 1], ['scolarite_et_numerique', 1], ['entrepreneuriat', 1],
] as const)
const demarche = tirage([
  ['social_sante', 25], ['argent_impots', 18], ['travail_formation', 15], ['papiers_elections_citoyennete', 14], ['famille_scolarite', 12], ['logement', 8],
  ['transports_mobilite', 5], ['etrangers_europe', 3], ['justice', 1], ['loisirs_sports_culture', 1], ['associations', 1],
] as const)
const PRECISIONS = ['Déclaration de revenus', 'Demande de carte Vitale', 'Actualisation France Travail', 'Demande de RSA', 'Prise de rendez-vous en préfecture', 'Dossier CAF']
const materiel = tirage([['ordinateur', 50], ['telephone', 35], ['tablette', 7], ['autre', 2], ['aucun', 6]] as const)
const nombreDe = (h: Hasard, poids: readonly number[]) => tirage(poids.map((p, i) => [i, p] as const))(h)
const dureeIndividuelle = tirage([[15, 8], [30, 25], [45, 22], [60, 28], [90, 10], [120, 5], [20, 1], [40, 0.5], [75, 0.3], [150, 0.2]] as const)
const dureeAtelier = tirage([[60, 20], [90, 30], [120, 40], [180, 10]] as const)
const canalIndividuel = tirage([['lieu_activite', 72], ['a_distance', 12], ['domicile', 8], ['autre', 8]] as const)
const canalAtelier = tirage([['lieu_activite', 85], ['autre', 15]] as const)
const autonomie = tirage([['entierement_accompagne', 40], ['partiellement_autonome', 40], ['autonome', 20]] as const)
const niveau = tirage([['debutant', 55], ['intermediaire', 35], ['avance', 10]] as const)
const redirection = tirage([
  ['administration', 25], ['operateur_ou_organisme_en_charge', 20], ['aide_sociale', 18], ['aide_aux_demarches_administratives', 15], ['mediation_numerique', 10],
  ['insertion_professionnelle', 7], ['autre', 5],
] as const)
export const genre = tirage<Genre>([['feminin', 50], ['masculin', 38], ['non_communique', 12]])
export const trancheAge = tirage<TrancheAge>([
  ['moins_de_douze', 1], ['douze_dix_huit', 3], ['dix_huit_vingt_quatre', 7], ['vingt_cinq_trente_neuf', 15], ['quarante_cinquante_neuf', 25],
  ['soixante_soixante_neuf', 20], ['soixante_dix_plus', 21], ['non_communique', 8],
])
export const statut = tirage<StatutSocial>([['scolarise', 5], ['sans_emploi', 22], ['en_emploi', 18], ['retraite', 40], ['non_communique', 15]])
const TITRES = ['Découvrir sa boîte mail', 'Premiers pas sur la tablette', 'Se protéger des arnaques', 'Mon espace santé', 'Café numérique', 'Bien utiliser son smartphone']

/** What the generator knows of a mediator. */
export interface ProfilMediateur {
  /** Share of the 5 years, from 0 (5 years ago) to 1 (today), when the mediator started and stopped. */
  debut: number
  fin: number
  /** The communes around the place (home visits, other places, residence), the place's first. */
  communes: readonly string[]
}

/** Growth of the volume over the years: density 1 + G·t on [0, 1]. */
const G = 1.5
const repartition = (t: number) => (t + (G * t * t) / 2) / (1 + G / 2)
const inverse = (u: number) => (-1 + Math.sqrt(1 + 2 * G * u * (1 + G / 2))) / G
/** The share of the 5 years' volume that falls in [debut, fin]. */
export const partDuVolume = (p: ProfilMediateur) => repartition(p.fin) - repartition(p.debut)

/** `n` activity dates (`YYYY-MM-DD`) in the mediator's period, sorted. */
export function dates(h: Hasard, p: ProfilMediateur, n: number, debutMs: number, dureeMs: number): string[] {
  const a = repartition(p.debut)
  const b = repartition(p.fin)
  const sorties: string[] = []
  for (let i = 0; i < n; i++) {
    for (;;) {
      const d = new Date(debutMs + inverse(a + h() * (b - a)) * dureeMs)
      const jour = d.getUTCDay()
      if (jour === 0 || (jour === 6 && h() < 0.6) || (d.getUTCMonth() === 7 && h() < 0.45)) continue
      sorties.push(d.toISOString().slice(0, 10))
      break
    }
  }
  return sorties.sort()
}

export interface Suivi {
  id: string
  nouveau: boolean
}

/** The mediator's followed beneficiaries: a new one about one time in three. */
export interface PoolSuivis {
  prendre(h: Hasard, date: string, exclus?: ReadonlySet<string>): Suivi
}

function anonyme(h: Hasard, p: ProfilMediateur): BeneficiaireAnonyme {
  const a: BeneficiaireAnonyme = { genre: genre(h), trancheAge: trancheAge(h), statutSocial: statut(h), dejaAccompagne: h() < 0.45 }
  if (h() < 0.4) a.communeResidence = p.communes[Math.floor(h() * h() * p.communes.length)] as string
  return a
}

function participants(h: Hasard, n: number): ParticipantsAnonymes {
  const zero = <T extends string>(valeurs: readonly T[]) => Object.fromEntries(valeurs.map((v) => [v, 0])) as Record<T, number>
  const p: ParticipantsAnonymes = {
    total: n,
    dejaAccompagne: 0,
    genre: zero(['masculin', 'feminin', 'non_communique']),
    trancheAge: zero(['moins_de_douze', 'douze_dix_huit', 'dix_huit_vingt_quatre', 'vingt_cinq_trente_neuf', 'quarante_cinquante_neuf', 'soixante_soixante_neuf', 'soixante_dix_plus', 'non_communique']),
    statutSocial: zero(['scolarise', 'sans_emploi', 'en_emploi', 'retraite', 'non_communique']),
  }
  // a third of workshops record no socio-demographic data (all « non communiqué »)
  const renseigne = h() > 0.33
  for (let i = 0; i < n; i++) {
    if (renseigne) {
      p.genre[genre(h)]++
      p.trancheAge[trancheAge(h)]++
      p.statutSocial[statut(h)]++
    }
    if (h() < 0.5) p.dejaAccompagne++
  }
  return p
}

/** One activity on `date`; `suivis` lists the followed beneficiaries it involves (new or not). */
export function activite(h: Hasard, date: string, p: ProfilMediateur, lieu: string, pool?: PoolSuivis): { activite: Activite; suivis: Suivi[] } {
  const collectif = h() < 0.15
  const thematiques = distincts(h, thematique, 1 + nombreDe(h, [55, 30, 15]))
  const demarches = thematiques.includes('aide_aux_demarches_administratives') ? distincts(h, demarche, 1 + nombreDe(h, [75, 25])) : []
  const typeLieu = collectif ? canalAtelier(h) : canalIndividuel(h)
  const commun = {
    date,
    duree: collectif ? dureeAtelier(h) : dureeIndividuelle(h),
    typeLieu,
    ...(typeLieu === 'lieu_activite' && { lieu }),
    ...((typeLieu === 'domicile' || typeLieu === 'autre') && { commune: p.communes[Math.floor(h() * p.communes.length)] as string }),
    thematiques,
    thematiquesDemarche: demarches,
    ...(demarches.length > 0 && h() < 0.3 && { precisionsDemarche: PRECISIONS[Math.floor(h() * PRECISIONS.length)] as string }),
    materiel: distincts(h, materiel, nombreDe(h, [10, 70, 20])),
  }
  if (!collectif) {
    const orientee = h() < 0.12
    const suivi = pool && h() < 0.1 ? pool.prendre(h, date) : undefined
    const a: Activite = {
      ...commun,
      type: 'individuel',
      ...(h() < 0.6 && { autonomie: autonomie(h) }),
      orienteVersStructure: orientee,
      ...(orientee && { structureDeRedirection: redirection(h) }),
      ...(suivi ? { beneficiaireSuivi: suivi.id } : { beneficiaireAnonyme: anonyme(h, p) }),
    }
    return { activite: a, suivis: suivi ? [suivi] : [] }
  }
  const n = 3 + Math.floor(((h() + h()) / 2) * 13)
  const suivis: Suivi[] = []
  const ids = new Set<string>()
  for (let i = 0; pool && i < n; i++) {
    if (h() >= 0.1) continue
    const s = pool.prendre(h, date, ids)
    ids.add(s.id)
    suivis.push(s)
  }
  const a: Activite = {
    ...commun,
    type: 'collectif',
    ...(h() < 0.5 && { titreAtelier: TITRES[Math.floor(h() * TITRES.length)] as string }),
    ...(h() < 0.7 && { niveau: niveau(h) }),
    beneficiairesSuivis: suivis.map((s) => s.id),
    participants: participants(h, n - suivis.length),
  }
  return { activite: a, suivis }
}

/** A seeded generator with its helpers (tests): the demo generator's stream. */
export function aleatoire(graine: number) {
  const suivant = flux(graine)
  const entier = (n: number) => Math.floor(suivant() * n)
  return {
    suivant,
    entier,
    /** One of the values, evenly. */
    parmi: <T>(valeurs: readonly T[]): T => valeurs[entier(valeurs.length)] as T,
  }
}
export type Aleatoire = ReturnType<typeof aleatoire>

/** A working day (Monday to Saturday) among the `jours` days before `jusquau` (`YYYY-MM-DD`). */
export function jourAuHasard(h: Hasard, jusquau: string, jours: number): string {
  const fin = Date.parse(`${jusquau}T12:00:00Z`)
  for (;;) {
    const d = new Date(fin - Math.floor(h() * jours) * 86_400_000)
    if (d.getUTCDay() !== 0) return d.toISOString().slice(0, 10)
  }
}
