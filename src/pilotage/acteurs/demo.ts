/**
 * A handful of fictitious but plausible actors of a département and their partnerships, as the
 * rows of a file of actors (documented columns): the demonstration territory and the tests.
 * Deterministic; SIRETs are made up with a valid key, telephone numbers are in the range the
 * ARCEP keeps for fiction, web sites end in `.example`. No personal data.
 */
import type { Referentiel } from '../../territories/referentiel.ts'

export const SOURCE_DEMO_ACTEURS = 'Démonstration (acteurs)'

/** A SIRET with a valid Luhn key from 13 digits. */
export function siretFictif(treize: string): string {
  for (let cle = 0; cle <= 9; cle++) {
    const siret = `${treize}${cle}`
    let somme = 0
    for (let i = 0; i < 14; i++) {
      let c = Number(siret[13 - i])
      if (i % 2 === 1) {
        c *= 2
        if (c > 9) c -= 9
      }
      somme += c
    }
    if (somme % 10 === 0) return siret
  }
  throw new Error('inatteignable')
}

const MODELES = [
  { nom: 'Conseil départemental', type: 'collectivite', roles: 'finance|coordonne', competences: 'Coordination|Financement', description: 'Chef de file de l’inclusion numérique du département.' },
  { nom: 'Hub territorial pour un numérique inclusif', type: 'reseau', roles: 'coordonne|forme|outille', competences: 'Coordination|Formation|Compréhension du monde numérique', description: 'Anime le réseau des médiateurs et forme les aidants.' },
  { nom: 'Association Clic et Lien', type: 'association', roles: 'porte_lieux|forme', competences: 'Maîtrise des outils numériques du quotidien|Aide aux démarches administratives|Formation', description: 'Ateliers collectifs et permanences numériques.' },
  { nom: 'Centre communal d’action sociale', type: 'structure', roles: 'porte_lieux|oriente', competences: 'Aide aux démarches administratives|Accès internet et matériel informatique', description: 'Accueil social et accompagnement aux démarches en ligne.' },
  { nom: 'Ressourcerie informatique solidaire', type: 'entreprise', roles: 'equipe', competences: 'Acquisition de matériel informatique à prix solidaire', description: 'Reconditionne des ordinateurs vendus à prix solidaire.' },
  { nom: 'Caisse d’allocations familiales', type: 'etat', roles: 'finance|oriente', competences: 'Financement|Aide aux démarches administratives', description: 'Finance des actions d’inclusion numérique et oriente ses allocataires.' },
  { nom: 'Fondation pour l’inclusion numérique', type: 'financeur', roles: 'finance', competences: 'Financement', description: 'Soutient des projets associatifs par appel à projets.' },
] as const

/** The demo actors of `departement`, with their partnerships (column `partenariats`). */
export function acteursDemo(ref: Referentiel, departement: string, dateMaj = '2025-01-15'): Array<Record<string, string>> {
  const communes = [...ref.communes.values()]
    .filter((c) => c.departement === departement && c.type === 'commune-actuelle')
    .sort((a, b) => b.population - a.population || a.code.localeCompare(b.code))
    .slice(0, 4)
  if (communes.length === 0) return []
  const sirets = MODELES.map((_, i) => siretFictif(`9${departement.padStart(3, '0').slice(-3)}0000${String(i + 1).padStart(2, '0')}000`.slice(0, 13)))
  return MODELES.map((m, i) => {
    const commune = communes[i % communes.length] ?? (communes[0] as (typeof communes)[number])
    const partenaires =
      i === 0
        ? [`${sirets[1]}:financement:2024-01-01`, `${sirets[6]}:convention:2024-03-01`]
        : i === 1
          ? [`${sirets[2]}:reseau:2023-09-01`, `${sirets[3]}:reseau:2023-09-01`]
          : i === 3
            ? [`${sirets[4]}:convention:2024-06-01`, `${sirets[5]}:orientation`]
            : i === 5
              ? [`${sirets[2]}:financement:2024-01-01:2024-12-31`]
              : []
    return {
      id: `acteur-${departement}-${i + 1}`,
      nom: `${m.nom} ${i < 2 ? '' : `de ${commune.nom}`}`.trim(),
      type: m.type,
      siret: sirets[i] ?? '',
      adresse: `${i + 1} place de la Mairie`,
      code_postal: commune.codesPostaux[0] ?? '',
      commune: commune.nom,
      code_insee: commune.code,
      site_web: `https://acteur-${i + 1}.example`,
      courriel: `contact@acteur-${i + 1}.example`,
      telephone: `04 65 71 00 ${String(10 + i).padStart(2, '0')}`,
      roles: m.roles,
      competences: m.competences,
      description: m.description,
      date_maj: dateMaj,
      partenariats: partenaires.join('|'),
    }
  })
}
