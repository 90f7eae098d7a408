/**
 * From the rows of La Coop's « Activités » export to our activities. Pure.
 *
 * - Rows are grouped by « ID CRA »: a workshop of N participants has N rows (« 1/N »…« N/N »);
 *   its anonymous counters are the rows' genre, tranche d'âge and statut.
 * - Labels are mapped back to our values (`libelles.ts`), then each activity is checked by
 *   `validerActivite`, like an entry of a mediator. Every error of a rejected activity is
 *   reported, tied to its column and line(s); an activity is imported whole or not at all.
 * - Followed beneficiaries (named in a self-export's « Bénéficiaire » column) are imported as
 *   anonymous ones with their socio-demographic data: the person's consent to be followed in
 *   Aiguillage is not known, so no identity is kept. Their name is only compared, in memory,
 *   to mark their later accompaniments of the file as « déjà accompagné » (two people of the
 *   same name count as one there: at worst a « nouveau » bénéficiaire too few).
 * - Notes and tags are not imported (notes may hold personal data; tags have no equivalent).
 */
import { validerActivite, type Activite } from '../domain/validation.ts'
import {
  AUTONOMIES, GENRES, MATERIELS, NIVEAUX_ATELIER, STATUTS_SOCIAUX, STRUCTURES_REDIRECTION, THEMATIQUES, THEMATIQUES_DEMARCHE,
  TRANCHES_AGE, TYPES_ACTIVITE, TYPES_LIEU, TYPES_LIEU_AVEC_COMMUNE,
} from '../domain/vocabulaire.ts'
import { cle } from '../../platform/text.ts'
import { type Cellule, type Colonne, COLONNES, type LigneExport } from './colonnes.ts'
import { codeInseeDe, dateDe, depuisLibelle, dureeDe, etoilesDe, libellesDe, type Lu, ouiNonDe, participantsDe, texteDe } from './libelles.ts'

export interface ErreurImport {
  lignes: number[]
  /** La Coop's column name. */
  colonne?: string
  message: string
}

export interface ActiviteConvertie {
  idCra: string
  lignes: number[]
  activite: Activite
  /** The place the row names (« Nom du lieu », « Code Insee »), to find it among the structure's places. */
  lieu?: { nom: string; codeInsee: string | undefined }
}

export interface ActiviteRejetee {
  idCra: string | undefined
  lignes: number[]
  erreurs: ErreurImport[]
}

export interface Conversion {
  activites: ActiviteConvertie[]
  rejetees: ActiviteRejetee[]
}

export interface OptionsConversion {
  aujourdhui: string
  /** The uid of the place an activity « Lieu d’activité » is recorded for, from the row's place. */
  lieuDe: (nom: string | undefined, codeInsee: string | undefined) => number
}

const type = depuisLibelle(TYPES_ACTIVITE, 'Le type')
const canal = depuisLibelle(TYPES_LIEU, 'Le canal d’accompagnement')
const thematique = depuisLibelle(THEMATIQUES, 'La thématique')
const demarche = depuisLibelle(THEMATIQUES_DEMARCHE, 'La thématique')
const materiel = depuisLibelle(MATERIELS, 'Le matériel')
const redirection = depuisLibelle(STRUCTURES_REDIRECTION, 'La structure de redirection')
const genre = depuisLibelle(GENRES, 'Le genre', { Homme: 'masculin', Femme: 'feminin' })
const trancheAge = depuisLibelle(TRANCHES_AGE, 'La tranche d’âge')
const statut = depuisLibelle(STATUTS_SOCIAUX, 'Le statut', { 'Non communiqué': 'non_communique' })
const autonomie = etoilesDe(AUTONOMIES, 'Le niveau d’autonomie')
const niveau = etoilesDe(NIVEAUX_ATELIER, 'Le niveau de l’atelier')

/** The column of each field of `validerActivite`, for its messages (longest matching prefix). */
const COLONNE_DU_CHAMP: Record<string, Colonne> = {
  type: 'type', date: 'date', duree: 'duree', typeLieu: 'canal', lieu: 'nomLieu', commune: 'codeInsee', thematiques: 'thematiques',
  thematiquesDemarche: 'thematiques', precisionsDemarche: 'demarche', materiel: 'materiel', autonomie: 'niveau', niveau: 'niveau',
  orienteVersStructure: 'reoriente', structureDeRedirection: 'redirection', titreAtelier: 'nomAtelier', participants: 'participants',
  'beneficiaireAnonyme.genre': 'genre', 'beneficiaireAnonyme.trancheAge': 'trancheAge', 'beneficiaireAnonyme.statutSocial': 'statut',
  'beneficiaireAnonyme.communeResidence': 'codeInseeBeneficiaire', 'participants.genre': 'genre', 'participants.trancheAge': 'trancheAge',
  'participants.statutSocial': 'statut',
}
function colonneDuChamp(champ: string): Colonne | undefined {
  for (let parties = champ.split('.'); parties.length > 0; parties = parties.slice(0, -1)) {
    const colonne = COLONNE_DU_CHAMP[parties.join('.')]
    if (colonne) return colonne
  }
  return undefined
}

