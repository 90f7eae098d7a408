/** `aiguillage export`: writes the published places, optionally of one territory, in the standard v1.0.2. */
import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import { Command, Option } from 'commander'
import type { FormatExport } from '../../places/io/ecriture.ts'
import { exporter } from '../../places/registry/export.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { lireTerritoire } from '../../territories/territoire.ts'
import { nombre } from '../output.ts'
import { avecBase } from './base.ts'

interface Options {
  format: FormatExport
  territoire?: string
  output?: string
}

export function commandeExport(): Command {
  return new Command('export')
    .description('exporte les lieux publiés au standard v1.0.2 (colonnes dans l’ordre du schéma, « | » entre les valeurs, dates ISO)')
    .addOption(new Option('-f, --format <format>', 'format du fichier').choices(['csv', 'json', 'geojson']).default('csv'))
    .option('-t, --territoire <code>', "code INSEE d'une commune, d'un département ou d'une région, SIREN d'un EPCI, ou nom ; préfixez (departement:84, region:84) un code ambigu")
    .option('-o, --output <fichier>', 'fichier à écrire (par défaut : la sortie standard)')
    .action(async (options: Options) => {
      const territoire = options.territoire ? lireTerritoire(options.territoire, referentiel()) : undefined
      await avecBase(async (base) => {
        const sortie = options.output ? createWriteStream(options.output) : process.stdout
        const total = await exporter(base.db, options.format, sortie, territoire)
        if (options.output) {
          sortie.end()
          await finished(sortie)
        }
        const ou = territoire ? ` (${territoire.nom})` : ''
        process.stderr.write(`${nombre(total)} lieu(x) exporté(s)${ou}${options.output ? ` dans ${options.output}` : ''}.\n`)
      })
    })
}
