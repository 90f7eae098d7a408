import { describe, expect, it } from 'vitest'
import type { Lieu } from '../places/standard/fields.ts'
import { raciner } from './comprehension/racinisation.ts'
import { IndexLieux, type LieuIndexable } from './index/index.ts'
import { CRITERES_VIDES, rayonParDefaut, rechercher, type Criteres } from './recherche.ts'

const BASE: Lieu = {
  id: '', pivot: '00000000000000', nom: '', commune: 'Chambéry', code_postal: '73000', code_insee: '73065', adresse: '1 rue de Boigne',
  complement_adresse: null, latitude: null, longitude: null, typologie: [], telephone: '+33465710000', courriels: [], site_web: [],
  horaires: 'Mo-Fr 09:00-12:00,14:00-17:00; PH off', presentation_resume: null, presentation_detail: null, source: null, itinerance: [],
  structure_parente: null, date_maj: '2025-01-01', services: ['Aide aux démarches administratives'], publics_specifiquement_adresses: [],
  prise_en_charge_specifique: [], frais_a_charge: ['Gratuit'], dispositif_programmes_nationaux: [], formations_labels: [],
  autres_formations_labels: [], modalites_acces: ['Se présenter'], modalites_accompagnement: ['Accompagnement individuel'],
  fiche_acces_libre: null, prise_rdv: null,
}

const CHAMBERY = { latitude: 45.5646, longitude: 5.9178, approximative: false }

function lieu(uid: number, nom: string, kmNord: number, champs: Partial<Lieu> = {}): LieuIndexable {
  const latitude = CHAMBERY.latitude + kmNord / 111.2
  return {
    uid,
    lieu: { ...BASE, id: `l${uid}`, nom, latitude, longitude: CHAMBERY.longitude, ...champs },
    communeResolue: '73065', departement: '73', region: '84', nomRegion: 'Auvergne-Rhône-Alpes',
    position: { latitude, longitude: CHAMBERY.longitude, approximative: false },
  }
}

const LUNDI_10H = new Date('2026-11-23T10:00:00') // a Monday, Europe/Paris (vitest.config.ts)
const LUNDI_12H30 = new Date('2026-11-23T12:30:00')
const criteres = (c: Partial<Criteres>): Criteres => ({ ...CRITERES_VIDES, position: CHAMBERY, rayonKm: 20, ...c })

function index(): IndexLieux {
  return new IndexLieux([
    lieu(1, 'Mairie de Chambéry', 0.5, { typologie: ['MUNI'] }),
    lieu(2, 'Médiathèque Jean-Jacques Rousseau', 1.2, { typologie: ['BIB'], services: ['Maîtrise des outils numériques du quotidien'], frais_a_charge: ['Payant'], horaires: 'Tu-Sa 10:00-18:00' }),
    lieu(3, 'France Services du Lac', 3, { dispositif_programmes_nationaux: ['France Services'], modalites_acces: ['Téléphoner'], publics_specifiquement_adresses: ['Seniors'] }),
    lieu(4, 'Association Emmaüs Connect', 8, { dispositif_programmes_nationaux: ['Emmaüs Connect'], services: ['Acquisition de matériel informatique à prix solidaire'], fiche_acces_libre: 'https://acceslibre.beta.gouv.fr/x' }),
    lieu(5, 'CCAS lointain', 40),
  ])
}

