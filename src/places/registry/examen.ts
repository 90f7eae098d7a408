/**
 * Reads a whole file and judges every row, without any I/O: what the file is (format,
 * encoding, version of the schema, columns), then batches of accepted places, rejected ids and
 * report lines. Ids repeated within the file are rejected. Runs in a worker thread for large
 * files (`examen-parallele.ts`), so that the database writes while the next rows are checked.
 */
import { referentiel, type Commune } from '../../territories/referentiel.ts'
import type { Encodage } from '../io/decodage.ts'
import { lireFichier, type Format, type RangeeBrute } from '../io/lecture.ts'
import { choisirLecteur, rangeesDuDocument } from '../readers/index.ts'
import { lecteurCorrespondance } from '../readers/correspondance.ts'
import type { Lecteur } from '../readers/lecteur.ts'
import type { Lieu } from '../standard/fields.ts'
import { lireValeur } from '../standard/vocabulary.ts'
import { detecterVersion, role, type Version } from '../validation/colonnes.ts'
import { aujourdhuiParis } from '../validation/date-maj.ts'
import { validerLigne, type Contexte } from '../validation/ligne.ts'
import { decouper } from '../validation/listes.ts'
import type { Niveau } from '../validation/problems.ts'

export interface LigneRapport {
  ligne: number
  id: string
  champ: string
  valeur: string
  message: string
  niveau: Niveau
}

export interface EnTete {
  format: Format
  /** The reader that turned the file's rows into the standard's fields (`places/readers`). */
  lecteur: string
  encodage: Encodage
  version: Version
  /** Column names as read (the CSV header, or every key of the JSON items). */
  colonnes: string[]
  colonnesInconnues: string[]
}

export interface Acceptee {
  ligne: number
  /** Index among the file's data rows, from 0. */
  rang: number
  lieu: Lieu
  /** The commune found in the official list, or null. */
  commune: Commune | null
  /** The row as received. */
  brut: unknown
}

export interface LotExamine {
  acceptees: Acceptee[]
  /** Ids of rejected rows: the source still lists them, their previous version stays. */
  rejetes: string[]
  rapport: LigneRapport[]
  avertissements: number
  corrections: number
  communesIntrouvables: number
  /** Rows judged so far, this batch included. */
  traites: number
  /** Share of the file read so far, from 0 to 1. */
  avancement: number
}

export interface ParametresExamen {
  nomFichier: string
  octets: Uint8Array
  /** Today, `YYYY-MM-DD`; default: today in Europe/Paris. */
  aujourdhui?: string | undefined
  taille?: number
  /** The reader to use (`--format`); by default the one that recognises the file. */
  lecteur?: string | undefined
  /** A declarative mapping (the parsed `--correspondance` file): its reader is used. */
  correspondance?: unknown
  /** `date_maj` of rows whose source gives none, `YYYY-MM-DD`; default: today. */
  dateDonnees?: string | undefined
}

export interface Examen {
  entete: EnTete
  lots: Generator<LotExamine>
}

const messageColonneInconnue = (colonne: string) =>
  `La colonne « ${colonne} » n'appartient pas au standard v1.0.2 : elle est ignorée (sa valeur reste dans l'enregistrement source).`

