/**
 * What kind of place each record is, and whether two kinds can be the same place: the declared
 * `typologie` codes, else a presumption from the name (the national pipeline's table, §11 of the
 * standard reference: « médiathèque » → BIB, « France services » → RFS…). Codes are grouped in
 * families (RFS ~ PIMMS ~ MSAP, CS ~ CSC ~ EVS…); unknown or catch-all codes (ASSO, Autre) are
 * compatible with anything. Also: is the record a France services counter (typology, national
 * programme or name)?
 */
import type { FicheComparee } from './fiche.ts'
import { normaliser } from './texte.ts'

/** Presumptions from the name, on the normalised text (`normaliser`: no accents, no plural). */
const DEPUIS_NOM: ReadonlyArray<[string, RegExp]> = [
  ['RFS', /\bfrance service\b|\bmsap\b|\bmaison (?:de |du |des )?service (?:au |aux )?public\b/],
  ['PIMMS', /\bpimms\b/],
  ['BIB', /\bmediatheque\b|\bbibl?iotheque\b|\bbiblio\b/],
  ['MUNI', /\bmairie\b|\bhotel de ville\b|^(?:commune|ville) (?:de |d )/],
  ['CCAS', /\bccas\b|\b(?:centre|ctre) com(?:munal)? (?:d )?action sociale\b/],
  ['CIAS', /\bcias\b|\bcentre intercommunal (?:d )?action sociale\b/],
  ['ML', /\bmission locale\b/],
  ['MJC', /\bmjc\b|\bmaison (?:de |des )?jeune et (?:de )?la culture\b/],
  ['CS', /\bcentre social\b|\b(?:centre|espace) socio ?culturel\b|\bcscs?\b|\bespace de vie sociale\b/],
  ['TIERS_LIEUX', /\btiers? lieux?\b|\bcowork/],
  ['FABLAB', /\bfab ?lab\b/],
  ['LA_POSTE', /\bla poste\b|\bbureau de poste\b/],
  ['FT', /\bpole emploi\b|\bfrance travail\b/],
  ['CAF', /\bcaf\b|\bcaisse d allocation/],
  ['CPAM', /\bcpam\b|\bcaisse primaire/],
  ['MSA', /\bmsa\b|\bmutualite sociale agricole\b/],
  ['EPCI', /\bcommunaute (?:de |des )?commune\b|\bcdc\b|\bcc\b|\bagglomeration\b|\bagglo\b|\bcommunaute urbaine\b/],
  ['EPN', /\bepn\b|\bespace publi(?:c|que) numerique\b|\bcyber/],
  ['PIJ_BIJ', /\bpij\b|\bbij\b|\binfo jeune\b|\binformation jeunesse\b/],
  ['MQ', /\bmaison de quartier\b/],
  ['MDH', /\bmaison de habitant\b|\bmaison des habitant\b/],
  ['MDS', /\bmaison (?:de la |des |departementale de la )?solidarite\b|\bmds\b/],
  ['PREF', /\bprefecture\b/],
  ['CAP_EMPLOI', /\bcap emploi\b/],
  ['MDE', /\bmaison (?:de l |de )?emploi\b/],
  ['CIDFF', /\bcidff\b/],
  ['UDAF', /\budaf\b/],
  ['CHRS', /\bchrs\b/],
  ['CSAPA', /\bcsapa\b/],
]

/** Codes that may be the same place, by family; a code absent here is its own family. */
const FAMILLES: Readonly<Record<string, string>> = {
  RFS: 'france-services', MSAP: 'france-services', PIMMS: 'france-services',
  CS: 'centre-social', CSC: 'centre-social', EVS: 'centre-social', MQ: 'centre-social', MDH: 'centre-social',
  CCAS: 'ccas', CIAS: 'ccas',
  EPCI: 'epci', CC: 'epci',
  BIB: 'bibliotheque', RELAIS_LECTURE: 'bibliotheque',
  EPN: 'numerique', EPI: 'numerique', TIERS_LIEUX: 'numerique', FABLAB: 'numerique', FABRIQUE: 'numerique', ENM: 'numerique',
  MDE: 'emploi', MDEF: 'emploi', CITMET: 'emploi',
  MDS: 'solidarites', CDAS: 'solidarites', DEPT: 'solidarites', CD: 'solidarites',
}

