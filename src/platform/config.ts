/**
 * Configuration read from the environment, once, with French messages for bad values.
 * Secrets (database password in DATABASE_URL) never leave this object.
 */
import path from 'node:path'
import { lireReglesConservation, type ReglesConservation } from '../activity/domain/conservation.ts'

export interface Config {
  /** HTTP port (`PORT`, default 3000). */
  port: number
  /** Interface to listen on (`HOST`, default 127.0.0.1; 0.0.0.0 behind a reverse proxy or in a container). */
  host: string
  /** PostgreSQL connection string (`DATABASE_URL`); absent → embedded PGlite database. */
  databaseUrl: string | undefined
  /** Folder of the embedded database (`AIGUILLAGE_DATA_DIR`, default ./data). */
  dataDir: string
  /** Département whose communes the demo territory uses (`AIGUILLAGE_DEMO_DEPARTEMENT`, default 73, Savoie). */
  demoDepartement: string
  /** Number of demo places (`AIGUILLAGE_DEMO_LIEUX`, default 240). */
  demoLieux: number
  /** Name of the territory shown in the header (`AIGUILLAGE_TERRITOIRE`). */
  nomTerritoire: string
  /** Log level (`LOG_LEVEL`: fatal, error, warn, info, debug; default info). */
  logLevel: string
  /** Trust X-Forwarded-* headers from a reverse proxy (`TRUST_PROXY=1`). */
  trustProxy: boolean
  /**
   * Map tiles for the results map (`AIGUILLAGE_TUILES_URL`, e.g.
   * `https://tile.openstreetmap.org/{z}/{x}/{y}.png`, with `AIGUILLAGE_TUILES_ATTRIBUTION`);
   * absent: points on a plain background.
   */
  tuiles: { url: string; attribution: string } | undefined
  /** Base URL of the official geo API for `aiguillage geo sync` (`AIGUILLAGE_GEO_API`). */
  geoApi: string
  /**
   * The platform's public address (`AIGUILLAGE_URL_PUBLIQUE`, e.g. `https://inclusion.example.fr`),
   * used in the links of e-mails — never taken from the request's Host header. Default:
   * `http://localhost:<PORT>`.
   */
  urlPublique: string
  /**
   * SMTP server for e-mails (`AIGUILLAGE_SMTP_URL`, e.g. `smtps://compte:secret@smtp.example.fr:465`);
   * absent: e-mails stay in the outbox, readable by administrators.
   */
  smtpUrl: string | undefined
  /** Sender of e-mails (`AIGUILLAGE_COURRIEL_EXPEDITEUR`). */
  expediteur: string
  /**
   * Key encrypting the TOTP secrets in the database (`AIGUILLAGE_CLE_SECRETS`, 32 bytes in
   * base64, e.g. `openssl rand -base64 32`); absent: they are stored as they are.
   */
  cleSecrets: Buffer | undefined
  /**
   * Retention of personal data, in days (`AIGUILLAGE_CONSERVATION_IDENTITES_JOURS`,
   * `AIGUILLAGE_CONSERVATION_NOTES_JOURS`, `AIGUILLAGE_CONSERVATION_ORIENTATIONS_JOURS`; 365
   * each, La Coop's rule; 30 at least): see src/activity/domain/conservation.ts.
   */
  conservation: ReglesConservation
}

function entier(env: NodeJS.ProcessEnv, nom: string, defaut: number, min: number, max: number): number {
  const brut = env[nom]
  if (brut === undefined || brut === '') return defaut
  const valeur = Number(brut)
  if (!Number.isInteger(valeur) || valeur < min || valeur > max) {
    throw new Error(`La variable d'environnement ${nom} vaut « ${brut} » : un nombre entier entre ${min} et ${max} est attendu.`)
  }
  return valeur
}

function cleSecrets(texte: string): Buffer {
  const cle = Buffer.from(texte, 'base64')
  if (cle.length !== 32) throw new Error("La variable d'environnement AIGUILLAGE_CLE_SECRETS doit contenir 32 octets encodés en base64 (par exemple : openssl rand -base64 32).")
  return cle
}

function urlPublique(env: NodeJS.ProcessEnv): string {
  const brut = env.AIGUILLAGE_URL_PUBLIQUE
  if (!brut) return `http://localhost:${env.PORT || 3000}`
  let url: URL
  try {
    url = new URL(brut)
  } catch {
    throw new Error(`La variable d'environnement AIGUILLAGE_URL_PUBLIQUE vaut « ${brut} » : une adresse http:// ou https:// est attendue.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error("La variable d'environnement AIGUILLAGE_URL_PUBLIQUE doit commencer par https:// ou http://.")
  return url.origin
}

export function lireConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: entier(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.AIGUILLAGE_DATA_DIR || 'data'),
    demoDepartement: env.AIGUILLAGE_DEMO_DEPARTEMENT || '73',
    demoLieux: entier(env, 'AIGUILLAGE_DEMO_LIEUX', 240, 1, 2_000_000),
    nomTerritoire: env.AIGUILLAGE_TERRITOIRE || 'Territoire de démonstration',
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    tuiles: env.AIGUILLAGE_TUILES_URL ? { url: env.AIGUILLAGE_TUILES_URL, attribution: env.AIGUILLAGE_TUILES_ATTRIBUTION || '' } : undefined,
    geoApi: env.AIGUILLAGE_GEO_API || 'https://geo.api.gouv.fr',
    urlPublique: urlPublique(env),
    smtpUrl: env.AIGUILLAGE_SMTP_URL || undefined,
    expediteur: env.AIGUILLAGE_COURRIEL_EXPEDITEUR || 'Aiguillage <ne-pas-repondre@aiguillage.invalid>',
    cleSecrets: env.AIGUILLAGE_CLE_SECRETS ? cleSecrets(env.AIGUILLAGE_CLE_SECRETS) : undefined,
    conservation: lireReglesConservation(env),
  }
}
