/** The SMTP options read from the URL and the sanitised descriptions of nodemailer failures: pure. */
import { describe, expect, it } from 'vitest'
import { echecSmtp, optionsSmtp } from './expedition.ts'

describe('optionsSmtp', () => {
  it('smtp : STARTTLS dès que le serveur le propose, port 587 par défaut, délais de 10 s', () => {
    expect(optionsSmtp('smtp://relais.exemple.fr')).toMatchObject({ host: 'relais.exemple.fr', port: 587, secure: false, requireTLS: false, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 10_000, logger: false })
    expect(optionsSmtp('smtp://relais.exemple.fr')).not.toHaveProperty('auth')
    expect(optionsSmtp('smtp://[::1]:2525')).toMatchObject({ host: '::1', port: 2525 })
  })

  it('smtps : TLS exigé — implicite (465 par défaut), STARTTLS obligatoire sur 25, 587 et 2525', () => {
    expect(optionsSmtp('smtps://compte:secret@smtp.exemple.fr')).toMatchObject({ port: 465, secure: true, requireTLS: false, auth: { user: 'compte', pass: 'secret' } })
    expect(optionsSmtp('smtps://compte:secret@smtp.exemple.fr:587')).toMatchObject({ port: 587, secure: false, requireTLS: true })
    expect(optionsSmtp('smtps://smtp.exemple.fr:4650')).toMatchObject({ port: 4650, secure: true })
  })

  it('décode le compte et le mot de passe', () => {
    expect(optionsSmtp('smtp://moi%40exemple.fr:p%40ss%3A%2F%C3%A9@h:25').auth).toEqual({ user: 'moi@exemple.fr', pass: 'p@ss:/é' })
  })
})

describe('echecSmtp', () => {
  const erreur = (champs: Record<string, unknown>) => Object.assign(new Error('Can\'t send mail - all recipients were rejected: 550 5.1.1 <marie@exemple.fr> inconnue (motdepasse)'), champs)

  it('décrit par les seuls codes, jamais par le message de nodemailer', () => {
    const cas: Array<[Record<string, unknown>, string, 'message' | 'serveur']> = [
      [{ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550 }, 'Le serveur SMTP a refusé le destinataire (550).', 'message'],
      [{ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 421 }, 'Le serveur SMTP a refusé le destinataire (421).', 'serveur'],
      [{ code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 553 }, 'Le serveur SMTP a refusé l’expéditeur (553).', 'serveur'],
      [{ code: 'EMESSAGE', command: 'DATA', responseCode: 554 }, 'Le serveur SMTP a refusé le message (554).', 'message'],
      [{ code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535 }, 'Le serveur SMTP a refusé l’authentification (535).', 'serveur'],
      [{ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, 'Connexion au serveur SMTP impossible (ECONNREFUSED).', 'serveur'],
      [{ code: 'ETIMEDOUT' }, 'Le serveur SMTP n’a pas répondu à temps.', 'serveur'],
      [{ code: 'ETLS', originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER' }, 'La connexion chiffrée (TLS) avec le serveur SMTP a échoué (ERR_SSL_WRONG_VERSION_NUMBER).', 'serveur'],
      [{ code: 'EDNS', originalCode: 'ENOTFOUND' }, 'Le nom du serveur SMTP est introuvable (DNS).', 'serveur'],
      [{ code: 'E bizarre <marie@exemple.fr>' }, 'Échec de l’envoi par SMTP.', 'message'],
      [{}, 'Échec de l’envoi par SMTP.', 'message'],
    ]
    for (const [champs, message, portee] of cas) {
      const echec = echecSmtp(erreur(champs))
      expect([echec.message, echec.portee]).toEqual([message, portee])
      expect(echec.cause).toBeUndefined()
    }
    expect(echecSmtp('texte libre').message).toBe('Échec de l’envoi par SMTP.')
  })
})
