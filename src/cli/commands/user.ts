/**
 * `aiguillage user`: the accounts an administrator manages from the server's shell — the first
 * administrator (`create-admin`; the password is read from standard input, never from the
 * command line where `ps` and the shell history would keep it), the list of accounts, and
 * removing the second factor of someone who lost their phone.
 */
import { Command } from 'commander'
import { createInterface } from 'node:readline'
import { inscrire, SYSTEME } from '../../audit/journal.ts'
import { Comptes } from '../../accounts/service.ts'
import { LIBELLES_ROLES } from '../../accounts/roles.ts'
import { compteParCourriel, enregistrerTotp, listerComptes } from '../../accounts/store/comptes.ts'
import { avecBase } from './base.ts'

/** One line of standard input; on a terminal, typed without echo. */
async function lireMotDePasse(invite: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let texte = ''
    for await (const morceau of process.stdin) texte += String(morceau)
    return texte.split(/\r?\n/)[0] ?? ''
  }
  process.stderr.write(invite)
  const rl = createInterface({ input: process.stdin, output: undefined, terminal: true })
  const reponse = await new Promise<string>((resoudre) => rl.question('', resoudre))
  rl.close()
  process.stderr.write('\n')
  return reponse
}

export function commandeUser(): Command {
  const commande = new Command('user').description('comptes : premier administrateur, liste, double authentification perdue')
  commande
    .command('create-admin')
    .description('crée un compte administrateur (ou donne ce rôle à un compte existant) ; le mot de passe est lu sur l’entrée standard')
    .requiredOption('--courriel <adresse>', 'adresse électronique de connexion')
    .option('--nom <nom>', 'prénom et nom', '')
    .action(async (options: { courriel: string; nom: string }) => {
      const motDePasse = await lireMotDePasse('Mot de passe (12 caractères au moins) : ')
      await avecBase(async (base, config) => {
        const comptes = new Comptes({ db: base.db, urlPublique: config.urlPublique, nomTerritoire: config.nomTerritoire })
        const resultat = await comptes.creerAdministrateur(options.courriel, options.nom, motDePasse)
        if (resultat.type === 'erreurs') throw new Error(resultat.erreurs.map((e) => e.message).join(' '))
        console.log(`Compte administrateur prêt : ${options.courriel.trim().toLowerCase()}. À la première connexion, il devra activer la double authentification.`)
      })
    })
  commande
    .command('lister', { isDefault: true })
    .description('liste les comptes, leur état et leurs rôles')
    .action(async () => {
      await avecBase(async (base) => {
        const liste = await listerComptes(base.db)
        if (liste.length === 0) console.log('Aucun compte : créez le premier avec aiguillage user create-admin --courriel …')
        for (const c of liste) {
          const roles = c.habilitations.map((h) => `${LIBELLES_ROLES[h.role]}${h.territoire ? ` (${h.territoire.nom})` : h.lieuUid !== null ? ` (${c.nomsLieux.get(h.lieuUid) ?? h.lieuUid})` : ''}`)
          console.log(`${c.courriel}${c.nom ? ` — ${c.nom}` : ''} · ${c.statut}${c.totpActif ? ' · double authentification' : ''} · ${roles.join(', ') || 'aucun rôle'}`)
        }
      })
    })
  commande
    .command('retirer-double-authentification')
    .description('retire la double authentification d’un compte (téléphone perdu) ; elle sera redemandée à un administrateur')
    .argument('<courriel>', 'adresse du compte')
    .action(async (courriel: string) => {
      await avecBase(async (base) => {
        const compte = await compteParCourriel(base.db, courriel)
        if (!compte) throw new Error('Aucun compte n’a cette adresse.')
        await enregistrerTotp(base.db, compte.id, { totpSecret: null, totpActif: false, totpDernierPas: null })
        await inscrire(base.db, SYSTEME, { action: 'compte.totp_retire', objetType: 'compte', objetId: compte.id })
        console.log(`Double authentification retirée pour ${compte.courriel}.`)
      })
    })
  return commande
}
