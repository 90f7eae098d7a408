/**
 * Sending e-mails: the SMTP `Expediteur` (nodemailer, from `AIGUILLAGE_SMTP_URL`) and the
 * `Facteur`, which sends what waits in the outbox (boite.ts) and records each outcome.
 *
 * Secrets and personal data never reach an error message nor a log: a failure is described by a
 * short French sentence built here from the SMTP reply code and nodemailer's error code only —
 * never from nodemailer's message, which echoes the server's reply (addresses, sometimes more).
 *
 * Several servers may share the database: an e-mail is claimed before it is sent by setting
 * `envoye_le` in one statement (`FOR UPDATE SKIP LOCKED`), so two facteurs never send the same
 * one; a failure gives the claim back. A claim left by a process stopped while sending (the text
 * is still there fifteen minutes later) counts as a failed attempt and the e-mail is tried again.
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm'
import nodemailer from 'nodemailer'
import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport'
import type { Db } from '../platform/db/database.ts'
import { courriels } from '../platform/db/schema.ts'
import { causeRacine } from '../platform/erreurs.ts'
import { normaliserCourriel, type Courriel } from './courriel.ts'

export interface Expediteur {
  /** Sends one e-mail; rejects (preferably with `EchecEnvoiError`) when it was not accepted. */
  envoyer(courriel: Courriel): Promise<void>
}

/**
 * A failed sending, described without address nor credentials. `portee` says whether the failure
 * concerns this message only (refused recipient…) or the server (unreachable, bad credentials,
 * TLS…), in which case trying the next e-mails now is pointless.
 */
export class EchecEnvoiError extends Error {
  override name = 'EchecEnvoiError'
  readonly portee: 'message' | 'serveur'
  constructor(message: string, portee: 'message' | 'serveur') {
    super(message)
    this.portee = portee
  }
}

/** Each SMTP step (connection, greeting, DNS, silence on the socket) waits at most this long. */
const DELAI_MS = 10_000

/**
 * Transport options from an SMTP URL: `smtp://[compte:secret@]hôte[:port]` (port 587 by default,
 * STARTTLS used whenever the server offers it) or `smtps://…` (TLS required: implicit TLS, port
 * 465 by default — or STARTTLS made mandatory when the port is 25, 587 or 2525, which do not speak
 * implicit TLS). The account and secret may be percent-encoded. Throws a French error that never
 * repeats the URL (it holds the password).
 */
