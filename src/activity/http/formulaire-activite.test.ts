import { describe, expect, it } from 'vitest'
import { referentiel } from '../../territories/referentiel.ts'
import { type Activite, validerActivite } from '../domain/validation.ts'
import { ancre, champsDepuisActivite, lireActivite, versBrut, type ChampsActivite } from './formulaire-activite.ts'
import { communeEcrite, resoudreCommuneSaisie } from './commune-saisie.ts'

const ref = referentiel()
const AUJOURDHUI = '2025-06-15'
const individuel = { type: 'individuel' as const, aujourdhui: AUJOURDHUI, referentiel: ref }
const collectif = { type: 'collectif' as const, aujourdhui: AUJOURDHUI, referentiel: ref }

const valide = (brut: unknown): Activite => {
  const r = validerActivite(brut, AUJOURDHUI)
  if ('erreurs' in r) throw new Error(JSON.stringify(r.erreurs))
  return r.activite
}

/** The minimal fields of an individual accompaniment at the place 42. */
const BASE: ChampsActivite = { type: 'individuel', date: '2025-06-10', duree: '30', typeLieu: 'lieu_activite', lieu: '42', thematiques: ['email'] }

describe('formulaire d’une activité : aller-retour activité → champs → activité', () => {
  it('un accompagnement individuel complet, à domicile, orienté, avec un bénéficiaire anonyme', () => {
    const activite = valide({
      type: 'individuel', date: '2025-06-10', duree: 45, typeLieu: 'domicile', commune: '73087',
      thematiques: ['navigation_sur_internet', 'aide_aux_demarches_administratives'], thematiquesDemarche: ['social_sante', 'logement'],
      precisionsDemarche: 'Complémentaire santé solidaire', materiel: ['ordinateur', 'telephone'], notes: 'Revenir avec le relevé.',
      autonomie: 'partiellement_autonome', orienteVersStructure: true, structureDeRedirection: 'aide_sociale',
      beneficiaireAnonyme: { genre: 'feminin', trancheAge: 'soixante_soixante_neuf', statutSocial: 'retraite', dejaAccompagne: true, communeResidence: '2A004' },
    })
    const champs = champsDepuisActivite(activite, 42, ref)
    expect(champs).toMatchObject({ commune: 'Cognin (73160)', anonyme_communeResidence: 'Ajaccio (20000)', duree: '45', orienteVersStructure: 'oui', anonyme_dejaAccompagne: '1' })
    const lu = lireActivite(champs, individuel)
    expect(lu.erreurs).toEqual([])
    expect(lu.activite).toEqual(activite)
    expect(lu.lieuUid).toBe(42)
  })

  it('un accompagnement individuel d’un bénéficiaire suivi, dans un lieu d’activité, sans rien d’autre', () => {
    const activite = valide({ ...BASE, duree: 30, lieu: '42', thematiques: ['email'], beneficiaireSuivi: 'b-1' })
    const lu = lireActivite(champsDepuisActivite(activite, 42, ref), individuel)
    expect(lu.activite).toEqual(activite)
  })

  it('un atelier collectif d’une durée personnalisée, avec compteurs anonymes et participants suivis', () => {
    const activite = valide({
      type: 'collectif', date: '2025-06-12', duree: 70, typeLieu: 'autre', commune: '73065', thematiques: ['intelligence_artificielle'],
      materiel: ['tablette'], titreAtelier: 'Café IA', niveau: 'debutant', beneficiairesSuivis: ['b-1', 'b-2'],
      participants: { total: 8, dejaAccompagne: 3, genre: { feminin: 5, masculin: 3 }, trancheAge: { soixante_dix_plus: 4 }, statutSocial: { retraite: 6, non_communique: 2 } },
    })
    const champs = champsDepuisActivite(activite, 7, ref)
    expect(champs).toMatchObject({ duree: 'personnaliser', duree_heures: '1', duree_minutes: '10', participants_total: '8', participants_genre_feminin: '5', participants_genre_non_communique: '' })
    const lu = lireActivite(champs, collectif)
    expect(lu.erreurs).toEqual([])
    expect(lu.activite).toEqual(activite)
  })
})

