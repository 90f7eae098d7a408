import { describe, expect, it } from 'vitest'
import { lireBeneficiaire, trancheAgeDeNaissance, valeursDuFormulaire, type SaisieBeneficiaire } from './beneficiaire.ts'

const AUJOURDHUI = '2026-11-22'
const COMPLET = {
  prenom: '  Camille ',
  nom: 'Dupont-Martin',
  telephone: '06 12 34 56 78',
  courriel: 'Camille.Dupont@Exemple.fr',
  annee_naissance: '1972',
  tranche_age: '',
  genre: 'feminin',
  statut_social: 'retraite',
  commune_residence: '73065',
  adresse: '12 rue de la Paix',
  notes: 'Souhaite apprendre à utiliser sa messagerie.\r\nRevient jeudi.',
  consentement_le: '2026-11-20',
  consentement_portee: 'structure',
  consentement_recueil: 'oral',
}

const erreurs = (corps: Record<string, string>) => {
  const r = lireBeneficiaire(corps, AUJOURDHUI)
  return 'erreurs' in r ? r.erreurs : []
}
const lu = (corps: Record<string, string>): SaisieBeneficiaire => {
  const r = lireBeneficiaire(corps, AUJOURDHUI)
  if (!('beneficiaire' in r)) throw new Error(JSON.stringify(r.erreurs))
  return r.beneficiaire
}

describe('tranche d’âge (seuils de La Coop)', () => {
  it.each([
    [2015, 'moins_de_douze'],
    [2014, 'douze_dix_huit'],
    [2009, 'douze_dix_huit'],
    [2008, 'dix_huit_vingt_quatre'],
    [2002, 'dix_huit_vingt_quatre'],
    [2001, 'vingt_cinq_trente_neuf'],
    [1987, 'vingt_cinq_trente_neuf'],
    [1986, 'quarante_cinquante_neuf'],
    [1967, 'quarante_cinquante_neuf'],
    [1966, 'soixante_soixante_neuf'],
    [1957, 'soixante_soixante_neuf'],
    [1956, 'soixante_dix_plus'],
    [1900, 'soixante_dix_plus'],
  ])('née en %i, en 2026 : %s', (annee, tranche) => {
    expect(trancheAgeDeNaissance(annee, 2026)).toBe(tranche)
  })
})

