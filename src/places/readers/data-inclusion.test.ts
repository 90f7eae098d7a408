import { describe, expect, it } from 'vitest'
import { lirePartage, partageDisponible } from '../../../test/support/donnees.ts'
import type { Acceptee, LigneRapport } from '../registry/examen.ts'
import { examiner } from '../registry/examen.ts'
import { idQualifie, lecteurDataInclusion, rangeesDataInclusion } from './data-inclusion.ts'

const AUJOURDHUI = '2026-11-22'

/** Invented organisations, in data·inclusion schema v1. */
const STRUCTURES = [
  {
    source: 'reseau-essai', id: 'reseau-essai--1', nom: 'Espace numérique des Essais', date_maj: '2025-03-01', siret: null,
    commune: 'Chambéry', code_postal: '73000', code_insee: '73065', adresse: '5 rue des Essais', latitude: 45.566, longitude: 5.92,
    telephone: '04 65 71 00 01', courriel: 'contact@essais.example', site_web: 'https://essais.example',
    horaires_accueil: 'Mo-Fr 09:00-12:00', accessibilite_lieu: 'https://acceslibre.beta.gouv.fr/app/erp/essai/',
    reseaux_porteurs: ['espaces-publics-numeriques'], description: 'Un espace public numérique ouvert à tous.',
  },
  {
    source: 'reseau-essai', id: 'reseau-essai--2', nom: 'Maison des services du Plateau', date_maj: '2025-02-01',
    commune: 'Albertville', code_postal: '73200', adresse: '3 place du Plateau', reseaux_porteurs: ['conseillers-numeriques', 'france-service'],
  },
  {
    source: 'reseau-essai', id: 'reseau-essai--3', nom: 'Épicerie solidaire du Lac', date_maj: '2025-01-15',
    commune: 'Aix-les-Bains', code_postal: '73100', adresse: '8 quai du Lac', reseaux_porteurs: ['ccas-cias'],
  },
]
const SERVICES = [
  {
    source: 'reseau-essai', id: 'reseau-essai--s1', structure_id: 'reseau-essai--1', nom: 'Ateliers numériques', description: 'Ateliers en groupe.',
    thematiques: ['numerique--maitriser-les-fondamentaux-du-numerique', 'numerique--acceder-a-une-connexion-internet'],
    frais: 'gratuit', publics: ['seniors', 'jeunes'], type: 'atelier', modes_accueil: ['en-presentiel', 'a-distance'],
    modes_mobilisation: ['se-presenter', 'telephoner'], lien_mobilisation: 'https://rdv.essais.example/reserver',
  },
  {
    source: 'reseau-essai', id: 'reseau-essai--s2', structure_id: 'reseau-essai--1', nom: 'Aide aux démarches en ligne', description: 'Sur place.',
    thematiques: ['numerique--acceder-a-des-services-en-ligne'], frais: 'payant', type: 'accompagnement',
  },
  { source: 'reseau-essai', id: 'reseau-essai--s3', structure_id: 'reseau-essai--3', nom: 'Colis alimentaires', thematiques: ['equipement-et-alimentation--aide-alimentaire'] },
  { source: 'reseau-essai', id: 'reseau-essai--s4', structure_id: 'reseau-essai--inconnue', nom: 'Service sans structure', thematiques: ['numerique'] },
]

function examinerJson(donnees: unknown, lecteur?: string) {
  const examen = examiner({ nomFichier: 'export.json', octets: Buffer.from(JSON.stringify(donnees)), aujourdhui: AUJOURDHUI, dateDonnees: '2025-06-01', lecteur })
  const acceptees: Acceptee[] = []
  const rapport: LigneRapport[] = []
  for (const lot of examen.lots) {
    acceptees.push(...lot.acceptees)
    rapport.push(...lot.rapport)
  }
  return { entete: examen.entete, acceptees, rapport }
}

describe('rangeesDataInclusion', () => {
  it('joint les services à leur structure par structure_id', () => {
    const rangees = rangeesDataInclusion({ structures: STRUCTURES, services: SERVICES }) as Array<{ id: string; services: unknown[] }>
    expect(rangees.map((r) => [r.id, r.services.length])).toEqual([['reseau-essai--1', 2], ['reseau-essai--2', 0], ['reseau-essai--3', 1]])
  })

  it('lit aussi un tableau de structures qui portent leurs services', () => {
    const rangees = rangeesDataInclusion([{ ...STRUCTURES[0], services: SERVICES.slice(0, 2) }, STRUCTURES[1]])
    expect(rangees).toHaveLength(2)
  })

  it('ne prend pas un fichier au standard pour un document data·inclusion', () => {
    expect(rangeesDataInclusion([{ id: '1', nom: 'Lieu', services: 'Aide aux démarches administratives' }])).toBeUndefined()
    expect(rangeesDataInclusion({ type: 'FeatureCollection', features: [] })).toBeUndefined()
  })
})

