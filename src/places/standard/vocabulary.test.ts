import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { TYPOLOGIES, VOCABULAIRES } from './enumerations.ts'
import { champsDeLaColonne, lireValeur, suggestion } from './vocabulary.ts'

/** The published schema, read in place (never copied into the repository). */
const SCHEMA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/standard/schema-v1.0.2.json')

/** The alternatives of a v1.0.2 list pattern `(?:(?:^|\|)(A|B|C))+$`, unescaped. */
function valeursDuMotif(motif: string): string[] {
  const interieur = motif.replace(/^\(\?:\(\?:\^\|\\\|\)\(/, '').replace(/\)\)\+\$$/, '')
  return interieur.split('|').map((v) => v.replace(/\\(.)/g, '$1'))
}

describe.skipIf(!existsSync(SCHEMA))('les vocabulaires sont exactement ceux de schema-v1.0.2.json', () => {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as { fields: Array<{ name: string; constraints?: { pattern?: string } }> }
  const motifs = new Map(schema.fields.filter((f) => f.constraints?.pattern?.startsWith('(?:')).map((f) => [f.name, f.constraints?.pattern as string]))

  it('chaque champ à motif de liste a un vocabulaire', () => {
    expect([...motifs.keys()].sort()).toEqual(Object.keys(VOCABULAIRES).filter((c) => c !== 'typologie').sort())
  })

  for (const [champ, motif] of motifs) {
    it(`${champ} : mêmes valeurs, même ordre`, () => {
      const attendues = valeursDuMotif(motif)
      // Seule différence connue : la coquille du schéma « Étapes numériques(La Poste) » (sans espace).
      const corrigees = attendues.map((v) => (v === 'Étapes numériques(La Poste)' ? 'Étapes numériques (La Poste)' : v))
      expect([...(VOCABULAIRES as Record<string, readonly string[]>)[champ]!]).toEqual(corrigees)
    })
  }
})

describe('vocabulaires', () => {
  it('utilisent des apostrophes droites et des espaces ordinaires', () => {
    for (const valeurs of Object.values(VOCABULAIRES)) {
      for (const valeur of valeurs) {
        expect(valeur).not.toMatch(/[’\u00a0\u202f]/)
        expect(valeur).toBe(valeur.trim())
      }
    }
  })

  it('la typologie compte 92 codes, dont ASSO, BIB, RFS, TIERS_LIEUX', () => {
    expect(Object.keys(TYPOLOGIES)).toHaveLength(92)
    expect(VOCABULAIRES.typologie).toEqual(expect.arrayContaining(['ASSO', 'BIB', 'RFS', 'TIERS_LIEUX', 'Autre']))
  })
})

