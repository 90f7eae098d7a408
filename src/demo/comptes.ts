/**
 * Demonstration accounts, created with the demo territory on a platform without any account:
 * a coordinator of the demo département, the manager of one demo place and a mediator there
 * with a year of plausible activity reports (and the same at a few other demo places, without
 * account), each with a random password shown once on the console (`npm start`). Never created
 * when an account exists.
 */
import { randomInt } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Base } from '../platform/db/database.ts'
import { hacherMotDePasse } from '../accounts/secrets/mot-de-passe.ts'
import { ajouterRole, creerOuRetrouver, definirMotDePasse } from '../accounts/store/comptes.ts'
import { SYSTEME } from '../audit/journal.ts'
import { enregistrerEnMasse } from '../activity/store/masse.ts'
import { aujourdhuiParis } from '../places/validation/date-maj.ts'
import { activite, jourAuHasard } from './activites.ts'
import { aleatoire as flux } from './generator.ts'

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
  const lieu = Number(etat.lieu)
  const comptes: Array<CompteDeDemonstration & { nom: string; attribution: Parameters<typeof ajouterRole>[2] }> = [
    { courriel: 'coordination@demo.invalid', nom: 'Coordination (démonstration)', role: `coordinateur du département ${departement}`, motDePasse: motDePasse(), attribution: { role: 'coordinateur', territoire: `departement:${departement}` } },
    { courriel: 'gestion@demo.invalid', nom: 'Gestion (démonstration)', role: 'gestionnaire d’un lieu', motDePasse: motDePasse(), attribution: { role: 'gestionnaire', lieuUid: lieu } },
    { courriel: 'mediation@demo.invalid', nom: 'Médiation (démonstration)', role: 'médiateur du même lieu', motDePasse: motDePasse(), attribution: { role: 'mediateur', lieuUid: lieu } },
  ]
  const ids: number[] = []
  for (const c of comptes) {
    const ligne = await creerOuRetrouver(base.db, c.courriel, c.nom)
    await definirMotDePasse(base.db, ligne.id, await hacherMotDePasse(c.motDePasse))
    await ajouterRole(base.db, ligne.id, c.attribution)
    ids.push(ligne.id)
  }
  await activitesDeDemonstration(base, lieu, ids[2] ?? null)
  return comptes.map(({ courriel, motDePasse, role }) => ({ courriel, motDePasse, role }))
}

/**
 * A year of activity reports: 300 by the demo mediator at their place, and 60 at each of five
 * other demo places (without account), so that statistics and the public page show something.
 */
export async function activitesDeDemonstration(base: Base, lieu: number, mediateurId: number | null): Promise<number> {
  const { rows } = (await base.db.execute(sql`select uid, commune_resolue as commune from lieux where demo and statut = 'publie' and commune_resolue is not null order by uid limit 6`)) as unknown as {
    rows: Array<{ uid: number | string; commune: string }>
  }
  const communes = [...new Set(rows.map((r) => r.commune))]
  const h = flux(2026)
  const aujourdhui = aujourdhuiParis()
  const profil = { debut: 0, fin: 1, communes }
  const saisies = [{ uid: lieu }, ...rows.filter((x) => Number(x.uid) !== lieu).slice(0, 5)].flatMap((r) => {
    const uid = Number(r.uid)
    return Array.from({ length: uid === lieu ? 300 : 60 }, () => ({
      activite: activite(h, jourAuHasard(h, aujourdhui, 365), profil, String(uid)).activite,
      mediateurId: uid === lieu ? mediateurId : null,
      lieuUid: uid,
      source: 'demo',
    }))
  })
  return (await enregistrerEnMasse(base.db, SYSTEME, saisies, 'activites.demonstration')).length
}
