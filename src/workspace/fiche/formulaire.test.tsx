/**
 * The place-editing form as rendered on the server: groups and labels, the error summary with
 * links to existing inputs, `aria-invalid` on fields in error, no inline style nor script, and a
 * place that comes back unchanged when its prefilled form is posted as a browser would.
 */
import { parseHTML } from 'linkedom'
import { render } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import { referentiel } from '../../territories/referentiel.ts'
import { depuisOsm } from '../horaires/modele.ts'
import { AUJOURDHUI, HORAIRES_POSTES, LIEU_CHAMBERY } from './exemple.ts'
import { FormulaireFiche, type PropsFormulaireFiche } from './formulaire.tsx'
import { lireFiche, valeursDepuisLieu, type FicheLue } from './lecture.ts'

const contexte = { id: LIEU_CHAMBERY.id, aujourdhui: AUJOURDHUI, referentiel: referentiel(), source: LIEU_CHAMBERY.source }
const osm = LIEU_CHAMBERY.horaires ?? ''

const PROPS: PropsFormulaireFiche = {
  action: '/espace/lieux/lieu-chambery-1',
  jeton: 'jeton-anti-falsification',
  valeurs: valeursDepuisLieu(LIEU_CHAMBERY),
  erreurs: [],
  horaires: { semaine: depuisOsm(osm), osm, erreurs: [] },
}

function rendre(props: PropsFormulaireFiche) {
  const html = render(<FormulaireFiche {...props} />)
  return { html, document: parseHTML(`<!doctype html><html lang="fr"><body>${html}</body></html>`).document }
}

/** The props a page gives to show the form again after reading it. */
const apresLecture = (lue: FicheLue): PropsFormulaireFiche => ({ ...PROPS, valeurs: lue.saisie, erreurs: lue.erreurs, horaires: lue.horaires })

/** What a browser posts for this form: named controls, checked boxes only, the button pressed. */
function soumettre(document: Document, bouton: string): Record<string, string | string[]> {
  const corps: Record<string, string | string[]> = {}
  const ajouter = (nom: string, valeur: string) => {
    const deja = corps[nom]
    corps[nom] = deja === undefined ? valeur : Array.isArray(deja) ? [...deja, valeur] : [deja, valeur]
  }
  for (const el of Array.from(document.querySelectorAll('form input[name], form textarea[name], form select[name]'))) {
    const nom = el.getAttribute('name') ?? ''
    const type = el.getAttribute('type')
    if (el.tagName === 'TEXTAREA') ajouter(nom, el.textContent ?? '')
    else if (type === 'checkbox' || type === 'radio') {
      if (el.hasAttribute('checked')) ajouter(nom, el.getAttribute('value') ?? 'on')
    } else ajouter(nom, el.getAttribute('value') ?? '')
  }
  ajouter('action', bouton)
  return corps
}

describe('FormulaireFiche', () => {
  const { html, document } = rendre(PROPS)

  it('groupe les champs du standard, sans identifiant, source ni date de mise à jour', () => {
    const legendes = Array.from(document.querySelectorAll('form > fieldset > legend')).map((l) => l.textContent)
    expect(legendes).toEqual(['Identité', 'Adresse', 'Contact', 'Horaires d’ouverture', 'Présentation', 'Services et publics'])
    for (const nom of ['id', 'source', 'date_maj']) expect(document.querySelector(`[name="${nom}"]`)).toBeNull()
    expect(document.querySelector('input[type="hidden"][name="jeton"]')?.getAttribute('value')).toBe('jeton-anti-falsification')
    expect(document.querySelector('form')?.getAttribute('action')).toBe('/espace/lieux/lieu-chambery-1')
    expect(document.querySelector('#telephone')?.getAttribute('type')).toBe('tel')
    expect(document.querySelector('#prise_rdv')?.getAttribute('type')).toBe('url')
    expect(document.querySelector('#presentation_resume')?.getAttribute('maxlength')).toBe('280')
  })

  it('a une étiquette par champ, des identifiants uniques, ni style en ligne ni script', () => {
    const controles = Array.from(document.querySelectorAll('input, textarea, select')).filter((c) => c.getAttribute('type') !== 'hidden')
    expect(controles.length).toBeGreaterThan(150)
    const ids = controles.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(document.querySelectorAll(`label[for="${id}"]`), id).toHaveLength(1)
    expect(html).not.toMatch(/\sstyle=/)
    expect(html).not.toMatch(/<script/i)
    expect(document.querySelector('.resume-erreurs')).toBeNull()
  })

  it('replie les longues listes à cocher en disant combien de choix sont cochés', () => {
    const resumes = Array.from(document.querySelectorAll('details > summary')).map((s) => s.textContent)
    expect(resumes).toContain('Services (2 choix cochés)')
    expect(resumes).toContain('Typologie (2 choix cochés)')
    expect(resumes).toContain('Coordonnées GPS (facultatif)')
    expect(document.querySelector('#services')?.closest('details')?.hasAttribute('open')).toBe(false)
    expect(document.querySelector('#frais_a_charge')?.closest('details')).toBeNull()
    const cochees = Array.from(document.querySelectorAll('input[name="services"][checked]')).map((c) => c.getAttribute('value'))
    expect(cochees).toEqual(LIEU_CHAMBERY.services)
  })

  it('« Enregistrer » est le premier bouton ; l’aperçu des horaires est le second', () => {
    const boutons = Array.from(document.querySelectorAll('form button')).map((b) => [b.getAttribute('name'), b.getAttribute('value'), b.textContent])
    expect(boutons).toEqual([
      ['action', 'enregistrer', 'Enregistrer'],
      ['action', 'apercu', 'Voir l’aperçu des horaires'],
    ])
    expect(rendre({ ...PROPS, titreBouton: 'Créer le lieu' }).document.querySelector('button')?.textContent).toBe('Créer le lieu')
  })

  it('envoyé tel quel, le formulaire rend le même lieu', () => {
    const lue = lireFiche(soumettre(document, 'enregistrer'), contexte)
    expect(lue.erreurs).toEqual([])
    expect(lue.lieu).toEqual({ ...LIEU_CHAMBERY, date_maj: AUJOURDHUI })
  })
})

