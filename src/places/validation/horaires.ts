/**
 * `horaires`: OpenStreetMap `opening_hours` syntax, checked with the `opening_hours` package
 * (French public holidays). French free text (« du lundi au vendredi de 9h à 12h et de 14h à
 * 17h ») is converted when unambiguous (`horaires-texte.ts`); another value the package reads
 * only with warnings (« Sun ») is replaced by its prettified form when that form is clean; an
 * unreadable value is dropped with a warning (the text stays in the source record).
 */
import OpeningHours, { type nominatim_object, type optional_conf } from 'opening_hours'
import { nettoyerLigne } from '../../platform/text.ts'
import { texteVersOsm } from './horaires-texte.ts'
import { Constat } from './problems.ts'

/** Context for evaluating `PH` (French public holidays); the region only matters for regional days. */
export const CONTEXTE_FRANCE: nominatim_object = {
  lat: 46.5,
  lon: 2.5,
  address: { country_code: 'fr', state: 'Île-de-France' },
}

const OPTIONS: optional_conf = { mode: 0, tag_key: undefined, map_value: undefined, warnings_severity: undefined, locale: 'fr' }

/** Parses a value; throws the package's error (in French) when it cannot. */
export function analyserHoraires(valeur: string): OpeningHours {
  return new OpeningHours(valeur, CONTEXTE_FRANCE, OPTIONS)
}

const premiereLigne = (message: unknown): string =>
  String(message).split('\n')[0]?.replace(/\s+/g, ' ').trim().slice(0, 240) ?? ''

interface Verdict {
  valeur: string | null
  problemes: Constat['problemes']
}

/**
 * Parsing costs about 0.4 ms per value (the package rebuilds its correction tables for every
 * value), and the same few hundred writings recur across thousands of places: verdicts are cached.
 */
const verdicts = new Map<string, Verdict>()
const TAILLE_CACHE = 20_000

export function lireHoraires(brut: unknown, constat: Constat): string | null {
  const texte = nettoyerLigne(brut)
  if (texte === null) return null
  let verdict = verdicts.get(texte)
  if (!verdict) {
    const local = new Constat()
    verdict = { valeur: juger(texte, local), problemes: local.problemes }
    if (verdicts.size >= TAILLE_CACHE) verdicts.clear()
    verdicts.set(texte, verdict)
  }
  for (const p of verdict.problemes) constat.signaler(p.niveau, 'horaires', brut, p.message)
  return verdict.valeur
}

/**
 * A rewrite that produced a rule with no day (« …; 09:00-12:00 ») from a value that named days
 * would open the place every day: « Mo 14-17;9-12 » meant something else. Not a safe correction.
 */
function regleSansJour(propre: string, original: string): boolean {
  const nommeDesJours = /\b(Mo|Tu|We|Th|Fr|Sa|Su|PH|lun|mar|mer|jeu|ven|sam|dim)/i.test(original)
  return nommeDesJours && propre.split(';').some((regle) => /^\s*\d/.test(regle))
}

const JOUR_EN_FRANCAIS = /\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|tous les jours)/i

function juger(texte: string, constat: Constat): string | null {
  const brut = texte
  // The national pipeline writes « 24/7 » as « Mo-Sun 00:00-00:00 ».
  if (/^Mo-Sun? 00:00-(00|24):00$/.test(texte)) {
    constat.correction('horaires', brut, 'Horaires « ouvert en permanence » réécrits « 24/7 ».')
    return '24/7'
  }
  let analyse: OpeningHours
  try {
    analyse = analyserHoraires(texte)
  } catch (erreur) {
    const libre = texteLibre(texte, constat)
    if (libre !== null) return libre
    if (JOUR_EN_FRANCAIS.test(texte)) {
      constat.avertissement(
        'horaires',
        brut,
        `Les horaires en texte libre « ${texte} » ne peuvent pas être convertis sans ambiguïté dans la syntaxe OpenStreetMap (par exemple « Mo-Fr 09:00-12:00,14:00-17:00 ») : ils sont ignorés ; le texte reste dans l'enregistrement source.`,
      )
      return null
    }
    constat.avertissement(
      'horaires',
      brut,
      `Les horaires « ${texte} » ne suivent pas la syntaxe OpenStreetMap (par exemple « Mo-Fr 09:00-12:00,14:00-17:00 ») : ils sont ignorés. Détail : ${premiereLigne(erreur)}`,
    )
    return null
  }
  const remarques = analyse.getWarnings()
  if (remarques.length === 0) return texte
  const libre = texteLibre(texte, constat)
  if (libre !== null) return libre
  const propre = analyse.prettifyValue()
  try {
    if (analyserHoraires(propre).getWarnings().length === 0 && !regleSansJour(propre, texte)) {
      constat.correction('horaires', brut, `Horaires réécrits dans la syntaxe OpenStreetMap : « ${propre} ».`)
      return propre
    }
  } catch {
    // fall through: the prettified form is not usable either
  }
  constat.avertissement(
    'horaires',
    brut,
    `Les horaires « ${texte} » sont ambigus : ils sont ignorés. Détail : ${premiereLigne(remarques[0])}`,
  )
  return null
}

/** French free text converted by `texteVersOsm`, if the result is clean OSM; reported as a correction. */
function texteLibre(texte: string, constat: Constat): string | null {
  const osm = texteVersOsm(texte)
  if (osm === null) return null
  try {
    if (analyserHoraires(osm).getWarnings().length > 0) return null
  } catch {
    return null
  }
  constat.correction('horaires', texte, `Horaires écrits en texte libre convertis dans la syntaxe OpenStreetMap : « ${osm} ».`)
  return osm
}
