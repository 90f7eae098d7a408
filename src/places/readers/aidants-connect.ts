/**
 * Structures enabled for Aidants Connect (metabase export, CSV: `Name, ID, UUID, Is Active, City
 * Insee Code, Address, Zip Code, Siret, France Services Label, City, …` and usage counters).
 * A structure no longer active is left out; `Siret` comes float-formatted from a spreadsheet;
 * `Address` may hold several lines, the postcode and city, or « Autre adresse : … »: the street
 * line is kept, the other lines (building, BP) go to the complement. Aidants Connect means an
 * accredited helper doing procedures with or for the person: that service is given to every row.
 * The export has no coordinates: the registry places such rows at their commune.
 */
import { cle, nettoyerLigne } from '../../platform/text.ts'
import { cleSiretValide } from '../validation/identite.ts'
import { apercu } from '../validation/problems.ts'
import { contientTypeVoie } from '../validation/voie.ts'
import { cellules, contientColonnes, oui, texte } from './cellules.ts'
import type { Adaptation, ContexteLecteur, Lecteur } from './lecteur.ts'

export interface AdresseDecoupee {
  adresse: string | undefined
  complement: string | undefined
  /** The cell also gave another address (« Autre adresse : … »), left out. */
  autreAdresse?: string
}

const BOITE_POSTALE = /\b(?:BP|CS|TSA)\s*\d+\b/i
const PARTICULE_FINALE = /(?:^|\s)(?:de|du|des|d'|d’|la|le|les|l'|l’|à|au|aux|sur|en)$/i