describe('lireValeur', () => {
  it('reconnaît une valeur exacte', () => {
    expect(lireValeur('services', 'Aide aux démarches administratives')).toEqual({ cibles: [['services', 'Aide aux démarches administratives']], mode: 'exacte' })
    expect(lireValeur('typologie', 'ASSO')).toEqual({ cibles: [['typologie', 'ASSO']], mode: 'exacte' })
  })

  it.each([
    ['Devenir autonome dans les démarches administratives', 'Aide aux démarches administratives'],
    ['Réaliser des démarches administratives avec un accompagnement', 'Aide aux démarches administratives'],
    ['Accompagner les démarches de santé', 'Aide aux démarches administratives'],
    ['Prendre en main un smartphone ou une tablette', 'Maîtrise des outils numériques du quotidien'],
    ['Prendre en main un ordinateur', 'Maîtrise des outils numériques du quotidien'],
    ['Utiliser le numérique au quotidien', 'Maîtrise des outils numériques du quotidien'],
    ['Approfondir ma culture numérique', 'Compréhension du monde numérique'],
    ['Promouvoir la citoyenneté numérique', 'Compréhension du monde numérique'],
    ['Favoriser mon insertion professionnelle', 'Insertion professionnelle via le numérique'],
    ['Créer et développer mon entreprise', 'Insertion professionnelle via le numérique'],
    ['Accéder à une connexion internet', 'Accès internet et matériel informatique'],
    ['Accéder à du matériel', 'Accès internet et matériel informatique'],
    ["S'équiper en matériel informatique", 'Acquisition de matériel informatique à prix solidaire'],
    ['Créer avec le numérique', 'Loisirs et créations numériques'],
    ["Soutenir la parentalité et l'éducation avec le numérique", 'Parentalité et éducation avec le numérique'],
  ])('convertit le service v0.1 %j en %j', (v0, v1) => {
    expect(lireValeur('services', v0)).toEqual({ cibles: [['services', v1]], mode: 'conversion' })
  })

  it.each([
    ['Seniors (+ 65 ans)', [['publics_specifiquement_adresses', 'Seniors']]],
    ['Familles/enfants', [['publics_specifiquement_adresses', 'Familles et/ou enfants']]],
    ['Jeunes (16-26 ans)', [['publics_specifiquement_adresses', 'Jeunes']]],
    ['Uniquement femmes', [['publics_specifiquement_adresses', 'Femmes']]],
    ["Personnes en situation d'illettrisme", [['prise_en_charge_specifique', 'Illettrisme']]],
    ["Handicaps mentaux : déficiences limitant les activités d'une personne", [['prise_en_charge_specifique', 'Handicaps mentaux']]],
    ['Handicaps psychiques : troubles psychiatriques donnant lieu à des atteintes comportementales', [['prise_en_charge_specifique', 'Handicaps mentaux']]],
    ['Public langues étrangères', [['prise_en_charge_specifique', 'Langues étrangères (anglais)'], ['prise_en_charge_specifique', 'Langues étrangères (autres)']]],
    ['Déficience visuelle', [['prise_en_charge_specifique', 'Déficience visuelle']]],
    ['Surdité', [['prise_en_charge_specifique', 'Surdité']]],
  ])('lit la valeur v0.1 de publics_accueillis %j', (v0, cibles) => {
    expect(lireValeur('publics_accueillis', v0)?.cibles).toEqual(cibles)
  })

  it('« Adultes » ne donne aucune valeur, sans être inconnu', () => {
    expect(lireValeur('publics_accueillis', 'Adultes')).toEqual({ cibles: [], mode: 'conversion' })
  })

  it.each([
    ['Gratuit : Je peux accéder gratuitement au lieu et à ses services', 'Gratuit'],
    ['Gratuit sous condition : La gratuité est conditionnée à des critères', 'Gratuit sous condition'],
    ['Payant : Je dois payer pour accéder aux services du lieu', 'Payant'],
    ['Adhésion : Je dois adhérer au lieu pour accéder à ses services', 'Payant'],
    ['Accepte le Pass numérique : Je peux payer avec un Pass numérique', 'Gratuit sous condition'],
  ])('lit le long libellé v0.1 de conditions_acces %j sur son préfixe', (v0, v1) => {
    expect(lireValeur('conditions_acces', v0)).toEqual({ cibles: [['frais_a_charge', v1]], mode: 'conversion' })
  })

  it.each([
    ["Seul : j'ai accès à du matériel et une connexion", 'En autonomie'],
    ["Avec de l'aide : je suis accompagné seul dans l'usage du numérique", 'Accompagnement individuel'],
    ["Dans un atelier : j'apprends collectivement à utiliser le numérique", 'Dans un atelier collectif'],
    ['A ma place : une personne habilitée fait les démarches à ma place', 'Accompagnement individuel'],
  ])('lit le long libellé v0.1 de modalites_accompagnement %j', (v0, v1) => {
    expect(lireValeur('modalites_accompagnement', v0)?.cibles).toEqual([['modalites_accompagnement', v1]])
  })

  it.each([
    ['CNFS', 'dispositif_programmes_nationaux', 'Conseillers numériques'],
    ['France Services', 'dispositif_programmes_nationaux', 'France Services'],
    ['Aidants Connect', 'dispositif_programmes_nationaux', 'Aidants Connect'],
    ['Fabriques de Territoire', 'formations_labels', 'Fabriques de Territoire'],
    ['Grandes écoles du numérique', 'dispositif_programmes_nationaux', 'Grande école du numérique'],
    ['Point relais CAF', 'dispositif_programmes_nationaux', "Point d'accès numérique CAF"],
    ['Point numérique CAF', 'dispositif_programmes_nationaux', "Point d'accès numérique CAF"],
  ])('lit le label national v0.1 %j', (v0, champ, v1) => {
    expect(lireValeur('labels_nationaux', v0)?.cibles).toEqual([[champ, v1]])
  })

  it.each([['APTIC'], ['French Tech'], ['Campus connecté'], ['Relais pôle emploi']])('ne trouve pas d’équivalent v1 au label v0.1 %j', (v0) => {
    expect(lireValeur('labels_nationaux', v0)).toBeUndefined()
  })

  it('lit en mode « approchée » les écritures qui ne diffèrent que par la casse, les accents ou le pluriel', () => {
    expect(lireValeur('publics_specifiquement_adresses', 'seniors')).toEqual({ cibles: [['publics_specifiquement_adresses', 'Seniors']], mode: 'approchee' })
    expect(lireValeur('publics_specifiquement_adresses', 'ETUDIANT')).toEqual({ cibles: [['publics_specifiquement_adresses', 'Étudiants']], mode: 'approchee' })
    expect(lireValeur('dispositif_programmes_nationaux', 'France service')?.mode).toBe('approchee')
  })

  it('corrige une faute de frappe dans une valeur longue', () => {
    expect(lireValeur('prise_en_charge_specifique', 'Déficiance visuelle')).toEqual({ cibles: [['prise_en_charge_specifique', 'Déficience visuelle']], mode: 'approchee' })
  })

  it('ne corrige pas une valeur courte trop différente', () => {
    expect(lireValeur('frais_a_charge', 'Gratos')).toBeUndefined()
    expect(lireValeur('itinerance', 'Oui')).toBeUndefined()
  })

  it('ne lit pas une valeur dans la mauvaise colonne', () => {
    expect(lireValeur('services', 'Seniors')).toBeUndefined()
    expect(lireValeur('frais_a_charge', 'Prendre en main un ordinateur')).toBeUndefined()
  })

  it('lit les libellés de typologie comme des codes', () => {
    expect(lireValeur('typologie', 'Association')?.cibles).toEqual([['typologie', 'ASSO']])
    expect(lireValeur('typologie', 'Médiathèque')?.cibles).toEqual([['typologie', 'BIB']])
    expect(lireValeur('typologie', 'Espace public numérique')?.cibles).toEqual([['typologie', 'EPN']])
    expect(lireValeur('typologie', 'Pôle emploi')?.cibles).toEqual([['typologie', 'FT']])
  })

  it('ignore une valeur vide ou sans lettre', () => {
    expect(lireValeur('services', ' - ')).toBeUndefined()
  })
})

describe('suggestion', () => {
  it('propose la valeur admise la plus proche', () => {
    expect(suggestion('services', 'Utilisation sécure numérique')).toBe('Utilisation sécurisée du numérique')
    expect(suggestion('dispositif_programmes_nationaux', 'Promeneur du web')).toBe('Promeneurs du net')
  })
  it('propose une typologie sous la forme « CODE (libellé) »', () => {
    expect(suggestion('typologie', 'Assocations')).toBe('ASSO (Associations)')
  })
  it('ne propose rien quand rien n’est proche', () => {
    expect(suggestion('services', 'Cuisine')).toBeUndefined()
  })
})

describe('champsDeLaColonne', () => {
  it('donne les champs v1 que peut alimenter une colonne v0.1 ou v1', () => {
    expect(champsDeLaColonne('services')).toEqual(['services'])
    expect(champsDeLaColonne('publics_accueillis')).toEqual(['publics_specifiquement_adresses', 'prise_en_charge_specifique'])
    expect(champsDeLaColonne('conditions_acces')).toEqual(['frais_a_charge'])
    expect(champsDeLaColonne('labels_nationaux')).toEqual(['dispositif_programmes_nationaux', 'formations_labels'])
  })
})