export function optionsSmtp(url: string): SMTPTransportOptions {
  const invalide = (precision: string) =>
    new Error(`L’adresse du serveur SMTP (AIGUILLAGE_SMTP_URL) est invalide : ${precision} Forme attendue : smtp://compte:secret@hote:587 ou smtps://compte:secret@hote:465.`)
  let u: URL
  try {
    u = new URL(url)
  } catch {
    throw invalide('elle ne se lit pas comme une adresse.')
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw invalide('elle doit commencer par smtp:// ou smtps://.')
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1')
  if (host === '') throw invalide('le nom du serveur manque.')
  const tlsExige = u.protocol === 'smtps:'
  const port = u.port === '' ? (tlsExige ? 465 : 587) : Number(u.port)
  const starttlsExige = tlsExige && [25, 587, 2525].includes(port)
  let compte: string
  let secret: string
  try {
    compte = decodeURIComponent(u.username)
    secret = decodeURIComponent(u.password)
  } catch {
    throw invalide('le compte ou le mot de passe est mal encodé (encodez les caractères spéciaux, par exemple %40 pour @).')
  }
  return {
    host,
    port,
    secure: tlsExige && !starttlsExige,
    requireTLS: starttlsExige,
    ...(compte === '' && secret === '' ? {} : { auth: { user: compte, pass: secret } }),
    connectionTimeout: DELAI_MS,
    greetingTimeout: DELAI_MS,
    socketTimeout: DELAI_MS,
    dnsTimeout: DELAI_MS,
    // nodemailer's logs would show the SMTP dialogue (addresses, AUTH exchange)
    logger: false,
    debug: false,
    // our messages are plain strings: never let content point to a file or a URL
    disableFileAccess: true,
    disableUrlAccess: true,
  }
}

/** The fields of a nodemailer error we may read: codes only, never the message nor the response. */
interface ErreurNodemailer {
  code?: unknown
  originalCode?: unknown
  responseCode?: unknown
  command?: unknown
}

const codeSur = (valeur: unknown): string | undefined => (typeof valeur === 'string' && /^[A-Z][A-Z0-9_]{1,39}$/.test(valeur) ? valeur : undefined)

/**
 * A short French description of a nodemailer failure, built from its codes only, and whether it
 * concerns the message or the server.
 */
export function echecSmtp(erreur: unknown): EchecEnvoiError {
  if (erreur instanceof EchecEnvoiError) return erreur
  const e: ErreurNodemailer = typeof erreur === 'object' && erreur !== null ? (erreur as ErreurNodemailer) : {}
  const code = codeSur(e.code)
  const origine = codeSur(e.originalCode)
  const reponse = typeof e.responseCode === 'number' && Number.isInteger(e.responseCode) && e.responseCode >= 200 && e.responseCode < 600 ? e.responseCode : undefined
  const commande = typeof e.command === 'string' ? e.command : ''
  const avecCode = (texte: string, c: number | string | undefined) => (c === undefined ? `${texte}.` : `${texte} (${c}).`)
  // 421: the server closes the session (overloaded, shutting down): nothing else will go now
  const portee = (defaut: 'message' | 'serveur') => (reponse === 421 ? 'serveur' : defaut)
  switch (code) {
    case 'EAUTH':
    case 'ENOAUTH':
      return new EchecEnvoiError(avecCode('Le serveur SMTP a refusé l’authentification', reponse), 'serveur')
    case 'EENVELOPE':
      if (commande.startsWith('MAIL')) return new EchecEnvoiError(avecCode('Le serveur SMTP a refusé l’expéditeur', reponse), 'serveur')
      if (commande.startsWith('RCPT')) return new EchecEnvoiError(avecCode('Le serveur SMTP a refusé le destinataire', reponse), portee('message'))
      if (reponse === undefined) return new EchecEnvoiError('L’adresse du destinataire ou de l’expéditeur a été refusée avant l’envoi.', 'message')
      return new EchecEnvoiError(avecCode('Le serveur SMTP a refusé le message', reponse), portee('message'))
    case 'EMESSAGE':
      return new EchecEnvoiError(avecCode('Le serveur SMTP a refusé le message', reponse), portee('message'))
    case 'ETLS':
    case 'EREQUIRETLS':
      return new EchecEnvoiError(avecCode('La connexion chiffrée (TLS) avec le serveur SMTP a échoué', origine), 'serveur')
    case 'EDNS':
      return new EchecEnvoiError('Le nom du serveur SMTP est introuvable (DNS).', 'serveur')
    case 'ETIMEDOUT':
      return new EchecEnvoiError('Le serveur SMTP n’a pas répondu à temps.', 'serveur')
    case 'ECONNECTION':
    case 'ESOCKET':
      if (origine === 'ECONNREFUSED' || origine === 'EHOSTUNREACH' || origine === 'ENETUNREACH') return new EchecEnvoiError(`Connexion au serveur SMTP impossible (${origine}).`, 'serveur')
      if (reponse !== undefined) return new EchecEnvoiError(avecCode('Le serveur SMTP a interrompu la connexion', reponse), 'serveur')
      return new EchecEnvoiError(avecCode('La connexion au serveur SMTP a été interrompue', origine), 'serveur')
    case 'EPROTOCOL':
      return new EchecEnvoiError(avecCode('Réponse inattendue du serveur SMTP', reponse), 'serveur')
    default:
      if (reponse !== undefined) return new EchecEnvoiError(avecCode('Le serveur SMTP a refusé le message', reponse), portee('message'))
      return new EchecEnvoiError(avecCode('Échec de l’envoi par SMTP', code), 'message')
  }
}

/**
 * Sends through the SMTP server of `url` (see `optionsSmtp`), from `de` (e.g.
 * `Aiguillage <ne-pas-repondre@exemple.fr>`). Rejects with `EchecEnvoiError` only.
 */
export function expediteurSmtp(url: string, de: string): Expediteur {
  const transport = nodemailer.createTransport(optionsSmtp(url), { from: de })
  return {
    async envoyer(courriel: Courriel): Promise<void> {
      const { destinataire, sujet, texte } = normaliserCourriel(courriel)
      try {
        await transport.sendMail({
          // an address object is never parsed as a list: one recipient, always
          to: { name: '', address: destinataire },
          subject: sujet,
          text: texte,
          // RFC 3834: automatic messages, so that out-of-office replies are not sent back
          headers: { 'Auto-Submitted': 'auto-generated' },
        })
      } catch (erreur) {
        // a new error, without `cause`: nodemailer's one carries the server's reply
        throw echecSmtp(erreur)
      }
    },
  }
}

/** E-mails handled by one call to `distribuer`. */
const LOT = 50
/** After this many failed attempts an e-mail is no longer tried (it stays readable in the outbox). */
const TENTATIVES_MAX = 5
/**
 * Back-off between attempts, counted from the e-mail's creation: after n failures it waits
 * (4ⁿ − 1) minutes — 3 min, 15 min, 1 h 03, 4 h 15 — so that a server greylisting or briefly
 * down does not use up the attempts within minutes.
 */
const ATTENTE = sql`(power(4, ${courriels.tentatives}) - 1) * interval '1 minute'`
/** A claim older than this, with its text still there, was left by a process stopped while sending. */
const CLAIM_PERIME = sql`now() - interval '15 minutes'`

const LONGUEUR_ERREUR = 200

/** The description stored in `erreur`: ours, or a generic one; never the address. */
function descriptionEchec(erreur: unknown, destinataire: string): EchecEnvoiError {
  // an Expediteur other than ours may reject with anything: only our own descriptions are trusted
  const echec = erreur instanceof EchecEnvoiError ? erreur : echecSmtp(erreur)
  let message = echec.message
  if (destinataire !== '') message = message.split(destinataire).join('…')
  if (message.length > LONGUEUR_ERREUR) message = `${message.slice(0, LONGUEUR_ERREUR - 1)}…`
  return new EchecEnvoiError(message, echec.portee)
}

interface Tournee {
  envoyes: number
  echecs: number
  /** Id of the last e-mail tried: the next round of the same drain starts after it. */
  dernier: number
  /** The round stopped early: a failure of the server. */
  interrompue: boolean
}

export class Facteur {
  readonly #db: Db
  readonly #expediteur: Expediteur | undefined
  readonly #journal: (message: string) => void
  #enCours: Promise<void> | undefined
  #demande = false

  /**
   * `journal` receives the (French, sanitised) message of an error of the background work;
   * standard error by default.
   */
  constructor(db: Db, expediteur: Expediteur | undefined, journal: (message: string) => void = (message) => console.error(message)) {
    this.#db = db
    this.#expediteur = expediteur
    this.#journal = journal
  }

  /**
   * Tries to send every unsent e-mail (oldest first, at most 50 per call, those with fewer than 5
   * attempts); on success sets `envoye_le` and erases `texte`; on failure increments `tentatives`
   * and stores a short error without address nor credentials. After a failure of the server
   * (unreachable, authentication, TLS, time-out) the remaining e-mails wait for the next call
   * without an attempt counted. Never throws for a delivery failure (a database error does).
   * Without an expediteur it does nothing.
   */
  async distribuer(): Promise<{ envoyes: number; echecs: number }> {
    const { envoyes, echecs } = await this.#tournee(0)
    return { envoyes, echecs }
  }

  /**
   * Calls `distribuer()` soon, in the background, coalescing the calls made meanwhile; drains the
   * outbox 50 by 50 without trying again in the same drain an e-mail that just failed. Call it
   * after the transaction that deposited the e-mail has committed. Errors go to the journal.
   */
  signaler(): void {
    if (!this.#expediteur) return
    this.#demande = true
    if (this.#enCours) return
    this.#enCours = this.#vider().finally(() => {
      this.#enCours = undefined
    })
  }

  /** Waits for the background work (tests, shutdown). */
  async attendre(): Promise<void> {
    while (this.#enCours) await this.#enCours
  }

  async #vider(): Promise<void> {
    // "soon": let the calls of the current turn gather into one
    await new Promise<void>((resolve) => setImmediate(resolve))
    while (this.#demande) {
      this.#demande = false
      try {
        let apres = 0
        for (;;) {
          const tournee = await this.#tournee(apres)
          if (tournee.interrompue || tournee.envoyes + tournee.echecs < LOT) break
          apres = tournee.dernier
        }
      } catch (erreur) {
        try {
          this.#journal(`Distribution des courriels interrompue : ${causeRacine(erreur)}`)
        } catch {
          // a journal that fails must not stop the facteur
        }
      }
    }
  }

  async #tournee(apres: number): Promise<Tournee> {
    const tournee: Tournee = { envoyes: 0, echecs: 0, dernier: apres, interrompue: false }
    const expediteur = this.#expediteur
    if (!expediteur) return tournee
    await this.#reprendreAbandonnes()
    while (tournee.envoyes + tournee.echecs < LOT) {
      const courriel = await this.#prendre(tournee.dernier)
      if (!courriel) break
      tournee.dernier = courriel.id
      try {
        await expediteur.envoyer({ destinataire: courriel.destinataire, sujet: courriel.sujet, texte: courriel.texte ?? '' })
      } catch (erreur) {
        const echec = descriptionEchec(erreur, courriel.destinataire)
        await this.#db
          .update(courriels)
          .set({ envoyeLe: null, tentatives: sql`${courriels.tentatives} + 1`, erreur: echec.message })
          .where(eq(courriels.id, courriel.id))
        tournee.echecs++
        if (echec.portee === 'serveur') {
          tournee.interrompue = true
          break
        }
        continue
      }
      await this.#db.update(courriels).set({ envoyeLe: sql`now()`, texte: null, erreur: null }).where(eq(courriels.id, courriel.id))
      tournee.envoyes++
    }
    return tournee
  }

  /** Claims the oldest e-mail waiting after `apres`, skipping those another facteur is claiming. */
  async #prendre(apres: number): Promise<{ id: number; destinataire: string; sujet: string; texte: string | null } | undefined> {
    const libre = this.#db
      .select({ id: courriels.id })
      .from(courriels)
      .where(and(isNull(courriels.envoyeLe), isNotNull(courriels.texte), lt(courriels.tentatives, TENTATIVES_MAX), gt(courriels.id, apres), sql`${courriels.creeLe} + ${ATTENTE} <= now()`))
      .orderBy(asc(courriels.id))
      .limit(1)
      .for('update', { skipLocked: true })
    const [pris] = await this.#db
      .update(courriels)
      .set({ envoyeLe: sql`now()` })
      .where(and(inArray(courriels.id, libre), isNull(courriels.envoyeLe)))
      .returning({ id: courriels.id, destinataire: courriels.destinataire, sujet: courriels.sujet, texte: courriels.texte })
    return pris
  }

  /** Gives back the claims of a process stopped while sending, as a failed attempt. */
  async #reprendreAbandonnes(): Promise<void> {
    await this.#db
      .update(courriels)
      .set({ envoyeLe: null, tentatives: sql`${courriels.tentatives} + 1`, erreur: 'Envoi interrompu (serveur arrêté pendant l’envoi) ; il sera retenté.' })
      .where(and(isNotNull(courriels.texte), lt(courriels.envoyeLe, CLAIM_PERIME)))
  }
}