describe('lireBeneficiaire', () => {
  it('lit une fiche complète : téléphone normalisé, courriel en minuscules, tranche d’âge tirée de l’année', () => {
    expect(lu(COMPLET)).toEqual({
      prenom: 'Camille',
      nom: 'Dupont-Martin',
      telephone: '+33612345678',
      courriel: 'camille.dupont@exemple.fr',
      anneeNaissance: 1972,
      trancheAge: 'quarante_cinquante_neuf',
      genre: 'feminin',
      statutSocial: 'retraite',
      communeResidence: '73065',
      adresse: '12 rue de la Paix',
      notes: 'Souhaite apprendre à utiliser sa messagerie.\nRevient jeudi.',
      consentement: { le: '2026-11-20', portee: 'structure', recueil: 'oral' },
    })
  })

  it('le reste est facultatif : sans année, la tranche choisie, sinon « non communiqué »', () => {
    const minimal = { prenom: 'A', nom: 'B', consentement_le: '2026-11-22', consentement_portee: 'mediateur', consentement_recueil: 'ecrit' }
    expect(lu(minimal)).toMatchObject({ telephone: null, courriel: null, anneeNaissance: null, trancheAge: 'non_communique', genre: 'non_communique', statutSocial: 'non_communique', communeResidence: null, adresse: null, notes: null })
    expect(lu({ ...minimal, tranche_age: 'soixante_dix_plus' }).trancheAge).toBe('soixante_dix_plus')
    // the birth year wins over a bracket chosen by mistake
    expect(lu({ ...minimal, annee_naissance: '2000', tranche_age: 'soixante_dix_plus' }).trancheAge).toBe('vingt_cinq_trente_neuf')
  })

  it('accepte la date de l’accord écrite à la main (JJ/MM/AAAA) et les formats de téléphone français', () => {
    expect(lu({ ...COMPLET, consentement_le: '20/11/2026' }).consentement.le).toBe('2026-11-20')
    for (const t of ['0612345678', '06.12.34.56.78', '+33 6 12 34 56 78', '0033612345678', '+33 (0)6 12 34 56 78']) expect(lu({ ...COMPLET, telephone: t }).telephone).toBe('+33612345678')
    expect(lu({ ...COMPLET, telephone: '0262 12 34 56' }).telephone).toBe('+262262123456')
  })

  it('signale TOUTES les erreurs, chacune sur son champ, dans l’ordre du formulaire', () => {
    const e = erreurs({
      prenom: '',
      nom: 'x'.repeat(101),
      telephone: '12',
      courriel: 'pas-une-adresse',
      annee_naissance: '1899',
      tranche_age: 'centenaire',
      genre: 'autre',
      statut_social: 'inconnu',
      commune_residence: 'Chambéry',
      adresse: 'x'.repeat(301),
      notes: 'x'.repeat(2001),
      consentement_le: '',
      consentement_portee: '',
      consentement_recueil: 'telepathie',
    })
    expect(e.map((x) => x.champ)).toEqual([
      'prenom', 'nom', 'telephone', 'courriel', 'annee_naissance', 'tranche_age', 'genre', 'statut_social', 'commune_residence', 'adresse', 'notes',
      'consentement_le', 'consentement_portee', 'consentement_recueil',
    ])
    const message = (champ: string) => e.find((x) => x.champ === champ)?.message
    expect(message('prenom')).toBe('Veuillez indiquer le prénom de la personne.')
    expect(message('nom')).toBe('Le nom est trop long (100 caractères au plus).')
    expect(message('telephone')).toMatch(/^Le numéro de téléphone n’est pas reconnu/)
    expect(message('annee_naissance')).toBe('L’année de naissance doit être une année entre 1900 et 2026, écrite avec 4 chiffres (par exemple 1972).')
    expect(message('notes')).toBe('Les notes sont trop longues (2 000 caractères au plus).')
    expect(message('adresse')).toBe('L’adresse est trop longue (300 caractères au plus).')
    expect(message('commune_residence')).toMatch(/^La commune de résidence n’est pas reconnue/)
    expect(message('consentement_le')).toBe('Veuillez indiquer la date à laquelle la personne a donné son accord.')
    expect(message('consentement_portee')).toBe('Veuillez indiquer qui, avec l’accord de la personne, pourra voir sa fiche.')
    expect(message('consentement_recueil')).toBe('Veuillez indiquer comment la personne a donné son accord.')
  })

  it('sans accord, pas de fiche : la date, la portée et la manière sont exigées', () => {
    const { consentement_le: _le, consentement_portee: _p, consentement_recueil: _r, ...sansAccord } = COMPLET
    expect(erreurs(sansAccord).map((x) => x.champ)).toEqual(['consentement_le', 'consentement_portee', 'consentement_recueil'])
  })

  it('refuse une date d’accord future, irréelle ou trop ancienne, et une année de naissance future', () => {
    expect(erreurs({ ...COMPLET, consentement_le: '2026-11-23' })[0]?.message).toBe('La date de l’accord ne peut pas être dans le futur (nous sommes le 22/11/2026).')
    expect(erreurs({ ...COMPLET, consentement_le: '2026-02-30' })[0]?.message).toMatch(/^La date de l’accord doit être une date réelle/)
    expect(erreurs({ ...COMPLET, consentement_le: '1999-12-31' })[0]?.champ).toBe('consentement_le')
    expect(erreurs({ ...COMPLET, annee_naissance: '2027' })[0]?.champ).toBe('annee_naissance')
    expect(erreurs({ ...COMPLET, annee_naissance: '72' })[0]?.champ).toBe('annee_naissance')
  })

  it('relit ses propres valeurs : valeursDuFormulaire puis lireBeneficiaire redonnent la fiche', () => {
    const fiche = lu(COMPLET)
    expect(lu(valeursDuFormulaire(fiche))).toEqual(fiche)
    const sansAnnee = lu({ ...COMPLET, annee_naissance: '', tranche_age: 'douze_dix_huit' })
    expect(lu(valeursDuFormulaire(sansAnnee))).toEqual(sansAnnee)
  })
})
