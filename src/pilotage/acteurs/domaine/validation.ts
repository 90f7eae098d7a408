/**
 * Validation of one actor — a row of an imported file or the coordinator's form, the same
 * rules for both — field by field, collecting EVERY problem (French message, field, value):
 * `erreur` rejects the row; `avertissement` drops the value and keeps the row; `correction`
 * rewrites it. Reuses the places' rules (SIRET key with La Poste's exception, e-mail, web
 * address, telephone, date, commune resolution). Pure: the referential is given.
 */
import { nettoyerLigne, nettoyerTexte, cle, plusProche } from '../../../platform/text.ts'
import { Constat, type Probleme } from '../../../places/validation/problems.ts'
import { cleSiretValide, compacterIdentifiant } from '../../../places/validation/identite.ts'
import { lireCourriel, lireUrl } from '../../../places/validation/contacts.ts'
import { normaliserTelephone } from '../../../places/validation/telephone.ts'
import { lireDateMaj } from '../../../places/validation/date-maj.ts'
import { decouper } from '../../../places/validation/listes.ts'
import { resoudreCommune } from '../../../territories/communes.ts'
import type { Referentiel } from '../../../territories/referentiel.ts'
import { COMPETENCES, ROLES_ACTEUR, TYPES_ACTEUR, type TypeActeur } from './vocabulaire.ts'
import { lirePartenariats, type PartenariatDeclare } from './partenariats.ts'

/** An actor as validated: the fields kept per source record and merged by survivorship. */
export interface Acteur {
  nom: string
  type: TypeActeur
  siret: string | null
  adresse: string | null
  code_postal: string | null
  commune: string
  code_insee: string
  code_departement: string
  code_region: string
  site_web: string | null
  courriel: string | null
  telephone: string | null
  roles: string[]
  competences: string[]
  description: string | null
  date_maj: string
}

/** The columns of a file of actors, in the documented order. */
export const COLONNES_ACTEUR = [
  'id',
  'nom',
  'type',
  'siret',
  'adresse',
  'code_postal',
  'commune',
  'code_insee',
  'site_web',
  'courriel',
  'telephone',
  'roles',
  'competences',
  'description',
  'date_maj',
  'partenariats',
] as const

export interface ActeurLu {
  /** The row's id in its source; null when absent (then the row is rejected). */
  id: string | null
  acteur: Acteur | null
  /** Where the row's commune is, when resolved (even for a rejected row: the form checks the territory). */
  situation: { code_insee: string; code_departement: string; code_region: string } | null
  partenariats: PartenariatDeclare[]
  problemes: Probleme[]
}

const LONGUEUR_DESCRIPTION = 2000

function lireTexte(champ: string, brut: unknown, constat: Constat, obligatoire: string | null, max = 200): string | null {
  const texte = nettoyerLigne(brut)
  if (texte === null) {
    if (obligatoire) constat.erreur(champ, brut, obligatoire)
    return null
  }
  if (texte.length > max) {
    constat.erreur(champ, brut, `Le champ ${champ} dépasse ${max} caractères (${texte.length}).`)
    return null
  }
  return texte
}

/** A code of a vocabulary, written as its code or its label, accents and case aside. */
function trouverCode(vocabulaire: Readonly<Record<string, string>>, texte: string): string | undefined {
  const c = cle(texte)
  return Object.entries(vocabulaire).find(([code, libelle]) => cle(code) === c || cle(libelle) === c)?.[0]
}

function lireType(brut: unknown, constat: Constat): TypeActeur | null {
  const texte = nettoyerLigne(brut)
  const admis = Object.keys(TYPES_ACTEUR).join(', ')
  if (texte === null) {
    constat.erreur('type', brut, `Le type d’acteur est obligatoire (valeurs admises : ${admis}).`)
    return null
  }
  const code = trouverCode(TYPES_ACTEUR, texte)
  if (code === undefined) {
    constat.erreur('type', brut, `« ${texte} » n’est pas un type d’acteur admis (valeurs admises : ${admis}).`)
    return null
  }
  return code as TypeActeur
}

export function lireSiret(brut: unknown, constat: Constat): string | null {
  const texte = nettoyerLigne(brut)
  if (texte === null) return null
  const compact = compacterIdentifiant(texte)
  if (!/^\d{14}$/.test(compact)) {
    constat.avertissement('siret', brut, `« ${texte} » n’est pas un SIRET (14 chiffres) : il est ignoré.`)
    return null
  }
  if (/^0+$/.test(compact)) return null
  if (!cleSiretValide(compact)) {
    constat.avertissement('siret', brut, `Le SIRET « ${compact} » ne respecte pas la clé de contrôle (formule de Luhn) : il est ignoré (vérifiez-le sur l’annuaire des entreprises).`)
    return null
  }
  return compact
}

/** Values of a closed list; an unknown value is dropped with a warning naming the closest one. */
function lireListe(champ: string, brut: unknown, admises: readonly string[], lire: (texte: string) => string | undefined, constat: Constat): string[] {
  const retenues: string[] = []
  for (const morceau of decouper(brut)) {
    const valeur = lire(morceau)
    if (valeur === undefined) {
      const proche = plusProche(morceau, admises)
      constat.avertissement(champ, morceau, `« ${morceau} » n’est pas une valeur admise : elle est ignorée.${proche ? ` Vouliez-vous dire « ${proche} » ?` : ''}`)
    } else if (!retenues.includes(valeur)) retenues.push(valeur)
  }
  return retenues
}

