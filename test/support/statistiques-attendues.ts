/**
 * What the statistics should say, recomputed in memory from a model of the recorded activities
 * with La Coop's pure counting (`compterAccompagnements`, `repartitionPonderee`) and written
 * independently of the code under test: scope and filters applied activity by activity, anonymous
 * beneficiaries each distinct, followed ones distinct by id, « new » when their earliest
 * accompaniment is among the selected activities, ages from the birth year.
 */
import { compterAccompagnements, repartitionPonderee } from '../../src/activity/domain/comptage.ts'
import type { Activite } from '../../src/activity/domain/validation.ts'
import { GENRES, STATUTS_SOCIAUX, THEMATIQUES, TRANCHES_AGE, trancheDuree } from '../../src/activity/domain/vocabulaire.ts'
import type { Filtres, Portee } from '../../src/activity/stats/filtres.ts'
import { referentiel } from '../../src/territories/referentiel.ts'

export interface Suivi {
  id: string
  structure: number
  genre: string
  trancheAge: string
  anneeNaissance: number | null
  statutSocial: string
  residence: string | null
}

export interface ActiviteModele {
  id: string
  activite: Activite
  mediateurId: number
  lieuUid: number
  structureId: number
  codeInsee: string
  departement: string
  /** Order of recording (kept by edits). */
  ordre: number
}

export interface Modele {
  activites: Map<string, ActiviteModele>
  suivis: Map<string, Suivi>
  ordre: number
}

function dansPortee(e: ActiviteModele, p: Portee): boolean {
  if ('mediateur' in p) return e.mediateurId === p.mediateur
  if ('lieu' in p) return e.lieuUid === p.lieu
  if ('lieux' in p) return p.lieux.includes(e.lieuUid)
  if ('structure' in p) return e.structureId === p.structure
  if ('territoire' in p) {
    const t = p.territoire
    if (t.type === 'departement') return e.departement === t.code
    if (t.type === 'region') return referentiel().departements.get(e.departement)?.region === t.code
    return t.communes.includes(e.codeInsee)
  }
  return true
}

function filtree(e: ActiviteModele, f: Filtres): boolean {
  const a = e.activite
  if (f.types && f.types.length === 1 && a.type !== f.types[0]) return false
  if (f.mediateur !== undefined && e.mediateurId !== f.mediateur) return false
  if (f.lieu !== undefined && e.lieuUid !== f.lieu) return false
  if (f.commune !== undefined && e.codeInsee !== f.commune) return false
  if (f.thematique !== undefined && !(a.thematiques as string[]).includes(f.thematique) && !(a.thematiquesDemarche as string[]).includes(f.thematique)) return false
  return true
}

