/**
 * `aiguillage doublons` (the review queue: list, decide) and `aiguillage fusions` (merges in
 * force: list, undo) — the same actions as the coordination page.
 */
import { Argument, Command } from 'commander'
import { annuler, deciderPaire, fileDExamen, fusionsEnVigueur, type LieuCompare } from '../../dedup/examen.ts'
import { avecBase } from './base.ts'

const decrire = (l: LieuCompare | null): string => (l ? `${l.nom} — ${l.adresse}, ${l.codePostal} ${l.commune} [${l.source}, lieu ${l.uid}]` : '(lieu disparu)')
const pourcent = (score: number) => `${Math.round(score * 100)} %`
const entier = (texte: string): number => {
  if (!/^\d{1,9}$/.test(texte)) throw new Error(`« ${texte} » n'est pas un numéro valide.`)
  return Number(texte)
}

export function commandeDoublons(): Command {
  const commande = new Command('doublons').description('file d’examen des doublons probables : lister, décider « même lieu » ou « lieux différents »')
  commande
    .command('lister', { isDefault: true })
    .description('liste les paires à examiner, les plus probables d’abord')
    .option('-n, --nombre <n>', 'nombre de paires affichées', '20')
    .action(async (options: { nombre: string }) => {
      await avecBase(async (base) => {
        const paires = await fileDExamen(base.db, entier(options.nombre))
        if (paires.length === 0) console.log('Aucune paire à examiner.')
        for (const p of paires) {
          console.log(`Paire n° ${p.id} — score ${pourcent(p.score)}`)
          console.log(`  A : ${decrire(p.a)}`)
          console.log(`  B : ${decrire(p.b)}`)
          for (const r of p.raisons) console.log(`    ${r.effet === 'pour' ? '+' : r.effet === 'contre' || r.effet === 'veto' ? '−' : '·'} ${r.libelle}`)
        }
      })
    })
  commande
    .command('decider')
    .description('enregistre la décision sur une paire : « même lieu » fusionne les deux lieux, « lieux différents » les sépare pour toujours')
    .argument('<numero>', 'numéro de la paire (voir aiguillage doublons)')
    .addArgument(new Argument('<decision>', '« meme-lieu » ou « differents »').choices(['meme-lieu', 'differents']))
    .option('--par <nom>', 'qui décide (gardé avec la décision)', 'ligne de commande')
    .action(async (numero: string, decision: 'meme-lieu' | 'differents', options: { par: string }) => {
      await avecBase(async (base) => {
        await deciderPaire(base, entier(numero), decision === 'meme-lieu' ? 'meme_lieu' : 'differents', options.par)
        console.log(decision === 'meme-lieu' ? `Paire n° ${numero} : les deux lieux sont fusionnés.` : `Paire n° ${numero} : les deux lieux resteront distincts.`)
      })
    })
  return commande
}

export function commandeFusions(): Command {
  const commande = new Command('fusions').description('fusions de lieux en vigueur : lister, annuler')
  commande
    .command('lister', { isDefault: true })
    .description('liste les fusions les plus récentes, avec leurs raisons')
    .option('-n, --nombre <n>', 'nombre de fusions affichées', '20')
    .action(async (options: { nombre: string }) => {
      await avecBase(async (base) => {
        const fusions = await fusionsEnVigueur(base.db, entier(options.nombre))
        if (fusions.length === 0) console.log('Aucune fusion en vigueur.')
        for (const f of fusions) {
          console.log(`Fusion n° ${f.id} (${f.mode === 'decision' ? 'décidée' : 'automatique'}, score ${pourcent(f.score)}) : « ${f.absorbe.nom} » → « ${f.cible.nom} » (${f.cible.commune}, lieu ${f.cible.uid})`)
          for (const r of f.raisons) console.log(`    ${r.effet === 'pour' ? '+' : r.effet === 'contre' || r.effet === 'veto' ? '−' : '·'} ${r.libelle}`)
        }
      })
    })
  commande
    .command('annuler')
    .description('annule une fusion : le lieu absorbé retrouve ses enregistrements, et les deux lieux ne seront plus fusionnés')
    .argument('<numero>', 'numéro de la fusion (voir aiguillage fusions)')
    .option('--par <nom>', 'qui annule (gardé avec la décision « lieux différents »)', 'ligne de commande')
    .action(async (numero: string, options: { par: string }) => {
      await avecBase(async (base) => {
        const { cible, absorbe } = await annuler(base, entier(numero), options.par)
        console.log(`Fusion n° ${numero} annulée : les lieux ${cible} et ${absorbe} sont de nouveau distincts.`)
      })
    })
  return commande
}