describe('FormulaireFiche avec des erreurs', () => {
  const corps = { ...valeursDepuisLieu(LIEU_CHAMBERY), ...HORAIRES_POSTES, nom: '', courriels: 'pas-un-courriel', services: ['Piratage'], longitude: '', horaires_j1_c1_de: '25h', horaires_j1_c1_a: '12:00' }
  const lue = lireFiche(corps, { ...contexte, maintenant: new Date('2026-11-24T10:30:00+01:00') })
  const { html, document } = rendre(apresLecture(lue))

  it('ouvre le formulaire sur le résumé des erreurs, focalisable, chaque erreur liée à son champ', () => {
    const resume = document.querySelector('form > :first-child')
    expect(resume?.classList.contains('resume-erreurs')).toBe(true)
    expect(resume?.getAttribute('tabindex')).toBe('-1')
    expect(resume?.querySelector('h2')?.textContent).toBe('Il y a 5 erreurs dans le formulaire')
    const liens = Array.from(resume?.querySelectorAll('a') ?? []).map((a) => a.getAttribute('href'))
    // in the order of the page
    expect(liens).toEqual(['#nom', '#latitude', '#courriels', '#horaires_j1_c1_de', '#services'])
    for (const lien of liens) expect(document.getElementById(lien?.slice(1) ?? '')).not.toBeNull()
    const ordre = Array.from(document.querySelectorAll('[id]')).map((e) => e.id)
    const rangs = liens.map((l) => ordre.indexOf(l?.slice(1) ?? ''))
    expect(rangs).toEqual([...rangs].sort((a, b) => a - b))
  })

  it('marque chaque champ en erreur et y affiche son message', () => {
    for (const id of ['nom', 'courriels', 'latitude', 'horaires_j1_c1_de']) {
      const champ = document.getElementById(id)
      expect(champ?.getAttribute('aria-invalid'), id).toBe('true')
      expect(champ?.getAttribute('aria-describedby'), id).toContain(`${id}-erreur`)
    }
    expect(document.getElementById('nom-erreur')?.textContent).toBe('Erreur : Le nom du lieu est obligatoire.')
    expect(document.getElementById('services-erreur')?.textContent).toContain('« Piratage »')
    expect(document.querySelector('#services')?.closest('details')?.hasAttribute('open')).toBe(true)
    expect(document.querySelector('#latitude')?.closest('details')?.hasAttribute('open')).toBe(true)
  })

  it('garde ce qui a été saisi et montre l’aperçu des horaires', () => {
    expect(document.getElementById('courriels')?.textContent).toBe('pas-un-courriel')
    expect(document.getElementById('horaires_j1_c1_de')?.getAttribute('value')).toBe('25h')
    expect(document.getElementById('code_postal')?.getAttribute('value')).toBe('73000')
    expect(html).not.toMatch(/\sstyle=/)
  })

  it('n’annonce pas deux fois une erreur des horaires passée aussi à l’éditeur', () => {
    const seulementEditeur = rendre({ ...apresLecture(lue), erreurs: lue.erreurs.filter((e) => !e.champ.startsWith('horaires')) }).document
    expect(seulementEditeur.querySelectorAll('.resume-erreurs li')).toHaveLength(5)
  })
})

describe('FormulaireFiche : aperçu', () => {
  it('montre l’état d’ouverture calculé', () => {
    const lue = lireFiche({ ...valeursDepuisLieu(LIEU_CHAMBERY), ...HORAIRES_POSTES, action: 'apercu' }, { ...contexte, maintenant: new Date('2026-11-24T10:30:00+01:00') })
    const { document } = rendre(apresLecture(lue))
    expect(document.querySelector('.horaires-apercu')?.textContent).toMatch(/Ouvert maintenant/)
  })
})
