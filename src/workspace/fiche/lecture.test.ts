/**
 * Reading the place-editing form: a place comes back unchanged through the form (but its
 * `date_maj`), and every problem — required fields, values the standard's validation would
 * drop, hours, forged choices — is an error tied to its input id.
 */
import { describe, expect, it } from 'vitest'
import { PIVOT_NON_RENSEIGNE } from '../../places/standard/fields.ts'
import { referentiel } from '../../territories/referentiel.ts'
import { AUJOURDHUI, HORAIRES_POSTES, LIEU_CHAMBERY } from './exemple.ts'
import { lireFiche, valeursDepuisLieu, type ErreurChamp } from './lecture.ts'

const contexte = { id: LIEU_CHAMBERY.id, aujourdhui: AUJOURDHUI, referentiel: referentiel(), source: LIEU_CHAMBERY.source }

/** The body a browser posts for the prefilled form, with `modifs` on top. */
const corps = (modifs: Record<string, string | string[]> = {}) => ({ ...valeursDepuisLieu(LIEU_CHAMBERY), ...HORAIRES_POSTES, action: 'enregistrer', jeton: 'j', ...modifs })

const champs = (liste: readonly ErreurChamp[]) => liste.map((e) => e.champ)
const message = (liste: readonly ErreurChamp[], champ: string) => liste.find((e) => e.champ === champ)?.message ?? ''

describe('valeursDepuisLieu puis lireFiche', () => {
  it('rend le même lieu, daté d’aujourd’hui, sans erreur ni correction', () => {
    const lue = lireFiche(corps(), contexte)
    expect(lue.erreurs).toEqual([])
    expect(lue.corrections).toEqual([])
    expect(lue.avertissements).toEqual([])
    expect(lue.lieu).toEqual({ ...LIEU_CHAMBERY, date_maj: AUJOURDHUI })
  })

  it('lit aussi les horaires en saisie avancée', () => {
    const avance = { horaires_mode: 'avance', horaires_osm: LIEU_CHAMBERY.horaires ?? '' }
    expect(lireFiche(corps(avance), contexte).lieu?.horaires).toBe(LIEU_CHAMBERY.horaires)
  })

  it('présente un SIRET « non renseigné » vide, et le signale comme un conseil', () => {
    const lieu = { ...LIEU_CHAMBERY, pivot: PIVOT_NON_RENSEIGNE }
    expect(valeursDepuisLieu(lieu)['pivot']).toBe('')
    const lue = lireFiche({ ...valeursDepuisLieu(lieu), ...HORAIRES_POSTES }, contexte)
    expect(lue.lieu?.pivot).toBe(PIVOT_NON_RENSEIGNE)
    expect(champs(lue.avertissements)).toEqual(['pivot'])
  })

  it('prend l’identifiant et la source du contexte, jamais du formulaire', () => {
    const lue = lireFiche(corps({ id: 'autre', source: 'Pirate', date_maj: '2020-01-01' }), { ...contexte, source: null })
    expect(lue.lieu).toMatchObject({ id: LIEU_CHAMBERY.id, source: null, date_maj: AUJOURDHUI })
  })
})

