import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { referentiel } from '../../territories/referentiel.ts'
import { CHAMPS, CHAMPS_LISTES, type Champ, type Lieu } from '../standard/fields.ts'
import { CELLULES_EN_TROP, NON_OBJET } from './colonnes.ts'
import { validerLigne, type Contexte } from './ligne.ts'
import type { Probleme } from './problems.ts'

const contexte: Contexte = { aujourdhui: '2026-11-22', referentiel: referentiel() }

/** The single row of the standard's `exemple-valide.csv` (v1.0.2), as csv-parse reads it. */
const EXEMPLE: Record<Champ, string> = {
  id: 'structure-1',
  pivot: '43493312300029',
  nom: 'Anonymal',
  commune: 'Reims',
  code_postal: '51100',
  code_insee: '51454',
  adresse: '12 BIS RUE DE LECLERCQ',
  complement_adresse: "Le patio du bois de l'Aulne",
  latitude: '43.52609',
  longitude: '5.41423',
  typologie: 'TIERS_LIEUX|ASSO',
  telephone: '+33180059880',
  courriels: 'contact@laquincaillerie.tl|responsable@laquincaillerie.tl',
  site_web: 'https://www.laquincaillerie.tl/|https://m.facebook.com/laquincaillerienumerique/',
  horaires: 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00',
  presentation_resume: 'Notre association propose des formations aux outils numériques à destination des personnes âgées.',
  presentation_detail:
    "Notre parcours d'initiation permet l'acquisition de compétences numériques de base. Nous proposons également un accompagnement à destination des personnes déjà initiées qui souhaiteraient approfondir leurs connaissances. Du matériel informatique est en libre accès pour nos adhérents tous les après-midis. En plus de d'accueillir les personnes dans notre lieu en semaine (sur rendez-vous), nous assurons une permanence le samedi matin dans la médiathèque XX.",
  source: 'Hubik',
  itinerance: 'Itinérant',
  structure_parente: 'SIRET de la ville pour une bibliothèque.',
  date_maj: '2024-04-02',
  services: 'Maîtrise des outils numériques du quotidien|Insertion professionnelle via le numérique|Loisirs et créations numériques',
  publics_specifiquement_adresses: 'Jeunes|Femmes',
  prise_en_charge_specifique: 'Surdité|Illettrisme|Langues étrangères (anglais)',
  frais_a_charge: 'Gratuit sous condition|Payant',
  dispositif_programmes_nationaux: 'Aidants Connect|Conseillers numériques|La Croix Rouge',
  formations_labels: 'Formé à « Mon Espace Santé »|Arnia/MedNum BFC (Bourgogne-Franche-Comté)',
  autres_formations_labels: 'Label et la bête',
  modalites_acces: 'Se présenter|Téléphoner',
  modalites_accompagnement: 'Dans un atelier collectif|À distance|En autonomie|Accompagnement individuel',
  fiche_acces_libre: 'https://acceslibre.beta.gouv.fr/app/29-lampaul-plouarzel/a/bibliotheque-mediatheque/erp/mediatheque-13/',
  prise_rdv: 'https://www.rdv-solidarites.fr/',
}

const LISTES = new Set<Champ>(CHAMPS_LISTES)

/** The place a clean v1.0.2 row describes: lists split on `|`, coordinates as numbers. */
function lieuAttendu(ligne: Record<Champ, string>): Lieu {
  const lieu: Record<string, unknown> = {}
  for (const champ of CHAMPS) {
    const valeur = ligne[champ]
    lieu[champ] = LISTES.has(champ) ? valeur.split('|') : champ === 'latitude' || champ === 'longitude' ? Number(valeur) : valeur
  }
  return lieu as unknown as Lieu
}

/** A minimal valid row, to which each test adds its own defects. */
const BASE = { id: 'lieu-1', nom: 'Médiathèque', pivot: '73282932000074', adresse: '1 place du Palais de Justice', commune: 'Chambéry', code_postal: '73000', code_insee: '73065', date_maj: '2024-04-02' }

const resume = (problemes: Probleme[]) => problemes.map((p) => `${p.niveau}:${p.champ}`)

