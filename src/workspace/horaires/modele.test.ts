import { describe, expect, it } from 'vitest'
import { analyserHoraires } from '../../places/validation/horaires.ts'
import { depuisOsm, SEMAINE_VIDE, sansFermeturesPassees, semaineValide, semaineVide, versOsm, type Creneau, type SemaineHoraires } from './modele.ts'

const c = (de: string, a: string): Creneau => ({ de, a })
const MATIN = c('09:00', '12:00')
const APRES_MIDI = c('14:00', '17:00')

/** A week from its days, Monday first; missing days are closed. */
function semaine(jours: Creneau[][], autre: Partial<SemaineHoraires> = {}): SemaineHoraires {
  return { jours: Array.from({ length: 7 }, (_, i) => jours[i] ?? []), feriesFermes: false, fermetures: [], ...autre }
}

describe('versOsm', () => {
  it('regroupe les jours consécutifs aux mêmes créneaux, puis les jours fériés', () => {
    const s = semaine([[MATIN, APRES_MIDI], [MATIN, APRES_MIDI], [MATIN, APRES_MIDI], [MATIN, APRES_MIDI], [MATIN, APRES_MIDI], [MATIN]], { feriesFermes: true })
    expect(versOsm(s)).toBe('Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off')
  })

  it('joint par des virgules les jours identiques non consécutifs, et les suites de deux jours', () => {
    expect(versOsm(semaine([[MATIN], [], [MATIN]]))).toBe('Mo,We 09:00-12:00')
    expect(versOsm(semaine([[MATIN], [MATIN], [MATIN], [APRES_MIDI], [MATIN]]))).toBe('Mo-We,Fr 09:00-12:00; Th 14:00-17:00')
    expect(versOsm(semaine([[], [], [], [], [], [MATIN], [MATIN]]))).toBe('Sa,Su 09:00-12:00')
    expect(versOsm(semaine([[APRES_MIDI], [MATIN], [MATIN], [MATIN], [MATIN], [MATIN], [APRES_MIDI]]))).toBe('Mo,Su 14:00-17:00; Tu-Sa 09:00-12:00')
  })

  it('écrit les fermetures exceptionnelles après les jours, un seul jour sans plage', () => {
    const s = semaine([[MATIN]], { feriesFermes: true, fermetures: [{ du: '2026-08-03', au: '2026-08-21' }, { du: '2026-12-24', au: '2026-12-24' }] })
    expect(versOsm(s)).toBe('Mo 09:00-12:00; PH off; 2026 Aug 03-2026 Aug 21 off; 2026 Dec 24 off')
    expect(versOsm(semaine([[MATIN]], { fermetures: [{ du: '2026-12-28', au: '2027-01-02' }] }))).toBe('Mo 09:00-12:00; 2026 Dec 28-2027 Jan 02 off')
  })

  it('rend une chaîne vide sans aucun créneau, 24/7 pour une semaine ouverte jour et nuit', () => {
    expect(versOsm(SEMAINE_VIDE)).toBe('')
    const toujours = semaine(Array.from({ length: 7 }, () => [c('00:00', '24:00')]))
    expect(versOsm(toujours)).toBe('24/7')
    expect(versOsm({ ...toujours, feriesFermes: true })).toBe('Mo-Su 00:00-24:00; PH off')
    expect(versOsm(semaine([[c('18:00', '24:00')]]))).toBe('Mo 18:00-24:00')
  })

  it('écrit des valeurs que le paquet opening_hours lit sans remarque', () => {
    const s = semaine([[MATIN, APRES_MIDI], [], [MATIN], [], [MATIN, APRES_MIDI]], { feriesFermes: true, fermetures: [{ du: '2099-08-03', au: '2099-08-21' }, { du: '2099-12-24', au: '2099-12-24' }] })
    expect(analyserHoraires(versOsm(s)).getWarnings()).toEqual([])
  })
})

