/**
 * Random but reproducible activities for the statistics tests (seeded mulberry32): individual
 * accompaniments (anonymous, with a commune of residence, or of a followed beneficiary) and
 * workshops (anonymous counters and followed participants), in 2025, on given places and
 * mediators, every field of La Coop's vocabulary drawn — each entry passed through the real
 * validation.
 */
import type { Activite } from '../../src/activity/domain/validation.ts'
import { validerActivite } from '../../src/activity/domain/validation.ts'
import { aleatoire, type Aleatoire } from '../../src/demo/activites.ts'
import {
  AUTONOMIES,
  GENRES,
  MATERIELS,
  NIVEAUX_ATELIER,
  STATUTS_SOCIAUX,
  STRUCTURES_REDIRECTION,
  THEMATIQUES,
  THEMATIQUES_DEMARCHE,
  TRANCHES_AGE,
  TYPES_LIEU,
} from '../../src/activity/domain/vocabulaire.ts'

/** The seeded generator of the demonstration and benchmarks. */
export const hasard = aleatoire
export type Hasard = Aleatoire

export const AUJOURDHUI = '2026-01-15'
const COMMUNES_AILLEURS = ['73065', '73008', '73011', '73031']

/** Counters that add up to at most `total`, spread over a vocabulary. */
function compteurs(h: Hasard, valeurs: readonly { valeur: string }[], total: number): Record<string, number> {
  const r: Record<string, number> = {}
  let reste = h.entier(total + 1)
  for (const v of valeurs) {
    const n = h.entier(reste + 1)
    if (n > 0) r[v.valeur] = n
    reste -= n
  }
  return r
}

/**
 * An activity on place `lieu` of the year 2025 (months `mois` only, if given); `suivis`: ids of
 * followed beneficiaries of the place's structure that may take part.
 */
export function activiteAuHasard(h: Hasard, lieu: number, suivis: readonly string[] = [], mois: readonly number[] = []): Activite {
  const typeLieu = h.parmi(TYPES_LIEU).valeur
  const thematiques = [...new Set([h.parmi(THEMATIQUES).valeur, h.parmi(THEMATIQUES).valeur, ...(h.suivant() < 0.3 ? ['aide_aux_demarches_administratives'] : [])])]
  const m = mois.length > 0 ? h.parmi(mois) : 1 + h.entier(12)
  const brut: Record<string, unknown> = {
    type: h.suivant() < 0.7 ? 'individuel' : 'collectif',
    date: `2025-${String(m).padStart(2, '0')}-${String(1 + h.entier(28)).padStart(2, '0')}`,
    duree: h.parmi([10, 15, 30, 45, 60, 90, 120, 150]),
    typeLieu,
    ...(typeLieu === 'lieu_activite' && { lieu: String(lieu) }),
    ...((typeLieu === 'domicile' || typeLieu === 'autre') && { commune: h.parmi(COMMUNES_AILLEURS) }),
    thematiques,
    ...(thematiques.includes('aide_aux_demarches_administratives') && { thematiquesDemarche: [h.parmi(THEMATIQUES_DEMARCHE).valeur] }),
    materiel: h.suivant() < 0.8 ? [...new Set([h.parmi(MATERIELS).valeur, h.parmi(MATERIELS).valeur])] : [],
  }
  if (brut.type === 'individuel') {
    if (h.suivant() < 0.6) brut.autonomie = h.parmi(AUTONOMIES).valeur
    if (h.suivant() < 0.3) {
      brut.orienteVersStructure = true
      if (h.suivant() < 0.7) brut.structureDeRedirection = h.parmi(STRUCTURES_REDIRECTION).valeur
    }
    if (suivis.length > 0 && h.suivant() < 0.3) brut.beneficiaireSuivi = h.parmi(suivis)
    else {
      brut.beneficiaireAnonyme = {
        genre: h.parmi(GENRES).valeur,
        trancheAge: h.parmi(TRANCHES_AGE).valeur,
        statutSocial: h.parmi(STATUTS_SOCIAUX).valeur,
        dejaAccompagne: h.suivant() < 0.3,
        ...(h.suivant() < 0.5 && { communeResidence: h.parmi(COMMUNES_AILLEURS) }),
      }
    }
  } else {
    if (h.suivant() < 0.5) brut.niveau = h.parmi(NIVEAUX_ATELIER).valeur
    if (h.suivant() < 0.5) brut.titreAtelier = 'Atelier'
    const choisis = suivis.length > 0 && h.suivant() < 0.5 ? [...new Set([h.parmi(suivis), h.parmi(suivis)])] : []
    const total = choisis.length > 0 && h.suivant() < 0.3 ? 0 : 1 + h.entier(12)
    brut.beneficiairesSuivis = choisis
    brut.participants = {
      total,
      dejaAccompagne: h.entier(total + 1),
      genre: compteurs(h, GENRES, total),
      trancheAge: compteurs(h, TRANCHES_AGE, total),
      statutSocial: compteurs(h, STATUTS_SOCIAUX, total),
    }
  }
  const r = validerActivite(brut, AUJOURDHUI)
  if ('erreurs' in r) throw new Error(JSON.stringify(r.erreurs))
  return r.activite
}