describe('formulaire d’une activité : durée', () => {
  const duree = (champs: ChampsActivite) => lireActivite({ ...BASE, ...champs }, individuel)
  it('une durée proposée, ou personnalisée en heures et minutes', () => {
    expect(duree({ duree: '90' }).activite?.duree).toBe(90)
    expect(duree({ duree: 'personnaliser', duree_heures: '1', duree_minutes: '10' }).activite?.duree).toBe(70)
    expect(duree({ duree: 'personnaliser', duree_minutes: '5' }).activite?.duree).toBe(5)
    // typed without ticking « Personnaliser » (no JavaScript): the typed duration is kept
    expect(duree({ duree: '', duree_heures: '3' }).activite?.duree).toBe(180)
    // the same duration both ways is no contradiction
    expect(duree({ duree: '60', duree_heures: '1', duree_minutes: '0' }).activite?.duree).toBe(60)
  })
  it('refuse une durée proposée contredite par une durée personnalisée, au lieu d’en ignorer une', () => {
    const lu = duree({ duree: '30', duree_heures: '1', duree_minutes: '10' })
    expect(lu.activite).toBeUndefined()
    expect(lu.erreurs).toEqual([{ champ: 'duree', message: expect.stringContaining('Vous avez choisi 30 min et écrit une durée personnalisée de 1 h 10') }])
  })
  it('refuse une durée absente, une personnalisation vide, des heures ou des minutes hors bornes', () => {
    expect(duree({ duree: '' }).erreurs).toEqual([{ champ: 'duree', message: 'Veuillez choisir la durée de l’accompagnement.' }])
    expect(duree({ duree: 'personnaliser' }).erreurs.map((e) => e.champ)).toEqual(['duree_heures'])
    expect(duree({ duree: 'personnaliser', duree_heures: '24', duree_minutes: 'x' }).erreurs.map((e) => e.champ)).toEqual(['duree_heures', 'duree_minutes'])
    expect(duree({ duree: 'personnaliser', duree_heures: '0', duree_minutes: '0' }).erreurs.map((e) => e.champ)).toEqual(['duree_minutes'])
    expect(duree({ duree: '37' }).erreurs[0]?.message).toContain('ne fait pas partie des choix proposés')
  })
})

describe('formulaire d’une activité : cases à cocher et règles de La Coop', () => {
  it('une case seule arrive en texte, plusieurs en liste ; les valeurs vides sont ignorées', () => {
    expect(versBrut({ ...BASE, thematiques: 'email', materiel: ['', 'tablette', 'aucun'] }, individuel).brut).toMatchObject({ thematiques: ['email'], materiel: ['tablette', 'aucun'] })
  })
  it('les démarches et leur précision sans « Aide aux démarches administratives » : refusées avec le message de la validation, la saisie gardée', () => {
    const lu = lireActivite({ ...BASE, thematiquesDemarche: 'logement', precisionsDemarche: 'Dossier APL' }, individuel)
    expect(lu.erreurs).toEqual([
      { champ: 'thematiquesDemarche', message: 'Les thématiques de démarche administrative s\'indiquent seulement si la thématique « Aide aux démarches administratives » est choisie.' },
      { champ: 'precisionsDemarche', message: 'Le nom de la démarche administrative s\'indique seulement si la thématique « Aide aux démarches administratives » est choisie.' },
    ])
    expect(lu.saisie).toMatchObject({ thematiquesDemarche: ['logement'], precisionsDemarche: 'Dossier APL' })
  })
  it('aucune thématique, une date future, une valeur inventée : chaque erreur sur son champ, dans l’ordre du formulaire', () => {
    const lu = lireActivite({ ...BASE, date: '2025-07-01', thematiques: ['email', 'astrologie'], materiel: 'aucun' }, individuel)
    expect(lu.erreurs.map((e) => e.champ)).toEqual(['date', 'thematiques'])
    expect(lu.erreurs[0]?.message).toBe('La date ne peut pas être dans le futur (nous sommes le 2025-06-15).')
    expect(lireActivite({ ...BASE, thematiques: [] }, individuel).erreurs).toEqual([{ champ: 'thematiques', message: 'Veuillez choisir au moins une thématique.' }])
  })
  it('une date écrite JJ/MM/AAAA (navigateur sans calendrier) est comprise', () => {
    expect(lireActivite({ ...BASE, date: '10/06/2025' }, individuel).activite?.date).toBe('2025-06-10')
  })
  it('une structure de redirection sans orientation est refusée, en mots de formulaire', () => {
    const lu = lireActivite({ ...BASE, orienteVersStructure: 'non', structureDeRedirection: 'autre' }, individuel)
    expect(lu.erreurs).toEqual([{ champ: 'structureDeRedirection', message: 'La structure de redirection ne s\'indique que si le bénéficiaire est orienté vers une autre structure.' }])
  })
  it('des informations anonymes à côté d’un bénéficiaire suivi sont refusées, pas ignorées', () => {
    const lu = lireActivite({ ...BASE, beneficiaireSuivi: 'b-1', anonyme_genre: 'feminin' }, individuel)
    expect(lu.erreurs.map((e) => e.champ)).toEqual(['anonyme_dejaAccompagne'])
    // the defaults of the anonymous block (« Non communiqué ») are not a value typed
    expect(lireActivite({ ...BASE, beneficiaireSuivi: 'b-1', anonyme_genre: 'non_communique', anonyme_trancheAge: 'non_communique' }, individuel).erreurs).toEqual([])
  })
})

