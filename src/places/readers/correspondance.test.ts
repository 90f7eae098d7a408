import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Acceptee, LigneRapport } from '../registry/examen.ts'
import { examiner } from '../registry/examen.ts'
import { contientTerme, lecteurCorrespondance, regleDeclenchee } from './correspondance.ts'

const EXEMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/exemples')
const CONTEXTE = { dateDonnees: '2024-05-01' }

const MINIMALE = { champs: { id: 'Code', nom: 'Nom', adresse: 'Voie', commune: 'Ville' } }

function erreur(definition: unknown): string {
  try {
    lecteurCorrespondance(definition)
  } catch (e) {
    return (e as Error).message
  }
  throw new Error('la définition aurait dû être refusée')
}

describe('lecteurCorrespondance : la définition', () => {
  it('accepte une définition minimale et reconnaît le fichier par les colonnes qu’elle lit', () => {
    const lecteur = lecteurCorrespondance(MINIMALE)
    expect(lecteur.nom).toBe('correspondance')
    expect(lecteur.reconnait(['Code', 'Nom', 'Voie', 'Ville', 'Autre'])).toBe(true)
    expect(lecteur.reconnait(['Code', 'Nom'])).toBe(false)
  })

  it('nomme, en français, chaque problème d’une définition mal formée', () => {
    const message = erreur({ champs: { id: 'Code', nom: '', adresse: { colonne: 3 }, servces: 'Activités', horaires: { jours: { lundi: 'L' }, inconnu: 1 } }, extra: true })
    expect(message).toMatch(/^Le fichier de correspondance n'est pas valide \(\d+ problèmes\) :/)
    expect(message).toContain('clé(s) inconnue(s) dans le fichier de correspondance : « extra »')
    expect(message).toContain('champs › nom › colonne : ne doit pas être vide')
    expect(message).toContain('champs › adresse › colonne : doit être un texte entre guillemets')
    expect(message).toContain('champs › horaires : clé(s) inconnue(s) dans la correspondance d’un champ')
    expect(message).toContain('« inconnu »')
    expect(message).toContain('« servces » n\'est pas un champ du standard. Vouliez-vous dire « services » ?')
  })

  it('vérifie le sens : champs obligatoires, origine unique, valeurs admises', () => {
    const message = erreur({
      champs: {
        id: 'Code',
        nom: { colonne: 'Nom', valeur: 'x' },
        services: { colonne: 'Activités', regles: [{ contient: ['démarches'], valeur: 'Aide aux démarche administratives' }] },
        frais_a_charge: { valeur: 'Gratuite' },
        telephone: { colonne: 'Tél', regles: [{ valeur: 'Gratuit' }] },
        code_postal: { jours: { lundi: 'Lundi' } },
      },
    })
    expect(message).toContain("le champ obligatoire « adresse » n'est associé à aucune colonne")
    expect(message).toContain('champs › nom : une seule origine par champ, pas « colonne » et « valeur »')
    expect(message).toContain("champs › services › règle n° 1 › valeur : « Aide aux démarche administratives » n'est pas une valeur admise pour services. Vouliez-vous dire « Aide aux démarches administratives » ?")
    expect(message).toContain("champs › frais_a_charge › valeur : « Gratuite » n'est pas une valeur admise pour frais_a_charge. Vouliez-vous dire « Gratuit » ?")
    expect(message).toContain('des règles ne s\'appliquent qu\'aux champs à valeurs listées')
    expect(message).toContain('« jours » (une colonne par jour) ne sert qu\'au champ horaires')
  })

  it('refuse ce qui n’est pas un objet', () => {
    expect(erreur([])).toMatch(/le fichier de correspondance doit être un objet/)
    expect(erreur({})).toMatch(/champs : est obligatoire/)
  })
})

describe('règles', () => {
  it('cherche un terme mot à mot, sans casse, sans accents, au singulier comme au pluriel', () => {
    expect(contientTerme('Démarches en ligne (IMPOTS, CAF)', 'impôts')).toBe(true)
    expect(contientTerme('Aide à la démarche', 'démarches')).toBe(true)
    expect(contientTerme('Partenariat', 'art')).toBe(false)
    expect(contientTerme('Sans rendez-vous', 'rendez-vous')).toBe(true)
  })

  it('déclenche sur egal, contient, et jamais avec une exception', () => {
    expect(regleDeclenchee({ egal: ['Oui'], valeur: 'Itinérant' }, 'oui')).toBe(true)
    expect(regleDeclenchee({ egal: ['Oui'], valeur: 'Itinérant' }, 'Oui, parfois')).toBe(false)
    expect(regleDeclenchee({ egal: ['seniors'], valeur: 'Seniors' }, 'Jeunes, Seniors', ',')).toBe(true)
    expect(regleDeclenchee({ contient: ['gratuit'], sauf: ['adhésion'], valeur: 'Gratuit' }, 'Gratuit sur adhésion')).toBe(false)
    expect(regleDeclenchee({ contient: ['gratuit'], sauf: ['adhésion'], valeur: 'Gratuit' }, 'Entièrement gratuit')).toBe(true)
    expect(regleDeclenchee({ valeur: 'Gratuit' }, 'n’importe quoi')).toBe(true)
  })

  it('passe à la validation une valeur qu’aucune règle ne reconnaît, sauf « sinon »', () => {
    const definition = (sinon?: unknown) => ({
      champs: { ...MINIMALE.champs, services: { colonne: 'Activités', regles: [{ contient: ['impôts'], valeur: 'Aide aux démarches administratives' }], ...(sinon ? { sinon } : {}) } },
    })
    const valeurs = { Code: '1', Nom: 'Lieu', Voie: '1 rue A', Ville: 'Chambéry', Activités: 'Aide aux devoirs' }
    expect(lecteurCorrespondance(definition()).adapter(valeurs, CONTEXTE)).toMatchObject({ valeurs: { services: 'Aide aux devoirs' } })
    expect(lecteurCorrespondance(definition('ignorer')).adapter(valeurs, CONTEXTE)).toMatchObject({ valeurs: { services: undefined } })
    expect(lecteurCorrespondance(definition(['Maîtrise des outils numériques du quotidien'])).adapter(valeurs, CONTEXTE)).toMatchObject({
      valeurs: { services: ['Maîtrise des outils numériques du quotidien'] },
    })
  })

  it('joint des colonnes, pose des constantes, date les lignes sans date et met le pivot conventionnel', () => {
    const lecteur = lecteurCorrespondance({ champs: { id: 'Code', nom: 'Nom', adresse: { joindre: { colonnes: ['N°', 'Voie'] } }, commune: 'Ville', typologie: { valeur: 'BIB' } } })
    expect(lecteur.adapter({ Code: '1', Nom: 'Lieu', 'N°': '12', Voie: 'rue A', Ville: 'Chambéry' }, CONTEXTE)).toEqual({
      valeurs: { id: '1', nom: 'Lieu', adresse: '12 rue A', commune: 'Chambéry', typologie: 'BIB', pivot: '00000000000000', date_maj: '2024-05-01' },
    })
  })
})

describe('l’exemple de docs/correspondance.md', () => {
  const definition = JSON.parse(readFileSync(path.join(EXEMPLES, 'correspondance-reseau-savoie.json'), 'utf8')) as unknown
  const examen = examiner({
    nomFichier: 'lieux-reseau-savoie.csv',
    octets: readFileSync(path.join(EXEMPLES, 'lieux-reseau-savoie.csv')),
    aujourdhui: '2026-11-22',
    dateDonnees: '2024-05-01',
    correspondance: definition,
  })
  const acceptees: Acceptee[] = []
  const rapport: LigneRapport[] = []
  for (const lot of examen.lots) {
    acceptees.push(...lot.acceptees)
    rapport.push(...lot.rapport)
  }
  const lieu = (id: string) => acceptees.find((a) => a.lieu.id === id)?.lieu

  it('est lu par la correspondance : 4 lieux acceptés, 1 rejeté faute d’adresse', () => {
    expect(examen.entete.lecteur).toBe('reseau-savoie')
    expect(acceptees.map((a) => a.lieu.id)).toEqual(['SAV-001', 'SAV-002', 'SAV-003', 'SAV-004'])
    expect(rapport.filter((p) => p.niveau === 'erreur')).toEqual([expect.objectContaining({ ligne: 6, champ: 'adresse', message: "L'adresse est obligatoire (numéro et nom de la voie)." })])
  })

  it('traduit colonnes, règles et jours dans les champs du standard', () => {
    expect(lieu('SAV-001')).toMatchObject({
      adresse: '12 avenue des Francs',
      code_insee: '73065',
      telephone: '+33465711001',
      horaires: 'Mo 14:00-18:00; Tu-We,Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00',
      typologie: ['BIB'],
      services: ['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien', 'Accès internet et matériel informatique'],
      publics_specifiquement_adresses: ['Seniors', 'Familles et/ou enfants'],
      frais_a_charge: ['Gratuit'],
      modalites_acces: ['Se présenter'],
      itinerance: ['Fixe'],
      dispositif_programmes_nationaux: ['Conseillers numériques'],
      date_maj: '2024-03-15',
      source: "Réseau savoyard d'inclusion numérique",
    })
    expect(lieu('SAV-002')).toMatchObject({ frais_a_charge: ['Gratuit sous condition'], services: ['Utilisation sécurisée du numérique', 'Acquisition de matériel informatique à prix solidaire'] })
    expect(lieu('SAV-003')).toMatchObject({ itinerance: ['Itinérant'], horaires: 'Mo,We,Fr 09:00-12:00', dispositif_programmes_nationaux: ['France Services', 'Aidants Connect'] })
  })

  it('signale une activité qu’aucune règle ne reconnaît', () => {
    expect(lieu('SAV-004')?.services).toEqual([])
    expect(rapport).toContainEqual(expect.objectContaining({ id: 'SAV-004', niveau: 'avertissement', champ: 'services', valeur: 'Cours de langue, aide aux devoirs' }))
  })
})
