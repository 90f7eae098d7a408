/**
 * The in-memory index of published places that answers searches: a geographic k-nearest index
 * (kdbush + geokdbush), the closed vocabularies as bit masks, a French word index of names, and
 * what a results list shows. The database stays the source of truth: the index is built from
 * it and patched place by place (`remplacer`, `retirer`) when places change; the geographic
 * tree is rebuilt lazily after changes.
 */
import KDBush from 'kdbush'
import type OpeningHours from 'opening_hours'
import { around, distance } from 'geokdbush'
import type { Lieu } from '../../places/standard/fields.ts'
import { motsSimples } from '../comprehension/comprendre.ts'
import { raciner } from '../comprehension/racinisation.ts'
import { MASQUES, type MasquesDuLieu } from './masques.ts'

/** A place as the index receives it: the standard's fields, where it is, and its région. */
export interface LieuIndexable {
  uid: number
  lieu: Lieu
  /** Current commune (INSEE code), département and région found in the official list. */
  communeResolue: string | null
  departement: string | null
  region: string | null
  /** Name of the région, for public holidays. */
  nomRegion: string
  /** Where to measure distances from: the place's own coordinates, else its commune's. */
  position: { latitude: number; longitude: number; approximative: boolean } | null
}

/** What a result line shows (the place page reads the database). */
export interface Fiche extends MasquesDuLieu {
  uid: number
  id: string
  nom: string
  adresse: string
  complement: string | null
  codePostal: string
  commune: string
  telephone: string | null
  horaires: string | null
  nomRegion: string
  latitude: number | null
  longitude: number | null
  positionApproximative: boolean
  typologies: readonly string[]
  communeResolue: string | null
  departement: string | null
  region: string | null
  ficheAccesLibre: boolean
  priseRdv: boolean
  /** Stems of the words of its name. */
  mots: readonly string[]
  /** Its hours parsed, once needed (undefined: not yet; null: none or unreadable). */
  horairesAnalyses: OpeningHours | null | undefined
  /**
   * Whether it is open during the minute `minuteOuverture` (minutes since 1970; -1: not yet
   * known). OSM hours change on the minute, so one evaluation serves every search of that minute.
   */
  minuteOuverture: number
  ouvertALaMinute: boolean
}

const interne = new Map<string, string>()
/** One copy of each repeated string (communes, typologies, hours): a million places stay small. */
function unique(texte: string): string {
  const deja = interne.get(texte)
  if (deja !== undefined) return deja
  interne.set(texte, texte)
  return texte
}

export function versFiche(entree: LieuIndexable): Fiche {
  const { lieu, position } = entree
  return {
    uid: entree.uid,
    id: lieu.id,
    nom: lieu.nom,
    adresse: lieu.adresse,
    complement: lieu.complement_adresse,
    codePostal: unique(lieu.code_postal),
    commune: unique(lieu.commune),
    telephone: lieu.telephone,
    horaires: lieu.horaires === null ? null : unique(lieu.horaires),
    nomRegion: unique(entree.nomRegion),
    latitude: position?.latitude ?? null,
    longitude: position?.longitude ?? null,
    positionApproximative: position?.approximative ?? false,
    typologies: lieu.typologie.map(unique),
    communeResolue: entree.communeResolue === null ? null : unique(entree.communeResolue),
    departement: entree.departement === null ? null : unique(entree.departement),
    region: entree.region === null ? null : unique(entree.region),
    services: MASQUES.services.de(lieu.services),
    publics: MASQUES.publics.de(lieu.publics_specifiquement_adresses),
    prises: MASQUES.prises.de(lieu.prise_en_charge_specifique),
    frais: MASQUES.frais.de(lieu.frais_a_charge),
    acces: MASQUES.acces.de(lieu.modalites_acces),
    accompagnement: MASQUES.accompagnement.de(lieu.modalites_accompagnement),
    dispositifs: MASQUES.dispositifs.de(lieu.dispositif_programmes_nationaux),
    ficheAccesLibre: lieu.fiche_acces_libre !== null,
    priseRdv: lieu.prise_rdv !== null,
    mots: [...new Set(motsSimples(lieu.nom).map(raciner))].map(unique),
    // set now so every fiche has the same shape (filters stay monomorphic)
    horairesAnalyses: undefined,
    minuteOuverture: -1,
    ouvertALaMinute: false,
  }
}

