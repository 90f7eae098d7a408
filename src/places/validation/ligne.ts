/**
 * Validates one row of a file against v1.0.2 and returns the normalised place with every
 * problem found — all of them, not only the first. Columns may use v1.0.2 or v0.1 names and
 * values; the commune is resolved against the official list.
 */
import type { Champ, Lieu } from '../standard/fields.ts'
import { resoudreCommune } from '../../territories/communes.ts'
import type { Commune, Referentiel } from '../../territories/referentiel.ts'
import { VOCABULAIRES } from '../standard/enumerations.ts'
import { COLONNES_ECLATEES } from '../standard/v0.ts'
import { lireAdresse, lireCodeInsee, lireCodePostal, lireCommune, lireComplementAdresse, communeConforme, assainirCommune } from './adresse.ts'
import { CELLULES_EN_TROP, NON_OBJET, role } from './colonnes.ts'
import { lireCourriels, lireLien, lireSitesWeb } from './contacts.ts'
import { lireCoordonnees } from './coordonnees.ts'
import { lireDateMaj } from './date-maj.ts'
import { lireHoraires } from './horaires.ts'
import { lireId, lireNom, lirePivot } from './identite.ts'
import { lireListeEnumeree, lireListeLibre, Valeurs } from './listes.ts'
import { lirePresentation, lireTexteLibre } from './presentation.ts'
import { Constat, type Probleme } from './problems.ts'
import { lireTelephone } from './telephone.ts'

export interface Contexte {
  /** Today in Europe/Paris, `YYYY-MM-DD`: `date_maj` may not be later. */
  aujourdhui: string
  referentiel: Referentiel
  /**
   * Rewrite street lines in capitals or with abbreviations into readable ones: for files of
   * other producers; a file in the standard keeps its addresses as published.
   */
  adressesLisibles?: boolean
}

/** Where the place is, for territorial filters: the commune found in the official list. */
export interface Localisation {
  commune: Commune | null
}

export interface ResultatLigne {
  /** The place, or `null` when a blocking problem rejects the row. */
  lieu: Lieu | null
  localisation: Localisation
  problemes: Probleme[]
}

type Entree = Map<string, unknown[]>

/** Groups the row's values by target column; a v0.1 and a v1 name of the same field are merged. */
function regrouper(brut: Record<string, unknown>): Entree {
  const entree: Entree = new Map()
  for (const [entete, valeur] of Object.entries(brut)) {
    if (valeur === null || valeur === undefined || valeur === '') continue
    const r = role(entete)
    const cle = r.type === 'champ' || r.type === 'renommee' ? r.champ : r.colonne
    const deja = entree.get(cle)
    if (deja) deja.push(valeur)
    else entree.set(cle, [valeur])
  }
  return entree
}

const premiere = (entree: Entree, cle: string): unknown => entree.get(cle)?.[0]
const toutes = (entree: Entree, cle: string): unknown[] | undefined => entree.get(cle)

const CHAMPS_ENUMERES = new Set<string>(Object.keys(VOCABULAIRES))

