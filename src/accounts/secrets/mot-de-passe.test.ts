import { verify } from '@node-rs/argon2'
import { describe, expect, it, vi } from 'vitest'
import { hacherMotDePasse, LONGUEUR_MAX, LONGUEUR_MIN, problemeMotDePasse, verifierMotDePasse, verifierSansCompte } from './mot-de-passe.ts'

// The real argon2, observed: `verifierSansCompte` must run a real verification. Its cost is not timed
// here (no timed assertion in tests).
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const reel = await importOriginal<typeof import('@node-rs/argon2')>()
  return { ...reel, verify: vi.fn(reel.verify) }
})

const TROP_COURT = 'Le mot de passe doit contenir au moins 12 caractères.'
const TROP_LONG = 'Le mot de passe ne doit pas dépasser 256 caractères.'
const COURANT = 'Ce mot de passe fait partie des mots de passe les plus courants : choisissez-en un autre, par exemple une phrase de quelques mots.'
const PREVISIBLE = 'Ce mot de passe est trop prévisible (caractères répétés, suite ou rangée du clavier) : choisissez-en un autre, par exemple une phrase de quelques mots.'
const PERSONNEL = 'Le mot de passe ne doit pas contenir votre adresse électronique ni votre nom.'

describe('problemeMotDePasse : longueur', () => {
  it('exige de 12 à 256 caractères', () => {
    expect([LONGUEUR_MIN, LONGUEUR_MAX]).toEqual([12, 256])
    expect(problemeMotDePasse('')).toBe(TROP_COURT)
    expect(problemeMotDePasse('Kp8#vQ2mZr4')).toBe(TROP_COURT)
    expect(problemeMotDePasse('Kp8#vQ2mZr4w')).toBeUndefined()
  })

  it('compte en points de code après normalisation NFC', () => {
    const e = 'e\u0301' // « é » en deux points de code
    expect(problemeMotDePasse(`cr${e}pe sal${e}e`)).toBe(TROP_COURT) // 13 points de code, 11 une fois composé
    expect(problemeMotDePasse(`cr${e}pe sal${e}e!`)).toBeUndefined()
    expect(problemeMotDePasse('🐱🐶🦊🐻🐼🐨🐯🦁🐮🐷🐸')).toBe(TROP_COURT) // 22 unités UTF-16, 11 caractères
    expect(problemeMotDePasse('🐱🐶🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵')).toBeUndefined()
  })

  it('refuse au-delà de 256 caractères', () => {
    const long = Array.from({ length: 257 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join('')
    expect(problemeMotDePasse(long)).toBe(TROP_LONG)
    expect(problemeMotDePasse(long.slice(0, 256))).toBeUndefined()
    expect(problemeMotDePasse(`${long.slice(0, 255)}🐵`)).toBeUndefined() // 257 unités UTF-16, 256 caractères
  })
})

describe('problemeMotDePasse : mots de passe courants', () => {
  it.each([
    'azertyuiop123',
    'motdepasse123',
    'password1234',
    '123456789012',
    'qwertyuiop12',
    'Azerty123456!',
    'MotDePasse2024',
    'Mot de passe 2024',
    'MÔT-DE-PÂSSE-2024',
    'P@ssw0rd2024',
    'M0tD3P@ss3 2024',
    'Ch0uch0u!1985',
    'Nicolas1985!!',
    'Marseille13200',
    'Mârseille 2024!',
    '!!123456789012',
    '2024!!doudou!!',
    'chouchou123456',
    'soleilsoleil',
    'jetaime123456',
    'Aiguillage2024!',
    'chien1234chat',
    'xy123456789012',
  ])('refuse %j', (motDePasse) => {
    expect(problemeMotDePasse(motDePasse)).toBe(COURANT)
  })
})

describe('problemeMotDePasse : suites et répétitions', () => {
  it.each([
    'aaaaaaaaaaaa',
    '            ',
    'abcdefghijkl',
    'lkjihgfedcba',
    'cba987654321',
    '789012345678',
    'azertyuiopqs',
    'nbvcxwmlkjhg',
    '121212121212',
    'abcdabcdabcd',
    '199001011990',
    'abcdefgh1234',
    'aaaaaaaa!!!!',
    'q!abcdefgh9876',
  ])('refuse %j', (motDePasse) => {
    expect(problemeMotDePasse(motDePasse)).toBe(PREVISIBLE)
  })
})

describe('problemeMotDePasse : adresse et nom du compte', () => {
  const contexte = { courriel: 'camille.martin@exemple.fr', nom: 'Paul Durand-Lefèvre' }

  it.each(['Camille.Martin75', 'camillemartin!', 'mon nom est MARTIN', 'Durand-Lefèvre 2024', 'je suis lefevre', 'Paul2024!!!!!'])('refuse %j', (motDePasse) => {
    expect(problemeMotDePasse(motDePasse, contexte)).toBe(PERSONNEL)
  })

  it('ne confond pas un mot court du nom avec un morceau de mot', () => {
    expect(problemeMotDePasse('Paul va au marché', contexte)).toBeUndefined() // « paul » : 4 lettres, refusé seul seulement
    expect(problemeMotDePasse('une epaule de veau', contexte)).toBeUndefined()
    expect(problemeMotDePasse('Camille.Martin75')).toBeUndefined() // sans le contexte, rien à redire
  })
})

describe('problemeMotDePasse : mots de passe acceptables', () => {
  it.each([
    'cheval correct batterie agrafe',
    'Je bois du café le matin',
    'les chats dorment 3',
    'Tr0ub4dor&3xyz',
    'MaPhraseSecrète123456',
    'abcd48201937',
    '#%&*!@)(^$~+',
    'ÉTÉ à la plage 1998',
    'wq!?abcdefgh9876', // 4 caractères hors suite : assez
  ])('accepte %j', (motDePasse) => {
    expect(problemeMotDePasse(motDePasse, { courriel: 'camille.martin@exemple.fr', nom: 'Paul Durand' })).toBeUndefined()
  })
})

describe('hacherMotDePasse et verifierMotDePasse', () => {
  it('produit une empreinte argon2id aux paramètres OWASP, salée', async () => {
    const a = await hacherMotDePasse('une phrase de passe assez longue')
    const b = await hacherMotDePasse('une phrase de passe assez longue')
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/)
    expect(b).not.toBe(a)
    expect(await verifierMotDePasse(a, 'une phrase de passe assez longue')).toBe(true)
    expect(await verifierMotDePasse(b, 'une phrase de passe assez longue')).toBe(true)
    expect(await verifierMotDePasse(a, 'une phrase de passe assez longue ')).toBe(false)
    expect(await verifierMotDePasse(a, 'Une phrase de passe assez longue')).toBe(false)
  })

  it('normalise en NFC : « é » composé ou décomposé donne le même mot de passe', async () => {
    const empreinte = await hacherMotDePasse('pl\u00e9iade rousse')
    expect(await verifierMotDePasse(empreinte, 'ple\u0301iade rousse')).toBe(true)
    expect(await verifierMotDePasse(await hacherMotDePasse('ple\u0301iade rousse'), 'pl\u00e9iade rousse')).toBe(true)
  })

  it.each([
    '',
    'abc',
    '$argon2id$v=19$m=19456,t=2,p=1$xx$yy',
    '$argon2id$v=19$m=19456,t=2,p=1$',
    '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy',
    'pbkdf2_sha256$600000$sel$empreinte',
  ])('renvoie false sans lever d’erreur pour l’empreinte mal formée %j', async (empreinte) => {
    await expect(verifierMotDePasse(empreinte, 'une phrase de passe assez longue')).resolves.toBe(false)
  })
})

describe('verifierSansCompte', () => {
  it('répond toujours false, après une vraie vérification argon2id aux mêmes paramètres', async () => {
    const verification = vi.mocked(verify)
    verification.mockClear()
    expect(await verifierSansCompte('une phrase de passe assez longue')).toBe(false)
    expect(await verifierSansCompte('')).toBe(false)
    // each call checked the password against an argon2id hash with the OWASP parameters
    expect(verification.mock.calls.map(([empreinte, motDePasse]) => [String(empreinte).replace(/\$[^$]+\$[^$]+$/, ''), motDePasse])).toEqual([
      ['$argon2id$v=19$m=19456,t=2,p=1', 'une phrase de passe assez longue'],
      ['$argon2id$v=19$m=19456,t=2,p=1', ''],
    ])
    for (const resultat of verification.mock.results) expect(await resultat.value).toBe(false)
  })
})