describe('rechercher', () => {
  it('trie par distance et ne garde que le rayon', () => {
    const r = rechercher(index(), criteres({ rayonKm: 10 }), LUNDI_10H)
    expect(r.resultats.map((x) => x.fiche.nom)).toEqual(['Mairie de Chambéry', 'Médiathèque Jean-Jacques Rousseau', 'France Services du Lac', 'Association Emmaüs Connect'])
    expect(r.resultats[0]?.distanceKm).toBeCloseTo(0.5, 1)
    expect(r.total).toBe(4)
  })

  it('un besoin garde les lieux qui offrent un de ses services', () => {
    expect(rechercher(index(), criteres({ besoins: ['smartphone'] }), LUNDI_10H).resultats.map((x) => x.fiche.uid)).toEqual([2])
    expect(rechercher(index(), criteres({ besoins: ['impots', 'materiel'] }), LUNDI_10H).total).toBe(3)
  })

  it('filtres : gratuit, sans rendez-vous, public, programme, accessibilité', () => {
    const uids = (c: Partial<Criteres>) => rechercher(index(), criteres(c), LUNDI_10H).resultats.map((x) => x.fiche.uid)
    expect(uids({ gratuit: true })).toEqual([1, 3, 4])
    expect(uids({ sansRendezVous: true })).toEqual([1, 2, 4])
    expect(uids({ publics: ['Seniors', 'Jeunes'] })).toEqual([3])
    expect(uids({ dispositifs: ['France Services'] })).toEqual([3])
    expect(uids({ accessibilite: true })).toEqual([4])
  })

  it('ouvert maintenant, à un instant, sur un créneau ; fermé un jour férié si « PH off »', () => {
    const uids = (c: Partial<Criteres>, maintenant = LUNDI_10H) => rechercher(index(), criteres(c), maintenant).resultats.map((x) => x.fiche.uid)
    expect(uids({ ouverture: { type: 'maintenant' } })).toEqual([1, 3, 4])
    expect(uids({ ouverture: { type: 'maintenant' } }, LUNDI_12H30)).toEqual([])
    expect(uids({ ouverture: { type: 'creneau', jour: 2, debut: 9 * 60, fin: 11 * 60 } })).toEqual([1, 2, 3, 4])
    // Christmas 2026 is a Friday: only the place without « PH off » opens
    expect(uids({ ouverture: { type: 'instant', date: new Date('2026-12-25T10:00:00') } })).toEqual([2])
  })

  it('dit si le lieu est ouvert et quand il ferme ou ouvre', () => {
    const r = rechercher(index(), criteres({ rayonKm: 2 }), LUNDI_10H)
    expect(r.resultats.map((x) => x.statut.texte)).toEqual(['Ouvert maintenant · ferme à 12 h', 'Fermé · ouvre demain à 10 h'])
    const midi = rechercher(index(), criteres({ rayonKm: 1 }), LUNDI_12H30)
    expect(midi.resultats[0]?.statut).toEqual({ ouvert: false, texte: 'Fermé · ouvre à 14 h' })
    const vendredi = rechercher(index(), criteres({ rayonKm: 1 }), new Date('2026-11-27T18:00:00'))
    expect(vendredi.resultats[0]?.statut.texte).toBe('Fermé · ouvre lundi à 9 h')
  })

  it('comprend le texte libre : besoin, type de lieu, programme, nom', () => {
    const r = (q: string) => rechercher(index(), criteres({ q }), LUNDI_10H)
    expect(r('médiathèque').resultats.map((x) => x.fiche.uid)).toEqual([2])
    expect(r('emaus').resultats.map((x) => x.fiche.uid)).toEqual([4])
    expect(r('rousseau').resultats.map((x) => x.fiche.uid)).toEqual([2])
    const inconnu = r('impots zorglub')
    expect(inconnu.termesIgnores).toEqual(['zorglub'])
    expect(inconnu.total).toBe(2)
  })

  it('sans résultat, propose d’élargir avec le nombre de lieux de chaque élargissement', () => {
    const c = criteres({ rayonKm: 5, besoins: ['materiel'], gratuit: true })
    const r = rechercher(index(), c, LUNDI_10H)
    expect(r.total).toBe(0)
    expect(r.elargissements.map((e) => [e.libelle, e.total])).toEqual([['Chercher jusqu’à 10 km', 1], ['Pour tous les besoins', 2]])
    for (const e of r.elargissements) expect(rechercher(index(), e.criteres, LUNDI_10H).total).toBe(e.total)
  })

  it('rayon par défaut selon la densité : 10 lieux au moins, 50 km au plus', () => {
    const dense = new IndexLieux(Array.from({ length: 12 }, (_, i) => lieu(i + 1, `Lieu ${i}`, i * 0.5)))
    expect(rayonParDefaut(dense, CHAMBERY)).toBe(5)
    expect(rayonParDefaut(index(), CHAMBERY)).toBe(50)
  })

  it('sans position, trie par nom ; pagine en gardant le total', () => {
    const r = rechercher(index(), { ...CRITERES_VIDES, parPage: 2, page: 2 }, LUNDI_10H)
    expect(r.total).toBe(5)
    expect(r.pages).toBe(3)
    expect(r.resultats.map((x) => x.fiche.nom)).toEqual(['France Services du Lac', 'Mairie de Chambéry'])
    expect(r.resultats[0]?.distanceKm).toBeNull()
  })

  it('périmètre d’un widget : département ou communes', () => {
    expect(rechercher(index(), criteres({ perimetre: { departement: '38' } }), LUNDI_10H).total).toBe(0)
    expect(rechercher(index(), criteres({ perimetre: { communes: new Set(['73065']) } }), LUNDI_10H).total).toBe(4)
  })
})

