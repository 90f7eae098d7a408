import { describe, expect, it } from 'vitest'
import { lirePartage, partageDisponible } from '../../../test/support/donnees.ts'
import { lireFichier } from '../io/lecture.ts'
import { decouperAdresse, lecteurAidantsConnect, sansCommuneFinale, siretTableur } from './aidants-connect.ts'

const CONTEXTE = { dateDonnees: '2024-06-01' }
const ENTETE = "Name,ID,UUID,Is Active,City Insee Code,Address,Zip Code,Siret,France Services Label,City,Nombre d'aidants,Question 110 → Nombre D'usagers Uniques"

/** Invented structures, written like the Aidants Connect export. */
function ligne(champs: { nom?: string; actif?: string; adresse?: string; cp?: string; siret?: string; fs?: string }): Record<string, unknown> {
  const csv = `${ENTETE}\n${champs.nom ?? 'Espace Essai'},9001,00000000-0000-0000-0000-000000009001,${champs.actif ?? 'true'},73065,"${champs.adresse ?? '5 rue des Essais'}",${champs.cp ?? '73000'},${champs.siret ?? '21730065600014.0'},${champs.fs ?? 'false'},Chambéry,3,12\n`
  const [rangee] = [...lireFichier('aidants.csv', Buffer.from(csv)).rangees]
  return rangee?.valeurs ?? {}
}

describe('decouperAdresse', () => {
  it.each([
    // écritures relevées dans aidants-connect-2024.csv
    ['20 Avenue de Ségur, 75007 Paris', 'Paris', { adresse: '20 Avenue de Ségur', complement: undefined }],
    ['9 place de la Poste \n23800 Dun Le Palestel', 'Dun Le Palestel', { adresse: '9 place de la Poste', complement: undefined }],
    ['1 place Châtelet 28028 Chartres Cedex', 'Chartres', { adresse: '1 place Châtelet', complement: undefined }],
    ['29 rue Draye de Meyne, 26110, NYONS', 'Nyons', { adresse: '29 rue Draye de Meyne', complement: undefined }],
    ['25 RUE CONDORCET42300 Roanne', 'Roanne', { adresse: '25 RUE CONDORCET', complement: undefined }],
    ['Hôtel de ville \nRue Amédée Dufourg \nBP 303 \n64603 Anglet Cedex', 'Anglet', { adresse: 'Rue Amédée Dufourg', complement: 'Hôtel de ville, BP 303' }],
    ['5 rue Victor Hugo - CS 41006 - SAINT-LOUIS CEDEX', 'Saint-Louis', { adresse: '5 rue Victor Hugo', complement: 'CS 41006' }],
    ["Rue de l’École normale ANNECY", 'Annecy', { adresse: "Rue de l’École normale", complement: undefined }],
    ["Place de l'Europe, 35235 Thorigné-Fouillard, France", 'Thorigné-Fouillard', { adresse: "Place de l'Europe", complement: undefined }],
    ['Place du General de Gaulle\n59280\nArmentières', 'Armentières', { adresse: 'Place du General de Gaulle', complement: undefined }],
  ])('découpe %j', (brut, ville, attendu) => {
    expect(decouperAdresse(brut, ville)).toEqual(attendu)
  })

  it('garde la première adresse et signale l’autre (« Autre adresse : … »)', () => {
    expect(decouperAdresse('22 RUE DES ECOLES\n\nAutre adresse :\n1 av Charles de Gaulle \n14650 CARPIQUET', 'Caen')).toEqual({
      adresse: '22 RUE DES ECOLES',
      complement: undefined,
      autreAdresse: '1 av Charles de Gaulle 14650 CARPIQUET',
    })
  })

  it('ne prend pas le nom d’une rue pour celui de la commune', () => {
    expect(sansCommuneFinale('12 rue de Paris', 'Paris')).toBe('12 rue de Paris')
    expect(sansCommuneFinale('BP 30368 145 rue Paul Bert', 'Lyon')).toBe('BP 30368 145 rue Paul Bert')
  })

  it('ne donne rien pour « Non renseigné » ou une cellule vide', () => {
    expect(decouperAdresse('Non renseigné', 'Paris')).toEqual({ adresse: undefined, complement: undefined })
    expect(decouperAdresse('', 'Paris')).toEqual({ adresse: undefined, complement: undefined })
  })
})

describe('siretTableur', () => {
  it.each([
    ['13002603200016.0', '13002603200016'],
    ['0.0', undefined],
    ['', undefined],
    // 13 chiffres dont la clé est juste une fois le zéro initial rendu
    ['2406005850014.0', '2406005850014'],
    ['776060592.0', '776060592'],
  ])('lit %j comme %j', (brut, attendu) => {
    expect(siretTableur(brut)).toBe(attendu)
  })

  it('rend le zéro initial perdu quand la clé de Luhn le confirme', () => {
    expect(siretTableur('1234567800002.0')).toBe('01234567800002')
  })
})