describe('lecteurDataInclusion (schéma v1)', () => {
  const { entete, acceptees, rapport } = examinerJson({ structures: STRUCTURES, services: SERVICES })

  it('est reconnu sans --format et garde les structures de médiation numérique', () => {
    expect(entete.lecteur).toBe('data-inclusion')
    expect(acceptees.map((a) => a.lieu.id)).toEqual(['reseau-essai--1', 'reseau-essai--2'])
  })

  it('écarte une structure sans service numérique ni réseau de médiation, avec une raison en français', () => {
    const erreurs = rapport.filter((p) => p.niveau === 'erreur')
    expect(erreurs).toEqual([expect.objectContaining({ ligne: 3, message: expect.stringMatching(/aucun service de la thématique « numerique ».*n'est pas importée/) })])
  })

  it('traduit structure et services dans les champs du standard', () => {
    expect(acceptees[0]?.lieu).toMatchObject({
      nom: 'Espace numérique des Essais',
      pivot: '00000000000000',
      commune: 'Chambéry',
      code_insee: '73065',
      telephone: '+33465710001',
      courriels: ['contact@essais.example'],
      horaires: 'Mo-Fr 09:00-12:00',
      fiche_acces_libre: 'https://acceslibre.beta.gouv.fr/app/erp/essai/',
      prise_rdv: 'https://rdv.essais.example/reserver',
      presentation_resume: 'Un espace public numérique ouvert à tous.',
      source: 'reseau-essai',
      date_maj: '2025-03-01',
      typologie: ['EPN'],
      services: ['Maîtrise des outils numériques du quotidien', 'Accès internet et matériel informatique', 'Aide aux démarches administratives'],
      frais_a_charge: ['Gratuit', 'Payant'],
      publics_specifiquement_adresses: ['Seniors', 'Jeunes'],
      modalites_accompagnement: ['Dans un atelier collectif', 'À distance', 'Accompagnement individuel'],
      modalites_acces: ['Se présenter', 'Téléphoner'],
    })
    expect(acceptees[1]?.lieu).toMatchObject({ dispositif_programmes_nationaux: ['Conseillers numériques', 'France Services'], typologie: ['RFS'], services: [] })
  })

  it('garde la structure et ses services tels que reçus', () => {
    expect(acceptees[0]?.brut).toMatchObject({ id: 'reseau-essai--1', structure: STRUCTURES[0], services: SERVICES.slice(0, 2) })
  })
})

describe('lecteurDataInclusion (export 2023 au standard v0.1)', () => {
  it('qualifie l’identifiant par sa source, comme data·inclusion', () => {
    expect(idQualifie('1003', 'siao')).toBe('siao--1003')
    expect(idQualifie('siao--1003', 'siao')).toBe('siao--1003')
    expect(idQualifie('1003', 'conseiller numérique')).toBe('conseiller-numérique--1003')
    expect(idQualifie('1003', undefined)).toBe('1003')
  })

  it('n’est choisi que par --format pour un tableau au standard', () => {
    expect(lecteurDataInclusion.reconnait(['id', 'nom', 'services', 'source'])).toBe(false)
    const lignes = [
      { id: '7', nom: 'Lieu A', source: 'Hinaura', adresse: '1 rue A', commune: 'Chambéry', code_postal: '73000', date_maj: '2023-01-01' },
      { id: '7', nom: 'Lieu B', source: 'siao', adresse: '2 rue B', commune: 'Chambéry', code_postal: '73000', date_maj: '2023-01-01' },
    ]
    expect(examinerJson(lignes).acceptees.map((a) => a.lieu.id)).toEqual(['7'])
    expect(examinerJson(lignes, 'data-inclusion').acceptees.map((a) => a.lieu.id)).toEqual(['Hinaura--7', 'siao--7'])
  })

  it.skipIf(!partageDisponible)('data-inclusion-2023.json : 3 809 lieux acceptés sur 3 811, sans identifiant en double', () => {
    const examen = examiner({ nomFichier: 'data-inclusion-2023.json', octets: lirePartage('lieux/data-inclusion-2023.json'), aujourdhui: AUJOURDHUI, lecteur: 'data-inclusion' })
    const ids: string[] = []
    const erreurs: LigneRapport[] = []
    for (const lot of examen.lots) {
      ids.push(...lot.acceptees.map((a) => a.lieu.id))
      erreurs.push(...lot.rapport.filter((p) => p.niveau === 'erreur'))
    }
    expect(ids).toHaveLength(3809)
    expect(new Set(ids).size).toBe(3809)
    expect(erreurs.map((p) => p.message)).toEqual(['Le nom du lieu est obligatoire.', 'Le nom du lieu est obligatoire.'])
  })
})
