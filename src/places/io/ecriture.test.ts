import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { CHAMPS, type Lieu } from '../standard/fields.ts'
import { enteteCsv, featureGeoJson, ligneCsv, ligneCsvDepuisObjet, morceaux, objetStandard, valeurStandard } from './ecriture.ts'

const SCHEMA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/standard/schema-v1.0.2.json')

const ORDRE_DU_SCHEMA = [
  'id', 'pivot', 'nom', 'commune', 'code_postal', 'code_insee', 'adresse', 'complement_adresse', 'latitude', 'longitude',
  'typologie', 'telephone', 'courriels', 'site_web', 'horaires', 'presentation_resume', 'presentation_detail', 'source',
  'itinerance', 'structure_parente', 'date_maj', 'services', 'publics_specifiquement_adresses', 'prise_en_charge_specifique',
  'frais_a_charge', 'dispositif_programmes_nationaux', 'formations_labels', 'autres_formations_labels', 'modalites_acces',
  'modalites_accompagnement', 'fiche_acces_libre', 'prise_rdv',
]

/** A place with only its required fields; tests add what they need. */
function lieu(complement: Partial<Lieu> = {}): Lieu {
  return {
    id: 'lieu-1',
    pivot: '73282932000074',
    nom: 'Médiathèque Jean-Jacques Rousseau',
    commune: 'Chambéry',
    code_postal: '73000',
    code_insee: null,
    adresse: '1 place du Palais de Justice',
    complement_adresse: null,
    latitude: null,
    longitude: null,
    typologie: [],
    telephone: null,
    courriels: [],
    site_web: [],
    horaires: null,
    presentation_resume: null,
    presentation_detail: null,
    source: null,
    itinerance: [],
    structure_parente: null,
    date_maj: '2024-04-02',
    services: [],
    publics_specifiquement_adresses: [],
    prise_en_charge_specifique: [],
    frais_a_charge: [],
    dispositif_programmes_nationaux: [],
    formations_labels: [],
    autres_formations_labels: [],
    modalites_acces: [],
    modalites_accompagnement: [],
    fiche_acces_libre: null,
    prise_rdv: null,
    ...complement,
  }
}

const COMPLET = lieu({
  code_insee: '73065',
  complement_adresse: 'Rez-de-chaussée, salle 2',
  latitude: 45.5646,
  longitude: 5.9178,
  typologie: ['BIB', 'MUNI'],
  telephone: '+33479311919',
  courriels: ['a@x.fr', 'b@x.fr'],
  site_web: ['https://x.fr/'],
  horaires: 'Mo-Fr 09:00-12:00,14:00-18:00; PH off',
  presentation_resume: 'Un lieu "ouvert" à tous.',
  presentation_detail: 'Première ligne\nDeuxième ligne',
  itinerance: ['Fixe'],
  services: ['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien'],
  frais_a_charge: ['Gratuit'],
  formations_labels: ['Formé à « Mon Espace Santé »'],
  modalites_acces: ['Se présenter', 'Téléphoner'],
})

/** Parses CSV text back into records keyed by header. */
const relire = (texte: string) => parse(texte, { columns: true }) as Array<Record<string, string>>

describe('enteteCsv', () => {
  it('donne les 32 champs dans l’ordre du schéma, séparés par des virgules', () => {
    expect(enteteCsv()).toBe(`${ORDRE_DU_SCHEMA.join(',')}\r\n`)
    expect(ORDRE_DU_SCHEMA).toHaveLength(32)
  })

  it.skipIf(!existsSync(SCHEMA))('suit l’ordre de schema-v1.0.2.json (lu sur place)', () => {
    const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as { fields: Array<{ name: string }> }
    expect(enteteCsv().trimEnd().split(',')).toEqual(schema.fields.map((f) => f.name))
  })
})

