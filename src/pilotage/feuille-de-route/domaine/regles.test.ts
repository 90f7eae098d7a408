import { describe, expect, it } from 'vitest'
import { lireAction } from './formulaires.ts'
import { deplacer, enRetard, euros, lireMontant, situer, statutAffiche } from './regles.ts'

describe('règles de la feuille de route', () => {
  it('« en retard » : date de fin passée, action ni terminée ni abandonnée', () => {
    expect(enRetard({ fin: '2026-01-31', statut: 'en_cours' }, '2026-02-01')).toBe(true)
    expect(enRetard({ fin: '2026-01-31', statut: 'a_lancer' }, '2026-02-01')).toBe(true)
    expect(enRetard({ fin: '2026-01-31', statut: 'terminee' }, '2026-02-01')).toBe(false)
    expect(enRetard({ fin: '2026-01-31', statut: 'abandonnee' }, '2026-02-01')).toBe(false)
    expect(enRetard({ fin: '2026-01-31', statut: 'en_cours' }, '2026-01-31')).toBe(false)
    expect(enRetard({ fin: null, statut: 'en_cours' }, '2030-01-01')).toBe(false)
    expect(statutAffiche({ fin: '2026-01-31', statut: 'en_cours' }, '2026-02-01')).toBe('En cours — en retard')
  })

  it('lit les montants comme on les tape', () => {
    expect(lireMontant('12 500')).toBe(1_250_000)
    expect(lireMontant('1 200,5 €')).toBe(120_050)
    expect(lireMontant('99.99')).toBe(9_999)
    expect(lireMontant('')).toBeNull()
    expect(lireMontant('douze')).toBeUndefined()
    expect(euros(120_050)).toBe('1\u202f200,50\u00a0€')
  })

  it('situe une valeur face à sa cible, dans les deux sens', () => {
    expect(situer({ valeurReference: 10, valeurCible: 20, sens: 'hausse' }, 15)).toEqual({ ecart: 5, progression: 50, atteinte: false })
    expect(situer({ valeurReference: 10, valeurCible: 20, sens: 'hausse' }, 25)).toEqual({ ecart: -5, progression: 100, atteinte: true })
    expect(situer({ valeurReference: 8, valeurCible: 6, sens: 'baisse' }, 7.5)).toEqual({ ecart: -1.5, progression: 25, atteinte: false })
    expect(situer({ valeurReference: null, valeurCible: 6, sens: 'baisse' }, 5)).toEqual({ ecart: 1, progression: 100, atteinte: true })
    expect(situer({ valeurReference: 1, valeurCible: null, sens: 'hausse' }, 5)).toEqual({ ecart: null, progression: null, atteinte: null })
  })

  it('rapporte toutes les erreurs d’une action, pas la première', () => {
    const r = lireAction({ axe: '9', titre: ' ', porteur: '', budget: 'beaucoup', debut: '2026-05-01', fin: '2026-13-01', statut: 'fini', avancement: '120', financeur1: 'Région' }, [1, 2])
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.erreurs.map((e) => e.champ)).toEqual(['action-axe', 'action-titre', 'action-porteur', 'action-budget', 'action-fin', 'action-statut', 'action-avancement', 'action-montant1'])
    const ok = lireAction({ axe: '2', titre: 'Former', porteur: 'Département', partenaires: 'CAF\nMSA', budget: '10 000', financeur1: 'État', montant1: '4 000', debut: '2026-01-01', fin: '2026-06-30', statut: 'en_cours', avancement: '40' }, [1, 2])
    expect(ok).toMatchObject({ ok: true, valeur: { axe: 2, partenaires: ['CAF', 'MSA'], budgetCentimes: 1_000_000, cofinancements: [{ financeur: 'État', montantCentimes: 400_000 }], avancement: 40 } })
    expect(lireAction({ axe: '1', titre: 'T', porteur: 'P', debut: '2026-06-01', fin: '2026-01-01', statut: 'a_lancer', avancement: '0' }, [1])).toMatchObject({ ok: false, erreurs: [{ champ: 'action-fin', message: 'La date de fin doit être après la date de début.' }] })
  })

  it('porteur : un acteur de la liste ou un porteur écrit, jamais les deux', () => {
    const acteurs = new Map([[7, 'Conseil départemental']])
    const base = { axe: '1', titre: 'Former', statut: 'a_lancer', avancement: '0' }
    expect(lireAction({ ...base, porteurActeur: '7' }, [1], acteurs)).toMatchObject({ ok: true, valeur: { porteur: '', porteurActeurId: 7 } }) // the name is read from the actor, never copied
    expect(lireAction({ ...base, porteur: 'Mairie de Modane' }, [1], acteurs)).toMatchObject({ ok: true, valeur: { porteur: 'Mairie de Modane', porteurActeurId: null } })
    const deux = lireAction({ ...base, porteurActeur: '7', porteur: 'Mairie' }, [1], acteurs)
    expect(deux).toMatchObject({ ok: false, erreurs: [{ champ: 'action-porteur' }] })
    const inconnu = lireAction({ ...base, porteurActeur: '8' }, [1], acteurs)
    expect(inconnu).toMatchObject({ ok: false, erreurs: [{ champ: 'action-porteurActeur', message: 'Choisissez le porteur dans la liste des acteurs du territoire.' }] })
    expect(lireAction(base, [1], acteurs)).toMatchObject({ ok: false, erreurs: [{ champ: 'action-porteur', message: 'Indiquez le porteur de l’action.' }] })
  })

  it('monte et descend un axe, sans rien changer aux extrémités', () => {
    expect(deplacer([1, 2, 3], 2, 'monter')).toEqual([2, 1, 3])
    expect(deplacer([1, 2, 3], 2, 'descendre')).toEqual([1, 3, 2])
    expect(deplacer([1, 2, 3], 1, 'monter')).toEqual([1, 2, 3])
    expect(deplacer([1, 2, 3], 3, 'descendre')).toEqual([1, 2, 3])
    expect(deplacer([1, 2, 3], 9, 'monter')).toEqual([1, 2, 3])
  })
})
