/**
 * The outbox and its facteur against the real database (PGlite, and PostgreSQL when
 * TEST_DATABASE_URL is set) and a real SMTP server on a loopback port (smtp-server): delivery,
 * refusal, server down, no SMTP configured, coalesced signals, claims shared by two facteurs, and
 * credentials that never reach an error.
 */
import { once } from 'node:events'
import net, { type AddressInfo } from 'node:net'
import { inspect } from 'node:util'
import { eq, sql } from 'drizzle-orm'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { courrielParId, courrielsRecents, deposerCourriel } from '../src/mail/boite.ts'
import { CourrielInvalideError, type Courriel } from '../src/mail/courriel.ts'
import { EchecEnvoiError, Facteur, expediteurSmtp, type Expediteur } from '../src/mail/expedition.ts'
import type { Base } from '../src/platform/db/database.ts'
import { courriels } from '../src/platform/db/schema.ts'
import { pourChaqueMoteur } from './support/bases.ts'

const DE = 'Aiguillage <ne-pas-repondre@aiguillage.test>'

interface Recu {
  de: string
  a: string[]
  brut: string
}

/** A real SMTP server on 127.0.0.1, plain text (no STARTTLS), keeping what it receives. */
async function serveurSmtp(options: Partial<SMTPServerOptions> = {}): Promise<{ port: number; recus: Recu[]; fermer: () => Promise<void> }> {
  const recus: Recu[] = []
  const serveur = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(flux, session, fin) {
      const morceaux: Buffer[] = []
      flux.on('data', (m: Buffer) => morceaux.push(m))
      flux.on('end', () => {
        recus.push({
          de: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          a: session.envelope.rcptTo.map((r) => r.address),
          brut: Buffer.concat(morceaux).toString('utf8'),
        })
        fin()
      })
    },
    ...options,
  })
  serveur.listen(0, '127.0.0.1')
  await once(serveur.server, 'listening')
  const port = (serveur.server.address() as AddressInfo).port
  return { port, recus, fermer: () => new Promise<void>((resolve) => serveur.close(() => resolve())) }
}

/** A loopback port nobody listens on. */
async function portFerme(): Promise<number> {
  const s = net.createServer()
  s.listen(0, '127.0.0.1')
  await once(s, 'listening')
  const port = (s.address() as AddressInfo).port
  await new Promise<void>((resolve) => s.close(() => resolve()))
  return port
}

/** Minimal reading of a received message: unfolded headers (encoded words decoded) and the decoded body. */
function lire(brut: string): { entetes: Map<string, string>; corps: string } {
  const separation = brut.indexOf('\r\n\r\n')
  const entetesBruts = brut.slice(0, separation).replace(/\r\n[ \t]+/g, ' ')
  const entetes = new Map<string, string>()
  for (const ligne of entetesBruts.split('\r\n')) {
    const i = ligne.indexOf(':')
    entetes.set(ligne.slice(0, i).toLowerCase(), decoderMots(ligne.slice(i + 1).trim()))
  }
  const corpsBrut = brut.slice(separation + 4)
  const encodage = (entetes.get('content-transfer-encoding') ?? '7bit').toLowerCase()
  let corps: string
  if (encodage === 'quoted-printable') corps = decoderQp(corpsBrut)
  else if (encodage === 'base64') corps = Buffer.from(corpsBrut.replace(/\s+/g, ''), 'base64').toString('utf8')
  else corps = corpsBrut
  return { entetes, corps: corps.replace(/\r\n/g, '\n') }
}

function decoderQp(texte: string): string {
  const sansCoupures = texte.replace(/=\r\n/g, '')
  const octets: number[] = []
  for (let i = 0; i < sansCoupures.length; i++) {
    const c = sansCoupures[i] as string
    if (c === '=' && /^[0-9A-F]{2}$/i.test(sansCoupures.slice(i + 1, i + 3))) {
      octets.push(parseInt(sansCoupures.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      octets.push(...Buffer.from(c, 'utf8'))
    }
  }
  return Buffer.from(octets).toString('utf8')
}

/** RFC 2047 encoded words (Q and B), adjacent words joined. */
function decoderMots(valeur: string): string {
  return valeur
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _jeu: string, codage: string, texte: string) =>
      codage.toUpperCase() === 'B' ? Buffer.from(texte, 'base64').toString('utf8') : decoderQp(texte.replace(/_/g, ' ')),
    )
}

