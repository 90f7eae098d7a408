/**
 * `aiguillage geo sync`: downloads the centre of every commune from the official geo API and
 * stores it (`communes_positions`), for orientation. The download happens before the database is
 * opened: offline, nothing is written.
 */
import { Command } from 'commander'
import { API_GEO_DEFAUT, SOURCE_API_GEO, telechargerCentres } from '../../geo/api-geo.ts'
import { enregistrerPositions, lirePositions } from '../../geo/stockage.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { nombre } from '../output.ts'
import { notifierChangement } from '../../places/registry/changements.ts'
import { avecBase } from './base.ts'

function commandeSync(): Command {
  return new Command('sync')
    .description("télécharge le centre de chaque commune et arrondissement depuis l'API Géo officielle et l'enregistre (insère ou met à jour)")
    .option('-u, --url <adresse>', `adresse de l'API Géo (par défaut : AIGUILLAGE_GEO_API, sinon ${API_GEO_DEFAUT})`)
    .addHelpText(
      'after',
      `
Exemples :
  aiguillage geo sync
  aiguillage geo sync --url http://miroir.exemple.fr/api-geo

Les éléments invalides et les codes absents du référentiel officiel sont ignorés et comptés. Sans
réseau ou si l'API répond une erreur, rien n'est enregistré et le code de sortie vaut 1. Une
commune sans position officielle reçoit une position approchée (lieux, code postal, EPCI,
département).`,
    )
    .action(async (options: { url?: string }) => {
      const base = options.url ?? (process.env.AIGUILLAGE_GEO_API || API_GEO_DEFAUT)
      const ref = referentiel()
      const reponse = await telechargerCentres(base, ref)
      if (reponse.positions.length === 0) throw new Error(`${base} n'a renvoyé aucune position utilisable : rien n'a été enregistré.`)
      const { bilan, sansPosition } = await avecBase(async ({ db }) => {
        const bilan = await enregistrerPositions(db, reponse.positions, SOURCE_API_GEO)
        // running servers reload their index with the new positions
        await notifierChangement(db, { tout: true })
        const connues = await lirePositions(db)
        return { bilan, sansPosition: [...ref.communes.keys()].filter((code) => !connues.has(code)).length }
      })
      const ignorees = reponse.invalides + reponse.inconnus + reponse.doublons
      console.log(`Positions des communes : source « ${SOURCE_API_GEO} » (${base})`)
      console.log(`  enregistrées  ${nombre(bilan.ecrites)} (${nombre(bilan.nouvelles)} nouvelles, ${nombre(bilan.ecrites - bilan.nouvelles)} mises à jour)`)
      console.log(
        `  ignorées      ${nombre(ignorees)} (${nombre(reponse.invalides)} invalide(s), ${nombre(reponse.inconnus)} code(s) inconnu(s) du référentiel, ${nombre(reponse.doublons)} en double)`,
      )
      console.log(`  communes du référentiel sans position officielle : ${nombre(sansPosition)} (position approchée à l'usage)`)
    })
}

export function commandeGeo(): Command {
  return new Command('geo')
    .description("positions des communes (pour l'orientation) : « geo sync » les télécharge depuis l'API Géo officielle")
    .helpCommand('help [commande]', "affiche l'aide d'une commande")
    .addCommand(commandeSync())
    .hook('preSubcommand', (geo, sousCommande) => {
      // French help and error messages, as set on `geo` by the program
      sousCommande.copyInheritedSettings(geo)
    })
}