/** Catch-all codes: they say nothing of the kind of place. */
const SANS_PORTEE = new Set(['ASSO', 'Autre', 'AUTRE', 'ESS', 'OF', 'ETABL_PRI', 'ETABL_PUB', 'ETAT'])

export const LIBELLES_TYPOLOGIES: Readonly<Record<string, string>> = {
  RFS: 'France services', MSAP: 'France services', PIMMS: 'Point information médiation multi services', BIB: 'bibliothèque',
  MUNI: 'mairie', CCAS: 'CCAS', CIAS: 'CIAS', ML: 'mission locale', MJC: 'MJC', CS: 'centre social', CSC: 'centre socioculturel',
  TIERS_LIEUX: 'tiers-lieu', FABLAB: 'fablab', LA_POSTE: 'La Poste', FT: 'France Travail', CAF: 'CAF', CPAM: 'CPAM', MSA: 'MSA',
  EPCI: 'intercommunalité', CC: 'communauté de communes', EPN: 'espace public numérique', PIJ_BIJ: 'information jeunesse',
  MQ: 'maison de quartier', MDH: 'maison des habitants', MDS: 'maison des solidarités', PREF: 'préfecture', CAP_EMPLOI: 'Cap emploi',
  CIDFF: 'CIDFF', UDAF: 'UDAF', CHRS: 'CHRS', CSAPA: 'CSAPA',
}

export const libelleTypologie = (code: string): string => (Object.hasOwn(LIBELLES_TYPOLOGIES, code) ? (LIBELLES_TYPOLOGIES[code] as string) : code)

const UNION = new RegExp(DEPUIS_NOM.map(([, motif]) => `(${motif.source})`).join('|'), 'g')

/** Codes presumed from a name (one pass of one regular expression over the normalised name). */
export function typologiesDepuisNom(nom: string, texte = normaliser(nom)): string[] {
  const codes = new Set<string>()
  UNION.lastIndex = 0
  for (let m = UNION.exec(texte); m !== null; m = UNION.exec(texte)) {
    let groupe = 1
    while (groupe < m.length && m[groupe] === undefined) groupe++
    const code = DEPUIS_NOM[groupe - 1]?.[0]
    if (code) codes.add(code)
    if (m[0] === '') UNION.lastIndex++
  }
  return [...codes]
}

export interface Typologies {
  codes: string[]
  origine: 'declaree' | 'nom' | 'inconnue'
}

/** The declared codes that say something, with those presumed from the name (`texteNom`: `normaliser(nom)`). */
export function typologiesDe(fiche: Pick<FicheComparee, 'nom' | 'typologie'>, texteNom = normaliser(fiche.nom)): Typologies {
  const presumees = typologiesDepuisNom(fiche.nom, texteNom)
  const declarees = fiche.typologie.filter((t) => !SANS_PORTEE.has(t))
  if (declarees.length) return { codes: [...new Set([...declarees, ...presumees])], origine: 'declaree' }
  return presumees.length ? { codes: presumees, origine: 'nom' } : { codes: [], origine: 'inconnue' }
}

const famille = (code: string): string => (Object.hasOwn(FAMILLES, code) ? (FAMILLES[code] as string) : code)

export type Compatibilite = 'inconnue' | 'commune' | 'incompatible'

/** `commune` when a family is shared, `inconnue` when one side says nothing, else `incompatible`. */
export function compatibilite(a: Typologies, b: Typologies): Compatibilite {
  if (!a.codes.length || !b.codes.length) return 'inconnue'
  const familles = new Set(a.codes.map(famille))
  return b.codes.some((c) => familles.has(famille(c))) ? 'commune' : 'incompatible'
}

/** A France services counter: typology RFS / MSAP, the national programme, or its name. */
export function estFranceServices(fiche: Pick<FicheComparee, 'nom' | 'typologie' | 'dispositif_programmes_nationaux'>, typologies: Typologies = typologiesDe(fiche)): boolean {
  if (typologies.codes.some((c) => c === 'RFS' || c === 'MSAP')) return true
  return fiche.dispositif_programmes_nationaux.some((d) => /^france services?$/i.test(d.trim()))
}

/** A mobile unit (bus, itinerant counter): matched on its identity, its base address says little. */
export function estItinerant(nom: string, texteNom = normaliser(nom)): boolean {
  return /\bbus\b|\bitinerant|\bmobile\b|\bcamion\b|\bcaravane\b/.test(texteNom)
}
