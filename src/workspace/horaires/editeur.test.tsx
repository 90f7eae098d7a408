import { parseHTML } from 'linkedom'
import { render } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import { EditeurHoraires, type PropsEditeurHoraires } from './editeur.tsx'
import { lireHoraires } from './formulaire.ts'
import { depuisOsm, NOMS_JOURS } from './modele.ts'

const OSM = 'Mo-Fr 09:00-12:00,14:00-17:00; Sa 18:00-24:00; PH off; 2099 Aug 03-2099 Aug 21 off'

function rendre(p: Partial<PropsEditeurHoraires> = {}) {
  const html = render(<EditeurHoraires semaine={depuisOsm(OSM)} osm={OSM} erreurs={[]} {...p} />)
  return { html, document: parseHTML(`<!doctype html><html><body>${html}</body></html>`).document }
}

type Champ = HTMLInputElement | HTMLTextAreaElement
const champs = (document: Document): Champ[] => Array.from(document.querySelectorAll<Champ>('input:not([type="hidden"]), textarea'))
const libelle = (document: Document, id: string) => document.querySelector(`label[for="${id}"]`)?.textContent ?? ''

describe('EditeurHoraires', () => {
  it('donne à chaque champ un libellé complet et un id égal à son nom', () => {
    const { document } = rendre()
    const tous = champs(document)
    for (const c of tous) expect(c.id).toBe(c.getAttribute('type') === 'radio' ? c.id : c.getAttribute('name'))
    expect(new Set(tous.map((c) => c.id)).size).toBe(tous.length)
    const creneaux = tous.filter((c) => c.getAttribute('type') === 'time')
    expect(creneaux).toHaveLength(42)
    expect(creneaux.slice(0, 6).map((c) => [c.id, libelle(document, c.id)])).toEqual([
      ['horaires_j1_c1_de', 'Lundi, créneau 1, de'],
      ['horaires_j1_c1_a', 'Lundi, créneau 1, à'],
      ['horaires_j1_c2_de', 'Lundi, créneau 2, de'],
      ['horaires_j1_c2_a', 'Lundi, créneau 2, à'],
      ['horaires_j1_c3_de', 'Lundi, créneau 3, de'],
      ['horaires_j1_c3_a', 'Lundi, créneau 3, à'],
    ])
    expect(libelle(document, 'horaires_j7_c3_a')).toBe('Dimanche, créneau 3, à')
    expect(tous.filter((c) => c.getAttribute('type') === 'date').map((c) => libelle(document, c.id))).toEqual([
      'Fermeture exceptionnelle 1, du',
      'Fermeture exceptionnelle 1, au',
      'Fermeture exceptionnelle 2, du',
      'Fermeture exceptionnelle 2, au',
    ])
    expect(libelle(document, 'horaires_feries_fermes')).toBe('Fermé les jours fériés')
    expect(libelle(document, 'horaires_osm')).toBe('Horaires au format OpenStreetMap')
    for (const c of tous) expect(libelle(document, c.id), c.id).not.toBe('')
  })

  it('groupe chaque jour dans un fieldset à sa légende, dans le fieldset « Horaires d’ouverture » décrit par son aide', () => {
    const { document } = rendre()
    const groupe = document.querySelector('fieldset#horaires')
    expect(groupe?.querySelector('legend')?.textContent).toBe('Horaires d’ouverture')
    expect(document.getElementById(groupe?.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^Jusqu’à 3 créneaux par jour/)
    const legendes = Array.from(document.querySelectorAll('fieldset.horaires-jour > legend')).map((l) => l.textContent)
    expect(legendes).toEqual([...NOMS_JOURS, 'Fermetures exceptionnelles'])
    expect(document.querySelector('fieldset.horaires-jour')?.querySelectorAll('input[type="time"]')).toHaveLength(6)
  })

  it('remplit les champs depuis la semaine, minuit en fin de créneau écrit 00:00', () => {
    const { document } = rendre()
    const valeur = (id: string) => document.getElementById(id)?.getAttribute('value') ?? ''
    expect([valeur('horaires_j1_c1_de'), valeur('horaires_j1_c1_a'), valeur('horaires_j1_c2_de'), valeur('horaires_j1_c2_a'), valeur('horaires_j1_c3_de')]).toEqual(['09:00', '12:00', '14:00', '17:00', ''])
    expect([valeur('horaires_j6_c1_de'), valeur('horaires_j6_c1_a'), valeur('horaires_j7_c1_de')]).toEqual(['18:00', '00:00', ''])
    expect([valeur('horaires_fermeture1_du'), valeur('horaires_fermeture1_au'), valeur('horaires_fermeture2_du')]).toEqual(['2099-08-03', '2099-08-21', ''])
    expect(document.getElementById('horaires_feries_fermes')?.hasAttribute('checked')).toBe(true)
  })

  it('montre l’aperçu dans un paragraphe d’état, et le texte OpenStreetMap', () => {
    const { document } = rendre({ apercu: 'Ouvert maintenant · ferme à 17 h' })
    expect(document.querySelector('[role="status"]')?.textContent).toBe('Aperçu : Ouvert maintenant · ferme à 17 h')
    expect(document.querySelector('code')?.textContent).toBe(OSM)
    expect(rendre().document.querySelector('[role="status"]')).toBeNull()
    expect(rendre({ semaine: depuisOsm(''), osm: '' }).html).toContain('Format OpenStreetMap : aucun horaire')
  })

  it('met chaque erreur à côté de son champ : aria-invalid, message relié par aria-describedby, plusieurs messages réunis', () => {
    const erreurs = [
      { champ: 'horaires_j1_c2_a', message: 'Lundi, créneau 2 : l’heure de fin (12:00) doit être après l’heure de début (14:00).' },
      { champ: 'horaires_j3_c3_de', message: 'Mercredi : les créneaux 1 et 3 se chevauchent.' },
      { champ: 'horaires_j3_c3_de', message: 'Mercredi : les créneaux 2 et 3 se chevauchent.' },
      { champ: 'horaires_fermeture2_au', message: 'Fermeture exceptionnelle 2 : indiquez aussi la date de fin.' },
    ]
    const { document } = rendre({ erreurs })
    const enErreur = champs(document).filter((c) => c.getAttribute('aria-invalid') === 'true')
    expect(enErreur.map((c) => c.id)).toEqual(['horaires_j1_c2_a', 'horaires_j3_c3_de', 'horaires_fermeture2_au'])
    const message = (id: string) => document.getElementById(document.getElementById(id)?.getAttribute('aria-describedby') ?? '')?.textContent
    expect(document.getElementById('horaires_j1_c2_a')?.getAttribute('aria-describedby')).toBe('horaires_j1_c2_a-erreur')
    expect(message('horaires_j1_c2_a')).toBe('Erreur : Lundi, créneau 2 : l’heure de fin (12:00) doit être après l’heure de début (14:00).')
    expect(message('horaires_j3_c3_de')).toBe('Erreur : Mercredi : les créneaux 1 et 3 se chevauchent. Mercredi : les créneaux 2 et 3 se chevauchent.')
    expect(message('horaires_fermeture2_au')).toBe('Erreur : Fermeture exceptionnelle 2 : indiquez aussi la date de fin.')
    expect(document.getElementById('horaires_j1_c2_a-erreur')?.closest('.horaires-paire')?.classList.contains('champ-en-erreur')).toBe(true)
    expect(document.getElementById('horaires_j1_c2_de')?.hasAttribute('aria-invalid')).toBe(false)
    expect(document.querySelector('details')?.hasAttribute('open')).toBe(false)
  })

  it('ferme la saisie avancée et choisit la saisie par jour quand la semaine est connue', () => {
    const { document } = rendre()
    expect(document.querySelector('details')?.hasAttribute('open')).toBe(false)
    expect(document.querySelector('details summary')?.textContent).toBe('Saisie avancée (format OpenStreetMap)')
    expect(document.querySelector('input[name="horaires_mode"][checked]')?.getAttribute('value')).toBe('simple')
    expect(document.querySelector('textarea#horaires_osm')?.textContent).toBe(OSM)
    expect(document.querySelector('input[type="hidden"][name="horaires_osm_origine"]')?.getAttribute('value')).toBe(OSM)
    expect(document.querySelector('.bandeau')).toBeNull()
  })

  it('ouvre la saisie avancée, l’explique et la choisit quand la semaine est inconnue', () => {
    const osm = 'week 1-53/2 Mo 09:00-12:00'
    const { document } = rendre({ semaine: undefined, osm })
    const details = document.querySelector('details')
    expect(details?.hasAttribute('open')).toBe(true)
    expect(details?.querySelector('p')?.textContent).toMatch(/^Ces horaires sont trop complexes pour la saisie par jour \(par exemple plus de 3 créneaux/)
    expect(document.querySelector('input[name="horaires_mode"][checked]')?.getAttribute('value')).toBe('avance')
    expect(document.querySelector('.bandeau a')?.getAttribute('href')).toBe('#horaires_osm')
    expect(document.getElementById('horaires_j1_c1_de')?.getAttribute('value') ?? '').toBe('')
    expect(document.querySelector('textarea')?.textContent).toBe(osm)
  })

  it('ouvre la saisie avancée sur une erreur du texte OpenStreetMap, ou du choix de saisie sans changer ce choix', () => {
    const surOsm = rendre({ erreurs: [{ champ: 'horaires_osm', message: 'Horaires (format OpenStreetMap) : illisible.' }] }).document
    expect(surOsm.querySelector('details')?.hasAttribute('open')).toBe(true)
    expect(surOsm.querySelector('input[name="horaires_mode"][checked]')?.getAttribute('value')).toBe('avance')
    expect(surOsm.querySelector('textarea')?.getAttribute('aria-invalid')).toBe('true')
    expect(surOsm.querySelector('textarea')?.getAttribute('aria-describedby')).toBe('horaires_osm-aide horaires_osm-erreur')
    expect(surOsm.getElementById('horaires_osm-erreur')?.textContent).toBe('Erreur : Horaires (format OpenStreetMap) : illisible.')

    const surMode = rendre({ erreurs: [{ champ: 'horaires_mode', message: 'Saisie avancée : choisissez.' }] }).document
    expect(surMode.querySelector('details')?.hasAttribute('open')).toBe(true)
    expect(surMode.querySelector('input[name="horaires_mode"][checked]')?.getAttribute('value')).toBe('simple')
    expect(surMode.getElementById('horaires_mode-erreur')?.textContent).toBe('Erreur : Saisie avancée : choisissez.')
  })

  it('renvoie tel quel ce qu’il montre : le formulaire envoyé sans changement redonne la valeur', () => {
    // browsers decode character references in a textarea; linkedom leaves them
    const texteDe = (brut: string) => brut.replace(/&(quot|amp|lt|gt|#39);/g, (_, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'" })[e] ?? '')
    /** What a browser posts: values of inputs, ticked boxes and buttons, text areas. */
    const envoi = (document: Document) => {
      const corps: Record<string, string> = {}
      for (const c of champs(document).concat(Array.from(document.querySelectorAll<HTMLInputElement>('input[type="hidden"]')))) {
        const type = c.getAttribute('type')
        if ((type === 'checkbox' || type === 'radio') && !c.hasAttribute('checked')) continue
        corps[c.getAttribute('name') ?? ''] = c.tagName === 'TEXTAREA' ? texteDe(c.textContent ?? '') : (c.getAttribute('value') ?? '')
      }
      return corps
    }
    for (const osm of [OSM, 'Mo,We 09:30-12:00; Tu 08:00-10:00,10:30-12:00,14:00-18:45', '24/7', '']) {
      const lu = lireHoraires(envoi(rendre({ semaine: depuisOsm(osm), osm }).document), '2026-06-01')
      expect(lu, osm).toEqual({ semaine: depuisOsm(osm), osm, erreurs: [], avance: false })
    }
    const complexe = 'Mo-Fr 08:00-18:00 "sur rendez-vous"'
    expect(lireHoraires(envoi(rendre({ semaine: undefined, osm: complexe }).document), '2026-06-01')).toEqual({ semaine: undefined, osm: complexe, erreurs: [], avance: true })
  })

  it('n’écrit ni style ni script en ligne', () => {
    const { html } = rendre({ apercu: 'Fermé', erreurs: [{ champ: 'horaires_osm', message: 'x' }] })
    expect(html).not.toMatch(/\sstyle=|<script|\son[a-z]+=/i)
  })
})
