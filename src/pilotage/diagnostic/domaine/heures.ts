/**
 * The weekly opening hours of a place (pure): its OSM `opening_hours` value evaluated over a
 * reference week — Monday 10 to Monday 17 March 2025, local time (Europe/Paris on the servers and
 * benchmarks): no public holiday in any French région, no daylight-saving change, school in
 * session. A value that cannot be read, or is empty, counts 0 hours (unknown, not « closed »: the
 * page says so). `24/7` counts 168 hours.
 */
import OpeningHours, { type optional_conf } from 'opening_hours'

const OPTIONS: optional_conf = { mode: 0, tag_key: undefined, map_value: undefined, warnings_severity: undefined, locale: 'fr' }
const NOMINATIM = { lat: 46.5, lon: 2.5, address: { country_code: 'fr', state: 'Île-de-France' } }

export const SEMAINE_DE_REFERENCE = { du: new Date(2025, 2, 10), au: new Date(2025, 2, 17) } as const

/** Hours open in the reference week (rounded to the minute), 0 when unreadable or empty. */
export function heuresHebdomadaires(valeur: string | null | undefined): number {
  if (!valeur || valeur.trim() === '') return 0
  try {
    const oh = new OpeningHours(valeur, NOMINATIM, OPTIONS)
    let minutes = 0
    for (const [debut, fin] of oh.getOpenIntervals(SEMAINE_DE_REFERENCE.du, SEMAINE_DE_REFERENCE.au)) {
      minutes += Math.round((fin.getTime() - debut.getTime()) / 60_000)
    }
    return minutes / 60
  } catch {
    return 0
  }
}