/** « 20 Avenue de Ségur, 75007 Paris » → « 20 Avenue de Ségur »; « … ANNECY » (the city) is removed too. */
export function sansCommuneFinale(ligne: string, ville: string | undefined): string {
  const sansPays = ligne.replace(/[\s,]+France\s*$/i, '').replace(/(?<=\d{5}[^()]*)\s*\([^()]*\)\s*$/, '')
  let voie = sansPays.replace(/[\s,–-]*(?<!(?:BP|CS|TSA)\s{0,3})(?<!\d)\d{5}(?!\d)[\s,]*(?:[A-Za-zÀ-ÖØ-öø-ÿ'’ -]*?)(?:\s+cedex(?:\s*\d+)?)?[\s,.]*$/i, '')
  if (voie === '') voie = sansPays
  const cleVille = ville ? cle(ville) : ''
  if (cleVille === '') return voie.trim()
  const mots = voie.split(/\s+/)
  for (let n = Math.min(6, mots.length - 1); n >= 1; n--) {
    const fin = cle(mots.slice(-n).join(' ').replace(/\s*cedex$/i, ''))
    const debut = mots.slice(0, -n).join(' ').replace(/[\s,–-]+$/, '')
    if (fin === cleVille && debut !== '' && !PARTICULE_FINALE.test(debut)) return debut
  }
  return voie.trim()
}

/** A line that is only the postcode and city, the city, or « … CEDEX »: not part of the street. */
function ligneDeCommune(ligne: string, cleVille: string): boolean {
  if (/^\d{5}(\s.*)?$/.test(ligne) || /^cedex\b/i.test(ligne)) return true
  if (/\bcedex\b/i.test(ligne) && !/\d/.test(ligne) && !contientTypeVoie(ligne)) return true
  return cleVille !== '' && cle(ligne.replace(/\s*cedex.*$/i, '')) === cleVille
}

/** One `Address` cell → the street line and the complement. */
export function decouperAdresse(brut: unknown, ville?: string): AdresseDecoupee {
  const complet = texte(brut)
  if (complet === undefined || /^non renseign/i.test(complet)) return { adresse: undefined, complement: undefined }
  const [principale = '', ...autres] = complet.split(/\n?\s*autres?\s+adresses?\s*:/i)
  const autreAdresse = nettoyerLigne(autres.join(' ')) ?? undefined
  const cleVille = ville ? cle(ville) : ''
  const lignes = principale
    .split(/\n/)
    .map((l) => nettoyerLigne(l)?.replace(/[\s,–-]+$/, '') ?? '')
    .filter((l) => l !== '')
    .filter((l) => !ligneDeCommune(l, cleVille))
  let voie: string | undefined
  const complement: string[] = []
  const boites: string[] = []
  for (const ligne of lignes) {
    let propre = ligne
    const boite = propre.match(BOITE_POSTALE)
    if (boite) {
      boites.push(boite[0])
      propre = propre
        .replace(BOITE_POSTALE, '')
        .replace(/\s*[,–-](\s*[,–-])+\s*/g, ' - ')
        .replace(/\s*[,–-]\s*$|^\s*[,–-]\s*/g, '')
        .replace(/\s{2,}/g, ' ')
        .trim()
    }
    if (propre === '' || ligneDeCommune(propre, cleVille)) continue
    propre = sansCommuneFinale(propre, ville)
    if (voie === undefined && (/^\d/.test(propre) || contientTypeVoie(propre))) voie = propre
    else complement.push(propre)
  }
  // a postal box alone does not say where to go: no street line then
  if (voie === undefined) voie = complement.shift()
  complement.push(...boites)
  return { adresse: voie, complement: complement.length > 0 ? complement.join(', ') : undefined, ...(autreAdresse ? { autreAdresse } : {}) }
}

/**
 * `Siret` as a spreadsheet wrote it: `13002603200016.0` → 14 digits; `0.0` → absent; 13 digits
 * whose key is right once the lost leading zero is restored → restored. Anything else is passed
 * on as it is, for validation to explain.
 */
export function siretTableur(brut: unknown): string | undefined {
  const t = texte(brut)?.replace(/\.0+$/, '')
  if (t === undefined || /^0+$/.test(t)) return undefined
  if (/^\d{13}$/.test(t) && cleSiretValide(`0${t}`)) return `0${t}`
  return t
}

function adapter(valeurs: Record<string, unknown>, contexte: ContexteLecteur): Adaptation {
  const cellule = cellules(valeurs)
  const id = texte(cellule('ID'))
  if (oui(cellule('Is Active')) === false) return { ignoree: 'Structure désactivée dans Aidants Connect : elle n’est pas importée.', id }
  const nom = texte(cellule('Name'))
  if (nom === undefined) return { ignoree: 'La structure n’a pas de nom dans l’export Aidants Connect (colonne « Name » vide) : elle n’est pas importée.', id }
  const ville = texte(cellule('City'))
  const { adresse, complement, autreAdresse } = decouperAdresse(cellule('Address'), ville)
  const franceServices = oui(cellule('France Services Label')) === true
  return {
    ...(autreAdresse
      ? {
          problemes: [
            {
              champ: 'adresse',
              valeur: apercu(cellule('Address')),
              niveau: 'avertissement' as const,
              message: `La colonne Address donne une autre adresse (« ${apercu(autreAdresse)} ») : seule la première est importée ; créez un second lieu si la structure accueille aussi là.`,
            },
          ],
        }
      : {}),
    valeurs: {
      id,
      pivot: siretTableur(cellule('Siret')),
      nom,
      adresse,
      complement_adresse: complement,
      code_postal: texte(cellule('Zip Code')),
      code_insee: texte(cellule('City Insee Code')),
      commune: ville,
      typologie: franceServices ? ['RFS'] : undefined,
      dispositif_programmes_nationaux: franceServices ? ['Aidants Connect', 'France Services'] : ['Aidants Connect'],
      services: ['Aide aux démarches administratives'],
      modalites_accompagnement: ['Accompagnement individuel'],
      source: 'Aidants Connect',
      date_maj: contexte.dateDonnees,
    },
  }
}

export const lecteurAidantsConnect: Lecteur = {
  nom: 'aidants-connect',
  libelle: 'Structures habilitées Aidants Connect',
  reconnait: (colonnes) => contientColonnes(colonnes, ['Name', 'ID', 'Is Active', 'Siret', 'City Insee Code']),
  adapter,
}
