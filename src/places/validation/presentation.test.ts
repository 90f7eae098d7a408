import { describe, expect, it } from 'vitest'
import { LONGUEUR_MAX_RESUME } from '../standard/fields.ts'
import { lirePresentation, lireTexteLibre, nettoyerPresentation, raccourcir } from './presentation.ts'
import { Constat } from './problems.ts'

const PHRASE = 'Notre association propose des ateliers numériques pour tous les publics du quartier. '
const LONG = PHRASE.repeat(5).trim() // 424 caractères

function lire(resume: unknown, detail: unknown) {
  const constat = new Constat()
  return { ...lirePresentation(resume, detail, constat), problemes: constat.problemes }
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

describe('lirePresentation', () => {
  it('garde sans remarque un résumé de 280 caractères au plus', () => {
    const juste = 'a'.repeat(LONGUEUR_MAX_RESUME)
    expect(lire(juste, null)).toEqual({ presentation_resume: juste, presentation_detail: null, problemes: [] })
    expect(lire('Court.', 'Détail.')).toEqual({ presentation_resume: 'Court.', presentation_detail: 'Détail.', problemes: [] })
  })

  it('raccourcit un résumé trop long à 280 caractères au plus, sur une fin de mot, terminé par « … »', () => {
    expect(LONG.length).toBeGreaterThan(LONGUEUR_MAX_RESUME)
    const { presentation_resume: resume } = lire(LONG, null)
    expect(resume).not.toBeNull()
    const court = resume as string
    expect(court.length).toBeLessThanOrEqual(LONGUEUR_MAX_RESUME)
    expect(court.endsWith('…')).toBe(true)
    const sansPoints = court.slice(0, -1)
    expect(LONG.startsWith(sansPoints)).toBe(true)
    // coupé entre deux mots : le caractère suivant dans le texte d’origine n’est pas une lettre
    expect(LONG[sansPoints.length]).toMatch(/[\s.,;:]/)
    expect(sansPoints).not.toMatch(/[\s,;:.-]$/)
    // et pas trop court non plus
    expect(court.length).toBeGreaterThan(LONGUEUR_MAX_RESUME * 0.6)
  })

  it('reporte le texte complet dans la présentation détaillée quand elle est vide, avec une correction', () => {
    const r = lire(LONG, null)
    expect(r.presentation_detail).toBe(LONG)
    expect(r.problemes).toHaveLength(1)
    expect(r.problemes[0]).toMatchObject({ niveau: 'correction', champ: 'presentation_resume' })
    expect(r.problemes[0]?.message).toMatch(/présentation détaillée/)
    expect(r.problemes[0]?.message).toContain(String(LONG.length))
  })

  it('garde la présentation détaillée existante, sans l’écraser', () => {
    const r = lire(LONG, 'Le détail rédigé par le producteur.')
    expect(r.presentation_detail).toBe('Le détail rédigé par le producteur.')
    expect((r.presentation_resume as string).length).toBeLessThanOrEqual(LONGUEUR_MAX_RESUME)
    expect(r.problemes.map((p) => p.niveau)).toEqual(['correction'])
    expect(r.problemes[0]?.message).not.toMatch(/présentation détaillée/)
  })

  it('mesure le résumé après nettoyage du HTML', () => {
    const html = `<p>${'x'.repeat(270)}</p>&amp;<br>`
    expect(lire(html, null)).toEqual({ presentation_resume: `${'x'.repeat(270)}\n&`, presentation_detail: null, problemes: [] })
  })

  it('coupe un résumé sans espace à 280 caractères exactement', () => {
    const r = lire('x'.repeat(300), null)
    expect(r.presentation_resume).toBe(`${'x'.repeat(279)}…`)
  })

  it('ne coupe pas un émoji en deux', () => {
    const texte = `${'a'.repeat(278)}👉${'b'.repeat(30)}`
    const r = lire(texte, null)
    expect((r.presentation_resume as string).length).toBeLessThanOrEqual(LONGUEUR_MAX_RESUME)
    expect(r.presentation_resume).not.toMatch(loneSurrogate)
  })

  it('renvoie null pour des textes absents', () => {
    expect(lire(undefined, '')).toEqual({ presentation_resume: null, presentation_detail: null, problemes: [] })
  })
})

describe('nettoyerPresentation', () => {
  it.each([
    // écritures relevées dans data-inclusion-2023.json
    ['Accueil<br>Ateliers &amp; permanences', 'Accueil\nAteliers & permanences'],
    ['Ateliers\r\n\\- tablette\r\n\\- ordinateur', 'Ateliers\n- tablette\n- ordinateur'],
    ['**Notre action s’articule autour de trois axes :**\n\n- La définition de votre projet', 'Notre action s’articule autour de trois axes :\n\n- La définition de votre projet'],
    ['#### Les engagements de la Mission Locale Aveyron:\n\nLa Mission Locale…', 'Les engagements de la Mission Locale Aveyron:\n\nLa Mission Locale…'],
    ['**Notre mission** : orienter, former et insérer** **des femmes', 'Notre mission : orienter, former et insérer des femmes'],
    ['* un atelier\n* une permanence', '- un atelier\n- une permanence'],
  ])('rend %j en texte simple', (brut, attendu) => {
    expect(nettoyerPresentation(brut)).toBe(attendu)
  })

  it('garde les soulignés et astérisques qui ne sont pas de la mise en forme', () => {
    expect(nettoyerPresentation('Écrivez à accueil_numerique@ville.fr (5 * 2 séances)')).toBe('Écrivez à accueil_numerique@ville.fr (5 * 2 séances)')
  })

  it('nettoie aussi la présentation lue par lirePresentation', () => {
    expect(lire('**Ateliers** numériques', '### Détail\nTous les mardis').presentation_resume).toBe('Ateliers numériques')
    expect(lire(undefined, '### Détail\nTous les mardis').presentation_detail).toBe('Détail\nTous les mardis')
  })
})

describe('raccourcir', () => {
  it('ne touche pas un texte assez court', () => {
    expect(raccourcir('Bonjour', 10)).toBe('Bonjour')
  })
  it('retire la ponctuation avant les points de suspension', () => {
    expect(raccourcir('Un deux, trois quatre cinq six', 16)).toBe('Un deux, trois…')
  })
})

describe('lireTexteLibre', () => {
  it('nettoie un texte d’une ligne', () => {
    expect(lireTexteLibre(' Hubik <br> et partenaires ')).toBe('Hubik et partenaires')
    expect(lireTexteLibre('')).toBeNull()
  })
})