function lireContact(champ: 'site_web' | 'courriel' | 'telephone', brut: unknown, codePostal: string | null, constat: Constat): string | null {
  const texte = nettoyerLigne(brut)
  if (texte === null || !/[\p{L}\p{N}]/u.test(texte)) return null
  const valeur = champ === 'site_web' ? lireUrl(texte, false) : champ === 'courriel' ? lireCourriel(texte) : normaliserTelephone(texte, codePostal)
  if (valeur === null) {
    const message = {
      site_web: `L’adresse web « ${texte} » n’est pas valide : elle est ignorée.`,
      courriel: `L’adresse électronique « ${texte} » n’est pas valide : elle est ignorée.`,
      telephone: `Le numéro de téléphone « ${texte} » n’est pas valide : il est ignoré.`,
    }[champ]
    constat.avertissement(champ, brut, message)
  } else if (champ === 'telephone' && valeur !== texte) constat.correction(champ, brut, `Numéro mis au format international : ${valeur}.`)
  return valeur
}

/** Reads a row (file or form), whatever its faults: every problem is reported. */
export function lireActeur(valeurs: Readonly<Record<string, unknown>>, ref: Referentiel, aujourdhui: string): ActeurLu {
  const constat = new Constat()
  const id = lireTexte('id', valeurs.id, constat, 'L’identifiant (id) est obligatoire : chaque acteur a un identifiant unique dans le fichier.')
  const nom = lireTexte('nom', valeurs.nom, constat, 'Le nom de l’acteur est obligatoire.')
  const type = lireType(valeurs.type, constat)
  const siret = lireSiret(valeurs.siret, constat)
  const adresse = lireTexte('adresse', valeurs.adresse, constat, null)
  const codePostalTexte = nettoyerLigne(valeurs.code_postal)
  let codePostal: string | null = null
  if (codePostalTexte !== null) {
    if (/^\d{5}$/.test(codePostalTexte)) codePostal = codePostalTexte
    else constat.erreur('code_postal', valeurs.code_postal, `Le code postal « ${codePostalTexte} » doit compter 5 chiffres.`)
  }
  const communeTexte = nettoyerLigne(valeurs.commune)
  const inseeTexte = nettoyerLigne(valeurs.code_insee)
  let commune: { nom: string; code: string; departement: string; region: string } | null = null
  if (communeTexte === null && inseeTexte === null) {
    constat.erreur('commune', valeurs.commune, 'La commune (ou son code INSEE) est obligatoire : le territoire de l’acteur en dépend.')
  } else {
    const resolution = resoudreCommune({ commune: communeTexte, code_postal: codePostal, code_insee: inseeTexte }, ref)
    if (!resolution.commune) {
      constat.erreur('commune', communeTexte ?? inseeTexte, `${resolution.explication ?? 'Commune introuvable.'} L’acteur ne peut être rattaché à aucun territoire.`)
    } else {
      commune = resolution.commune
      if (resolution.statut === 'corrigee' || resolution.statut === 'incoherente') constat.avertissement('code_insee', inseeTexte, resolution.explication ?? '')
    }
  }
  const roles = lireListe('roles', valeurs.roles, Object.values(ROLES_ACTEUR), (t) => trouverCode(ROLES_ACTEUR, t), constat)
  const competences = lireListe('competences', valeurs.competences, COMPETENCES, (t) => COMPETENCES.find((c) => cle(c) === cle(t)), constat)
  const descriptionTexte = nettoyerTexte(valeurs.description)
  let description: string | null = descriptionTexte
  if (descriptionTexte !== null && descriptionTexte.length > LONGUEUR_DESCRIPTION) {
    constat.erreur('description', descriptionTexte, `La description dépasse ${LONGUEUR_DESCRIPTION} caractères (${descriptionTexte.length}).`)
    description = null
  }
  const dateMaj = lireDateMaj(valeurs.date_maj, aujourdhui, constat)
  const partenariats = lirePartenariats(valeurs.partenariats, siret, constat)
  const site_web = lireContact('site_web', valeurs.site_web, codePostal, constat)
  const courriel = lireContact('courriel', valeurs.courriel, codePostal, constat)
  const telephone = lireContact('telephone', valeurs.telephone, codePostal, constat)

  const complet = id !== null && nom !== null && type !== null && commune !== null && dateMaj !== null && !constat.bloquant
  return {
    id,
    partenariats,
    problemes: constat.problemes,
    situation: commune ? { code_insee: commune.code, code_departement: commune.departement, code_region: commune.region } : null,
    acteur: complet && commune
      ? {
          nom,
          type,
          siret,
          adresse,
          code_postal: codePostal,
          commune: commune.nom,
          code_insee: commune.code,
          code_departement: commune.departement,
          code_region: commune.region,
          site_web,
          courriel,
          telephone,
          roles,
          competences,
          description,
          date_maj: dateMaj,
        }
      : null,
  }
}