describe('validerLigne : une ligne propre du standard', () => {
  it('rend un lieu égal, champ par champ, à la ligne de exemple-valide.csv, sans aucun problème', () => {
    const resultat = validerLigne(EXEMPLE, contexte)
    expect(resultat.problemes).toEqual([])
    expect(resultat.lieu).toEqual(lieuAttendu(EXEMPLE))
    expect(resultat.localisation.commune?.code).toBe('51454')
  })

  const FICHIER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/standard/exemple-valide.csv')
  it.skipIf(!existsSync(FICHIER))('le fichier exemple-valide.csv, lu sur place, donne la même ligne et le même lieu', () => {
    const lignes = parse(readFileSync(FICHIER), { columns: true }) as Array<Record<string, string>>
    expect(lignes).toHaveLength(1)
    expect(lignes[0]).toEqual(EXEMPLE)
    const resultat = validerLigne(lignes[0] as Record<string, string>, contexte)
    expect(resultat.problemes.filter((p) => p.niveau !== 'correction')).toEqual([])
    expect(resultat.lieu).toEqual(lieuAttendu(EXEMPLE))
  })

  it('accepte les valeurs JSON non textuelles (nombres)', () => {
    const resultat = validerLigne({ ...BASE, code_postal: 73000, latitude: 45.5646, longitude: 5.9178, pivot: 73282932000074 }, contexte)
    expect(resultat.problemes).toEqual([])
    expect(resultat.lieu).toMatchObject({ code_postal: '73000', latitude: 45.5646, longitude: 5.9178, pivot: '73282932000074' })
  })

  it('met à null les champs facultatifs absents et à [] les listes absentes', () => {
    const { lieu } = validerLigne(BASE, contexte)
    expect(lieu).not.toBeNull()
    for (const champ of CHAMPS) {
      if (champ in BASE) continue
      expect(lieu?.[champ], champ).toEqual(LISTES.has(champ) ? [] : null)
    }
  })
})

describe('validerLigne : tous les problèmes d’une ligne, pas seulement le premier', () => {
  it('rapporte chaque défaut d’une ligne qui en a plusieurs, au bon champ et au bon niveau, et rejette la ligne', () => {
    const resultat = validerLigne(
      {
        id: '',
        nom: '   ',
        pivot: '123',
        adresse: '1 rue de la Gare',
        commune: 'Chambéry',
        code_postal: '73000',
        date_maj: '2024-13-45',
        telephone: '12',
        horaires: ':undefined-17:00',
        prise_rdv: 'pas une url',
        site_web: 'ceci non plus',
        courriels: 'pasunmail',
        services: 'Cuisine|Aide aux démarches administratives',
      },
      contexte,
    )
    expect(resultat.lieu).toBeNull()
    const vus = resume(resultat.problemes)
    expect(vus).toEqual(
      expect.arrayContaining([
        'erreur:id',
        'erreur:nom',
        'avertissement:pivot',
        'erreur:date_maj',
        'avertissement:telephone',
        'avertissement:horaires',
        'avertissement:prise_rdv',
        'avertissement:site_web',
        'avertissement:courriels',
        'avertissement:services',
      ]),
    )
    expect(resultat.problemes.find((p) => p.champ === 'services')?.valeur).toBe('Cuisine')
    expect(resultat.problemes.find((p) => p.champ === 'date_maj')?.valeur).toBe('2024-13-45')
    expect(resultat.problemes.find((p) => p.champ === 'telephone')?.valeur).toBe('12')
    // chaque message est en français et non vide
    for (const p of resultat.problemes) expect(p.message.length).toBeGreaterThan(10)
  })

  it('rejette une ligne vide en citant chaque champ obligatoire manquant', () => {
    const resultat = validerLigne({}, contexte)
    expect(resultat.lieu).toBeNull()
    expect(resume(resultat.problemes)).toEqual(
      expect.arrayContaining(['erreur:id', 'erreur:nom', 'erreur:adresse', 'erreur:commune', 'erreur:code_postal', 'erreur:date_maj', 'avertissement:pivot']),
    )
  })

  it('garde la ligne quand il n’y a que des avertissements et des corrections', () => {
    const resultat = validerLigne({ ...BASE, telephone: '04 79 31 19 19', horaires: 'Lundi 9h-12h', services: 'Cuisine|Prendre en main un ordinateur' }, contexte)
    expect(resultat.lieu).toMatchObject({ telephone: '+33479311919', horaires: 'Mo 09:00-12:00', services: ['Maîtrise des outils numériques du quotidien'] })
    expect(resume(resultat.problemes).sort()).toEqual(['avertissement:services', 'correction:horaires', 'correction:telephone'])
  })

  it('rejette une date future (erreur) mais rapporte aussi les autres problèmes', () => {
    const resultat = validerLigne({ ...BASE, date_maj: '2027-01-01', telephone: '3939' }, contexte)
    expect(resultat.lieu).toBeNull()
    expect(resume(resultat.problemes)).toEqual(['avertissement:telephone', 'erreur:date_maj'])
  })
})

