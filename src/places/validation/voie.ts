/**
 * The street line made readable, the same way for every source: spacing collapsed, a line
 * written in capitals put in ordinary case (« 15 RUE DE MONCONTOUR » → « 15 rue de Moncontour »),
 * usual abbreviations written out (`av.` → avenue, `bd` → boulevard, `r.` → rue, `pl.` → place,
 * `chem.` → chemin, `st` → saint…). Pure; `lireAdresse` reports the rewrite as a correction.
 */

const LETTRE = 'A-Za-zÀ-ÖØ-öø-ÿŒœ'
const MOT = new RegExp(`[${LETTRE}]+`, 'gu')

/** Street types written out, by abbreviation (lower case, without the final dot). */
const TYPES_ABREGES: Readonly<Record<string, string>> = {
  av: 'avenue', ave: 'avenue', aven: 'avenue',
  bd: 'boulevard', bld: 'boulevard', blvd: 'boulevard', bvd: 'boulevard', boul: 'boulevard',
  pl: 'place', chem: 'chemin', rte: 'route', imp: 'impasse', all: 'allée', sq: 'square',
  fg: 'faubourg', fbg: 'faubourg', crs: 'cours', lot: 'lotissement', res: 'résidence', rés: 'résidence',
}

/** Titles abbreviated after « du » (« rue du Gal de Gaulle »). */
const TITRES_ABREGES: Readonly<Record<string, string>> = {
  gal: 'Général', gen: 'Général', gén: 'Général', mal: 'Maréchal', dr: 'Docteur', pdt: 'Président', cdt: 'Commandant',
}

const TYPES_VOIE = new Set([
  'rue', 'avenue', 'boulevard', 'place', 'chemin', 'route', 'allée', 'allee', 'impasse', 'quai', 'cours', 'square', 'passage',
  'esplanade', 'sentier', 'lotissement', 'résidence', 'residence', 'hameau', 'chaussée', 'faubourg', 'voie', 'cité', 'cite',
  'parvis', 'promenade', 'ruelle', 'venelle', 'montée', 'montee', 'traverse', 'carrefour',
  ...Object.keys(TYPES_ABREGES), 'r',
])
const PARTICULES = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'à', 'au', 'aux', 'sur', 'sous', 'en', 'lès', 'lez', 'l', 'd', 'bis', 'ter', 'quater'])
const SIGLES = new Set([
  'BP', 'CS', 'TSA', 'ZA', 'ZI', 'ZAC', 'ZAE', 'ZUP', 'HLM', 'RD', 'RN', 'RDC', 'CCAS', 'CIAS', 'CAF', 'CPAM', 'MJC', 'EHPAD',
  'SNCF', 'ESAT', 'CHU', 'CHRS', 'CMS', 'CDAS', 'MDS', 'MSAP', 'PMI', 'EPN', 'FJT', 'CFA', 'IUT', 'QPV', 'MSA', 'ZAD',
])
const ROMAIN = /^(?=[IVXLC]{2,})C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/

const capitale = (mot: string) => (mot === '' ? mot : `${mot[0]?.toUpperCase()}${mot.slice(1)}`)

/** Whether the line is written in capitals (at least 4 letters, none in lower case). */
export function enCapitales(texte: string): boolean {
  const lettres = texte.match(MOT)?.join('') ?? ''
  return lettres.length >= 4 && lettres === lettres.toUpperCase() && lettres !== lettres.toLowerCase()
}

/** A token is a street type when it opens the line or follows the number (and its « bis », letter, comma). */
function positionDeType(avant: string): boolean {
  return /^\s*$/.test(avant) || /(^|[\s,])\d+\s*(?:[-/]\s*\d+\s*)?(?:(?:bis|ter|quater|[a-z])\b\.?)?\s*,?\s*$/i.test(avant) || /(,|\s[–-])\s*$/.test(avant)
}

/** A line in capitals put in ordinary case: particles and street types in lower case, names capitalised. */
export function casseLisible(texte: string): string {
  return texte.replace(MOT, (mot: string, position: number) => {
    const avant = texte.slice(0, position)
    const bas = mot.toLowerCase()
    if (/^\s*$/.test(avant)) return SIGLES.has(mot) ? mot : capitale(bas)
    if (TYPES_VOIE.has(bas) && positionDeType(avant)) return bas
    if (SIGLES.has(mot) || ROMAIN.test(mot)) return mot
    // « 1ER », « 12B », « 2EME »: letters glued to a number
    if (/\d$/.test(avant)) return /^(er|e|eme|ème|bis|ter)$/.test(bas) ? bas : mot
    // « L'EUROPE », « D'AGNY »: the elided article in lower case
    if (mot.length === 1) return /^['’]/.test(texte.slice(position + 1)) ? bas : mot
    if (PARTICULES.has(bas)) return bas
    return capitale(bas)
  })
}

const forme = (modele: string, mot: string) => (/^[A-ZÀ-Ý]/.test(modele) ? capitale(mot) : mot)

/** Usual abbreviations written out. */
export function abreviationsDeveloppees(texte: string): string {
  const mot = new RegExp(`(?<![${LETTRE}])([${LETTRE}]+)(\\.?)(?=([^${LETTRE}]*)([${LETTRE}]*))`, 'gu')
  return texte.replace(mot, (tout: string, abrege: string, point: string, entre: string, suivant: string, position: number) => {
    const bas = abrege.toLowerCase()
    const avant = texte.slice(0, position)
    const suite = suivant.toLowerCase()
    const espace = point && !/^\s/.test(entre) && suivant ? ' ' : ''
    if ((bas === 'st' || bas === 'ste') && suivant && /^[\s-]*$/.test(entre) && !/\d\s*$/.test(avant)) {
      return forme(abrege, bas === 'st' ? 'saint' : 'sainte') + espace
    }
    if (positionDeType(avant) && suivant && !/^\d/.test(entre.trim())) {
      const type = TYPES_ABREGES[bas]
      // « all » and « lot » are words too: only before a name; « r » only as « r. » or before « de… »
      if (type) return forme(abrege, type) + espace
      if (bas === 'r' && (point || /^(de|du|des|d|la|le|les|l)$/.test(suite))) return forme(abrege, 'rue') + espace
    }
    const titre = TITRES_ABREGES[bas]
    if (titre && /\bdu\s+$/i.test(avant) && suivant) return titre + espace
    return tout
  })
}

/** The street line, readable: spacing, capitals, abbreviations. */
export function normaliserVoie(texte: string): string {
  let voie = texte.replace(/\s+/g, ' ').replace(/\s+,/g, ',').replace(/,(?=[^\s\d])/g, ', ').trim()
  if (enCapitales(voie)) voie = casseLisible(voie)
  voie = abreviationsDeveloppees(voie)
  return voie.replace(/\s{2,}/g, ' ').replace(/^[\s,;-]+|[\s,;-]+$/g, '')
}

const TYPE_DANS_LE_TEXTE = new RegExp(
  `(?:^|[^${LETTRE}])(?:${[...TYPES_VOIE, 'lieu-dit', 'lieudit', 'zone', 'za', 'zi', 'zac', 'rd', 'rn', 'quartier', 'bourg', 'domaine', 'parc'].filter((t) => t.length > 1).join('|')})\\.?(?![${LETTRE}])`,
  'iu',
)

/** Whether the text names a street type (rue, av., chemin, lieu-dit…): a street line rather than a building. */
export function contientTypeVoie(texte: string): boolean {
  return TYPE_DANS_LE_TEXTE.test(texte)
}
