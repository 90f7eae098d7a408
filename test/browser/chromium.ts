/** Debian's Chromium for the browser tests: where it is, whether it is there, how it is launched. */
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'
export const CHROMIUM_PRESENT = existsSync(CHROMIUM)

export const ARGUMENTS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export const lancerChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: ARGUMENTS })

/** The title of a browser test, saying why it is skipped when Chromium is absent. */
export const titreNavigateur = (titre: string): string => `${titre}${CHROMIUM_PRESENT ? '' : ` (ignoré : ${CHROMIUM} absent)`}`

/** Gives the browser context the cookies of a session opened by `seConnecter`. */
export async function avecSession(contexte: BrowserContext, url: string, cookie: string): Promise<void> {
  const cookies = cookie
    .split(';')
    .map((morceau) => morceau.trim())
    .filter((morceau) => morceau.includes('='))
    .map((morceau) => ({ name: morceau.slice(0, morceau.indexOf('=')), value: morceau.slice(morceau.indexOf('=') + 1), url }))
  await contexte.addCookies(cookies)
}

