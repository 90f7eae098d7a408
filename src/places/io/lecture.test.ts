import { describe, expect, it } from 'vitest'
import { CELLULES_EN_TROP, NON_OBJET } from '../validation/colonnes.ts'
import { detecterFormat, detecterSeparateur, FichierIlisibleError, lireFichier } from './lecture.ts'

/** Reads a whole file, rows as an array (the reader yields them as they are iterated), without the raw rows. */
const lire = (nom: string, octets: Uint8Array) => {
  const { avancement: _avancement, ...lecture } = lireFichier(nom, octets)
  return { ...lecture, rangees: [...lecture.rangees].map(({ ligne, valeurs }) => ({ ligne, valeurs })) }
}
const csv = (texte: string, nom = 'lieux.csv') => lire(nom, Buffer.from(texte, 'utf8'))
const json = (donnees: unknown, nom = 'lieux.json') => lire(nom, Buffer.from(JSON.stringify(donnees), 'utf8'))
const lignes = (texte: string) => csv(texte).rangees.map((r) => [r.ligne, r.valeurs.id])

function illisible(lecture: () => unknown): FichierIlisibleError {
  try {
    lecture()
  } catch (e) {
    expect(e).toBeInstanceOf(FichierIlisibleError)
    return e as FichierIlisibleError
  }
  throw new Error('une FichierIlisibleError était attendue')
}

describe('detecterFormat', () => {
  it('se fie à l’extension, puis au contenu', () => {
    expect(detecterFormat('a.json', 'id,nom')).toBe('json')
    expect(detecterFormat('a.geojson', '')).toBe('json')
    expect(detecterFormat('a.CSV', '[')).toBe('csv')
    expect(detecterFormat('export', '  [{"id":1}]')).toBe('json')
    expect(detecterFormat('export', '{"type":"FeatureCollection"}')).toBe('json')
    expect(detecterFormat('export', 'id;nom')).toBe('csv')
  })
})

describe('detecterSeparateur', () => {
  it('choisit le séparateur le plus fréquent de l’en-tête, hors guillemets', () => {
    expect(detecterSeparateur('id,nom,adresse\n1;2;3;4;5')).toBe(',')
    expect(detecterSeparateur('id;nom;adresse\n1,2,3,4,5')).toBe(';')
    expect(detecterSeparateur('id\tnom\tadresse')).toBe('\t')
    expect(detecterSeparateur('"a;b;c",d,e')).toBe(',')
  })
})

describe('lireFichier : ligne telle que reçue', () => {
  it('garde les cellules d’une ligne CSV et l’objet JSON tels quels', () => {
    const enCsv = [...lireFichier('l.csv', Buffer.from('id,nom,vide\n1, Médiathèque ,\n')).rangees]
    expect(enCsv[0]?.brut).toEqual(['1', ' Médiathèque ', ''])
    const objet = { id: 1, nom: 'x', extra: { a: [1] } }
    expect([...lireFichier('l.json', Buffer.from(JSON.stringify([objet]))).rangees][0]?.brut).toEqual(objet)
  })

  it('lit un gros CSV morceau par morceau, avec l’avancement', () => {
    const lignes = Array.from({ length: 100_000 }, (_, i) => `${i},"Lieu ${i}\nsur deux lignes",x`)
    const lecture = lireFichier('l.csv', Buffer.from(`id,nom,c\n${lignes.join('\n')}\n`))
    expect(lecture.avancement()).toBeLessThan(0.5)
    const rangees = [...lecture.rangees]
    expect(rangees.length).toBe(100_000)
    expect(rangees[99_999]).toMatchObject({ ligne: 2 + 2 * 99_999, valeurs: { id: '99999', nom: 'Lieu 99999\nsur deux lignes' } })
    expect(lecture.avancement()).toBe(1)
  })
})

