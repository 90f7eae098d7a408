/**
 * Passwords: the policy a new password must meet (length, not a common or predictable one, not
 * the account's e-mail or name) with its French messages, and argon2id hashing with the OWASP
 * parameters, including a verification against no account that costs as much as a real one.
 */
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import { hash, verify } from '@node-rs/argon2'
import type { Algorithm, Options } from '@node-rs/argon2'
import { sansAccents } from '../../platform/text.ts'
import { MOTS_DE_PASSE_FRANCAIS } from './mots-de-passe-courants.ts'

export const LONGUEUR_MIN = 12
export const LONGUEUR_MAX = 256

const CONSEIL = 'choisissez-en un autre, par exemple une phrase de quelques mots.'
const TROP_COURT = `Le mot de passe doit contenir au moins ${LONGUEUR_MIN} caractères.`
const TROP_LONG = `Le mot de passe ne doit pas dépasser ${LONGUEUR_MAX} caractères.`
const COURANT = `Ce mot de passe fait partie des mots de passe les plus courants : ${CONSEIL}`
const PREVISIBLE = `Ce mot de passe est trop prévisible (caractères répétés, suite ou rangée du clavier) : ${CONSEIL}`
const PERSONNEL = 'Le mot de passe ne doit pas contenir votre adresse électronique ni votre nom.'