export function validerLigne(brut: Record<string, unknown>, contexte: Contexte): ResultatLigne {
  const constat = new Constat()
  if (NON_OBJET in brut) {
    constat.erreur('', brut[NON_OBJET], "Cet enregistrement n'est pas un objet JSON décrivant un lieu.")
    return { lieu: null, localisation: { commune: null }, problemes: constat.problemes }
  }
  if (CELLULES_EN_TROP in brut) {
    const enTrop = brut[CELLULES_EN_TROP] as unknown[]
    constat.avertissement('', enTrop, `La ligne a ${enTrop.length} cellule(s) de plus que l'en-tête : elles sont ignorées (un séparateur dans une valeur non entourée de guillemets ?).`)
  }
  const entree = regrouper(brut)

  const id = lireId(premiere(entree, 'id'), constat)
  const nom = lireNom(premiere(entree, 'nom'), constat)
  const pivot = lirePivot(premiere(entree, 'pivot'), constat)
  const adresse = lireAdresse(premiere(entree, 'adresse'), constat, contexte.adressesLisibles ?? false)
  const complement = lireComplementAdresse(premiere(entree, 'complement_adresse'))

  // Commune: what the producer wrote, then the official list.
  let codePostal = lireCodePostal(premiere(entree, 'code_postal'), constat)
  let commune = lireCommune(premiere(entree, 'commune'))
  let codeInsee = lireCodeInsee(premiere(entree, 'code_insee'), constat)
  const resolution = resoudreCommune({ commune, code_postal: codePostal, code_insee: codeInsee }, contexte.referentiel)
  const trouvee = resolution.commune ?? null
  switch (resolution.statut) {
    case 'completee':
      if (trouvee) {
        codeInsee = trouvee.code
        if (resolution.explication) constat.avertissement('commune', commune ?? '', resolution.explication)
        else constat.correction('code_insee', '', `Code INSEE complété d'après la commune et le code postal : ${trouvee.code} (${trouvee.nom}).`)
      }
      break
    case 'corrigee':
      constat.correction('code_insee', premiere(entree, 'code_insee'), resolution.explication ?? '')
      codeInsee = trouvee?.code ?? codeInsee
      break
    case 'incoherente':
    case 'introuvable':
      constat.avertissement('commune', commune ?? '', resolution.explication ?? '')
      break
    case 'confirmee':
      break
  }
  if (commune === null && trouvee) {
    commune = trouvee.nom
    constat.correction('commune', '', `Commune complétée d'après le code INSEE : ${trouvee.nom}.`)
  } else if (commune !== null && !communeConforme(commune)) {
    const propre = trouvee ? trouvee.nom : assainirCommune(commune)
    constat.correction('commune', commune, `Nom de commune réécrit sans caractères non admis : « ${propre} ».`)
    commune = propre
  }
  if (commune === null) constat.erreur('commune', '', 'La commune est obligatoire.')
  if (codePostal === null && trouvee && trouvee.codesPostaux.length === 1 && trouvee.codesPostaux[0]) {
    codePostal = trouvee.codesPostaux[0]
    constat.correction('code_postal', premiere(entree, 'code_postal') ?? '', `Code postal complété d'après la commune : ${codePostal}.`)
  }
  if (codePostal === null) constat.erreur('code_postal', premiere(entree, 'code_postal') ?? '', 'Le code postal est obligatoire (5 chiffres).')

  const { latitude, longitude } = lireCoordonnees(premiere(entree, 'latitude'), premiere(entree, 'longitude'), constat)
  const telephone = lireTelephone(premiere(entree, 'telephone'), codePostal, constat)
  const sites = lireSitesWeb(toutes(entree, 'site_web'), constat)
  const courriels = lireCourriels(toutes(entree, 'courriels'), constat, sites.courriels)
  const horaires = lireHoraires(premiere(entree, 'horaires'), constat)
  const presentation = lirePresentation(premiere(entree, 'presentation_resume'), premiere(entree, 'presentation_detail'), constat)
  const dateMaj = lireDateMaj(premiere(entree, 'date_maj'), contexte.aujourdhui, constat)
  const ficheAccesLibre = lireLien('fiche_acces_libre', premiere(entree, 'fiche_acces_libre'), constat)
  const priseRdv = lireLien('prise_rdv', premiere(entree, 'prise_rdv'), constat)
  const source = lireTexteLibre(premiere(entree, 'source'))
  const structureParente = lireTexteLibre(premiere(entree, 'structure_parente'))

  const valeurs = new Valeurs()
  for (const [colonne, liste] of entree) {
    if (CHAMPS_ENUMERES.has(colonne) || COLONNES_ECLATEES[colonne]) {
      for (const valeur of liste) lireListeEnumeree(colonne, valeur, valeurs, constat)
    }
  }
  for (const valeur of toutes(entree, 'autres_formations_labels') ?? []) lireListeLibre('autres_formations_labels', valeur, valeurs)

  const liste = (champ: Champ): string[] => valeurs.de(champ)
  const lieu: Lieu | null =
    constat.bloquant || id === null || nom === null || adresse === null || commune === null || codePostal === null || dateMaj === null
      ? null
      : {
          id,
          pivot,
          nom,
          commune,
          code_postal: codePostal,
          code_insee: codeInsee,
          adresse,
          complement_adresse: complement,
          latitude,
          longitude,
          typologie: liste('typologie'),
          telephone,
          courriels,
          site_web: sites.sites,
          horaires,
          presentation_resume: presentation.presentation_resume,
          presentation_detail: presentation.presentation_detail,
          source,
          itinerance: liste('itinerance'),
          structure_parente: structureParente,
          date_maj: dateMaj,
          services: liste('services'),
          publics_specifiquement_adresses: liste('publics_specifiquement_adresses'),
          prise_en_charge_specifique: liste('prise_en_charge_specifique'),
          frais_a_charge: liste('frais_a_charge'),
          dispositif_programmes_nationaux: liste('dispositif_programmes_nationaux'),
          formations_labels: liste('formations_labels'),
          autres_formations_labels: liste('autres_formations_labels'),
          modalites_acces: liste('modalites_acces'),
          modalites_accompagnement: liste('modalites_accompagnement'),
          fiche_acces_libre: ficheAccesLibre,
          prise_rdv: priseRdv,
        }
  return { lieu, localisation: { commune: trouvee }, problemes: constat.problemes }
}