describe('lecteurAidantsConnect', () => {
  it('reconnaît l’en-tête de l’export', () => {
    expect(lecteurAidantsConnect.reconnait(ENTETE.split(','))).toBe(true)
    expect(lecteurAidantsConnect.reconnait(['id', 'nom'])).toBe(false)
  })

  it('met une structure dans les champs du standard', () => {
    expect(lecteurAidantsConnect.adapter(ligne({}), CONTEXTE)).toEqual({
      valeurs: expect.objectContaining({
        id: '9001',
        nom: 'Espace Essai',
        pivot: '21730065600014',
        adresse: '5 rue des Essais',
        code_postal: '73000',
        code_insee: '73065',
        commune: 'Chambéry',
        dispositif_programmes_nationaux: ['Aidants Connect'],
        services: ['Aide aux démarches administratives'],
        modalites_accompagnement: ['Accompagnement individuel'],
        date_maj: '2024-06-01',
      }),
    })
  })

  it('ajoute France Services (et la typologie RFS) quand la structure en a le label', () => {
    const adaptation = lecteurAidantsConnect.adapter(ligne({ fs: 'true' }), CONTEXTE)
    expect(adaptation).toMatchObject({ valeurs: { dispositif_programmes_nationaux: ['Aidants Connect', 'France Services'], typologie: ['RFS'] } })
  })

  it('écarte une structure désactivée, avec le message attendu', () => {
    expect(lecteurAidantsConnect.adapter(ligne({ actif: 'false' }), CONTEXTE)).toEqual({
      ignoree: 'Structure désactivée dans Aidants Connect : elle n’est pas importée.',
      id: '9001',
    })
  })

  it('écarte une structure sans nom, avec une raison en français', () => {
    expect(lecteurAidantsConnect.adapter(ligne({ nom: '' }), CONTEXTE)).toEqual({ ignoree: expect.stringMatching(/pas de nom.*n’est pas importée/), id: '9001' })
  })

  it('traite le SIRET « 0.0 » comme absent et garde le code postal pour la validation', () => {
    expect(lecteurAidantsConnect.adapter(ligne({ siret: '0.0', cp: '1500' }), CONTEXTE)).toMatchObject({ valeurs: { pivot: undefined, code_postal: '1500' } })
  })

  it('signale l’autre adresse laissée de côté', () => {
    const adaptation = lecteurAidantsConnect.adapter(ligne({ adresse: '5 rue des Essais\nAutre adresse :\n2 place du Test 73000 Chambéry' }), CONTEXTE)
    expect(adaptation).toMatchObject({ valeurs: { adresse: '5 rue des Essais' }, problemes: [{ niveau: 'avertissement', champ: 'adresse' }] })
  })
})

describe.skipIf(!partageDisponible)('aidants-connect-2024.csv (lu sur place)', () => {
  const lecture = partageDisponible ? lireFichier('aidants-connect-2024.csv', lirePartage('lieux/aidants-connect-2024.csv')) : undefined
  const adaptations = lecture ? [...lecture.rangees].map((r) => lecteurAidantsConnect.adapter(r.valeurs, CONTEXTE)) : []
  const acceptees = adaptations.flatMap((a) => ('valeurs' in a ? [a.valeurs] : []))

  it('écarte les 46 structures désactivées et les 13 sans nom', () => {
    expect(lecture && lecteurAidantsConnect.reconnait(lecture.colonnes)).toBe(true)
    expect(adaptations).toHaveLength(5227)
    const raisons = adaptations.flatMap((a) => ('ignoree' in a ? [a.ignoree] : []))
    expect(raisons.filter((r) => r.startsWith('Structure désactivée'))).toHaveLength(46)
    expect(raisons.filter((r) => r.includes('pas de nom'))).toHaveLength(13)
  })

  it('ne garde dans l’adresse ni ligne, ni code postal, ni « Autre adresse »', () => {
    const adresses = acceptees.map((v) => String(v.adresse ?? ''))
    expect(adresses.filter((a) => a.includes('\n') || /autre adresse/i.test(a))).toEqual([])
    // restent deux cellules qui donnent deux adresses sur une ligne (« 63000 Clermont-Ferrand/ 9 RUE… »)
    expect(adresses.filter((a) => /(?<![\d])\d{5}(?![\d])/.test(a))).toHaveLength(2)
    // sans voie (la validation les rejettera) : « Non renseigné », le seul nom de la commune, ou une boîte postale seule (5)
    expect(acceptees.filter((v) => v.adresse === undefined)).toHaveLength(7)
  })
})
