/**
 * `horaires`: OpenStreetMap `opening_hours` syntax, checked with the `opening_hours` package
 * (French public holidays). A value the package reads only with warnings (« Lundi 9h-12h »,
 * « Sun ») is replaced by its prettified form when that form is clean; an unreadable value is
 * dropped with the package's own French explanation.
 */
import OpeningHours, { type nominatim_object, type optional_conf } from 'opening_hours'
import { nettoyerLigne } from '../../platform/text.ts'
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
    constat.avertissement(
      'horaires',
      brut,
      `Les horaires « ${texte} » ne suivent pas la syntaxe OpenStreetMap (par exemple « Mo-Fr 09:00-12:00,14:00-17:00 ») : ils sont ignorés. Détail : ${premiereLigne(erreur)}`,
    )
    return null
  }
  const remarques = analyse.getWarnings()
  if (remarques.length === 0) return texte
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
