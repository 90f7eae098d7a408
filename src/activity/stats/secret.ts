/**
 * The statistical secret of the public statistics page (pure), so that nobody can be
 * re-identified from published counts:
 * 1. primary suppression — every count from 1 to 4 is shown « moins de 5 » (0 stays 0: it
 *    reveals nobody);
 * 2. secondary suppression — in a breakdown whose values add up to a published figure (a
 *    partition: types, channels, durations, communes, months, genre, age, status, followed or
 *    anonymous, new or known), a single hidden value could be recomputed by subtraction; so when exactly one
 *    value is hidden, the smallest other non-zero value is hidden too (« non diffusé »). Each
 *    partition then hides no value or at least two, and the total gives only their sum.
 * Multi-valued breakdowns (thematics, material: an accompaniment counts in several values) add
 * up to no published figure; they get the primary suppression only. No percentages are
 * published (a share and its denominator would give a hidden count back).
 */
import type { Statistiques } from './presentation.ts'

export const SEUIL_SECRET = 5
export const MOINS_DE_5 = 'moins de 5'
export const NON_DIFFUSE = 'non diffusé'

export interface CellulePublique {
  valeur: string
  libelle: string
  /** `null` when hidden. */
  nombre: number | null
  /** The count written in French, or « moins de 5 », or « non diffusé ». */
  affichage: string
}

const FORMAT = new Intl.NumberFormat('fr-FR')

/** A lone figure: its count, or « moins de 5 ». */
export function chiffrePublic(n: number): { nombre: number | null; affichage: string } {
  return n >= 1 && n < SEUIL_SECRET ? { nombre: null, affichage: MOINS_DE_5 } : { nombre: n, affichage: FORMAT.format(n) }
}

/** The cells of a breakdown with the primary and, for a partition, the secondary suppression. */
export function secretiser(lignes: ReadonlyArray<{ valeur: string; libelle: string; nombre: number }>, partition: boolean): CellulePublique[] {
  const masque: Array<'primaire' | 'secondaire' | null> = lignes.map((l) => (l.nombre >= 1 && l.nombre < SEUIL_SECRET ? 'primaire' : null))
  if (partition && masque.filter((m) => m !== null).length === 1) {
    // the smallest other non-zero value (the last one among equals)
    let choisi = -1
    lignes.forEach((l, i) => {
      if (masque[i] === null && l.nombre > 0 && (choisi < 0 || l.nombre <= (lignes[choisi]?.nombre ?? 0))) choisi = i
    })
    if (choisi >= 0) masque[choisi] = 'secondaire'
  }
  return lignes.map((l, i) => ({
    valeur: l.valeur,
    libelle: l.libelle,
    nombre: masque[i] === null ? l.nombre : null,
    affichage: masque[i] === 'primaire' ? MOINS_DE_5 : masque[i] === 'secondaire' ? NON_DIFFUSE : FORMAT.format(l.nombre),
  }))
}

export interface RepartitionPublique {
  titre: string
  unite: string
  /** Its values add up to a published figure (secondary suppression applied). */
  partition: boolean
  cellules: CellulePublique[]
}

export const CLES_PUBLIQUES = ['type', 'thematique', 'demarche', 'materiel', 'canal', 'duree', 'communes', 'genre', 'age', 'statut'] as const
export type ClePublique = (typeof CLES_PUBLIQUES)[number]
const PARTITIONS: ReadonlySet<ClePublique> = new Set(['type', 'canal', 'duree', 'communes', 'genre', 'age', 'statut'])

export interface StatistiquesPubliques {
  periode: Statistiques['periode']
  accompagnements: CellulePublique
  activites: CellulePublique
  beneficiaires: CellulePublique
  /** New and already accompanied beneficiaries (a partition of the beneficiaries). */
  nouveauxConnus: CellulePublique[]
  /** Followed and anonymous beneficiaries (a partition of the beneficiaries). */
  suivisAnonymes: CellulePublique[]
  parMois: CellulePublique[]
  repartitions: Record<ClePublique, RepartitionPublique>
}

const seule = (valeur: string, libelle: string, n: number): CellulePublique => ({ valeur, libelle, ...chiffrePublic(n) })

/**
 * What the public page may show of a territory's statistics: aggregates only, no place nor
 * mediator, no commune of residence, every count under the secret.
 */
export function statistiquesPubliques(s: Statistiques): StatistiquesPubliques {
  const repartitions = {} as Record<ClePublique, RepartitionPublique>
  for (const cle of CLES_PUBLIQUES) {
    const r = s.repartitions[cle]
    const partition = PARTITIONS.has(cle)
    repartitions[cle] = { titre: r.titre, unite: r.unite, partition, cellules: secretiser(r.parts, partition) }
  }
  return {
    periode: s.periode,
    accompagnements: seule('accompagnements', 'Accompagnements', s.accompagnements.total),
    activites: seule('activites', 'Activités', s.activites.total),
    beneficiaires: seule('beneficiaires', 'Bénéficiaires accompagnés', s.beneficiaires.total),
    nouveauxConnus: secretiser(
      [
        { valeur: 'nouveaux', libelle: 'Nouveaux bénéficiaires', nombre: s.beneficiaires.nouveaux },
        { valeur: 'connus', libelle: 'Bénéficiaires déjà accompagnés', nombre: s.beneficiaires.total - s.beneficiaires.nouveaux },
      ],
      true,
    ),
    suivisAnonymes: secretiser(
      [
        { valeur: 'suivis', libelle: 'Bénéficiaires suivis', nombre: s.beneficiaires.suivis },
        { valeur: 'anonymes', libelle: 'Bénéficiaires anonymes', nombre: s.beneficiaires.anonymes },
      ],
      true,
    ),
    parMois: secretiser(
      s.parMois.map((m) => ({ valeur: m.mois, libelle: m.libelle, nombre: m.accompagnements })),
      true,
    ),
    repartitions,
  }
}
