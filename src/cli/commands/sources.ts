/** `aiguillage sources`: the source registry — who produces, under which licence, last import, counts. */
import { Command } from 'commander'
import { eq } from 'drizzle-orm'
import { sources } from '../../platform/db/schema.ts'
import { registreDesSources } from '../../places/registry/sources.ts'
import { nombre } from '../output.ts'
import { avecBase } from './base.ts'

export function commandeSources(): Command {
  const commande = new Command('sources').description('registre des sources : producteur, licence, dernière importation, nombres de lieux')
  commande
    .command('lister', { isDefault: true })
    .description('liste les sources et leur dernière importation')
    .action(async () => {
      await avecBase(async (base) => {
        const liste = await registreDesSources(base.db)
        if (liste.length === 0) console.log('Aucune source : importez un fichier avec aiguillage import.')
        for (const s of liste) {
          console.log(`${s.nom}${s.producteur ? ` — ${s.producteur}` : ''}${s.licence ? ` (${s.licence})` : ''}${s.fiable ? '' : ' · moins fiable'}`)
          const date = s.derniereImportation ? s.derniereImportation.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }) : 'jamais'
          console.log(`  dernière importation : ${date}${s.dernierFichier ? ` (${s.dernierFichier})` : ''} · ${nombre(s.lus)} lus, ${nombre(s.acceptes)} acceptés, ${nombre(s.rejetes)} rejetés`)
          console.log(`  enregistrements : ${nombre(s.enregistrements)} · lieux publiés qu’elle alimente : ${nombre(s.lieuxPublies)}`)
        }
      })
    })
  commande
    .command('modifier')
    .description('renseigne le producteur, la licence ou la fiabilité d’une source')
    .argument('<nom>', 'nom de la source')
    .option('--producteur <nom>', 'qui publie ces données')
    .option('--licence <licence>', 'licence des données')
    .option('--fiable', 'ses valeurs l’emportent dans les lieux fusionnés (par défaut)')
    .option('--non-fiable', 'ses valeurs ne font que compléter celles des autres sources')
    .action(async (nom: string, options: { producteur?: string; licence?: string; fiable?: boolean; nonFiable?: boolean }) => {
      await avecBase(async (base) => {
        const faits = {
          ...(options.producteur === undefined ? {} : { producteur: options.producteur }),
          ...(options.licence === undefined ? {} : { licence: options.licence }),
          ...(options.fiable ? { fiable: true } : options.nonFiable ? { fiable: false } : {}),
        }
        if (Object.keys(faits).length === 0) throw new Error('Rien à modifier : indiquez --producteur, --licence, --fiable ou --non-fiable.')
        const modifiees = await base.db.update(sources).set(faits).where(eq(sources.name, nom)).returning({ id: sources.id })
        if (modifiees.length === 0) throw new Error(`La source « ${nom} » n'existe pas.`)
        console.log(`Source « ${nom} » modifiée.`)
      })
    })
  return commande
}