const suivisDe = (a: Activite): string[] => (a.type === 'individuel' ? (a.beneficiaireSuivi ? [a.beneficiaireSuivi] : []) : [...new Set(a.beneficiairesSuivis)])
const ajouter = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n)
const sansZeros = (m: Map<string, number>) => new Map([...m].filter(([, n]) => n !== 0))
const moisPlus = (mois: string, n: number) => {
  const [a, m] = mois.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(a, m - 1 + n, 1)).toISOString().slice(0, 10)
}
const jourPlus = (jour: string, n: number) => new Date(Date.parse(`${jour}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

function tranche(s: Suivi, annee: number): string {
  if (s.anneeNaissance === null) return s.trancheAge
  const age = annee - s.anneeNaissance
  return age < 12 ? 'moins_de_douze' : age < 18 ? 'douze_dix_huit' : age < 25 ? 'dix_huit_vingt_quatre' : age < 40 ? 'vingt_cinq_trente_neuf' : age < 60 ? 'quarante_cinquante_neuf' : age < 70 ? 'soixante_soixante_neuf' : 'soixante_dix_plus'
}

export function attendu(modele: Modele, portee: Portee, f: Filtres, aujourdhui: string) {
  const au = f.au ?? aujourdhui
  const du = f.du ?? moisPlus(`${au.slice(0, 7)}-01`, -11)
  const retenues = [...modele.activites.values()].filter((e) => dansPortee(e, portee) && filtree(e, f))
  const sel = retenues.filter((e) => e.activite.date >= du && e.activite.date <= au)
  const acts = sel.map((e) => e.activite)
  const ind = acts.filter((a) => a.type === 'individuel')
  const col = acts.filter((a) => a.type === 'collectif')

  // beneficiaries: anonymous each distinct, followed distinct by id
  const anonymes = ind.filter((a) => a.type === 'individuel' && !a.beneficiaireSuivi).length + col.reduce((s, a) => s + (a.type === 'collectif' ? a.participants.total : 0), 0)
  const nouveauxAnonymes = acts.reduce((s, a) => s + (a.type === 'individuel' ? (a.beneficiaireAnonyme && !a.beneficiaireAnonyme.dejaAccompagne ? 1 : 0) : a.participants.total - a.participants.dejaAccompagne), 0)
  const suivis = new Set(acts.flatMap(suivisDe))
  const ids = new Set(sel.map((e) => e.id))
  const premiere = (b: string) =>
    [...modele.activites.values()].filter((e) => suivisDe(e.activite).includes(b)).sort((x, y) => x.activite.date.localeCompare(y.activite.date) || x.ordre - y.ordre)[0]?.id
  const nouveauxSuivis = [...suivis].filter((b) => ids.has(premiere(b) ?? '')).length

  const demo = { genre: new Map<string, number>(), age: new Map<string, number>(), statut: new Map<string, number>(), residence: new Map<string, number>() }
  for (const a of acts) {
    if (a.type === 'individuel') {
      const b = a.beneficiaireAnonyme
      if (a.beneficiaireSuivi || !b) continue
      ajouter(demo.genre, b.genre, 1)
      ajouter(demo.age, b.trancheAge, 1)
      ajouter(demo.statut, b.statutSocial, 1)
      ajouter(demo.residence, b.communeResidence ?? '', 1)
    } else {
      const p = a.participants
      for (const [carte, comptes, vocabulaire] of [[demo.genre, p.genre, GENRES], [demo.age, p.trancheAge, TRANCHES_AGE], [demo.statut, p.statutSocial, STATUTS_SOCIAUX]] as const) {
        let reste = p.total
        for (const v of vocabulaire) {
          const n = (comptes as Record<string, number>)[v.valeur] ?? 0
          ajouter(carte, v.valeur, n)
          reste -= n
        }
        ajouter(carte, 'non_communique', reste)
      }
      ajouter(demo.residence, '', p.total)
    }
  }
  const annee = Number(aujourdhui.slice(0, 4))
  for (const b of suivis) {
    const s = modele.suivis.get(b) as Suivi
    ajouter(demo.genre, s.genre, 1)
    ajouter(demo.age, tranche(s, annee), 1)
    ajouter(demo.statut, s.statutSocial, 1)
    ajouter(demo.residence, s.residence ?? '', 1)
  }

  const avecModele = sel.map((e) => ({ ...e.activite, e })) as Array<Activite & { e: ActiviteModele }>
  const repartitions: Record<string, Map<string, number>> = {
    type: sansZeros(new Map([['individuel', compterAccompagnements(ind)], ['collectif', compterAccompagnements(col)]])),
    thematique: sansZeros(repartitionPonderee(acts, (a) => a.thematiques, THEMATIQUES.map((t) => t.valeur))),
    demarche: sansZeros(repartitionPonderee(acts, (a) => a.thematiquesDemarche)),
    materiel: sansZeros(repartitionPonderee(acts, (a) => a.materiel)),
    canal: sansZeros(repartitionPonderee(acts, (a) => a.typeLieu)),
    duree: sansZeros(repartitionPonderee(acts, (a) => trancheDuree(a.duree))),
    autonomie: sansZeros(repartitionPonderee(acts, (a) => (a.type === 'individuel' && a.autonomie ? [a.autonomie] : []))),
    niveau: sansZeros(repartitionPonderee(acts, (a) => (a.type === 'collectif' && a.niveau ? [a.niveau] : []))),
    redirection: sansZeros(repartitionPonderee(acts, (a) => (a.type === 'individuel' && a.orienteVersStructure ? [a.structureDeRedirection ?? 'non_precise'] : []))),
    lieux: sansZeros(repartitionPonderee(avecModele, (a) => (a.typeLieu === 'lieu_activite' ? [String(a.e.lieuUid)] : []))),
    communes: sansZeros(repartitionPonderee(avecModele, (a) => a.e.codeInsee)),
    genre: sansZeros(demo.genre),
    age: sansZeros(demo.age),
    statut: sansZeros(demo.statut),
    residence: sansZeros(demo.residence),
  }

  const debutSerie = moisPlus(`${au.slice(0, 7)}-01`, -11)
  const parMois = Array.from({ length: 12 }, (_, i) => moisPlus(debutSerie, i)).map((mois) => {
    const du = retenues.filter((e) => e.activite.date.slice(0, 7) === mois.slice(0, 7) && e.activite.date <= au)
    return [mois, compterAccompagnements(du.map((e) => e.activite)), du.length]
  })
  const debutJours = jourPlus(au, -29) > du ? jourPlus(au, -29) : du
  const jours = new Map<string, number>()
  for (const a of acts) if (a.date >= debutJours) ajouter(jours, a.date, compterAccompagnements([a]))
  const parJour = [...sansZeros(jours)].sort(([x], [y]) => x.localeCompare(y))

  return {
    accompagnements: { total: compterAccompagnements(acts), individuels: compterAccompagnements(ind), collectifs: compterAccompagnements(col) },
    activites: { total: acts.length, individuelles: ind.length, collectives: col.length, participantsAteliers: compterAccompagnements(col) },
    beneficiaires: { total: anonymes + suivis.size, suivis: suivis.size, anonymes, nouveaux: nouveauxAnonymes + nouveauxSuivis, nouveauxSuivis, nouveauxAnonymes },
    repartitions,
    parMois,
    parJour,
  }
}
