/** From La Coop's export rows to activities: labels, grouping of workshops, every error with its lines. */
import { describe, expect, it } from 'vitest'
import type { LigneExport } from './colonnes.ts'
import { convertir } from './correspondance.ts'
import { lignesExemple, type LigneCoop } from './export-exemple.ts'
import { dateDe, dureeDe, libellesDe } from './libelles.ts'

const LIEU = { nom: 'Médiathèque de Chambéry', codeInsee: '73065' }
const AUTRE = { nom: 'Espace public numérique de Chambéry', codeInsee: '73065' }
const AUJOURDHUI = '2025-06-02'
const lieuDe = (nom: string | undefined) => (nom === AUTRE.nom ? 2 : 1)

/** Rows numbered from 13, as in the example sheet. */
const numeroter = (lignes: readonly LigneCoop[]): LigneExport[] => lignes.map((cellules, i) => ({ ligne: 13 + i, cellules }))

describe('conversion de l’export « Activités » de La Coop', () => {
  const { activites, rejetees } = convertir(numeroter(lignesExemple(LIEU, AUTRE)), { aujourdhui: AUJOURDHUI, lieuDe })
  const parId = new Map(activites.map((a) => [a.idCra, a]))

  it('garde les quatre bonnes activités et rejette les quatre mauvaises', () => {
    expect([...parId.keys()].sort()).toEqual(['cra-1', 'cra-2', 'cra-3', 'cra-4'])
    expect(rejetees.map((r) => [r.idCra, r.lignes])).toEqual([['cra-5', [19]], ['cra-6', [20]], ['cra-7', [21]], ['cra-8', [22]]])
  })

  it('retrouve les valeurs depuis les libellés (thématiques, démarches, matériel, autonomie « n/3 », redirection)', () => {
    expect(parId.get('cra-1')?.activite).toEqual({
      type: 'individuel', date: '2025-03-14', duree: 45, typeLieu: 'lieu_activite', lieu: '1',
      thematiques: ['aide_aux_demarches_administratives'], thematiquesDemarche: ['social_sante'], precisionsDemarche: 'Demande de carte Vitale',
      materiel: ['ordinateur', 'telephone'], autonomie: 'partiellement_autonome', orienteVersStructure: true, structureDeRedirection: 'aide_sociale',
      beneficiaireAnonyme: { genre: 'feminin', trancheAge: 'soixante_soixante_neuf', statutSocial: 'retraite', dejaAccompagne: false, communeResidence: '73065' },
    })
    expect(parId.get('cra-1')?.lieu).toEqual(LIEU)
    expect(parId.get('cra-2')?.activite).toMatchObject({ typeLieu: 'domicile', commune: '73008' })
    expect(parId.get('cra-3')?.activite).toMatchObject({ typeLieu: 'a_distance', autonomie: 'autonome' })
  })

  it('fait un atelier des trois lignes de même « ID CRA », compteurs anonymes compris', () => {
    const atelier = parId.get('cra-4')
    expect(atelier?.lignes).toEqual([15, 16, 17])
    expect(atelier?.activite).toMatchObject({ type: 'collectif', lieu: '2', titreAtelier: 'Découvrir sa boîte mail', niveau: 'debutant', beneficiairesSuivis: [], thematiques: ['email', 'securite_numerique'] })
    expect(atelier?.activite.type === 'collectif' && atelier.activite.participants).toEqual({
      total: 3,
      dejaAccompagne: 1,
      genre: { masculin: 1, feminin: 1, non_communique: 1 },
      trancheAge: { moins_de_douze: 0, douze_dix_huit: 0, dix_huit_vingt_quatre: 0, vingt_cinq_trente_neuf: 1, quarante_cinquante_neuf: 0, soixante_soixante_neuf: 0, soixante_dix_plus: 1, non_communique: 1 },
      statutSocial: { scolarise: 0, sans_emploi: 0, en_emploi: 1, retraite: 1, non_communique: 1 },
    })
  })

  it('n’importe pas l’identité d’un bénéficiaire suivi, mais le dit déjà accompagné après sa première fois dans le fichier', () => {
    expect(parId.get('cra-2')?.activite).toMatchObject({ beneficiaireAnonyme: { dejaAccompagne: false, genre: 'feminin' } })
    expect(parId.get('cra-3')?.activite).toMatchObject({ beneficiaireAnonyme: { dejaAccompagne: true } })
    expect(JSON.stringify(activites)).not.toContain('Jeanne')
  })

  it('donne chaque erreur en français, avec sa colonne', () => {
    const erreurs = new Map(rejetees.map((r) => [r.idCra, r.erreurs.map((e) => `${e.colonne ?? ''} : ${e.message}`)]))
    expect(erreurs.get('cra-5')).toEqual(['Thématique(s) d’accompagnement : La thématique « Jardinage numérique » n’est pas dans la liste de La Coop. Valeurs possibles : « Diagnostic numérique », « Prendre en main du matériel », « Maintenance de matériel », « Gérer ses contenus numériques », « Navigation sur internet », « E-mail », « Bureautique », « Réseaux sociaux communication », « Santé », « Banque et achats en ligne », « Accompagner un professionnel », « Insertion professionnelle », « Prévention en sécurité numérique », « Parentalité », « Scolarité et numérique », « Créer avec le numérique », « Culture numérique », « Intelligence artificielle (IA) », « Aide aux démarches administratives ».'])
    expect(erreurs.get('cra-6')).toEqual([`Date : La date ne peut pas être dans le futur (nous sommes le ${AUJOURDHUI}).`])
    expect(erreurs.get('cra-7')).toEqual(['Durée (min) : La durée « abc » n’est pas un nombre de minutes (par exemple 45).', expect.stringMatching(/^Tranche d’âge du bénéficiaire : La tranche d’âge « Ado » n’est pas dans la liste de La Coop\./)])
    expect(erreurs.get('cra-8')).toEqual(["Date : Veuillez indiquer la date de l'accompagnement."])
  })

  it('refuse un atelier dont il manque des lignes, une ligne sans « ID CRA », un individuel sur deux lignes', () => {
    const exemple = lignesExemple(LIEU, AUTRE)
    const [individuel, , premierAtelier, deuxiemeAtelier] = exemple
    const { activites: ok, rejetees: ko } = convertir(
      numeroter([premierAtelier ?? {}, deuxiemeAtelier ?? {}, { ...individuel, idCra: '' }, { ...individuel, idCra: 'x' }, { ...individuel, idCra: 'x' }]),
      { aujourdhui: AUJOURDHUI, lieuDe },
    )
    expect(ok).toEqual([])
    expect(ko.map((r) => [r.idCra, r.lignes, r.erreurs.map((e) => e.colonne)])).toEqual([
      ['cra-4', [13, 14], ['Participants']],
      [undefined, [15], ['ID CRA']],
      ['x', [16, 17], ['ID CRA']],
    ])
    expect(ko[0]?.erreurs[0]?.message).toBe('L’atelier cra-4 compte 3 participants d’après la colonne « Participants », mais le fichier en a 2 lignes : il en manque ou il y en a en trop.')
  })
})

