/**
 * Free-text fields: `presentation_resume` (at most 280 characters in v1.0.2, 500 in v0.1; a
 * longer summary is shortened at a word boundary and, if the place has no detailed
 * presentation, kept whole there), `presentation_detail`, `source`, `structure_parente`.
 * Presentations lose their HTML (`<br>`, entities), markdown escapes (`\-`), emphasis (`**…**`)
 * and heading marks (`####`): they are shown as plain text.
 */
import { nettoyerLigne, nettoyerTexte } from '../../platform/text.ts'
import { LONGUEUR_MAX_RESUME } from '../standard/fields.ts'
import type { Constat } from './problems.ts'

export interface Presentation {
  presentation_resume: string | null
  presentation_detail: string | null
}

export function raccourcir(texte: string, longueur: number): string {
  if (texte.length <= longueur) return texte
  let coupe = texte.slice(0, longueur - 1)
  // never split a character outside the basic plane (emoji) in two
  if (/[\ud800-\udbff]$/.test(coupe)) coupe = coupe.slice(0, -1)
  const espace = coupe.lastIndexOf(' ')
  return `${(espace > longueur * 0.6 ? coupe.slice(0, espace) : coupe).replace(/[\s,;:.-]+$/, '')}…`
}

/** A presentation as plain text: HTML, entities, markdown escapes, emphasis and heading marks removed. */
export function nettoyerPresentation(brut: unknown): string | null {
  const texte = nettoyerTexte(brut)
  if (texte === null || !/[*#_]/.test(texte)) return texte
  return nettoyerTexte(
    texte
      .replace(/\*\*([^*]*)\*\*/g, '$1')
      .replace(/(^|\s)__([^_]+)__(?=\s|[.,;:!?]|$)/g, '$1$2')
      .replace(/\*\*/g, '')
      .replace(/^#{1,6}[ \t]+/gm, '')
      .replace(/^\*[ \t]+/gm, '- '),
  )
}

export function lirePresentation(resumeBrut: unknown, detailBrut: unknown, constat: Constat): Presentation {
  const resume = nettoyerPresentation(resumeBrut)
  let detail = nettoyerPresentation(detailBrut)
  if (resume === null || resume.length <= LONGUEUR_MAX_RESUME) return { presentation_resume: resume, presentation_detail: detail }
  const court = raccourcir(resume, LONGUEUR_MAX_RESUME)
  let suite = ''
  if (detail === null) {
    detail = resume
    suite = ' ; le texte complet est repris dans la présentation détaillée'
  }
  constat.correction(
    'presentation_resume',
    resume,
    `Le résumé fait ${resume.length} caractères, le standard en admet ${LONGUEUR_MAX_RESUME} : il est raccourci${suite}.`,
  )
  return { presentation_resume: court, presentation_detail: detail }
}

export const lireTexteLibre = (brut: unknown): string | null => nettoyerLigne(brut)
