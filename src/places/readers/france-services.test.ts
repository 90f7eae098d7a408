import { describe, expect, it } from 'vitest'
import { cheminPartage, lirePartage, partageDisponible } from '../../../test/support/donnees.ts'
import { lireFichier } from '../io/lecture.ts'
import { PIVOT_NON_RENSEIGNE } from '../standard/fields.ts'
import { analyserHoraires, lireHoraires } from '../validation/horaires.ts'
import { Constat } from '../validation/problems.ts'
import { lecteurFranceServices, reparerCommentaire } from './france-services.ts'

const CONTEXTE = { dateDonnees: '2022-12-01' }
const ENTETE = 'id_fs,insee_dep,lib_fs,adresse,complement_adresse,insee_com,code_postal,lib_com,latitude,longitude,mail,telephone,h_lundi,h_mardi,h_mercredi,h_jeudi,h_vendredi,h_samedi,commentaire,itinerance,format_fs,groupe,labellisation'
const SEMAINE = '"09:00 - 12:00 / 13:30 - 17:00"'
/** An invented counter, written like the official list. */
const LIGNE = `"901","73","France services du Val d'Essai","5 Rue des Essais",,"73065","73000","Chambéry",45.566,5.92,"val-essai@france-services.example","04 65 71 00 01",${SEMAINE},${SEMAINE},${SEMAINE},${SEMAINE},"09:00 - 12:00 / 13:30 - 16:00",-,"Prise de rendez-vous par mail : val-essai@france-serendez-vousices.example","Non","Site principal",,"Espace labellisé 01/01/2020"`

function lignes(csv: string): Record<string, unknown>[] {
  return [...lireFichier('liste.csv', Buffer.from(csv)).rangees].map((r) => r.valeurs)
}