const INVITATION: Courriel = {
  destinataire: 'marie.dupont@exemple.fr',
  sujet: 'Votre invitation à rejoindre l’espace « Aiguillage » — Savoie',
  texte: [
    'Bonjour,',
    '',
    'Élodie vous invite à gérer les lieux de la médiathèque de Chambéry. Pour créer votre compte, suivez ce lien (valable 7 jours) :',
    'http://localhost:3000/invitation/7f3a9c0e1b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d',
    '',
    'Ce courriel vous est envoyé automatiquement ; n’y répondez pas.',
  ].join('\n'),
}

/** Deposits `n` e-mails one after the other (ids in order). */
async function deposer(base: Base, n: number, prefixe = 'personne'): Promise<number[]> {
  const ids: number[] = []
  for (let i = 0; i < n; i++) ids.push(await deposerCourriel(base.db, { destinataire: `${prefixe}${i}@exemple.fr`, sujet: `Message ${i}`, texte: `Texte ${i}` }))
  return ids
}

pourChaqueMoteur('boîte d’envoi et facteur', (moteur) => {
  let base: Base
  beforeAll(async () => {
    base = await moteur.ouvrir()
  })
  afterAll(async () => {
    await base.fermer()
  })
  beforeEach(async () => {
    await base.db.delete(courriels)
  })

  it('dépose, liste du plus récent au plus ancien, filtre par destinataire', async () => {
    const premier = await deposerCourriel(base.db, { destinataire: ' Jean@Exemple.fr ', sujet: 'Premier\r\n  sujet', texte: 'Ligne 1\r\nLigne 2' })
    const second = await deposerCourriel(base.db, INVITATION)
    expect(second).toBeGreaterThan(premier)
    const liste = await courrielsRecents(base.db)
    expect(liste.map((c) => c.id)).toEqual([second, premier])
    expect(liste[1]).toMatchObject({ destinataire: 'Jean@Exemple.fr', sujet: 'Premier sujet', texte: 'Ligne 1\nLigne 2', envoyeLe: null, tentatives: 0, erreur: null })
    expect(liste[1]?.creeLe).toBeInstanceOf(Date)
    expect((await courrielsRecents(base.db, { limite: 1 })).map((c) => c.id)).toEqual([second])
    expect((await courrielsRecents(base.db, { destinataire: 'jean@exemple.FR' })).map((c) => c.id)).toEqual([premier])
    expect(await courrielsRecents(base.db, { limite: Infinity })).toHaveLength(2)
    expect((await courrielParId(base.db, premier))?.sujet).toBe('Premier sujet')
  })

  it('refuse une adresse qui n’en est pas une, ou plusieurs, sans la répéter', async () => {
    for (const destinataire of ['a@b.fr, c@d.fr', 'Marie <marie@exemple.fr>', 'marie', 'marie@exemple.fr\r\nBcc: x@y.fr']) {
      const essai = deposerCourriel(base.db, { destinataire, sujet: 'Sujet', texte: 'Texte' })
      await expect(essai).rejects.toBeInstanceOf(CourrielInvalideError)
      await expect(essai).rejects.not.toThrow(/exemple|b\.fr/)
    }
    await expect(deposerCourriel(base.db, { destinataire: 'a@b.fr', sujet: ' \n ', texte: 'Texte' })).rejects.toBeInstanceOf(CourrielInvalideError)
    expect(await courrielsRecents(base.db)).toEqual([])
  })

  it('se dépose dans une transaction et disparaît avec elle', async () => {
    await expect(
      base.db.transaction(async (tx) => {
        await deposerCourriel(tx, INVITATION)
        throw new Error('annulée')
      }),
    ).rejects.toThrow('annulée')
    expect(await courrielsRecents(base.db)).toEqual([])
    await base.db.transaction(async (tx) => {
      await deposerCourriel(tx, INVITATION)
    })
    expect(await courrielsRecents(base.db)).toHaveLength(1)
  })

  it('envoie par SMTP : destinataire, expéditeur, sujet et texte justes ; le texte est effacé', async () => {
    const smtp = await serveurSmtp()
    try {
      const id = await deposerCourriel(base.db, INVITATION)
      const facteur = new Facteur(base.db, expediteurSmtp(`smtp://127.0.0.1:${smtp.port}`, DE))
      expect(await facteur.distribuer()).toEqual({ envoyes: 1, echecs: 0 })
      expect(smtp.recus).toHaveLength(1)
      const recu = smtp.recus[0] as Recu
      expect(recu.de).toBe('ne-pas-repondre@aiguillage.test')
      expect(recu.a).toEqual(['marie.dupont@exemple.fr'])
      const { entetes, corps } = lire(recu.brut)
      expect(entetes.get('to')).toBe('marie.dupont@exemple.fr')
      expect(entetes.get('from')).toBe(DE)
      expect(entetes.get('subject')).toBe(INVITATION.sujet)
      expect(entetes.get('content-type')).toMatch(/^text\/plain; charset=utf-8/i)
      expect(entetes.get('auto-submitted')).toBe('auto-generated')
      expect(corps.trimEnd()).toBe(INVITATION.texte)
      const ligne = await courrielParId(base.db, id)
      expect(ligne?.envoyeLe).toBeInstanceOf(Date)
      expect(ligne).toMatchObject({ texte: null, tentatives: 0, erreur: null })
      // nothing left: a second call sends nothing again
      expect(await facteur.distribuer()).toEqual({ envoyes: 0, echecs: 0 })
      expect(smtp.recus).toHaveLength(1)
    } finally {
      await smtp.fermer()
    }
  })

  it('un refus du serveur (550) compte une tentative, sans l’adresse, et le courriel attend avec son texte', async () => {
    const smtp = await serveurSmtp({
      onRcptTo(adresse, _session, suite) {
        if (adresse.address.startsWith('refuse')) return suite(Object.assign(new Error(`5.1.1 <${adresse.address}>: boîte inconnue`), { responseCode: 550 }))
        suite()
      },
    })
    try {
      const refuse = await deposerCourriel(base.db, { ...INVITATION, destinataire: 'refuse.martin@exemple.fr' })
      const accepte = await deposerCourriel(base.db, INVITATION)
      const facteur = new Facteur(base.db, expediteurSmtp(`smtp://127.0.0.1:${smtp.port}`, DE))
      // a refusal concerns that message only: the next one goes
      expect(await facteur.distribuer()).toEqual({ envoyes: 1, echecs: 1 })
      const ligne = await courrielParId(base.db, refuse)
      expect(ligne).toMatchObject({ envoyeLe: null, tentatives: 1, texte: INVITATION.texte })
      expect(ligne?.erreur).toBe('Le serveur SMTP a refusé le destinataire (550).')
      expect(ligne?.erreur).not.toMatch(/refuse\.martin|exemple/)
      expect((await courrielParId(base.db, accepte))?.texte).toBeNull()
      // not tried again at once: after n failures it waits (4ⁿ − 1) minutes from its creation
      expect(await facteur.distribuer()).toEqual({ envoyes: 0, echecs: 0 })
      const vieillir = (minutes: number) => base.db.update(courriels).set({ creeLe: sql`now() - ${minutes} * interval '1 minute'` }).where(eq(courriels.id, refuse))
      await vieillir(2)
      expect(await facteur.distribuer()).toEqual({ envoyes: 0, echecs: 0 })
      // then tried again until the fifth attempt, then left alone
      for (const [i, attente] of [3, 15, 63, 255].entries()) {
        await vieillir(attente)
        expect(await facteur.distribuer(), `tentative ${i + 2}`).toEqual({ envoyes: 0, echecs: 1 })
      }
      await vieillir(100_000)
      expect(await facteur.distribuer()).toEqual({ envoyes: 0, echecs: 0 })
      expect(await courrielParId(base.db, refuse)).toMatchObject({ tentatives: 5, envoyeLe: null, texte: INVITATION.texte })
    } finally {
      await smtp.fermer()
    }
  })

  it('serveur arrêté : échec compté, aucune exception, les suivants attendent sans tentative', async () => {
    const facteur = new Facteur(base.db, expediteurSmtp(`smtp://127.0.0.1:${await portFerme()}`, DE))
    const [premier, second] = await deposer(base, 2)
    expect(await facteur.distribuer()).toEqual({ envoyes: 0, echecs: 1 })
    expect(await courrielParId(base.db, premier as number)).toMatchObject({ tentatives: 1, envoyeLe: null, texte: 'Texte 0', erreur: 'Connexion au serveur SMTP impossible (ECONNREFUSED).' })
    expect(await courrielParId(base.db, second as number)).toMatchObject({ tentatives: 0, envoyeLe: null, erreur: null })
  })

  it('sans serveur SMTP : rien n’est envoyé, le texte reste lisible', async () => {
    const id = await deposerCourriel(base.db, INVITATION)
    const facteur = new Facteur(base.db, undefined)
    expect(await facteur.distribuer()).toEqual({ envoyes: 0, echecs: 0 })
    facteur.signaler()
    await facteur.attendre()
    expect(await courrielParId(base.db, id)).toMatchObject({ texte: INVITATION.texte, envoyeLe: null, tentatives: 0 })
  })

  it('signaler regroupe les appels, n’envoie jamais deux fois ni en parallèle, et reprend ce qui arrive pendant l’envoi', async () => {
    const envois: string[] = []
    let simultanes = 0
    let maximum = 0
    let liberer: () => void = () => {}
    const premierEnvoi = new Promise<void>((resolve) => {
      liberer = resolve
    })
    const lent: Expediteur = {
      async envoyer(courriel) {
        simultanes++
        maximum = Math.max(maximum, simultanes)
        if (envois.length === 0) await premierEnvoi
        envois.push(courriel.destinataire)
        simultanes--
      },
    }
    const facteur = new Facteur(base.db, lent)
    await deposer(base, 3)
    for (let i = 0; i < 5; i++) facteur.signaler()
    // while the first e-mail is being sent, another is deposited and signalled
    await new Promise((resolve) => setTimeout(resolve, 50))
    await deposerCourriel(base.db, { destinataire: 'tardif@exemple.fr', sujet: 'Tardif', texte: 'Tardif' })
    facteur.signaler()
    facteur.signaler()
    liberer()
    await facteur.attendre()
    expect(envois.sort()).toEqual(['personne0@exemple.fr', 'personne1@exemple.fr', 'personne2@exemple.fr', 'tardif@exemple.fr'])
    expect(maximum).toBe(1)
    expect((await courrielsRecents(base.db)).every((c) => c.texte === null && c.envoyeLe !== null)).toBe(true)
  })

  it('signaler vide la boîte 50 par 50 ; distribuer en prend 50 au plus, du plus ancien au plus récent', async () => {
    const envois: string[] = []
    const rapide: Expediteur = {
      async envoyer(courriel) {
        envois.push(courriel.sujet)
      },
    }
    await deposer(base, 60)
    const facteur = new Facteur(base.db, rapide)
    expect(await facteur.distribuer()).toEqual({ envoyes: 50, echecs: 0 })
    expect(envois.slice(0, 3)).toEqual(['Message 0', 'Message 1', 'Message 2'])
    await deposer(base, 70, 'autre')
    facteur.signaler()
    await facteur.attendre()
    expect(envois).toHaveLength(130)
    expect(envois.filter((s) => s === 'Message 0' || s === 'Message 59')).toEqual(['Message 0', 'Message 59', 'Message 0', 'Message 59'])
    const [{ restants } = { restants: -1 }] = await base.db.select({ restants: sql<number>`count(*)::int` }).from(courriels).where(sql`${courriels.envoyeLe} is null`)
    expect(restants).toBe(0)
  })

  it('deux facteurs sur la même base n’envoient jamais le même courriel', async () => {
    const envois: number[] = []
    const expediteur = (numero: number): Expediteur => ({
      async envoyer(courriel) {
        await new Promise((resolve) => setTimeout(resolve, 2))
        envois.push(Number(courriel.sujet.replace('Message ', '')) * 10 + numero)
      },
    })
    await deposer(base, 40)
    const [a, b] = await Promise.all([new Facteur(base.db, expediteur(1)).distribuer(), new Facteur(base.db, expediteur(2)).distribuer()])
    expect((a?.envoyes ?? 0) + (b?.envoyes ?? 0)).toBe(40)
    expect(new Set(envois.map((e) => Math.floor(e / 10))).size).toBe(40)
    expect(envois).toHaveLength(40)
  })

  it('un envoi abandonné par un serveur arrêté est repris après quinze minutes, comme une tentative', async () => {
    const id = await deposerCourriel(base.db, INVITATION)
    // claimed 20 minutes ago (and created before, so that its attempt is due again)
    await base.db.update(courriels).set({ envoyeLe: sql`now() - interval '20 minutes'`, creeLe: sql`now() - interval '30 minutes'` }).where(eq(courriels.id, id))
    const recent = await deposerCourriel(base.db, { ...INVITATION, destinataire: 'en.cours@exemple.fr' })
    await base.db.update(courriels).set({ envoyeLe: sql`now() - interval '1 minute'` }).where(eq(courriels.id, recent))
    const envois: string[] = []
    const facteur = new Facteur(base.db, { envoyer: async (c) => void envois.push(c.destinataire) })
    expect(await facteur.distribuer()).toEqual({ envoyes: 1, echecs: 0 })
    expect(envois).toEqual([INVITATION.destinataire])
    expect(await courrielParId(base.db, id)).toMatchObject({ tentatives: 1, texte: null, erreur: null })
    // a claim still fresh belongs to a facteur that may still be sending
    expect(await courrielParId(base.db, recent)).toMatchObject({ tentatives: 0, texte: INVITATION.texte })
  })

  it('le compte et le mot de passe de l’URL ne paraissent dans aucune erreur', async () => {
    const compte = 'aiguillage-compte'
    const motDePasse = 'S3cret:@/%é-Très-Long'
    const smtp = await serveurSmtp({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth(auth, _session, suite) {
        if (auth.username === compte && auth.password === motDePasse) return suite(null, { user: compte })
        suite(Object.assign(new Error(`Identifiants refusés pour ${auth.username} / ${auth.password ?? ''}`), { responseCode: 535 }))
      },
    })
    const url = (secret: string) => `smtp://${encodeURIComponent(compte)}:${encodeURIComponent(secret)}@127.0.0.1:${smtp.port}`
    const journal: string[] = []
    try {
      // right credentials: delivered
      await deposerCourriel(base.db, INVITATION)
      expect(await new Facteur(base.db, expediteurSmtp(url(motDePasse), DE), (m) => journal.push(m)).distribuer()).toEqual({ envoyes: 1, echecs: 0 })
      expect(smtp.recus).toHaveLength(1)

      // wrong ones: refused, and nothing tells them
      const mauvais = 'Mauvais-Secret-Tres-Reconnaissable-42'
      const id = await deposerCourriel(base.db, INVITATION)
      const expediteur = expediteurSmtp(url(mauvais), DE)
      const facteur = new Facteur(base.db, expediteur, (m) => journal.push(m))
      facteur.signaler()
      await facteur.attendre()
      const ligne = await courrielParId(base.db, id)
      expect(ligne).toMatchObject({ tentatives: 1, envoyeLe: null, erreur: 'Le serveur SMTP a refusé l’authentification (535).' })

      const erreur = await expediteur.envoyer(INVITATION).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(erreur).toBeInstanceOf(EchecEnvoiError)
      const tout = [ligne?.erreur ?? '', inspect(erreur, { depth: 10, showHidden: true }), JSON.stringify(erreur), ...journal].join('\n')
      for (const secret of [mauvais, motDePasse, encodeURIComponent(mauvais), compte, INVITATION.destinataire]) expect(tout).not.toContain(secret)
      expect(journal).toEqual([])
    } finally {
      await smtp.fermer()
    }
  })
})

describe('expediteurSmtp', () => {
  it('refuse une URL invalide sans la répéter', () => {
    for (const url of ['http://compte:motdepasse-secret@hote', 'pas une url motdepasse-secret', 'smtp://compte:%E0%A4%A@hote']) {
      expect(() => expediteurSmtp(url, DE)).toThrow(/AIGUILLAGE_SMTP_URL/)
      expect(() => expediteurSmtp(url, DE)).not.toThrow(/motdepasse-secret/)
    }
  })
})