export class IndexLieux {
  /** Slot → place (undefined once removed). */
  private readonly fiches: Array<Fiche | undefined> = []
  private readonly slotParUid = new Map<number, number>()
  /** Name stem → slots. */
  private readonly parMot = new Map<string, Set<number>>()
  private arbre: KDBush | undefined
  /** kdbush item → slot. */
  private slotsArbre: number[] = []
  private arbreAJour = false
  private libres = 0
  /**
   * The slots open during one minute (see `ouvertsALaMinute`), dropped when a place is added or
   * changed and when slots are renumbered; a removed place's slot is empty, which searches skip.
   */
  private ouverts: { minute: number; slots: number[] } | undefined

  constructor(lieux: Iterable<LieuIndexable> = []) {
    for (const lieu of lieux) this.remplacer(lieu)
  }

  get taille(): number {
    return this.slotParUid.size
  }

  /** Adds a place, or replaces it if already there. */
  remplacer(entree: LieuIndexable): void {
    this.retirer(entree.uid)
    this.placer(versFiche(entree))
    this.arbreAJour = false
    this.ouverts = undefined
  }

  /** Puts a place in the next slot and in the index of its name's words. */
  private placer(fiche: Fiche): void {
    const slot = this.fiches.length
    this.fiches.push(fiche)
    this.slotParUid.set(fiche.uid, slot)
    for (const mot of fiche.mots) {
      let slots = this.parMot.get(mot)
      if (!slots) this.parMot.set(mot, (slots = new Set()))
      slots.add(slot)
    }
  }

  /** Removes a place (withdrawn, deleted); unknown uids are ignored. */
  retirer(uid: number): void {
    const slot = this.slotParUid.get(uid)
    if (slot === undefined) return
    const fiche = this.fiches[slot]
    for (const mot of fiche?.mots ?? []) this.parMot.get(mot)?.delete(slot)
    this.fiches[slot] = undefined
    this.slotParUid.delete(uid)
    this.libres++
    this.arbreAJour = false
    if (this.libres > 1000 && this.libres > this.fiches.length / 4) this.compacter()
  }

  fiche(slot: number): Fiche | undefined {
    return this.fiches[slot]
  }

  ficheParUid(uid: number): Fiche | undefined {
    const slot = this.slotParUid.get(uid)
    return slot === undefined ? undefined : this.fiches[slot]
  }

  /**
   * The live slots open during the minute of `instant` as `ouvert` tells, computed once per
   * minute (about 3 ms at 100,000 places): at night or on Sunday the list is short, and reading
   * it beats reading every place of a circle of 100 km to find none open.
   */
  ouvertsALaMinute(instant: Date, ouvert: (fiche: Fiche) => boolean): readonly number[] {
    const minute = Math.floor(instant.getTime() / 60_000)
    if (this.ouverts?.minute !== minute) {
      const slots: number[] = []
      for (let slot = 0; slot < this.fiches.length; slot++) {
        const f = this.fiches[slot]
        if (f && ouvert(f)) slots.push(slot)
      }
      this.ouverts = { minute, slots }
    }
    return this.ouverts.slots
  }

  /** Every live slot, for scans without a location. */
  *slots(): Generator<number> {
    for (let slot = 0; slot < this.fiches.length; slot++) if (this.fiches[slot]) yield slot
  }

