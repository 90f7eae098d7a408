/**
 * Who pilots which territory (pure, over the account's roles): an administrator any territory,
 * a coordinator their territories and any part of them. The territory of a pilotage page comes
 * from `?territoire=departement:73` (written like `habilitations.territoire`), or is the
 * coordinator's first territory. Keys are `type:code`.
 */
import { contientTerritoire, estAdministrateur, territoiresDe, type Compte } from '../accounts/roles.ts'
import { referentiel } from '../territories/referentiel.ts'
import { lireTerritoire, type Territoire } from '../territories/territoire.ts'

export const cleTerritoire = (t: Territoire): string => `${t.type}:${t.code}`

export const peutPiloter = (compte: Compte, territoire: Territoire): boolean =>
  estAdministrateur(compte) || territoiresDe(compte).some((t) => contientTerritoire(t, territoire, referentiel()))

/** A territory key to a territory, or undefined when it names none. */
export function territoireDeCle(cle: string): Territoire | undefined {
  try {
    return lireTerritoire(cle, referentiel())
  } catch {
    return undefined
  }
}

export type Choix = { territoire: Territoire } | { refuse: true } | { aChoisir: true; erreur?: string }

/** The territory asked for (`brut`), or the account's first; refused when the account may not pilot it. */
export function choisirTerritoire(compte: Compte, brut: unknown): Choix {
  if (typeof brut === 'string' && brut.trim() !== '') {
    const t = territoireDeCle(brut.trim().slice(0, 100))
    if (!t) return { aChoisir: true, erreur: `Territoire « ${brut.trim().slice(0, 100)} » inconnu : écrivez par exemple departement:73, region:84, epci:200068674 ou commune:73065.` }
    return peutPiloter(compte, t) ? { territoire: t } : { refuse: true }
  }
  const premier = territoiresDe(compte)[0]
  return premier ? { territoire: premier } : { aChoisir: true }
}
