/**
 * The `aiguillage` command line: serve, import, export, demo, status, sources, dedoublonner,
 * doublons, fusions, migrate, geo, user, courriels, activites, conservation, ifn, acteurs, qpv,
 * densite, indicateurs. Each command has
 * `--help`; errors are printed in French without stack traces, with exit code 1 (2 for misuse).
 */
import { Command, CommanderError } from 'commander'
import { BaseOccupeeError } from '../platform/db/lock.ts'
import { causeRacine } from '../platform/erreurs.ts'
import { FichierIlisibleError } from '../places/io/lecture.ts'
import { TerritoireInconnuError } from '../territories/territoire.ts'
import { commandeDedoublonner } from './commands/dedoublonner.ts'
import { commandeDemo } from './commands/demo.ts'
import { commandeDoublons, commandeFusions } from './commands/doublons.ts'
import { commandeEtat } from './commands/etat.ts'
import { commandeExport } from './commands/export.ts'
import { commandeGeo } from './commands/geo.ts'
import { commandeImport } from './commands/import.ts'
import { commandeMigrate } from './commands/migrate.ts'
import { commandeServe } from './commands/serve.ts'
import { commandeSources } from './commands/sources.ts'
import { commandeUser } from './commands/user.ts'
import { commandeCourriels } from './commands/courriels.ts'
import { commandeActivites } from './commands/activites.ts'
import { commandeConservation } from './commands/conservation.ts'
import { commandeActeurs } from './commands/acteurs.ts'
import { commandeIfn } from './commands/ifn.ts'
import { commandeDensite, commandeQpv } from './commands/qpv.ts'
import { commandeIndicateurs } from './commands/indicateurs.ts'

/** Commander's few error messages, in French. */
function traduire(texte: string): string {
  return texte
    .replace(/^error: /, 'Erreur : ')
    .replace(/option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+)\./, "l'option $1 n'accepte pas « $2 » ; valeurs possibles : $3.")
    .replace(/missing required argument '([^']+)'/, 'argument obligatoire manquant : $1')
    .replace(/required option '([^']+)' not specified/, 'option obligatoire manquante : $1')
    .replace(/unknown option '([^']+)'/, 'option inconnue : $1')
    .replace(/unknown command '([^']+)'/, 'commande inconnue : $1')
    .replace(/too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)\./, 'trop d’arguments : $2 attendu(s), $3 reçu(s).')
}

const sortie = { outputError: (texte: string, ecrire: (t: string) => void) => ecrire(traduire(texte)) }

const programme = new Command('aiguillage')
  .description("Aiguillage — plateforme territoriale de l'inclusion numérique")
  .version('0.1.0', '-v, --version', 'affiche la version')
  .helpOption('-h, --help', "affiche l'aide")
  .helpCommand('help [commande]', "affiche l'aide d'une commande")
  .showHelpAfterError("(ajoutez --help pour l'aide)")
  .exitOverride()
  .configureOutput(sortie)

const configurer = (commande: Command): Command => {
  commande.helpOption('-h, --help', "affiche l'aide de la commande").exitOverride().configureOutput(sortie).showHelpAfterError("(ajoutez --help pour l'aide)")
  for (const sousCommande of commande.commands) configurer(sousCommande)
  return commande
}

for (const commande of [commandeServe(), commandeImport(), commandeExport(), commandeDemo(), commandeEtat(), commandeSources(), commandeDedoublonner(), commandeDoublons(), commandeFusions(), commandeMigrate(), commandeGeo(), commandeUser(), commandeCourriels(), commandeActivites(), commandeConservation(), commandeIfn(), commandeActeurs(), commandeQpv(), commandeDensite(), commandeIndicateurs()]) {
  programme.addCommand(configurer(commande))
}

try {
  await programme.parseAsync(process.argv)
} catch (erreur) {
  if (erreur instanceof CommanderError) {
    process.exitCode = erreur.exitCode === 0 ? 0 : 2
  } else if (erreur instanceof BaseOccupeeError || erreur instanceof FichierIlisibleError || erreur instanceof TerritoireInconnuError) {
    console.error(`Erreur : ${erreur.message}`)
    process.exitCode = 1
  } else {
    console.error(`Erreur : ${causeRacine(erreur)}`)
    if (process.env.AIGUILLAGE_DEBUG) console.error(erreur)
    process.exitCode = 1
  }
}