export function examiner(parametres: ParametresExamen): Examen {
  const correspondance = parametres.correspondance === undefined ? undefined : lecteurCorrespondance(parametres.correspondance)
  const lecture = lireFichier(parametres.nomFichier, parametres.octets, correspondance ? undefined : (donnees) => rangeesDuDocument(donnees, parametres.lecteur))
  const aujourdhui = parametres.aujourdhui ?? aujourdhuiParis()
  const contexte: Contexte = { aujourdhui, referentiel: referentiel() }
  const lecteur: Lecteur = correspondance ?? choisirLecteur(lecture.colonnes, parametres.lecteur)
  const contexteLecteur = { dateDonnees: parametres.dateDonnees ?? aujourdhui }
  const standard = lecteur.nom === 'standard'
  contexte.adressesLisibles = !standard
  // Columns of another reader's file are its own: only the standard's files have « unknown » columns.
  const colonnesInconnues = standard ? lecture.colonnes.filter((c) => role(c).type === 'inconnue' && !c.startsWith('__')) : []
  const rangees = lecture.rangees[Symbol.iterator]()
  // The first rows tell whether services are written in v0.1; they are judged afterwards like the others.
  const premieres: RangeeBrute[] = []
  for (let r = rangees.next(); !r.done; r = rangees.next()) {
    premieres.push(r.value)
    if (premieres.length === 50) break
  }
  const servicesV0 = premieres.some((r) => decouper(r.valeurs.services).some((v) => lireValeur('services', v)?.mode === 'conversion'))
  const entete: EnTete = {
    format: lecture.format,
    lecteur: lecteur.nom,
    encodage: lecture.encodage,
    version: detecterVersion(lecture.colonnes, servicesV0),
    colonnes: lecture.colonnes,
    colonnesInconnues,
  }
  const taille = parametres.taille ?? 1000
  const toutes = (function* () {
    yield* premieres
    for (let r = rangees.next(); !r.done; r = rangees.next()) yield r.value
  })()

  function* lots(): Generator<LotExamine> {
    const lignesParId = new Map<string, number>()
    const nouveauLot = (): LotExamine => ({ acceptees: [], rejetes: [], rapport: [], avertissements: 0, corrections: 0, communesIntrouvables: 0, traites: 0, avancement: 0 })
    let lot = nouveauLot()
    lot.rapport.push(...colonnesInconnues.map((colonne) => ({ ligne: 1, id: '', champ: colonne, valeur: '', message: messageColonneInconnue(colonne), niveau: 'avertissement' as const })))
    lot.avertissements += colonnesInconnues.length
    let traites = 0
    for (const rangee of toutes) {
      traites++
      const adaptation = lecteur.adapter(rangee.valeurs, contexteLecteur)
      if ('ignoree' in adaptation) {
        const id = (adaptation.id ?? String(rangee.valeurs.id ?? '')).trim()
        lot.rapport.push({ ligne: rangee.ligne, id, champ: '', valeur: '', message: adaptation.ignoree, niveau: 'erreur' })
        if (id) lot.rejetes.push(id)
        continue
      }
      const resultat = validerLigne(adaptation.valeurs, contexte)
      const id = resultat.lieu?.id ?? String(adaptation.valeurs.id ?? '').trim()
      const problemes = [...(adaptation.problemes ?? []), ...resultat.problemes]
      const premiere = id ? lignesParId.get(id) : undefined
      if (premiere !== undefined) {
        problemes.push({
          champ: 'id',
          valeur: id,
          niveau: 'erreur',
          message: `L'identifiant « ${id} » est déjà celui de la ligne ${premiere} : les identifiants doivent être uniques dans un fichier, cette ligne est ignorée.`,
        })
      } else if (id) lignesParId.set(id, rangee.ligne)
      for (const p of problemes) {
        lot.rapport.push({ ligne: rangee.ligne, id, ...p })
        if (p.niveau === 'avertissement') lot.avertissements++
        if (p.niveau === 'correction') lot.corrections++
      }
      if (!resultat.localisation.commune) lot.communesIntrouvables++
      if (resultat.lieu && premiere === undefined) {
        lot.acceptees.push({ ligne: rangee.ligne, rang: rangee.rang, lieu: resultat.lieu, commune: resultat.localisation.commune, brut: rangee.brut })
      } else if (id) lot.rejetes.push(id)
      if (lot.acceptees.length + lot.rejetes.length >= taille) {
        yield { ...lot, traites, avancement: lecture.avancement() }
        lot = nouveauLot()
      }
    }
    yield { ...lot, traites, avancement: 1 }
  }
  return { entete, lots: lots() }
}
