import { parseHTML } from 'linkedom'
import QRCode from 'qrcode'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { qrCodeSvg } from './qr.ts'

const URI = 'otpauth://totp/Aiguillage:camille.martin@exemple.fr?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Aiguillage&algorithm=SHA1&digits=6&period=30'

describe('qrCodeSvg', () => {
  it('produit un SVG unique, annoncé comme image, sans style ni script', async () => {
    const svg = await qrCodeSvg(URI)
    expect(svg.startsWith('<svg role="img" aria-label="QR code à scanner avec votre application d’authentification" xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg.endsWith('</svg>')).toBe(true)
    expect(svg.match(/<svg/g)).toHaveLength(1)
    expect(svg).not.toMatch(/style\s*=/i)
    expect(svg).not.toMatch(/<script|<style|\son[a-z]+\s*=|javascript:/i)
  })

  it('se lit comme du HTML : un seul élément svg racine avec son rôle et son nom', async () => {
    const { document } = parseHTML(`<!doctype html><html><body>${await qrCodeSvg(URI)}</body></html>`)
    const racines = document.querySelectorAll('body > svg')
    expect(racines).toHaveLength(1)
    expect(racines[0]?.getAttribute('role')).toBe('img')
    expect(racines[0]?.getAttribute('aria-label')).toBe('QR code à scanner avec votre application d’authentification')
    expect(document.querySelectorAll('[style]')).toHaveLength(0)
  })

  it('a une marge de 2 modules et la taille d’une version adaptée au texte', async () => {
    // 143 octets en correction M : version 8, 49 modules, 53 avec la marge
    // (la correction L tiendrait en version 7 : 49).
    expect(await qrCodeSvg(URI)).toContain('viewBox="0 0 53 53"')
    // « a » : version 1, 21 modules.
    expect(await qrCodeSvg('a')).toContain('viewBox="0 0 25 25"')
  })

  it('dépend du texte', async () => {
    expect(await qrCodeSvg('a')).not.toBe(await qrCodeSvg('b'))
  })

  describe('si qrcode changeait de sortie', () => {
    afterEach(() => vi.restoreAllMocks())
    const produit = (svg: string) => vi.spyOn(QRCode, 'toString').mockImplementation((async () => svg) as never)

    it('retire les attributs style', async () => {
      produit('<svg xmlns="http://www.w3.org/2000/svg" style="background:red" viewBox="0 0 25 25"><path STYLE=\'fill:#000\' d="M0 0h1"/></svg>\n')
      expect(await qrCodeSvg('a')).toBe(
        '<svg role="img" aria-label="QR code à scanner avec votre application d’authentification" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 25 25"><path d="M0 0h1"/></svg>',
      )
    })

    it.each(['<svg xmlns="x"><script>alert(1)</script></svg>', '<svg xmlns="x" onload="alert(1)"></svg>', '<svg xmlns="x"><style>*{}</style></svg>', '<?xml version="1.0"?><svg></svg>'])(
      'refuse un SVG inattendu : %s',
      async (svg) => {
        produit(svg)
        await expect(qrCodeSvg('a')).rejects.toThrow('SVG inattendu')
      },
    )
  })
})