describe('validerLigne : colonnes v0.1', () => {
  it('convertit courriel, publics_accueillis, conditions_acces, labels_nationaux, labels_autres et accessibilite', () => {
    const resultat = validerLigne(
      {
        ...BASE,
        courriel: 'contact@mediatheque.fr',
        publics_accueillis: 'Seniors (+ 65 ans);Public langues étrangères;Adultes;Surdité',
        conditions_acces: 'Gratuit : Je peux accéder gratuitement au lieu et à ses services',
        labels_nationaux: 'CNFS;APTIC;Fabriques de Territoire;France Services',
        labels_autres: 'Mon label',
        accessibilite: 'https://acceslibre.beta.gouv.fr/app/73-chambery/a/bibliotheque/erp/x/',
        services: 'Prendre en main un ordinateur;Devenir autonome dans les démarches administratives',
        cle_ban: '73065_1234_00001',
      },
      contexte,
    )
    expect(resultat.lieu).toMatchObject({
      courriels: ['contact@mediatheque.fr'],
      publics_specifiquement_adresses: ['Seniors'],
      prise_en_charge_specifique: ['Langues étrangères (anglais)', 'Langues étrangères (autres)', 'Surdité'],
      frais_a_charge: ['Gratuit'],
      dispositif_programmes_nationaux: ['Conseillers numériques', 'France Services'],
      formations_labels: ['Fabriques de Territoire'],
      autres_formations_labels: ['APTIC', 'Mon label'],
      fiche_acces_libre: 'https://acceslibre.beta.gouv.fr/app/73-chambery/a/bibliotheque/erp/x/',
      services: ['Maîtrise des outils numériques du quotidien', 'Aide aux démarches administratives'],
    })
    // seule remarque : APTIC rangé dans les autres labels
    expect(resume(resultat.problemes)).toEqual(['correction:labels_nationaux'])
  })

  it('fusionne une colonne v0.1 et sa colonne v1 (courriel et courriels)', () => {
    const { lieu } = validerLigne({ ...BASE, courriel: 'a@x.fr', courriels: 'b@x.fr|a@x.fr' }, contexte)
    expect([...(lieu?.courriels ?? [])].sort()).toEqual(['a@x.fr', 'b@x.fr'])
  })

  it('reconnaît les en-têtes en majuscules, avec espaces ou BOM', () => {
    const { lieu, problemes } = validerLigne({ '\uFEFFID': 'x', ' Nom ': 'Médiathèque', PIVOT: '73282932000074', Adresse: '1 rue A', Commune: 'Chambéry', Code_Postal: '73000', Code_INSEE: '73065', DATE_MAJ: '2024-04-02' }, contexte)
    expect(problemes).toEqual([])
    expect(lieu).toMatchObject({ id: 'x', nom: 'Médiathèque', commune: 'Chambéry' })
  })

  it('déplace un courriel écrit dans site_web vers courriels', () => {
    const { lieu } = validerLigne({ ...BASE, site_web: 'contact@x.fr|www.x.fr', courriels: 'a@x.fr' }, contexte)
    expect(lieu).toMatchObject({ site_web: ['https://www.x.fr'], courriels: ['a@x.fr', 'contact@x.fr'] })
  })
})

