/** `aiguillage demo`: writes generated demo places to a file (for trying imports, tests and benchmarks). */
import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import { Command } from 'commander'
import { genererLieux } from '../../demo/generator.ts'
import { communesSituees } from '../../demo/positions.ts'
import { ecrireDocument, parLots } from '../../places/io/flux.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { nombre } from '../output.ts'

interface Options {
  departement?: string
  nombre: string
  graine: string
  output: string
}

export function commandeDemo(): Command {
  return new Command('demo')
    .description('génère des lieux fictifs mais plausibles au standard v1.0.2, à partir des vraies communes (déterministe)')
    .option('-d, --departement <code>', 'département des communes (par défaut : toute la France métropolitaine)')
    .option('-n, --nombre <n>', 'nombre de lieux (10 000, 100 000, 1 000 000…)', '1000')
    .option('-g, --graine <n>', 'graine du générateur (mêmes graine et nombre → mêmes lieux)', '2024')
    .requiredOption('-o, --output <fichier>', 'fichier à écrire (.csv ou .json)')
    .action(async (options: Options) => {
      const n = Number(options.nombre)
      if (!Number.isInteger(n) || n < 1) throw new Error(`--nombre doit être un entier positif (reçu « ${options.nombre} »).`)
      const ref = referentiel()
      if (options.departement && !ref.departements.has(options.departement)) throw new Error(`Département « ${options.departement} » inconnu.`)
      const communes = communesSituees(ref, options.departement ? [options.departement] : undefined)
      const lieux = genererLieux({ communes, nombre: n, graine: Number(options.graine), prefixe: `demo-${options.departement ?? 'fr'}` })
      const sortie = createWriteStream(options.output)
      await ecrireDocument(options.output.endsWith('.csv') ? 'csv' : 'json', parLots(lieux), sortie)
      sortie.end()
      await finished(sortie)
      console.log(`${nombre(n)} lieux écrits dans ${options.output}.`)
    })
}