/** Lower case, no accents, ligatures unfolded, spaces and separators removed. */
function simplifier(texte: string): string {
  const minuscules = texte.normalize('NFC').toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss')
  return sansAccents(minuscules).replace(/[\s\-_.'’]+/gu, '')
}

let courants: Set<string> | undefined

/** The ~49,000 common passwords of zxcvbn-ts and the French ones, decompressed on first use only. */
function motsDePasseCourants(): Set<string> {
  if (!courants) {
    const require = createRequire(import.meta.url)
    const { dictionary } = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common')
    courants = new Set([...dictionary['passwords-common'], ...MOTS_DE_PASSE_FRANCAIS].map(simplifier))
  }
  return courants
}

/** The unit `texte` repeats exactly (« soleilsoleil » → « soleil »), or `texte` itself. */
function unite(texte: string): string {
  for (let l = 1; l <= texte.length / 2; l++) {
    if (texte.length % l === 0 && texte.slice(0, l).repeat(texte.length / l) === texte) return texte.slice(0, l)
  }
  return texte
}

const SUITES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz']
const CLAVIERS = ['azertyuiopqsdfghjklmwxcvbn', 'qwertyuiopasdfghjklzxcvbnm', 'qwertzuiopasdfghjklyxcvbnm', '1234567890']

/** A pattern of at most 4 characters repeated, a run up or down the digits or the alphabet, or a keyboard row. */
function previsible(texte: string): boolean {
  for (let l = 1; l <= 4 && l < texte.length; l++) {
    if (texte.slice(0, l).repeat(Math.ceil(texte.length / l)).slice(0, texte.length) === texte) return true
  }
  const motif = unite(texte)
  for (const suite of SUITES) {
    const rangs = [...motif].map((c) => suite.indexOf(c))
    if (rangs.includes(-1)) continue
    for (const pas of [1, suite.length - 1]) {
      if (rangs.every((rang, i) => i === 0 || rang === ((rangs[i - 1] ?? 0) + pas) % suite.length)) return true
    }
  }
  const inverse = [...motif].reverse().join('')
  return CLAVIERS.some((rangee) => rangee.includes(motif) || rangee.includes(inverse))
}

const LEET: Readonly<Record<string, string>> = { '@': 'a', '4': 'a', '0': 'o', '3': 'e', $: 's', '5': 's', '7': 't', '!': 'i', '|': 'l' }

/** « p@ssw0rd » → « password »; `1` is read both as `i` and as `l`. */
function sansLeet(texte: string): string[] {
  const lu = [...texte].map((c) => LEET[c] ?? c).join('')
  return [lu.replace(/1/g, 'i'), lu.replace(/1/g, 'l')]
}

/** Words of the e-mail's local part or of the name, lower case, without accents. */
function motsPersonnels(texte: string): string[] {
  return sansAccents(texte.normalize('NFC').toLowerCase()).split(/[^\p{L}]+/u).filter((mot) => mot !== '')
}

function contientDuPersonnel(cle: string, coeur: string, contexte: { courriel?: string; nom?: string }): boolean {
  const sources = [contexte.courriel?.split('@')[0] ?? '', contexte.nom ?? '']
  for (const source of sources) {
    const entier = simplifier(source).replace(/[^\p{L}\p{N}]+/gu, '')
    if (entier.length >= 4 && cle.includes(entier)) return true
    for (const mot of motsPersonnels(source)) {
      if ((mot.length >= 5 && cle.includes(mot)) || (mot.length >= 3 && (mot === coeur || mot === unite(coeur)))) return true
    }
  }
  return false
}

/**
 * Weak all through: every run of letters, of digits or of other characters is a common password,
 * an obvious sequence or a number of at most 4 digits (a year), but for 3 characters at most
 * (« xy123456789012 », « abcdefgh1234 », « chien1234chat »).
 */
function faibleDeBoutEnBout(cle: string, courant: (texte: string) => boolean): 'courant' | 'previsible' | undefined {
  let isoles = 0
  let avecUnMotCourant = false
  for (const morceau of cle.match(/\p{L}+|\p{N}+|[^\p{L}\p{N}]+/gu) ?? []) {
    if (morceau.length >= 3 && courant(morceau)) avecUnMotCourant = true
    else if (!(morceau.length >= 3 && previsible(morceau)) && !/^\p{N}{1,4}$/u.test(morceau)) isoles += [...morceau].length
  }
  if (isoles > 3) return undefined
  return avecUnMotCourant ? 'courant' : 'previsible'
}

/** Why `motDePasse` cannot be chosen, in French, or `undefined` when it can. */
export function problemeMotDePasse(motDePasse: string, contexte: { courriel?: string; nom?: string } = {}): string | undefined {
  const longueur = [...motDePasse.normalize('NFC')].length
  if (longueur < LONGUEUR_MIN) return TROP_COURT
  if (longueur > LONGUEUR_MAX) return TROP_LONG
  const cle = simplifier(motDePasse)
  // Without the punctuation at either end (« 123456789012!! »), then without the digits too (« Azerty123456! »).
  const sansPonctuation = cle.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
  const coeur = cle.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
  if (contientDuPersonnel(cle, coeur, contexte)) return PERSONNEL
  const liste = motsDePasseCourants()
  const courant = (texte: string) => liste.has(texte) || liste.has(unite(texte))
  const candidats = [cle, sansPonctuation]
  if (coeur.length >= 3) candidats.push(coeur, ...sansLeet(coeur))
  if (candidats.some(courant)) return COURANT
  if (new Set(cle).size < 4 || previsible(cle) || (sansPonctuation !== '' && previsible(sansPonctuation))) return PREVISIBLE
  if (coeur.length >= 6 && previsible(coeur)) return PREVISIBLE
  const faiblesse = faibleDeBoutEnBout(cle, courant)
  return faiblesse === 'courant' ? COURANT : faiblesse === 'previsible' ? PREVISIBLE : undefined
}

/**
 * `Algorithm.Argon2id`, an ambient `const enum` that `verbatimModuleSyntax` forbids reading as a
 * value (TS2748); the type still checks the number.
 */
const ARGON2ID: Algorithm.Argon2id = 2
/** OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 passes, 1 lane. */
const PARAMETRES: Options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 }

/** The PHC string `$argon2id$v=19$m=19456,t=2,p=1$…` of the NFC-normalised password. */
export async function hacherMotDePasse(motDePasse: string): Promise<string> {
  return hash(motDePasse.normalize('NFC'), PARAMETRES)
}

/** False for a wrong password and for a malformed hash: never throws. */
export async function verifierMotDePasse(empreinte: string, motDePasse: string): Promise<boolean> {
  try {
    return await verify(empreinte, motDePasse.normalize('NFC'))
  } catch {
    return false
  }
}

let factice: Promise<string> | undefined

/**
 * For an unknown e-mail: the same work as checking a wrong password (a verification against a
 * hash with the same parameters, computed once), so that response times do not tell which
 * addresses have an account.
 */
export async function verifierSansCompte(motDePasse: string): Promise<false> {
  factice ??= hash(randomBytes(32).toString('base64url'), PARAMETRES).catch((erreur: unknown) => {
    factice = undefined
    throw erreur
  })
  await verifierMotDePasse(await factice, motDePasse)
  return false
}