describe('depuisOsm', () => {
  it('relit les valeurs courantes', () => {
    expect(depuisOsm('Mo-Fr 09:00-12:00, 14:00-17:00')).toEqual(semaine(Array.from({ length: 5 }, () => [MATIN, APRES_MIDI])))
    expect(depuisOsm('Mo 09:00-12:00; Tu 14:00-18:00')).toEqual(semaine([[MATIN], [c('14:00', '18:00')]]))
    expect(depuisOsm('Mo-Sa 10:00-18:00; PH off')).toEqual(semaine(Array.from({ length: 6 }, () => [c('10:00', '18:00')]), { feriesFermes: true }))
    expect(depuisOsm('24/7')).toEqual(semaine(Array.from({ length: 7 }, () => [c('00:00', '24:00')])))
    expect(depuisOsm('Tu,Th 14:00-18:00; We 10:00-12:00,14:00-18:00')).toEqual(semaine([[], [c('14:00', '18:00')], [c('10:00', '12:00'), c('14:00', '18:00')], [c('14:00', '18:00')]]))
    expect(depuisOsm('Mo-Fr 08:30-12:30; PH off')?.jours[4]).toEqual([c('08:30', '12:30')])
  })

  it('accepte les variantes simples : créneaux dans le désordre, heures à un chiffre, jours fermés, règle qui remplace un jour', () => {
    expect(depuisOsm('Mo 14:00-17:00,9:00-12:00')).toEqual(semaine([[MATIN, APRES_MIDI]]))
    expect(depuisOsm('Mo-Fr 09:00-12:00; Sa,Su off')).toEqual(semaine(Array.from({ length: 5 }, () => [MATIN])))
    expect(depuisOsm('Mo-Fr 09:00-18:00; We 09:00-12:00')).toEqual(semaine([[c('09:00', '18:00')], [c('09:00', '18:00')], [MATIN], [c('09:00', '18:00')], [c('09:00', '18:00')]]))
    expect(depuisOsm('Sa-Mo 09:00-12:00')).toEqual(semaine([[MATIN], [], [], [], [], [MATIN], [MATIN]]))
    expect(depuisOsm('  Mo-Fr  09:00-12:00 ; PH  off ')).toEqual(semaine(Array.from({ length: 5 }, () => [MATIN]), { feriesFermes: true }))
    expect(depuisOsm('09:00-12:00')).toEqual(semaine(Array.from({ length: 7 }, () => [MATIN])))
  })

  it('relit les fermetures, plage complète, abrégée ou d’un jour', () => {
    const f = (osm: string) => depuisOsm(`Mo 09:00-12:00; ${osm}`)?.fermetures
    expect(f('2026 Aug 03-2026 Aug 21 off')).toEqual([{ du: '2026-08-03', au: '2026-08-21' }])
    expect(f('2026 Aug 03-21 off')).toEqual([{ du: '2026-08-03', au: '2026-08-21' }])
    expect(f('2026 Jul 27-Aug 14 off')).toEqual([{ du: '2026-07-27', au: '2026-08-14' }])
    expect(f('2026 Dec 28-2027 Jan 02 off')).toEqual([{ du: '2026-12-28', au: '2027-01-02' }])
    expect(f('2026 Dec 24 closed')).toEqual([{ du: '2026-12-24', au: '2026-12-24' }])
  })

  it.each([
    ['week 1-53/2 Mo 09:00-12:00'],
    ['Mo-Fr 08:00-18:00 "sur rendez-vous"'],
    ['Mo 08:00-09:00,10:00-11:00,12:00-13:00,14:00-15:00'],
    ['Mo 09:00-12:00,11:00-13:00'],
    ['Mo 22:00-02:00'],
    ['PH off; Mo-Fr 09:00-12:00'],
    ['2026 Aug 03 off; Mo-Fr 09:00-12:00'],
    ['Mo-Fr 09:00-12:00; PH 10:00-12:00'],
    ['Mo-Fr 09:00-12:00; Dec 25 off'],
    ['Jan-Jun Mo 09:00-12:00'],
    ['Mo[1] 09:00-12:00'],
    ['Mo-Fr sunrise-sunset'],
    ['Mo-Fr 09:00-12:00, Sa 10:00-12:00'],
    ['Mo-Fr 09:00-12:00; 2026 Feb 30 off'],
    ['Mo-Fr 09:00-12:00; 2026 Aug 21-2026 Aug 03 off'],
    ['Mo 09:00-12:00; 2026 Jan 01 off; 2026 Feb 01 off; 2026 Mar 01 off'],
    ['Mo-Fr off'],
    ['PH off'],
    ['Mo-Fr 25:00-26:00'],
    ['Mo-Fr 09:00-12:00;'],
  ])('ne représente pas %j', (osm) => {
    expect(depuisOsm(osm)).toBeUndefined()
  })

  it('relit une chaîne vide comme une semaine vide, qu’on peut modifier', () => {
    const s = depuisOsm('')
    expect(s).toEqual(SEMAINE_VIDE)
    s?.jours[0]?.push(MATIN)
    expect(SEMAINE_VIDE.jours[0]).toEqual([])
  })

  it('relit à l’identique ce que versOsm écrit', () => {
    for (const osm of ['Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off', 'Mo,We 09:00-12:00', 'Mo-We,Fr 09:00-12:00; Th 14:00-17:00', '24/7', 'Mo 09:00-12:00; 2026 Aug 03-2026 Aug 21 off; 2026 Dec 24 off']) {
      const s = depuisOsm(osm)
      expect(s && versOsm(s)).toBe(osm)
    }
  })
})