describe('ligneCsv', () => {
  it('écrit une cellule par champ, vides pour les absents, sans guillemets inutiles', () => {
    const ligne = ligneCsv(lieu())
    expect(ligne).toBe('lieu-1,73282932000074,Médiathèque Jean-Jacques Rousseau,Chambéry,73000,,1 place du Palais de Justice,,,,,,,,,,,,,,2024-04-02,,,,,,,,,,,\r\n')
    expect(ligne.trimEnd().split(',')).toHaveLength(32)
  })

  it('joint les listes avec | et n’entoure de guillemets que les cellules qui en ont besoin', () => {
    const ligne = ligneCsv(COMPLET)
    expect(ligne).toContain(',BIB|MUNI,')
    expect(ligne).toContain(',a@x.fr|b@x.fr,')
    expect(ligne).toContain(',Aide aux démarches administratives|Maîtrise des outils numériques du quotidien,')
    expect(ligne).toContain(',Formé à « Mon Espace Santé »,')
    expect(ligne).toContain(',Se présenter|Téléphoner,')
    // virgule → guillemets
    expect(ligne).toContain(',"Rez-de-chaussée, salle 2",')
    expect(ligne).toContain(',"Mo-Fr 09:00-12:00,14:00-18:00; PH off",')
    // guillemet → doublé et entouré
    expect(ligne).toContain(',"Un lieu ""ouvert"" à tous.",')
    // saut de ligne → entouré
    expect(ligne).toContain(',"Première ligne\nDeuxième ligne",')
    // nombres tels quels
    expect(ligne).toContain(',45.5646,5.9178,')
  })

  it.each([
    [' commence par une espace', '" commence par une espace"'],
    ['finit par une espace ', '"finit par une espace "'],
    ['retour\rchariot', '"retour\rchariot"'],
    ['point-virgule; pas besoin', 'point-virgule; pas besoin'],
    ["l'apostrophe", "l'apostrophe"],
  ])('cellule %j → %j', (valeur, attendu) => {
    expect(ligneCsv(lieu({ nom: valeur }))).toContain(`,73282932000074,${attendu},Chambéry,`)
  })

  it('se relit à l’identique avec un lecteur CSV', () => {
    const [relu] = relire(enteteCsv() + ligneCsv(COMPLET))
    expect(relu).toBeDefined()
    for (const champ of CHAMPS) {
      expect(relu?.[champ], champ).toBe(String(valeurStandard(COMPLET, champ)))
    }
  })

  it('ligneCsvDepuisObjet laisse vides les champs absents de l’objet', () => {
    expect(ligneCsvDepuisObjet({ id: 'x', latitude: 45.5 })).toBe(`x${',,,,,,,'},45.5${','.repeat(23)}\r\n`)
  })
})

describe('objetStandard (JSON)', () => {
  it('omet les champs vides et garde les nombres comme nombres, dans l’ordre du schéma', () => {
    const objet = objetStandard(COMPLET)
    expect(objet.latitude).toBe(45.5646)
    expect(objet.longitude).toBe(5.9178)
    expect(objet.typologie).toBe('BIB|MUNI')
    expect(objet).not.toHaveProperty('source')
    expect(objet).not.toHaveProperty('publics_specifiquement_adresses')
    expect(objet).not.toHaveProperty('prise_rdv')
    const cles = Object.keys(objet)
    expect(cles).toEqual(ORDRE_DU_SCHEMA.filter((c) => cles.includes(c)))
  })

  it('d’un lieu minimal, ne garde que les champs renseignés', () => {
    expect(objetStandard(lieu())).toEqual({
      id: 'lieu-1',
      pivot: '73282932000074',
      nom: 'Médiathèque Jean-Jacques Rousseau',
      commune: 'Chambéry',
      code_postal: '73000',
      adresse: '1 place du Palais de Justice',
      date_maj: '2024-04-02',
    })
  })
})

describe('featureGeoJson', () => {
  it('place le point en [longitude, latitude] et garde l’objet standard en propriétés', () => {
    const rangee = objetStandard(COMPLET)
    expect(featureGeoJson(rangee)).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [5.9178, 45.5646] },
      properties: rangee,
    })
  })

  it('met une géométrie nulle quand le lieu n’a pas de coordonnées', () => {
    expect(featureGeoJson(objetStandard(lieu()))).toMatchObject({ type: 'Feature', geometry: null })
  })

  it('met une géométrie nulle quand une seule coordonnée est présente', () => {
    expect(featureGeoJson({ id: 'x', latitude: 45.5 })).toMatchObject({ geometry: null })
  })
})

describe('morceaux', () => {
  const rangees = [objetStandard(COMPLET), objetStandard(lieu({ id: 'lieu-2' }))]
  const assembler = (format: 'csv' | 'json' | 'geojson') => {
    const m = morceaux(format)
    return m.debut + rangees.map((r, i) => m.element(r, i)).join('') + m.fin
  }

  it('CSV : en-tête puis une ligne par lieu, identique à ligneCsv', () => {
    const texte = assembler('csv')
    expect(texte).toBe(enteteCsv() + ligneCsv(COMPLET) + ligneCsv(lieu({ id: 'lieu-2' })))
    expect(relire(texte).map((r) => r.id)).toEqual(['lieu-1', 'lieu-2'])
  })

  it('JSON : un tableau valide des objets standard', () => {
    expect(JSON.parse(assembler('json'))).toEqual(rangees)
  })

  it('JSON : un tableau vide reste valide', () => {
    const m = morceaux('json')
    expect(JSON.parse(m.debut + m.fin)).toEqual([])
  })

  it('GeoJSON : une FeatureCollection valide', () => {
    const collection = JSON.parse(assembler('geojson')) as { type: string; features: unknown[] }
    expect(collection.type).toBe('FeatureCollection')
    expect(collection.features).toEqual(rangees.map(featureGeoJson))
  })

  it('GeoJSON : une collection vide reste valide', () => {
    const m = morceaux('geojson')
    expect(JSON.parse(m.debut + m.fin)).toEqual({ type: 'FeatureCollection', features: [] })
  })
})
