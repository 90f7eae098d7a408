import { describe, expect, it } from 'vitest'
import { CHAMPS, type Champ } from '../standard/fields.ts'
import { decouper, lireListeEnumeree, lireListeLibre, Valeurs } from './listes.ts'
import { Constat } from './problems.ts'

/** Reads `brut` as the column `colonne`; returns the non-empty target fields and the problems. */
function lire(colonne: string, brut: unknown) {
  const constat = new Constat()
  const valeurs = new Valeurs()
  lireListeEnumeree(colonne, brut, valeurs, constat)
  const champs: Partial<Record<Champ, string[]>> = {}
  for (const champ of CHAMPS) {
    const liste = valeurs.de(champ)
    if (liste.length > 0) champs[champ] = liste
  }
  return { champs, problemes: constat.problemes }
}

describe('decouper', () => {
  it('sépare sur |, ; et les sauts de ligne, nettoie et retire les morceaux vides', () => {
    expect(decouper('a | b ;; c\nd\r\ne|')).toEqual(['a', 'b', 'c', 'd', 'e'])
  })
  it('accepte un tableau, même de listes', () => {
    expect(decouper(['a', 'b|c', ['d']])).toEqual(['a', 'b', 'c', 'd'])
  })
  it('renvoie une liste vide pour une valeur absente', () => {
    expect(decouper(undefined)).toEqual([])
    expect(decouper(null)).toEqual([])
    expect(decouper('')).toEqual([])
  })
})

describe('lireListeEnumeree : valeurs v1.0.2', () => {
  it('garde les valeurs exactes sans rien signaler', () => {
    expect(lire('services', 'Aide aux démarches administratives|Maîtrise des outils numériques du quotidien')).toEqual({
      champs: { services: ['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien'] },
      problemes: [],
    })
    expect(lire('modalites_accompagnement', 'Dans un atelier collectif|À distance|En autonomie|Accompagnement individuel').problemes).toEqual([])
    expect(lire('formations_labels', 'Formé à « Mon Espace Santé »|Arnia/MedNum BFC (Bourgogne-Franche-Comté)')).toEqual({
      champs: { formations_labels: ['Formé à « Mon Espace Santé »', 'Arnia/MedNum BFC (Bourgogne-Franche-Comté)'] },
      problemes: [],
    })
  })

  it('sépare aussi sur ; et sur les sauts de ligne', () => {
    expect(lire('services', 'Aide aux démarches administratives;Loisirs et créations numériques\nCompréhension du monde numérique').champs.services).toEqual([
      'Aide aux démarches administratives',
      'Loisirs et créations numériques',
      'Compréhension du monde numérique',
    ])
  })

  it('accepte un tableau', () => {
    expect(lire('frais_a_charge', ['Gratuit', 'Payant']).champs).toEqual({ frais_a_charge: ['Gratuit', 'Payant'] })
  })

  it('retire les doublons, même écrits différemment', () => {
    const r = lire('services', ['Aide aux démarches administratives', 'Loisirs et créations numériques|Aide aux démarches administratives', 'aide aux démarches administratives'])
    expect(r.champs.services).toEqual(['Aide aux démarches administratives', 'Loisirs et créations numériques'])
  })

  it('range une valeur écrite dans la colonne voisine à sa vraie place (Surdité dans publics)', () => {
    expect(lire('publics_specifiquement_adresses', 'Seniors|Surdité').champs).toEqual({
      publics_specifiquement_adresses: ['Seniors'],
      prise_en_charge_specifique: ['Surdité'],
    })
  })
})

