import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Lieu } from '../places/standard/fields.ts'
import { CRITERES, valeurLongueurPresentation } from './criteres.ts'
import { AUJOURDHUI, lieuComplet } from './exemples.ts'

function valeur(code: string, lieu: Lieu, aujourdhui = AUJOURDHUI): number | null {
  const critere = CRITERES.find((c) => c.code === code)
  if (!critere) throw new Error(`critère inconnu : ${code}`)
  return critere.evaluer(lieu, aujourdhui)
}

describe('CRITERES', () => {
  it('a des codes uniques, un libellé et un conseil en français pour chacun', () => {
    expect(new Set(CRITERES.map((c) => c.code)).size).toBe(CRITERES.length)
    for (const c of CRITERES) {
      expect(c.libelle).toMatch(/^[A-ZÉ]/)
      expect(c.conseil).toMatch(/^[A-ZÉ].+\.$/)
    }
  })

  it('sont tous décrits dans docs/qualite.md, avec leur libellé et leur conseil exacts', () => {
    const doc = readFileSync(new URL('../../docs/qualite.md', import.meta.url), 'utf8')
    for (const c of CRITERES) {
      expect(doc).toContain(`| \`${c.code}\` | ${c.libelle} |`)
      expect(doc).toContain(`**${c.libelle}** — ${c.conseil}`)
    }
  })

  it('donne 1 à chaque critère pour un lieu complet', () => {
    const lieu = lieuComplet()
    expect(CRITERES.map((c) => [c.code, c.evaluer(lieu, AUJOURDHUI)])).toEqual(CRITERES.map((c) => [c.code, 1]))
  })
})

describe('critère date_maj_recente', () => {
  it('vaut 1 sous six mois, 0,5 à quinze mois, 0 à deux ans', () => {
    expect(valeur('date_maj_recente', lieuComplet({ date_maj: '2026-06-01' }))).toBe(1)
    expect(valeur('date_maj_recente', lieuComplet({ date_maj: '2025-08-22' }))).toBe(0.5)
    expect(valeur('date_maj_recente', lieuComplet({ date_maj: '2024-11-22' }))).toBe(0)
    expect(valeur('date_maj_recente', lieuComplet({ date_maj: '1970-01-01' }))).toBe(0)
  })

  it('conseille la mise à jour dès six mois, même quand la valeur est encore 1', () => {
    const critere = CRITERES.find((c) => c.code === 'date_maj_recente')
    expect(critere?.aConseiller?.(lieuComplet({ date_maj: '2026-05-22' }), AUJOURDHUI)).toBe(true)
    expect(critere?.aConseiller?.(lieuComplet({ date_maj: '2026-05-23' }), AUJOURDHUI)).toBe(false)
  })
})