describe('validerLigne : commune', () => {
  it('complète le code INSEE d’après la commune et le code postal, avec une correction', () => {
    const { code_insee: _retire, ...sansCode } = BASE
    const resultat = validerLigne(sansCode, contexte)
    expect(resultat.lieu?.code_insee).toBe('73065')
    expect(resultat.localisation.commune?.code).toBe('73065')
    expect(resume(resultat.problemes)).toEqual(['correction:code_insee'])
  })

  it('complète une commune absente d’après un code INSEE connu', () => {
    const { commune: _retire, ...sansCommune } = BASE
    const resultat = validerLigne(sansCommune, contexte)
    expect(resultat.lieu?.commune).toBe('Chambéry')
    expect(resume(resultat.problemes)).toEqual(['correction:commune'])
  })

  it('complète un code postal absent quand la commune n’en a qu’un', () => {
    const { code_postal: _retire, ...sansCodePostal } = BASE
    const resultat = validerLigne(sansCodePostal, contexte)
    expect(resultat.lieu?.code_postal).toBe('73000')
    expect(resume(resultat.problemes)).toEqual(['correction:code_postal'])
  })

  it('refuse une ligne sans commune ni code INSEE utilisable', () => {
    const { commune: _c, code_insee: _i, ...sansCommune } = BASE
    const resultat = validerLigne(sansCommune, contexte)
    expect(resultat.lieu).toBeNull()
    expect(resume(resultat.problemes)).toContain('erreur:commune')
  })

  it('remplace le code d’une ancienne commune par celui de la commune actuelle', () => {
    const resultat = validerLigne({ ...BASE, commune: 'Pierre-Bénite', code_postal: '69310', code_insee: '69152' }, contexte)
    expect(resultat.lieu?.code_insee).toBe('69149')
    expect(resume(resultat.problemes)).toEqual(['correction:code_insee'])
  })

  it('corrige un code INSEE qui ne correspond ni au code postal ni au nom', () => {
    const resultat = validerLigne({ ...BASE, code_insee: '01001' }, contexte)
    expect(resultat.lieu?.code_insee).toBe('73065')
    expect(resume(resultat.problemes)).toEqual(['correction:code_insee'])
  })

  it('avertit d’une commune introuvable sans rejeter la ligne', () => {
    const { code_insee: _retire, ...sansCode } = BASE
    const resultat = validerLigne({ ...sansCode, commune: 'Quartier des Hauts', code_postal: '73000' }, contexte)
    expect(resultat.lieu).toMatchObject({ commune: 'Quartier des Hauts', code_insee: null })
    expect(resume(resultat.problemes)).toEqual(['avertissement:commune'])
    expect(resultat.localisation.commune).toBeNull()
  })

  it('rattache un quartier à la seule commune de son code postal, avec un avertissement', () => {
    const { code_insee: _retire, ...sansCode } = BASE
    const resultat = validerLigne({ ...sansCode, commune: 'Montfavet', code_postal: '84140' }, contexte)
    expect(resultat.lieu).toMatchObject({ commune: 'Montfavet', code_insee: '84007' })
    expect(resultat.problemes).toEqual([
      expect.objectContaining({ niveau: 'avertissement', champ: 'commune', message: expect.stringMatching(/n'est pas le nom d'une commune : le code postal 84140 n'appartient qu'à la commune Avignon/) }),
    ])
  })

  it('réécrit un nom de commune aux caractères non admis avec le nom officiel', () => {
    const resultat = validerLigne({ ...BASE, commune: 'Chambéry (73)' }, contexte)
    expect(resultat.lieu?.commune).toBe('Chambéry')
    expect(resume(resultat.problemes)).toContain('correction:commune')
  })
})

describe('validerLigne : rangées signalées par la lecture', () => {
  it('rejette un élément JSON qui n’est pas un objet', () => {
    const resultat = validerLigne({ [NON_OBJET]: 42 }, contexte)
    expect(resultat.lieu).toBeNull()
    expect(resultat.problemes).toHaveLength(1)
    expect(resultat.problemes[0]).toMatchObject({ niveau: 'erreur', valeur: '42' })
    expect(resultat.localisation.commune).toBeNull()
  })

  it('avertit des cellules en trop et garde la ligne', () => {
    const resultat = validerLigne({ ...BASE, [CELLULES_EN_TROP]: ['x', 'y'] }, contexte)
    expect(resultat.lieu).not.toBeNull()
    expect(resultat.problemes).toHaveLength(1)
    expect(resultat.problemes[0]).toMatchObject({ niveau: 'avertissement', valeur: 'x|y' })
    expect(resultat.problemes[0]?.message).toMatch(/2 cellule/)
  })
})
