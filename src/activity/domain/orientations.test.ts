import { describe, expect, it } from 'vitest'
import { estClose, lireOrientation, STATUTS_ORIENTATION, statutsSuivants, type StatutOrientation } from './orientations.ts'

describe('orientations : étapes et formulaire', () => {
  it('la réponse précède la suite donnée, et les issues sont finales', () => {
    expect(statutsSuivants('envoyee')).toEqual(['acceptee', 'refusee'])
    expect(statutsSuivants('acceptee')).toContain('absente')
    for (const s of ['refusee', 'demarche_realisee', 'absente'] as StatutOrientation[]) expect(estClose(s)).toBe(true)
    // every status is reachable from « envoyée »
    const atteints = new Set<StatutOrientation>(['envoyee'])
    for (let i = 0; i < 5; i++) for (const s of [...atteints]) for (const t of statutsSuivants(s)) atteints.add(t)
    expect([...atteints].sort()).toEqual(Object.keys(STATUTS_ORIENTATION).sort())
  })

  it('rien n’est transmis sans case cochée, même saisi', () => {
    const r = lireOrientation({ vers: '12', besoin: ' Carte grise ', prenom: 'Odette', telephone: '0612345678' }, '2026-11-22')
    expect(r).toEqual({ orientation: { versLieu: 12, besoin: 'Carte grise', partage: {} } })
  })

  it('ce qui est coché est transmis avec l’accord ; chaque erreur est dite', () => {
    const ok = lireOrientation({ vers: '12', besoin: 'Impôts', partager: ['prenom', 'courriel'], prenom: 'Odette', courriel: 'o@exemple.fr', consentement_le: '2026-11-21', consentement_recueil: 'ecrit', message: 'Vient le matin' }, '2026-11-22')
    expect(ok).toEqual({ orientation: { versLieu: 12, besoin: 'Impôts', message: 'Vient le matin', partage: { prenom: 'Odette', courriel: 'o@exemple.fr' }, consentement: { le: '2026-11-21', recueil: 'ecrit' } } })
    const ko = lireOrientation({ vers: 'x', besoin: '', partager: 'courriel', courriel: 'pas-une-adresse', consentement_le: '2026-12-01' }, '2026-11-22')
    expect('erreurs' in ko && ko.erreurs.map((e) => e.champ)).toEqual(['vers', 'besoin', 'courriel', 'consentement_le', 'consentement_recueil'])
  })
})
