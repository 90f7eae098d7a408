/** `aiguillage etat`: where the data is, how many places, which sources and their last import. */
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm'
import { Command } from 'commander'
import { imports, lieux, sources } from '../../platform/db/schema.ts'
import { statistiques } from '../../places/registry/queries.ts'
import { compterAExaminer } from '../../dedup/examen.ts'
import { nombre } from '../output.ts'
import { avecBase } from './base.ts'

export function commandeEtat(): Command {
  return new Command('etat')
    .alias('status')
    .description('affiche l’état du registre : base utilisée, lieux publiés et retirés, doublons à examiner, sources et dernières importations')
    .option('--communes-introuvables', 'liste les lieux publiés dont la commune est introuvable dans le référentiel officiel')
    .action(async (options: { communesIntrouvables?: boolean }) => {
      await avecBase(async (base) => {
        const stats = await statistiques(base.db)
        const [sansCommune] = await base.db.select({ n: count() }).from(lieux).where(and(isNull(lieux.communeResolue), eq(lieux.statut, 'publie')))
        console.log(`Base : ${base.moteur} (${base.emplacement})`)
        console.log(`Lieux publiés : ${nombre(stats.publies)}${stats.demo ? ` dont ${nombre(stats.demo)} de démonstration` : ''}`)
        console.log(`Lieux retirés : ${nombre(stats.retires)}`)
        console.log(`Doublons à examiner : ${nombre(await compterAExaminer(base.db))} (aiguillage doublons)`)
        console.log(`Lieux dont la commune est introuvable dans le référentiel : ${nombre(sansCommune?.n ?? 0)}`)
        if (options.communesIntrouvables) {
          const introuvables = await base.db
            .select({ id: lieux.id, nom: lieux.nom, commune: lieux.commune, cp: lieux.code_postal, insee: lieux.code_insee })
            .from(lieux)
            .where(and(isNull(lieux.communeResolue), eq(lieux.statut, 'publie')))
            .orderBy(lieux.code_postal, lieux.commune)
          for (const l of introuvables) console.log(`  ${l.cp} ${l.commune}${l.insee ? ` (INSEE ${l.insee})` : ''} — ${l.nom} [${l.id}]`)
        }
        const parSource = await base.db
          .select({
            nom: sources.name,
            lieux: sql<number>`(select count(*)::int from source_records r where r.source_id = sources.id)`,
            dernier: sql<string | null>`(select max(i.finished_at)::text from imports i where i.source_id = sources.id)`,
          })
          .from(sources)
          .orderBy(sources.name)
        if (parSource.length > 0) console.log('Sources :')
        for (const s of parSource) {
          const date = s.dernier ? new Date(s.dernier).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }) : 'jamais'
          console.log(`  ${s.nom} : ${nombre(s.lieux)} enregistrement(s), dernière importation ${date}`)
        }
        const derniers = await base.db.select().from(imports).orderBy(desc(imports.id)).limit(5)
        if (derniers.length > 0) console.log('Dernières importations :')
        for (const i of derniers) {
          const [source] = await base.db.select({ nom: sources.name }).from(sources).where(eq(sources.id, i.sourceId))
          console.log(
            `  #${i.id} ${i.fileName} → ${source?.nom ?? '?'}${i.objets === 'acteurs' ? ' (acteurs)' : ''} : ${nombre(i.rowsRead)} lus, ${nombre(i.rowsAccepted)} acceptés, ${nombre(i.rowsRejected)} rejetés, ${nombre(i.withdrawn)} retirés`,
          )
        }
      })
    })
}