describe('lireListeEnumeree : valeurs v0.1', () => {
  it('convertit les services v0.1 sans message de correction', () => {
    expect(lire('services', 'Prendre en main un ordinateur')).toEqual({ champs: { services: ['Maîtrise des outils numériques du quotidien'] }, problemes: [] })
    expect(lire('services', 'Prendre en main un ordinateur;Prendre en main un smartphone ou une tablette;Accéder à une connexion internet')).toEqual({
      champs: { services: ['Maîtrise des outils numériques du quotidien', 'Accès internet et matériel informatique'] },
      problemes: [],
    })
  })

  it('lit les longs libellés v0.1 sur la partie avant les deux-points', () => {
    expect(lire('conditions_acces', 'Gratuit : Je peux accéder gratuitement au lieu et à ses services')).toEqual({ champs: { frais_a_charge: ['Gratuit'] }, problemes: [] })
    expect(lire('conditions_acces', 'Payant : Je dois payer pour accéder au lieu et à ses services|Adhésion : Je dois adhérer au lieu').champs).toEqual({ frais_a_charge: ['Payant'] })
    expect(lire('modalites_accompagnement', "Seul : j'ai accès à du matériel et une connexion|Avec de l'aide : je suis accompagné seul dans l'usage du numérique")).toEqual({
      champs: { modalites_accompagnement: ['En autonomie', 'Accompagnement individuel'] },
      problemes: [],
    })
    expect(lire('publics_accueillis', "Handicaps psychiques : troubles psychiatriques donnant lieu à des atteintes comportementales").champs).toEqual({
      prise_en_charge_specifique: ['Handicaps mentaux'],
    })
  })

  it('convertit « Public langues étrangères » vers les deux valeurs de langues', () => {
    expect(lire('publics_accueillis', 'Public langues étrangères')).toEqual({
      champs: { prise_en_charge_specifique: ['Langues étrangères (anglais)', 'Langues étrangères (autres)'] },
      problemes: [],
    })
  })

  it('répartit publics_accueillis entre publics et prises en charge', () => {
    expect(lire('publics_accueillis', 'Seniors (+ 65 ans);Familles/enfants;Surdité;Uniquement femmes').champs).toEqual({
      publics_specifiquement_adresses: ['Seniors', 'Familles et/ou enfants', 'Femmes'],
      prise_en_charge_specifique: ['Surdité'],
    })
  })

  it('écarte « Adultes » sans rien signaler', () => {
    expect(lire('publics_accueillis', 'Adultes')).toEqual({ champs: {}, problemes: [] })
  })

  it('lit la liste du Havre « Seniors (+65 ans) / Familles/ enfant / Adultes / Jeunes (16/26 ans) »', () => {
    for (const colonne of ['publics_accueillis', 'publics_specifiquement_adresses']) {
      const r = lire(colonne, 'Seniors (+65 ans) / Familles/ enfant / Adultes / Jeunes (16/26 ans)')
      expect(r.champs).toEqual({ publics_specifiquement_adresses: ['Seniors', 'Familles et/ou enfants', 'Jeunes'] })
      expect(r.problemes.filter((p) => p.niveau !== 'correction')).toEqual([])
    }
  })

  it('sépare les valeurs séparées par des virgules suivies d’une majuscule', () => {
    expect(lire('publics_specifiquement_adresses', 'Jeunes, Seniors, Femmes').champs).toEqual({ publics_specifiquement_adresses: ['Jeunes', 'Seniors', 'Femmes'] })
  })

  it('garde entière une valeur exacte qui contient une barre oblique', () => {
    expect(lire('publics_specifiquement_adresses', 'Familles et/ou enfants').champs).toEqual({ publics_specifiquement_adresses: ['Familles et/ou enfants'] })
  })

  it('range dans autres_formations_labels, avec une correction, une valeur de labels_nationaux hors vocabulaire (APTIC)', () => {
    const r = lire('labels_nationaux', 'APTIC|CNFS|France Services|Fabriques de Territoire')
    expect(r.champs).toEqual({
      dispositif_programmes_nationaux: ['Conseillers numériques', 'France Services'],
      formations_labels: ['Fabriques de Territoire'],
      autres_formations_labels: ['APTIC'],
    })
    expect(r.problemes).toHaveLength(1)
    expect(r.problemes[0]).toMatchObject({ niveau: 'correction', champ: 'labels_nationaux', valeur: 'APTIC' })
  })
})