describe('lecture des cellules', () => {
  it('accepte les écritures de date d’un tableur', () => {
    expect(dateDe('14/03/2025')).toEqual({ valeur: '2025-03-14' })
    expect(dateDe('2025-03-14')).toEqual({ valeur: '2025-03-14' })
    expect(dateDe(45730)).toEqual({ valeur: '2025-03-14' })
    expect(dateDe(new Date('2025-03-14T00:00:00Z'))).toEqual({ valeur: '2025-03-14' })
    expect(dateDe('31/02/2025')).toEqual({ erreur: expect.stringContaining('« 31/02/2025 » n’est pas une date réelle') })
    expect(dateDe(undefined)).toBeUndefined()
  })

  it('lit les durées en minutes et les listes de libellés', () => {
    expect(dureeDe('45')).toEqual({ valeur: 45 })
    expect(dureeDe('90 min')).toEqual({ valeur: 90 })
    expect(dureeDe(1.5)).toEqual({ erreur: expect.stringContaining('entier') })
    expect(libellesDe('E-mail\nSanté')).toEqual(['E-mail', 'Santé'])
    expect(libellesDe('E-mail ; Santé | Bureautique')).toEqual(['E-mail', 'Santé', 'Bureautique'])
  })

  it('reconnaît les libellés quelle que soit l’apostrophe, la casse ou les accents', () => {
    const { activites } = convertir(
      numeroter([{ date: '2025-01-02', type: 'accompagnement INDIVIDUEL', canal: 'Lieu d\'activite', nomLieu: 'x', duree: '30', thematiques: 'e-mail', reoriente: 'non', redirection: '', genre: 'Femme', trancheAge: '12 - 17 ans', statut: 'non communique', idCra: 'a' }]),
      { aujourdhui: AUJOURDHUI, lieuDe },
    )
    expect(activites[0]?.activite).toMatchObject({ type: 'individuel', typeLieu: 'lieu_activite', beneficiaireAnonyme: { genre: 'feminin', trancheAge: 'douze_dix_huit', statutSocial: 'non_communique' } })
  })
})
