import { describe, expect, it } from 'vitest'
import { type Activite, type ErreurChamp, validerActivite } from './validation.ts'

const AUJOURDHUI = '2025-06-15'

const individuelle = {
  type: 'individuel',
  date: '2025-06-10',
  duree: 45,
  typeLieu: 'lieu_activite',
  lieu: 'lieu-42',
  thematiques: ['navigation_sur_internet', 'aide_aux_demarches_administratives'],
  thematiquesDemarche: ['social_sante'],
  precisionsDemarche: 'Demande de complémentaire santé solidaire',
  materiel: ['ordinateur'],
  autonomie: 'partiellement_autonome',
  orienteVersStructure: true,
  structureDeRedirection: 'aide_sociale',
  beneficiaireAnonyme: { genre: 'feminin', trancheAge: 'soixante_soixante_neuf', dejaAccompagne: true, communeResidence: '2A004' },
  notes: '  Revenir avec le relevé de la CAF.  ',
}

const collective = {
  type: 'collectif',
  date: '2025-06-12',
  duree: 120,
  typeLieu: 'autre',
  commune: '69123',
  thematiques: ['intelligence_artificielle'],
  materiel: ['tablette', 'telephone'],
  titreAtelier: 'Café IA',
  niveau: 'debutant',
  beneficiairesSuivis: ['b-1'],
  participants: {
    total: 8,
    dejaAccompagne: 3,
    genre: { feminin: 5, masculin: 3 },
    trancheAge: { soixante_dix_plus: 4, non_communique: 4 },
    statutSocial: { retraite: 6 },
  },
}

function activite(brut: unknown): Activite {
  const r = validerActivite(brut, AUJOURDHUI)
  if ('erreurs' in r) throw new Error(JSON.stringify(r.erreurs))
  return r.activite
}
function erreurs(brut: unknown): ErreurChamp[] {
  const r = validerActivite(brut, AUJOURDHUI)
  if ('activite' in r) throw new Error('activité acceptée à tort')
  return r.erreurs
}
const champs = (brut: unknown) => erreurs(brut).map((e) => e.champ)

describe('validerActivite — activités valides', () => {
  it('accepte un accompagnement individuel complet', () => {
    const a = activite(individuelle)
    expect(a).toMatchObject({ type: 'individuel', duree: 45, lieu: 'lieu-42', thematiquesDemarche: ['social_sante'], notes: 'Revenir avec le relevé de la CAF.' })
    if (a.type !== 'individuel') throw new Error('type')
    expect(a.beneficiaireAnonyme).toEqual({ genre: 'feminin', trancheAge: 'soixante_soixante_neuf', statutSocial: 'non_communique', dejaAccompagne: true, communeResidence: '2A004' })
  })

  it('accepte un accompagnement minimal à distance et complète les valeurs par défaut', () => {
    const a = activite({ type: 'individuel', date: AUJOURDHUI, duree: 1440, typeLieu: 'a_distance', thematiques: ['email'] })
    expect(a).toEqual({
      type: 'individuel',
      date: AUJOURDHUI,
      duree: 1440,
      typeLieu: 'a_distance',
      thematiques: ['email'],
      thematiquesDemarche: [],
      materiel: [],
      orienteVersStructure: false,
      beneficiaireAnonyme: { genre: 'non_communique', trancheAge: 'non_communique', statutSocial: 'non_communique', dejaAccompagne: false },
    })
  })

  it('accepte un atelier collectif et remplit les compteurs absents à 0', () => {
    const a = activite(collective)
    if (a.type !== 'collectif') throw new Error('type')
    expect(a.participants.genre).toEqual({ masculin: 3, feminin: 5, non_communique: 0 })
    expect(a.participants.statutSocial.retraite).toBe(6)
    expect(a.participants.trancheAge.moins_de_douze).toBe(0)
    expect(a.beneficiairesSuivis).toEqual(['b-1'])
    expect(a.niveau).toBe('debutant')
  })

  it('accepte un atelier avec seulement des bénéficiaires suivis', () => {
    const { participants: _, ...sansAnonymes } = collective
    const a = activite(sansAnonymes)
    if (a.type !== 'collectif') throw new Error('type')
    expect(a.participants.total).toBe(0)
  })
})