describe('formulaire d’une activité : lieu et commune', () => {
  it('à domicile : la commune écrite « nom (code postal) », en code INSEE, ou absente', () => {
    const domicile = { ...BASE, typeLieu: 'domicile' }
    expect(lireActivite({ ...domicile, commune: 'Chambéry (73000)' }, individuel).activite?.commune).toBe('73065')
    expect(lireActivite({ ...domicile, commune: '73087' }, individuel).activite?.commune).toBe('73087')
    expect(lireActivite({ ...domicile, commune: '' }, individuel).erreurs).toEqual([{ champ: 'commune', message: expect.stringContaining('Veuillez indiquer la commune') }])
  })
  it('une commune ambiguë ou inconnue : une seule erreur, qui propose comment l’écrire', () => {
    const ambigue = lireActivite({ ...BASE, typeLieu: 'autre', commune: '73000' }, individuel)
    expect(ambigue.erreurs).toEqual([{ champ: 'commune', message: expect.stringContaining('« Chambéry (73000) »') }])
    expect(lireActivite({ ...BASE, typeLieu: 'autre', commune: 'Zzzz' }, individuel).erreurs[0]?.message).toContain('Nous ne trouvons pas la commune « Zzzz »')
  })
  it('une commune écrite pour un accompagnement dans un lieu d’activité est refusée ; le lieu d’activité est toujours demandé', () => {
    expect(lireActivite({ ...BASE, commune: '73065' }, individuel).erreurs.map((e) => e.champ)).toEqual(['commune'])
    expect(lireActivite({ ...BASE, lieu: '' }, individuel).erreurs.map((e) => e.champ)).toEqual(['lieu'])
    expect(lireActivite({ ...BASE, typeLieu: 'a_distance', lieu: '' }, individuel).erreurs.map((e) => e.champ)).toEqual(['lieu'])
    const distance = lireActivite({ ...BASE, typeLieu: 'a_distance', lieu: '42' }, individuel)
    expect(distance.activite).toMatchObject({ typeLieu: 'a_distance' })
    expect(distance.activite).not.toHaveProperty('lieu')
    expect(distance.lieuUid).toBe(42)
  })
  it('« nom (code postal) » relit toujours la même commune', () => {
    for (const code of ['73065', '75115', '2A004', '97411', '13055']) {
      expect(resoudreCommuneSaisie(communeEcrite(code, ref), ref)).toEqual({ code })
    }
  })
})

describe('formulaire d’une activité : atelier collectif', () => {
  const ATELIER: ChampsActivite = { ...BASE, type: 'collectif' }
  it('aucun participant : l’erreur de La Coop, sur le nombre de bénéficiaires anonymes', () => {
    expect(lireActivite({ ...ATELIER, participants_total: '0' }, collectif).erreurs).toEqual([{ champ: 'participants_total', message: 'Veuillez renseigner au moins un bénéficiaire suivi ou anonyme.' }])
  })
  it('des répartitions qui dépassent le total, un nombre illisible : chacun sur son champ', () => {
    const lu = lireActivite({ ...ATELIER, participants_total: '3', participants_genre_feminin: '4', participants_statutSocial_retraite: 'trois' }, collectif)
    expect(lu.erreurs).toEqual([
      { champ: 'participants_genre_masculin', message: expect.stringContaining('La somme des données socio-démographiques dépasse le total') },
      { champ: 'participants_statutSocial_retraite', message: 'Veuillez indiquer un nombre.' },
    ])
    expect(lu.saisie['participants_statutSocial_retraite']).toBe('trois')
  })
  it('un atelier de seuls participants suivis est valide', () => {
    expect(lireActivite({ ...ATELIER, beneficiairesSuivis: ['b-1'] }, collectif).activite).toMatchObject({ beneficiairesSuivis: ['b-1'], participants: { total: 0 } })
  })
})

describe('ancre d’une erreur de validation', () => {
  it('mène à un champ du formulaire', () => {
    expect(ancre('thematiques.2')).toBe('thematiques')
    expect(ancre('beneficiaireAnonyme.communeResidence')).toBe('anonyme_communeResidence')
    expect(ancre('participants.trancheAge')).toBe('participants_trancheAge_moins_de_douze')
    expect(ancre('participants.genre.feminin')).toBe('participants_genre_feminin')
    expect(ancre('inconnu')).toBe('')
  })
})
