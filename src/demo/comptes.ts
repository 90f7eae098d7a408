/**
 * Demonstration accounts, created with the demo territory on a platform without any account:
 * a coordinator of the demo département and the manager of one demo place, each with a random
 * password shown once on the console (`npm start`). Never created when an account exists.
 */
import { randomInt } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Base } from '../platform/db/database.ts'
import { hacherMotDePasse } from '../accounts/secrets/mot-de-passe.ts'
import { ajouterRole, creerOuRetrouver, definirMotDePasse } from '../accounts/store/comptes.ts'

const MOTS = ['bouleau', 'cascade', 'lanterne', 'myrtille', 'ardoise', 'colibri', 'faucon', 'glacier', 'hirondelle', 'marmotte', 'noisette', 'orchidee', 'prairie', 'ruisseau', 'sapin', 'tilleul']

/** Four random words: easy to type, about 16 bits each. */
const motDePasse = () => Array.from({ length: 4 }, () => MOTS[randomInt(MOTS.length)]).join('-') + `-${randomInt(10, 100)}`

export interface CompteDeDemonstration {
  courriel: string
  motDePasse: string
  role: string
}

export async function comptesDeDemonstration(base: Base, departement: string): Promise<CompteDeDemonstration[]> {
  const { rows } = (await base.db.execute(sql`select (select count(*) from utilisateurs)::int as comptes, (select min(uid) from lieux where demo and statut = 'publie') as lieu`)) as unknown as {
    rows: Array<{ comptes: number; lieu: number | string | null }>
  }
  const etat = rows[0]
  if (!etat || etat.comptes > 0 || etat.lieu === null) return []
  const comptes: Array<CompteDeDemonstration & { nom: string; attribution: Parameters<typeof ajouterRole>[2] }> = [
    { courriel: 'coordination@demo.invalid', nom: 'Coordination (démonstration)', role: `coordinateur du département ${departement}`, motDePasse: motDePasse(), attribution: { role: 'coordinateur', territoire: `departement:${departement}` } },
    { courriel: 'gestion@demo.invalid', nom: 'Gestion (démonstration)', role: 'gestionnaire d’un lieu', motDePasse: motDePasse(), attribution: { role: 'gestionnaire', lieuUid: Number(etat.lieu) } },
  ]
  for (const c of comptes) {
    const ligne = await creerOuRetrouver(base.db, c.courriel, c.nom)
    await definirMotDePasse(base.db, ligne.id, await hacherMotDePasse(c.motDePasse))
    await ajouterRole(base.db, ligne.id, c.attribution)
  }
  return comptes.map(({ courriel, motDePasse, role }) => ({ courriel, motDePasse, role }))
}