describe('lireFichier : CSV', () => {
  it('lit un CSV séparé par des virgules', () => {
    const lecture = csv('id,nom,commune\n1,Médiathèque,Chambéry\n2,Mairie,Bassens\n')
    expect(lecture).toEqual({
      format: 'csv',
      encodage: 'utf-8',
      colonnes: ['id', 'nom', 'commune'],
      rangees: [
        { ligne: 2, valeurs: { id: '1', nom: 'Médiathèque', commune: 'Chambéry' } },
        { ligne: 3, valeurs: { id: '2', nom: 'Mairie', commune: 'Bassens' } },
      ],
    })
  })

  it('lit un CSV séparé par des points-virgules, fins de ligne Windows', () => {
    const lecture = csv('id;nom;commune\r\n1;Médiathèque, espace numérique;Chambéry\r\n')
    expect(lecture.colonnes).toEqual(['id', 'nom', 'commune'])
    expect(lecture.rangees).toEqual([{ ligne: 2, valeurs: { id: '1', nom: 'Médiathèque, espace numérique', commune: 'Chambéry' } }])
  })

  it('lit les cellules entre guillemets contenant séparateurs, guillemets doublés et sauts de ligne', () => {
    const lecture = csv('id,nom,presentation_resume\n1,"Centre social, ""Le Lien""","Ligne 1\nLigne 2, suite"\n')
    expect(lecture.rangees[0]?.valeurs).toEqual({ id: '1', nom: 'Centre social, "Le Lien"', presentation_resume: 'Ligne 1\nLigne 2, suite' })
  })

  it('donne la ligne où commence une rangée qui suit une cellule sur plusieurs lignes', () => {
    expect(lignes('id,nom\n1,"multi\nligne\ncellule"\n2,b\n3,c\n')).toEqual([
      [2, '1'],
      [5, '2'],
      [6, '3'],
    ])
  })

  it('donne la bonne ligne après une cellule multiligne dans un fichier aux fins de ligne Windows', () => {
    // ligne 1 : en-tête ; lignes 2–3 : rangée 1 ; ligne 4 : rangée 2
    expect(lignes('id,nom\r\n1,"x\r\ny"\r\n2,b\r\n')).toEqual([
      [2, '1'],
      [4, '2'],
    ])
  })

  it('donne la bonne ligne après des lignes vides', () => {
    // ligne 1 : en-tête ; ligne 2 : vide ; ligne 3 : rangée 1 ; lignes 4–5 : vides ; ligne 6 : rangée 2
    expect(lignes('id,nom\n\n1,a\n\n\n2,b\n')).toEqual([
      [3, '1'],
      [6, '2'],
    ])
  })

  it('met de côté les cellules en trop d’une rangée', () => {
    const lecture = csv('id;nom;adresse\n1;Mairie;1 rue A;en trop;encore\n2;Poste;2 rue B\n')
    expect(lecture.rangees[0]?.valeurs).toEqual({ id: '1', nom: 'Mairie', adresse: '1 rue A', [CELLULES_EN_TROP]: ['en trop', 'encore'] })
    expect(lecture.rangees[1]?.valeurs).not.toHaveProperty(CELLULES_EN_TROP)
  })

  it('laisse absentes les cellules manquantes d’une rangée trop courte', () => {
    expect(csv('id,nom,adresse\n1,Mairie\n').rangees[0]?.valeurs).toEqual({ id: '1', nom: 'Mairie' })
  })

  it('retire les espaces autour des noms de colonnes et ignore les colonnes sans nom', () => {
    const lecture = csv(' id , nom ,\n1,Mairie,x\n')
    expect(lecture.colonnes).toEqual(['id', 'nom', ''])
    expect(lecture.rangees[0]?.valeurs).toEqual({ id: '1', nom: 'Mairie' })
  })

  it('lit un CSV UTF-8 avec BOM sans polluer le premier nom de colonne', () => {
    const lecture = lire('l.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,nom\n1,a\n')]))
    expect(lecture.colonnes[0]).toBe('id')
    expect(lecture.rangees[0]?.valeurs).toEqual({ id: '1', nom: 'a' })
  })

  it('lit un CSV windows-1252', () => {
    const lecture = lire('l.csv', Buffer.from('id;nom;commune\n1;Médiathèque;Chambéry\n', 'latin1'))
    expect(lecture.encodage).toBe('windows-1252')
    expect(lecture.rangees[0]?.valeurs).toEqual({ id: '1', nom: 'Médiathèque', commune: 'Chambéry' })
  })

  it('refuse un CSV vide avec un message en français', () => {
    expect(illisible(() => csv('')).message).toMatch(/vide/)
    expect(illisible(() => csv('\n\n')).message).toMatch(/vide/)
  })

  it('lit un CSV qui n’a que son en-tête', () => {
    expect(csv('id,nom\n')).toMatchObject({ colonnes: ['id', 'nom'], rangees: [] })
  })
})

