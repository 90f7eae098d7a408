/**
 * The official list of France Services (ANCT, CSV: `id_fs, lib_fs, adresse, …, h_lundi…h_samedi,
 * commentaire, itinerance, format_fs, groupe, labellisation`). Every counter helps with
 * administrative procedures, free of charge, with an agent, and offers computers in free access
 * (France Services charter): those services are given to every row. Weekday cells
 * (`09:00 - 12:00 / 13:30 - 17:00`) become one OSM string; the list has no SIRET, so the pivot is
 * the standard's « non renseigné » value; `date_maj` is the date of the list.
 */
import { joursVersOsm, JOURS, type Jour } from '../validation/horaires-texte.ts'
import { PIVOT_NON_RENSEIGNE } from '../standard/fields.ts'
import { cellules, contientColonnes, oui, texte, texteRepare } from './cellules.ts'
import type { Adaptation, ContexteLecteur, Lecteur } from './lecteur.ts'

const COLONNES_JOURS: Readonly<Record<Jour, string>> = {
  Mo: 'h_lundi', Tu: 'h_mardi', We: 'h_mercredi', Th: 'h_jeudi', Fr: 'h_vendredi', Sa: 'h_samedi', Su: 'h_dimanche',
}
const NOMS_JOURS: Readonly<Record<Jour, string>> = {
  Mo: 'lundi', Tu: 'mardi', We: 'mercredi', Th: 'jeudi', Fr: 'vendredi', Sa: 'samedi', Su: 'dimanche',
}

export const SERVICES_FRANCE_SERVICES = ['Aide aux démarches administratives', 'Accès internet et matériel informatique']

/**
 * « serendez-vousices »: an export once replaced « rv » by « rendez-vous » everywhere, e-mail
 * addresses included (france-serendez-vousices.gouv.fr). Undone, with `\xNN` escapes and mojibake.
 */
export function reparerCommentaire(brut: unknown): string | undefined {
  return texteRepare(brut)?.replace(/serendez-vous/gi, (trouve) => (trouve[0] === 'S' ? 'Serv' : 'serv'))
}

/**
 * The weekday cells as one OSM string. When a cell cannot be read, the week is given as French
 * text instead: validation then tries it and, failing, reports it and leaves `horaires` empty.
 */
export function horairesFranceServices(cellule: (entete: string) => unknown): string | undefined {
  const jours: Partial<Record<Jour, unknown>> = {}
  for (const jour of JOURS) jours[jour] = cellule(COLONNES_JOURS[jour])
  const { osm, illisibles } = joursVersOsm(jours)
  if (osm !== null) return osm
  if (illisibles.length === 0) return undefined
  return JOURS.flatMap((jour) => {
    const valeur = texte(jours[jour])
    return valeur === undefined ? [] : [`${NOMS_JOURS[jour]} : ${valeur}`]
  }).join(' ; ')
}

function adapter(valeurs: Record<string, unknown>, contexte: ContexteLecteur): Adaptation {
  const cellule = cellules(valeurs)
  const adresse = texteRepare(cellule('adresse'))
  const commune = texteRepare(cellule('lib_com'))
  const codePostal = texte(cellule('code_postal'))
  const codeInsee = texte(cellule('insee_com'))
  if (adresse === undefined && commune === undefined && codePostal === undefined && codeInsee === undefined) {
    return {
      ignoree: "Ce France Services n'a ni adresse, ni commune, ni code postal dans la liste : il ne peut pas être situé, il n'est pas importé.",
      id: texte(cellule('id_fs')),
    }
  }
  const itinerant = oui(cellule('itinerance'))
  return {
    valeurs: {
      id: texte(cellule('id_fs')),
      pivot: PIVOT_NON_RENSEIGNE,
      nom: texteRepare(cellule('lib_fs')),
      adresse,
      complement_adresse: texteRepare(cellule('complement_adresse')),
      code_postal: codePostal,
      code_insee: codeInsee,
      commune,
      latitude: texte(cellule('latitude')),
      longitude: texte(cellule('longitude')),
      courriels: texte(cellule('mail')),
      telephone: texte(cellule('telephone')),
      horaires: horairesFranceServices(cellule),
      presentation_detail: reparerCommentaire(cellule('commentaire')),
      typologie: ['RFS'],
      dispositif_programmes_nationaux: ['France Services'],
      services: SERVICES_FRANCE_SERVICES,
      frais_a_charge: ['Gratuit'],
      modalites_accompagnement: ['Accompagnement individuel'],
      itinerance: itinerant === undefined ? undefined : [itinerant ? 'Itinérant' : 'Fixe'],
      source: 'France Services',
      date_maj: contexte.dateDonnees,
    },
  }
}

export const lecteurFranceServices: Lecteur = {
  nom: 'france-services',
  libelle: 'Liste officielle des France Services (ANCT)',
  reconnait: (colonnes) => contientColonnes(colonnes, ['id_fs', 'lib_fs', 'h_lundi']),
  adapter,
}