describe('critères de présence', () => {
  it('horaires : présence suffit, sans objet pour un lieu qui n’accueille pas de public', () => {
    expect(valeur('horaires', lieuComplet({ horaires: null }))).toBe(0)
    expect(valeur('horaires', lieuComplet({ horaires: '  ' }))).toBe(0)
    expect(valeur('horaires', lieuComplet({ horaires: null, modalites_acces: ["Ce lieu n'accueille pas de public"] }))).toBeNull()
  })

  it('moyen de contact : un seul parmi téléphone, courriel, site web ou prise de rendez-vous suffit', () => {
    const aucun = { telephone: null, courriels: [], site_web: [], prise_rdv: null }
    expect(valeur('moyen_de_contact', lieuComplet(aucun))).toBe(0)
    expect(valeur('moyen_de_contact', lieuComplet({ ...aucun, courriels: [''] }))).toBe(0)
    expect(valeur('moyen_de_contact', lieuComplet({ ...aucun, telephone: '+33479600400' }))).toBe(1)
    expect(valeur('moyen_de_contact', lieuComplet({ ...aucun, site_web: ['https://exemple.fr'] }))).toBe(1)
    expect(valeur('moyen_de_contact', lieuComplet({ ...aucun, prise_rdv: 'https://rdv.exemple.fr' }))).toBe(1)
  })

  it('coordonnées des modalités : la part des modalités annoncées qui ont leur coordonnée', () => {
    expect(valeur('contacts_des_modalites', lieuComplet({ modalites_acces: ['Se présenter'] }))).toBeNull()
    expect(valeur('contacts_des_modalites', lieuComplet({ modalites_acces: [] }))).toBeNull()
    expect(valeur('contacts_des_modalites', lieuComplet({ modalites_acces: ['Téléphoner'], telephone: null }))).toBe(0)
    expect(valeur('contacts_des_modalites', lieuComplet({ modalites_acces: ['Téléphoner', 'Contacter par mail'], telephone: null }))).toBe(0.5)
    expect(valeur('contacts_des_modalites', lieuComplet({ modalites_acces: ['Prendre un RDV en ligne'] }))).toBe(0)
    expect(valeur('contacts_des_modalites', lieuComplet({ modalites_acces: ['Prendre un RDV en ligne'], prise_rdv: 'https://rdv.exemple.fr' }))).toBe(1)
  })

  it('services, frais : présents ou non', () => {
    expect(valeur('services', lieuComplet({ services: [] }))).toBe(0)
    expect(valeur('frais', lieuComplet({ frais_a_charge: [] }))).toBe(0)
    expect(valeur('frais', lieuComplet({ frais_a_charge: ['Payant'] }))).toBe(1)
  })

  it('publics : 1 quand précisés, 0,5 sinon (le standard ne sait pas dire « tout public »)', () => {
    expect(valeur('publics', lieuComplet({ publics_specifiquement_adresses: [], prise_en_charge_specifique: ['Surdité'] }))).toBe(1)
    expect(valeur('publics', lieuComplet({ publics_specifiquement_adresses: [], prise_en_charge_specifique: [] }))).toBe(0.5)
  })

  it('modalités : 1 avec accès et accompagnement, 0,5 avec l’un des deux, 0 sans', () => {
    expect(valeur('modalites', lieuComplet({ modalites_accompagnement: [] }))).toBe(0.5)
    expect(valeur('modalites', lieuComplet({ modalites_acces: [] }))).toBe(0.5)
    expect(valeur('modalites', lieuComplet({ modalites_acces: [], modalites_accompagnement: [] }))).toBe(0)
  })

  it('accessibilité : la fiche Accès libre, sans objet sans accueil du public', () => {
    expect(valeur('accessibilite', lieuComplet({ fiche_acces_libre: null }))).toBe(0)
    expect(valeur('accessibilite', lieuComplet({ fiche_acces_libre: null, modalites_acces: ["Ce lieu n'accueille pas de public"] }))).toBeNull()
  })

  it('coordonnées : latitude et longitude ensemble, 0 est une vraie coordonnée', () => {
    expect(valeur('coordonnees', lieuComplet({ latitude: null }))).toBe(0)
    expect(valeur('coordonnees', lieuComplet({ longitude: null }))).toBe(0)
    expect(valeur('coordonnees', lieuComplet({ latitude: 0, longitude: 0 }))).toBe(1)
    expect(valeur('coordonnees', lieuComplet({ latitude: Number.NaN }))).toBe(0)
  })

  it('pivot : un SIRET ou un RNA, pas la valeur de remplacement 00000000000000', () => {
    expect(valeur('pivot', lieuComplet({ pivot: '00000000000000' }))).toBe(0)
    expect(valeur('pivot', lieuComplet({ pivot: '' }))).toBe(0)
    expect(valeur('pivot', lieuComplet({ pivot: 'W731234567' }))).toBe(1)
  })
})

describe('critère presentation', () => {
  it('suit les tranches de longueur de data·inclusion', () => {
    expect([0, 49, 50, 199, 200, 1999, 2000, 10_000].map(valeurLongueurPresentation)).toEqual([0, 0, 0.5, 0.5, 1, 1, 0.5, 0.5])
  })

  it('prend le plus long du résumé et de la présentation détaillée', () => {
    const court = 'Un lieu.'
    expect(valeur('presentation', lieuComplet({ presentation_resume: null, presentation_detail: null }))).toBe(0)
    expect(valeur('presentation', lieuComplet({ presentation_resume: 'x'.repeat(250), presentation_detail: court }))).toBe(1)
    expect(valeur('presentation', lieuComplet({ presentation_resume: court, presentation_detail: 'x'.repeat(120) }))).toBe(0.5)
    expect(valeur('presentation', lieuComplet({ presentation_resume: null, presentation_detail: `${' '.repeat(300)}${court}` }))).toBe(0)
  })
})