describe('lecteurFranceServices', () => {
  it('reconnaît l’en-tête de la liste officielle, pas celui du standard', () => {
    expect(lecteurFranceServices.reconnait(ENTETE.split(','))).toBe(true)
    expect(lecteurFranceServices.reconnait(['id', 'nom', 'adresse'])).toBe(false)
  })

  it('met une ligne de la liste dans les champs du standard', () => {
    const [valeurs] = lignes(`${ENTETE}\n${LIGNE}\n`)
    const adaptation = lecteurFranceServices.adapter(valeurs as Record<string, unknown>, CONTEXTE)
    expect(adaptation).toEqual({
      valeurs: expect.objectContaining({
        id: '901',
        pivot: PIVOT_NON_RENSEIGNE,
        nom: "France services du Val d'Essai",
        adresse: '5 Rue des Essais',
        code_postal: '73000',
        code_insee: '73065',
        commune: 'Chambéry',
        courriels: 'val-essai@france-services.example',
        telephone: '04 65 71 00 01',
        horaires: 'Mo-Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00,13:30-16:00',
        typologie: ['RFS'],
        dispositif_programmes_nationaux: ['France Services'],
        services: ['Aide aux démarches administratives', 'Accès internet et matériel informatique'],
        frais_a_charge: ['Gratuit'],
        itinerance: ['Fixe'],
        date_maj: '2022-12-01',
        presentation_detail: 'Prise de rendez-vous par mail : val-essai@france-services.example',
      }),
    })
  })

  it('dit « Itinérant » quand itinerance vaut Oui', () => {
    const [valeurs] = lignes(`${ENTETE}\n${LIGNE.replace('"Non","Site principal"', '"Oui","Site principal"')}\n`)
    const adaptation = lecteurFranceServices.adapter(valeurs as Record<string, unknown>, CONTEXTE)
    expect('valeurs' in adaptation && adaptation.valeurs.itinerance).toEqual(['Itinérant'])
  })

  it('écarte, avec une raison en français et son identifiant, un point sans adresse ni commune', () => {
    const [valeurs] = lignes(`${ENTETE}\n"2696",,"Antenne d’Essai",,,,,,,,,,,,,,,,,"Non","Antenne",,"Espace labellisé 01/01/2022"\n`)
    const adaptation = lecteurFranceServices.adapter(valeurs as Record<string, unknown>, CONTEXTE)
    expect(adaptation).toEqual({ ignoree: expect.stringMatching(/ni adresse, ni commune, ni code postal.*n'est pas importé/), id: '2696' })
  })

  it('passe à la validation, en texte, une semaine dont un jour est illisible : elle la signale et l’écarte', () => {
    const [valeurs] = lignes(`${ENTETE}\n${LIGNE.replace(`${SEMAINE},${SEMAINE},${SEMAINE},${SEMAINE}`, `"14:00-17:00","09:00-13:00-/3:00-16:00",${SEMAINE},${SEMAINE}`)}\n`)
    const adaptation = lecteurFranceServices.adapter(valeurs as Record<string, unknown>, CONTEXTE)
    const horaires = 'valeurs' in adaptation ? adaptation.valeurs.horaires : undefined
    expect(horaires).toMatch(/^lundi : 14:00-17:00 ; mardi : 09:00-13:00-\/3:00-16:00 ;/)
    const constat = new Constat()
    expect(lireHoraires(horaires, constat)).toBeNull()
    expect(constat.problemes).toEqual([expect.objectContaining({ niveau: 'avertissement', champ: 'horaires' })])
  })
})

describe('reparerCommentaire', () => {
  it.each([
    // france-services-2022.csv : l’artefact « serendez-vousices », jusque dans les adresses électroniques
    ['Par mail : franceserendez-vousices.treguier@lannion-tregor.com', 'Par mail : franceservices.treguier@lannion-tregor.com'],
    ["Le serendez-vousice est accessible toute l'année.", "Le service est accessible toute l'année."],
    ['La\\x20France\\x20serendez\\x2Dvousices\\x20itin\\xE9rante', 'La France services itinérante'],
  ])('répare %j', (brut, attendu) => {
    expect(reparerCommentaire(brut)).toBe(attendu)
  })
})

describe.skipIf(!partageDisponible)('france-services-2022.csv (lu sur place)', () => {
  const lecture = partageDisponible ? lireFichier('france-services-2022.csv', lirePartage('lieux/france-services-2022.csv')) : undefined
  const rangees = lecture ? [...lecture.rangees] : []
  const adaptations = rangees.map((r) => lecteurFranceServices.adapter(r.valeurs, CONTEXTE))
  const acceptees = adaptations.flatMap((a) => ('valeurs' in a ? [a.valeurs] : []))

  it(`est reconnu d’après son en-tête (${cheminPartage('lieux/france-services-2022.csv').split('/').pop()})`, () => {
    expect(lecture && lecteurFranceServices.reconnait(lecture.colonnes)).toBe(true)
  })

  it('garde 2 657 des 2 683 points ; les 26 autres n’ont aucune adresse', () => {
    expect(rangees).toHaveLength(2683)
    expect(acceptees).toHaveLength(2657)
    expect(adaptations.filter((a) => 'ignoree' in a)).toHaveLength(26)
  })

  it('donne des horaires OSM valides à 2 548 points (98 sans horaires, 11 illisibles), sans trace de « serendez-vous »', () => {
    const horaires = acceptees.map((v) => v.horaires).filter((h): h is string => typeof h === 'string')
    const osm = horaires.filter((h) => !/^(lundi|mardi|mercredi|jeudi|vendredi|samedi) :/.test(h))
    expect(osm).toHaveLength(2548)
    expect(horaires.length - osm.length).toBe(11)
    for (const h of osm) expect(analyserHoraires(h).getWarnings()).toEqual([])
    expect(acceptees.filter((v) => String(v.presentation_detail ?? '').includes('serendez'))).toEqual([])
    expect(acceptees.filter((v) => String(v.presentation_detail ?? '').includes('services')).length).toBeGreaterThan(10)
  })
})