describe('validerActivite — une règle à la fois', () => {
  const cas: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['type inconnu', { ...individuelle, type: 'demarche' }, 'type', /n'est pas permise pour le type d'activité/],
    ['date absente', { ...individuelle, date: undefined }, 'date', /Veuillez indiquer la date/],
    ['date impossible', { ...individuelle, date: '2025-02-30' }, 'date', /n'est pas une date réelle/],
    ['date au mauvais format', { ...individuelle, date: '10/06/2025' }, 'date', /AAAA-MM-JJ/],
    ['date future', { ...individuelle, date: '2025-06-16' }, 'date', /dans le futur/],
    ['date avant 2020', { ...individuelle, date: '2019-12-31' }, 'date', /antérieure au 1er janvier 2020/],
    ['durée nulle', { ...individuelle, duree: 0 }, 'duree', /au moins 1 minute/],
    ['durée de plus de 24 h', { ...individuelle, duree: 1441 }, 'duree', /24 heures/],
    ['durée non entière', { ...individuelle, duree: 12.5 }, 'duree', /entier/],
    ['durée en texte', { ...individuelle, duree: '45' }, 'duree', /nombre de minutes/],
    ['type de lieu inconnu', { ...individuelle, typeLieu: 'mairie' }, 'typeLieu', /« mairie »/],
    ['lieu d’activité manquant', { ...individuelle, lieu: undefined }, 'lieu', /Veuillez choisir le lieu d'activité/],
    ['lieu avec un accompagnement à distance', { ...individuelle, typeLieu: 'a_distance' }, 'lieu', /que pour un accompagnement dans un lieu d'activité/],
    ['commune manquante à domicile', { ...individuelle, typeLieu: 'domicile', lieu: undefined }, 'commune', /Veuillez indiquer la commune/],
    ['code INSEE invalide', { ...collective, commune: '6912' }, 'commune', /5 caractères/],
    ['aucune thématique', { ...collective, thematiques: [] }, 'thematiques', /au moins une thématique/],
    ['thématiques absentes', { ...collective, thematiques: undefined }, 'thematiques', /au moins une thématique/],
    ['thématique inconnue', { ...individuelle, thematiques: ['aide_aux_demarches_administratives', 'cuisine'] }, 'thematiques.1', /« cuisine »/],
    ['démarche sans l’aide aux démarches', { ...individuelle, thematiques: ['email'], precisionsDemarche: undefined }, 'thematiquesDemarche', /Aide aux démarches administratives/],
    ['nom de démarche sans l’aide aux démarches', { ...individuelle, thematiques: ['email'], thematiquesDemarche: [] }, 'precisionsDemarche', /Aide aux démarches administratives/],
    ['matériel inconnu', { ...individuelle, materiel: ['console'] }, 'materiel.0', /le matériel/],
    ['autonomie inconnue', { ...individuelle, autonomie: 'expert' }, 'autonomie', /niveau d'autonomie/],
    ['redirection sans orientation', { ...individuelle, orienteVersStructure: false }, 'structureDeRedirection', /orienté vers une autre structure/],
    ['bénéficiaire suivi et anonyme', { ...individuelle, beneficiaireSuivi: 'b-1' }, 'beneficiaireAnonyme', /sans bénéficiaire suivi/],
    ['niveau sur un individuel', { ...individuelle, niveau: 'avance' }, 'niveau', /ne concerne que les ateliers collectifs/],
    ['autonomie sur un atelier', { ...collective, autonomie: 'autonome' }, 'autonomie', /ne concerne que les accompagnements individuels/],
    ['niveau d’atelier inconnu', { ...collective, niveau: 'expert' }, 'niveau', /niveau de l'atelier/],
    ['atelier sans participant', { ...collective, beneficiairesSuivis: [], participants: { total: 0 } }, 'participants', /au moins un bénéficiaire suivi ou anonyme/],
    ['déjà accompagnés au-delà du total', { ...collective, participants: { ...collective.participants, dejaAccompagne: 9 } }, 'participants.dejaAccompagne', /déjà accompagnés \(9\) dépasse le total/],
    ['genres au-delà du total', { ...collective, participants: { ...collective.participants, genre: { feminin: 6, masculin: 3 } } }, 'participants.genre', /La somme des données socio-démographiques dépasse le total des bénéficiaires anonymes/],
    ['âges au-delà du total', { ...collective, participants: { ...collective.participants, trancheAge: { moins_de_douze: 9 } } }, 'participants.trancheAge', /tranches d'âge/],
    ['statuts au-delà du total', { ...collective, participants: { ...collective.participants, statutSocial: { scolarise: 5, retraite: 4 } } }, 'participants.statutSocial', /statuts sociaux/],
    ['compteur négatif', { ...collective, participants: { ...collective.participants, genre: { feminin: -1 } } }, 'participants.genre.feminin', /négatif/],
    ['compteur au-delà de 10 000', { ...collective, participants: { ...collective.participants, total: 10_001 } }, 'participants.total', /10\s000/],
    ['compteur d’un genre inconnu', { ...collective, participants: { ...collective.participants, genre: { femme: 2 } } }, 'participants.genre.femme', /n'est pas attendu/],
    ['champ inconnu', { ...individuelle, thematique: ['email'] }, 'thematique', /« thematique » n'est pas attendu/],
  ]

  it.each(cas)('%s', (_nom, brut, champ, message) => {
    const liste = erreurs(brut)
    expect(liste).toHaveLength(1)
    expect(liste[0]?.champ).toBe(champ)
    expect(liste[0]?.message).toMatch(message)
  })

  it('refuse ce qui n’est pas un objet', () => {
    expect(erreurs(null)).toEqual([{ champ: '', message: "L'activité doit être un objet avec ses champs (type, date, durée…)." }])
  })
})

describe('validerActivite — plusieurs erreurs', () => {
  it('les rapporte toutes, chacune sur son champ', () => {
    const brut = {
      type: 'collectif',
      date: '2031-01-01',
      duree: -5,
      typeLieu: 'lieu_activite',
      thematiques: ['email', 'inconnue'],
      thematiquesDemarche: ['logement'],
      autonomie: 'autonome',
      participants: { total: 2, dejaAccompagne: 3, genre: { feminin: 2, masculin: 1 }, statutSocial: { retraite: 'deux' } },
    }
    expect(champs(brut).sort()).toEqual(
      [
        'date',
        'duree',
        'thematiques.1',
        'lieu',
        'thematiquesDemarche',
        'autonomie',
        'participants.dejaAccompagne',
        'participants.genre',
        'participants.statutSocial.retraite',
      ].sort(),
    )
  })

  it('contrôle les champs communs même quand le type est inconnu', () => {
    expect(champs({ type: 'atelier', date: 'hier', duree: 30, typeLieu: 'a_distance', thematiques: [] }).sort()).toEqual(['date', 'thematiques', 'type'])
  })
})