describe('lireListeEnumeree : écritures approchées', () => {
  it.each([
    ['publics_specifiquement_adresses', 'seniors', 'publics_specifiquement_adresses', 'Seniors'],
    ['dispositif_programmes_nationaux', 'France service', 'dispositif_programmes_nationaux', 'France Services'],
    ['labels_nationaux', 'France service', 'dispositif_programmes_nationaux', 'France Services'],
    ['prise_en_charge_specifique', 'Déficiance visuelle', 'prise_en_charge_specifique', 'Déficience visuelle'],
    ['publics_accueillis', 'Déficiance visuelle', 'prise_en_charge_specifique', 'Déficience visuelle'],
    ['services', 'Comprehension du monde numérique', 'services', 'Compréhension du monde numérique'],
    ['modalites_acces', 'Ce lieu n’accueille pas de public', 'modalites_acces', "Ce lieu n'accueille pas de public"],
    ['formations_labels', 'Étapes numériques(La Poste)', 'formations_labels', 'Étapes numériques (La Poste)'],
  ])('%s : lit %j comme %s « %s », avec une correction', (colonne, brut, champ, attendu) => {
    const r = lire(colonne, brut)
    expect(r.champs).toEqual({ [champ]: [attendu] })
    expect(r.problemes).toHaveLength(1)
    expect(r.problemes[0]).toMatchObject({ niveau: 'correction', champ: colonne, valeur: brut })
    expect(r.problemes[0]?.message).toContain(attendu)
  })

  it('avertit d’une valeur inconnue, sans suggestion quand rien n’est proche', () => {
    const r = lire('services', 'Cuisine')
    expect(r.champs).toEqual({})
    expect(r.problemes).toHaveLength(1)
    expect(r.problemes[0]).toMatchObject({ niveau: 'avertissement', champ: 'services', valeur: 'Cuisine' })
    expect(r.problemes[0]?.message).not.toMatch(/Vouliez-vous dire/)
    // la liste des valeurs admises (9 services) est donnée
    expect(r.problemes[0]?.message).toContain('« Aide aux démarches administratives »')
  })

  it('avertit d’une valeur inconnue en suggérant la valeur proche', () => {
    const r = lire('services', 'Utilisation sécure numérique')
    expect(r.champs).toEqual({})
    expect(r.problemes).toHaveLength(1)
    expect(r.problemes[0]?.niveau).toBe('avertissement')
    expect(r.problemes[0]?.message).toContain('Vouliez-vous dire « Utilisation sécurisée du numérique » ?')
  })

  it('garde les valeurs connues d’une liste qui en contient une inconnue', () => {
    const r = lire('itinerance', 'Fixe|Non')
    expect(r.champs).toEqual({ itinerance: ['Fixe'] })
    expect(r.problemes.map((p) => `${p.niveau}:${p.valeur}`)).toEqual(['avertissement:Non'])
  })
})

describe('lireListeEnumeree : typologie', () => {
  it('garde les codes', () => {
    expect(lire('typologie', 'TIERS_LIEUX|ASSO')).toEqual({ champs: { typologie: ['TIERS_LIEUX', 'ASSO'] }, problemes: [] })
  })

  it('lit les libellés et leurs variantes comme des codes', () => {
    expect(lire('typologie', 'Association').champs).toEqual({ typologie: ['ASSO'] })
    expect(lire('typologie', 'Associations').champs).toEqual({ typologie: ['ASSO'] })
    expect(lire('typologie', 'Médiathèque').champs).toEqual({ typologie: ['BIB'] })
    expect(lire('typologie', 'Bibliothèque / Médiathèque').champs).toEqual({ typologie: ['BIB'] })
    expect(lire('typologie', 'Mission locale').champs).toEqual({ typologie: ['ML'] })
    expect(lire('typologie', 'France Services').champs).toEqual({ typologie: ['RFS'] })
  })

  it('signale par une correction un libellé transformé en code', () => {
    const r = lire('typologie', 'Association')
    expect(r.problemes).toHaveLength(1)
    expect(r.problemes[0]).toMatchObject({ niveau: 'correction', champ: 'typologie', valeur: 'Association' })
    expect(r.problemes[0]?.message).toContain('ASSO')
  })

  it('avertit d’une typologie inconnue', () => {
    const r = lire('typologie', 'Résidence Autonomie')
    expect(r.champs).toEqual({})
    expect(r.problemes.map((p) => p.niveau)).toEqual(['avertissement'])
  })
})

describe('lireListeLibre', () => {
  it('garde les valeurs libres telles quelles, sans doublon', () => {
    const valeurs = new Valeurs()
    lireListeLibre('autres_formations_labels', 'Label et la bête|QPV|QPV', valeurs)
    expect(valeurs.de('autres_formations_labels')).toEqual(['Label et la bête', 'QPV'])
  })
})
