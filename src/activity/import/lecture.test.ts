/** Reading La Coop's « Activités » export: XLSX with its metadata rows, CSV in windows-1252 or UTF-8, bad files. */
import { describe, expect, it } from 'vitest'
import { FichierIlisibleError } from '../../places/io/lecture.ts'
import { COLONNES_EQUIPE, exportCsv, exportXlsx, lignesExemple } from './export-exemple.ts'
import { lireExportCoop } from './lecture.ts'

const LIEU = { nom: 'Médiathèque de Chambéry', codeInsee: '73065' }
const AUTRE = { nom: 'Espace public numérique « Le Lien »', codeInsee: '01004' }
const lignes = lignesExemple(LIEU, AUTRE)

describe('lecture de l’export « Activités »', () => {
  it('XLSX : trouve le tableau après les lignes d’information, garde les numéros de ligne, les dates et les libellés', async () => {
    const lecture = await lireExportCoop('activites.xlsx', await exportXlsx(lignes))
    expect(lecture.format).toBe('xlsx')
    expect(lecture.lignes.map((l) => l.ligne)).toEqual([13, 14, 15, 16, 17, 18, 19, 20, 21, 22])
    const premiere = lecture.lignes[0]?.cellules
    expect(premiere?.date).toEqual(new Date('2025-03-14T00:00:00Z'))
    expect(premiere).toMatchObject({ canal: 'Lieu d’activité', thematiques: 'Aide aux démarches administratives\nSocial - Santé', niveau: '2/3', idCra: 'cra-1', duree: 45 })
    expect(lecture.lignes[2]?.cellules).toMatchObject({ participants: '1/3', nomLieu: AUTRE.nom, codeInsee: '01004' })
    expect(lecture.lignes[9]?.cellules.date).toBeUndefined()
    expect(lecture.colonnesInconnues).toEqual([])
  })

  it('CSV windows-1252 séparé par « ; » : mêmes lignes, accents et apostrophes typographiques retrouvés', async () => {
    const lecture = await lireExportCoop('activites.csv', exportCsv(lignes, { encodage: 'windows-1252' }))
    expect(lecture).toMatchObject({ format: 'csv', encodage: 'windows-1252' })
    expect(lecture.lignes.map((l) => l.ligne)).toEqual([13, 14, 15, 16, 17, 18, 19, 20, 21, 22])
    expect(lecture.lignes[0]?.cellules).toMatchObject({ date: '14/03/2025', canal: 'Lieu d’activité', thematiques: 'Aide aux démarches administratives\nSocial - Santé', redirection: 'Structure d’aide sociale (maison des solidarités, centre social…)' })
    expect(lecture.lignes[2]?.cellules.nomLieu).toBe(AUTRE.nom)
  })

  it('CSV UTF-8 séparé par « , », sans lignes d’information, en-têtes à apostrophe droite, export d’équipe', async () => {
    const octets = exportCsv(lignes, { separateur: ',', metadonnees: false, colonnes: COLONNES_EQUIPE })
    const texte = octets.toString('utf8').replace(/’/g, "'")
    const lecture = await lireExportCoop('export.csv', Buffer.from(texte, 'utf8'))
    expect(lecture.encodage).toBe('utf-8')
    expect(lecture.lignes.map((l) => l.ligne)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    expect(lecture.lignes[0]?.cellules).toMatchObject({ canal: "Lieu d'activité", idCra: 'cra-1' })
    expect(lecture.lignes[0]?.cellules.beneficiaire).toBeUndefined()
  })

  it('refuse en français un fichier qui n’est pas l’export des activités, ou auquel il manque une colonne', async () => {
    await expect(lireExportCoop('lieux.csv', Buffer.from('id;nom;commune\n1;Médiathèque;Chambéry\n'))).rejects.toThrow(FichierIlisibleError)
    await expect(lireExportCoop('lieux.csv', Buffer.from('id;nom;commune\n1;Médiathèque;Chambéry\n'))).rejects.toThrow(/n’a pas le tableau des activités de La Coop/)
    await expect(lireExportCoop('a.csv', Buffer.from('Date;Type;ID CRA\n2025-01-01;Atelier collectif;x\n'))).rejects.toThrow(/Colonnes absentes de l’export « Activités » : Canaux d’accompagnement, Durée \(min\), Thématique\(s\) d’accompagnement\./)
    await expect(lireExportCoop('a.xlsx', Buffer.from('PK\u0003\u0004pas un classeur'))).rejects.toThrow(/Le fichier XLSX est illisible/)
    await expect(lireExportCoop('a.csv', Buffer.alloc(0))).rejects.toThrow('Le fichier est vide.')
  })
})