/** The columns that must be the same on every row of one activity. */
const COMMUNES_A_L_ACTIVITE: readonly Colonne[] = ['date', 'type', 'canal', 'duree', 'thematiques']

const ANONYME = new Set([cle('Bénéficiaire anonyme'), cle('Anonyme'), cle('Anonymes')])
/** A followed beneficiary's name as a comparison key (kept in memory only), or undefined. */
/** A cell read through a label lookup; undefined when empty. */
const par = <T>(lecture: (texte: string) => Lu<T>, cellule: Cellule): Lu<T> | undefined => {
  const texte = texteDe(cellule)
  return texte === undefined ? undefined : lecture(texte)
}

const suiviDe = (ligne: LigneExport): string | undefined => {
  const nom = texteDe(ligne.cellules.beneficiaire)
  return nom !== undefined && !ANONYME.has(cle(nom)) ? cle(nom) : undefined
}

/** Turns the rows of an export into activities to import and activities rejected with their errors. */
export function convertir(lignes: readonly LigneExport[], options: OptionsConversion): Conversion {
  const rejetees: ActiviteRejetee[] = []
  const groupes = new Map<string, LigneExport[]>()
  for (const ligne of lignes) {
    const id = texteDe(ligne.cellules.idCra)
    if (id === undefined) {
      rejetees.push({ idCra: undefined, lignes: [ligne.ligne], erreurs: [{ lignes: [ligne.ligne], colonne: COLONNES.idCra, message: 'L’identifiant de l’activité manque : sans lui, la ligne ne peut être importée sans risque de doublon.' }] })
      continue
    }
    const groupe = groupes.get(id)
    if (groupe) groupe.push(ligne)
    else groupes.set(id, [ligne])
  }

  // each followed beneficiary's first accompaniment in the file (by date, then activity id)
  const ordre = (id: string, groupe: readonly LigneExport[]) => {
    const date = dateDe(groupe[0]?.cellules.date)
    return `${date && 'valeur' in date ? date.valeur : ''}\u0000${id}`
  }
  const premiers = new Map<string, string>()
  for (const [id, groupe] of groupes) {
    const rang = ordre(id, groupe)
    for (const ligne of groupe) {
      const suivi = suiviDe(ligne)
      if (suivi !== undefined && (premiers.get(suivi) ?? '\uffff') > rang) premiers.set(suivi, rang)
    }
  }
  const dejaAccompagne = (ligne: LigneExport, rang: string) => {
    const suivi = suiviDe(ligne)
    return suivi !== undefined && (premiers.get(suivi) ?? rang) < rang
  }

  const activites: ActiviteConvertie[] = []
  for (const [idCra, groupe] of groupes) {
    const r = convertirActivite(idCra, groupe, options, (ligne) => dejaAccompagne(ligne, ordre(idCra, groupe)))
    if ('erreurs' in r) rejetees.push(r)
    else activites.push(r)
  }
  rejetees.sort((a, b) => (a.lignes[0] ?? 0) - (b.lignes[0] ?? 0))
  return { activites, rejetees }
}

