/**
 * `aiguillage import <fichier ou URL>`: validates and imports a file of places — in the national
 * standard or in another producer's format (`--format`, or a `--correspondance` file) — then
 * de-duplicates the registry.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { Command, Option } from 'commander'
import { dedoublonner } from '../../dedup/service.ts'
import { NOMS_LECTEURS } from '../../places/readers/index.ts'
import { importer, verifier } from '../../places/registry/import.ts'
import { ecrireRapport, nombre, progression, resume } from '../output.ts'
import { avecBase } from './base.ts'
import { resumeDedoublonnage } from './dedoublonner.ts'

interface Options {
  source?: string
  format?: string
  correspondance?: string
  dateDonnees?: string
  producteur?: string
  licence?: string
  fiable?: boolean
  rapport?: string
  verifier?: boolean
  conserverAbsents?: boolean
  dedoublonnage?: boolean
}

/** Reads a local file, or downloads an http(s) URL (at most 5 minutes). */
export async function lireEntree(entree: string): Promise<{ nom: string; octets: Uint8Array }> {
  if (/^https?:\/\//i.test(entree)) {
    let reponse: Response
    try {
      reponse = await fetch(entree, { signal: AbortSignal.timeout(300_000), redirect: 'follow' })
    } catch (erreur) {
      throw new Error(`Téléchargement de « ${entree} » impossible : ${(erreur as Error).message}`)
    }
    if (!reponse.ok) throw new Error(`Téléchargement de « ${entree} » impossible : le serveur a répondu ${reponse.status}.`)
    const nom = decodeURIComponent(new URL(entree).pathname.split('/').pop() || 'telechargement')
    return { nom, octets: new Uint8Array(await reponse.arrayBuffer()) }
  }
  const octets = await readFile(entree).catch((erreur: NodeJS.ErrnoException) => {
    throw new Error(erreur.code === 'ENOENT' ? `Le fichier « ${entree} » n'existe pas.` : `Lecture de « ${entree} » impossible : ${erreur.message}`)
  })
  return { nom: path.basename(entree), octets }
}

async function lireCorrespondance(chemin: string): Promise<unknown> {
  const { octets } = await lireEntree(chemin)
  try {
    return JSON.parse(new TextDecoder().decode(octets))
  } catch (erreur) {
    throw new Error(`Le fichier de correspondance « ${chemin} » n'est pas un JSON valide : ${(erreur as Error).message}`)
  }
}

export function commandeImport(): Command {
  return new Command('import')
    .description(
      'importe des lieux : standard national (CSV ou JSON, v1.0.2 ou v0.1), liste des France Services, structures Aidants Connect, ' +
        'data·inclusion, ou tout fichier décrit par une correspondance ; un fichier = une transaction ; puis dédoublonne le registre',
    )
    .argument('<fichier>', 'fichier CSV ou JSON, ou adresse http(s) où le télécharger')
    .option('-s, --source <nom>', 'nom de la source (par défaut : le nom du fichier sans extension) ; réimporter une source met à jour ses lieux')
    .addOption(new Option('-f, --format <lecteur>', 'format du fichier (par défaut : reconnu d’après ses colonnes)').choices(NOMS_LECTEURS))
    .option('-c, --correspondance <fichier>', 'fichier de correspondance JSON décrivant les colonnes d’un fichier d’un autre format (voir docs/correspondance.md)')
    .option('--date-donnees <AAAA-MM-JJ>', 'date des données, pour les lignes qui n’en donnent pas (par défaut : aujourd’hui)')
    .option('--producteur <nom>', 'qui publie ces données (registre des sources)')
    .option('--licence <licence>', 'licence des données (registre des sources)')
    .option('--non-fiable', 'source moins fiable : ses valeurs ne remplacent pas celles des autres sources dans les lieux fusionnés')
    .option('-r, --rapport <fichier>', 'rapport CSV des problèmes (ligne, id, champ, valeur, message, niveau)', undefined)
    .option('--verifier', 'valide le fichier et écrit le rapport sans rien enregistrer')
    .option('--conserver-absents', 'ne retire pas les lieux de la source absents de ce fichier (fichier partiel)')
    .option('--sans-dedoublonnage', 'n’exécute pas le dédoublonnage après l’importation')
    .addHelpText(
      'after',
      `
Exemples :
  aiguillage import lieux.csv --source hub-du-sud --producteur "Hub du Sud" --licence "Licence Ouverte 2.0"
  aiguillage import france-services.csv --source france-services --date-donnees 2022-12-01
  aiguillage import export.csv --source region --correspondance correspondance-region.json
  aiguillage import https://exemple.fr/lieux.json --source departement
  aiguillage import export.json --verifier --rapport problemes.csv

Formats reconnus : ${NOMS_LECTEURS.join(', ')}.
Une ligne avec une erreur bloquante (identifiant, nom, adresse, commune, code postal ou date de
mise à jour manquants ou invalides) est rejetée ; un champ secondaire invalide (horaires, site web,
téléphone…) est écarté avec un avertissement et la ligne est gardée. Chaque problème figure dans
le rapport, qui reste aussi consultable dans la page de coordination.`,
    )
    .action(async (entree: string, options: Options & { nonFiable?: boolean; sansDedoublonnage?: boolean }) => {
      const { nom: nomFichier, octets } = await lireEntree(entree)
      if (options.dateDonnees !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.dateDonnees)) {
        throw new Error(`--date-donnees attend une date AAAA-MM-JJ, pas « ${options.dateDonnees} ».`)
      }
      const source = options.source?.trim() || nomFichier.replace(/\.[^.]+$/, '')
      const rapport = options.rapport ?? `rapport-${nomFichier.replace(/\.[^.]+$/, '')}.csv`
      const parametres = {
        source,
        nomFichier,
        octets,
        conserverAbsents: options.conserverAbsents ?? false,
        progression: progression(octets.length),
        lecteur: options.format,
        dateDonnees: options.dateDonnees,
        producteur: options.producteur,
        licence: options.licence,
        ...(options.nonFiable ? { fiable: false } : {}),
        ...(options.correspondance ? { correspondance: await lireCorrespondance(options.correspondance) } : {}),
      }
      if (options.verifier) {
        const bilan = verifier(parametres)
        console.log(resume(bilan, false))
        await ecrireRapport(rapport, bilan.rapport)
        console.log(`Rapport : ${rapport} (${nombre(bilan.rapport.length)} ligne(s))`)
        return
      }
      await avecBase(async (base) => {
        const bilan = await importer(base, parametres)
        console.log(resume(bilan, true))
        await ecrireRapport(rapport, bilan.rapport)
        console.log(`Rapport : ${rapport} (${nombre(bilan.rapport.length)} ligne(s))`)
        if (!options.sansDedoublonnage) console.log(resumeDedoublonnage(await dedoublonner(base)))
      })
    })
}