  /**
   * Live slots within `rayonKm` of a point, nearest first, that pass `garder`, with their
   * distance in kilometres. A radius search reads the tree's bounding box of the circle
   * (kdbush `range`), then measures great-circle distances; a nearest-k search (`maximum`)
   * walks the tree nearest first (geokdbush). geokdbush alone explored the whole tree when
   * the filter rejected everything near the point (20 ms at 100,000 places instead of 0.1 ms).
   */
  autour(latitude: number, longitude: number, rayonKm: number, garder: (slot: number) => boolean, maximum = Infinity): Array<{ slot: number; km: number }> {
    const arbre = this.arbreGeographique()
    if (!arbre) return []
    const mesure = (slot: number) => {
      const f = this.fiches[slot] as Fiche
      return { slot, km: distance(longitude, latitude, f.longitude ?? 0, f.latitude ?? 0) }
    }
    if (Number.isFinite(maximum)) {
      return around(arbre, longitude, latitude, maximum, rayonKm, (item) => garder(this.slotsArbre[item] ?? -1)).map((item) => mesure(this.slotsArbre[item] ?? -1))
    }
    const dLat = rayonKm / 111.19
    const dLon = rayonKm / (111.19 * Math.max(0.01, Math.cos((latitude * Math.PI) / 180)))
    const trouves: Array<{ slot: number; km: number }> = []
    for (const item of arbre.range(longitude - dLon, latitude - dLat, longitude + dLon, latitude + dLat)) {
      const slot = this.slotsArbre[item] ?? -1
      if (!garder(slot)) continue
      const m = mesure(slot)
      if (m.km <= rayonKm) trouves.push(m)
    }
    return trouves.sort((a, b) => a.km - b.km)
  }

  /** As `autour`, reading only the given slots (a short list: the places open now). */
  autourParmi(slots: readonly number[], latitude: number, longitude: number, rayonKm: number, garder: (slot: number) => boolean): Array<{ slot: number; km: number }> {
    const trouves: Array<{ slot: number; km: number }> = []
    for (const slot of slots) {
      const f = this.fiches[slot]
      if (!f || f.latitude === null || f.longitude === null || !garder(slot)) continue
      const km = distance(longitude, latitude, f.longitude, f.latitude)
      if (km <= rayonKm) trouves.push({ slot, km })
    }
    return trouves.sort((a, b) => a.km - b.km)
  }

  /** Slots whose name has a word starting like `racine` (or one typo away from it, from 5 letters). */
  parNom(racine: string): Set<number> {
    const trouves = new Set<number>()
    for (const [mot, slots] of this.parMot) {
      if (slots.size === 0) continue
      if (mot.startsWith(racine) || (racine.length >= 5 && Math.abs(mot.length - racine.length) <= 1 && unSeulEcart(mot, racine))) {
        for (const slot of slots) trouves.add(slot)
      }
    }
    return trouves
  }

  private arbreGeographique(): KDBush | undefined {
    if (this.arbreAJour) return this.arbre
    const positions: number[] = []
    for (let slot = 0; slot < this.fiches.length; slot++) {
      const f = this.fiches[slot]
      if (f && f.latitude !== null && f.longitude !== null) positions.push(slot)
    }
    if (positions.length === 0) {
      this.arbre = undefined
    } else {
      const arbre = new KDBush(positions.length)
      for (const slot of positions) {
        const f = this.fiches[slot] as Fiche
        arbre.add(f.longitude as number, f.latitude as number)
      }
      arbre.finish()
      this.arbre = arbre
    }
    this.slotsArbre = positions
    this.arbreAJour = true
    return this.arbre
  }

  private compacter(): void {
    const vivantes = this.fiches.filter((f): f is Fiche => f !== undefined)
    this.fiches.length = 0
    this.slotParUid.clear()
    this.parMot.clear()
    this.libres = 0
    for (const fiche of vivantes) this.placer(fiche)
    this.arbreAJour = false
    this.ouverts = undefined
  }
}

/** Equal but for one substitution, insertion or deletion. */
function unSeulEcart(a: string, b: string): boolean {
  if (a === b) return true
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return a.slice(i + (a.length >= b.length ? 1 : 0)) === b.slice(i + (b.length >= a.length ? 1 : 0))
}