function convertirActivite(idCra: string, groupe: readonly LigneExport[], options: OptionsConversion, deja: (l: LigneExport) => boolean): ActiviteConvertie | ActiviteRejetee {
  const tout = groupe.map((l) => l.ligne)
  const erreurs: ErreurImport[] = []
  const echoues = new Set<string>()
  const signaler = (champ: string, colonne: Colonne, message: string, lignes = tout) => {
    echoues.add(champ)
    erreurs.push({ lignes, colonne: COLONNES[colonne], message })
  }
  /** The value read, or undefined after reporting the error. */
  const lire = <T>(champ: string, colonne: Colonne, lu: Lu<T> | undefined, lignes = tout): T | undefined => {
    if (lu && 'erreur' in lu) signaler(champ, colonne, lu.erreur, lignes)
    return lu && 'valeur' in lu ? lu.valeur : undefined
  }
  const premiere = groupe[0] as LigneExport
  const c = premiere.cellules
  for (const colonne of COMMUNES_A_L_ACTIVITE) {
    const valeurs = new Set(groupe.map((l) => texteDe(l.cellules[colonne]) ?? ''))
    if (valeurs.size > 1) signaler(colonne, colonne, `Les lignes de l’activité ${idCra} n’ont pas la même valeur : ${[...valeurs].map((v) => `« ${v} »`).join(', ')}.`)
  }

  const brut: Record<string, unknown> = {}
  const leType = lire('type', 'type', par(type, c.type))
  brut['type'] = leType
  brut['date'] = lire('date', 'date', dateDe(c.date))
  brut['duree'] = lire('duree', 'duree', dureeDe(c.duree))
  const typeLieu = lire('typeLieu', 'canal', par(canal, c.canal))
  brut['typeLieu'] = typeLieu
  const nomLieu = texteDe(c.nomLieu)
  const codeInsee = codeInseeDe(c.codeInsee)
  if (typeLieu === 'lieu_activite') brut['lieu'] = String(options.lieuDe(nomLieu, codeInsee))
  if (typeLieu !== undefined && TYPES_LIEU_AVEC_COMMUNE.includes(typeLieu) && codeInsee !== undefined) brut['commune'] = codeInsee

  const thematiques: string[] = []
  const demarches: string[] = []
  for (const libelle of libellesDe(c.thematiques)) {
    const t = thematique(libelle)
    const d = 'erreur' in t ? demarche(libelle) : undefined
    if ('valeur' in t) thematiques.push(t.valeur)
    else if (d && 'valeur' in d) demarches.push(d.valeur)
    else signaler('thematiques', 'thematiques', t.erreur)
  }
  brut['thematiques'] = thematiques
  brut['thematiquesDemarche'] = demarches
  brut['precisionsDemarche'] = texteDe(c.demarche)
  brut['materiel'] = libellesDe(c.materiel).flatMap((l) => {
    const m = lire('materiel', 'materiel', materiel(l))
    return m === undefined ? [] : [m]
  })

  if (leType === 'individuel') {
    if (groupe.length > 1) signaler('type', 'idCra', `L’identifiant ${idCra} apparaît sur ${groupe.length} lignes, mais un accompagnement individuel n’en a qu’une.`)
    brut['autonomie'] = lire('autonomie', 'niveau', autonomie(c.niveau))
    brut['orienteVersStructure'] = lire('orienteVersStructure', 'reoriente', ouiNonDe(c.reoriente))
    const structure = texteDe(c.redirection)
    if (structure !== undefined) brut['structureDeRedirection'] = lire('structureDeRedirection', 'redirection', redirection(structure))
    const residence = codeInseeDe(c.codeInseeBeneficiaire)
    brut['beneficiaireAnonyme'] = {
      genre: lire('beneficiaireAnonyme.genre', 'genre', par(genre, c.genre)),
      trancheAge: lire('beneficiaireAnonyme.trancheAge', 'trancheAge', par(trancheAge, c.trancheAge)),
      statutSocial: lire('beneficiaireAnonyme.statutSocial', 'statut', par(statut, c.statut)),
      dejaAccompagne: deja(premiere),
      ...(residence !== undefined && { communeResidence: residence }),
    }
  } else if (leType === 'collectif') {
    const annonces = new Set(groupe.map((l) => participantsDe(l.cellules.participants)).filter((n) => n !== undefined))
    for (const n of annonces) {
      if (n !== groupe.length) signaler('participants', 'participants', `L’atelier ${idCra} compte ${n} participants d’après la colonne « ${COLONNES.participants} », mais le fichier en a ${groupe.length} ligne${groupe.length > 1 ? 's' : ''} : il en manque ou il y en a en trop.`)
    }
    brut['titreAtelier'] = texteDe(c.nomAtelier)
    brut['niveau'] = lire('niveau', 'niveau', niveau(c.niveau))
    brut['participants'] = compteurs(groupe, lire, deja)
  }

  const resultat = validerActivite(brut, options.aujourdhui)
  if ('erreurs' in resultat) {
    for (const e of resultat.erreurs) {
      if ([...echoues].some((champ) => e.champ === champ || e.champ.startsWith(`${champ}.`))) continue
      const colonne = colonneDuChamp(e.champ)
      erreurs.push({ lignes: tout, ...(colonne && { colonne: COLONNES[colonne] }), message: e.message })
    }
  }
  if (erreurs.length > 0) return { idCra, lignes: tout, erreurs }
  if (!('activite' in resultat)) return { idCra, lignes: tout, erreurs: [{ lignes: tout, message: 'Activité refusée.' }] }
  return { idCra, lignes: tout, activite: resultat.activite, ...(nomLieu !== undefined && { lieu: { nom: nomLieu, codeInsee } }) }
}

/** A workshop's anonymous counters from its rows (every participant, followed ones included). */
function compteurs(
  groupe: readonly LigneExport[],
  lire: <T>(champ: string, colonne: Colonne, lu: Lu<T> | undefined, lignes?: number[]) => T | undefined,
  deja: (l: LigneExport) => boolean,
) {
  const zero = <T extends string>(vocabulaire: readonly { valeur: T }[]) => Object.fromEntries(vocabulaire.map((t) => [t.valeur, 0])) as Record<T, number>
  const p = { total: groupe.length, dejaAccompagne: 0, genre: zero(GENRES), trancheAge: zero(TRANCHES_AGE), statutSocial: zero(STATUTS_SOCIAUX) }
  for (const l of groupe) {
    const ici = [l.ligne]
    const g = texteDe(l.cellules.genre)
    const a = texteDe(l.cellules.trancheAge)
    const s = texteDe(l.cellules.statut)
    const vg = g === undefined ? undefined : lire('participants.genre', 'genre', genre(g), ici)
    const va = a === undefined ? undefined : lire('participants.trancheAge', 'trancheAge', trancheAge(a), ici)
    const vs = s === undefined ? undefined : lire('participants.statutSocial', 'statut', statut(s), ici)
    p.genre[vg ?? 'non_communique']++
    p.trancheAge[va ?? 'non_communique']++
    p.statutSocial[vs ?? 'non_communique']++
    if (deja(l)) p.dejaAccompagne++
  }
  return p
}
