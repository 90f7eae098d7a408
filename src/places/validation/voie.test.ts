import { describe, expect, it } from 'vitest'
import { abreviationsDeveloppees, casseLisible, enCapitales, normaliserVoie } from './voie.ts'

describe('enCapitales', () => {
  it('reconnaît une ligne écrite en capitales', () => {
    expect(enCapitales('15 RUE DE MONCONTOUR')).toBe(true)
    expect(enCapitales("137 AVENUE DE L'EUROPE")).toBe(true)
  })

  it('ne prend pas un sigle court ni une ligne en casse ordinaire pour des capitales', () => {
    expect(enCapitales('RD 1091')).toBe(false)
    expect(enCapitales('D44')).toBe(false)
    expect(enCapitales('15 rue de Moncontour')).toBe(false)
    expect(enCapitales('1 rue de la Paix BP 12')).toBe(false)
  })
})

describe('casseLisible', () => {
  it.each([
    ['15 RUE DE MONCONTOUR', '15 rue de Moncontour'],
    ['PLACE DU FOIRAIL', 'Place du Foirail'],
    ["137 AVENUE DE L'EUROPE", "137 avenue de l'Europe"],
    ['65 FAUBOURG SAINT-BERNARD', '65 faubourg Saint-Bernard'],
    ['1 RUE DU 1ER MAI', '1 rue du 1er Mai'],
    ['RUE LOUIS XIV', 'Rue Louis XIV'],
    ['BP 30368 145 RUE PAUL BERT', 'BP 30368 145 rue Paul Bert'],
    ['AVENUE DU LOT', 'Avenue du Lot'],
    ['37 A RUE DU DR JACQUES ARNAUD', '37 A rue du Dr Jacques Arnaud'],
  ])('met %j en casse ordinaire : %j', (brut, attendu) => {
    expect(casseLisible(brut)).toBe(attendu)
  })
})

describe('abreviationsDeveloppees', () => {
  it.each([
    ['12 av. Jean Jaurès', '12 avenue Jean Jaurès'],
    ['3 bd Gambetta', '3 boulevard Gambetta'],
    ['5 r. Victor Hugo', '5 rue Victor Hugo'],
    ['20 Pl. Henri Dunant', '20 Place Henri Dunant'],
    ['2 chem. des Vignes', '2 chemin des Vignes'],
    ['rue St Jean', 'rue Saint Jean'],
    ['Rue de la Croix St-Pierre', 'Rue de la Croix Saint-Pierre'],
    ['place Ste Claire', 'place Sainte Claire'],
    ['Av. du Gal de Gaulle', 'Avenue du Général de Gaulle'],
    ['12 bis, Rte de Lyon', '12 bis, Route de Lyon'],
    ['Mairie, Pl. du Marché', 'Mairie, Place du Marché'],
  ])('développe %j en %j', (brut, attendu) => {
    expect(abreviationsDeveloppees(brut)).toBe(attendu)
  })

  it.each([['Avenue du Lot'], ['Résidence les Pins, bât. B'], ['12 rue de la Paix'], ['Chemin des Pl'], ['Le Bourg'], ['1 rue Pasteur St']])(
    'laisse %j tel quel',
    (texte) => {
      expect(abreviationsDeveloppees(texte)).toBe(texte)
    },
  )
})

describe('normaliserVoie', () => {
  it.each([
    // écritures relevées dans aidants-connect-2024.csv, france-services-2022.csv et data-inclusion-2023.json
    ['24 R DE LA GRANDE FALAISE', '24 rue de la Grande Falaise'],
    ['100 BD HUBERT GOUZE', '100 boulevard Hubert Gouze'],
    ["RTE ST LAURENT D'AGNY", "Route Saint Laurent d'Agny"],
    ['13 ALL SAINT EXUPERY', '13 allée Saint Exupery'],
    ['PL MAIRIE', 'Place Mairie'],
    ['4  Lot. les Rives de la Loue', '4 Lotissement les Rives de la Loue'],
    ['20 Pl. Henri Dunant', '20 Place Henri Dunant'],
    ['12 rue   de la Paix ,  bât A', '12 rue de la Paix, bât A'],
    ['29 rue Draye de Meyne,', '29 rue Draye de Meyne'],
  ])('rend %j lisible : %j', (brut, attendu) => {
    expect(normaliserVoie(brut)).toBe(attendu)
  })

  it('ne change pas une adresse déjà lisible', () => {
    for (const voie of ['5-9 Rue des Papetiers', '1 place Châtelet', "3, place de l'Hôtel-de-Ville (1er étage) n° 4", 'rue du Général de Gaulle', 'allée des Tilleuls', 'RD 1091']) {
      expect(normaliserVoie(voie)).toBe(voie)
    }
  })
})
