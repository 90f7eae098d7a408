/**
 * `id`, `nom` and `pivot`. The pivot is a SIRET (14 digits, Luhn key checked, La Poste's
 * exception honoured) or an RNA (W + 9 characters); anything else — a SIRET whose key is wrong
 * included — is replaced by the standard's conventional « non renseigné » value 00000000000000,
 * with a warning naming the value received. That placeholder itself is accepted silently; zeros
 * written otherwise (`0.0`, a spreadsheet's empty number) count as absent.
 */
import { z } from 'zod'
import { nettoyerLigne } from '../../platform/text.ts'
import { PIVOT_NON_RENSEIGNE } from '../standard/fields.ts'
import type { Constat } from './problems.ts'

const texteObligatoire = (message: string) => z.string({ error: message }).min(1, { error: message })

const schemaId = texteObligatoire("L'identifiant (id) est obligatoire : chaque lieu doit avoir un identifiant unique dans le fichier.")
const schemaNom = texteObligatoire('Le nom du lieu est obligatoire.')

export function lireId(brut: unknown, constat: Constat): string | null {
  const resultat = schemaId.safeParse(nettoyerLigne(brut) ?? undefined)
  if (resultat.success) return resultat.data
  constat.zod('erreur', 'id', brut, resultat.error)
  return null
}

export function lireNom(brut: unknown, constat: Constat): string | null {
  const resultat = schemaNom.safeParse(nettoyerLigne(brut) ?? undefined)
  if (resultat.success) return resultat.data
  constat.zod('erreur', 'nom', brut, resultat.error)
  return null
}

/**
 * Luhn key of a SIRET. La Poste's establishments (SIREN 356000000) may instead have a sum of
 * digits divisible by 5; its head office follows Luhn.
 */
export function cleSiretValide(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false
  if (luhn(siret)) return true
  return siret.startsWith('356000000') && [...siret].reduce((total, chiffre) => total + Number(chiffre), 0) % 5 === 0
}

function luhn(siret: string): boolean {
  let somme = 0
  for (let i = 0; i < 14; i++) {
    let chiffre = Number(siret[13 - i])
    if (i % 2 === 1) {
      chiffre *= 2
      if (chiffre > 9) chiffre -= 9
    }
    somme += chiffre
  }
  return somme % 10 === 0
}

export const estRna = (valeur: string): boolean => /^W[0-9A-Z]{9}$/.test(valeur)

/** « 13002603200016.0 » (tableur), « 130 026 032 00016 », « 130.026.032-00016 » → `13002603200016`. */
export const compacterIdentifiant = (texte: string): string => texte.replace(/\.0+$/, '').replace(/[\s.\-]/g, '')

export function lirePivot(brut: unknown, constat: Constat): string {
  const texte = nettoyerLigne(brut)
  if (texte === null) {
    constat.avertissement(
      'pivot',
      brut,
      `Le SIRET ou RNA (pivot) est absent : la valeur conventionnelle ${PIVOT_NON_RENSEIGNE} (« non renseigné ») est utilisée.`,
    )
    return PIVOT_NON_RENSEIGNE
  }
  const compact = compacterIdentifiant(texte).toUpperCase()
  if (/^0+$/.test(compact) && compact !== PIVOT_NON_RENSEIGNE) return lirePivot(null, constat)
  if (/^\d{14}$/.test(compact)) {
    if (compact !== PIVOT_NON_RENSEIGNE && !cleSiretValide(compact)) {
      constat.avertissement(
        'pivot',
        brut,
        `Le SIRET « ${compact} » ne respecte pas la clé de contrôle (formule de Luhn) : il est écarté et remplacé par la valeur conventionnelle ${PIVOT_NON_RENSEIGNE} (vérifiez-le sur l'annuaire des entreprises).`,
      )
      return PIVOT_NON_RENSEIGNE
    }
    return compact
  }
  if (estRna(compact)) return compact
  const raison = /^\d{9}$/.test(compact)
    ? `« ${compact} » est un SIREN (9 chiffres) ; le standard attend le SIRET de l'établissement (14 chiffres) ou un RNA (W suivi de 9 caractères)`
    : `« ${texte} » n'est ni un SIRET (14 chiffres) ni un RNA (W suivi de 9 caractères)`
  constat.avertissement('pivot', brut, `${raison} : la valeur conventionnelle ${PIVOT_NON_RENSEIGNE} est utilisée.`)
  return PIVOT_NON_RENSEIGNE
}