describe('IndexLieux', () => {
  it('se met à jour lieu par lieu : remplacer, retirer, retrouver par nom', () => {
    const i = index()
    i.remplacer(lieu(2, 'Bibliothèque Georges Brassens', 1.2))
    expect(i.parNom('rousseau').size).toBe(0)
    expect([...i.parNom('brassen')].map((s) => i.fiche(s)?.uid)).toEqual([2])
    expect([...i.parNom(raciner('brasens'))].map((s) => i.fiche(s)?.uid)).toEqual([2])
    i.retirer(1)
    i.retirer(999)
    expect(i.taille).toBe(4)
    expect(rechercher(i, criteres({ rayonKm: 1 }), LUNDI_10H).total).toBe(0)
    expect(i.ficheParUid(2)?.nom).toBe('Bibliothèque Georges Brassens')
  })

  it('un lieu sans position est trouvé sans point, jamais autour d’un point', () => {
    const i = new IndexLieux([{ ...lieu(9, 'Sans position', 0), position: null }])
    expect(rechercher(i, criteres({}), LUNDI_10H).total).toBe(0)
    expect(rechercher(i, CRITERES_VIDES, LUNDI_10H).total).toBe(1)
  })

  it('« ouvert maintenant » quand peu de lieux sont ouverts : lit la liste des ouverts, mise à jour à chaque changement', () => {
    // 60 places within 30 km, two open on Monday at 10:00: the short list is read instead of the circle
    const i = new IndexLieux(Array.from({ length: 60 }, (_, k) => lieu(k + 1, `Lieu ${k + 1}`, k / 2, { horaires: k === 10 || k === 50 ? 'Mo 09:00-12:00' : 'Sa 09:00-10:00' })))
    const ouverts = (c: Partial<Criteres>) => rechercher(i, criteres({ ouverture: { type: 'maintenant' }, ...c }), LUNDI_10H).resultats.map((x) => x.fiche.uid)
    expect(ouverts({ rayonKm: 10 })).toEqual([11])
    expect(ouverts({ rayonKm: 30 })).toEqual([11, 51])
    expect(ouverts({ position: null, rayonKm: null })).toEqual([11, 51])
    expect(rechercher(i, criteres({ ouverture: { type: 'maintenant' }, rayonKm: 10 }), LUNDI_10H).resultats[0]?.distanceKm).toBeCloseTo(5, 1)
    // within the same minute: a removed place is gone, a new one open is seen, changed hours count
    i.retirer(11)
    expect(ouverts({ rayonKm: 30 })).toEqual([51])
    i.remplacer(lieu(61, 'Lieu nouveau', 2, { horaires: 'Mo 08:00-18:00' }))
    expect(ouverts({ rayonKm: 30 })).toEqual([61, 51])
    i.remplacer(lieu(3, 'Lieu 3', 1, { horaires: 'Mo 08:00-18:00' }))
    expect(ouverts({ rayonKm: 30 })).toEqual([3, 61, 51])
    expect(ouverts({ rayonKm: 30, besoins: ['smartphone'] })).toEqual([])
    expect(rechercher(i, criteres({ ouverture: { type: 'maintenant' }, rayonKm: 30 }), LUNDI_12H30).resultats.map((x) => x.fiche.uid)).toEqual([3, 61])
  })
})