describe('lireFiche : erreurs liées à leur champ', () => {
  it('les champs obligatoires vides sont des erreurs, même quand l’un pourrait compléter l’autre', () => {
    const lue = lireFiche(corps({ nom: '', adresse: ' ', code_postal: '', commune: '' }), contexte)
    expect(lue.lieu).toBeNull()
    expect(champs(lue.erreurs).sort()).toEqual(['adresse', 'code_postal', 'commune', 'nom'])
    expect(message(lue.erreurs, 'nom')).toBe('Le nom du lieu est obligatoire.')
    for (const [champ, vide] of [['commune', { commune: '' }], ['code_postal', { code_postal: '' }]] as const) {
      const seul = lireFiche(corps(vide), contexte)
      expect(champs(seul.erreurs)).toEqual([champ])
      expect(seul.corrections).toEqual([])
    }
  })

  it('un courriel, un téléphone, une adresse web invalides sont refusés, pas ignorés', () => {
    const lue = lireFiche(corps({ courriels: 'accueil@mairie-chambery.fr\nmediatheque(at)chambery', telephone: '04 79', site_web: 'https://www.mairie-chambery.fr/\nhttp//pas une adresse', prise_rdv: 'rendez-vous' }), contexte)
    expect(lue.lieu).toBeNull()
    expect(champs(lue.erreurs).sort()).toEqual(['courriels', 'prise_rdv', 'site_web', 'telephone'])
    expect(message(lue.erreurs, 'courriels')).toBe('« mediatheque(at)chambery » n’est pas une adresse électronique valide (par exemple accueil@mairie-chambery.fr).')
    expect(message(lue.erreurs, 'telephone')).toContain('« 04 79 » n’est pas valide')
    expect(message(lue.erreurs, 'site_web')).toContain('n’est pas une adresse web valide')
    expect(lue.avertissements).toEqual([])
  })

  it('met le téléphone au format international et le dit', () => {
    const lue = lireFiche(corps({ telephone: '04 79 31 19 19' }), contexte)
    expect(lue.lieu?.telephone).toBe('+33479311919')
    expect(lue.corrections).toEqual([{ champ: 'telephone', message: 'Numéro mis au format international : +33479311919.' }])
  })

  it('deux numéros : un seul est admis', () => {
    const lue = lireFiche(corps({ telephone: '04 79 31 19 19 / 06 12 34 56 78' }), contexte)
    expect(message(lue.erreurs, 'telephone')).toBe('Indiquez un seul numéro de téléphone : le standard n’en admet qu’un.')
  })

  it('reprend les erreurs de l’éditeur d’horaires, liées à leur saisie', () => {
    const lue = lireFiche(corps({ horaires_j1_c1_de: '25h', horaires_j1_c1_a: '12:00' }), contexte)
    expect(lue.lieu).toBeNull()
    expect(champs(lue.erreurs)).toEqual(['horaires_j1_c1_de'])
    expect(lue.horaires.erreurs).toHaveLength(1)
    expect(lue.horaires.semaine?.jours[0]?.[0]).toEqual({ de: '25h', a: '12:00' })
  })

  it('refuse les valeurs hors des listes du standard, même approchées', () => {
    const lue = lireFiche(corps({ services: ['Aide aux démarches administratives', 'Piratage'], typologie: 'XYZ', frais_a_charge: 'gratuit' }), contexte)
    expect(lue.lieu).toBeNull()
    expect(champs(lue.erreurs).sort()).toEqual(['frais_a_charge', 'services', 'typologie'])
    expect(message(lue.erreurs, 'services')).toBe('« Piratage » ne fait pas partie des choix proposés pour « Services ».')
  })

  it('une commune qui ne correspond pas au code postal est une erreur, pas une substitution', () => {
    const lue = lireFiche(corps({ code_postal: '38000', code_insee: '' }), contexte)
    expect(lue.lieu).toBeNull()
    expect(message(lue.erreurs, 'commune')).toMatch(/^« Chambéry » n'est pas le nom d'une commune : le code postal 38000 n'appartient qu'à la commune Grenoble \(38185\)\. Vérifiez/)
  })

  it('un code postal mal écrit : un seul message, qui dit quoi corriger', () => {
    const lue = lireFiche(corps({ code_postal: '73 0O0' }), contexte)
    expect(lue.erreurs).toEqual([{ champ: 'code_postal', message: 'Le code postal « 73 0O0 » doit avoir 5 chiffres (par exemple 73000).' }])
  })

  it('un SIRET dont la clé est fausse, des coordonnées incomplètes, un résumé trop long sont refusés', () => {
    const lue = lireFiche(corps({ pivot: '43493312300028', longitude: '', presentation_resume: 'a'.repeat(281) }), contexte)
    expect(champs(lue.erreurs).sort()).toEqual(['latitude', 'pivot', 'presentation_resume'])
    expect(message(lue.erreurs, 'latitude')).toBe('Renseignez la latitude et la longitude, ou aucune des deux.')
    expect(message(lue.erreurs, 'presentation_resume')).toContain('281 caractères')
    expect(lue.corrections).toEqual([])
  })

  it('complète le code INSEE laissé vide et l’adresse web sans https://, et le dit', () => {
    const lue = lireFiche(corps({ code_insee: '', site_web: 'www.mairie-chambery.fr' }), contexte)
    expect(lue.lieu).toMatchObject({ code_insee: '73065', site_web: ['https://www.mairie-chambery.fr'] })
    expect(champs(lue.corrections).sort()).toEqual(['code_insee', 'site_web'])
  })
})

describe('lireFiche : aperçu des horaires', () => {
  it('calcule « ouvert maintenant » à l’instant donné, avec les fériés de la région du lieu', () => {
    const mardi = new Date('2026-11-24T10:30:00+01:00')
    expect(lireFiche(corps(), { ...contexte, maintenant: mardi }).horaires.apercu).toMatch(/^Ouvert maintenant/)
    const noel = new Date('2026-12-25T10:30:00+01:00')
    expect(lireFiche(corps(), { ...contexte, maintenant: noel }).horaires.apercu).toMatch(/^Fermé/)
    expect(lireFiche(corps(), contexte).horaires.apercu).toBeUndefined()
  })
})
