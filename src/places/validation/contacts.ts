/**
 * `courriels` and the URL fields (`site_web`, `fiche_acces_libre`, `prise_rdv`). Invalid items
 * are dropped one by one with a warning (a lone « - » is taken for « none », silently); an e-mail address written in `site_web` moves to
 * `courriels`; a web address without its scheme gets `https://`.
 */
import { z } from 'zod'
import { nettoyerLigne } from '../../platform/text.ts'
import type { Constat } from './problems.ts'

const schemaCourriel = z.email()
const schemaUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain })

/** The URL shape the ANCT library's `Url()` accepts (used for `fiche_acces_libre` and `prise_rdv`). */
const URL_BIBLIOTHEQUE =
  /^[A-Za-z]{3,9}:(?:\/\/)?(?:[;:&=+$,\w-]+@)?[A-Za-z0-9.-]+(?:(?:\/[+~,%@/.\w_-]*)?\??[-+=&;%@.\w_]*#?[.!/\\\w]*)?$/u

const morceaux = (texte: string, separateurs: RegExp): string[] =>
  texte.split(separateurs).map((m) => m.trim()).filter((m) => m !== '')

const listeBrute = (brut: unknown): string[] =>
  brut === null || brut === undefined ? [] : Array.isArray(brut) ? brut.map(String) : [String(brut)]

export function lireCourriel(texte: string): string | null {
  const candidat = texte.replace(/^mailto:/i, '').trim()
  return schemaCourriel.safeParse(candidat).success ? candidat : null
}

export function lireCourriels(brut: unknown, constat: Constat, enPlus: readonly string[] = []): string[] {
  const retenus: string[] = []
  for (const element of listeBrute(brut)) {
    for (const morceau of morceaux(nettoyerLigne(element) ?? '', /[|;,\s]+/)) {
      // « - », « / », « . »: a form's way of saying « none »
      if (!/[\p{L}\p{N}]/u.test(morceau)) continue
      const courriel = lireCourriel(morceau)
      if (courriel === null) {
        constat.avertissement('courriels', morceau, `L'adresse électronique « ${morceau} » n'est pas valide : elle est ignorée.`)
      } else if (!retenus.includes(courriel)) retenus.push(courriel)
    }
  }
  for (const courriel of enPlus) if (!retenus.includes(courriel)) retenus.push(courriel)
  return retenus
}

/** Percent-encodes the characters of `texte` that `admis` does not accept. */
function encoder(texte: string, admis: RegExp): string {
  let sortie = ''
  for (const c of texte) {
    sortie += admis.test(c) || c === '%' ? c : [...new TextEncoder().encode(c)].map((o) => `%${o.toString(16).toUpperCase().padStart(2, '0')}`).join('')
  }
  return sortie
}

/**
 * The same address in the shape the ANCT library's `Url()` accepts: path and query characters
 * it refuses are percent-encoded (same address for the server); a fragment it refuses is
 * dropped (it only scrolls the page). A port cannot be written in that shape: `null`.
 */
function formeBibliotheque(url: URL): string | null {
  if (url.port !== '' || url.username !== '' || url.password !== '') return null
  const chemin = encoder(url.pathname, /[+~,@/.\w-]/)
  const requete = url.search === '' ? '' : `?${encoder(url.search.slice(1), /[-+=&;@.\w]/)}`
  const fragment = /^#[.!/\\\w]*$/.test(url.hash) ? url.hash : ''
  return `${url.protocol}//${url.hostname}${chemin}${requete}${fragment}`
}

/** A web address in canonical form, or `null`. `strict` also requires the ANCT library's URL shape. */
export function lireUrl(texte: string, strict: boolean): string | null {
  let candidat = texte.trim()
  if (!/^[a-z][a-z0-9+.-]*:/i.test(candidat) && /^[\w-]+(\.[\w-]+)+(\/|$)/.test(candidat)) candidat = `https://${candidat}`
  // Spaces are not part of an address: encoded, as browsers do.
  if (/\s/.test(candidat)) candidat = candidat.replace(/\s/g, '%20')
  if (!schemaUrl.safeParse(candidat).success) return null
  if (!strict || URL_BIBLIOTHEQUE.test(candidat)) return candidat
  const forme = formeBibliotheque(new URL(candidat))
  return forme !== null && URL_BIBLIOTHEQUE.test(forme) ? forme : null
}

export interface SitesWeb {
  sites: string[]
  courriels: string[]
}

export function lireSitesWeb(brut: unknown, constat: Constat): SitesWeb {
  const sites: string[] = []
  const courriels: string[] = []
  for (const element of listeBrute(brut)) {
    for (const morceau of morceaux(nettoyerLigne(element) ?? '', /\s*\|\s*|\s+(?=https?:|www\.)|\s*;\s*/)) {
      const courriel = morceau.includes('@') && !morceau.includes('/') ? lireCourriel(morceau) : null
      if (courriel !== null) {
        constat.correction('site_web', morceau, `« ${morceau} » est une adresse électronique : elle est déplacée dans courriels.`)
        courriels.push(courriel)
        continue
      }
      const url = lireUrl(morceau, false)
      if (url === null) {
        constat.avertissement('site_web', morceau, `L'adresse web « ${morceau} » n'est pas valide : elle est ignorée.`)
      } else {
        if (url !== morceau) constat.correction('site_web', morceau, `Adresse web complétée : « ${url} ».`)
        if (!sites.includes(url)) sites.push(url)
      }
    }
  }
  return { sites, courriels }
}

export function lireLien(champ: 'fiche_acces_libre' | 'prise_rdv', brut: unknown, constat: Constat): string | null {
  const texte = nettoyerLigne(brut)
  if (texte === null) return null
  const url = lireUrl(texte, true)
  if (url === null) {
    constat.avertissement(champ, brut, `L'adresse web « ${texte} » n'est pas valide : elle est ignorée.`)
    return null
  }
  if (url !== texte) constat.correction(champ, brut, `Adresse web normalisée : « ${url} ».`)
  return url
}