describe('lireFichier : JSON', () => {
  it('lit un tableau d’objets, rang à partir de 1, colonnes = toutes les clés rencontrées', () => {
    const lecture = json([{ id: '1', nom: 'a' }, { id: '2', latitude: 45.5 }])
    expect(lecture).toEqual({
      format: 'json',
      encodage: 'utf-8',
      colonnes: ['id', 'nom', 'latitude'],
      rangees: [
        { ligne: 1, valeurs: { id: '1', nom: 'a' } },
        { ligne: 2, valeurs: { id: '2', latitude: 45.5 } },
      ],
    })
  })

  it('lit un objet qui enveloppe le tableau', () => {
    const lecture = json({ date: '2024-01-01', lieux: [{ id: '1' }, { id: '2' }] })
    expect(lecture.rangees.map((r) => r.valeurs.id)).toEqual(['1', '2'])
  })

  it('choisit, dans l’objet enveloppe, le tableau qui contient les lieux', () => {
    const lecture = json({ erreurs: [], etiquettes: ['a', 'b'], lieux: [{ id: '1' }, { id: '2' }] })
    expect(lecture.rangees.map((r) => r.valeurs)).toEqual([{ id: '1' }, { id: '2' }])
  })

  it('lit une FeatureCollection GeoJSON et place les coordonnées en latitude/longitude', () => {
    const lecture = json(
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Point', coordinates: [5.9178, 45.5646] }, properties: { id: '1', nom: 'a' } },
          { type: 'Feature', geometry: null, properties: { id: '2' } },
          { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: { id: '3', latitude: 45.1, longitude: 5.2 } },
        ],
      },
      'lieux.geojson',
    )
    expect(lecture.rangees).toEqual([
      { ligne: 1, valeurs: { id: '1', nom: 'a', latitude: 45.5646, longitude: 5.9178 } },
      { ligne: 2, valeurs: { id: '2' } },
      { ligne: 3, valeurs: { id: '3', latitude: 45.1, longitude: 5.2 } },
    ])
  })

  it('signale les éléments qui ne sont pas des objets', () => {
    const lecture = json([{ id: '1' }, 42, null, 'texte', [1, 2]])
    expect(lecture.rangees.map((r) => r.valeurs)).toEqual([{ id: '1' }, { [NON_OBJET]: 42 }, { [NON_OBJET]: null }, { [NON_OBJET]: 'texte' }, { [NON_OBJET]: [1, 2] }])
    expect(lecture.rangees.map((r) => r.ligne)).toEqual([1, 2, 3, 4, 5])
  })

  it('refuse un JSON invalide avec une FichierIlisibleError en français', () => {
    const e = illisible(() => lireFichier('l.json', Buffer.from('[{"id": "1",')))
    expect(e.message).toMatch(/^Le fichier JSON est illisible/)
  })

  it('refuse un JSON sans tableau de lieux', () => {
    expect(illisible(() => json({ id: '1', nom: 'a' })).message).toMatch(/tableau de lieux/)
    expect(illisible(() => json(42)).message).toMatch(/tableau de lieux/)
  })

  it('lit un JSON avec BOM', () => {
    const lecture = lire('l.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[{"id":"1"}]')]))
    expect(lecture.rangees).toEqual([{ ligne: 1, valeurs: { id: '1' } }])
  })
})