/** Mulberry32: the same weeks on every run. */
function generateur(graine: number): () => number {
  let a = graine
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

/** A random valid week: a few distinct day patterns (so that days group), slots on quarter hours. */
function semaineAuHasard(hasard: () => number): SemaineHoraires {
  const entier = (n: number) => Math.floor(hasard() * n)
  const motifs = Array.from({ length: 1 + entier(3) }, () => {
    const bornes = new Set<number>()
    const nombre = entier(4) * 2
    while (bornes.size < nombre) bornes.add(entier(97) * 15)
    const tri = [...bornes].sort((x, y) => x - y)
    return Array.from({ length: nombre / 2 }, (_, i) => c(hhmm(tri[2 * i] ?? 0), hhmm(tri[2 * i + 1] ?? 0)))
  })
  const jours = Array.from({ length: 7 }, () => (motifs[entier(motifs.length)] ?? []).map((x) => ({ ...x })))
  if (jours.every((j) => j.length === 0)) return semaineVide()
  const date = () => `20${90 + entier(10)}-${String(1 + entier(12)).padStart(2, '0')}-${String(1 + entier(28)).padStart(2, '0')}`
  const fermetures = Array.from({ length: entier(3) }, () => {
    const [du, au] = [date(), hasard() < 0.3 ? '' : date()]
    return au === '' ? { du, au: du } : du <= au ? { du, au } : { du: au, au: du }
  })
  return { jours, feriesFermes: hasard() < 0.5, fermetures }
}

describe('aller-retour', () => {
  it('depuisOsm(versOsm(s)) redonne s pour 2 000 semaines valides, et le paquet les lit sans remarque', () => {
    const hasard = generateur(20260803)
    const vues = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      const s = semaineAuHasard(hasard)
      expect(semaineValide(s)).toBe(true)
      const osm = versOsm(s)
      vues.add(osm)
      expect(depuisOsm(osm), osm).toEqual(s)
      if (i % 20 === 0 && osm !== '') expect(analyserHoraires(osm).getWarnings(), osm).toEqual([])
    }
    // the generator does explore: many distinct values, with ranges, lists, holidays, closures
    expect(vues.size).toBeGreaterThan(1500)
    for (const motif of [/[A-Z][a-z]-[A-Z][a-z]/, /[A-Z][a-z],[A-Z][a-z]/, /; PH off/, /\d{4} [A-Z][a-z]{2} \d{2}-\d{4}/, /\d{2} off$/, /24:00/]) {
      expect([...vues].some((v) => motif.test(v)), String(motif)).toBe(true)
    }
  })
})

describe('semaineValide et sansFermeturesPassees', () => {
  it('refuse ce que l’éditeur ne montre pas', () => {
    expect(semaineValide(semaine([[MATIN, APRES_MIDI]]))).toBe(true)
    expect(semaineValide(semaine([[APRES_MIDI, MATIN]]))).toBe(false)
    expect(semaineValide(semaine([[c('09:00', '12:00'), c('11:00', '13:00')]]))).toBe(false)
    expect(semaineValide(semaine([[c('08:00', '09:00'), c('10:00', '11:00'), c('12:00', '13:00'), c('14:00', '15:00')]]))).toBe(false)
    expect(semaineValide(semaine([[c('22:00', '02:00')]]))).toBe(false)
    expect(semaineValide(semaine([], { feriesFermes: true }))).toBe(false)
    expect(semaineValide({ ...semaine([[MATIN]]), jours: [[MATIN]] })).toBe(false)
  })

  it('oublie les fermetures finies avant aujourd’hui', () => {
    const s = semaine([[MATIN]], { fermetures: [{ du: '2026-08-03', au: '2026-08-21' }, { du: '2026-12-24', au: '2026-12-24' }] })
    expect(sansFermeturesPassees(s, '2026-11-22').fermetures).toEqual([{ du: '2026-12-24', au: '2026-12-24' }])
    expect(sansFermeturesPassees(s, '2026-08-21').fermetures).toHaveLength(2)
  })
})
